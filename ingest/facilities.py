"""Find facility mentions by their head nouns ("X pipeline", "Port of X", "No. 2 berth").

Named facilities carry a capitalized name; descriptive ones ("data cable") and generic ones
("the dam") are kept too, marked as such, so that resolution can tie them to a named one.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from ingest import lexicon
from ingest.dates import MONTHS
from ingest.mention import Mention
from ingest.serialize import DataComponent
from ingest.toks import positions, tokens, word_ids

STOP_LEFT = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "and", "or",
             "of", "at", "in", "on", "to", "for", "by", "with", "from", "all", "both", "each", "one", "two", "three"}
DASHES = {"-", "–", "—"}
# words of a loss bulletin's heading before its facility ('Drone strike - X terminal', 'Allision - Berth 4')
HEADING_EVENTS = {"drone", "missile", "strike", "allision", "collision", "flood", "flooding", "storm", "landslide", "earthquake",
                  "cyberattack", "ransomware", "derailment", "outage", "arson", "theft", "shelling", "airstrike", "grounding"}
COMPANY_PLURALS = {"Terminals", "Railways", "Ports", "Pipelines", "Airports", "Refineries", "Harbours", "Harbors"}
# a railway named for a country or a zone of one is its operator: 'Georgian Railway', 'Bangladesh Railway',
# 'South Eastern Railway' (a zone of Indian Railways); a line is named for its ends or its land ('Benguela Railway')
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
           "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "central"}
ZONE_WORDS = COMPASS | {"coast", "frontier", "-"}
# computer systems, buoys and manifolds are facilities only when named ('the GridPay billing platform', 'the Ilha
# Rasa buoy'); unnamed, or named only by a technology ('the SCADA system'), they are equipment of what is told around them
NAMED_ONLY_TYPES = {"it_system", "buoy", "manifold"}
TECH_WORDS = {"scada", "it", "ot", "ics", "erp", "hmi", "dcs", "ems", "gis", "sap", "crm", "oms", "ams", "lims"}
# a company's legal form after a facility's name makes it the company's ('Acadian Gulf Pipeline Co.'), in its own case
# ('as' is a word, 'AS' a Norwegian company)
CASED_LEGAL_FORMS = {"Co", "SA", "S.A", "AS", "ASA", "AB", "NV", "N.V", "BV", "B.V", "SpA", "S.p.A", "Srl", "Pty", "SAS",
                     "LLC", "Ltd", "Inc", "PLC", "Plc", "GmbH", "AG", "Oy", "JSC", "PJSC", "OJSC", "Bhd", "Tbk"}
# owners an appositive names a facility by: 'X, the country's main port', 'Y, the company's largest refinery'
OWNER_WORDS = {"country", "nation", "region", "province", "state", "island", "city", "company", "group",
               "operator", "firm", "utility", "kingdom", "republic", "territory", "capital"}
BODY_VERBS = {"say", "announce", "report", "confirm", "state", "tell", "add", "warn", "deny", "estimate"}
RAIL_STAFF = {"train", "wagon", "locomotive", "crew", "staff", "worker", "employee", "spokesman", "spokeswoman",
              "spokesperson", "engineer", "management", "chief", "director", "passenger"}
ORG_NOUNS = {"operator", "company", "firm", "utility", "owner", "subsidiary", "contractor", "group"}


# heads that are a facility only in lower case ("the field"; "Ronnie Fields" is a person; "Trump Tower")
LOWER_ONLY = {"field", "fields", "tower", "towers"}
# what a water main does when it fails: 'the Storgatan main burst' (the tagger reads 'main' as an adjective)
BREAKING = {"burst", "bursts", "broke", "breaks", "ruptured", "failed", "collapsed", "leaked", "split", "cracked"}
AFTER_NAME_LOWER = {"exchange", "main", "feeder", "crossing"}  # after-name heads that name a facility only in lower case
# what befalls a line or a site told again ('a blaze damaged the line', 'the pylons of the same line',
# 'gunmen stormed the site')
DAMAGE_VERBS = {"damage", "hit", "strike", "cut", "sever", "destroy", "attack", "bomb", "blow", "topple", "down", "bring",
                "storm", "occupy", "raid", "overrun", "loot", "ransack", "shell", "target"}
# what happens on a line told again: 'an illegal tap on the line', 'a leak along the line'
LINE_EVENTS = {"tap", "leak", "blast", "explosion", "fire", "attack", "break", "rupture", "spill", "bomb", "charge"}
LINE_PARTS = {"pylon", "tower", "section", "stretch", "segment", "span", "conductor", "insulator", "track", "pole"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
TIME_WORDS = {"yesterday", "today", "tonight", "overnight", "morning", "afternoon", "evening", "night", "weekend"}
MATERIALS = {"copper", "aluminium", "aluminum", "grounding", "earthing", "scrap"}
SEAS = {"sea", "ocean", "coast"}
# head words with no verb reading, whatever the tagger says
NEVER_VERBS = {"terminal", "substation", "refinery", "interconnector", "reservoir", "depot", "jetty", "oilfield",
               "wellfield", "airport", "seaport", "facility", "powerhouse", "switchyard"}
# lower-case words inside a name: "Rio del Rey", "Jabal al-Hasawna", "Porto dos Gaúchos"
NAME_PARTICLES = {"de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "van", "von", "der",
                  "den", "al", "el", "ul", "bin", "ibn", "y", "aux", "au", "es"}
GLUED_HEAD = re.compile(r"([A-Z][a-z]{3,})(HES|GES|HPP|TPP|NPP|CHP|GRES)$")  # 'DniproHES', 'SayanoGES'
FUSED_CODE = re.compile(r"([A-Z]{2,5})-(\d{1,2}[A-Za-z]?)$")  # 'HPP-1', 'GES-2', 'CHP-5'
# a code after a head word names it: "compressor station CS-3", "substation GS-12"
CODE = re.compile(r"[A-Z]{1,4}-?\d{1,4}[A-Z]?")
# a part's code in a series: "T-211", "KC-3", "STS-2" (letters, a dash, a number; 'M23', 'F-16s', 'Su-34' are none)
SERIES_CODE = re.compile(r"([A-Z]{1,4})-(\d{1,4})")
# "the Bazyan plant west of Sulaymaniyah": a bearing after the head, which the parser may take for one
BEARINGS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
            "north-west", "south-east", "south-west"}
VOLTS = {"kv", "kilovolt"}  # a line's or a substation's voltage, often told as part of its name
UNITS = {"kv", "mw", "gw", "kw", "mva", "mwe", "kilovolt", "megawatt", "gigawatt"}  # ratings: "161-kV", "120-MW"
VOLTAGES = re.compile(r"\d+(?:/\d+){2,}")  # a substation's three voltages "110/35/10" (two are a number already)
FUSED_RATING = re.compile(r"\d+(?:\.\d+)?(?:" + "|".join(sorted(UNITS)) + r")")  # "400kV", "1.2GW"


def _fused_rating(tok) -> bool:
    return FUSED_RATING.fullmatch(tok.lower_) is not None


def _number_sign(doc: Doc, j: int) -> int | None:
    """Start of "No. 2" / "No 2" / "number 2" when token j is the number, else None."""
    if j >= 1 and doc[j - 1].lower_ in ("no.", "number"):
        return j - 1
    if j >= 2 and doc[j - 1].text == "." and doc[j - 2].lower_ == "no":
        return j - 2
    if j >= 1 and doc[j - 1].lower_ == "no":
        return j - 1
    return None


NUMBER_SIGNS = {"no.", "no", "number", "nos."}
# what a number after a part word may be: "86", "T-47", "3A", "B2"
DESIGNATION = re.compile(r"(?:[A-Z]{1,2}-?|[A-Z]{3,4}-)?\d{1,4}[A-Z]?")
# a number that measures rather than names: "a tower 57 metres high"
MEASURES = {"m", "metres", "meters", "metre", "meter", "km", "kilometres", "kilometers", "feet", "ft", "miles", "tonnes",
            "tons", "percent", "per", "%", "hours", "days", "minutes", "years", "times", "mw", "kv", "people"}


def _designation_end(doc: Doc, j: int) -> int | None:
    """End of the number that names a part, starting at token j ("No. 86", "T-47", "3"), else None."""
    if j < len(doc) and doc[j].lower_ in NUMBER_SIGNS:
        j += 1
        if j < len(doc) and doc[j].text == ".":
            j += 1
    elif j >= len(doc) or doc[j].is_sent_start:
        return None
    if j >= len(doc) or not DESIGNATION.fullmatch(doc[j].text) or "\n" in doc[j - 1].whitespace_:
        return None
    if doc[j].like_num and len(doc[j].text) == 4 and doc[j].text.startswith(("19", "20")):
        return None  # a year: "the unit 2024 figures"
    if j + 1 < len(doc) and (doc[j + 1].lower_ in MEASURES or doc[j + 1].text in ("-", "–") or doc[j + 1].like_num):
        return None
    return j + 1


LEGAL_FORMS = {"s.a", "sa", "s.a.s", "sas", "ltd", "limited", "inc", "llc", "plc", "gmbh", "ag", "s.p.a", "spa", "b.v", "bv",
               "n.v", "nv", "s.r.l", "srl", "ltda", "s.l", "sl", "as", "asa", "ab", "oy", "pte", "bhd"}
PREFIX_STOP = {"manager", "operator", "operators", "director", "chief", "head", "staff", "workers", "security", "company"}


ELIDED = re.compile(r"(?:d|l|dell|all|dall|sull)['’]")  # "d'Eau", "l'Est", "dell'Acqua": a particle run into a name


def _cap(t: Token) -> bool:
    """A word that can stand in a name: capitalized, or capitalized after an elided particle ('Saut-d'Eau')."""
    text = t.text
    if not text[:1].isupper() and ("'" in text or "’" in text):  # (the regex only for the rare word that needs it)
        elided = ELIDED.match(text)
        if elided:
            text = text[elided.end():]
    return text[:1].isupper() and any(c.isalpha() for c in text)


SIZE_UNITS = {"inch", "in", "mm", "cm"}  # "20-inch", "600-mm": a pipe's size between a name and its head


def _stop_left(doc: Doc, j: int) -> bool:
    """A word that ends a name on its left ('the', 'of', 'and'), unless it is part of the name."""
    return doc[j].lower_ in STOP_LEFT and not _name_word(doc, j)


def _name_word(doc: Doc, j: int) -> bool:
    """A capitalized short word inside a name, not a determiner: 'the Phước An 220 kV substation',
    'Long An', with a capitalized word before it in the middle of a sentence."""
    tok = doc[j]
    return tok.text in ("An", "A", "On", "To", "In") and not tok.is_sent_start and j > 0 and _cap(doc[j - 1]) \
        and not doc[j - 1].is_sent_start and doc[j - 1].lower_ not in STOP_LEFT and not doc[j - 1].is_punct


def _words(phrase: str) -> tuple[str, ...]:
    """A head phrase as the tokenizer splits it: 'high-speed line' is 'high', '-', 'speed', 'line'."""
    return tuple(re.sub(r"(?<=\w)-(?=\w)", " - ", phrase).split())


def _known_as(doc: Doc, end: int):
    """The capitalized name after ', known (locally) as' or ', called' that follows token ``end``."""
    j = end
    if j < len(doc) and doc[j].text == ",":
        j += 1
    if j + 1 < len(doc) and doc[j].lower_ == "known" and doc[j + 1].lower_ in ("locally", "officially"):
        j += 1
    if j + 1 < len(doc) and doc[j].lower_ == "known" and doc[j + 1].lower_ == "as":
        j += 2
    elif j < len(doc) and doc[j].lower_ in ("called", "named") and j > end:
        j += 1
    else:
        return None
    k = j
    while k < len(doc) and (_cap(doc[k]) or doc[k].like_num and k > j or doc[k].text in ("-", "–") and k > j
                            and k + 1 < len(doc) and _cap(doc[k + 1])) and "\n" not in doc[k].text:
        k += 1
    return doc[j:k] if k > j else None


def operator_railway(doc: Doc, i: int) -> int | None:
    """'Georgian Railway', 'Bangladesh Railway', 'North Central Railway': where the capitalized words before
    'Railway' (token i) name a country, its people or a compass zone, the name is the operator's, not a line's;
    the name's first token, or None."""
    j = i
    while j > 0 and i - j < 3 and (_cap(doc[j - 1]) or doc[j - 1].text == "-") and not doc[j].is_sent_start \
            and "\n" not in doc[j - 1].whitespace_ and doc[j - 1].lower_ != "the":
        j -= 1
    if j == i or doc[j].text in DASHES or j > 0 and doc[j - 1].text in DASHES | {"/"}:
        return None  # ('Addis Ababa–Djibouti Railway': a line to Djibouti)
    if i + 1 < len(doc) and _cap(doc[i + 1]) and not doc[i + 1].is_sent_start:
        return None  # ('the Nigerian Railway Corporation': the name goes on)
    words = doc[j:i]
    c = lexicon.countries()
    if c.country(words.text) or lexicon.fold(words.text) in c.by_demonym:
        return j
    ends = [w.lower_ for w in words if w.text != "-"]
    if any(w.text == "-" for w in words) and all(x in ("north", "south", "east", "west") for x in ends):
        return None  # 'North-South Railway': a line between its ends
    if all(w.lower_ in ZONE_WORDS for w in words) and any(w.lower_ in COMPASS for w in words):
        return j
    return j if _acts_as_body(doc, i) else None


def _acts_as_body(doc: Doc, i: int) -> bool:
    """'the X Railway said', 'X Railway, the consortium that ...', 'trains of the X Railway': the name (ending
    at token i) speaks, is called a body, or runs trains, so it is the operator ('the X Railway's bridge' is
    left open: the bridge may be the line's part)."""
    t = doc[i]
    if t.dep_ == "nsubj" and t.head.lemma_ in BODY_VERBS:
        return True
    if any(c.dep_ == "appos" and c.lemma_ in ORG_NOUNS | {"consortium", "concessionaire"} for c in t.children):
        return True
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_ in RAIL_STAFF


class FacilityFinder(DataComponent):
    """Match facility noun phrases; ``heads`` and ``modifiers`` come from facilities.json."""

    def __init__(self, heads: dict[str, str], name_heads: dict[str, str], modifiers: list[str],
                 org_words: list[str], generic_words: list[str],
                 event_nouns: list[str], after_name_heads: dict[str, str] | None = None,
                 part_types: list[str] | None = None, numbered_heads: dict[str, str] | None = None,
                 numbered_heads_capitalized: dict[str, str] | None = None, route_heads: dict | None = None):
        self.heads = {_words(k): v for k, v in heads.items()}
        self.after_name = {k: v for k, v in (after_name_heads or {}).items() if not k.startswith("_")}
        # heads that name a facility only after two places joined by a dash ('the Ambo-Nekemte road')
        self.route_only = set((route_heads or {}).get("words", ()))
        self.name_heads = {_words(k): v for k, v in name_heads.items()}
        self.modifiers = set(modifiers)
        self.org_words = set(org_words)
        self.generic = set(generic_words)
        self.event_nouns = set(event_nouns)
        self.part_types = set(part_types or ())
        self.numbered = dict(numbered_heads or {})
        self.numbered_cap = dict(numbered_heads_capitalized or {})
        self.numbered_ids = word_ids([*self.numbered, *self.numbered_cap])
        self.prefixes = {k: v for k, v in lexicon.facilities().get("prefix_heads", {}).items() if not k.startswith("_")}
        self.not_heads = {_words(k) for k in lexicon.facilities()["not_heads"]["words"]}
        self.not_head_lens = sorted({len(k) for k in self.not_heads}, reverse=True)
        self.not_head_last = {k[-1] for k in self.not_heads}  # (only these heads need the phrase check)
        self.heads_after_only = {k: set(v) for k, v in lexicon.facilities()["heads_after_only"].items()
                                 if not k.startswith("_")}
        self.last = {k[-1] for k in self.heads} | {k[-1] for k in self.name_heads} | set(self.after_name)
        self.last_ids = word_ids(self.last)
        self.maxlen = max(len(k) for k in list(self.heads) + list(self.name_heads))

    @staticmethod
    def _line_start(doc: Doc, j: int) -> bool:
        """Sentence-initial, or first word of an infobox value: capitals there prove nothing."""
        return doc[j].is_sent_start or (j > 0 and doc[j - 1].text == ":")

    @staticmethod
    def _key_start(doc: Doc, j: int) -> bool:
        return False

    @staticmethod
    def _in_key(doc: Doc, start: int, end: int) -> bool:
        """Inside the key of an infobox line ("- Berths: 16")."""
        if end >= len(doc) or doc[end].text != ":":
            return False
        k = start
        while k > 0 and not doc[k].is_sent_start:
            k -= 1
        return doc[k].text == "-"

    def _inside_longer_name(self, doc: Doc, i: int) -> bool:
        """A capitalized head followed by more capitalized words ending in an organisation word or another head."""
        j = i + 1
        if j + 1 < len(doc) and doc[j].lower_ == "and" and _cap(doc[j + 1]):
            j += 1  # "Pipeline and Hazardous Materials Safety Administration"
            k = j
            while k < len(doc) and k < j + 6 and _cap(doc[k]) and not doc[k].is_sent_start:
                k += 1
            return doc[k - 1].lower_ in self.org_words
        while j < len(doc) and j < i + 5 and _cap(doc[j]) and not doc[j].is_sent_start and "\n" not in doc[j - 1].whitespace_:
            if doc[j].lower_ in self.org_words or self._head_at(doc, j):
                return True
            j += 1
        return False

    def _head_at(self, doc: Doc, i: int) -> tuple[int, str] | None:
        """Longest head phrase ending at token i: (first token, type)."""
        if doc[i].lower_ not in self.last or doc[i].lower_ in self.not_head_last and any(
                n <= i + 1 and tuple(t.lower_ for t in doc[i - n + 1:i + 1]) in self.not_heads for n in self.not_head_lens):
            return None  # ('the police station', 'the Emergency Operations Centre': no infrastructure)
        after = self.heads_after_only.get(doc[i].lower_)
        if after is not None and (i == 0 or doc[i - 1].lower_ not in after):
            return None  # ('the Kai Iwi Stream': a river, not a Nord Stream)
        bare = None  # a one-word head that also names a facility after a name: 'BSNL tower' is that tower
        for n in range(min(self.maxlen, i + 1), 0, -1):
            key = tuple(t.lower_ for t in doc[i - n + 1:i + 1])
            if key in self.heads and not (n == 1 and key[0] in LOWER_ONLY and not doc[i].is_lower):
                if n == 1 and key[0] in self.after_name:
                    bare = i, self.heads[key]
                    break
                return i - n + 1, self.heads[key]
            if key in self.name_heads and all(_cap(t) for t in doc[i - n + 1:i + 1]):
                return i - n + 1, self.name_heads[key]
        typ = self.after_name.get(doc[i].lower_)
        if typ and doc[i].lower_ in AFTER_NAME_LOWER and not doc[i].is_lower:
            return bare  # 'the Dadu exchange' is a telephone exchange; 'Muscat Stock Exchange' a market
        n = i - 1  # the name's last word: "Kyiv-Odesa line", "the Tema–Achimota 161-kV line"
        if n >= 3 and doc[n].lower_ in UNITS and doc[n - 1].text == "-" and doc[n - 2].like_num:
            n -= 3
        elif n >= 2 and doc[n].lower_ in UNITS and doc[n - 1].like_num:
            n -= 2  # "the Kalurghat-Hathazari 132 kV line"
        elif n >= 1 and _fused_rating(doc[n]):
            n -= 1  # "the Sibi-Quetta 220kV line"
        dashed = n > 1 and doc[n - 1].text in DASHES and _cap(doc[n - 2])
        if typ and doc[i].lower_ in self.route_only and not any(
                doc[k].text in DASHES and _cap(doc[k - 1]) and all(_cap(t) for t in doc[k + 1:n + 1])
                for k in range(max(n - 3, 1), n)):
            return bare  # ('the Baidoa–Bur Hakaba road': the second place may have two words)
        if typ and i + 1 < len(doc) and not doc[i].is_lower \
                and (doc[i + 1].like_num or doc[i + 1].lower_ in ("no", "no.", "#")) \
                and not (n >= 0 and doc[n].pos_ == "PROPN" and _cap(doc[n]) and not doc[n].is_sent_start
                         and doc[n].ent_type_ not in ("DATE", "TIME") and doc[n].lower_ not in MONTHS and doc[n].lower_ not in WEEKDAYS):
            return bare  # 'On Sunday Tower No. 88 fell': a numbered head, not one after a name (as in
            # 'Suðurnes Line 1')
        lettered = n >= 0 and _name_word(doc, n)  # 'the Otahuhu–Bream Bay A line': a circuit's letter
        if typ and n >= 0 and _cap(doc[n]) and not doc[n].is_sent_start and (not doc[n].is_stop or lettered) \
                and (doc[n].pos_ == "PROPN" or dashed or _cap(doc[i]) and doc[n].pos_ == "ADJ" or CODE.fullmatch(doc[n].text)
                     or lettered) \
                and (doc[n].ent_type_ not in ("NORP", "DATE") or CODE.fullmatch(doc[n].text)) \
                and not (doc[n].ent_type_ == "PERSON" and n > 0 and doc[n - 1].ent_type_ == "PERSON" and not dashed):
            # (two towns joined by a dash the model took for a person still name a route: 'the Taureau-Matawin line')
            # one word the model took for a person still names the place: "the damaged Gaya section"
            return i, typ
        return bare

    @staticmethod
    def _of_a_border(doc: Doc, i: int) -> bool:
        """Token i is followed by 'of the ... border' (or frontier, front line) within a few words."""
        if i + 2 >= len(doc) or doc[i + 1].lower_ != "of":
            return False
        return any(t.lower_ in ("border", "frontier", "front", "boundary", "line of contact") for t in doc[i + 2:i + 7])

    @staticmethod
    def _mistagged_head(doc: Doc, i: int) -> bool:
        """'the Malta–Sicily interconnector about 7 km off': a rare head word the tagger took for a
        verb, after a name and with no object after it (not 'Kyiv bridges the gap')."""
        if i > 0 and doc[i].pos_ in ("VERB", "AUX") and doc[i].lower_ in NEVER_VERBS:
            return True  # "the Rio del Rey offshore terminal some 18 nm off": no verb reading at all
        if doc[i].lower_ == "main" and i + 1 < len(doc) and doc[i + 1].lower_ in BREAKING:
            return True  # "the Storgatan main burst": a water main, not a main burst
        if i == 0 or doc[i].pos_ not in ("VERB", "AUX") or doc[i].tag_ == "VBZ" or doc[i].lower_.endswith("s") \
                or doc[i - 1].is_sent_start or not _cap(doc[i - 1]):
            return False  # 'the Aasta Hansteen fields and sends': a plural, or the verb it reads as
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return nxt is None or nxt.pos_ not in ("DET", "PRON", "NOUN", "PROPN", "NUM", "ADJ")

    @staticmethod
    def _told_again(doc: Doc, t) -> bool:
        """'the line tripped', 'a blaze damaged the line', 'the pylons of the same line', 'gunmen stormed
        the site': a bare 'line' or 'site' that suffers something (not 'closed the line', 'on the line',
        'the front line', 'reached the site')."""
        i = t.i
        if i < 1 or not (doc[i - 1].lower_ in ("the", "this", "that")
                         or i > 1 and doc[i - 1].lower_ == "same" and doc[i - 2].lower_ == "the"):
            return False
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ == "dobj":
            return t.head.lemma_ in DAMAGE_VERBS
        if t.dep_ == "pobj" and t.head.lower_ in ("on", "along", "beneath", "under", "below", "underneath") \
                and t.head.head.lemma_ in LINE_EVENTS:
            return True  # 'an illegal tap on the line exploded', 'a second blast on the line', 'a fire beneath the line'
        return t.dep_ == "pobj" and t.head.lower_ in ("of", "on", "along") and t.head.head.lemma_ in LINE_PARTS
        # ('the pylons of the line', 'two towers on the same line came down': its parts)

    def match(self, doc: Doc) -> list[Mention]:
        found: list[Mention] = []
        toks = tokens(doc)
        for i in positions(doc, self.last_ids):  # only tokens that can end a head phrase
            t = toks[i]
            hit = self._head_at(doc, i)
            last = next((m for m in reversed(found) if m.named and m.type in ("line", "pipeline")), None) \
                if not hit and t.lower_ == "line" else None
            if last is not None and self._told_again(doc, t):
                hit = (i, last.type)  # 'the line tripped' after a named line, 'a tap on the line exploded' after a
                # named pipeline: that line, told again (not 'closing the line', a consequence)
            if not hit and t.lower_ == "site" and t.dep_ != "nsubj" and self._told_again(doc, t) and any(
                    m.named for m in found):
                hit = (i, "facility")  # 'armed men stormed the site' after a named plant: that plant
            if not hit:
                continue
            h0, ftype = hit
            if t.pos_ not in ("NOUN", "PROPN", "") and not _cap(t) and not self._mistagged_head(doc, i) \
                    and h0 == i:  # a head of several words ('water treatment works') is a noun phrase
                continue
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if t.text in COMPANY_PLURALS and h0 == i and i > 0 and _cap(doc[i - 1]) and not doc[i - 1].is_sent_start:
                continue  # "Lobito Atlantic Terminals", "Adani Ports": a company, no one facility has a plural name
            if nxt is not None and (nxt.lower_.rstrip(".") in self.org_words or nxt.text.rstrip(".") in CASED_LEGAL_FORMS):
                continue  # "Caspian Pipeline Consortium", "Lakehead Pipe Line Co.": an organisation
            if t.text == "Railway" and h0 == i and operator_railway(doc, i) is not None:
                continue  # "Georgian Railway said": the national operator
            if nxt is not None and nxt.text == "-" and not t.whitespace_ and not nxt.whitespace_ and h0 == i \
                    and i + 2 < len(doc) and doc[i + 2].is_alpha and doc[i + 2].is_lower:
                continue  # "its factory-default password", "port-side": the first half of a compound word
            if h0 == i and t.lower_ in self.after_name and self._of_a_border(doc, i):
                continue  # 'the Sotk section of the Armenian-Azerbaijani border': a stretch of frontier
            if _cap(t) and self._inside_longer_name(doc, i):
                continue  # "Nagoya Harbor Transportation Association", "Nagoya United Terminal System"
            if _cap(t) and h0 == i and t.ent_iob_ == "B" and t.ent_type_ in ("GPE", "LOC") and nxt is not None \
                    and nxt.ent_iob_ == "I":
                continue  # "Port Sudan", "Port Harcourt": the first word of a town's name
            if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and not nxt.is_sent_start and not _cap(nxt) \
                    and nxt.lower_ not in self.event_nouns and nxt.lower_ not in BEARINGS \
                    and nxt.ent_type_ not in ("DATE", "TIME") and nxt.lower_ not in TIME_WORDS:
                continue  # "port" in "port oil terminal", "reservoir cascade": the last noun names the thing
            start, named, possessive = h0, False, False
            code_alias = None
            rated = None  # where a voltage told before the name starts: 'the 220 kV Nzilo–Kasombo line'
            j = h0 - 1
            while j >= 0:
                tok = doc[j]
                if "\n" in tok.text or tok.is_sent_end:
                    break
                if tok.text in ("'s", "’s") and j > 0 and _cap(doc[j - 1]):
                    if named and start < h0:
                        break  # "Algeria's Hassi R'Mel gas field": the name is after the possessive
                    k = j - 1
                    while k - 1 >= 0 and _cap(doc[k - 1]) and not doc[k - 1].is_sent_end and not _stop_left(doc, k - 1):
                        k -= 1
                    if ftype not in self.part_types and not any(x.lower_ in self.last for x in doc[k:j]):
                        break  # "Mexico's pipelines", "EAPC's pipeline": an owner that is no facility names nothing
                    start, named, possessive = k, True, True
                    break
                if tok.like_num and tok.is_alpha and _cap(tok) and j > 0 and _cap(doc[j - 1]) \
                        and not _stop_left(doc, j - 1):
                    start, named, j = j, True, j - 1  # "Hornsea One offshore wind farm": a number word in the name
                    continue
                if tok.like_num and tok.is_alpha and _cap(tok) and not tok.is_sent_start and start == j + 1 \
                        and _cap(doc[j + 1]) and tok.lower_.endswith(("th", "st", "nd", "rd")):
                    start, named, j = j, True, j - 1  # "the Seventh Container Terminal", "the Third Mainland Bridge"
                    continue
                if tok.like_num and j > 0:
                    k = _number_sign(doc, j)
                    if k is not None:
                        start, named = k, True
                        j = k - 1
                        continue
                    if len(tok.text) <= 2 and _cap(doc[j - 1]) and not _stop_left(doc, j - 1):
                        start, j = j, j - 1  # "Estlink 2 cable"
                        continue
                    break
                if tok.lower_ in UNITS and j >= 2 and doc[j - 1].text == "-" and doc[j - 2].like_num:
                    if not named and j >= 3 and _cap(doc[j - 3]) and not _stop_left(doc, j - 3):
                        start, j = j - 2, j - 3  # "the Tema–Achimota 161-kV line": a rating inside the name
                        continue
                    rated = j - 2 if tok.lower_ in VOLTS else None
                    break  # "its 120-MW Malinao plant": a rating before the name
                if tok.lower_ in UNITS and j >= 1 and (doc[j - 1].like_num or VOLTAGES.fullmatch(doc[j - 1].text)):
                    if not named and j >= 2 and _cap(doc[j - 2]) and not _stop_left(doc, j - 2):
                        start, j = j - 1, j - 2  # "the Kalurghat-Hathazari 132 kV line", "the Jomboy 110/35/10 kV substation"
                        continue
                    rated = j - 1 if tok.lower_ in VOLTS else None
                    break
                if _fused_rating(tok):
                    if not named and j >= 1 and _cap(doc[j - 1]) and not _stop_left(doc, j - 1):
                        start, j = j, j - 1  # "the Payra–Gopalganj 400kV transmission line"
                        continue
                    break
                if tok.is_upper and j > 0 and doc[j - 1].like_num:
                    break  # a unit: "5.7 GW"
                if tok.lower_ in NAME_PARTICLES and start == j + 1 and j > 0 and _cap(doc[j - 1]) \
                        and not doc[j - 1].is_sent_start:
                    start, j = j, j - 1  # "the Rio del Rey offshore terminal": a particle inside a name
                    continue
                if tok.text == "-" and start == j + 1 and not tok.whitespace_ and j > 0 \
                        and doc[j - 1].lower_ in NAME_PARTICLES and not doc[j - 1].whitespace_:
                    start, named, j = j - 1, True, j - 2  # "the Jabal al-Hasawna water station"
                    continue
                if tok.text == "-" and start == j + 1 and not tok.whitespace_ and doc[j + 1].lower_ in NAME_PARTICLES \
                        and j > 0 and _cap(doc[j - 1]) and not doc[j - 1].whitespace_:
                    start, named, j = j - 1, True, j - 2  # "the Baie-du-Jacotet landing station": the name's first word
                    continue
                if tok.text == "-" and start == j + 1 and j > 2 and not tok.whitespace_ and doc[j - 1].is_lower \
                        and doc[j - 1].is_alpha and len(doc[j - 1].text) <= 4 and doc[j - 2].text == "-" \
                        and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_ and not doc[j - 3].whitespace_ \
                        and _cap(doc[j - 3]):
                    start, named, j = j - 3, True, j - 4  # "the Slavyansk-on-Kuban refinery": a town's hyphenated name
                    continue
                if tok.is_lower and len(tok.text) <= 2 and start == j + 1 and j > 1 and doc[j - 1].text == "-" \
                        and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_ and _cap(doc[j - 2]) \
                        and _cap(doc[j + 1]):
                    start, named, j = j - 2, True, j - 3  # "the Sarab-e Kalan dam": a Persian ezafe in the name
                    continue
                if tok.text in DASHES and tok.whitespace_ and doc[j - 1].whitespace_ and doc[j - 1].is_upper \
                        and len(doc[j - 1].text) > 2 and not doc[j + 1].is_upper:
                    break  # "NIGER - Niger-Benin pipeline": a round-up's heading before the name
                if tok.text in DASHES and j > 0 and _cap(doc[j - 1]) and _cap(doc[j + 1]) \
                        and doc[j - 1].lower_ not in MONTHS:  # not 'January – Pylons of the ... line'
                    start = j
                    j -= 1
                    continue
                # a hyphenated modifier between a name and its head: "the Tanjung Kelapa coal-fired power
                # plant", "the La Tomilla drinking-water treatment plant" (not "state-owned" before a name)
                first = j - 1 if tok.text == "-" else j - 2
                if not named and first > 0 and doc[first + 1].text == "-" and not doc[first + 1].whitespace_ \
                        and not doc[first].whitespace_ and doc[first].is_alpha and doc[first].is_lower \
                        and not _stop_left(doc, first) and (tok.text == "-" or tok.is_alpha and tok.is_lower) \
                        and _cap(doc[first - 1]) and not doc[first - 1].is_sent_start:
                    start, j = first, first - 1
                    continue
                if not named and tok.text == "-" and start == j + 1 and j > 0 and not tok.whitespace_ \
                        and not doc[j - 1].whitespace_ and doc[j - 1].is_alpha and doc[j - 1].is_lower \
                        and doc[j + 1].is_lower:
                    start, j = j - 1, j - 2  # 'a fibre-optic signalling cable': a hyphenated description
                    continue
                if not named and tok.lower_ in SIZE_UNITS and j >= 2 and doc[j - 1].text == "-" and doc[j - 2].like_num \
                        and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_ and j >= 3 and _cap(doc[j - 3]) \
                        and not doc[j - 3].is_stop:
                    start, j = j - 2, j - 3  # "the Mustang Island 20-inch gas gathering line": a size in the name
                    continue
                if _stop_left(doc, j):
                    break
                if tok.is_stop and not tok.like_num and (tok.is_sent_start or j > 0 and doc[j - 1].is_quote):
                    break  # '"Once refineries become fair game ...': a sentence's first word, no name
                if tok.is_sent_start and tok.pos_ in ("ADJ", "VERB", "ADV") and tok.tag_ not in ("NNP", "NNPS") \
                        and start == j + 1 and doc[j + 1].is_lower:
                    break  # 'Ageing substations are ...': a capitalized first word describing a common noun
                if tok.is_sent_start and tok.like_num and tok.is_alpha and doc[j + 1].is_lower:
                    break  # 'Six steel towers were blown over': a count (not 'Three Gorges Dam')
                if _cap(tok) and not self._key_start(doc, j) and not tok.is_punct and (
                        tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB", "NUM", "X", "ADV", "INTJ", "") or _name_word(doc, j)):
                    if not (self._line_start(doc, j) and tok.lower_ in self.modifiers):
                        named = True
                    start = j
                    j -= 1
                    continue
                if tok.lower_ in self.modifiers:
                    start = j
                    j -= 1
                    continue
                break
            end = i + 1
            numbered = _designation_end(doc, end) if end < len(doc) and doc[end].lower_ in NUMBER_SIGNS else None
            if numbered is not None:  # "berth No. 2"
                end, named = numbered, True
            elif end < len(doc) and CODE.fullmatch(doc[end].text) and not doc[end].is_sent_start \
                    and "\n" not in t.whitespace_ and not (end + 1 < len(doc) and doc[end + 1].lower_ in MEASURES):
                end, named = end + 1, True  # "compressor station CS-3"
                code_alias = doc[end - 1].text  # known by its code alone too: "L-3017"
            elif _cap(t) and t.tag_ != "NNPS" and not t.text.endswith("s") and end < len(doc) \
                    and (doc[end].like_num and len(doc[end].text) <= 3
                         or len(doc[end].text) == 1 and doc[end].text.isupper() and doc[end].text not in ("I", "A")
                         or doc[end].text == "A" and (end + 1 == len(doc) or doc[end + 1].is_punct
                                                      or doc[end + 1].pos_ in ("ADP", "CCONJ", "VERB", "AUX"))) \
                    and not doc[end].is_sent_start \
                    and (end + 1 >= len(doc) or doc[end + 1].text not in ("-", "–")):
                end, named = end + 1, True  # "Berth 1", "Pier 4"
            if t.lower_ in ("port", "harbour", "harbor", "seaport") and end + 1 < len(doc) and doc[end].lower_ == "of" \
                    and _cap(doc[end + 1]) and not doc[end + 1].is_sent_start:
                start = h0  # "the Black Sea port of X": the name is "port of X"; the sea is a place
                k = end + 1
                while k < len(doc) and (_cap(doc[k]) or (doc[k].text in DASHES or doc[k].lower_ in NAME_PARTICLES)
                                        and k + 1 < len(doc) and _cap(doc[k + 1])) \
                        and "\n" not in doc[k].text:  # ('the Port of Dar es Salaam')
                    k += 1
                end, named = k, True
                if _cap(t) and lexicon.fold(doc[h0:end].text) in lexicon.towns():
                    continue  # "Port of Spain": a town's name
            if any(_cap(x) for x in doc[h0:i + 1]) and not self._line_start(doc, h0) and end - start > 1:
                named = True
            caps = [x for x in doc[start:h0] if _cap(x)]
            if named and caps and caps[-1].lower_ in SEAS and not any(_cap(x) for x in doc[h0:end]):
                named = False  # "a Red Sea fuel terminal": where it is, not what it is called
            if named and t.tag_ in ("NNS", "NNPS") and start > 0 and doc[start - 1].like_num \
                    and doc[start - 1].lower_ not in ("one", "1") and not any(_cap(x) for x in doc[h0:end]):
                named = False  # "two Safaricom masts": several, described by their owner, not one named
            by_country = False
            if named and t.tag_ in ("NNS", "NNPS") and caps and all(
                    lexicon.fold(x.text) in lexicon.countries().by_demonym for x in caps) \
                    and not any(_cap(x) for x in doc[h0:end]):
                named, by_country = False, True  # "Russian refineries", "Ukrainian power plants": a kind, by country
            if self._in_key(doc, start, end):
                continue
            if not named and t.lower_ in ("cable", "cables") and any(
                    x.lower_ in MATERIALS for x in doc[max(start - 3, 0):i]):
                continue  # 'stole copper grounding cables': wire, not an undersea or power cable
            if named and start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in ORG_NOUNS:
                continue  # "the operator, Gaz-System,": a company
            if ftype in NAMED_ONLY_TYPES and named and all(
                    lexicon.fold(x.text) in TECH_WORDS for x in doc[start:h0] if _cap(x)):
                named = False  # 'the SCADA system', 'IT systems': a kind of system, no name
            if not named and ftype in NAMED_ONLY_TYPES:
                continue  # 'the billing system', 'a SCADA system' of a plant: the plant's, no facility of its own
            dash = next((k for k in range(start + 1, h0) if doc[k].text in DASHES and doc[k - 1].whitespace_
                         and doc[k].whitespace_), None)
            if dash is not None and (lexicon.countries().country(doc[start:dash].text)
                                     or all(x.lower_ in self.event_nouns or x.lower_ in HEADING_EVENTS for x in doc[start:dash])):
                start = dash + 1  # 'Thailand - Bang Saray Container Terminal', 'Explosion - Mnazi Kusini gas processing
                # plant': a bulletin's heading, the country or the kind of event first
            span = doc[start:end]
            generic = by_country or not named and all(x.lower_ in self.generic for x in span)
            modifier = end < len(doc) and doc[end].lower_ in self.event_nouns
            found.append(Mention(start, end, "facility", ftype, span.text, named=named, generic=generic,
                                 aliases=([code_alias] if code_alias and start == h0 and len(code_alias) >= 3 else [])
                                 + ([doc[rated:end].text] if rated is not None and named else []),
                                 source="modifier" if modifier else ("possessive" if possessive else "head"),
                                 char_start=span.start_char, char_end=span.end_char))
        found.extend(self._numbered_parts(doc, found))
        found.extend(self._prefixed(doc, found))
        found.extend(self._fused_codes(doc, found))
        found.extend(self._code_series(doc, found))
        found.sort(key=lambda m: m.start)
        found = self._shared_heads(doc, found)
        found.extend(self._definitions(doc, found))
        found.extend(self._examples(doc, found))
        self._link_parents(doc, found)
        return self._without_loose_parts(doc, found)

    def _numbered_parts(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """'tower No. 86 of the Baiji-Kirkuk line', 'Tower T-47', 'Unit 3': a part word that is a
        name only with its number (``numbered_heads``)."""
        taken = {i for m in found for i in range(m.start, m.end)}
        ending = {m.end: m for m in found}
        out = []
        toks = tokens(doc)
        for i in positions(doc, self.numbered_ids):
            t = toks[i]
            typ = self.numbered.get(t.lower_) or (self.numbered_cap.get(t.lower_) if _cap(t) else None)
            if typ is None:
                continue
            end = _designation_end(doc, t.i + 1)
            if end is None and t.i >= 1 and SERIES_CODE.fullmatch(toks[t.i - 1].text) and t.i - 1 not in taken \
                    and typ != "tank" and t.tag_ == "NN":
                # 'the AVT-6 unit': the code before the part word ('T-72 tanks' are armour, no tank farm's)
                span = doc[t.i - 1:t.i + 1]
                out.append(Mention(t.i - 1, t.i + 1, "facility", typ, span.text, named=True, source="numbered",
                                   aliases=[toks[t.i - 1].text], char_start=span.start_char, char_end=span.end_char))
                continue
            if end is None and t.i + 3 < len(doc) and toks[t.i + 1].text == "(" and toks[t.i + 3].text == ")" \
                    and SERIES_CODE.fullmatch(toks[t.i + 2].text) and t.i + 2 not in taken:
                # 'the hydrogen generation unit (HGU-2)': the code in brackets names the part
                span = doc[t.i:t.i + 4]
                out.append(Mention(t.i, t.i + 4, "facility", typ, toks[t.i + 2].text, named=True, source="numbered",
                                   char_start=span.start_char, char_end=span.end_char))
                continue
            if end is None or t.pos_ not in ("NOUN", "PROPN") and doc[t.i + 1].lower_ not in NUMBER_SIGNS \
                    and not SERIES_CODE.fullmatch(toks[end - 1].text):
                continue  # 'attached to tower No. 216', 'destroyed sphere T-204': a tagger's verb or adverb is still
                # a part with "No." or a lettered code
            head = ending.get(t.i + 1)
            if head is not None and (not head.named or all(_cap(x) for x in doc[head.start:head.end])):
                # "pylon 208", "Power Barge 104": a head found already, named by its number
                span = doc[head.start:end]
                head.end, head.name, head.named, head.generic, head.char_end = end, span.text, True, False, span.end_char
                continue
            if t.i in taken:
                continue
            span = doc[t.i:end]
            code = doc[end - 1].text  # 'unit AVT-3', 'Tower T-47': a lettered code names the part alone too
            out.append(Mention(t.i, end, "facility", typ, span.text, named=True, source="numbered",
                               aliases=[code] if CODE.fullmatch(code) and not code[:1].isdigit() else [],
                               char_start=span.start_char, char_end=span.end_char))
        return out

    def _numbered_head(self, word: str) -> str | None:
        """The part type of a numbered head word, singular or plural ('tower', 'towers')."""
        return self.numbered.get(word) or (self.numbered.get(word[:-1]) if word.endswith("s") else None)

    def _code_series(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """'towers T-211 and T-212', 'units KC-1 and KC-3', 'TC-2 is out of service; TC-1 remains available':
        a code of the same series as a numbered part's code (the same letters, as many digits) names another
        part of its kind, also where the model reads it as an organisation ('T-72 tanks' is no series: no part
        was told by a code of its letters and digits)."""
        toks = tokens(doc)
        # (the few tokens that can be codes, found once: a dash and a capital before the regex)
        coded = {t.i: code for t in toks if "-" in t.text and t.text[:1].isupper()
                 and (code := SERIES_CODE.fullmatch(t.text))}
        if not coded:
            return []
        series: dict[tuple, str] = {}
        for m in found:
            code = coded.get(m.end - 1)
            if code and m.named and m.end - m.start >= 2 and self._numbered_head(toks[m.end - 2].lower_):
                series.setdefault((code.group(1), len(code.group(2))), m.type)
        for i, code in coded.items():  # 'towers T-211 and T-212': the plural head's list, when no part was found yet
            if i > 0 and toks[i - 1].tag_ == "NNS" and self._numbered_head(toks[i - 1].lower_):
                series.setdefault((code.group(1), len(code.group(2))), self._numbered_head(toks[i - 1].lower_))
        if not series:
            return []
        taken = {i for m in found for i in range(m.start, m.end)}
        out = []
        for i, code in coded.items():
            t = toks[i]
            if t.i in taken or (code.group(1), len(code.group(2))) not in series:
                continue
            nxt = toks[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and not self._numbered_head(nxt.lower_):
                continue  # 'a T-212 wagon': the code of something else
            span = doc[t.i:t.i + 1]
            out.append(Mention(t.i, t.i + 1, "facility", series[(code.group(1), len(code.group(2)))], t.text,
                               named=True, source="code-series", char_start=span.start_char, char_end=span.end_char))
        return out

    def _fused_codes(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """'the Varzob HPP-1', 'Varzobskaya GES-1', 'SPM-2': an abbreviated head with its number in one token,
        after a capitalized name or alone (the tokenizer keeps 'HPP-1' whole, so the head scan never sees 'HPP')."""
        taken = {i for m in found for i in range(m.start, m.end)}
        toks, out = tokens(doc), []
        for t in toks:
            glued = GLUED_HEAD.match(t.text)
            if glued and t.i not in taken and (glued.group(2).lower(),) in self.heads:
                span = doc[t.i:t.i + 1]  # 'the DniproHES': a transliterated plant's name with its head glued on
                out.append(Mention(t.i, t.i + 1, "facility", self.heads[(glued.group(2).lower(),)], t.text, named=True,
                                   source="glued-head", char_start=span.start_char, char_end=span.end_char))
                continue
            m = FUSED_CODE.match(t.text)
            if not m or t.i in taken or (m.group(1).lower(),) not in self.heads:
                continue
            start = t.i
            while start > 0 and _cap(toks[start - 1]) and toks[start - 1].pos_ == "PROPN" and start - 1 not in taken \
                    and not toks[start].is_sent_start and toks[start - 1].lower_ not in STOP_LEFT \
                    and "\n" not in toks[start - 1].whitespace_:
                start -= 1
            if start < t.i or not any(x.start <= t.i < x.end for x in out):  # 'SPM-2' alone names one too
                span = doc[start:t.i + 1]
                out.append(Mention(start, t.i + 1, "facility", self.heads[(m.group(1).lower(),)], span.text, named=True,
                                   source="fused-code", char_start=span.start_char, char_end=span.end_char))
        return out

    def _prefixed(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """'the FSO Kole Spirit', 'FPSO Agbami': an abbreviation before a name makes it a facility
        (``prefix_heads``), which is no ship's crew nor company."""
        prefixes = self.prefixes
        bare = {m.start: m for m in found if m.end == m.start + 1 and not m.named}  # "FSO" as a head of its own
        taken = {i for m in found if m.start not in bare for i in range(m.start, m.end)}
        toks, out = tokens(doc), []
        for t in toks:
            typ = prefixes.get(t.text)
            if typ is None or t.i in taken:
                continue
            if (t.lower_,) in self.heads and not self._foreign_name_after(doc, t.i):
                continue  # 'Terminal Manager Ana Ruiz', a headline's 'Fire Hits Terminal At Port'
            end = t.i + 1
            while end < len(doc) and not toks[end].is_sent_start and end not in taken \
                    and "\n" not in toks[end - 1].whitespace_ and toks[end].text not in prefixes \
                    and toks[end].text.rstrip(".").lower() not in LEGAL_FORMS:
                if _cap(toks[end]):
                    end += 1
                elif toks[end].lower_ in NAME_PARTICLES and end + 1 < len(doc) and _cap(toks[end + 1]) \
                        and end + 1 not in taken:
                    end += 2  # 'Gasoducto del Pacífico'
                else:
                    break
            if end < len(doc) and toks[end].text.rstrip(".").lower() in LEGAL_FORMS and "\n" not in toks[end - 1].whitespace_ \
                    and t.i > 0 and toks[t.i - 1].lower_ == "by":
                continue  # 'operated by Refinería del Camp S.A.': the company's name (but 'ransomware hit Terminal
                # Rambla Norte S.A.' names the terminal the company runs)
            if end > t.i + 1:
                span = doc[t.i:end]
                out.append(Mention(t.i, end, "facility", typ, span.text, named=True, source="prefix",
                                   char_start=span.start_char, char_end=span.end_char))
                if t.i in bare:
                    found.remove(bare[t.i])
        return out

    def _foreign_name_after(self, doc: Doc, i: int) -> bool:
        """An English head word written first ('Terminal Puerto Arrecifes', 'Terminal Varreux') heads a
        name only in running text (not a title-case headline), when the next word is a proper noun that
        is no common word and no title."""
        toks = tokens(doc)
        if i + 1 >= len(doc) or toks[i + 1].pos_ != "PROPN" or toks[i + 1].is_stop or not toks[i + 1].is_alpha \
                or toks[i + 1].lower_ in PREFIX_STOP \
                or (i > 0 and _cap(toks[i - 1]) and not toks[i - 1].is_stop and not toks[i].is_sent_start):
            return False
        sent = toks[i].sent
        return any(w.is_alpha and w.is_lower and not w.is_stop for w in sent)

    def _shared_heads(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """'the Covas and Soutelo pumping stations': two facilities sharing one plural head, each
        named with the head in the singular ('Covas pumping station', 'Soutelo pumping station')."""
        out = []
        for m in found:
            head = doc[m.end - 1]
            first = doc[m.start]
            if not (m.named and head.tag_ in ("NNS", "NNPS") and m.end - m.start >= 2 and _cap(first)
                    and m.start >= 2 and doc[m.start - 1].lower_ == "and" and _cap(doc[m.start - 2])
                    and not doc[m.start - 2].is_sent_start and doc[m.start - 2].pos_ == "PROPN"):
                out.append(m)
                continue
            words = [t.text for t in doc[m.start + 1:m.end - 1]] + [head.lemma_]
            left = m.start - 2  # "the San Alberto and Sábalo fields": the first name may have several words
            while left > 0 and doc[left - 1].pos_ == "PROPN" and _cap(doc[left - 1]) and not doc[left].is_sent_start \
                    and not _stop_left(doc, left - 1) and left > m.start - 5:
                left -= 1
            for start, end in ((left, m.start - 1), (m.start, m.end)):
                span = doc[start:end]
                own = [t.text for t in doc[start:end if start < m.start else m.start + 1]]
                out.append(Mention(start, end, "facility", m.type, " ".join(own + words), named=True,
                                   source="shared-head", char_start=span.start_char, char_end=span.end_char))
        return out

    def _without_loose_parts(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """'damaging transformers', 'fuel tanks burning': unnamed parts in the plural, tied to no facility,
        are too vague to be a facility of their own (the incident's target is the whole); 'a transformer at
        the X substation', 'the dam's switchyard' and 'two diesel tanks' are parts."""
        keep = []
        for k, m in enumerate(found):
            head = doc[m.end - 1]
            loose = m.type in self.part_types and not m.named and m.parent is None and head.tag_ in ("NNS", "NNPS") \
                and not any(t.like_num for t in doc[max(0, m.start - 2):m.start]) \
                and not (m.start > 0 and doc[m.start - 1].text in ("'s", "’s"))
            if loose and not self._whole_told(doc, m, found):
                continue
            keep.append(m)
        if len(keep) < len(found):  # parents are positions in the list
            index = {id(m): j for j, m in enumerate(keep)}
            for m in keep:
                if m.parent is not None:
                    m.parent = index.get(id(found[m.parent]))
        return keep

    @staticmethod
    def _whole_told(doc: Doc, m: Mention, found: list[Mention]) -> bool:
        """'a storm toppled towers on the northern section' in a story of a named line: equipment told as
        its whole stands for that whole, so it is kept to lead the incident there, when the sentence tells when
        ('the towers' tells again towers told before; 'dozens of towers' are counted across many lines)."""
        holders = lexicon.facilities()["plural_parts_of_named"].get(m.type, ())
        if not holders or m.start > 0 and (doc[m.start - 1].pos_ in ("DET", "PRON") or doc[m.start - 1].lower_ == "of"):
            return False
        if not any(e.label_ == "DATE" for e in doc[m.start].sent.ents):
            return False  # ('militants have repeatedly blown up pylons': a habit, told with no day)
        return any(n.named and n.type in holders for n in found)

    def _definitions(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """'X is a natural gas pipeline' / 'X, a gas pipeline': X names a facility of that type."""
        out = []
        taken = {(m.start, m.end) for m in found}
        for m in found:
            if m.named and not (doc[m.end - 1].dep_ == "appos" and self._owned_appositive(doc[m.end - 1])):
                continue  # (but 'X, the country's main Pacific port' names X, not the Pacific)
            known = _known_as(doc, m.end) if not m.named else None
            if known is not None and (known.start, known.end) not in taken:
                # 'the town's main intake substation, known as PMU Kuala Krai': the name the text gives it
                out.append(Mention(known.start, known.end, "facility", m.type, known.text, source="definition",
                                   char_start=known.start_char, char_end=known.end_char))
                m.named, m.generic, m.name, m.source = True, False, known.text, "defined"
                continue
            h = doc[m.end - 1]
            subj = None
            if h.dep_ == "attr" and h.head.lemma_ == "be":
                subj = next((c for c in h.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            elif h.dep_ == "appos":
                subj = h.head
            if subj is None or subj.pos_ != "PROPN":
                continue
            told = any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in h.children)
            if not told and not (h.dep_ == "appos" and self._owned_appositive(h)):
                continue
            left = subj.i
            while left - 1 >= 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i in range(left, subj.i + 1):
                left -= 1
            while left >= 2 and doc[left - 1].text == "-" and not doc[left - 1].whitespace_ \
                    and not doc[left - 2].whitespace_ and _cap(doc[left - 2]):
                left -= 2  # "Sarab-e Kalan, an earth-fill dam": the name's first word before the hyphen
            span = doc[left:subj.i + 1]
            if (span.start, span.end) in taken or any(t.is_stop for t in span):
                continue
            if not told and lexicon.is_place_name(span.text):
                continue  # 'Kribi, the country's deep-water port': the town the port is named after
            out.append(Mention(span.start, span.end, "facility", m.type, span.text, source="definition",
                               char_start=span.start_char, char_end=span.end_char))
            m.named, m.generic, m.name, m.source = True, False, span.text, "defined"
        return out

    @staticmethod
    def _owned_appositive(h: Token) -> bool:
        """'X, the country's main Pacific port', 'X, the region's largest refinery': an appositive told with an
        owner that is a country, region or company (so it says what X is, not which one of many)."""
        return any(d.dep_ == "poss" and d.lower_ in OWNER_WORDS for d in h.children)

    def _examples(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """'smaller ports, such as Tripoli and Tyre': each name is a facility of that type."""
        out = []
        for m in found:
            if m.named or not doc[m.end - 1].lower_.endswith("s"):
                continue
            j = m.end
            if j < len(doc) and doc[j].text == ",":
                j += 1
            if not (j + 1 < len(doc) and doc[j].lower_ == "such" and doc[j + 1].lower_ == "as") \
                    and not (j < len(doc) and doc[j].lower_ == "including"):
                continue
            j += 2 if doc[j].lower_ == "such" else 1
            while j < len(doc):
                k = j
                while k < len(doc) and _cap(doc[k]) and not doc[k].is_sent_start:
                    k += 1
                if k == j:
                    break
                span = doc[j:k]
                out.append(Mention(span.start, span.end, "facility", m.type, span.text, source="example",
                                   char_start=span.start_char, char_end=span.end_char))
                if k < len(doc) and doc[k].lower_ in (",", "and", "or"):
                    j = k + 1
                    if j < len(doc) and doc[j].lower_ == "and":
                        j += 1
                else:
                    break
        return out

    def _link_parents(self, doc: Doc, found: list[Mention]) -> None:
        """'the berth at the container terminal of the Port of X': each is part of the next."""
        by_start = {m.start: k for k, m in enumerate(found)}
        by_end = {m.end: k for k, m in enumerate(found)}
        for m in found:
            if m.source == "possessive" and m.type in self.part_types:  # "the Varna Dam's switchyard"
                owner = next((by_end[j] for j in range(m.start + 1, m.end) if doc[j].text in ("'s", "’s")
                              and j in by_end and found[by_end[j]] is not m), None)
                if owner is not None:
                    m.parent = owner
                    continue
            j = m.end
            if j < len(doc) and doc[j].text == "(":  # 'tailings storage facility No. 2 (TSF2) at the X plant'
                close = next((k for k in range(j + 1, min(j + 6, len(doc))) if doc[k].text == ")"), None)
                if close is not None:
                    j = close + 1
            if j + 2 < len(doc) and doc[j].lower_ == "and" and not m.named:
                k = j + 1  # 'the pump station and filter gallery of the Waila plant': both are the plant's
                while k < len(doc) and k < j + 5 and doc[k].is_lower and doc[k].is_alpha \
                        and doc[k].lower_ not in ("of", "at", "on", "in", "to", "and", "or"):  # 'filter': the tagger's verb
                    k += 1
                if k > j + 1 and k < len(doc) and doc[k].lower_ in ("of", "at") and doc[k - 1].pos_ == "NOUN":
                    j = k
            if j < len(doc) and doc[j].lower_ in ("of", "at", "on", "in"):
                j += 1
                while j < len(doc) and j < m.end + 6 and (doc[j].lower_ in ("the", "its", "a") or doc[j].pos_ == "ADJ"
                                                          or doc[j].like_num or doc[j].text in ("-", "–")
                                                          or doc[j].lower_ in UNITS):
                    j += 1  # "a transformer at the 220-kilovolt Yablonevo substation"
                if j + 1 < len(doc) and j not in by_start and doc[j].pos_ == "PROPN" and doc[j + 1].text in ("'s", "’s"):
                    j += 2  # "the turbine hall of Jandar's Unit 3"
                if j in by_start and found[by_start[j]] is not m:
                    m.parent = by_start[j]
        for k, m in enumerate(found):  # "Tower T-47 and Tower T-48 of the X line": both are the line's
            if m.parent is None and k + 1 < len(found):
                nxt = found[k + 1]
                between = [t.lower_ for t in doc[m.end:nxt.start]]
                if nxt.parent is not None and nxt.type == m.type and between in (["and"], [","], [",", "and"]):
                    m.parent = nxt.parent

    def set_annotations(self, doc: Doc, mentions: list[Mention]) -> None:
        doc._.ig_facilities = mentions

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


if not Doc.has_extension("ig_facilities"):
    Doc.set_extension("ig_facilities", default=None)


@Language.factory("ig_facilities", assigns=["doc._.ig_facilities"],
                  default_config={"heads": None, "name_heads": None, "modifiers": None, "org_words": None,
                                  "generic_words": None, "event_nouns": None, "after_name_heads": None,
                                  "part_types": None, "numbered_heads": None, "numbered_heads_capitalized": None,
                                  "route_heads": None})
def make_facility_finder(nlp: Language, name: str, heads: dict | None, name_heads: dict | None,
                         modifiers: list | None, org_words: list | None, generic_words: list | None,
                         event_nouns: list | None, after_name_heads: dict | None = None,
                         part_types: list | None = None, numbered_heads: dict | None = None,
                         numbered_heads_capitalized: dict | None = None,
                         route_heads: dict | None = None) -> FacilityFinder:
    """Patterns default to ingest/data/facilities.json; tests pass small inline ones."""
    data = lexicon.facilities()

    def pick(value, key):
        return value if value is not None else data[key]

    config = {key: pick(value, key) for key, value in (
        ("heads", heads), ("name_heads", name_heads), ("modifiers", modifiers), ("org_words", org_words),
        ("generic_words", generic_words), ("event_nouns", event_nouns), ("after_name_heads", after_name_heads),
        ("part_types", part_types), ("numbered_heads", numbered_heads),
        ("numbered_heads_capitalized", numbered_heads_capitalized), ("route_heads", route_heads))}
    return FacilityFinder(**config).remember(config, lambda cfg: make_facility_finder(nlp, name, **cfg))
