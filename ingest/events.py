"""Incidents: trigger sentences become mentions, mentions of one real event merge.

A mention is one sentence's triggers with the facilities they hit, the date they give and
the actors said to have done it. Mentions merge when they share a target (or one target is
part of the other) and their dates agree; a consequence (outage, fire) joins the incident it
follows; a mention without a target only continues a neighbour; what is left without a
target was background and is dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional

from spacy.tokens import Doc, Span

from ingest import lexicon
import re

from ingest.dates import DEICTIC, DateExpr, Interval, hull, overlap
from ingest.lexicon import fold
from ingest.resolve import COMPAT
from ingest.resolve import Ent, Resolution
from ingest.toks import is_heading, sentences, tokens
from ingest.toks import text as doc_text

CAUSATIVE = {"cause", "launch", "carry", "conduct", "stage", "mount", "commit", "perpetrate", "execute", "organise",
             "organize", "orchestrate", "order", "plan"}
# "its forces struck ...": the subject stands for the speaker of the enclosing report
SELF_HEADS = {"forces", "force", "troops", "fighters", "units", "unit", "military", "army", "navy", "aircraft", "jets",
              "warplanes", "drones", "missiles", "men", "operatives", "members", "militants", "hackers"}
SELF_PRONOUNS = {"it", "they", "we", "our"}
# "Ukraine's General Staff said its forces struck": the claim is the state's
MILITARY_ORGANS = {"staff", "forces", "force", "military", "army", "navy", "command", "troops"}
DEFINITE = {"the", "this", "that", "these", "those"}
ANEW = {"another", "again", "second", "fresh", "renewed", "further", "new"}
BACKGROUND_DAYS = 90  # an incident ending this long before publication is background, not the news
# words that frame a cause: 'points to an equipment failure', 'caused by', 'due to', 'the result of'
# a field line that dates a bulletin's or a notice's item: 'Date of loss: 22 May 2025' (a bare 'Date:' may be
# the notice's own)
# 'Date of loss:', '- Incident date:', '(1) Date and time of occurrence:' (a numbered field of a report's item)
DATE_FIELD = re.compile(r"(?:[-*•]\s*|\(?\d{1,2}[.)]\s*)?(?:date(?: and time)? of (?:the )?"
                        r"(?:loss|incident|event|occurrence|outage|attack|failure)"
                        r"|(?:incident|event|loss) date|occurred)\s*:\s*", re.IGNORECASE)
DATE_FIELD_LINE = re.compile(r"^[ \t]*" + DATE_FIELD.pattern, re.IGNORECASE | re.MULTILINE)
SENTENCE_ENDS = (".", "?", "!", '"', "”")  # how a line of running text ends; a heading's does not
CAUSE_FRAMES = {"point", "cause", "due", "result", "blame", "attribute", "trace", "owe"}
CONSEQUENCE_DAYS = 2  # a fire or outage up to two days after an attack on the same target is its effect
# 'a source in X said': the speaker is X
INTERMEDIARIES = {"source", "sources", "official", "officials", "spokesman", "spokeswoman", "spokesperson", "representative",
                  "member", "members", "officer", "statement", "commander", "head", "chief", "person", "people", "insider"}
CONTACTS = {"made contact with", "came into contact with"}  # accidents only when what was touched is a facility
# law-enforcement and seizure verbs: an incident only when a facility is what was taken
OBJECT_BOUND = {"armed_assault"}
FUELS = {"gas", "oil", "fuel", "coal", "diesel", "crude", "wood", "waste", "biomass", "flare", "methane"}
# 'about 20 armed men entered the X substation', 'a group of people carrying dynamite entered the station': a going in
# that is an assault only when the ones going in bear arms
ARMED_ENTRY = {"entered"}
ARMED_PEOPLE = {"gunmen", "gunman", "militants", "militant", "fighters", "insurgents", "rebels", "raiders", "assailants",
                "attackers", "bandits", "guerrillas", "jihadists", "soldiers", "troops", "militiamen", "commandos"}
ARMED_WORDS = {"armed", "masked", "hooded", "dynamite", "rifles", "guns", "weapons", "explosives", "machetes", "firearms"}
ARMED_VEHICLE_WORDS = {"bomb", "explosive", "explosives", "laden", "borne", "suicide", "rigged", "booby", "armoured",
                       "armored", "military", "army", "police", "stolen", "hijacked"}
# 'That changed on 22 March 2024.': a sentence that gives the next one's day
TOLD_BEFORE_VERBS = {"change", "happen", "come", "occur", "begin", "start", "end", "be"}
VEHICLES = {"truck", "lorry", "excavator", "bulldozer", "tractor", "vehicle", "car", "bus", "digger", "van", "trailer",
            "train", "locomotive", "tram", "minibus"}
PEOPLE = {"person", "people", "man", "men", "vandal", "thief", "saboteur", "attacker", "intruder", "militant", "gunman",
          "someone", "somebody", "youth", "looter", "raider", "burglar",
          "assailant", "perpetrator", "unknown", "individual", "group", "activist", "worker", "insurgent", "rebel",
          "fighter", "arsonist", "protester", "criminal"}
CUT_WORDS = {"cut", "cuts", "cutting", "toppled", "toppling", "felled"}  # damage only to what is cut itself: a facility, or a part
# what a day after 'of' or 'dated' dates when it is a document: 'the news release of 3 February'
DOCUMENT_NOUNS = {"release", "statement", "report", "announcement", "letter", "notice", "circular", "bulletin",
                  "update", "filing", "decision", "order", "ruling", "communiqué", "communique", "memo", "advisory",
                  "notification", "submission", "publication", "edition", "issue", "minutes", "resolution"}
# intrusion words that tell a hack only among computer words (else a break-in, or the lack of one)
PHYSICAL_TOO = {"intrusion", "intrusions", "intruder", "intruders"}
# cyberattack words that name an intrusion only in a sentence about computers ('an actor accessed the
# tank-gauging system'; not 'the site is accessed by a track')
COMPUTER_ONLY = {"accessed"}
SUPPLY_CUTS = {"power", "electricity", "supply", "water", "gas", "rotating", "rolling", "scheduled", "unscheduled",
               "planned", "unplanned", "daily", "hourly", "load", "load-shedding"}
COLLAPSE_WORDS = {"collapse", "collapsed", "fell down", "gave way", "give way", "giving way", "structural failure"}
FALSE_WORDS = {"false", "untrue", "unfounded", "baseless", "groundless", "fake", "wrong", "incorrect", "inaccurate"}
HEDGES = {"suspected", "possible", "potential", "alleged", "presumed", "probable", "likely", "apparent"}
EVENT_SUBJECTS = {"explosion", "blast", "fire", "blaze", "storm", "quake", "earthquake", "landslide", "typhoon", "cyclone",
                  "hurricane", "lightning", "flood", "wave", "surge", "tornado", "wildfire", "mudslide"}
STOLEN_PARTS = {"cable", "copper", "wire", "wiring", "conductor", "transformer", "oil"}
WEAPONS = {"drone", "uav", "missile", "rocket", "shell", "projectile", "shahed", "bomb"}
TAKEOVERS = {"took control of", "take control of", "taken control of", "taking control of"}
# "there was no doubt that the cable had been cut deliberately": 'no' before these nouns affirms what follows
AFFIRMING_NOUNS = {"doubt", "question", "dispute", "denying"}
CYBER_WORDS = ("system", "network", "computer", "software", "scada", "server", "remote", "online", "digital", "hacker")
NOBODY = {"nobody", "none", "noone"}
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}
DELIBERATE = set(lexicon.incidents()["fired_at"]["deliberate_words"])  # the trigger finder's list too
VESSELS = set(lexicon.actors()["ship_nouns"]) | {"convoy"} | set(lexicon.actors()["vessel_classes"])
# a date on these verbs dates the police work or the recovery, not the incident ("boarded the tanker on
# Thursday", "resumed operations on Friday")
LAW_VERBS = {"board", "seize", "detain", "arrest", "charge", "escort", "impound", "inspect", "investigate", "search",
             "question", "interrogate", "sentence", "convict", "tow", "release", "resume", "restore", "reopen",
             "restart", "reconnect", "repair", "recommission",
             # a court's acts: "the court on Wednesday ordered detention for men accused of blowing up ..."
             "order", "remand", "jail", "indict", "acquit", "prosecute", "extradite", "imprison",
             # ... or its history: "the bridge, built in 1962, suffered damage"
             "build", "construct", "commission", "inaugurate", "found", "establish", "design"}
# "In the same wave, a drone struck X", "The same night, a tower was brought down": the day of the event told before
SAME_TIME = {"night", "day", "wave", "morning", "evening", "afternoon", "attack", "attacks", "time", "hour", "raid",
             "barrage", "salvo", "strike", "strikes", "weekend"}
ATTACK_VERBS = {"attack", "strike", "hit", "shell", "sabotage", "bomb", "blow", "collide", "damage", "destroy",
                "target", "occupy", "seize", "capture", "storm", "raid", "hack", "breach", "cut", "ram", "set", "torch",
                "burn", "mine", "plant", "detonate", "bombard", "shoot", "loot", "vandalise", "vandalize", "steal",
                "ransack", "overrun", "infiltrate", "encrypt", "block", "blockade"}


MODALS = {"could", "would", "might", "may", "can", "should", "will", "must"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
LAST_WEEKDAY = re.compile(r"last (?:%s)\b" % "|".join(WEEKDAYS), re.I)
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
ORDINAL_WORDS = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "latest"}


@dataclass(eq=False)
class Event:
    """One incident being built from one or more mentions."""

    sents: list[int]
    types: list[str]
    cues: list[str]
    targets: list[Ent]
    dates: Optional[Interval] = None
    precision: int = 9
    perps: list[Ent] = field(default_factory=list)
    effects: set[str] = field(default_factory=set)
    evidence: list[tuple[int, int]] = field(default_factory=list)  # char spans in the doc
    location: Optional[Ent] = None
    date_text: Optional[str] = None
    bound: bool = False  # dated only by a report ('said on Tuesday it had ...'): the event was on or before
    anaphoric: bool = False  # 'the attack', 'the accident': refers to an event told before
    habitual: bool = False  # 'was attacked repeatedly': history, unless nothing else happened to the target
    recent: bool = False  # dated relative to a publication date the text lacks ('on Thursday'): the news, not history
    follows: bool = False  # 'a fire broke out in the switchyard after the strike': a consequence of an attack told before
    stamped: bool = False  # dated only by the dateline or the live entry it stands in, not by words of its own
    scene: bool = False  # dated only by the time that opens its paragraph ('Two weeks later, in February, ...')
    words: list[str] = field(default_factory=list)  # the trigger words, one per entry of types

    def absorb(self, o: "Event") -> None:
        self.sents += o.sents
        self.types += o.types
        self.cues += o.cues
        self.words += o.words
        for t in o.targets:
            if t not in self.targets:
                self.targets.append(t)
        if o.dates and (not self.dates or o.precision < self.precision and (self.stamped or not o.stamped)):
            # the date kept says whether it only bounds the event (a report's day); a day the words tell
            # ('overnight') beats the day of the live entry or dateline a later telling stands under
            self.dates, self.precision, self.date_text, self.bound = o.dates, o.precision, o.date_text, o.bound
            self.stamped, self.scene = o.stamped, o.scene
        if not o.habitual or self.habitual:  # 'where X has repeatedly blown up pylons': not who did this one
            for p in o.perps:
                if p not in self.perps:
                    self.perps.append(p)
        self.habitual = self.habitual and o.habitual
        self.recent = self.recent or o.recent
        self.effects |= o.effects
        self.evidence += o.evidence
        self.location = self.location or o.location


WEEKDAY_WORDS = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# a live page's entry: a clock time that opens a paragraph, before a dash or a colon ('09:15 - ', '14.02: ')
# or a line of its own, a weekday before it when the day changes ('Wednesday 6.15pm', 'Thursday, 00:40', '7.20am')
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*(?:GMT|UTC|local time|local|[AP]M|[ap]m|a\.m\.|p\.m\.))?"
CLOCK_ENTRY = re.compile(r"(?:^|\n\n)[ \t]*(?P<entry>(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \t]+)?"
                         rf"({_CLOCK}))(?:\s*[-–—:|]\s|[ \t]*\n)")
CLOCK_REST = re.compile(rf"[, \t]*{_CLOCK}[ \t]*")
# capitals beyond ASCII too: "BOGOTÁ, Aug 26 -", "ŁÓDŹ, May 3 -"
_UP = "A-ZÀ-ÖØ-Þ\u0100-\u017F"
DATELINE = re.compile(rf"^[ \t]*[{_UP}][{_UP}.'\-/ ]+(?:, [{_UP}][A-Za-z{_UP}à-ÿ.'\- ]+)?,\s+[A-Z][a-z]{{2,8}}\.? \d{{1,2}}\b"
                      r"[^\n]{0,30}?[-\u2013\u2014]\s", re.M)


# what air defences and navies destroy: the weapon, not the target (its destroyer is no attacker)
DEFENDING = {"destroy", "intercept", "shoot", "down", "neutralise", "neutralize", "repel", "repulse", "sink"}
DEFENDED = {"drone", "uav", "boat", "vessel", "missile", "rocket", "projectile", "shahed", "aircraft", "usv", "craft"}


def _lines_before(text: str, pos: int):
    """(start, text) of the lines before offset ``pos`` (a line's start), nearest first."""
    while pos > 0:
        prev = text.rfind("\n", 0, pos - 1) + 1
        yield prev, text[prev:pos]
        pos = prev


def _lines_after(text: str, end: int, most: int):
    """(start, text) of up to ``most`` lines after offset ``end`` (a line's end)."""
    pos = end + 1
    for _ in range(most):
        if pos >= len(text):
            return
        nxt = text.find("\n", pos)
        nxt = len(text) if nxt < 0 else nxt
        yield pos, text[pos:nxt]
        pos = nxt + 1


def _compatible(a: str, b: str) -> bool:
    return a == b or any(a in x and b in x for x in COMPAT)


def _by_method(cues: list[str], told: list[str] = ()) -> list[str]:
    """Attack cues with a ground assault left out when another tells how it was done: 'armed men packed
    explosives around the legs of two towers' is sabotage (the assault cues are the people: gunmen, troops).
    Fire set in an assault told as one is no other method ('armed men attacked the station and set fire to the
    control room': ``told``, all the event's cues, marks each such act 'arson')."""
    if "armed_assault" in cues and set(cues) <= {"armed_assault", "sabotage"} \
            and cues.count("sabotage") <= list(told).count("arson"):
        return [c for c in cues if c == "armed_assault"]
    return [c for c in cues if c != "armed_assault"] if set(cues) - {"armed_assault"} else cues


def _with_acts(words: list[str], acts: list[str]) -> list[str]:
    """Cue words and the acts' cues, a cut made on purpose first: it breaks a tie of attack cues."""
    return acts[:1] + words + acts[1:] if acts[:1] == ["sabotage"] else words + acts


def _related(a: Ent, b: Ent) -> bool:
    return a is b or a in b.ancestors() or b in a.ancestors()


def _covers(bound: "Event", other: "Event") -> bool:
    """A report dated by its telling names the facility the other hit, or the whole it is part of
    ('supply fell on Thursday after a drone attack on the field' and 'the drone struck a tank at the field')."""
    if any(y is x or y in x.ancestors() for x in other.targets for y in bound.targets):
        return True
    # 'the company said on Thursday that a transformer had caught fire' after Wednesday's fire at its substation:
    # a part of the facility, told with the same kind of event within two days of it
    return bool(set(bound.types) & set(other.types)) and (bound.dates[1] - other.dates[1]).days <= 2 and any(
        x in y.ancestors() for x in other.targets for y in bound.targets)


PARTITIVES = {"much", "most", "some", "all", "part", "bulk", "half", "none", "rest", "majority", "share"}


def _past_partitive(tok):
    """'Much of the damage was on the X line': the quantity stands where the trigger would."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in PARTITIVES and tok.head.head.i < tok.i:
        return tok.head.head
    return tok


def _tree_distance(a, b) -> int:
    pa = [a] + list(a.ancestors)
    pb = [b] + list(b.ancestors)
    ids = {t.i: k for k, t in enumerate(pa)}
    for k, t in enumerate(pb):
        if t.i in ids:
            return ids[t.i] + k
    return 99


# prepositions before the day an effect ends
UNTIL = {"until", "till", "untill"}


# words before a paragraph's opening time: 'Then, on 2 April', 'Later, in February', 'Two weeks later, in March'
SCENE_WORDS = {"then", "later", "but", "and", "so", "by", "in", "on", "early", "late", "earlier", "afterwards"}


class EventBuilder:
    """Builds incidents for one parsed document and its resolution."""

    def __init__(self, doc: Doc, res: Resolution, published: Optional[date]):
        self.doc, self.res, self.published = doc, res, published
        data = lexicon.incidents()
        self.rank = {t: spec["rank"] for t, spec in data["types"].items()}
        self.attack_family = set(data["attack_family"])
        self.cause_less = set(data["cause_less"])
        self.ref_preps = set(data["reference_preps"])
        self.hypo = set(data["hypothetical"])
        self.habitual = set(data.get("habitual", []))
        self.rates = [tuple(r.split()) for r in data.get("rates", [])]
        self.rate_keys = ["\x00" + "\x00".join(r) + "\x00" for r in self.rates]  # whole words, in order
        self.negation = data["negation"]
        self.ongoing = set(data["ongoing_preps"])
        self.accusation = data["accusation"]
        self.object_bound = set(data["object_bound_words"])  # "hit" is an attack only when it hits a facility
        self.ship_cues = set(data.get("ship_cues", {}).get("words", []))
        self.editor_notes = set(data.get("editor_notes", {}).get("words", []))
        self.not_before = {w: set(after) for w, after in data.get("not_before", {}).items() if not w.startswith("_")}
        self.subject_bound = set(data["subject_bound_words"]["words"])  # "failed" only when a facility fails
        self.operations = set(data["subject_bound_words"]["operations"])  # 'pumping at the plant stopped'
        self.measures = self.operations | set(data["subject_bound_words"]["measures"])  # 'the capacity of the line'
        # 'Israeli artillery shells fell on the station': the landed weapon's own words name its side
        self.landing = set(data.get("fired_at", {}).get("landing_verbs", ()))
        self.part_nouns = set(lexicon.facilities()["part_nouns"])
        self.head_words = {h for h in lexicon.facilities()["heads"] if " " not in h}
        self.effects = {k: ["\x00" + "\x00".join(p.split()) + "\x00" for p in v] for k, v in data["effects"].items()}
        self.default_attack = data["default_attack"]
        self.speech = set(lexicon.cues()["speech_verbs"])
        self.statement_nouns = set(lexicon.cues()["statement_nouns"])
        self.countries = lexicon.countries()
        self.demonyms = self.countries.by_demonym
        self.text = doc_text(doc)
        self.datelines = [(m.start(), m.end()) for m in DATELINE.finditer(self.text)]
        self.has_date_fields = DATE_FIELD_LINE.search(self.text) is not None
        stamps = list(CLOCK_ENTRY.finditer(self.text))
        self.clock_entries = [(m.start("entry"), m.end("entry")) for m in stamps] if len(stamps) >= 3 else []
        self._trig_tokens: Optional[tuple[set[int], set[int]]] = None
        self._doc_type: Optional[tuple] = None
        self._single = False  # the text tells one incident (set by build)
        self._cyber: Optional[bool] = None  # the text speaks of cyberattacks (_cyber_text)
        self.hazard_days: list[Interval] = []  # the days a storm, flood or quake is told on (set by build)
        self.sents = sentences(doc)
        self.toks = tokens(doc)
        self.sent_of = {i: k for k, s in enumerate(self.sents) for i in range(s.start, s.end)}
        self._heads: dict[int, object] = {}
        self._told: list[Event] = []
        self._skips: dict[int, bool] = {}

    # ---- mentions --------------------------------------------------------------------------
    def _head(self, trig):
        """The syntactic head of a trigger phrase ('blew up' -> 'blew', 'drone attack' -> 'attack')."""
        head = self._heads.get(id(trig))
        if head is None:
            head = self._heads[id(trig)] = self.doc[trig.start:trig.end].root
        return head

    def _skip(self, trig) -> bool:
        """A trigger that reports no event of its own (asked once per trigger, kept)."""
        skip = self._skips.get(id(trig))
        if skip is None:
            skip = self._skips[id(trig)] = self._skip_uncached(trig)
        return skip

    def _skip_uncached(self, trig) -> bool:
        doc = self.doc
        tok = self._head(trig)
        line = tok.sent
        if line[0].text in ("=", "==", "===") or (line[0].text == "-" and len(line) > 2 and line[1].lower_ == "title") \
                or is_heading(line):
            return True  # a heading names the article, it does not report an event
        if line[0].text == "(" and len(line) > 1 and line[1].lower_ in self.editor_notes:
            return True  # '(Updates with ministry comments on substation fire)': an editor's note
        if trig.type == "natural_hazard" and tok.tag_ == "VBG" and trig.start > 0 and doc[trig.start - 1].text == "," \
                and any(o.type != "natural_hazard" and not o.cue and line.start <= o.start < trig.start
                        for o in doc._.ig_triggers or []):
            return True  # 'the main burst near Gharo, flooding the highway': the flood is what the burst did
        if trig.type == "natural_hazard" and tok.pos_ == "VERB" and any(
                c.dep_ == "nsubj" and c.lemma_.lower() == "water" for c in tok.children):
            return True  # 'a joint gave way ... The water flooded a field': what the leak did, no hazard
        if trig.type == "natural_hazard" and tok.pos_ == "VERB" and tok.dep_ == "relcl" and any(
                t.lemma_.lower() == "water" for t in doc[max(tok.i - 12, tok.sent.start):tok.i]):
            return True  # 'a column of water "as high as a tree" that flooded the road': what the burst did
        window = [t.lower_ for t in doc[max(trig.start - 4, tok.sent.start):trig.start]]
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
        if tok.pos_ == "NOUN" and self._dated_phrase(tok) and self._is_facility(tok):
            indefinite = True  # 'since the ransomware attack of 22 April on the X data centre': told in full
        if tok.dep_ == "pobj" and tok.head.lower_ in self.ref_preps and not indefinite:
            return True
        if any(w in self.ref_preps for w in window[-3:]) and not indefinite \
                and not any(doc[i].pos_ == "VERB" for i in range(max(trig.start - 3, 0), trig.start)) \
                and not (tok.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in tok.children)) \
                and not (tok.pos_ == "VERB" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children)) \
                and not (tok.dep_ == "compound" and tok.head.dep_ == "nsubj" and tok.head.head.pos_ == "VERB"):
            return True  # 'after the strikes', not 'after drones hit the terminal' (a clause of its own)
            # nor 'after Cyclone Tejal made landfall', whose subject names the storm
        if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children) \
                and not self._dated_phrase(tok) and (tok.dep_ == "pobj" and not (tok.head.dep_ == "agent" and trig.type == "natural_hazard") or any(c.lower_ == "such" for c in tok.children) or (
                    tok.dep_ == "dobj" and tok.head.lemma_ in self.speech)):
            return True  # "retaliation for Russian attacks on the grid", "such strikes": a habit, not an event
            # (not 'the bridge was hit by floods', the agent of the event told)
        if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children) \
                and self._generic_target(tok):
            return True  # "attacks on electrical substations have increased": a kind of event, not one
        word = doc[trig.start:trig.end].text.lower()
        if word in self.not_before and trig.end < len(doc) and doc[trig.end].lower_ in self.not_before[word]:
            return True  # 'the slip road', 'police cracked down on', 'listed the company on its leak site'
        if word in COMPUTER_ONLY and not self._about_computers(tok.sent):
            return True  # 'the site is accessed by a track': no system reached
        if word in ("slip", "slips") and tok.pos_ != "NOUN":
            return True  # 'prices slip': no landslip
        if word in PHYSICAL_TOO and (not self._about_computers(tok.sent) and not self._cyber_text() or any(
                c.dep_ in ("compound", "amod") and c.lemma_ in VEHICLES for c in tok.children)):
            return True  # 'protect signalling installations against fire and intrusion': a break-in, no hack; so
            # is a 'vehicle intrusion'
        if word in CUT_WORDS and any(c.dep_ in ("amod", "compound") and c.lower_ in SUPPLY_CUTS for c in tok.children):
            return True  # 'rotating cuts', 'unscheduled power cuts': outages of supply, not a cut facility
        if word in CUT_WORDS and not any(c.dep_ in ("dobj", "nsubjpass") and self._breakable(c) for c in tok.children) \
                and not any(self._breakable(c) for c in self._copula_subjects(tok)) \
                and not (tok.pos_ == "NOUN" and self._cut_in(tok)) \
                and not self._cut_in_clause(tok):
            return True  # 'cut the cable' but not 'cut flows into the pipeline', 'cut power to the plant'
        if word in CONTACTS and not self._touches_facility(doc[trig.start:trig.end]):
            return True  # 'made contact with the berth' is a ship's accident; 'made contact with the pilot' is not
        if word in ARMED_ENTRY and not self._armed_subject(tok):
            return True  # 'the tanker entered the port', 'water entered the hall': no assault
        if (trig.type in OBJECT_BOUND or word in self.object_bound) \
                and not self._takes_facility(tok):
            return True  # "seized the tanker", "captured the suspects": not an attack on a facility
        before = self.toks[max(trig.start - 3, tok.sent.start):trig.start]
        if doc[trig.start:trig.end].text.lower() in self.subject_bound and not self._facility_fails(tok) \
                and not self._facility_lost(trig):
            return True  # "talks failed", "failed to stop the fire": nothing broke
        if any(self._hypothetical(t) for t in before) or self._hypothetical(tok.head):
            return True
        if self._speculative(tok):
            return True
        noun = tok.head if tok.dep_ == "compound" else tok  # "arson" in "arson attacks"
        if noun.tag_ == "NNS" and noun.head.lower_ == "of" and noun.head.head.lower_ in ("series", "spate", "string", "rash",
                                                                                        "number", "history"):
            return True  # "a series of arson attacks on the rail network": a campaign, not one event
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.is_lower \
                and tok.head.i not in self._trigger_tokens():
            return True  # "a fire alarm", "fire crews": a word naming something else
        if self._negated(tok):
            return True
        if self._open_question(tok):
            return True
        if any(c.dep_ == "amod" and c.lower_ in HEDGES for c in tok.children) and trig.type in self.attack_family:
            return True  # 'in what police called suspected arson': a cause the text does not establish
        if trig.type == "attack" and tok.pos_ == "VERB" and any(
                c.dep_ == "nsubj" and c.lemma_ in EVENT_SUBJECTS and c.i in self._trigger_tokens(cues=False)
                for c in tok.children):
            return True  # 'an explosion hit the compressor station': the explosion is the event, not an attack
        if trig.type == "attack" and tok.pos_ == "VERB" and any(
                c.dep_ == "agent" and any(o.dep_ == "pobj" and o.lemma_ in EVENT_SUBJECTS and o.i in self._trigger_tokens(cues=False)
                                          for o in c.children) for c in tok.children):
            return True  # 'the plant was hit by a fire in August': the fire is the event
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("every", "each", "any") for c in tok.children):
            return True  # '"Every strike on the port squeezes imports"': what any such event does, not one
        if tok.pos_ == "NOUN" and any(c.lower_ == "same" for c in tok.children):
            return True  # 'checked them for signs of the same intrusion': the one told before
        verb = self._verb_of(trig)
        since = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in self.ongoing]
        if since and not (trig.type == "disruption" and all(self._since_a_day(c) for c in since)):
            return True  # "who have attacked shipping since late 2023": a campaign, not one event
            # (but "the field has been shut since Saturday": an outage that began that day)
        return False

    @staticmethod
    def _armed_subject(verb) -> bool:
        """The ones going in bear arms: 'armed men', 'gunmen', 'a group ... carrying dynamite' (read on the
        words before the verb: the parser often loses such a subject)."""
        before = {t.lower_ for t in verb.doc[verb.sent.start:verb.i]}
        return bool(before & (ARMED_PEOPLE | ARMED_WORDS))

    @staticmethod
    def _open_question(tok) -> bool:
        """'examining whether a fault set off the blast or whether it was vandalism': neither is told as fact."""
        return any(c.lower_ == "whether" and c.dep_ in ("mark", "det") or c.lower_ == "if" and c.dep_ == "mark"
                   for a in [tok, *tok.ancestors][:4] for c in a.children)

    def _hypothetical(self, t) -> bool:
        """'could', 'a risk of', 'plans': the event may not have happened. A modal must be one:
        'on 6 May, drones struck' is a date."""
        return t.lower_ in self.hypo and (t.tag_ == "MD" or t.lower_ not in MODALS)

    def _trigger_tokens(self, cues: bool = True) -> set[int]:
        """Tokens inside a trigger phrase (with cues=False, only inside a trigger that is no mere cue)."""
        if self._trig_tokens is None:
            found = self.doc._.ig_triggers or []
            self._trig_tokens = ({i for t in found for i in range(t.start, t.end)},
                                 {i for t in found if not t.cue for i in range(t.start, t.end)})
        return self._trig_tokens[0 if cues else 1]

    def _reported(self, trig) -> bool:
        """A trigger told as what others report or claim ('media reported that X was hacked')."""
        return any(a.lemma_ in ("report", "claim", "allege", "speculate", "suggest", "rumour", "rumor")
                   for a in self._head(trig).ancestors)

    def _in_body_name(self, trig) -> bool:
        """A cue that is a word of a body's name ('the Petroleum and Explosives Safety Organisation'): it names the
        body, not how the event came about (an armed group's name still tells its means)."""
        return all((a := self.res.actor_at(i)) is not None and a.type not in ("armed_group", "armed_forces")
                   and not a.name.isupper() and len(a.name.split()) > 1 for i in range(trig.start, trig.end))

    def _speculative(self, tok) -> bool:
        """'"no scenario, including sabotage, can be ruled out"': a possibility, not an event; 'after social
        media posts claimed the depot had been attacked': a rumour, not an event."""
        return any(a.lemma_ in ("rule", "exclude") and any(c.dep_ == "aux" and c.lower_ in ("can", "could", "ca")
                                                           for c in a.children) for a in tok.ancestors) \
            or self._rumoured(tok)

    def _rumoured(self, tok) -> bool:
        """The trigger is in a clause that only a rumour tells ('rumours that the plant was sabotaged'), or a
        post or report from social media ('social media posts claimed the depot had been attacked', 'reports on
        social media claiming that the failure was caused by sabotage'); not the claim of a group ('the group
        claimed the attack in a post on Telegram': the attack is what is claimed, no clause)."""
        neg = self.negation
        nouns, sources = set(neg["rumour_nouns"]), set(neg["rumour_sources"])
        media = [m.split() for m in neg["rumour_media"]]

        def rumour(noun) -> bool:
            if noun.lemma_.lower() in nouns:
                return True
            if noun.lemma_.lower() not in sources:
                return False
            words = [t.lower_ for t in noun.subtree]
            return any(words[k:k + len(m)] == m for m in media for k in range(len(words)))

        t = tok
        for _ in range(8):
            if t.dep_ in ("ccomp", "acl") and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in nouns:
                return True  # 'rumours that the plant was sabotaged'
            if t.dep_ == "ccomp":
                verb = t.head
                if any(c.dep_ == "nsubj" and rumour(c) for c in verb.children) or (
                        verb.dep_ == "acl" and rumour(verb.head)):
                    return True
            if t.head.i == t.i:
                return False
            t = t.head
        return False

    @staticmethod
    def _since_a_day(prep) -> bool:
        """'since Saturday', 'since 14 March': a day, not a year or a season."""
        return any(t.lower_ in WEEKDAYS or (t.like_num and len(t.text) <= 2) for t in prep.subtree)

    def _negated(self, tok) -> bool:
        """'no evidence of sabotage or of a cyberattack', 'not an attack', 'ruled out an attack',
        'the line was not damaged': the text says the event did not happen."""
        dets, dismiss = set(self.negation["determiners"]), set(self.negation["dismiss_verbs"])
        hearsay = set(self.negation["hearsay_nouns"])

        def denied(t) -> bool:
            for c in t.children:
                if c.dep_ == "neg" and not any(a.dep_ == "appos" and a.i == c.i + 1 for a in t.children):
                    return True
                if c.dep_ == "det" and c.lower_ in dets:
                    return True
            # 'a landslide, not sabotage, ruptured the pipeline': the parser hangs 'not' on the landslide
            return t.dep_ == "appos" and any(c.dep_ == "neg" and c.i == t.i - 1 for c in t.head.children)

        t = tok
        for _ in range(6):
            if denied(t):
                return True
            if t.dep_ == "dobj" and t.head.lemma_ in dismiss:
                return True
            if t.dep_ in ("acl", "ccomp") and t.head.lemma_ in hearsay and t.head.dep_ == "dobj" \
                    and t.head.head.lemma_ in dismiss | {"deny", "reject"}:
                return True  # "dismissed claims that the plant had been sabotaged"
            if t.dep_ in ("acl", "ccomp", "relcl") and t.head.lemma_ in hearsay and t.head.dep_ == "nsubj" and any(
                    c.dep_ == "acomp" and c.lemma_ in FALSE_WORDS for c in t.head.head.children):
                return True  # "Rumours that the substation was sabotaged are false"
            if t.dep_ in ("ccomp", "xcomp") and t.head.lemma_ in ("suggest", "indicate", "show", "point") \
                    and t.head.dep_ in ("relcl", "acl") and t.head.head.lower_ in ("nothing", "no"):
                return True  # "nothing to suggest the fire had been deliberately lit"
            if t.dep_ in ("acl", "ccomp") and t.head.pos_ == "NOUN" and t.head.lemma_ not in AFFIRMING_NOUNS and any(
                    c.dep_ == "det" and c.lower_ in dets for c in t.head.children):
                return True  # "no indication that the damage was caused deliberately" (but "no doubt that ...")
            if t.dep_ == "pobj" and t.head.lower_ == "than" and t.head.i > 0 and self.toks[t.head.i - 1].lower_ == "rather":
                return True  # "engineers suspect an overloaded transformer rather than an attack"
            if t.dep_ == "pobj" and t.head.lower_ == "by" and any(c.dep_ == "neg" for c in t.head.head.children):
                return True  # "a ship does not zigzag over a cable by accident"
            if t.dep_ in ("attr", "acomp"):  # "This was not an attack", "the attacks are not accidental"
                return any(c.dep_ == "neg" for c in t.head.children)
            if t.dep_ == "advmod" and t.lower_ in DELIBERATE:  # 'nothing to suggest it was deliberately lit'
                t = t.head
                continue
            if t.dep_ in ("conj", "pobj") or (t.dep_ == "prep" and t.head.pos_ in ("NOUN", "ADP")) or (
                    t.dep_ == "conj" and t.pos_ == "ADP"):
                t = t.head
                continue
            return False
        return False

    def _habitual(self, trig) -> bool:
        """'was attacked repeatedly', 'frequent leaks', 'bombings have been rare since 2016': how often
        things happen, not one event."""
        head = self._head(trig)
        if head.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ in self.habitual for c in head.children):
            return True
        return any(c.lower_ in self.habitual and (c.dep_ != "acomp" or head.tag_ == "NNS")
                   for c in self._verb_of(trig).children)

    def _verb_of(self, trig):
        """The trigger's own verb: itself, or the verb it is subject or object of."""
        tok = self._head(trig)
        if tok.pos_ == "VERB":
            return tok
        return tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else tok

    def _definite(self, trig) -> bool:
        """'the attack', 'the accident': a noun trigger that refers back; so does 'the ruptured section'."""
        tok = self._head(trig)
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
            return True
        part = tok.head if tok.dep_ in ("amod", "acl") else None
        return part is not None and part.lower_ in self.part_nouns and any(
            c.dep_ == "det" and c.lower_ in DEFINITE for c in part.children) and not any(
            c.dep_ == "prep" and c.lower_ in ("of", "at") for c in part.children)

    def _day_owned_noun(self, trig) -> bool:
        """'Monday's damage', 'last week's attack': a noun owned by a day refers to that day's event."""
        tok = self._head(trig)
        return tok.pos_ == "NOUN" and any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in tok.children)

    def _after_the_attack(self, sent: Span, real) -> bool:
        """'a fire broke out in the station's switchyard after the strike', 'hours after the strikes, the group
        fired a missile at X': 'after' governs a definite attack noun, an attack told before."""
        own = {r.start for r in real}
        for t in self.doc._.ig_triggers or []:
            if not (sent.start <= t.start < sent.end) or t.cue or not (t.type in self.attack_family or t.type == "attack") \
                    or t.start in own:
                continue
            tok = self._head(t)
            if tok.dep_ == "pobj" and tok.head.lower_ == "after" and self._definite(t):
                return True
        return False

    def _after(self, trig) -> bool:
        """'... fell on Thursday after a drone attack on the field': the trigger is what came before."""
        tok = self._head(trig)
        if tok.dep_ in ("nsubj", "nsubjpass"):  # 'after a drone attack on the field forced ...'
            return any(c.dep_ == "mark" and c.lower_ == "after" for c in tok.head.children)
        return tok.dep_ == "pobj" and tok.head.lower_ == "after"

    @staticmethod
    def _same_time(sent: Span) -> bool:
        return any(t.lower_ == "same" and t.head.lower_ in SAME_TIME and t.head.i > t.i for t in sent)

    def _rate(self, sent: Span) -> bool:
        words = "\x00" + "\x00".join(t.lower_ for t in sent) + "\x00"
        return any(r in words for r in self.rate_keys)

    def _day_owned(self, trig) -> bool:
        """'Wednesday's strike', 'last week's attack': a noun trigger owned by its day."""
        tok = self._head(trig)
        return tok.pos_ == "NOUN" and any(c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in tok.children)

    def _counted(self, real) -> bool:
        """'the 14th attack', 'the third blast this year': a trigger numbered in a series."""
        return any(c.dep_ == "amod" and (ORDINAL.match(c.lower_) or c.lower_ in ORDINAL_WORDS)
                   for t in real for c in self._head(t).children)

    def _generic_target(self, tok) -> bool:
        """The trigger noun's 'on/against X' names a class: a bare plural."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against", "at"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.tag_ == "NNS" and not any(
                            x.dep_ in ("det", "poss", "nummod") for x in p.children):
                        return True
        return False

    def _dated_phrase(self, tok) -> bool:
        ids = {t.i for t in tok.subtree}
        return any(s in ids for s, _, _ in self.doc._.ig_dates or [])

    def _is_facility(self, tok) -> bool:
        """The noun phrase (its clauses left out) mentions a facility."""
        todo, seen = [tok], []
        while todo:
            t = todo.pop()
            seen.append(t)
            todo += [c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "appos")]
        return any(any(e.kind == "facility" for e in self.res.at.get(t.i, [])) for t in seen)

    def _facility_fails(self, tok) -> bool:
        """'one of the gates at the dam failed', 'a gate failure at the dam': what fails is a facility
        or a part of one ('failed to close' tells of no breakage)."""
        if tok.pos_ == "VERB":
            if any(c.dep_ in ("xcomp", "dobj") for c in tok.children):
                return False
            if tok.lemma_ == "come" and any(c.dep_ == "prep" and c.lower_ in ("across", "on", "onto") and any(
                    self._is_facility(o) for o in c.children) for c in tok.children):
                return True  # 'trees came down across the X line': what came down fell on a facility
            return any(c.dep_ == "nsubj" and (self._breakable(c) or self._facility_work(c)) for c in tok.children)
        if tok.dep_ == "compound":
            tok = tok.head  # "gate" in "gate failure"
        return any(c.dep_ == "compound" and self._breakable(c) for c in tok.children) or any(
            c.dep_ == "prep" and c.lower_ in ("of", "at", "on", "in") and any(self._breakable(o) for o in c.children)
            for c in tok.children)

    def _facility_work(self, noun) -> bool:
        """'pumping at the X plant', 'exports through the Y terminal': the work a facility does."""
        return noun.lemma_.lower() in self.operations and any(
            p.dep_ == "prep" and p.lower_ in ("at", "on", "of", "through", "from", "in") and any(
                self._is_facility(o) for o in p.children) for p in noun.children)

    def _facility_lost(self, trig) -> bool:
        """'the substation lost power', 'Port Substation No. 2, which supplies the cranes, lost supply': a
        facility is what lost it (its verb's subject, or the facility told right before)."""
        verb = self.doc[trig.start]
        if verb.lower_ != "lost":
            return False
        if verb.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in verb.children):
            return any(c.dep_ == "nsubj" and self._breakable(c) for c in verb.children)
        before = self.toks[trig.start - 1] if trig.start > 0 else None
        return before is not None and any(e.kind == "facility" for e in self.res.at.get(before.i, []))

    def _vessel_agent(self, tok) -> bool:
        """'severed by a fishing boat', 'the first by a cargo ship': a ship is the agent."""
        for c in [*tok.children, *(g for ch in tok.children for g in ch.children)]:
            if c.dep_ in ("agent", "prep") and c.lower_ == "by" and any(
                    p.lemma_ in VESSELS or (self._actor(p.i) is not None and self._actor(p.i).type == "vessel")
                    for p in c.children if p.dep_ == "pobj"):
                return True
        return False

    @staticmethod
    def _deliberate(tok) -> bool:
        return any(c.lower_ in DELIBERATE for c in tok.children) or (
            tok.dep_ in ("pcomp", "xcomp") and any(c.lower_ in DELIBERATE for c in tok.head.children))

    def _vessel_subject(self, verb) -> bool:
        """The verb's subject is a ship ('a barge', 'the tanker', a named vessel)."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and (verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG"):
            # 'the carrier broke free ... and struck the quay', 'the vessel approached too fast, hitting the quay'
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ == "VERB":  # 'a VLCC discharging crude at SPM-2 parted its hawser'
            subj = next((c for c in subj.children if c.dep_ == "nsubj"), subj)
        if subj is None:
            return self._misparsed_ship(verb) is not None
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        return self._is_vessel(subj) or owner is not None and self._is_vessel(owner)  # 'the dredger's cutter head'

    def _touches_facility(self, phrase) -> bool:
        """What follows the phrase's 'with' is a facility or a part of one ('the berth face', 'the jetty
        head'); not whatever its 'of' names ('the owner of the jetty')."""
        touched = [x for w in phrase if w.lower_ == "with" for o in w.children if o.dep_ == "pobj"
                   for x in [o, *(c for c in o.children if c.dep_ == "compound")]]
        return any(any(e.kind == "facility" for e in self.res.at.get(x.i, [])) or x.lemma_ in self.part_nouns
                   or x.lower_ in self.head_words for x in touched)

    def _is_vessel(self, tok) -> bool:
        a = self._actor(tok.i)
        return tok.lemma_.lower() in VESSELS or (a is not None and a.type == "vessel")

    def _misparsed_ship(self, verb):
        """'On 9 September the tanker X, arriving in ballast, struck the jetty': a verb the parser left
        without a subject (it read the ship as the date's object), and a ship before it in its own
        clause (no other verb between them in the tree): that ship."""
        if verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            return None
        for t in reversed(self.doc[verb.sent.start:verb.i]):
            if not self._is_vessel(t):
                continue
            h = t
            while h.i != verb.i and h.head.i != h.i and h.pos_ not in ("VERB", "AUX"):
                h = h.head
            return t if h.i == verb.i else None
        return None

    def _cut_in(self, noun) -> bool:
        """'a cut in the upper part of the pipe', 'the cut made on the Norperuano Pipeline': a cut noun
        whose preposition (or the participle after it) holds a facility or a part of one."""
        holders = [noun, *(a for a in noun.children if a.dep_ == "acl")]
        if noun.dep_ == "dobj" and noun.head.lemma_ in ("make", "find", "detect", "discover"):
            holders.append(noun.head)  # 'made a cut of 20 centimetres in the pipe'
        for c in holders:
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "on", "into", "at") and any(
                        o.dep_ == "pobj" and self._breakable(o) for o in p.children):
                    return True
        return False

    @staticmethod
    def _passive(verb) -> bool:
        """'two cable troughs had been set alight': a passive fire-setting verb, which someone did."""
        return verb.pos_ in ("VERB", "AUX") and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)

    def _human_agent(self, verb) -> bool:
        """The verb's subject is someone: an actor, or a word for people ('unknown persons', 'vandals')."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in verb.children):
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)  # 'they travelled ... and made a cut'
        return subj is not None and (self._actor(subj.i) is not None or subj.lemma_ in PEOPLE)

    def _breakable(self, tok) -> bool:
        """A facility, a part of one ('the gates at the dam'), or 'one of' them; not 'talks on the pipeline'."""
        if any(e.kind == "facility" for e in self.res.at.get(tok.i, [])):
            return True
        if tok.lemma_ in self.part_nouns or tok.lower_ in self.part_nouns:
            return True
        if tok.lower_ in self.head_words:
            return True  # 'saboteurs cut fibre-optic cables at four sites': facilities the text does not name
        if tok.lower_ in ("one", "two", "three", "some", "several", "all") or tok.like_num \
                or tok.pos_ == "NOUN" and not self.res.actor_at(tok.i) and tok.lemma_.lower() not in self.measures:
            # 'the embankment of the tailings dam', not 'the capacity of the pipeline' (how much it does)
            return any(c.dep_ == "prep" and c.lower_ == "of" and any(self._breakable(o) for o in c.children)
                       for c in tok.children)
        return False

    @staticmethod
    def _copula_subjects(tok) -> list:
        """'four towers of the X line were bent or toppled': the parser reads the participle after 'were' as
        an adjective (or joins it to one); the subject of 'were' is what suffered it."""
        k = tok
        while k.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in k.children):
            k = k.head
        if k.dep_ != "acomp" or k.tag_ not in ("VBN", "JJ") or tok.tag_ != "VBN":
            return []
        return [c for c in k.head.children if c.dep_ == "nsubj"]

    def _cut_in_clause(self, tok) -> bool:
        """'signalling cables cut on the X railway': a participle in a reduced clause after the broken thing."""
        return tok.dep_ == "acl" and tok.tag_ == "VBN" and self._breakable(tok.head)

    def _takes_facility(self, tok) -> bool:
        """A seizure verb or noun whose object (or passive subject) holds a facility."""
        verbs = [tok]
        if tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children):
            verbs.append(tok.head)  # 'stormed and seized the plant' (not 'X isolated the plant, and parts of
            # Giza were hit by cuts': a clause with a subject of its own)
        verbs += [c for c in tok.children if c.dep_ == "conj"]
        for v in verbs:
            # 'four towers of the X line were bent or toppled': the parser's adjective after 'were' is a passive
            subjects = self._copula_subjects(v)
            for c in [*v.children, *subjects]:
                dep = "nsubjpass" if c in subjects else c.dep_
                if dep in ("dobj", "nsubjpass", "obj") and self._is_facility(c):
                    return True
                if dep in ("dobj", "nsubjpass") and v.lower_ in CUT_WORDS and self._breakable(c):
                    return True  # 'saboteurs cut fibre-optic cables at four sites': unnamed, but cables
                if dep in ("dobj", "nsubjpass") and c.lemma_ not in FUELS and any(
                        p.dep_ == "prep" and p.lower_ in ("on", "at", "of") and any(self._is_facility(o) for o in p.children)
                        for p in c.children):
                    return True  # 'flames burned 14 wooden poles of the X line': things of a facility
                if c.dep_ == "prep" and c.lower_ in ("on", "at") and v.pos_ == "VERB" and self._is_facility(c) \
                        and any(o.dep_ == "dobj" and o.lemma_ not in FUELS for o in v.children):
                    return True  # 'flames burned 14 wooden poles on the X line' (the parser: burned ... on); not
                    # 'the company burned gas at the plant'
                if c.dep_ == "prep" and c.lower_ in ("of", "at", "on") and v.pos_ == "NOUN" and self._is_facility(c):
                    return True
                if c.dep_ == "prep" and c.lower_ in ("into", "past", "onto") and v.pos_ == "VERB" and self._is_facility(c):
                    return True  # 'broke into the station', 'forced their way past its gates'
                if c.dep_ == "prep" and c.lower_ == "from" and v.lemma_ == "steal" and self._is_facility(c):
                    return True  # 'cables were stolen from the substation'
                if v.lemma_ in ("steal", "theft") and (c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "prep"
                                                       and c.lower_ == "of") and any(
                        w.lemma_ in STOLEN_PARTS for w in c.subtree):
                    return True  # 'cut and stole lengths of copper cable', 'the theft of copper cables'
                if v.lemma_ in ("steal", "theft") and c.dep_ == "prep" and c.lower_ == "at" and self._is_facility(c):
                    return True  # 'theft at the substation'
        if tok.pos_ == "VERB" and tok.dep_ in ("amod", "acl") and self._is_facility(tok.head):
            return True  # "the seized plant"
        if tok.lower_ in CUT_WORDS and self._cut_in_clause(tok):
            return True  # 'signalling cables cut on the X railway', 'towers felled by the storm'
        if tok.pos_ == "NOUN" and tok.lower_ in CUT_WORDS and self._cut_in(tok):
            return True  # 'made a cut in the upper part of the pipe'
        return False

    def mentions(self) -> list[Event]:
        doc = self.doc
        by_sent: dict[int, list] = {}
        for trig in doc._.ig_triggers or []:
            by_sent.setdefault(self.sent_of.get(trig.start, -1), []).append(trig)
        events = []
        self._told = events  # the mentions so far, for dates counted from one of them
        self.muted: set[int] = set()  # tokens inside a skipped trigger's phrase ('retaliation for strikes on X')
        for trig in doc._.ig_triggers or []:
            if not trig.cue and self._skip(trig):
                head = self._head(trig)
                if head.pos_ == "NOUN":
                    self.muted.update(t.i for t in head.subtree)
        denied = {k: {t.type for t in trigs if not t.cue and self._negated(self._head(t))} for k, trigs in by_sent.items()}
        for k, trigs in sorted(by_sent.items()):
            real = [t for t in trigs if not t.cue and not self._skip(t)]
            # "media reported that the substation was hacked. ... we have found no indication of a cyberattack"
            later = denied.get(k + 1, set()) | denied.get(k + 2, set())
            real = [t for t in real if not (t.type in later and self._reported(t))]
            if not real:
                continue
            clauses = self._counted_clauses(self.sents[k], real)
            if not clauses:
                events += self._mentions_in(k, trigs, real)
                continue
            # 'X blew up the pipeline on Sunday, a day after an explosion damaged a bridge': each its own,
            # the clause's day counted back from the sentence's
            inside = set().union(*(toks for toks, _ in clauses))
            outer = [t for t in real if self._head(t).i not in inside]
            main = self._mentions_in(k, trigs, outer, set(range(self.sents[k].start, self.sents[k].end)) - inside) \
                if outer else []
            events += main
            day = next((m.dates[1] for m in main if m.dates and (m.dates[1] - m.dates[0]).days <= 1 and not m.bound), None)
            for toks, days in clauses:
                own = [t for t in real if self._head(t).i in toks]
                # '... two days after an explosion at X on Monday evening knocked out power': the clause's own day
                dated = any(s in toks and x.offset_days is None and x.precision == 0
                            for s, e, x in self.doc._.ig_dates or [])
                for m in self._mentions_in(k, trigs, own, toks):
                    if dated and m.dates and m.precision == 0:
                        events.append(m)
                        continue
                    m.dates, m.precision, m.date_text, m.bound = None, 9, None, False
                    if day is not None:
                        when = day - timedelta(days=days)
                        m.dates, m.precision = (when, when), 0
                    events.append(m)
        return events

    def _mentions_in(self, k: int, trigs: list, real: list, only: Optional[set] = None) -> list[Event]:
        """The mentions one sentence tells with these triggers (``only``: the tokens their targets
        may be in)."""
        events = self._told
        out: list[Event] = []
        sent = self.sents[k]
        if only is not None:
            trigs = [t for t in trigs if t.start in only]
        targets = self._targets(sent, real, only)
        if not targets and self._rate(sent):
            return []  # 'theft and vandalism cost it R2 billion a year': how often, not what happened
        cues = [t.type for t in trigs if t.cue and not self._negated(self._head(t)) and not self._in_body_name(t)
                and not self._speculative(self._head(t)) and not self._open_question(self._head(t))
                and (t.text.lower() not in self.ship_cues or self._vessel_subject(self._verb_of(t)))]
        told = _with_acts(cues, self._acts_told(trigs, real))
        cyber = "cyberattack" in told or self._about_computers(sent)
        if not targets and any(self._own_type(t, cyber) == "cyberattack" for t in real):
            targets = self._hosting_facility(sent, only)
        ev = Event([k], [self._own_type(t, cyber) for t in real], told, [], words=[t.text.lower() for t in real])
        ev.evidence.append((sent.start_char, sent.end_char))
        self._date(ev, sent, real)
        if ev.dates is None and self._same_time(sent):
            # an incident's day, or a day told to the day ('the strikes began on Saturday'), not a talk's month
            told = next((e for e in reversed(events) if e.dates and (e.targets or e.precision == 0)), None)
            if told is not None:
                ev.dates, ev.precision, ev.date_text, ev.bound = told.dates, told.precision, told.date_text, told.bound
        ev.perps = self._agents(sent, real)
        ev.effects = self._effects(sent)
        ev.location = self._location(sent, real)
        ev.anaphoric = any(self._definite(t) or self._day_owned_noun(t) for t in real)
        ev.follows = self._after_the_attack(sent, real)
        if self._counted(real) and ev.dates and self.published and (ev.dates[1] - ev.dates[0]).days > 2 \
                and ev.dates[0] <= self.published <= ev.dates[1]:
            # 'it was the 14th attack on the line this year': the count's window, not a new incident (but
            # 'overnight, ... in the latest attack on the grid' is that night's)
            ev.dates, ev.date_text, ev.precision, ev.anaphoric = None, None, 9, True
        # 'was attacked repeatedly', 'bombings have been rare since 2016': how often, not one event
        ev.habitual = all(self._habitual(t) for t in real)
        groups = self._split(targets, real)
        owned = self._triggers_by_group(groups, real, sent) if len(groups) > 1 else [real]
        if len(groups) > 1 and owned[0] is not real:
            groups, owned = self._participles_joined(groups, owned)
        apart: dict[int, set] = {}  # trigger group -> tokens whose dates are the other group's
        if len(groups) == 1 and (parts := self._history_clause(sent, real)) is not None:
            outer, inner, inside = parts  # 'the plant, damaged by a drone attack in March, was hit again on
            # Sunday': two events, each dated by its own words
            groups, owned = [targets, list(targets)], [outer, inner]
            apart = {id(outer): inside, id(inner): set(range(sent.start, sent.end)) - inside}
        for group, own in zip(groups, owned):
            e = Event(list(ev.sents), list(ev.types), list(ev.cues), group, ev.dates, ev.precision,
                      list(ev.perps), set(ev.effects), list(ev.evidence), ev.location, ev.date_text,
                      anaphoric=ev.anaphoric, habitual=ev.habitual, bound=ev.bound, recent=ev.recent,
                      follows=ev.follows, stamped=ev.stamped, scene=ev.scene, words=list(ev.words))
            if own is not real:  # 'X bombed A on Wednesday, and a drone hit B on Thursday': each its own
                e.types = [self._own_type(t, cyber) for t in own]
                # ('a barge struck a bridge on Saturday, and a fire a day later at a power station ...': the
                # barge's collision is the bridge's, not the fire's)
                e.cues = _with_acts(cues, self._acts_told(trigs, own))
                e.words = [t.text.lower() for t in own]
                e.dates, e.precision, e.date_text, e.bound, e.stamped, e.scene = None, 9, None, False, False, False
                self._date(e, sent, own, apart.get(id(own), ()))
                e.perps = self._agents(sent, own)
            out.append(e)
        return out

    def _acts_told(self, trigs: list, real: list) -> list[str]:
        """Cues the triggers' own acts tell: who or what did it and how ('a barge hit a pier': a
        collision). A sentence split between target groups recounts them for each group's triggers."""
        out: list[str] = []
        if any(t.type == "attack" and self._vessel_subject(self._head(t)) for t in real):
            out += ["accident", "vessel"]  # 'a barge hit a pier of the bridge': a collision, even in a gale
        elif any(t.type == "accident" and self._vessel_subject(self._verb_of(t)) for t in real):
            out.append("vessel")  # 'a VLCC parted its mooring hawser in a squall': the ship's accident
        if any(t.type == "attack" and self._vehicle(self._verb_of(t)) is not None for t in real):
            out.append("accident")  # 'a heavy truck struck and broke a pole of the line': a collision
        if any(t.type in ("damage", "disruption") and self._vessel_agent(self._head(t))
               or t.type == "damage" and self._head(t).pos_ == "VERB" and self._vessel_subject(self._head(t))
               and not any(o.type in ("explosion", "fire") for o in real) for t in real):
            out.append("accident")  # 'both severed, the first by a fishing boat', 'the dredger X severed the cable':
            # a ship did it
        if any("anchor" in t.text.lower() for t in trigs):
            out.append("vessel")  # a ship's anchor: an accident even in a storm
        if any(t.type in ("accident", "damage") and self._deliberate(self._head(t)) for t in real):
            out.append("deliberate")  # 'deliberately dragging its anchor across the cable': sabotage
        if any((self.doc[t.start:t.end].text.lower() in CUT_WORDS or t.type == "fire" and self._head(t).lemma_ in
                ("set", "torch", "burn")) and (self._human_agent(self._head(t)) or t.type == "fire" and self._passive(self._head(t))
                                       or self._head(t).dep_ == "dobj" and self._head(t).head.lemma_ == "make"
                                       and self._human_agent(self._head(t).head))
               for t in real):
            out.insert(0, "sabotage")  # 'unknown persons cut fibre-optic cables': cut on purpose (the act
            # tells the kind of attack before the kind of actor: 'militants toppled two pylons' is sabotage)
            if not any(self.doc[t.start:t.end].text.lower() in CUT_WORDS for t in real):
                out.append("arson")  # only fire set: in an armed assault, part of the assault (_by_method)
        return out

    def _history_clause(self, sent: Span, real) -> Optional[tuple[list, list, set]]:
        """(the main clause's triggers, the others, the clause's tokens) when some triggers sit in a clause
        that describes a facility ('the plant, damaged by a drone attack in March, ...', 'the substation, which
        it had restored after a missile strike last month, ...') and that clause names a day of its own that no
        day of the rest of the sentence overlaps: the clause tells an earlier event of the facility."""
        def clause_of(r):
            for a in [self._head(r), *self._head(r).ancestors]:
                if a.dep_ in ("relcl", "acl") and any(x.kind == "facility" for x in self.res.at.get(a.head.i, [])):
                    return a
            return None
        clauses = {id(r): clause_of(r) for r in real}
        inner = [r for r in real if clauses[id(r)] is not None]
        outer = [r for r in real if clauses[id(r)] is None]
        if not inner or not outer:
            return None
        inside = {i for c in {clauses[id(r)] for r in inner} for i in range(c.left_edge.i, c.right_edge.i + 1)}
        days_in, days_out = [], []
        for s, e, expr in self.doc._.ig_dates or []:
            if sent.start <= s and e <= sent.end and expr.offset_days is None:
                interval = expr.resolve(self.published)
                if interval is not None:
                    (days_in if s in inside else days_out).append(interval)
        if not days_in or any(overlap(a, b) for a in days_in for b in days_out):
            return None
        return outer, inner, inside

    def _hosting_facility(self, sent: Span, only: Optional[set]) -> list[Ent]:
        """'a ransomware attack encrypted the servers of the dispatch system at the X control centre': an
        intrusion reaches computers, and the one named facility of its sentence is where they are."""
        found = {id(e): e for t in sent if only is None or t.i in only
                 for e in self.res.at.get(t.i, []) if e.kind == "facility" and not e.weak}
        wholes = [e for e in found.values() if not any(e in o.ancestors() for o in found.values())]
        return wholes if len(wholes) == 1 else []

    @staticmethod
    def _about_computers(sent: Span) -> bool:
        low = sent.text.lower()
        return any(w in low for w in CYBER_WORDS)

    def _cyber_text(self) -> bool:
        """The text speaks of cyberattacks somewhere (looked up once, only when a word needs it)."""
        if self._cyber is None:
            low = self.text.lower()
            self._cyber = any(w in low for w in ("cyber", "hack", "ransomware", "malware"))
        return self._cyber

    def _in_hazard(self, ev: Event) -> bool:
        """A collapse or damage with no cause of its own, told for a day a storm, flood or quake is told
        on (a day either side): 'three towers on the line collapsed overnight' in a cyclone's liveblog."""
        if not ev.dates or not self.hazard_days or set(ev.cues) & {"vessel", "deliberate", "accident"}:
            return False
        if any(t == "accident" and w not in COLLAPSE_WORDS for t, w in zip(ev.types, ev.words)):
            return False
        if any(t not in ("accident", "damage", "disruption", "fire") for t in ev.types):
            return False
        day = timedelta(days=1)
        return any(h[0] - day <= ev.dates[1] and ev.dates[0] <= h[1] + day for h in self.hazard_days)

    def _own_type(self, trig, cyber: bool) -> str:
        """A trigger's type in its sentence: 'the TNLA took control of the viaduct' is a seizure unless
        the sentence is about computers; 'a drone crashed into the refinery' is an attack, not an accident."""
        if trig.type == "cyberattack" and trig.text.lower() in TAKEOVERS and not cyber:
            return "armed_assault"
        if trig.type == "accident":
            verb = self._verb_of(trig)
            if any(c.dep_ == "nsubj" and c.lemma_ in WEAPONS for c in verb.children):
                return "attack"
        return trig.type

    def _tokens_of(self, ents: list[Ent], sent: Span) -> list[int]:
        """Tokens of the sentence that mention any of these entities."""
        return [i for i in range(sent.start, sent.end) if any(e in ents for e in self.res.at.get(i, ()))]

    def _triggers_by_group(self, groups: list[list[Ent]], real, sent: Span) -> list[list]:
        """Each trigger goes to the target group nearest it in the parse; a group left with none keeps all."""
        def dist(r, group) -> int:
            return min((_tree_distance(self.doc[i], self._head(r)) for i in self._tokens_of(group, sent)), default=99)
        own: list[list] = [[] for _ in groups]
        for r in real:
            ds = [dist(r, g) for g in groups]
            own[ds.index(min(ds))].append(r)
        if any(not o for o in own):
            return [real for _ in groups]
        return own

    def _participles_joined(self, groups: list[list[Ent]], owned: list[list]) -> tuple[list, list]:
        """'gunmen stormed the X flow station, abducting two workers and setting a control room on fire':
        what a participle clause of another group's trigger tells is that incident's, not a new one."""
        heads = [{self._head(r).i for r in own} for own in owned]
        groups, owned = [list(g) for g in groups], [list(o) for o in owned]
        for k in range(len(groups) - 1, -1, -1):
            others = [j for j in range(len(groups)) if j != k and groups[j]]
            home = next((j for j in others if all(self._participle_of(r, heads[j]) for r in owned[k])), None)
            if home is not None:
                groups[home] += groups[k]
                owned[home] += owned[k]
                heads[home] |= heads[k]
                groups[k], owned[k] = [], []
        keep = [j for j, g in enumerate(groups) if g]
        return [groups[j] for j in keep], [owned[j] for j in keep]

    def _participle_of(self, trig, heads: set[int]) -> bool:
        """The trigger sits in an '-ing' clause hanging on one of these trigger heads."""
        for a in [self._head(trig), *self._head(trig).ancestors]:
            if a.i in heads:
                return False
            if a.tag_ == "VBG" and a.dep_ == "advcl" and a.head.i in heads:
                return True  # ('and setting ... on fire', a conjunct, reaches its '-ing' head on the way up)
        return False

    def _split(self, targets: list[Ent], real) -> list[list[Ent]]:
        """'The pipeline and a nearby data cable were damaged': one incident per kind of facility
        ('the port and its oil terminal' are one kind)."""
        if len({t.type for t in targets}) <= 1:
            return [targets]
        groups: list[list[Ent]] = []
        for t in targets:
            home = next((g for g in groups if _compatible(g[0].type, t.type)), None)
            if home is None:
                groups.append([t])
            else:
                home.append(t)
        return groups

    def _counted_clauses(self, sent: Span, real) -> list[tuple[set, int]]:
        """'..., a day after an explosion damaged a railway bridge and three days after a pylon was
        toppled': (tokens, days back) of each clause counted back from the sentence's own event that
        tells an incident of its own, when the rest of the sentence tells one too."""
        heads = {self._head(t).i for t in real}
        out = []
        for tok in sent:
            if tok.lower_ != "after":
                continue
            if tok.dep_ == "mark" and tok.head.pos_ in ("VERB", "AUX"):
                clause, counter = tok.head, tok.head
            elif tok.dep_ == "prep":
                clause, counter = tok, tok
            else:
                continue
            unit = next((c for c in [*counter.children, *tok.children]  # 'three days' on the verb or on 'after'
                         if c.dep_ == "npadvmod" and c.lemma_ in ("day", "week")), None)
            if unit is None:
                continue
            count = next((COUNTS.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
                          for c in unit.children if c.dep_ in ("det", "nummod")), None)
            if not count:
                continue
            toks = {t.i for t in clause.subtree} - {unit.i} - {c.i for c in unit.subtree}
            out.append((toks, count * (7 if unit.lemma_ == "week" else 1)))
        for tok in sent:  # 'drones hit X on Monday, and a missile struck Y three days later': counted forward
            if tok.lower_ != "later" or tok.dep_ != "advmod":
                continue
            clause = tok.head
            if clause.dep_ in ("nsubj", "nsubjpass") and clause.pos_ == "NOUN" and clause.head.dep_ == "conj":
                clause = clause.head  # ('..., and a fire a day later at a power station knocked out ...')
            if clause.dep_ != "conj" or clause.pos_ not in ("VERB", "NOUN"):
                continue
            unit = next((c for c in tok.children if c.dep_ == "npadvmod" and c.lemma_ in ("day", "week")), None)
            count = unit is not None and next((COUNTS.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
                                               for c in unit.children if c.dep_ in ("det", "nummod")), None)
            if not count:
                continue
            toks = {t.i for t in clause.subtree} - {tok.i} - {c.i for c in unit.subtree}
            out.append((toks, -count * (7 if unit.lemma_ == "week" else 1)))
        # 'a day after X damaged a bridge and three days after a pylon was toppled': the parser hangs the
        # second clause inside the first; each keeps only its own tokens
        own = [(toks - set().union(*(o for o, _ in out if o < toks)), days) for toks, days in out]
        return [(toks, days) for toks, days in own if heads & toks and heads - toks]

    def _targets(self, sent: Span, real, only: Optional[set] = None) -> list[Ent]:
        cands: list[tuple[int, Ent, bool, int]] = []
        own = [self._own_ground(r, sent, only) for r in real]
        for t in sent:
            if only is not None and t.i not in only:
                continue
            if t.i in self.muted and not any(self._head(r).i in self.muted for r in real):
                continue
            ents = [e for e in self.res.at.get(t.i, []) if e.kind == "facility"]
            h = t
            while h.dep_ in ("compound", "amod", "nmod", "punct", "nummod") and h.head.i != h.i:
                h = h.head
            if h.dep_ == "pobj" and h.head.lower_ in ("on", "along") and not any(r.type == "natural_hazard" for r in real):
                ents = [e for e in ents if e.type != "road"]  # 'ambushed a convoy on the X-Y road': where, not what
            for e in ents:
                ds = tuple(99 if own[j] is not None and t.i not in own[j] else _tree_distance(t, _past_partitive(self._head(r)))
                           for j, r in enumerate(real))
                cands.append((min(ds), e, t.dep_ == "conj", t.i, ds))
        if not cands:
            return []
        cands = self._no_stray_parts(cands, sent)
        best = min(c[0] for c in cands)
        # 'Wednesday's strike came a day after ... exports through the X pipeline': a trigger that refers
        # back takes only a facility near it
        limit = 4 if all(self._definite(r) or self._day_owned(r) for r in real) \
            and not all(self._where_it_happened(r) for r in real) else 6
        if best > limit:
            return []
        # each trigger takes the facilities nearest it: 'the X line lost two towers to Cyclone Debbie, and a flood
        # in 2019 swamped the Y switchyard' tells of both
        bests = [min(c[4][j] for c in cands) for j in range(len(real))]
        reach = min(limit, best + 3)
        out = []
        for d, e, conj, _, ds in sorted(cands, key=lambda x: x[0]):
            near = d <= best or not e.weak and any(ds[j] == b <= reach for j, b in enumerate(bests))
            if (near or (conj and d <= best + 1)) and e not in out:
                out.append(e)
        # prefer the specific part over the whole it belongs to
        return [e for e in out if not any(e in o.ancestors() for o in out)]

    def _own_ground(self, trig, sent: Span, only: Optional[set]) -> Optional[set[int]]:
        """'A fire at the X compressor plant has cut the capacity of the Y pipeline': an event noun that is the
        subject of a verb telling no event of its own, and names where it happened, has that place for its
        target; what the verb tells of is what the event did. The tokens of the noun's phrase, or None."""
        tok = self._head(trig)
        if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        if any(t.start <= tok.head.i < t.end and not t.cue and not self._skip(t) for t in self.doc._.ig_triggers or []):
            return None  # 'an explosion at the station ruptured the pipeline': the verb tells damage itself
        phrase = {t.i for t in tok.subtree}
        if not any(e.kind == "facility" and not e.weak for i in phrase if only is None or i in only
                   for e in self.res.at.get(i, [])):
            return None  # 'a drone attack on Tuesday hit the refinery': the verb's object is where
        return phrase

    def _no_stray_parts(self, cands: list, sent: Span) -> list:
        """'In June 2021, a transformer fire at the Nasr City substation': an unnamed part told with 'a' that
        resolution tied to a facility not named in the sentence gives way to the facility named there; one tied to
        none becomes part of it when the sentence names one facility ('setting a control room on fire')."""
        named = {id(e) for _, e, _, _, _ in cands if not e.weak}

        def stray(e: Ent, i: int) -> bool:
            k = i
            while k > sent.start and self.toks[k - 1].dep_ in ("compound", "amod") and k <= self.toks[k - 1].head.i <= i:
                k -= 1  # ('a motor control centre': 'motor' hangs on 'control')
            return (e.weak and e.kind == "facility" and k > sent.start and self.toks[k - 1].lower_ in ("a", "an")
                    and not any(id(a) in named for a in e.ancestors())
                    and (e.part_of is not None or not self._conjoined(self.toks[i]) and e.name.islower()))
            # (one of no whole: 'destroying a motor control centre' after 'a fire broke out inside the X station'
            # is the station's; but 'the pipeline and a nearby data cable were damaged' tells two things)
        if not named:
            return cands
        wholes = {id(e): e for _, e, _, _, _ in cands if not e.weak and e.kind == "facility"}
        kept = []
        for c in cands:
            if not stray(c[1], c[3]):
                kept.append(c)
            elif c[1].part_of is None and len(wholes) == 1:
                c[1].part_of = next(iter(wholes.values()))  # 'setting a control room on fire': the station's
                kept.append(c)
        return kept or cands

    @staticmethod
    def _conjoined(tok) -> bool:
        """'the pipeline and a nearby data cable': one of several things told together."""
        return tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)

    def _where_it_happened(self, trig) -> bool:
        """'The explosion happened at about 7 p.m. on Monday at a petrol tank at the X depot': the event told
        again as the subject of 'happened', 'occurred' or 'took place', with where it was."""
        tok = self._head(trig)
        verb = tok.head
        return tok.dep_ == "nsubj" and (verb.lemma_ in ("happen", "occur") or verb.lemma_ == "take" and any(
            c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children))

    def _entry_heading(self, sent: Span):
        """'9 January – Pylons felled on the line' over a timeline entry: (interval, expression) of
        the date that opens the heading line of this sentence's block, if any."""
        text = self.text
        k = self.sent_of.get(sent.start)
        while k is not None and k > 0:
            prev = self.sents[k - 1]
            if "\n\n" in text[prev.end_char:self.sents[k].start_char] or "\n" not in text[prev.end_char - 1:self.sents[k].start_char + 1]:
                return None  # a blank line ends the block; a heading is a line of its own
            for s, e, expr in self.doc._.ig_dates or []:
                if expr.start == prev.start_char and re.match(r"\s*[-–—:]", text[expr.end:expr.end + 3]):
                    interval = expr.resolve(self.published)
                    return (interval, expr) if interval else None
            k -= 1
        return None

    def _date_field(self, sent: Span):
        """'Date of loss: 22 May 2025' in the field lines of a bulletin's or a notice's item: (interval,
        expression) of the date field above the sentence, up to the item's heading line, or just below the
        sentence when it is the heading line itself."""
        if not self.has_date_fields:
            return None
        text = self.text
        line_start = text.rfind("\n", 0, sent.start_char) + 1
        line_end = text.find("\n", sent.start_char + len(sent.text.rstrip()))  # (a sentence may hold the line break)
        line_end = len(text) if line_end < 0 else line_end
        heading = not text[line_start:line_end].rstrip().endswith(SENTENCE_ENDS)
        for at, line in (_lines_after(text, line_end, 8) if heading else _lines_before(text, line_start)):
            stripped = line.strip()
            if not stripped:
                continue
            field = DATE_FIELD.match(stripped)
            if field:
                first = at + line.index(stripped) + field.end()
                told = [expr for s, e, expr in self.doc._.ig_dates or [] if first <= expr.start < at + len(line)]
                # 'Wednesday, 21 January 2026': the calendar date before the weekday
                expr = next((x for x in told if not x.relative), told[0] if told else None)
                interval = expr.resolve(self.published) if expr is not None else None
                return (interval, expr) if interval else None
            if ":" not in stripped[:40] and not stripped.endswith(SENTENCE_ENDS):
                break  # a heading: the fields above it are another item's
        return None

    def _told_before(self, sent: Span):
        """The day that the sentence before, in the same paragraph, gives and nothing else ('That changed
        on 22 March 2024.', a digest's 'Finland, 19 September.'), as this sentence's (rank, precision,
        distance, interval, expression)."""
        k = self.sent_of.get(sent.start)
        if not k:
            return None
        prev = self.sents[k - 1]
        verbless = len(prev) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in prev)
        if "\n" in self.text[prev.start_char:sent.start_char] or not verbless and (len(prev) > 12 or prev.root.lemma_
                                                                               not in TOLD_BEFORE_VERBS):
            return None  # (not 'The hearing was held on 14 May.': a day of its own)
        if any(prev.start <= t.start < prev.end for t in self.doc._.ig_triggers or []) \
                or any(e.kind == "facility" for i in range(prev.start, prev.end) for e in self.res.at.get(i, [])):
            return None
        days = [x for s, e, x in self.doc._.ig_dates or [] if prev.start <= s < prev.end
                and (not x.relative or verbless and x.kind not in DEICTIC) and x.precision == 0]
        if len(days) != 1:
            return None
        interval = days[0].resolve(self.published)
        if verbless and interval and self.published and interval[0] == self.published:
            return None  # 'Trujillo, 14 May 2026. The court on Wednesday ...': the day it was filed
        return (1, 0, 0, interval, days[0]) if interval else None

    def _paragraph_opening(self, sent: Span):
        """'Two weeks later, in February, the violence moved to the fence line. ... armed men forced their way
        into the X station': a paragraph whose first sentence opens with a time sets the scene for the undated
        sentences after it, as (rank, precision, distance, interval, expression)."""
        k = self.sent_of.get(sent.start)
        if not k:
            return None
        first = k  # the paragraph's first sentence, at most three before this one
        while first > 0 and k - first <= 3 and not self.text[self.sents[first - 1].start_char:
                                                             self.sents[first].start_char].rstrip(" ").endswith("\n"):
            first -= 1
        if first == k or k - first > 3:
            return None
        opening = self.sents[first]
        if any(opening.start <= t.start < opening.end and (t.cue or not self._skip(t)) for t in self.doc._.ig_triggers or []):
            return None  # the opening's time is its own event's, told there (not 'the arrangement failed': no event)
        dates = [(s, e, x) for s, e, x in self.doc._.ig_dates or [] if opening.start <= s < opening.start + 8]
        in_dates = {i for s, e, _ in dates for i in range(s, e)}
        lead = next((x for s, _, x in dates if x.offset_days is None and all(
            t.is_punct or t.is_space or t.lower_ in SCENE_WORDS or t.i in in_dates for t in self.doc[opening.start:s])), None)
        if lead is None:
            return None
        interval = lead.resolve(self.published)
        return (1, lead.precision, 0, interval, lead) if interval else None

    def _indefinite_only(self, targets: list[Ent]) -> bool:
        """Every target is told with 'a' or 'an' ('the first attack on a Saudi energy facility since
        2022'): a kind of target, no incident of the day."""
        return bool(targets) and all(t.part_of is None and all(  # ('an atmospheric unit at the X refinery' is X's)
            s > 0 and self.toks[s - 1].lower_ in ("a", "an") for s, _ in t.spans) for t in targets)

    def _clock_entry(self, sent: Span, real):
        """'09:15 - Houthi military spokesman Yahya Saree says ...': an entry of a live page, stamped with a
        clock time and no day, tells what happened on the day the page was published; not when every
        target is a kind of facility."""
        if not self.published or not self.clock_entries:
            return None
        start = self.text.rfind("\n\n", 0, sent.start_char) + 2 if "\n\n" in self.text[:sent.start_char] else 0
        stamp = next(((a, b) for a, b in self.clock_entries if start <= a <= sent.start_char
                      and not self.text[start:a].strip()), None)
        if stamp is None or self._indefinite_only(self._targets(sent, real)):
            return None
        # 'Monday 14 September' on a line of its own above the entry: a page that runs over several days
        heading = max((x for s, e, x in self.doc._.ig_dates or [] if x.end <= stamp[1] and x.precision == 0
                       and not WEEKDAY_WORDS.sub("", self.text[self.text.rfind("\n", 0, x.start) + 1:x.start]).strip(" \t*#,")
                       and (not self.text[x.end:self.text.find("\n", x.end) % (len(self.text) + 1)].strip()
                            or CLOCK_REST.fullmatch(self.text, x.end, self.text.find("\n", x.end) % (len(self.text) + 1)))),
                      key=lambda x: x.start, default=None)
        day = heading.resolve(self.published) if heading is not None else None
        if day:
            return day, heading
        expr = DateExpr(stamp[0], stamp[1], "today", self.text[stamp[0]:stamp[1]])
        return expr.resolve(self.published), expr

    def _filed(self, sent: Span):
        """(interval, expression) of the dateline that opens this sentence's paragraph, if any."""
        for s, e, expr in self.doc._.ig_dates or []:
            if self._in_dateline(expr):
                line = next(b for a, b in self.datelines if a <= expr.start and expr.end <= b)
                if line <= sent.start_char and not self.text[line:sent.start_char].strip():
                    interval = expr.resolve(self.published)
                    return (interval, expr) if interval else None
                if expr.start >= sent.start_char and expr.end <= sent.end_char:
                    interval = expr.resolve(self.published)
                    return (interval, expr) if interval else None
        return None

    def _date(self, ev: Event, sent: Span, real, apart=()) -> None:
        """The event's day from the sentence's date expressions (not those on tokens ``apart``: another
        event's)."""
        if all(self._head(r).dep_ == "amod" and self._head(r).tag_ != "VBG" and not self._misread_verb(self._head(r))
               for r in real):
            return  # 'will replace the damaged gate by April': a state the text describes, not dated by it
            # (but 'on Monday, firefighters were called to a burning cable shaft': the fire of that day)
        best = None
        absolute: list[tuple] = []  # candidates that name their day, month or year
        told: list[tuple] = []  # every candidate
        offset = None  # 'three days after the explosion': counted from an event told before
        for s, e, expr in self.doc._.ig_dates or []:
            if s < sent.start or e > sent.end or s in apart:
                continue
            if expr.offset_days is not None:
                first = min(r.start for r in real)
                skipped = any(not t.cue and s > t.start > first and self._skip(t) for t in self.doc._.ig_triggers)
                if s in self.muted or skipped:
                    continue  # 'in response to strikes on X a day earlier': counts for the other event
                dist = min(abs(s - r.start) for r in real)
                if offset is None or dist < offset[0]:
                    offset = (dist, s, expr)
                continue
            if self._in_since_clause(s, real):
                continue  # 'the first attack ... since a truce took hold in 2022': when the count starts
            if self._in_other_relative(s, real):
                continue  # 'according to the SHLA, which has controlled the area since late December'
            if self._dates_other_noun(s, e, real):
                continue  # 'according to the NUG, the administration formed after the 2021 coup': the coup's year
            if self._dates_document(s, e):
                continue  # '(see the Company's news release of 3 February 2022)': the release's day
            interval = expr.resolve(self.published)
            if interval is None:
                if expr.relative and best is None:
                    best = (2, expr.precision + 5, 0, None, expr)
                continue
            if self._in_dateline(expr):
                continue
            dist = min(abs(s - r.start) for r in real)
            rank = 0 if self._when_clause_of(s, e, real) else self._attached(s, real)
            if rank == 3:
                continue  # the day of a boarding or an arrest
            # 'X bombed A late on Wednesday, and a drone hit B on Thursday': nearer B's trigger and B itself
            near = min((abs(s - i) for i in self._tokens_of(ev.targets, sent)), default=0)
            cand = (rank, expr.precision, dist + near, interval, expr)
            if expr.kind not in DEICTIC:
                absolute.append(cand)
            told.append(cand)
            if best is None or cand[:3] < best[:3]:
                best = cand
        if best and best[4].kind in DEICTIC and best[3]:
            # 'In June 2021, a transformer fire ... cut power overnight': the night of that month, not
            # of the publication date
            other = [c for c in absolute if c[0] <= best[0] and not overlap(c[3], best[3])]
            if other and not any(overlap(c[3], best[3]) for c in absolute):  # ('on Sunday 26 October': agreed)
                best = min(other, key=lambda c: c[:3])
            wider = [c for c in told if c[3][0] < best[3][0] and c[3][1] >= best[3][1]]
            if wider and best[4].kind in ("overnight", "overnight_into"):
                # 'Earlier this month, someone cut a pipe at the tank, draining it overnight': that night of the
                # month, not the night before publication
                best = min(wider, key=lambda c: c[:3])
            said = [c for c in told if c[0] == 2 and c[1] == 0 and c[3][0] == c[3][1] < best[3][1]]
            if best[4].kind == "overnight" and said and best[0] < 2 and not wider:
                # 'in a statement on Sunday it said its artillery had struck ... overnight' (published on Monday):
                # the night before the statement's day, not before the publication's
                day = min(said, key=lambda c: c[:3])[3][0]
                best = best[:3] + ((day - timedelta(days=1), day),) + best[4:]
        if best and best[4].kind == "today" and best[3] and self._framing(best[4], real):
            # 'And finally tonight, an explosion at X yesterday afternoon injured one worker': tonight is
            # when it is told; the earlier day the sentence names is the event's
            earlier = [c for c in told if c[0] == best[0] and c[1] == 0 and c[3][1] < best[3][0]]
            if earlier:
                best = min(earlier, key=lambda c: c[:3])
            elif self.toks[self._date_end(best[4])].text == ":":
                best = (2,) + best[1:]  # 'Tonight: the city enters a second day with dry taps after the river
                # flooded the pumping station': a bulletin's headline, told on that day, not the day it happened
        counted = False
        if offset is not None and (best is None or best[3] is None or best[0] == 2):
            best, counted = self._counted_from(offset[1], offset[2], real) or best, True
        if best and best[3] and best[0] != 0 and all(self._statement_topic(r) for r in real):
            best = (2,) + best[1:]  # 'today provided an update on the cyber incident': the day of the update
        if best and best[0] == 2 and all(self._definite(r) for r in real):
            best = None  # 'X claimed the attack on Friday': the day of the claim; the attack is told elsewhere
        if best and counted and best[0] != 0 and all(self._definite(r) and self._head(r).dep_ == "dobj"
                                         and self._head(r).head.lemma_ in self.speech for r in real):
            best = None  # 'two days after the collapse, a pamphlet was left claiming the attack': the claim's day
        if best is None:
            best = self._told_before(sent)  # 'That changed on 22 March 2024. ... missiles struck the DniproHES'
        filed = (self._filed(sent) or self._entry_heading(sent) or self._date_field(sent)) if best is None else None
        entry = self._clock_entry(sent, real) if best is None and filed is None else None
        if filed or entry:
            # wire style names the day unless it is the day of filing: an undated lead happened that day
            day, expr = filed or entry
            best = (1, expr.precision, 0, day, expr)
            ev.stamped = entry is not None  # a live entry's day: when it was told
        if best is None:
            best = self._paragraph_opening(sent)
            ev.scene = best is not None
        if best and best[3] is None and self.published is None:
            ev.recent = True
        if best and best[3]:
            ev.dates, ev.precision, ev.date_text = best[3], best[1], best[4].text
            if best[0] == 2 or best[0] == 1 and all(self._after(r) for r in real):
                # 'said on Tuesday', 'supply fell on Thursday after a drone attack': the event was on or before
                ev.bound, ev.precision = True, best[1] + 5

    @staticmethod
    def _misread_verb(tok) -> bool:
        """'Saboteurs damaged tower No. 41 on Monday': a past tense after its subject, read as an adjective
        because the object it governs has no article; ('the damaged gate', 'its flooded unit' describe)."""
        return tok.dep_ == "amod" and tok.tag_ in ("VBD", "VBN") and tok.i > tok.sent.start \
            and tok.nbor(-1).pos_ in ("NOUN", "PROPN", "PRON") and tok.nbor(-1).dep_ in ("nsubj", "nsubjpass", "compound", "ROOT") \
            and not any(c.dep_ in ("det", "poss") for c in tok.head.children)

    def _date_end(self, expr) -> Optional[int]:
        """The token after a date expression of this document."""
        return next((e for s, e, x in self.doc._.ig_dates or [] if x is expr), None)

    def _framing(self, expr, real) -> bool:
        """A time set off by a comma or a colon before the event is told ('And finally tonight, an explosion
        ...', 'Tonight: the city enters a second day ...'): when the teller speaks, not the event's day (not
        "Today's blast")."""
        end = self._date_end(expr)
        return end is not None and end < len(self.doc) and self.toks[end].text in (",", ":") \
            and end < min(r.start for r in real)

    def _in_since_clause(self, i: int, real) -> bool:
        """Token i sits in a 'since ...' clause below the triggers ('since a truce took hold in 2022')."""
        heads = {self._head(r).i for r in real}
        for a in [self.toks[i], *self.toks[i].ancestors]:
            if a.i in heads:
                return False
            if any(c.dep_ == "mark" and c.lower_ == "since" for c in a.children):
                return True
        return False

    def _dates_other_noun(self, s: int, e: int, real) -> bool:
        """A year or a month written before a noun that is no event told ('the 2021 coup', 'its 2019
        annual report') dates that noun; ('the 2021 attack on X', 'the December outage' are triggers)."""
        root = self.doc[s:e].root
        head = root.head
        if root.dep_ not in ("nummod", "compound", "amod", "nmod") or head.pos_ != "NOUN" or head.i < e:
            return False
        if head.ent_type_ in ("DATE", "TIME") or s == 0 or not (
                self.toks[s - 1].lower_ in ("the", "its", "their", "his", "her", "a", "an", "this", "that")
                or self.toks[s - 1].text in ("'s", "’s")):
            return False  # 'yesterday afternoon' is a day; '2 April - A ... engineer' a timeline's entry
        if head.i in self._trigger_tokens() or any(self._head(r).i == head.i for r in real):
            return False
        return not any(x.kind == "facility" for x in self.res.at.get(head.i, []))

    def _dates_document(self, s: int, e: int) -> bool:
        """A day written after a document's noun ('the news release of 3 February', 'a letter dated 4 May')
        is when the document was issued, not when what it tells of happened."""
        root = self.doc[s:e].root
        prep = root.head
        if root.dep_ != "pobj" and not (root.dep_ in ("npadvmod", "dobj") and prep.lower_ == "dated"):
            return False
        if prep.lower_ not in ("of", "dated"):
            return False
        noun = prep.head
        return noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() in DOCUMENT_NOUNS \
            and noun.i not in self._trigger_tokens()

    def _in_other_relative(self, i: int, real) -> bool:
        """Token i sits in a relative clause on an actor, which tells about it and not about the
        triggers ('according to the SHLA, which has controlled the area since late December')."""
        heads = {self._head(r).i for r in real}
        for a in [self.toks[i], *self.toks[i].ancestors]:
            if a.i in heads:
                return False
            if a.dep_ == "relcl":  # (but 'the attack that occurred on the night of November 29' tells of it)
                about = heads | {self.toks[h].head.i for h in heads if self.toks[h].dep_ == "compound"}  # 'Cyclone Meghla, which'
                inside = any(h in heads for h in range(a.left_edge.i, a.right_edge.i + 1))
                if not inside and a.head.i not in about and "since" in (self.toks[i].lower_, self.toks[i].head.lower_):
                    return True  # 'an alliance of armed groups that has fought the army since 2023': a state, not an event
                if not inside and a.head.i not in about and self.toks[i].ent_type_ == "DATE" and any(
                        x.kind == "facility" for x in self.res.at.get(a.head.i, [])) \
                        and not any(k in self._trigger_tokens() for k in range(a.left_edge.i, a.right_edge.i + 1)):
                    return True  # 'the X headworks, whose control sparked border fighting five years ago': what
                    # the relative clause tells of the facility, no incident of ours
                return a.head.i not in about and self._actor(a.head.i) is not None and not inside
        return False

    def _statement_topic(self, trig) -> bool:
        """'an update on the incident', 'a statement about the attack', 'an inquiry into the blast'."""
        tok = self._head(trig)
        return tok.dep_ == "pobj" and tok.head.lower_ in ("on", "about", "into", "over", "regarding") \
            and (tok.head.head.lemma_ in self.statement_nouns or tok.head.head.lemma_ in ("investigation", "inquiry", "probe"))

    def _counted_from(self, i: int, expr, real) -> Optional[tuple]:
        """'Three days after the explosion, a drone struck ...': the day of the last incident told
        before, to the day, moved by the count. No such incident: no date (a placeholder that keeps
        the dateline's day away)."""
        rank = self._attached(i, real)
        if rank == 3:
            return None
        anchor = self._day_told_last(i) if dict(expr.groups).get("same") else None
        anchor = anchor or next((m.dates[0] for m in reversed(self._told) if m.dates and m.precision == 0
                                 and not m.bound and m.dates[0] == m.dates[1] and m.targets), None)
        if anchor is None and expr.offset_days < 0:
            # 'a barge hit the bridge the previous night, officials said on Tuesday': the night before the
            # telling, or before the publication day
            told = [x.resolve(self.published) for s, e, x in self.doc._.ig_dates or []
                    if self.toks[i].sent.start <= s < self.toks[i].sent.end and x.offset_days is None
                    and self._said_on(s, None)]
            told = [d for d in told if d and d[0] == d[1]]
            anchor = told[0][0] if told else self.published
        if anchor is None:
            return (2, expr.precision + 5, 0, None, expr)
        day = anchor + timedelta(days=expr.offset_days)
        if self.published and day > self.published:
            return (2, expr.precision + 5, 0, None, expr)
        return (rank, expr.precision, 0, (day, day), expr)

    def _day_told_last(self, i: int) -> Optional[date]:
        """'Olga was awake early on 8 October 2022. At about 06:07 that morning, a truck exploded': the last
        day the text names before token i, in its sentence or the five before, is the day 'that morning',
        'later that day' or 'the same night' points back to (whatever it was told for)."""
        k = self.sent_of.get(self.toks[i].sent.start, 0)
        first = self.sents[max(k - 5, 0)].start
        for s, e, x in reversed(self.doc._.ig_dates or []):
            if s >= i or s < first or x.offset_days is not None or self._in_dateline(x):
                continue
            day = x.resolve(self.published)
            if day and day[0] == day[1] and x.precision == 0:
                return day[0]
        return None

    def _in_dateline(self, expr) -> bool:
        """'LONDON, March 22 (Reuters) -': the day of the report, not of the event."""
        return any(a <= expr.start and expr.end <= b for a, b in self.datelines)

    def _attached(self, i: int, real) -> int:
        """0: the date belongs to a trigger; 2: to a reporting or police verb ('said on Monday',
        'boarded the ship on Thursday'); 1: neither. The nearest verb above the date decides."""
        top = max(self.rank.get(r.type, 0) for r in real)
        heads = {self._head(r).i: (0 if self.rank.get(r.type, 0) == top else 0.5) for r in real}
        if i > 0 and self.toks[i - 1].lower_ in UNTIL:
            return 3  # 'traffic was suspended until 18 November': when an effect ended, not the event's day
        for h in heads:  # 'investigating an explosion late on Monday': the blast's day, wherever 'late' hangs
            if self.toks[h].pos_ == "NOUN" and i - h == 2 and self.toks[h + 1].lower_ in ("late", "early"):
                return heads[h]
            if self.toks[h].pos_ == "NOUN" and i - h == 1 and self.toks[i].pos_ != "ADP":
                return heads[h]  # 'restored after a missile strike last month': a bare date right after the
                # event's noun is the event's, wherever the parser hangs it
        for a in self.doc[i].ancestors:
            if a.i in heads:
                if a.i < i and a.dep_ == "dobj" and a.head.lemma_ in self.speech and any(
                        c.dep_ == "det" and c.lower_ in DEFINITE for c in a.children):
                    return 2  # 'X claimed the attack on Friday': the parser's choice; the day of the claim
                return heads[a.i]
            if a.pos_ in ("VERB", "AUX"):
                if a.lemma_ in LAW_VERBS and not any(c.dep_ == "nsubj" and c.i in heads for c in a.children):
                    # (not 'a blast on the pipeline released gas': the blast is what the verb tells of)
                    told = [h for h in heads if self.toks[h].head.i == a.i and self.toks[h].dep_ == "dobj" and h < i]
                    if told and a.lemma_ in ("investigate", "probe", "examine"):
                        return heads[told[0]]  # 'investigating a fire at the X mast on the night of 18 April'
                    return 0 if self._in_the_act(real, a) else 3
                if a.lemma_ in self.speech:
                    if a.i > max(r.start for r in real) > i:
                        return 1  # "On May 3, drones hit X, the operator said": the date fronts the event
                    return 2
                if any(c.dep_ == "conj" and c.lemma_ in self.speech and c.i > i
                       and all(self._head(r).i in {x.i for x in c.subtree} for r in real) for c in a.children):
                    return 2  # 'on Monday, the group listed the company on its leak site and claimed the attack'
                subjects = [c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")]
                own = [heads[x.i] for c in subjects for x in [c, *c.children]  # 'Cyclone Tejal made landfall'
                       if x.i in heads and (x is c or x.dep_ == "compound")]
                if own:
                    return min(own)  # 'an explosion ripped through the substation on Sunday night': the blast's verb
                if a.dep_ in ("acl", "relcl") and a.head.lemma_ in self.statement_nouns:
                    return 2  # 'it said in a statement sent to radio stations on Monday': the day of the statement
                break
        for a in self.doc[i].ancestors:
            if a.i in heads:
                return heads[a.i]
        return 1

    def _when_clause_of(self, s: int, e: int, real) -> bool:
        """'the campaign resumed in mid-January, when drones hit the X refinery': the trigger's verb is a
        'when' clause told of the date itself, whatever the date's own verb tells."""
        for r in real:
            v = self._verb_of(r)
            if v.dep_ in ("relcl", "advcl") and s <= v.head.i < e and any(
                    c.dep_ == "advmod" and c.lower_ == "when" for c in v.children):
                return True
        return False

    def _in_the_act(self, real, law) -> bool:
        """'arrested two suspects caught in the act of stealing cables ... on May 14', 'arrested while
        cutting the fence': the arrest's day is the act's."""
        for r in real:
            for x in self._head(r).ancestors:
                if x.i == law.i:
                    break
                if x.lemma_ == "catch" or any(c.dep_ == "mark" and c.lower_ == "while" for c in x.children):
                    return True
        return False

    def _actor(self, i: int) -> Optional[Ent]:
        """The actor token i mentions; none inside a dateline ('BOGOTA, Sept 23 (Andes Newswire) -')."""
        a = self.res.actor_at(i)
        if a is not None and self.datelines:
            at = self.toks[i].idx
            if any(s <= at < e for s, e in self.datelines):
                return None
        return a

    def _span_actor(self, tok) -> Optional[Ent]:
        for t in tok.subtree:
            a = self._actor(t.i)
            if a is not None:
                return a
        return None

    def _vehicle(self, verb):
        """The vehicle that struck: the verb's subject, or, when the parser left the verb without one, a
        vehicle told before it in its sentence ('On 12 March, a heavy truck ..., while ..., struck a pole')."""
        if verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            subj = next((t for t in reversed(list(verb.sent)) if t.i < verb.i and t.lemma_ in VEHICLES and t.pos_ == "NOUN"),
                        None)
        if subj is None or subj.lemma_ not in VEHICLES:
            return None
        if any(t.lower_ in ARMED_VEHICLE_WORDS or t.lower_.endswith(("-laden", "-borne")) for t in subj.subtree):
            return None  # 'an explosive-laden truck', 'armoured vehicles': a weapon, no collision
        return subj

    def _vehicle_owner(self, verb) -> Optional[Ent]:
        """'a heavy truck belonging to the construction company X ... struck a pole': the truck's owner."""
        vehicle = self._vehicle(verb)
        if vehicle is None:
            return None
        return next((a for a in (self._actor(t.i) for t in vehicle.subtree if t.i != vehicle.i) if a is not None), None)

    def _agents(self, sent: Span, real) -> list[Ent]:
        """Who did it: 'by X' on an attack verb, the subject of an attack verb, or of 'caused'. Not who
        destroyed the weapons ('the Black Sea Fleet had destroyed five uncrewed surface vessels')."""
        out: list[Ent] = []
        for r in real:
            tok = self._head(r)
            owner = self._vehicle_owner(self._verb_of(r)) if r.type == "attack" else None
            if owner is not None and owner not in out:
                out.append(owner)  # the company whose truck struck the pole
                continue
            if tok.lemma_ in DEFENDING and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in DEFENDED
                                               for c in tok.children):
                continue
            verbs = [tok] if tok.pos_ == "VERB" else []
            if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in CAUSATIVE:
                verbs.append(tok.head)
            # 'the tanker X made heavy contact with the jetty', 'X made contact with the berth': the ship did it
            contact = None
            if r.type == "accident" and tok.dep_ == "dobj" and tok.head.lemma_ == "make" and self._vessel_subject(tok.head):
                contact = tok.head.i
                verbs.append(tok.head)
            elif (r.type == "accident" and self.doc[r.start:r.end].text.lower() in CONTACTS
                  or r.type == "damage" and tok.pos_ == "VERB") and self._vessel_subject(tok):
                contact = tok.i  # (and 'the dredger X severed the cable')
            for v in list(verbs):
                verbs += [c for c in v.children if c.dep_ == "conj"]
                if v.dep_ == "conj":
                    verbs.append(v.head)
            for v in verbs:
                for c in v.children:
                    if (c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")) and (
                            v.i == tok.i or v.lemma_ in ATTACK_VERBS or v.lemma_ in CAUSATIVE):
                        # (not 'a fire broke out ... and was extinguished by Civil Defence teams')
                        for p in c.children:
                            a = self._actor_of(p)
                            if a and a not in out:
                                out.append(a)
                    takeover = v.lemma_ == "take" and self.doc[r.start:r.end].text.lower() in TAKEOVERS \
                        or v.lemma_ in ("fire", "launch", "drop") and r.type == "attack"  # 'rebels fired missiles at X'
                    landed = v.i == tok.i and v.lemma_ in self.landing and r.type == "attack"
                    if c.dep_ == "nsubj" and (v.lemma_ in ATTACK_VERBS or v.lemma_ in CAUSATIVE or takeover
                                              or v.i == contact or landed):
                        a = self._actor_of(c) or self._speaker_of(v, c) or next(
                            (x for x in (self._actor_of(p) for p in c.children if p.dep_ == "appos") if x), None) \
                            or self._pronoun_perp(c, sent)
                        # the last: 'CITY, Country - Turkish warplanes bombed': a dateline parsed as the subject
                        if a and a not in out:
                            out.append(a)
                ship = self._misparsed_ship(v) if v.i == tok.i and r.type == "attack" else None
                if ship is not None:
                    a = self._actor_of(ship)
                    if a and a not in out:
                        out.append(a)
                launched = v.i == tok.i and v.lemma_ in ("fire", "launch", "drop") and r.type == "attack"
                if v.dep_ == "conj" and (v.lemma_ in ATTACK_VERBS or launched) and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass")
                                                                             for c in v.children):
                    # (not 'X lies within range of the guns and is shelled daily': a passive's subject suffered it)
                    c = next((c for c in v.head.children if c.dep_ == "nsubj"), None)  # 'X lost steering and struck ...',
                    # 'X drove to the substation and fired 23 rounds through the fence'
                    a = self._actor_of(c) if c is not None else None
                    if a and a not in out:
                        out.append(a)
            if r.type in self.attack_family or r.type == "attack" or any(
                    t.cue and t.type in self.attack_family and t.start < r.start for t in self.doc._.ig_triggers or []
                    if self.sent_of.get(t.start) == self.sent_of.get(r.start) and r.start - t.end <= 2):
                a = self._demonym_before(r.start)
                if a and a not in out:
                    out.append(a)
        for a in self._suspects(sent):
            if a not in out:
                out.append(a)
        return out

    def _demonym_before(self, i: int) -> Optional[Ent]:
        """'A Ukrainian drone attack', 'Russian artillery shelling': the adjective names the attacker."""
        doc = self.doc
        head = self._head_of_trigger_at(i)
        if head.pos_ == "VERB" and head.tag_ != "VBG":
            return None  # a finite verb: its subject says who
        for j in range(i - 1, max(i - 5, -1), -1):
            t = doc[j]
            if any(e.kind == "facility" for e in self.res.at.get(j, [])):
                return None
            if t.is_sent_end or t.dep_ == "det" or t.lower_ in ("of", "on", "against", "at", "by"):
                return None
            if t.pos_ not in ("ADJ", "PROPN", "NOUN", "VERB", "PUNCT") or (t.is_punct and t.text != "-"):
                return None
            a = self._state_word(t)
            if a is not None:
                return a
        return None

    def _head_of_trigger_at(self, i: int):
        for t in self.doc._.ig_triggers or []:
            if t.start == i:
                return self._head(t)
        return self.doc[i]

    def _state_word(self, t) -> Optional[Ent]:
        """A demonym ('Israeli') or a country's own actor mention standing before a noun."""
        if t.i >= 2 and self.toks[t.i - 1].text == "-" and self.toks[t.i - 2].lower_ in ("pro", "anti"):
            return None  # 'pro-Russian hackers': sympathisers, not the state
        if t.text[:1].isupper() and t.is_alpha:
            country = self.demonyms.get(fold(t.text))
            if country:
                return self.res.state_for(country, t.i, t.i + 1)
        a = self._actor(t.i)
        if a is not None and a.type != "state" and t.text[:1].isupper() and t.is_alpha:
            country = self.countries.country(t.text)  # 'Russia' inside the name 'Russia's defence ministry'
            if country:
                return self.res.state_for(country, t.i, t.i + 1)
        return a if a is not None and a.type == "state" else None

    def _country_place_at(self, t) -> Optional[Ent]:
        """The state of a country named at t as a place ('Russia's Defence Ministry said its forces ...')."""
        c = next((e for e in self.res.at.get(t.i, []) if e.kind == "place" and e.type == "country"), None)
        return self.res.state_for(c.name, t.i, t.i + 1) if c is not None else None

    def _actor_of(self, tok) -> Optional[Ent]:
        a = self._actor(tok.i)
        if a is not None:
            return a
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "poss", "prep", "appos"):
                a = self._span_actor(c)
                if a is not None:
                    return a
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
                a = self._state_word(c)
                if a is not None:
                    return a
        return self._called(tok)

    def _pronoun_perp(self, subj, sent: Span) -> Optional[Ent]:
        """'The Northern Brigade blew up the pylon. The next day it bombed the pipeline': 'it' or 'they' is
        the attacker of the incident told in the two sentences before, when there was one."""
        if subj.lower_ not in ("it", "they"):
            return None
        k = self.sent_of.get(sent.start, -1)
        for m in reversed(self._told):
            if k - 2 <= max(m.sents) < k:
                perps = [p for p in m.perps if p.kind == "actor"]
                if len(perps) == 1:
                    return perps[0]
        return None

    def _called(self, tok) -> Optional[Ent]:
        """'a ransomware gang called X', 'a group calling itself X', 'hackers known as X', 'armed men
        believed to be members of X', 'gunmen belonging to X': X."""
        for c in tok.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_ in ("call", "know", "name", "dub", "believe", "suspect", "think",
                                                         "belong", "identify", "link", "affiliate"):
                named = next((self._actor(t.i) for t in c.subtree if t.i > c.i and self._actor(t.i)), None)
                if named is not None:
                    return named
        return None

    def _self_ref(self, subj, speaker: Ent) -> bool:
        """'its forces', 'they', 'the directorate' (the speaker's own head noun)."""
        if subj.lower_ in SELF_PRONOUNS:
            return True
        if subj.lower_ in SELF_HEADS and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in subj.children):
            return True
        return any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children) and \
            subj.lower_ == fold(speaker.name).split()[-1]

    def _np_actor(self, tok) -> Optional[Ent]:
        """The actor a noun phrase stands for: its head, 'a source in X' -> X, else any actor inside."""
        seen, start = 0, tok
        while tok is not None and seen < 4:
            a = self._actor(tok.i)
            if a is not None:
                return a
            nxt = None
            for c in tok.children:
                if c.dep_ == "prep" and (c.lower_ == "of" or tok.lower_ in INTERMEDIARIES and c.lower_ in (
                        "in", "at", "from", "within", "close")):
                    nxt = next((p for p in c.children if p.dep_ == "pobj"), None)
                    break
            tok, seen = nxt, seen + 1
        for t in start.subtree:  # 'Ukraine's General Staff': the name inside, not one in a clause or a 'the group in X'
            if t.i != start.i and t.head.i == start.i and t.dep_ in ("compound", "poss", "amod", "nmod", "appos"):
                a = self._span_actor(t)
                if a is not None:
                    return a
        return None

    def _speaker_of(self, verb, subj) -> Optional[Ent]:
        """'X said its forces had struck ...': a claim of responsibility by X (a state for its military organs)."""
        v = verb
        for _ in range(4):
            if v.dep_ not in ("ccomp", "conj", "xcomp") or v.head.i == v.i:
                return None
            v = v.head
            if v.lemma_ in self.speech and v.pos_ == "VERB":
                break
        else:
            return None
        if v.lemma_ in ("deny", "reject"):
            return None
        who = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if who is None:
            return None
        speaker = self._np_actor(who)
        if speaker is None or not self._self_ref(subj, speaker):
            return None
        speaker = self._spoken_for(speaker, v.sent) or speaker  # 'X, spokesman for Y, said its fighters ...'
        if who.lower_ in MILITARY_ORGANS or (who.lower_ == "ministry" and any(
                t.lower_ in ("defence", "defense") for t in who.subtree)):
            for t in who.subtree:
                if t.i != who.i and (t.dep_ in ("poss", "amod", "compound") or t.head.dep_ == "poss"):
                    state = self._state_word(t) or self._country_place_at(t)
                    if state is not None:
                        return state
        return speaker

    def _accused(self, sent: Span) -> list[Ent]:
        """'prosecutors charged a local man with damaging two substations', 'accused X of sabotage':
        the one accused of the act (named later when the text says 'The man, NAME, ...')."""
        spec = self.accusation
        out: list[Ent] = []
        trig = {i for t in self.doc._.ig_triggers or [] for i in range(t.start, t.end)}
        for t in sent:
            if t.pos_ != "VERB":
                continue
            if t.lemma_ in spec["verbs"]:
                heads = [t]
            elif t.lemma_ in spec["verdict_verbs"]:  # 'the court found X and Y guilty of arson'
                heads = [g for g in t.subtree if g.lower_ == "guilty"
                         and all(a.pos_ != "VERB" for a in g.ancestors if a.i != t.i and t in a.ancestors)]
            else:
                continue
            acts = [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in spec["preps"] for p in c.subtree]
            if not any(p.i in trig or p.lemma_ in ATTACK_VERBS for p in acts):
                continue
            accused = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
            accused += [c for h in heads if h is not t for c in h.children if c.dep_ == "nsubj"]  # 'found [X guilty]'
            for x in (x for c in accused for x in [c, *(k for k in c.children if k.dep_ == "conj")]):  # 'X and Y'
                a = self._named_later(x) if x.lower_ in spec["person_nouns"] else self._actor_of(x)
                if a is not None and a.kind == "actor" and a not in out:
                    out.append(a)
        return out

    def _named_later(self, np) -> Optional[Ent]:
        """'a Clarksville man' ... 'The man, Dustin Lee Harlow, 29,': the person the noun is named as."""
        if np.lower_ not in self.accusation["person_nouns"] or not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in np.children):
            return None
        for t in self.doc[np.i + 1:]:
            if t.lower_ == np.lower_ and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                for c in t.children:
                    if c.dep_ == "appos":
                        a = self._span_actor(c)
                        if a is not None and a.type == "person":
                            return a
        return None

    def _suspects(self, sent: Span) -> list[Ent]:
        """'the ship, which they suspect of damaging ...', 'X is suspected of cutting ...': the accused."""
        out = self._accused(sent)
        for t in sent:
            if t.lemma_ != "suspect" or t.pos_ != "VERB":
                continue
            if not any(c.dep_ == "prep" and c.lower_ == "of" for x in [t, *t.children] for c in x.children):
                continue
            for c in t.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    obj = c
                    if obj.tag_ in ("WDT", "WP") and t.dep_ == "relcl":
                        obj = t.head
                    a = self._actor_of(obj)
                    if a is not None and a not in out:
                        out.append(a)
        return out

    def _effects(self, sent: Span) -> set[str]:
        words = "\x00" + "\x00".join(t.lower_ for t in sent) + "\x00"  # phrases are matched as whole words
        return {eff for eff, phrases in self.effects.items() if any(p in words for p in phrases)}

    def _location(self, sent: Span, real) -> Optional[Ent]:
        for t in sent:
            for e in self.res.at.get(t.i, []):
                if e.kind == "place":
                    return e
        return None

    # ---- merging ---------------------------------------------------------------------------
    def build(self) -> list[Event]:
        ms = self.mentions()
        # the days a storm, flood or quake is told on: what collapsed then collapsed in it
        self.hazard_days = [m.dates for m in ms if m.dates and "natural_hazard" in m.types and not m.habitual]
        ms = self._continue(ms)
        self._last_weekday(ms)
        dated = [m for m in ms if m.targets and m.dates]
        # told by a day the missing publication date would fix ('on Thursday'): the story's news, which
        # the other undated mentions join before any dated history
        undated = sorted((m for m in ms if m.targets and not m.dates), key=lambda m: not m.recent)
        events: list[Event] = []
        for m in dated:
            # 'jets dropped bombs on the switchyard of the plant, destroying two transformers': parts of one
            # whole hit in one sentence are one incident
            home = next((e for e in events if self._dates_agree(e, m)
                         and any(_related(a, b) or a.part_of is not None and a.part_of is b.part_of and set(e.sents) & set(m.sents)
                                 for a in e.targets for b in m.targets)), None)
            if home is None:
                home = self._cause_of(m, events)
            if home is None and (m.anaphoric or m.stamped) and not self._attacks(m):
                # 'police said on Monday they had not established what caused the explosion': Sunday's, told again;
                # so is a live page's summary item ('- Fire at the X substation, cause unknown.') the next morning
                home = next((e for e in events if e.dates and 0 <= (m.dates[0] - e.dates[1]).days <= 2
                             and set(e.types) & set(m.types)
                             and any(_related(a, b) for a in e.targets for b in m.targets)), None)
            if home is None and not self._attacks(m) and m.precision == 0 and not self._told_anew(m):
                # 'a fire broke out at the X substation late on Tuesday' ... 'the fire at the X substation was put
                # out on Wednesday': one fire told by the next day
                home = next((e for e in events if e.dates and e.precision == 0 and not self._attacks(e)
                             and -1 <= (m.dates[0] - e.dates[1]).days <= 1 and self.type_of(e) == self.type_of(m)
                             and any(_related(a, b) for a in e.targets for b in m.targets)), None)
                if home is not None:  # the two days it spans
                    home.dates = (min(home.dates[0], m.dates[0]), max(home.dates[1], m.dates[1]))
            if home is None:
                events.append(m)
            else:
                home.absorb(m)
        for m in undated:
            if m.follows:
                attacks = [e for e in events if self._attacks(e) and min(e.sents) <= min(m.sents)]
                told = max(attacks, key=lambda e: max(s for s in e.sents if s <= min(m.sents))) if attacks else None
                if told is not None and not self._attacks(m):
                    told.absorb(m)  # its consequence
                    continue
                if told is not None and told.dates and not told.bound:
                    # 'hours after the strikes, the group fired a missile at X': another attack, about then
                    m.dates, m.precision, m.date_text = told.dates, told.precision, told.date_text
                    events.append(m)
                    continue
            if m.anaphoric:
                before = [e for e in events if min(e.sents) < min(m.sents)]
                current = [e for e in before if not self._background(e)
                           and any(_related(a, b) for a in e.targets for b in m.targets)]
                if current:  # 'the attack' after a paragraph of history still tells the news
                    before = current
                if before:
                    home = max(before, key=lambda e: max(s for s in e.sents if s < min(m.sents)))
                    # 'the largest mudflow carried away the bridge over the Takob river': a facility named by a
                    # place is another target of the event told before
                    if not all(o.type == "road" for o in home.targets):  # (a road told before is where, not what:
                        # 'the storm crossed Highway 12 ... the storm snapped eleven structures on the X line')
                        m.targets = [t for t in m.targets if any(_related(t, o) or _compatible(t.type, o.type) for o in home.targets)
                                     or t.weak and any(c.isupper() for c in t.name)]
                    home.absorb(m)
                    continue
            # 'on Thursday' is not 'in 2020': a day relative to the missing publication date is no year's history
            candidates = [e for e in events if not (m.recent and e.dates and e.precision >= 2)]
            if not m.recent and any(e.recent for e in candidates):
                candidates = [e for e in candidates if e.recent or not e.dates or e.precision < 2]
            shared = [e for e in candidates if any(a is b for a in e.targets for b in m.targets)]
            related = [e for e in candidates if any(_related(a, b) for a in e.targets for b in m.targets)]
            same_type = [e for e in candidates if any(_compatible(a.type, b.type) for a in e.targets for b in m.targets)]
            current = [e for e in related if not self._background(e)]
            if current and len(current) < len(related):  # an undated mention tells the story's news, not its history
                pool = [e for e in current if e in shared] or current
            else:
                pool = shared or related or same_type
            if pool and all(self._background(e) for e in pool):
                # 'a drone struck an oil metering station on Thursday' ... 'the drone hit a skid at the X metering
                # station' ... 'last June, rockets landed inside the station': the news, at the station not yet named
                news = [e for e in candidates if e.dates and not self._background(e) and min(e.sents) < min(m.sents)
                        and any(a.weak and a.type == b.type for a in e.targets for b in m.targets)]
                pool = news or pool
            if not pool and m.anaphoric:  # 'the damage dates back to ...' told before the event itself
                after = [e for e in events if min(e.sents) > min(m.sents)]
                if after:
                    home = min(after, key=lambda e: min(e.sents))
                    m.targets = [t for t in m.targets if any(_related(t, o) or _compatible(t.type, o.type) for o in home.targets)]
                    home.absorb(m)
                    continue
            if not pool and m.types and all(t == "disruption" for t in m.types):
                # 'pumping from the X station had been suspended' after the story's attack: its effect; so is 'the
                # port suspended ferry loading for the morning' right after a fire cut the power
                pool = [e for e in events if min(e.sents) < min(m.sents) and not self._background(e) and (
                    self._attacks(e) or 0 < min(m.sents) - max(e.sents) <= 2)]
                if pool:
                    home = max(pool, key=lambda e: min(e.sents))
                    m.targets = []
                    home.absorb(m)
                    continue
            if not pool and not m.dates and not self._attacks(m):
                # 'a quake struck on Sunday, cracking two piers of the X bridge' ... 'engineers found cracks on two
                # piers': an undated telling of damage to a facility the story's event was told with
                pool = [e for e in candidates if any(self.sent_of.get(start) in e.sents
                                                     for t in m.targets for start, _ in t.spans)]
            if pool:
                home = min(pool, key=lambda e: (e.precision, -max(e.sents)))
                home.absorb(m)
            else:
                events.append(m)
        events = self._unnamed_to_named(events)
        # 'the pipeline was attacked repeatedly between 2011 and 2013': history of a target with a reported incident
        events = [e for e in events if not e.habitual or not any(
            o is not e and not o.habitual and any(_related(a, b) for a in e.targets for b in o.targets) for o in events)]
        events = self._one_hazard_a_day(events)
        self._attributions(events)
        self._anchoring_vessels(events)
        events.sort(key=lambda e: min(e.sents))
        self._single = len(events) == 1
        return events

    def _told_anew(self, m: Event) -> bool:
        """'another fire', 'caught fire again', 'a second blast': a new event, not the last one told again."""
        return any(t.lower_ in ANEW for k in m.sents for t in self.sents[k])

    def _one_hazard_a_day(self, events: list[Event]) -> list[Event]:
        """'The quake cracked the Gjoçaj dam and brought down a pier of the Shkumbin rail bridge': what one
        sentence tells a storm, flood or quake struck on one day is one incident (told apart, they stay apart:
        the golds split them as often as not)."""
        out: list[Event] = []
        hazards: list[Event] = []  # the ones of out told to the day, typed once
        for e in sorted(events, key=lambda e: min(e.sents)):
            if e.dates and e.dates[0] == e.dates[1] and e.precision == 0 and not e.bound \
                    and self.type_of(e) == "natural_hazard":
                home = next((o for o in hazards if o.dates == e.dates and set(o.sents) & set(e.sents)), None)
                if home is not None:
                    home.absorb(e)
                    continue
                hazards.append(e)
            out.append(e)
        return out

    @staticmethod
    def _last_weekday(ms: list[Event]) -> None:
        """'last Tuesday's explosion' ... 'the July 1 blast': "last Tuesday" may be this week's or
        the week before's; when the text names the day of that event a week earlier, it is that day."""
        for m in ms:
            if not m.dates or not LAST_WEEKDAY.match(m.date_text or ""):
                continue
            week_before = m.dates[0] - timedelta(days=7)
            for o in ms:
                if o is not m and o.dates == (week_before, week_before) and any(ch.isdigit() for ch in o.date_text or "") \
                        and any(_related(a, b) for a in o.targets for b in m.targets):
                    m.dates = o.dates
                    break

    def _unnamed_to_named(self, events: list[Event]) -> list[Event]:
        """'a drone hit an oil pumping station on Thursday' ... 'On Thursday a drone struck the Jilbeh pumping
        station': an incident at an unnamed facility is the later one, that day, at a named facility of its kind."""
        out = list(events)
        for e in events:
            if not e.dates or not e.targets or not all(t.weak for t in e.targets):
                continue
            later = [o for o in out if o is not e and o.dates and min(o.sents) > min(e.sents)
                     and (overlap(o.dates, e.dates) or e.bound and o.dates[0] <= e.dates[1])  # 'officials said on Thursday'
                     and self._attacks(o) == self._attacks(e)
                     and any(not b.weak and b.type == a.type for a in e.targets for b in o.targets)]
            later.sort(key=lambda o: min(o.sents))
            if len(later) > 1 and min(later[0].sents) - max(e.sents) <= 2 < min(later[1].sents) - max(e.sents):
                later = later[:1]  # the lead's story goes on in the next paragraph; an older one comes later
            if len(later) == 1:
                o = later[0]
                e.targets = []
                o.absorb(e)
                out.remove(e)
        return out

    def _background(self, ev: Event) -> bool:
        """An incident told as history: over BACKGROUND_DAYS before the publication date."""
        return bool(self.published and ev.dates and (self.published - ev.dates[1]).days > BACKGROUND_DAYS)

    def _cause_of(self, m: Event, events: list[Event]) -> Optional[Event]:
        """'the fire was still burning on Friday' after Thursday's strike on the same terminal:
        a consequence told later is an effect of the attack, not a new incident."""
        if not m.types or not all(t in self.cause_less or t == "accident" and w in COLLAPSE_WORDS and not m.cues
                                  for t, w in zip(m.types, m.words)):
            return None  # ('the tower collapsed the next morning' after saboteurs cut its legs: what they did)
        outage = all(t == "disruption" for t in m.types)  # 'services stopped for most of the following day'
        for e in events:
            if not (outage or any(t in self.attack_family or t == "attack" for t in e.types)) or not e.dates:
                continue
            if any(_related(a, b) for a in e.targets for b in m.targets) \
                    and e.dates[0] <= m.dates[0] and (m.dates[0] - e.dates[1]).days <= CONSEQUENCE_DAYS:
                return e
        return None

    @staticmethod
    def _dates_agree(a: Event, b: Event) -> bool:
        """Overlapping days; a date that only bounds a report agrees with any day up to it, within
        BACKGROUND_DAYS (a report on Monday does not tell an event of the year before as news)."""
        if overlap(a.dates, b.dates) or (a.scene or b.scene) and set(a.types) & set(b.types):
            return True  # (a paragraph's opening time is a guess: no bar to the same kind of event told again)
        window = timedelta(days=BACKGROUND_DAYS)
        if b.bound and _covers(b, a) and b.dates[1] - window <= a.dates[0] <= b.dates[1]:
            return True
        return a.bound and _covers(a, b) and a.dates[1] - window <= b.dates[0] <= a.dates[1]

    def _continue(self, ms: list[Event]) -> list[Event]:
        """A mention without a target continues the next or the previous sentence's mention."""
        out = list(ms)
        for m in ms:
            if m.targets:
                continue
            k = m.sents[0]
            if m.anaphoric and self._attacks(m):  # 'called the strikes a war crime': the attack told before
                prior = [o for o in out if o.targets and max(o.sents) < k and self._attacks(o)
                         and (not o.dates or not m.dates or overlap(o.dates, m.dates))]
            elif m.anaphoric and m.dates and m.dates[0] == m.dates[1]:
                # 'Repairs on Monday's damage ...': the event told before on that very day; 'firefighters
                # brought the fire under control on Thursday' after Wednesday night's fire: the same fire
                prior = [o for o in out if o.targets and max(o.sents) < k and (o.dates == m.dates or o.dates and set(
                    o.types) & set(m.types) and 0 < (m.dates[0] - o.dates[1]).days <= 1)]
            elif m.anaphoric and not m.dates:  # 'killed in the cyclone': the cyclone told before, not the next event
                prior = [o for o in out if o.targets and max(o.sents) < k and set(o.types) & set(m.types)]
            else:
                prior = []
            if prior:
                max(prior, key=lambda o: max(o.sents)).absorb(m)
                out.remove(m)
                continue
            told = {o.sents[0] for o in out}
            # 'Cyclone X made landfall on Tuesday.' (a sentence on its warnings) 'The cyclone toppled ...': the day
            # goes on to the undated telling two sentences on
            nxt = next((o for o in out if o.targets and (o.sents[0] == k + 1 or o.sents[0] == k + 2 and k + 1 not in told
                                                          and m.dates and not o.dates)), None)
            prv = next((o for o in reversed(out) if o.targets and (k - 1 in o.sents or k - 2 in o.sents)), None)
            for o in (nxt, prv):
                if o is not None and self._kinds_clash(m, o):
                    continue  # 'The utility was hit by ransomware on Monday. A fire broke out at the wharf': two events
                if o is not None and self._attacks(m) and o.types and all(t == "disruption" for t in o.types) \
                        and not any(_related(a, b) for x in out if x.targets and self._attacks(x)
                                    for a in x.targets for b in o.targets):
                    continue  # "Tuesday's bombing ..." is not told by the next sentence's shutdown elsewhere
                if o is not None and (not o.dates or not m.dates or overlap(o.dates, m.dates)
                                      or o.bound and m.dates[0] <= o.dates[1]  # 'said on Tuesday' ... 'since Saturday'
                                      or m.bound and m.anaphoric and o.dates[0] <= m.dates[1]):  # 'said on Friday that the blast ...'
                    o.absorb(m)
                    out.remove(m)
                    break
        return [m for m in out if m.targets]

    def _kinds_clash(self, a: Event, b: Event) -> bool:
        """Two mentions no single event tells: an intrusion and a physical event (fire, blast, strike,
        storm), or a natural hazard and an attack."""
        def kinds(e: Event) -> set:  # (what an event stopped tells nothing of its kind)
            return {"cyberattack"} if "cyberattack" in e.cues else set(e.types) - {"attack", "disruption"}
        ta, tb = kinds(a), kinds(b)
        if not ta or not tb:
            return False
        physical = self.attack_family - {"cyberattack"} | {"fire", "explosion", "natural_hazard", "accident"}
        for x, y in ((ta, tb), (tb, ta)):
            if x == {"cyberattack"} and y <= physical:
                return True
            if x == {"natural_hazard"} and y <= self.attack_family:
                return True
        return False

    def _attacks(self, ev: Event) -> bool:
        return any(t in self.attack_family or t == "attack" for t in ev.types)

    def _all_events(self, sent: Span) -> bool:
        """'was behind both strikes', 'responsible for all three attacks': every incident told."""
        trig = {t.start for t in self.doc._.ig_triggers or []}
        return any(t.lower_ in ("both", "all", "either") and t.head.i in trig and t.head.tag_ == "NNS" for t in sent)

    def _attributions(self, events: list[Event]) -> None:
        """'X claimed responsibility', 'Y was behind the attack': perpetrators of the incident at hand."""
        self.attributions: list[tuple[int, object, Ent, Optional[Event]]] = []
        for cue in self.doc._.ig_cues or []:
            k = self.sent_of.get(cue.start)
            if k is None:
                continue
            whos = self._cue_actors(cue, self.sents[k])
            who = whos[0] if whos else None
            home = next((e for e in events if k in e.sents), None)
            if home is None:
                before = [e for e in events if min(e.sents) < k]
                home = max(before, key=lambda e: max(s for s in e.sents if s < k) if any(s < k for s in e.sents) else -1) \
                    if before else (min(events, key=lambda e: min(e.sents)) if events else None)
            self.attributions.append((k, cue, who, home))
            if who is None or home is None or cue.stance == "denies":
                continue
            homes = [e for e in events if self._attacks(e)] if self._all_events(self.sents[k]) else []
            # 'accused X of being behind the May attacks': the incidents of those days
            days = [expr.resolve(self.published) for s, e, expr in self.doc._.ig_dates or []
                    if self.sents[k].start <= s < self.sents[k].end and not self._in_dateline(expr)
                    and not self._said_on(s, cue)]
            # within the days named: 'earlier this month' is not accused along with Monday's bombing
            dated = [e for e in events if e.dates and self._attacks(e)
                     and any(d[0] <= e.dates[0] and e.dates[1] <= d[1] for d in days if d)]
            if dated:
                homes = dated
            if cue.stance == "claims_responsibility":  # 'Russia's defence ministry said its forces struck ...'
                whos = [self._state_of_ministry(w) or w for w in whos]
            for h in homes or [home]:
                for w in whos:
                    if w.kind == "actor" and w not in h.perps:
                        h.perps.append(w)

    def _anchoring_vessels(self, events: list[Event]) -> None:
        """'the freighter X lingered above the cable route with its anchor down', 'the anchor of the
        general cargo vessel Y': a named ship told with an anchor near an incident without a perpetrator
        is the one the text holds responsible, and the incident an accident unless told as deliberate."""
        held = {id(p) for ev in events for p in ev.perps}  # a ship the text already holds for one incident
        vessels = [e for e in self.res.entities if e.kind == "actor" and e.type == "vessel" and id(e) not in held]
        if not vessels:
            return
        anchored: dict[int, list[Ent]] = {}  # sentence -> ships told there with an anchor
        for v in vessels:
            for start, _ in v.spans:
                k = self.sent_of.get(start)
                if k is not None and any(t.lemma_ == "anchor" for t in self.sents[k]) and v not in anchored.get(k, []):
                    anchored.setdefault(k, []).append(v)
        if not anchored:
            return
        for ev in events:
            if ev.perps or self._attacks(ev) and "sabotage" not in ev.types:
                continue
            near = sorted((min(abs(k - s) for s in ev.sents), k) for k in anchored)
            near = [k for d, k in near if d <= 2 and d == near[0][0]]
            ships = {v.name: v for k in near for v in anchored[k]}
            if len(ships) != 1:
                continue
            ev.perps.append(next(iter(ships.values())))
            if "vessel" not in ev.cues:
                ev.cues.append("vessel")
            if not any(t in ("accident", "sabotage") for t in ev.types + ev.cues):
                ev.cues.append("accident")

    def _state_of_ministry(self, w: Ent) -> Optional[Ent]:
        """The state whose ministry ('Russia's defence ministry', 'the Russian Defence Ministry') owns a
        deed: its forces did it, and the state is the perpetrator."""
        if w.type != "ministry" or not w.spans:
            return None
        start, end = w.spans[0]
        own = start >= 2 and self.doc[start - 1].text in ("'s", "’s")  # 'Russia's Ministry of Defence'
        for tok in list(self.doc[start:min(start + 3, end)]) + ([self.doc[start - 2]] if own else []):
            country = self.demonyms.get(fold(tok.text)) or self.countries.country(tok.text) if tok.is_alpha else None
            if country:
                return self.res.state_for(country, tok.i, tok.i + 1)
        return None

    def _said_on(self, i: int, cue) -> bool:
        """The date at token i is the day something was said or the accusation made ('blamed X on Monday')."""
        verb = next((a for a in self.toks[i].ancestors if a.pos_ in ("VERB", "AUX")), None)
        return verb is not None and (verb.lemma_ in self.speech or cue is not None and (
            cue.start <= verb.i < cue.end or self.doc[cue.start].pos_ == "ADP" and self.doc[cue.start].head.i == verb.i))
        # ('listed the company on its leak site on Sunday': the day of the listing)

    def _cue_actors(self, cue, sent: Span) -> list[Ent]:
        """The actor a cue names, and those coordinated with it ('blamed Turkey and the Turkish Armed Forces')."""
        first = self._cue_actor(cue, sent)
        if first is None or self._owned(cue):
            return []
        if cue.stance == "claims_responsibility":
            first = self._spoken_for(first, sent) or first
        out = [first]
        if cue.role != "object":
            return out
        spans = [i for i in range(cue.end, sent.end) if self._actor(i) is first]
        if not spans:
            return out
        tok = self.doc[spans[0]]
        head = tok if tok.dep_ != "compound" else tok.head
        for c in head.conjuncts:
            a = self._np_actor(c)
            if a is not None and a not in out and a.kind == "actor":
                out.append(a)
        return out

    def _owned(self, cue) -> bool:
        """'The depot belongs to X': a facility's owner, not an attacker's allegiance."""
        verb = self.doc[cue.start]
        if verb.lemma_ != "belong":
            return False
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subj is not None and (self._is_facility(subj) or subj.lower_ in self.head_words)

    SPOKES = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "commander", "leader"}

    def _spoken_for(self, person: Ent, sent: Span) -> Optional[Ent]:
        """'X, spokesman for the Y, said its fighters burned the tower': a group claims through its
        spokesman, and the group is who did it; so does a later 'X denied ...' of the spokesman."""
        if person.type != "person":
            return None
        for start, end in sorted(person.spans, key=lambda s: not sent.start <= s[0] < sent.end):
            # this sentence's mention first, then where the text said whose spokesman the person is
            k = self.sent_of.get(start)
            if k is None:
                continue
            sent = self.sents[k]
            j = end + (end < len(self.doc) and self.toks[end].text == ",")
            while j < sent.end and self.toks[j].lower_ in ("a", "the", "its", "chief", "senior", "military", "main"):
                j += 1
            if j + 1 < sent.end and self.toks[j].lower_ in self.SPOKES and self.toks[j + 1].lower_ in ("for", "of"):
                for i in range(j + 2, min(j + 6, sent.end)):
                    group = self._actor(i)
                    if group is not None and group is not person and group.kind == "actor":
                        return group
        return None

    def _cue_actor(self, cue, sent: Span) -> Optional[Ent]:
        if cue.role == "subject":
            verbs = list(self.doc[cue.start:cue.end])
            if self.doc[cue.start].pos_ == "ADP":  # 'X listed the company on its leak site': the verb's subject
                above = [a for a in self.doc[cue.start].ancestors if a.pos_ in ("VERB", "AUX")]
                verbs.append(next((a for a in above if any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in a.children)),
                                  above[0] if above else self.doc[cue.start].head))  # (not 'what it said were')
            for v in verbs:  # 'X was behind ...': the subject of the cue's own verb
                subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and (subj.lower_ in NOBODY or any(
                        c.dep_ == "det" and c.lower_ == "no" for c in subj.children)):
                    return None  # 'no group claimed responsibility': nobody did
                if subj is not None and subj.lower_ in ("who", "whoever", "which"):
                    return None  # 'did not say who was behind it': an open question
                if subj is not None and subj.i < cue.start:
                    a = self._np_actor(subj)
                    if a is not None:
                        return a
            listed = {t.i for v in verbs[1:] for c in v.children if c.dep_ == "dobj" for t in c.subtree}
            for i in range(cue.start - 1, sent.start - 1, -1):
                t = self.doc[i]
                if i in listed:
                    continue  # 'a group listed MFT on its leak site': MFT is the victim
                if t.lemma_ in self.speech and t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children) \
                        and self.toks[cue.start - 1].lower_ in SELF_PRONOUNS | {"we", "they"}:
                    # 'the agency said it was behind the attack': the speaker owns the deed
                    subj = next(c for c in t.children if c.dep_ == "nsubj")
                    return self._np_actor(subj)
                if (t.lemma_ in self.speech and t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children)) \
                        or (t.lower_ == "that" and t.dep_ == "mark") or t.text == ";":
                    return None  # 'the FBI said that X was responsible': X, never the speaker
                a = self._actor(i)
                if a is not None:
                    return a
            return None
        if self._accused_of_other(cue):
            return None
        for i in range(cue.end, sent.end):
            a = self._actor(i)
            if a is not None:
                end = i
                while end < sent.end and self._actor(end) is a:
                    end += 1
                if end + 1 < sent.end and self.doc[end].text in ("'s", "’s"):
                    owned = self._actor(end + 1)  # "a front for Iran's Revolutionary Guard": the Guard
                    if owned is not None:
                        return owned
                return a
        return None

    def _accused_of_other(self, cue) -> bool:
        """'accused the military of looking for pretexts to derail talks with the government of
        X': the charge is no incident (no trigger, no attack verb under 'of'), so nobody named after
        it is accused of one."""
        trig = {i for t in self.doc._.ig_triggers or [] if not t.cue for i in range(t.start, t.end)}
        for v in self.doc[cue.start:cue.end]:
            if v.lemma_ not in self.accusation["verbs"]:
                continue
            # the parser hangs 'of ...' on the verb or on the one accused
            heads = [v] + [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
            charges = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in self.accusation["preps"]]
            deeds = self.accusation["deeds"]
            if charges and not any(p.i in trig or p.lemma_ in ATTACK_VERBS or p.lemma_ in deeds
                                   for c in charges for p in c.subtree):
                return True
        return False

    # ---- typing ----------------------------------------------------------------------------
    def doc_attack_type(self) -> Optional[str]:
        """The attack type the document tells most often (worked out once, asked per incident)."""
        if self._doc_type is None:
            counts: dict[str, int] = {}
            weapons: dict[str, int] = {}  # 'Drones struck the depot ... a first attack': the weapon the text names
            for t in self.doc._.ig_triggers or []:
                if t.type in self.attack_family and not self._open_question(self._head(t)) \
                        and not self._negated(self._head(t)):  # not 'whether it was vandalism', 'no sign of sabotage'
                    into = weapons if t.cue else counts
                    into[t.type] = into.get(t.type, 0) + 1
            counts = counts or weapons
            self._doc_type = (max(counts, key=counts.get) if counts else None,)
        return self._doc_type[0]

    def _cause_found(self) -> bool:
        """'Everything we have seen points to an equipment failure', 'the fire was caused by a faulty
        valve': the text establishes an accident as the cause, in a frame of cause ('points to',
        'caused by', 'due to', 'result of'), not as one version examined or ruled out."""
        for t in self.doc._.ig_triggers or []:
            if t.type != "accident":
                continue
            tok = self._head(t)
            if self._negated(tok) or self._open_question(tok) or any(self._hypothetical(x) for x in tok.sent):
                continue
            if any(a.lemma_ in CAUSE_FRAMES for a in [tok, *tok.ancestors][1:4]):
                return True
        return False

    def type_of(self, ev: Event) -> str:
        votes: dict[str, int] = {}
        for t in ev.types:
            votes[t] = votes.get(t, 0) + 1
        best = max(votes, key=lambda t: (self.rank.get(t, 0), votes[t]))
        if best == "natural_hazard" and votes.get("fire", 0) > votes["natural_hazard"] \
                and not any(c in self.attack_family for c in ev.cues):
            return "fire"  # 'the ice storm reached the X substation, where a fire broke out' ... 'the fire burned
            # for two hours': a fire told more often than the storm it followed
        if best == "natural_hazard" and "vessel" in ev.cues and ("accident" in votes or "accident" in ev.cues):
            best = "accident"  # 'a tanker sheltering from a storm snagged the cable with its anchor'
        if best == "sabotage" and "cyberattack" in ev.cues:
            best = "cyberattack"  # 'hackers tampering with the dam's controls': an intrusion, told as tampering
        if best == "sabotage" and "airstrike" in ev.cues and "sabotage" not in ev.cues:
            best = "airstrike"  # 'accused the air force of bombing the bridge': bombs from the air, none planted
        if best == "sabotage" and "drone_strike" in ev.cues and "sabotage" not in ev.cues and "attack" in votes:
            best = "drone_strike"  # 'uncrewed boats struck the berth ... one of them blew up': a drone's blast
        hazard = ("natural_hazard" in votes or "natural_hazard" in ev.cues) and "vessel" not in ev.cues \
            or best in ("accident", "damage") and self._in_hazard(ev)
        if hazard and best not in self.attack_family and not any(c in self.attack_family for c in ev.cues):
            return "natural_hazard"  # 'Storm X struck ...; the dam burst': the storm is the cause
        if best == "attack":
            cues = _by_method([c for c in ev.cues if c in self.attack_family], ev.cues)
            if cues:
                return max(dict.fromkeys(cues), key=cues.count)  # ties: the first told, whatever the hash seed
            if "accident" in ev.cues or "accident" in votes:
                return "accident"
            return self.doc_attack_type() or self.default_attack
        if best in ("accident", "damage") and "deliberate" in ev.cues:
            return "sabotage"  # 'a tower was deliberately brought down'
        if best in self.cause_less or best == "accident":
            if "accident" in ev.cues or best == "accident":
                return "accident"
            if self._single and best != "disruption" and not any(c in self.attack_family for c in ev.cues) \
                    and self._cause_found():
                return "accident"  # the one incident's cause, told in a sentence of its own
            attack = _by_method([c for c in ev.cues if c in self.attack_family])
            if attack and best != "disruption":
                return max(dict.fromkeys(attack), key=attack.count)
        return best
