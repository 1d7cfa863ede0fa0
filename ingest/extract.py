"""Text in, plain dataclasses out: the one entry point other packages call.

    Extractor().extract(read_path(path)) -> graph.model.Extraction

The model is loaded once per Extractor; ``extract_many`` streams documents through
``nlp.pipe`` for throughput.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from graph.model import Claim, Document, Entity, Extraction, Incident
from ingest import lexicon, pipeline
from ingest.actors import FEATURE_FIRST, GEO_WORDS, ORG_NOUNS, SMALL_TOWN
from ingest.claims import find_claims
from ingest.events import EventBuilder
from ingest.facilities import CODE
from ingest.resolve import Ent, resolve


class Extractor:
    """Loads the spaCy pipeline once; turns Documents into Extractions."""

    def __init__(self, nlp: Language | None = None):
        self.nlp = pipeline.build(nlp)

    def extract(self, doc: Document) -> Extraction:
        return self.assemble(doc, self.nlp(self.make_doc(doc.text[doc.body_start:], doc.title)))

    def extract_many(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Extraction]:
        pairs = ((self.make_doc(d.text[d.body_start:], d.title), d) for d in docs)
        for sdoc, doc in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self.assemble(doc, sdoc)

    def make_doc(self, text: str, title: str | None = None) -> Doc:
        """Tokenized as ``nlp`` would, keeping the text (``doc._.ig_text``) and the title (``doc._.ig_title``)
        for the components."""
        sdoc = self.nlp.make_doc(text)
        sdoc._.ig_text = text
        sdoc._.ig_title = title
        return sdoc

    def assemble(self, doc: Document, sdoc: Doc) -> Extraction:
        """Resolution, incidents and claims over one parsed body; offsets moved to the whole text."""
        base = doc.body_start
        res = resolve(sdoc)
        builder = EventBuilder(sdoc, res, doc.published)
        events = [ev for ev in builder.build() if not _vague(ev) and not _untimed(ev, doc.published)]
        raw_claims = find_claims(sdoc, res, getattr(builder, "attributions", []))

        used: set[int] = set()
        for ev in events:
            for t in [_site(x) for x in ev.targets] + ev.perps:
                used.add(id(t))
                for a in t.ancestors():
                    used.add(id(a))
        voiced = {id(c.speaker) for c in raw_claims} | {id(a) for c in raw_claims for a in c.about}
        keep = [e for e in res.entities if e.spans and (not e.weak or id(e) in used)
                and not ((_lone_word(e, sdoc) or _code_name(e) or _route_name(e)) and id(e) not in used
                         and id(e) not in voiced)]
        out = Extraction(document=doc)
        ids: dict[int, str] = {}
        for n, e in enumerate(sorted(keep, key=lambda e: e.first), 1):
            ids[id(e)] = e.id = f"e{n}"
        for e in sorted(keep, key=lambda e: e.first):
            out.entities.append(Entity(
                id=e.id, kind=e.kind, type=e.type, name=e.name, aliases=_with_bare_name(e),
                part_of=ids.get(id(e.part_of)) if e.part_of is not None else None,
                country=e.canonical,
                mentions=sorted({(sdoc[s].idx + base, sdoc[x - 1].idx + len(sdoc[x - 1].text) + base) for s, x in e.spans})))
        for n, ev in enumerate(events, 1):
            sites = (_site(t) for t in _with_wholes(ev.targets))
            targets = list(dict.fromkeys(ids[id(t)] for t in sites if id(t) in ids))
            if not targets:
                continue
            start, end = ev.dates if ev.dates else (None, None)
            typ = builder.type_of(ev)
            if typ not in ROAD_EVENTS and all(t.type == "road" and t.part_of is None for t in ev.targets):
                continue  # 'a bomb went off on the X-Y road', 'buses did not run on the highway': where, no
                # facility hit (but a dam's crest road is part of the dam)
            incident = Incident(
                id=f"i{len(out.incidents) + 1}", type=typ, start=start, end=end, targets=targets,
                # a storm or a flood has causes, never a perpetrator: a ship or a river beside it is none
                perpetrators=[] if typ == "natural_hazard" else
                [ids[id(p)] for p in ev.perps if id(p) in ids and p.kind == "actor"],
                location=ids.get(id(ev.location)) if ev.location is not None else None,
                effects=sorted(ev.effects), evidence=sorted({(a + base, b + base) for a, b in ev.evidence}),
                confidence=_confidence(ev), date_text=ev.date_text,
                deaths=_deaths(doc.text, sorted({(a + base, b + base) for a, b in ev.evidence})))
            same = _same_incident(out.incidents, incident)
            if same is not None:
                _join(same, incident)
                ev.id = same.id
                continue
            out.incidents.append(incident)
            ev.id = incident.id
        for n, c in enumerate(raw_claims, 1):
            incident = next((getattr(ev, "id", None) for ev in events if c.sent in ev.sents), None)
            out.claims.append(Claim(
                id=f"c{n}", speaker=ids.get(id(c.speaker)) if c.speaker is not None else None, cue=c.cue,
                span=(c.span[0] + base, c.span[1] + base), about=[ids[id(a)] for a in c.about if id(a) in ids],
                incident=incident, stance=c.stance,
                speaker_text=c.speaker.name if isinstance(c.speaker, Ent) else None))
        return out


def _same_incident(found: list[Incident], new: Incident) -> Optional[Incident]:
    """An incident already written that the new one repeats: the same kind, on the same dated day or days, at
    the same facilities. Two events told apart before resolution ('four towers on the X line', 'four steel
    towers') can come out as one facility's: they are one event."""
    if new.start is None:
        return None
    return next((i for i in found if i.type == new.type and (i.start, i.end) == (new.start, new.end)
                 and set(i.targets) == set(new.targets)), None)


def _join(into: Incident, other: Incident) -> None:
    """What the repeated telling adds: its evidence, perpetrators, effects and count of dead."""
    into.perpetrators = list(dict.fromkeys(into.perpetrators + other.perpetrators))
    into.effects = sorted(set(into.effects) | set(other.effects))
    into.evidence = sorted(set(into.evidence) | set(other.evidence))
    into.location = into.location or other.location
    into.confidence = max(into.confidence, other.confidence)
    if into.deaths is None:
        into.deaths = other.deaths


# what a road alone suffers as an incident: a landslide or flood that cuts it, a crash that damages it
ROAD_EVENTS = {"natural_hazard", "accident"}


HEAD_WORDS = {w for head in lexicon.facilities()["heads"] for w in head.split()[-1:]} | {"system", "systems"}
NUMBERED_WORDS = {w.split()[-1] for table in ("numbered_heads", "numbered_heads_capitalized")
                  for w in lexicon.facilities()[table] if not w.startswith("_")}
LONE_TYPES = {"organisation", "person"}  # the types the model's reading alone gives (no cue word typed it)


def _lone_word(e, sdoc) -> bool:
    """A one-word name the model read as a person or an organisation once, that says, does, owns and suffers
    nothing ('Genset', 'Velas'): most often a place or a thing the model misread, so it is left out. (A subject
    that says nothing a claim holds is no party: 'Coquihalla saw 190 mm of rain'.)"""
    if not (e.kind == "actor" and e.type in LONE_TYPES and len(e.spans) == 1 and " " not in e.name
            and not e.name.isupper()):
        return False
    span = sdoc[e.spans[0][0]:e.spans[0][1]]
    if span.start > 0 and sdoc[span.start - 1].text == ":":
        return False  # '- Pipe Installer: Allseas': a field's value, a party by its field
    root = span.root
    if span.start > 0 and sdoc[span.start - 1].lower_ in ORG_NOUNS or any(
            c.dep_ == "appos" and c.lower_ in ORG_NOUNS for c in root.children) \
            or root.dep_ == "appos" and root.head.lower_ in ORG_NOUNS:
        return False  # 'grid operator Ukrenergo introduced power cuts', 'Cenit, the pipeline unit of X', 'the
        # operator, Tarmak,': named as a body
    # ('the Kyrgyzhydromet service', 'a Safaricom mast', 'blamed by X': a party, an owner)
    return root.dep_ not in ("poss", "compound") and not (
        root.dep_ == "pobj" and root.head.dep_ == "agent")


def _with_bare_name(e) -> list[str]:
    """A named facility's aliases, and its name without the words that tell its kind ('MIOS-1 submarine cable
    system' is also 'MIOS-1', 'San Alberto field' 'San Alberto'): how the text's readers, and other texts, name
    it. Not when what is left is a place's name ('Tuapse refinery' is no 'Tuapse'), a river, the whole the
    facility belongs to, or one plain word, which may be the owner's name."""
    out = list(e.aliases)
    if e.kind != "facility" or e.weak:
        return out
    words = e.name.split()
    k = len(words)
    while k > 1 and re.fullmatch(r"[a-z][a-z-]*", words[k - 1]):
        k -= 1
    if k == len(words) or words[-1] not in HEAD_WORDS:
        return out
    bare = " ".join(words[:k])
    if any(w.lower() in HEAD_WORDS or w.lower() in NUMBERED_WORDS for w in words[:k]):
        return out  # ('Kivikari Container Terminal operations centre', 'Unit 5 generator': what is left names the whole)
    if words[k - 1].lower() in GEO_WORDS or words[0].lower() in FEATURE_FIRST:
        return out  # ('Kaugel River hydropower station': what is left is the river)
    if k == 1 and not any(c.isdigit() for c in words[0]):
        return out  # ('a Movitel telecommunications site', 'the Safaricom mast': one word is as often the owner)
    if len(bare) < 2 or not any(c.isupper() or c.isdigit() for c in bare) or lexicon.is_place_name(bare, SMALL_TOWN) \
            or lexicon.fold(bare) in lexicon.countries().by_demonym or bare in out:
        return out
    return out + [bare]


def _code_name(e) -> bool:
    """A code the model alone read as a person or an organisation ('TC-1', 'U-300', 'E10'): a unit, a tank
    or a rule's number far more often than a party; a group known by a code ('M23', 'APT28') is typed by the
    group rules, and one that acts or speaks is kept."""
    return e.kind == "actor" and e.type in LONE_TYPES and not e.aliases and CODE.fullmatch(e.name) is not None
    # (a rule that found it tells it with another name too: 'the MS-13 gang')


ROUTE_JOIN = re.compile(r"\s*[-–—/]\s*")


def _route_name(e) -> bool:
    """Two places joined by a dash that the model alone read as an organisation ('Winnipeg-Churchill',
    'KANO/KADUNA'): the ends of a line or a road told without its head word, no party."""
    if not (e.kind == "actor" and e.type in LONE_TYPES):
        return False
    ends = ROUTE_JOIN.split(e.name)
    return len(ends) == 2 and all(lexicon.is_place_name(x) for x in ends)


def _vague(ev) -> bool:
    """No date and nothing named: 'gunmen have attacked telecom masts', 'the fields were bombed'. Told
    that way, an event is background a reader cannot place or tell apart from another."""
    return not ev.dates and bool(ev.targets) and all(
        not any(c.isupper() or c.isdigit() for c in t.name) for t in _with_wholes(ev.targets))  # 'tower No. 41' is named


def _untimed(ev, published) -> bool:
    """Told once, by nobody, with no time in an article that has a date to count from: 'a fire at a
    gas pipeline in another country', 'the line has been sabotaged before'. A dated article places the
    events it reports; one it leaves untimed and unattributed in a single sentence is background or
    hypothetical far more often than news (on never-studied held-out texts 6 of 34 were real)."""
    return published is not None and (not ev.dates or ev.scene) and not ev.perps and len(set(ev.sents)) == 1


def _with_wholes(targets: list) -> list:
    """Each target and the named wholes it belongs to ('a transformer at the X substation', 'berth 2
    of the Y terminal'): the whole was hit too, a reader searching for it finds the incident, and the
    part keeps the detail."""
    out = []
    for t in targets:
        if t not in out:
            out.append(t)
        for a in t.ancestors():
            if not a.weak and a not in out:
                out.append(a)
    return out


def _site(t):
    """An unnamed piece of equipment of a named whole ('a transformer at the X substation') is told as
    that whole: readers (and annotators) name the substation; the evidence keeps the transformer."""
    if t.kind != "facility" or not t.weak or t.type not in lexicon.facilities()["told_as_whole"]:
        return t
    return next((a for a in t.ancestors() if not a.weak), t)


def _confidence(ev) -> float:
    """More mentions, a date and a named perpetrator make an incident more certain."""
    score = 0.4 + 0.1 * min(len(set(ev.sents)), 3) + (0.1 if ev.dates else 0) + (0.1 if ev.perps else 0)
    return min(score, 0.95)


def _deaths(text: str, spans) -> "int | None":
    """The largest death toll stated in an incident's evidence sentences."""
    from ingest.tolls import deaths

    found = [n for n in (deaths(text[a:b]) for a, b in spans) if n is not None]
    return max(found) if found else None
