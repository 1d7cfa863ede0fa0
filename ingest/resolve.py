"""Within-document resolution: mentions become entities with aliases, references and part-of.

Rules, in order: facilities by name (case, spacing, prefix "Zaporizhzhia plant" of
"Zaporizhzhia Nuclear Power Plant"), acronyms in parentheses, "also known as"; states by
country; persons by surname; organisations by name less a company suffix; then short
definite references ("the dam") to the last facility of that kind.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional

from spacy.attrs import LOWER
from spacy.tokens import Doc

from ingest import lexicon
from ingest.actors import LINKING, ORG_TAILS
from ingest.facilities import UNITS
from ingest.lexicon import fold
from ingest.mention import Mention
from ingest.toks import is_heading, sentences
from ingest.toks import text as doc_text

COMPAT = [{"plant", "power_plant", "facility"}, {"plant", "water_plant"},
          {"port", "terminal"}, {"facility", "storage"}, {"facility", "refinery"},
          {"dam", "reservoir"},
          # "the X-Y line" (a line of some kind) is "the X-Y 220 kV transmission line"
          {"line", "power_line"}, {"line", "railway"}, {"line", "pipeline"}, {"line", "cable"}]
SUFFIXES = {"ltd", "ltd.", "inc", "inc.", "oy", "as", "sa", "ag", "plc", "llc", "gmbh", "corp", "corp.", "co", "co.",
            "corporation", "company", "group", "pte"}
ALIAS_CUES = re.compile(r"\b(?:also known as|better known as|formerly known as|formerly called|also called|a\.k\.a\.|aka)\s+"
                        r"|,\s+(?:commonly |widely )?known as\s+(?:the\s+)?", re.I)
OTHER_NAMES = re.compile(r"\b(?:Other|Its other) names\b[^.]*?\binclude\s+")


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """A name's comparison key: folded, no punctuation, spaces or leading 'the'."""
    k = re.sub(r"[^\w\s]", " ", fold(name))
    k = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", k).strip())
    return k.replace(" ", "")


@dataclass(eq=False)
class Ent:
    """An entity being built: names, mention token spans, structure."""

    kind: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    part_of: Optional["Ent"] = None
    canonical: Optional[str] = None
    weak: bool = False  # a description ("data cable"): output only when an incident needs it
    first: int = 10 ** 9
    id: str = ""

    def add(self, m: Mention, alias: bool = True) -> None:
        self.spans.append((m.start, m.end))
        self.first = min(self.first, m.start)
        if alias:
            for n in [m.name, *m.aliases]:
                self.alias(n)

    def alias(self, n: str) -> None:
        n = n.strip()
        if n and key(n) != key(self.name) and key(n) not in {key(a) for a in self.aliases}:
            self.aliases.append(n)

    def keys(self) -> set[str]:
        return {key(self.name)} | {key(a) for a in self.aliases}

    def ancestors(self) -> list["Ent"]:
        out, p = [], self.part_of
        while p is not None and p not in out and p is not self:
            out.append(p)
            p = p.part_of
        return out


@dataclass
class Resolution:
    """Entities and, for each token that mentions one, which."""

    entities: list[Ent] = field(default_factory=list)
    at: dict[int, list[Ent]] = field(default_factory=dict)  # token -> entities it mentions
    group_refs: dict[int, Ent] = field(default_factory=dict)  # "the team" token -> actor

    def link(self, start: int, end: int, ents: list[Ent]) -> None:
        for i in range(start, end):
            self.at[i] = ents

    states: dict[str, Ent] = field(default_factory=dict)  # country -> its state actor

    def state_for(self, country: str, start: int, end: int) -> Ent:
        """The state actor of a country, made when only a demonym names it ('a Russian missile strike')."""
        e = self.states.get(country)
        if e is None:
            e = self.states[country] = Ent("actor", "state", country, canonical=country)
            self.entities.append(e)
        if (start, end) not in e.spans:
            e.spans.append((start, end))
            e.first = min(e.first, start)
        return e

    def actor_at(self, i: int) -> Optional[Ent]:
        for e in self.at.get(i, []):
            if e.kind == "actor":
                return e
        return self.group_refs.get(i)


def _caps(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-–]+", name) if w[:1].isupper()]


# ratings and sizes: "330 kV", "40-MW", "600 mm"
MEASURES = UNITS | {"kilovolts", "megawatts", "km", "kilometre", "kilometer", "mm", "millimetre", "millimeter", "inch", "bar",
                    "m3", "dwt"}


def _numbers(name: str) -> list[str]:
    """The designations in a name ("Berth 12" → ["12"], "Tower T-47" → ["T-47"]); a measure is none
    ("the X 330 kV substation" is the X substation)."""
    words = [w.lower().strip(".,") for w in name.split()] + [""]
    return [w for k, w in enumerate(name.split()) if any(c.isdigit() for c in w)
            and words[k + 1] not in MEASURES and re.sub(r"^[\d.,]+-?", "", words[k]) not in MEASURES]


def _type_in_context(doc: Doc, m: Mention) -> str:
    """A facility's type, or the one the document's words give its head word ('interconnector' in
    a story of megawatts is a cable): see typed_by_context in facilities.json."""
    choices = lexicon.facilities().get("typed_by_context", {}).get(doc[m.end - 1].lower_)
    if not choices:
        return m.type
    counts = {t: _count_words(doc_text(doc), tuple(words)) for t, words in choices.items() if not t.startswith("_")}
    best = max(counts, key=counts.get)
    return best if counts[best] > 0 and list(counts.values()).count(counts[best]) == 1 else m.type


@lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def _count_words(text: str, words: tuple[str, ...]) -> int:
    return len(_words_pattern(words).findall(text))


GENERIC_TYPES = ("line", "facility")  # types a name's head word leaves open ('Line 5', 'Kuparuk Facility')


def _type_told(doc: Doc, start: int, end: int) -> Optional[str]:
    """The kind a sentence gives a name of an open type: 'Line 5 is a 645-mile pipeline', 'Line 9, an oil
    pipeline': a pipeline, which 'the pipeline' later refers to."""
    root = next((t for t in doc[start:end] if not start <= t.head.i < end), None)
    if root is None:
        return None
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        kinds = [c for c in root.head.children if c.dep_ == "attr"]
    else:
        kinds = [c for c in root.children if c.dep_ == "appos"]
    heads = lexicon.facilities()["heads"]
    for c in kinds:
        words = [t.lower_ for t in c.subtree if t.i <= c.i and t.dep_ in ("compound", "amod") or t.i == c.i]
        for n in range(len(words)):
            kind = heads.get(" ".join(words[n:]))
            if kind is not None and kind not in GENERIC_TYPES:
                return kind
    return None


def _compatible(a: str, b: str) -> bool:
    return a == b or any(a in s and b in s for s in COMPAT)


def _part_of_another(fac: list, ent_of: dict, m: Mention, before: list) -> bool:
    """Every earlier facility of m's type was told as a part of another whole than m's."""
    whole = ent_of.get(m.parent, [None])[0]
    if whole is None:
        return False
    same = [e for e in before if e.type == m.type]
    wholes: dict[int, set] = {id(e): set() for e in same}
    for k, other in enumerate(fac):
        if other.parent is None or other.parent not in ent_of:
            continue
        for e in ent_of.get(k, []):
            if id(e) in wholes:
                wholes[id(e)].add(id(ent_of[other.parent][0]))
    return all(ws and id(whole) not in ws for ws in wholes.values())


def _numbered_last(m: Mention, before: list) -> bool:
    """The facility of m's type told last before m is named by a number or a code ('T-113', 'Tower 45')."""
    same = [e for e in before if e.type == m.type]
    if not same:
        return False
    last = max(same, key=lambda e: max(s for s, _ in e.spans if s < m.start))
    return any(c.isdigit() for c in last.name)


def _collective(doc: Doc, m: Mention, named: list, placed: list) -> list:
    """'container terminals run by SCP' in a story that names three terminals: an unnamed plural
    stands for the named facilities of its type (two or more), not for a facility of its own."""
    head = doc[m.end - 1]
    if head.tag_ not in ("NNS", "NNPS") or m.parent is not None:
        return []
    if _distribute(doc, m, placed):
        return []  # "facilities at Abqaiq and Khurais": one per place, made below
    same = [e for e in named if e.type == m.type and not e.weak]
    return same if len(same) >= 2 else []


def _another(doc: Doc, m: Mention) -> bool:
    """'a fourth tower', 'another pylon', 'two more towers': a part told as one more of its kind, not the one named."""
    k = m.start - 1
    while k > 0 and doc[k].dep_ == "amod" and doc[k].ent_type_ != "ORDINAL":
        k -= 1
    return k >= 0 and (doc[k].lower_ == "another" or doc[k].ent_type_ == "ORDINAL" and doc[k].lower_ != "first"
                       or doc[k].lower_ == "more")


LINEAR_HEADS = {"line", "pipeline", "cable", "railway", "interconnector"}  # facilities that run past many towns


def _apposed_to(doc: Doc, m: Mention, named_at: dict) -> Optional[int]:
    """'the X compressor station, the head-end compression plant of the Y pipeline': a description in
    apposition to a named facility says what that facility is (and what it is part of), not another one.
    The index of the named mention, if any."""
    h = doc[m.end - 1]
    left = h.left_edge.i
    if h.dep_ != "appos" or left < 2 or doc[left].lower_ not in ("the", "a", "an") or doc[left - 1].text != ",":
        return None
    return named_at.get(left - 2)  # (the parser may hang it on the clause's subject: 'an explosion at X, the ...')


def _whole_before(m: Mention, named: list) -> bool:
    """'a storm toppled towers on the northern section' after a named line: equipment told as its whole,
    in the plural, is some of that whole's (not towers in general)."""
    holders = lexicon.facilities()["plural_parts_of_named"].get(m.type, ())
    return any(e.type in holders and e.first < m.start for e in named)


def _sentences_apart(doc: Doc, a: Mention, b: Mention) -> int:
    """0 in one sentence, 1 in neighbouring sentences, and so on."""
    lo, hi = sorted((a.start, b.start))
    return sum(1 for t in doc[lo + 1:hi + 1] if t.is_sent_start)


def _bridge_parts(doc: Doc, fac: list, ent_of: dict, named: list) -> None:
    """'a fire at a processing unit' in a story about a refinery: an unnamed part whose whole is
    not said is part of the facility last named before it (the named whole of the story)."""
    part_types = set(lexicon.facilities()["part_types"])
    holders = lexicon.facilities()["contained_in"]
    every = [j for j, n in enumerate(fac) if n.named and n.type not in part_types and j in ent_of]
    for k, m in enumerate(fac):
        owned = m.start > 0 and doc[m.start - 1].text in ("'s", "’s")  # "the dam's transformer station"
        if not (m.type in part_types or owned) or m.named or k not in ent_of:
            continue
        # 'a charge damaged the legs of a tower near Loreto' after a cement plant: the line's tower (but 'the
        # station's transformer' is the station's)
        wholes = [j for j in every if not owned and ent_of[j][0].type in holders.get(m.type, ())] or every
        before = [j for j in wholes if j < k]
        after = [] if owned else [j for j in wholes if j > k and _sentences_apart(doc, m, fac[j]) <= 1]
        same = [j for j in after if _sentences_apart(doc, m, fac[j]) == 0]
        if same and not (before and _sentences_apart(doc, fac[before[-1]], m) == 0):
            whole = ent_of[same[0]][0]  # 'a transformer exploded at the X substation': the whole this sentence names
        elif before:
            whole = ent_of[before[-1]][0]
        elif after:  # 'insurgents set fire to the control building' in a lead that names the station next
            whole = ent_of[after[0]][0]
        else:
            continue
        for e in ent_of[k]:  # not a named whole an owned description refers to ("Hodeidah's port")
            if (e.weak or m.type in part_types) and e.part_of is None and e is not whole and e not in whole.ancestors():
                e.part_of = whole


RATED = re.compile(r"\d\s*-?\s*(?:kv|kilovolts?)\b", re.I)
UNPOWERED = {"pipeline", "railway"}


def _powered_apart(a: Ent, b: Ent) -> bool:
    """'the 330 kV Kaduna–Kano line' is no 'Kaduna–Kano products pipeline': a line told with its voltage
    carries power, not oil or trains."""
    def rated(e: Ent) -> bool:
        return any(RATED.search(n) for n in (e.name, *e.aliases))
    return rated(a) and b.type in UNPOWERED or rated(b) and a.type in UNPOWERED


def _fold_into(a: Ent, b: Ent, pool: list, ent_of: dict, names: bool = True) -> None:
    """Entity a is another name of b: its names (unless ``names`` is false: a part told as its whole names
    no whole) and mentions move to b, and a leaves the pool."""
    for n in [a.name, *a.aliases] if names else ():
        b.alias(n)
    b.spans += a.spans
    b.first = min(a.first, b.first)
    pool.remove(a)
    for k, v in ent_of.items():
        ent_of[k] = [b if x is a else x for x in v]


def _same_parts(described: list, part_heads: dict, ent_of: dict) -> None:
    """'the switchyard of the Drinasi hydropower plant' ... 'the switchyard of the plant': one whole's
    parts described by the same head word are one part."""
    first: dict = {}
    for e in list(described):
        head = part_heads.get(id(e))
        if head is None or e.part_of is None:
            continue
        same = first.setdefault((id(e.part_of), head), e)
        if same is not e:
            _fold_into(e, same, described, ent_of)


def _piers_into_bridges(described: list, part_heads: dict, ent_of: dict) -> None:
    """'floodwaters undermined a pier of the X bridge': told as the bridge, which is what one names (a
    pier of a jetty is a berth, and stays one)."""
    for e in list(described):
        if part_heads.get(id(e)) in ("pier", "piers") and e.part_of is not None and e.part_of.type == "bridge":
            # (its mentions only: 'pier of the X bridge' is no other name of the bridge)
            _fold_into(e, e.part_of, described, ent_of, names=False)


def _contain_named_parts(facilities: list) -> None:
    """'Berth 3 was struck' in a story about one terminal: a named part whose whole the text does not
    say belongs to the only facility it names that can hold it, or to the innermost of a chain of them
    (the terminal within its port); of two that could, to the only one named before it; else to none. The holders' types are
    tried in their listed order ('Unit 3' is a refinery's before a station's)."""
    contained = lexicon.facilities()["contained_in"]
    for e in facilities:
        holders = contained.get(e.type)
        if e.part_of is not None or e.weak or not isinstance(holders, list):
            continue
        candidates = [w for w in facilities if w is not e and not w.weak and w.type in holders and e not in w.ancestors()]
        for typ in holders:
            wholes = [w for w in candidates if w.type == typ]
            wholes += [w for w in candidates if w.type != typ and any(w in o.ancestors() for o in wholes)]
            if not wholes:
                continue
            inner = [w for w in wholes if all(o is w or o in w.ancestors() for o in wholes)]
            if len(inner) != 1:  # 'a second drone struck storage tank No. 4' after one terminal, another told later
                inner = [w for w in (inner or wholes) if w.first < e.first]
            if len(inner) == 1:
                e.part_of = inner[0]
            break


def _without(fac: list[Mention], dropped: list[Mention]) -> list[Mention]:
    """The facility mentions less some, their parents (positions in the list) moved to match; copies,
    so the Doc's own mentions keep theirs. A part whose whole is dropped has none."""
    gone = {id(m) for m in dropped}
    kept = [m for m in fac if id(m) not in gone]
    index = {id(m): k for k, m in enumerate(kept)}
    return [replace(m, parent=index.get(id(fac[m.parent])) if m.parent is not None else None) for m in kept]


def resolve(doc: Doc) -> Resolution:
    res = Resolution()
    fac: list[Mention] = list(doc._.ig_facilities or [])
    act: list[Mention] = list(doc._.ig_actors or [])
    headings = [(s.start, s.end) for s in sentences(doc) if is_heading(s)]
    if headings:  # 'RED SEA TANKER & PORT BRIEF': a label in capitals names nothing
        fac = _without(fac, [m for m in fac if any(a <= m.start < b for a, b in headings)])
        act = [m for m in act if m.source == "dateline" or not any(a <= m.start < b for a, b in headings)]
    fac_tokens = {i for m in fac if m.named for i in range(m.start, m.end)}
    refs = lexicon.facilities()["references"]

    # --- facilities -------------------------------------------------------------------------
    named: list[Ent] = []
    ent_of: dict[int, list[Ent]] = {}
    placed = [m for m in act if m.kind == "place" or m.place_like]
    for k, m in enumerate(fac):
        if not m.named:
            continue
        e = next((x for x in named if key(m.name) in x.keys()), None)
        if e is None:
            e = Ent("facility", _type_in_context(doc, m), m.name, weak=True)
            named.append(e)
        if m.source != "modifier":
            e.weak = False  # only ever seen naming an event ("X substation attack"): kept if a target
        e.add(m)
        town = _in_town(doc, m, placed) if m.parent is None and doc[m.end - 1].is_lower else None
        if town is not None:  # 'a Movitel telecommunications site at Chai': known by its town too
            e.alias(_town_names(doc, m, town)[0])
        _acronym(doc, m, e)
        ent_of[k] = [e]
    for e in named:
        if e.type in GENERIC_TYPES:
            e.type = next((t for t in (_type_told(doc, a, b) for a, b in e.spans) if t), e.type)
    # 'the Chychkan Hydroelectric Power Station (Chychkan HPP)': the name in parentheses is another name
    ends = {m.end: k for k, m in enumerate(fac) if m.named}
    for k, m in enumerate(fac):
        if not m.named or m.start < 2 or doc[m.start - 1].text != "(" or m.end >= len(doc) or doc[m.end].text != ")":
            continue
        before = ends.get(m.start - 1)
        if before is None or k not in ent_of or before not in ent_of:
            continue
        a, b = ent_of[k][0], ent_of[before][0]
        if a is not b and a in named and b in named and _compatible(a.type, b.type) \
                and _same_first_word(a.name, b.name):  # not 'X oil terminal (Y port)'
            _fold_into(a, b, named, ent_of)
    # a name that is the capitalized start of a longer one of a compatible type is the same facility
    for a in list(named):
        for b in named:
            if a is b or a not in named:
                continue
            ca, cb = _caps(a.name), _caps(b.name)
            if _numbers(a.name) != _numbers(b.name) and _numbers(a.name):
                continue  # "Berth 3" is not "Berth 12", "Unit 2" not "Unit 2A"
            if ca and cb[:len(ca)] == ca and (len(ca) < len(cb) or len(ca) == len(cb) and len(a.name) < len(b.name)) \
                    and _compatible(a.type, b.type) and not _powered_apart(a, b):
                _fold_into(a, b, named, ent_of)
                break
    # 'Olomouc water plant' (a headline) and 'the Černovír water treatment plant in Olomouc': one plant,
    # named once by its town
    for a in list(named):
        town = _caps(a.name)
        if len(town) != 1 or a not in named:
            continue
        home = [b for b in named if b is not a and (_compatible(a.type, b.type) or a.type in ("plant", "facility")) and any(
            x + 1 < len(doc) and doc[x].lower_ in ("in", "near", "outside") and doc[x + 1].text == town[0]
            for _, x in b.spans)]
        if len(home) == 1:
            _fold_into(a, home[0], named, ent_of)
    # descriptions and references, in text order
    described: list[Ent] = []
    kinds = set(lexicon.facilities()["generic_words"]) | set(lexicon.facilities()["modifiers"])
    named_at = {i: k for k, m in enumerate(fac) if m.named and k in ent_of for i in range(m.start, m.end)}
    for k, m in enumerate(fac):
        if m.named:
            continue
        same = _apposed_to(doc, m, named_at)
        if same is not None:  # 'the X compressor station, the head-end compression plant of the Y pipeline'
            ent_of[k] = ent_of[same][:1]
            continue
        group = _collective(doc, m, named, placed)
        if group:
            ent_of[k] = group
            continue
        head = doc[m.end - 1].lower_
        singular = head[:-1] if head.endswith("s") and head[:-1] in refs else head
        allowed = refs.get(singular, [m.type])
        before = [e for e in named + described if e.first < m.start and ("*" in allowed or e.type in allowed or e.type == m.type)]
        definite = m.start > 0 and doc[m.start - 1].lower_ in ("the", "this", "that", "its")
        kind_words = m.generic or (all(t.lower_ in kinds for t in doc[m.start:m.end])  # "hydroelectric dams"
                                   and not _distribute(doc, m, placed))  # not "oil facilities at X and Y"
        if m.start > 0 and doc[m.start - 1].lower_ in ("another", "other") and m.generic:
            continue  # 'the videos showed a fire at another plant abroad': not the plant told before
        if kind_words and doc[m.end - 1].tag_ == "NNS" and not definite and m.parent is None and not (
                m.start > 0 and (doc[m.start - 1].like_num or doc[m.start - 1].lower_ in ("both", "these", "those"))) \
                and not _whole_before(m, named):
            continue  # "Power stations, fuel depots and water plants have been targeted": a kind, not these
        # 'a tower on the X line' after towers T-112 and T-113: one more, not the one numbered last
        indefinite = m.parent is not None and m.start > 0 \
            and (doc[m.start - 1].lower_ in ("a", "an") or doc[m.start - 1].like_num) and _numbered_last(m, before)
        if m.parent is not None and (m.generic or definite) and (indefinite or not any(e.type == m.type for e in before)
                                                                 or _part_of_another(fac, ent_of, m, before)):
            pass  # "the berth at the container terminal of X": described by its chain below; so are "a tower on the
            # X line" after towers T-112 and T-113, and "the passenger
            # terminal of Ramon Airport" after a port (only an earlier terminal could be that terminal), and "the
            # headworks of the Y project" after the headworks of X
        elif (m.generic or (definite and before)) and not _crosses(doc, m):
            same = any(t.lower_ in ("same", "this", "that", "its") for t in doc[max(m.start - 2, 0):m.start])
            # ('the line near Choluteca' after a named line: that line, where along it; lines run past many towns)
            along = definite and doc[m.end - 1].lower_ in LINEAR_HEADS
            town = _in_town(doc, m, placed) if before and not same and not along else None
            if before and town is not None and not any(_told_with(doc, e, town) for e in before):
                # 'army warplanes bombed the main water station in Nyala' after a station in Kosti: another one
                ent_of[k] = [_place_named(named, m, *_town_names(doc, m, town))]
            elif before:
                strong = [e for e in before if not e.weak] or before
                if _another(doc, m):  # 'fresh cuts on a fourth tower' after tower 46: another of its line's towers
                    strong = [e for e in strong if e.type != m.type] or strong
                strong = [e for e in strong if e.type == m.type] or strong  # 'the terminal': a terminal before a port
                owner = doc[m.start - 2].text if m.start >= 2 and doc[m.start - 1].text in ("'s", "’s") \
                    and doc[m.start - 2].text[:1].isupper() else None
                if owner is not None:  # "Hodeidah's port" after the port of Eilat: Hodeidah port
                    strong = [e for e in strong if any(owner.lower() in n.lower() for n in e.keys())] or strong
                def last_told(e: Ent) -> int:
                    return max(s for s, _ in e.spans if s < m.start)

                if doc[m.start - 1].lower_ == "same":  # 'the same cable was interrupted in 2021': the cable the
                    # story is about, told most often so far (a headline's naming counts), not the one named last
                    # in passing
                    title = key(doc._.ig_title or "")
                    ent_of[k] = [max(strong, key=lambda e: (sum(s < m.start for s, _ in e.spans)
                                                            + any(n and n in title for n in e.keys()), last_told(e)))]
                else:
                    ent_of[k] = [max(strong, key=last_told)]
            else:
                after = [e for e in named if "*" in allowed or e.type in allowed]
                exact = [e for e in after if e.type == m.type] if m.end - m.start > 1 else []
                after = exact or after  # 'a water pumping station': the pumping station named, not a substation
                if after and not m.generic:
                    ent_of[k] = [min(after, key=lambda e: e.first)]
                elif after and len(after) == 1:
                    ent_of[k] = after
                elif not after:
                    town = _in_town(doc, m, placed)
                    if town is not None:  # 'the oil refinery in Varna': the town's refinery, named by it
                        ent_of[k] = [_place_named(named, m, *_town_names(doc, m, town))]
                    elif (owned := _town_owner(doc, m, placed)) is not None:  # "Tripoli's seaport"
                        ent_of[k] = [_place_named(named, m, *owned)]
            continue
        unique = _unique_named(doc, m, named)
        if unique is not None:
            ent_of[k] = [unique]
            unique.add(m, alias=False)
            continue
        dist = _distribute(doc, m, placed)
        if dist:
            desc = re.sub(r"ies$", "y", m.name) if m.name.endswith("ies") else re.sub(r"s$", "", m.name)
            ent_of[k] = [_place_named(named, m, f"{place} {desc}", f"{desc} at {place}") for place in dist]
            continue
        name = m.name if m.parent is None else _part_name(doc, fac, m)
        town = _in_town(doc, m, placed) if m.parent is None else None
        owned = _town_owner(doc, m, placed) if town is None and m.parent is None else None
        if owned is not None:  # "Tripoli's seaport": named by its town
            ent_of[k] = [_place_named(named, m, *owned)]
            continue
        if town is not None:  # 'the main water pumping station in Nikopol': named by its town
            name, town_alias = _town_names(doc, m, town)
            same = _named_as(named, name, town_alias)
            if same is not None:  # 'the county bridge at Costișa' and 'the Costișa bridge': one bridge
                same.add(m, alias=False)
                ent_of[k] = [same]
                continue
        e = next((x for x in described if key(name) in x.keys() or m.parent is None and key(m.name) in x.keys()), None)
        if e is None:
            e = Ent("facility", m.type, name, weak=True)
            described.append(e)
            _acronym(doc, m, e)
            owner = _owner(doc, m, act)
            if owner:
                e.alias(f"{owner} {doc[m.end - 1].text}")
            if town is not None:
                e.alias(town_alias)
        e.add(m, alias=False)
        if m.parent is not None:
            e.alias(m.name)
        ent_of[k] = [e]
    part_heads: dict[int, str] = {}
    for k, m in enumerate(fac):
        if m.parent is not None and k in ent_of and m.parent in ent_of:
            for e in ent_of[k]:
                parent = ent_of[m.parent][0]
                if parent is not e and e not in parent.ancestors():
                    e.part_of = parent
                    part_heads.setdefault(id(e), doc[m.end - 1].lower_)
    _same_parts(described, part_heads, ent_of)
    _piers_into_bridges(described, part_heads, ent_of)
    for k, m in enumerate(fac):
        if k in ent_of:
            res.link(m.start, m.end, ent_of[k])
    _bridge_parts(doc, fac, ent_of, named)
    facilities = named + described
    _contain_named_parts(facilities)
    fac_keys = {}
    for e in facilities:
        for kk in e.keys():
            fac_keys.setdefault(kk, e)

    # --- actors and places --------------------------------------------------------------------
    states: dict[str, Ent] = {}
    country_places: dict[str, Ent] = {}
    state_mentions: dict[str, list[Mention]] = {}
    others: list[Ent] = []
    by_bare = _bare_names(facilities)
    acting = {key(m.name) for m in act if m.kind == "actor" and _acts(doc, m)}
    # 'Salif reports normal operations', 'Transgaz said': a bare facility name that speaks is its operator
    talking = {key(m.name) for m in act if m.kind == "actor" and _talks(doc, m)}
    # 'Moldelectrica said', 'the operator Nordvik Energi': a name that speaks or acts once is no place
    # for a misreading elsewhere ('across Moldelectrica's grid')
    speaking = {key(m.name) for m in act if m.kind == "actor" and _speaks_or_acts(doc, m)}
    # 'charter flights from Thompson', 'trains held at Makat': a name the model took for an organisation
    # or a person that the text only ever tells as where something is, goes or comes from
    told_where = {}
    for m in act:
        if m.kind == "actor" and m.source == "ner" and m.type in ("organisation", "person"):
            told_where[key(m.name)] = told_where.get(key(m.name), True) and _only_where(doc, m)
    where_only = {k for k, v in told_where.items() if v}
    place_names = {key(m.name) for m in act if m.kind == "place"}
    place_words = {fold(w) for m in act if m.kind == "place" for w in m.name.split()}
    place_first = {fold(m.name).split()[0] for m in act if m.kind == "place" and len(m.name.split()) > 1}
    for m in act:
        if any(i in fac_tokens for i in range(m.start, m.end)):
            inside = all(i in fac_tokens for i in range(m.start, m.end))
            if inside or doc[m.end - 1].lower_ not in lexicon.facilities()["org_words"]:
                continue
        if key(m.name) in fac_keys and m.kind == "actor":
            e = fac_keys[key(m.name)]
            e.add(m, alias=False)
            res.link(m.start, m.end, [e])
            continue
        if m.kind == "actor" and m.source == "ner" and m.type in ("organisation", "person") \
                and key(m.name) in by_bare and (key(m.name) not in acting or _facility_like(doc, m) and key(m.name) not in talking) \
                and not _located_at(doc, m):
            e = by_bare[key(m.name)]  # "drones hit Druzhba again" after "the Druzhba pipeline": the pipeline
            e.add(m)
            res.link(m.start, m.end, [e])
            continue
        if m.canonical:
            if m.place_like:
                e = country_places.setdefault(m.canonical, Ent("place", "country", m.canonical))
            else:
                e = states.setdefault(m.canonical, Ent("actor", "state", m.canonical, canonical=m.canonical))
                state_mentions.setdefault(m.canonical, []).append(m)
            e.add(m)
            res.link(m.start, m.end, [e])
            continue
        kind = m.kind
        if kind == "place" and (m.source == "ner" or m.source == "gazetteer" and m.type == "city") and key(m.name) in speaking:
            kind = "actor"  # "Moldelectrica said ... Moldelectrica customers": one company, however the model read it
            # (and 'Pemex said ... the refinery operated by Pemex', though a village bears the name)
        if kind == "actor" and m.source == "ner" and m.type in ("person", "organisation") and (
                key(m.name) in place_names and key(m.name) not in speaking or (len(m.name.split()) == 1 and fold(m.name) in place_first)
                or (" and " in m.name and fold(m.name.split()[0]) in place_words and not _body_named(m.name))
                or key(m.name) in where_only):
            kind = "place"
        e = _find_actor(others, m, kind)
        if e is None:
            e = Ent(kind, m.type if kind == m.kind else ("city" if kind == "place" else "organisation"), m.name)
            others.append(e)
        elif m.type == "vessel":
            e.type = "vessel"
        e.add(m)
        res.link(m.start, m.end, [e])
    # a country named only as a location or a trade partner ('exports to Chile', 'most of Uganda lost
    # power') is a place; one that acts, owns, is blamed or attacked anywhere in the text is a state
    for c, ms in state_mentions.items():
        if all(m.source == "country" and not _country_acts(doc, m) for m in ms):
            del states[c]
            p = country_places.setdefault(c, Ent("place", "country", c))
            for m in ms:
                p.add(m)
                res.link(m.start, m.end, [p])
    _parentheses(doc, res, act, others)
    _aliases(doc, res, others + list(states.values()) + facilities)
    _bare_body_words(res, others)
    others = [e for e in others if e.spans]
    _group_refs(doc, res, others)
    res.entities = facilities + list(states.values()) + others + list(country_places.values())
    res.states = states
    return res


def _same_first_word(a: str, b: str) -> bool:
    """'Chychkan HPP' and 'Chychkan Hydroelectric Power Station', or a transliteration's adjective
    ('Varzob HPP-1' and 'Varzobskaya GES-1'): the first word, or one the start of the other."""
    x, y = (fold(n).split()[:1] or [""] for n in (a, b))
    x, y = sorted((x[0], y[0]), key=len)
    return x == y or len(x) >= 4 and (y.startswith(x) or x[-1] in "aeiouy" and y.startswith(x[:-1]))  # Kavarn-a, -skaya


def _bare_names(facilities: list) -> dict:
    """A named facility's name without its lower-case head ('Druzhba pipeline' -> 'Druzhba', 'Ormen Lange
    gas field' -> 'Ormen Lange'), by key, when only one facility has it."""
    out: dict[str, list] = {}
    for e in facilities:
        words = e.name.split()
        k = len(words)
        while k > 0 and words[k - 1].islower():
            k -= 1
        if 0 < k < len(words) and all(w[:1].isupper() for w in words[:k]):
            out.setdefault(key(" ".join(words[:k])), []).append(e)
    return {k: v[0] for k, v in out.items() if len(v) == 1}


@lru_cache(maxsize=1)
def _facility_words() -> frozenset:
    """The last words of the facility heads ('mast', 'pipeline', 'station')."""
    return frozenset(h.split()[-1] for h in lexicon.facilities()["heads"])


# words before 'of' that make what follows a place: '40 kilometres upstream of Condoray'
WHERE_OF = {"upstream", "downstream", "north", "south", "east", "west", "outskirts", "kilometres", "kilometers", "km",
            "miles", "northeast", "northwest", "southeast", "southwest", "town", "village", "city", "district"}


def _located_at(doc: Doc, m: Mention) -> bool:
    """'in Condoray', '40 kilometres upstream of Condoray': the name of where, not of the facility."""
    if m.start == 0:
        return False
    prev = doc[m.start - 1].lower_
    if prev in ("in", "near", "outside", "around", "from", "towards", "toward"):
        return True
    return prev == "of" and m.start >= 2 and doc[m.start - 2].lower_ in WHERE_OF


_WHERE_PREPS = {"at", "in", "near", "off", "along", "across", "around", "beyond", "towards", "toward", "past", "via",
                "through", "outside", "into"}


_HELD_IN = {"stake", "share", "interest", "investment", "holding", "shareholding", "role", "job", "position", "invest"}


def _only_where(doc: Doc, m: Mention) -> bool:
    """A plain name (no common noun, no acronym, no digit) told right after a preposition of place
    ('at Gillam', 'along the Ruvu'), owning and doing nothing."""
    words = m.name.split()
    if not m.plain or len(words) > 3 or any(w.isupper() and len(w) > 1 or any(c.isdigit() for c in w) for w in words):
        return False
    if _speaks_or_acts(doc, m):
        return False
    if m.end < len(doc) and doc[m.end].text in ("'s", "’s", "-based"):
        return False
    k = m.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in _WHERE_PREPS and doc[m.start:m.end].root.dep_ == "pobj" \
        and doc[k].head.lemma_ not in _HELD_IN  # 'a stake in Nordlys Offshore': a company


def _talks(doc: Doc, m: Mention) -> bool:
    """The subject of a speech verb ('Salif reports', 'Moldelectrica said')."""
    root = doc[m.start:m.end].root
    return root.dep_ == "nsubj" and root.head.lemma_ in _speech_verbs()


def _facility_like(doc: Doc, m: Mention) -> bool:
    """A bare facility name told as the facility: 'Umm Hujul's LPG exports', 'Nyhamna processes gas',
    'Lawpita, commissioned in 1960': a possessive or a subject, not a speaker."""
    root = doc[m.start:m.end].root
    if m.end < len(doc) and doc[m.end].text in ("-", "–", "—"):
        return False  # 'the Godomey–Calavi main has failed': the name of one end of a link
    return root.dep_ in ("nsubj", "nsubjpass", "poss") or m.end < len(doc) and doc[m.end].text in ("'s", "’s")


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset:
    return frozenset(lexicon.cues()["speech_verbs"])


def _acts(doc: Doc, m: Mention) -> bool:
    """A mention that acts or owns: one that speaks or acts (_speaks_or_acts), or an owner ('Transgaz's
    engineers', 'two Safaricom masts')."""
    if _speaks_or_acts(doc, m):
        return True
    if m.end < len(doc) and doc[m.end].text in ("'s", "’s"):
        return True
    root = doc[m.start:m.end].root
    # "two Safaricom telecommunications masts": an owner before the facilities it owns
    return root.dep_ == "compound" and root.head.tag_ == "NNS" and root.head.lemma_ in _facility_words()


def _speaks_or_acts(doc: Doc, m: Mention) -> bool:
    """A clause's subject or agent ('Transgaz closed the section'), or a name after 'operator', 'company' and
    the like ('the operator Transgaz'): an actor whatever another telling of the name looks like."""
    root = doc[m.start:m.end].root
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX"):
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True
    return m.start > 0 and doc[m.start - 1].lower_ in ("operator", "company", "firm", "utility", "owner")


_ACTING_PREPS = {"by", "against"}
_ACTING_VERBS = {"blame", "accuse", "condemn", "urge", "criticise", "criticize", "suspect", "hold", "fault", "sanction",
                 "attribute", "warn", "ask", "call", "invade", "attack", "punish", "tell", "pressure", "support"}

# acting verbs whose object is only spoken to: 'Bosnia has long been warned', 'Chile was asked to help'
_ADDRESSING_VERBS = {"urge", "warn", "ask", "call", "tell"}

_PARTY_NOUNS = {"attack", "cyberattack", "strike", "war", "invasion", "assault", "aggression", "offensive", "sanction",
                "campaign", "embargo", "pressure", "support", "aid", "threat", "hostility", "retaliation", "talk",
                "negotiation", "conflict", "tension", "deal", "agreement", "dispute", "relation", "ceasefire", "truce",
                "treaty", "pact", "accord", "alliance"}
_PARTY_PREPS = {"on", "against", "for", "between", "with"}
_TIED = {"link", "tie", "connect", "loyal", "close", "ally", "affiliate", "attribute", "blame"}
_ORGANS = {"government", "military", "army", "navy", "force", "troops", "official", "authority", "embassy", "ministry",
           "administration", "president", "intelligence", "aircraft", "jet", "warship", "drone", "missile", "support",
           "sanction", "base", "command", "security", "regime", "leadership", "diplomat", "envoy", "ambassador",
           "soldier", "strike", "attack", "operation", "agency", "department", "court", "prosecutor"}


_BEING_VERBS = {"be", "have", "remain", "import", "export", "rely", "depend", "lose", "suffer", "run", "spend",
                "separate", "need", "receive", "buy", "consume", "produce", "generate", "account", "lie", "border",
                # what a country lives through or builds at home ('Argentina enters the coldest weeks', 'Guyana
                # is building a plant'), not what a party does to another
                "enter", "struggle", "lean", "build", "face", "host", "experience", "see", "follow", "continue",
                "plan", "expect", "install", "operate"}


_BODY_WORDS = ORG_TAILS | {"police", "brigade"}


def _body_named(name: str) -> bool:
    """A name that ends in a body's word ('Odisha Fire and Emergency Services'): no two places joined."""
    return fold(name.split()[-1]) in _BODY_WORDS


def _party_predicate(verb) -> bool:
    """'Russia was behind the sabotage', 'Iran is responsible for it': being that makes a party."""
    return any(c.dep_ == "prep" and c.lower_ in ("behind", "against") or c.dep_ in ("acomp", "attr") and c.lemma_ in (
        "responsible", "involved", "guilty", "complicit", "culprit", "perpetrator", "aggressor") for c in verb.children)


# the last word of an armed body's name: 'Iran's Revolutionary Guards', "Colombia's National Liberation Army" (a
# company or court a country owns, "Hungary's MOL", "Spain's Audiencia Nacional", leaves the country a place)
_ARMED_NAME_HEADS = {"army", "forces", "force", "guards", "guard", "corps", "staff", "navy", "fleet", "command",
                     "militia", "militias", "military", "brigade", "brigades", "front", "movement"}


def _organ(noun) -> bool:
    """'Iran's Revolutionary Guards', 'Russia's invasion': the owner acts; 'Venezuela's oil industry', 'one of
    Germany's busiest corridors': a place (and a civil body that speaks, 'Russia's Defence Ministry said': _civil_body)."""
    return noun.lemma_ in _ORGANS or noun.lemma_ in _PARTY_NOUNS or noun.lemma_ in (
        "minister", "staff", "fleet", "leader", "force", "guard", "police", "service", "office", "council") \
        or noun.pos_ == "PROPN" and noun.lower_ in _ARMED_NAME_HEADS


_CIVIL_BODIES = {"ministry", "agency", "department", "office", "police", "service", "authority", "commission", "bureau",
                 "court", "prosecutor", "regulator", "council", "inspectorate", "directorate", "committee", "institute",
                 "cert", "team", "centre", "center", "board", "administration"}


def _civil_body(noun) -> bool:
    """'Syria's Ministry of Energy said', 'Kenya's National Police Service': the body speaks or acts;
    the country that owns it is only named as a place."""
    return noun.lemma_.lower() in _CIVIL_BODIES or noun.lower_ in _CIVIL_BODIES


def _country_acts(doc: Doc, m: Mention) -> bool:
    """A country named as a party, not only as a location: a clause's subject or agent, an owner, one
    blamed, accused or fought ('Kyiv blamed Russia', 'sanctions against Iran', 'Iran-backed')."""
    if m.end < len(doc) and doc[m.end].text == ":" or m.start > 0 and doc[m.start - 1].text == "(" \
            and m.end < len(doc) and doc[m.end].text == ")":
        return False  # '- Rwanda: Rwanda Energy Group completed repairs', 'the bulk carrier Andes Pioneer (Liberia)
        # struck the trestle': a label or a flag
    root = doc[m.start:m.end].root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") and (
            root.head.lemma_ not in _BEING_VERBS or _party_predicate(root.head)):
        return True
    if root.dep_ == "nsubjpass" and (root.head.lemma_ in _ACTING_VERBS - _ADDRESSING_VERBS or _party_predicate(root.head)):
        return True  # 'Russia was blamed'; not 'Bosnia has long been warned', 'Sri Lanka is better served'
    if root.dep_ == "pobj" and (root.head.dep_ == "agent" or root.head.lower_ in _ACTING_PREPS):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.pos_ == "VERB" \
            and not any(c.dep_ == "dobj" for c in root.head.head.children):
        return True  # 'the ceasefire agreed with Ukraine' (not 'an interconnector with Croatia', 'links A's grid with B's')
    if root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.dep_ in ("nsubj", "nsubjpass"):
        return True  # 'petroleum from Kazakhstan is transported to Europe': the seller of what the clause is about
        # (not where towers were borrowed or a vessel chartered, 'from Mexico', 'from Singapore')
    if root.dep_ == "poss":
        return _organ(root.head) and not _civil_body(root.head)
    if root.dep_ in ("dobj", "pobj") and (root.head.lemma_ in _ACTING_VERBS or root.head.head.lemma_ in _ACTING_VERBS):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in _PARTY_PREPS and (
            root.head.head.lemma_ in _PARTY_NOUNS or root.head.i > 0 and doc[root.head.i - 1].lemma_ in _PARTY_NOUNS):
        return True  # 'cyberattacks on Ukraine', 'support for Israel', 'talks between Russia and Ukraine'
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ == "behalf":
        return True  # 'acting on behalf of Russia'
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "with") and root.head.head.lemma_ in _TIED and not any(
            c.dep_ == "dobj" and c.lower_ not in ("that", "which", "who", "whom") for c in root.head.head.children):
        return True  # 'officials linked to Iran' (not a cable that 'links the islands to Fiji', 'closing the route to
        # Greece': what is joined is named)
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.pos_ == "VERB" and any(
            c.dep_ == "nsubj" and (c.ent_type_ in ("GPE", "ORG", "NORP") or c.lower_ in ("it", "they", "we"))
            for c in root.head.head.children):
        return True  # 'Bulgaria can redirect its gas to Greece': the other party of a transfer (not 'exports to Chile')
    if root.dep_ == "compound" and (root.head.lemma_ in _ORGANS or root.head.lower_ == "bases"):  # lemma 'basis'
        return True  # 'the United States embassy', 'U.S. aircraft'
    if m.end < len(doc) and doc[m.end].text in ("'s", "’s") and _civil_body(doc[m.end].head):
        return False
    if m.end < len(doc) and doc[m.end].text in ("'s", "’s", "-backed", "-aligned", "-linked", "-led", "-sponsored"):
        return True
    if m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in ("backed", "aligned", "linked", "led"):
        return True
    return False


INDEFINITE = {"a", "an", "another", "one", "some", "any", "several", "two", "three", "many", "no", "every", "each", "other", "of", "second"}


def _unique_named(doc: Doc, m: Mention, named: list[Ent]) -> Optional[Ent]:
    """'Japan's busiest cargo port' in a text that names one port: that port. An indefinite
    description ('a data cable linking A and B') only when the next two sentences name the one
    facility of its kind ('the X cable')."""
    if m.parent is not None or doc[m.end - 1].tag_ in ("NNS", "NNPS"):
        return None
    same = [e for e in named if not e.weak and e.type == m.type and e.spans]
    left = {t.lower_ for t in doc[max(m.start - 3, 0):m.start]}
    if not left & INDEFINITE and not (m.start > 0 and doc[m.start - 1].lower_ in INDEFINITE):
        return same[0] if len(same) == 1 else None
    if left & {"a", "an"}:
        sent = doc[m.start].sent
        nxt = sent.end
        first_limit = doc[nxt].sent.end if nxt < len(doc) else nxt
        second_limit = doc[first_limit].sent.end if first_limit < len(doc) else first_limit
        # the one of its kind first named, as 'the X', in the next sentence, or else the one after it
        # (others may come later)
        for limit in (first_limit, second_limit):
            near = [e for e in same if m.end <= min(a for a, _ in e.spans) < limit]
            if len(near) > 1:
                break
            if len(near) == 1:
                first = min(a for a, _ in near[0].spans)
                if first > 0 and doc[first - 1].lower_ == "the":
                    return near[0]
                break
    return None


def _initials(name: str) -> str:
    """An all-capitals short name ('SSEN', 'PHMSA'), else ''."""
    n = name.replace(".", "").strip()
    return n if 2 <= len(n) <= 7 and n.isalpha() and n.isupper() else ""


# words an acronym leaves out: the linking words of names ('Office National de l'Electricité et de l'Eau' is ONEE)
ACRONYM_SKIPS = LINKING | {"e", "und", "van", "von", "der"}


def _acronym_of(name: str) -> str:
    words = [re.sub(r"^[dl]['’]", "", w, flags=re.I) for w in re.split(r"[\s\-]+", name)]
    words = [w for w in words if w and w.lower() not in ACRONYM_SKIPS]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else "-"


def _short_for(short: str, long_: str) -> bool:
    """'SSEN' for 'Scottish and Southern Electricity Networks'; 'ONEE' for 'Office National de l'Electricité et de
    l'Eau Potable' (a last word left out of a long acronym); 'PKP PLK' for 'PKP Polskie Linie Kolejowe'."""
    initials, acronym = _initials(short), _acronym_of(long_)
    if initials:
        return initials == acronym or len(initials) >= 4 and initials == acronym[:-1]
    parts, words = short.split(), long_.split()
    return len(parts) == 2 and all(_initials(p) for p in parts) and len(words) >= 3 and words[0] == parts[0] \
        and _acronym_of(" ".join(words[1:])) == parts[1]


# actor types a short form of a longer name may take: the model's labels for names, either way round
NAMED_TYPES = ("person", "organisation", "company")


# words of a body's name, never of a person's ('Cordova Ridge Energy', 'Port Authority')
_ORGISH = {"energy", "power", "gas", "oil", "group", "company", "corporation", "authority", "ministry", "agency", "council",
           "bank", "port", "ports", "rail", "railway", "railways", "water", "telecom", "networks", "network", "systems",
           "services", "holdings", "international", "ltd", "inc", "plc", "sa", "llc", "front", "army", "forces", "police",
           "brigade", "movement", "party", "union", "office", "court", "institute", "university", "news", "press"}


def _find_actor(ents: list[Ent], m: Mention, kind: str) -> Optional[Ent]:
    k = key(m.name)
    words = fold(m.name).split()
    # 'Mr Charo', 'Justice Marchand' (which the model may take for an organisation)
    titled = m.type in ("person", "organisation") and len(words) == 2 and words[0].rstrip(".") in lexicon.honorifics()
    if titled:
        words = words[1:]  # 'Mr Charo' after 'Kazungu Charo'
    for e in ents:
        if e.kind != kind:
            continue
        if k in e.keys():
            return e
        ew = fold(e.name).split()
        if e.type == "vessel" or m.type == "vessel":
            core = [w for w in ew if w not in ("mv", "m/v", "mt", "ss")]
            mcore = [w for w in words if w not in ("mv", "m/v", "mt", "ss")]
            if core == mcore:
                return e
            continue
        if m.type in ("person", "organisation") and e.type == "organisation" and len(words) == 1 \
                and 2 <= len(ew) <= 3 and ew[-1] == words[0] and not set(ew) & _ORGISH:
            e.type = "person"  # 'Mirskov said' after 'governor Anatoly Mirskov', which the model took for a body
            return e  # (a body is not told again by its last word alone: 'Pârvu said' after 'Ana Pârvu')
        if m.type in ("person", "organisation") and e.type == "person" and 0 < len(words) < len(ew) and (
                ew[-len(words):] == words or len(words) == 1 and len(ew) >= 3 and words[0] in ew[1:-1]):
            # 'Dhillon said' after 'Priya Dhillon' (a surname the model may take for an organisation); 'Portillo
            # Aguilar' after 'Mario Portillo Aguilar'; 'Quispe' after 'Rosa Quispe Mamani' (the first of two surnames)
            return e
        if m.type in NAMED_TYPES and e.type in NAMED_TYPES and 0 < len(words) < len(ew) and ew[:len(words)] == words:
            return e  # 'Hup Seng' after 'Hup Seng Civil Engineering', 'Meridian' after 'Meridian DataHub'
        if titled and e.type in ("person", "organisation") and len(ew) >= 2 and ew[-1:] == words:
            e.type = "person"  # 'Mr Charo': the person the model took for an organisation
            return e
        if _short_for(m.name, e.name) or _short_for(e.name, m.name):
            return e  # "SSEN" / "Scottish and Southern Electricity Networks"
        extenders = {"movement", "rebels", "group", "forces", "militia", "fighters"}
        if words and ew and words[0].rstrip("s") == ew[0].rstrip("s") and \
                set(words[1:] + ew[1:]) <= extenders and (len(words) == 1 or len(ew) == 1):
            return e  # "Houthis" / "Houthi movement"
        if e.type == "person" and len(words) > len(ew) == 1 and words[-1] == ew[0]:
            e.name, e.aliases = m.name, [*e.aliases, e.name]
            return e
        short, long_ = (words, ew) if len(words) < len(ew) else (ew, words)
        c = lexicon.countries()
        if len(long_) == len(short) + 1 and long_[1:] == short and (long_[0] in c.by_demonym or c.country(long_[0])):
            return e  # "Saudi Aramco" / "Aramco"
        if short and long_[:len(short)] == short and all(w.strip(".") in SUFFIXES or w in SUFFIXES for w in long_[len(short):]):
            return e
    return None


BARE_BODIES = {"ministry", "department", "agency", "authority", "company", "corporation", "establishment", "directorate",
               "commission", "office", "bureau", "board", "committee", "council", "institute", "service", "administration"}


def _bare_body_words(res: Resolution, ents: list[Ent]) -> None:
    """'The Ministry considers ...', 'My Department has seen no evidence': a body named only by its kind is
    the body of that kind the text names, the nearest before it; with none named, it is nobody's name."""
    for e in ents:
        words = [w for w in re.findall(r"\w+", fold(e.name)) if w not in ("my", "our", "your", "the")]
        if e.kind != "actor" or len(words) != 1 or words[0] not in BARE_BODIES or not e.spans:
            continue
        named = [o for o in ents if o is not e and o.kind == "actor" and o.spans and words[0] in re.findall(r"\w+", fold(o.name))]
        if named:
            before = [o for o in named if o.first < e.first]
            _merge(res, max(before, key=lambda o: o.first) if before else min(named, key=lambda o: o.first), e)
            continue
        e.spans = []
        for i, v in list(res.at.items()):
            res.at[i] = [x for x in v if x is not e]


def _parentheses(doc: Doc, res: Resolution, act: list[Mention], ents: list[Ent]) -> None:
    """'International Atomic Energy Agency (IAEA)', 'Pavel Frolov (Павел Фролов)': one actor."""
    by_start = {m.start: m for m in act}
    for m in act:
        j = m.end
        if j + 2 < len(doc) and doc[j].text == "(" and j + 1 not in by_start and doc[j + 2].text == ")" \
                and doc[j + 1].is_upper and doc[j + 1].is_alpha and len(doc[j + 1].text) >= 2 \
                and fold(doc[j + 1].text)[:1] == fold(m.name)[:1]:
            # 'Énergie Centrafricaine (ENERCA)', the bracket left untagged: the acronym is its name too
            outer = res.at.get(m.start, [])
            if len(outer) == 1 and outer[0].kind == "actor" and outer[0] in ents:
                same = [e for e in ents if e is not outer[0] and e.kind == "actor" and key(e.name) == key(doc[j + 1].text)]
                for e in same:
                    _merge(res, outer[0], e)
                outer[0].alias(doc[j + 1].text)
            continue
        if j < len(doc) and doc[j].text == "(" and j + 1 in by_start:
            inner = by_start[j + 1]
            a, b = res.at.get(m.start, []), res.at.get(inner.start, [])
            if len(a) == 1 and len(b) == 1 and a[0] is not b[0] and a[0].kind == b[0].kind == "actor" and b[0] in ents:
                _merge(res, a[0], b[0])


def _merge(res: Resolution, into: Ent, other: Ent) -> None:
    into.spans += other.spans
    for n in [other.name, *other.aliases]:
        into.alias(n)
    other.spans = []
    for i, v in list(res.at.items()):
        res.at[i] = [into if x is other else x for x in v]


def _acronym(doc: Doc, m: Mention, e: Ent) -> None:
    """'Zaporizhzhia Nuclear Power Plant (ZNPP)', 'the mild hydrocracking unit (MHC)': the parenthesis is
    another name; so are both in 'the Trans-Andean pipeline (Oleoducto Trasandino, OTA)'."""
    j = m.end
    if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" and doc[j + 1].text.isupper():
        e.alias(doc[j + 1].text)
        return
    if j >= len(doc) or doc[j].text != "(":
        return
    close = next((k for k in range(j + 1, min(j + 9, len(doc))) if doc[k].text == ")"), None)
    if close is None or close - j < 4 or doc[close - 2].text != "," or not doc[close - 1].text.isupper() \
            or not all(t.text[:1].isupper() for t in doc[j + 1:close - 2]):
        return
    e.alias(doc[j + 1:close - 2].text)  # (the name in the local language)
    e.alias(doc[close - 1].text)


def _owner(doc: Doc, m: Mention, act: list[Mention]) -> Optional[str]:
    """'Freeport LNG said its export terminal ...': the company a possessive pronoun points to, in the same
    sentence; 'a gas pipeline operated by X': the company named right after."""
    if m.end + 2 < len(doc) and doc[m.end].lower_ in ("operated", "owned", "run", "managed") and doc[m.end + 1].lower_ == "by":
        after = next((a for a in act if a.start == m.end + 2 and a.kind == "actor"
                      and a.type in ("company", "organisation")), None)
        if after is not None:
            return after.name
    if m.start == 0 or doc[m.start - 1].lower_ not in ("its", "their"):
        return None
    sent = doc[m.start].sent
    cands = [a for a in act if sent.start <= a.start and a.end <= m.start and a.kind == "actor"
             and a.type in ("company", "organisation")]
    return cands[-1].name if cands else None


def _chain_end(doc: Doc, fac: list[Mention], m: Mention) -> int:
    """Where the chain of wholes after a part ends ('the platform at its Santiago control centre'):
    only wholes that follow it in its own sentence name it."""
    sent = doc[m.start].sent
    seen = set()
    end = m.end
    while m.parent is not None and m.parent not in seen:
        seen.add(m.parent)
        m = fac[m.parent]
        if m.start < end or m.end > sent.end:
            break
        end = m.end
    return end


def _part_name(doc: Doc, fac: list[Mention], m: Mention) -> str:
    """A part told with its wholes ('the control building of the X substation'), without another thing told
    beside it: 'a building and gas metering equipment at the station' names 'building at the station'."""
    end = _chain_end(doc, fac, m)
    whole = fac[m.parent].start  # (called for a part only)
    if not m.end < whole < end:
        return doc[m.start:end].text
    cut = next((t.i for t in doc[m.end:whole] if t.lower_ in ("and", "or", ",", ";")), None)
    prep = next((t.i for t in reversed(doc[cut:whole]) if t.pos_ == "ADP"), None) if cut is not None else None
    if prep is None:
        return doc[m.start:end].text
    return f"{doc[m.start:m.end].text} {doc[prep:end].text}"


def _named_as(named: list, name: str, alias: str) -> Optional[Ent]:
    """The named facility known by either name ('the county bridge at Costișa' is the Costișa bridge,
    whichever the text tells first)."""
    return next((x for x in named if key(name) in x.keys() or key(alias) in x.keys()), None)


def _place_named(named: list, m: Mention, name: str, alias: str) -> Ent:
    """The facility a place names ('Abqaiq oil processing facility', 'oil refinery in Varna'),
    found among the named ones or made, with the description's mention."""
    e = _named_as(named, name, alias)
    if e is None:
        e = Ent("facility", m.type, name, weak=True)
        named.append(e)
    e.alias(alias)
    e.add(m, alias=False)
    return e


CROSSINGS = {"bridge", "viaduct", "crossing", "footbridge", "aqueduct"}
WATERS = {"river", "canal", "creek", "stream", "channel", "strait", "gorge", "valley", "estuary"}
EDGES = {"outskirts", "edge", "edges", "fringes", "outskirt"}  # "on the outskirts of Abovyan"


def _crosses(doc: Doc, m: Mention) -> bool:
    """'the bridge over the Takob river': a crossing named by what it crosses, not the last bridge told."""
    return m.end + 1 < len(doc) and doc[m.end].lower_ in ("over", "across") and doc[m.end - 1].lower_ in CROSSINGS \
        and _in_town(doc, m, []) is not None


def _in_town(doc: Doc, m: Mention, places: list[Mention]) -> Optional[str]:
    """'the oil refinery in Varna': the town (a place, not a country) right after a singular
    description and 'in', 'at', 'near', 'outside', 'on' (an island) or 'off' (a coast)."""
    if m.end + 2 < len(doc) and doc[m.end].lower_ in ("over", "across") and doc[m.end - 1].lower_ in CROSSINGS:
        j = m.end + 2 if doc[m.end + 1].lower_ == "the" else m.end + 1
        k = j
        while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
        return doc[j:k].text if k > j and not lexicon.countries().country(doc[j:k].text) else None
    if m.end + 1 >= len(doc) or doc[m.end].lower_ not in ("in", "at", "near", "outside", "on", "off") or doc[m.end - 1].tag_ in ("NNS", "NNPS"):
        return None
    if m.start > 0 and doc[m.start - 1].lower_ in ("any", "other", "every", "each", "no"):
        return None  # 'than almost any other power plant in Europe': a comparison, no facility
    at = m.end + 1 + _edge_words(doc, m.end)
    if at + 2 < len(doc) and doc[m.end].lower_ in ("in", "at") and doc[at].lower_ == "the" \
            and doc[at + 1].lower_ in lexicon.facilities()["place_nouns"] and doc[at + 2].lower_ == "of":
        at += 3  # 'the transformer station in the village of Klečovce'
    towns = [p for p in places if p.start == at and p.kind == "place"]
    if towns:
        return max(towns, key=lambda p: p.end).name  # 'Port Sudan', not 'Port'
    if doc[m.end].lower_ != "in" and at == m.end + 1:
        return None
    # 'the main water pumping station in Nikopol', '... on the outskirts of Abovyan': a name NER missed or
    # took for an organisation
    j = k = at
    while k < len(doc) and k < j + 3 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and doc[k].is_alpha \
            and doc[k].ent_type_ not in ("DATE", "TIME"):  # ('the substation in January 2024': when, not where)
        k += 1
    name = doc[j:k].text
    if k == j or (k < len(doc) and doc[k].pos_ in ("PROPN", "NOUN") and doc[k].ent_type_ not in ("DATE", "TIME")) \
            or lexicon.countries().country(name):
        return None  # ('in Kherson region': a name inside a longer one; but 'in Abovyan yesterday')
    return name


def _town_owner(doc: Doc, m: Mention, places: list[Mention]) -> Optional[tuple[str, str]]:
    """"Tripoli's seaport": a description after the possessive of a town (a place, not a country), named by it
    ('Tripoli seaport', and "Tripoli's seaport"); None without one."""
    if m.start < 2 or doc[m.start - 1].text not in ("'s", "’s"):
        return None
    town = next((p for p in places if p.end == m.start - 1 and p.kind == "place"), None)
    if town is None or lexicon.countries().country(town.name):
        return None
    return f"{town.name} {m.name}", f"{town.name}'s {m.name}"


def _edge_words(doc: Doc, i: int) -> int:
    """How many words after the preposition at i say the edge of a town ('on the outskirts of')."""
    words = [t.lower_ for t in doc[i + 1:i + 4]]
    return 3 if len(words) == 3 and words[0] == "the" and words[1] in EDGES and words[2] == "of" else 0


def _town_names(doc: Doc, m: Mention, town: str) -> tuple[str, str]:
    """A description named by its town: 'oil refinery in Varna', and 'Varna oil refinery'; or by the river
    it crosses: 'bridge over the Takob river', and 'Takob bridge'."""
    if doc[m.end].lower_ in ("over", "across"):
        k = m.end + 1
        while k < len(doc) and (doc[k].lower_ == "the" and k == m.end + 1 or doc[k].text[:1].isupper()):
            k += 1
        if k < len(doc) and doc[k].lower_ in WATERS:
            k += 1
        return f"{m.name} {doc[m.end:k].text}", f"{town} {m.name}"
    return f"{m.name} {doc[m.end:m.end + 1 + _edge_words(doc, m.end)].text} {town}", f"{town} {m.name}"


def _told_with(doc: Doc, e, town: str) -> bool:
    """The town is named in a sentence that names the facility, or in its names."""
    folded = town.lower()
    if any(folded in n.lower() for n in e.keys()):
        return True
    return any(folded in doc[s].sent.text.lower() for s, _ in e.spans)


def _distribute(doc: Doc, m: Mention, places: list[Mention]) -> list[str]:
    """'oil processing facilities at A and B': one facility per place."""
    if not doc[m.end - 1].lower_.endswith(("ies", "s")) or m.end >= len(doc) or doc[m.end].lower_ not in ("at", "in"):
        return []
    out, cur = [], []
    for t in doc[m.end + 1:m.end + 10]:
        if t.text[:1].isupper() and t.is_alpha:
            cur.append(t.text)
            continue
        if cur:
            out.append(" ".join(cur))
            cur = []
        if t.tag_ == "NNS" and (t.lemma_ in lexicon.facilities()["place_nouns"] or t.lower_ in lexicon.facilities()["place_nouns"]):
            return []  # "masts in Mandera, Wajir and Garissa counties": regions, not one site in each
        if t.lower_ not in ("and", ","):
            break
    if cur:
        out.append(" ".join(cur))
    return out if len(out) >= 2 else []


def _aliases(doc: Doc, res: Resolution, ents: list[Ent]) -> None:
    """'X, also known as Y' and 'Other names ... include A, B and C': merge the named ones into X."""
    for sent in sentences(doc):
        text = sent.text
        for cue in list(ALIAS_CUES.finditer(text)) + ([m] if (m := OTHER_NAMES.search(text)) else []):
            subj = _subject_before(doc, res, sent, sent.start_char + cue.start())
            if subj is None:
                continue
            rest = text[cue.end():]
            names = [n.strip(" .") for n in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+or\s+", re.split(r"[.;:\[]", rest)[0])]
            for n in names:
                if not n or not n[:1].isupper() or len(n.split()) > 5:
                    continue
                subj.alias(n)
                for e in ents:
                    if e is not subj and e.kind == subj.kind and key(n) in e.keys() and e.spans:
                        _merge(res, subj, e)


def _subject_before(doc: Doc, res: Resolution, sent, char: int) -> Optional[Ent]:
    tokens = [t for t in sent if t.idx < char]
    for t in reversed(tokens):
        for e in res.at.get(t.i, []):
            if e.kind in ("actor", "facility"):
                return e
    prev = doc[sent.start - 1].sent if sent.start > 0 else None
    if prev is not None:
        for t in prev:
            for e in res.at.get(t.i, []):
                if e.kind in ("actor", "facility"):
                    return e
    return None


def _group_refs(doc: Doc, res: Resolution, ents: list[Ent]) -> None:
    """'the team', 'the group' -> the most mentioned organisation; 'she', 'the ship' -> the vessel."""
    data = lexicon.actors()
    kinds = {"armed_group": 2, "organisation": 1, "armed_forces": 0, "government_agency": 0}
    groups = [e for e in ents if e.kind == "actor" and e.type in kinds]
    vessels = [e for e in ents if e.kind == "actor" and e.type == "vessel"]
    vessel = max(vessels, key=lambda e: (len(e.spans), -e.first)) if vessels else None

    def group_before(i: int):
        """A group named before token i: an armed group before an organisation before an organ
        ('the regional operations command blamed the X Front ... the group claimed'), then the most named."""
        told = [e for e in groups if e.first < i] or groups
        return max(told, key=lambda e: (kinds[e.type], len(e.spans), -e.first)) if told else None

    if not groups and vessel is None:
        return
    refs = {tuple(r.split()) for r in data["group_references"]}
    ships = {tuple(r.split()) for r in data["ship_pronouns"]}
    firsts = {r[0] for r in refs | ships}
    longest = max(len(r) for r in refs | ships)
    # read the lower-cased words as ids, not as Token objects (a long article has thousands)
    strings = doc.vocab.strings
    lower = doc.to_array(LOWER).tolist()
    wanted = {strings.add(w) for w in firsts}
    for i, w in enumerate(lower):
        if w not in wanted:
            continue
        for n in range(longest, 0, -1):
            words = tuple(strings[x] for x in lower[i:i + n])
            group = group_before(i) if words in refs else None
            if group is not None:
                for k in range(i, i + n):
                    res.group_refs[k] = group
            if vessel is not None and words in ships and i > vessel.first:
                for k in range(i, i + n):
                    res.group_refs[k] = vessel
