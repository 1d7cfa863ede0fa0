"""Seeded synthetic data for the benchmarks.

Two generators from one world of invented facilities and real-looking actors:
- ``articles(n)``: news-like texts of about 600 words, with header lines, explicit and
  relative dates and several reports of the same incident, for the ingest benchmark;
- ``extractions(n)``: the same kind of content directly as ``graph.model.Extraction``
  objects, to fill stores with tens of thousands of incidents without running spaCy.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterator

from graph.model import Claim, Document, Entity, Extraction, Incident

STATES = ["Ukraine", "Russia", "Kazakhstan", "Finland", "Estonia", "Latvia", "Lithuania", "Poland", "Germany",
          "Norway", "Denmark", "Sweden", "Turkey", "Georgia", "Azerbaijan", "Iran", "Israel", "Yemen", "Saudi Arabia",
          "Iraq", "Syria", "Lebanon", "Libya", "Nigeria", "Sudan", "China", "Taiwan", "India", "Pakistan", "Egypt"]
DEMONYM = {"Ukraine": "Ukrainian", "Russia": "Russian", "Kazakhstan": "Kazakh", "Finland": "Finnish",
           "Estonia": "Estonian", "Latvia": "Latvian", "Lithuania": "Lithuanian", "Poland": "Polish",
           "Germany": "German", "Norway": "Norwegian", "Denmark": "Danish", "Sweden": "Swedish", "Turkey": "Turkish",
           "Georgia": "Georgian", "Azerbaijan": "Azerbaijani", "Iran": "Iranian", "Israel": "Israeli",
           "Yemen": "Yemeni", "Saudi Arabia": "Saudi", "Iraq": "Iraqi", "Syria": "Syrian", "Lebanon": "Lebanese",
           "Libya": "Libyan", "Nigeria": "Nigerian", "Sudan": "Sudanese", "China": "Chinese", "Taiwan": "Taiwanese",
           "India": "Indian", "Pakistan": "Pakistani", "Egypt": "Egyptian"}
SYLLABLES = ["ka", "ro", "vel", "mar", "tin", "sol", "bor", "gra", "len", "dov", "zan", "pri", "mos", "ula", "ter",
             "vik", "nor", "sha", "bel", "kir", "ost", "ami", "rud", "pel"]
KINDS = [("pipeline", "pipeline"), ("oil refinery", "refinery"), ("power plant", "power_plant"),
         ("substation", "substation"), ("port", "port"), ("dam", "dam"), ("bridge", "bridge"),
         ("oil terminal", "terminal"), ("data cable", "cable")]
ATTACKS = [("drone_strike", "Drones struck", "a drone attack"), ("missile_strike", "Missiles hit", "a missile strike"),
           ("shelling", "Artillery shelled", "shelling"), ("sabotage", "Saboteurs damaged", "an act of sabotage"),
           ("fire", "A fire broke out at", "a fire"), ("explosion", "An explosion rocked", "an explosion"),
           ("cyberattack", "Hackers disrupted", "a cyberattack"), ("accident", "A ship's anchor damaged", "an accident")]
FILLER = ("Analysts said the damage would weigh on exports for weeks. Operators declined to give figures, "
          "citing security concerns. Insurance costs for shipping in the area have risen sharply this year. "
          "Officials promised to restore full operations as soon as repairs allow. ")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()


@dataclass
class Facility:
    name: str
    type: str
    country: str
    part_of: "Facility | None" = None


@dataclass
class Event:
    id: int
    type: str
    facility: Facility
    day: date
    perpetrator: str | None
    accuser: str | None


class World:
    """A fixed set of facilities and events; articles and extractions report on them."""

    def __init__(self, seed: int = 7, facilities: int = 2000, events: int = 20000):
        self.rng = random.Random(seed)
        self.facilities: list[Facility] = []
        names = set()
        while len(self.facilities) < facilities:
            name, (word, code) = _name(self.rng), self.rng.choice(KINDS)
            full = f"{name} {word}"
            if full in names:
                continue
            names.add(full)
            parent = Facility(full, code, self.rng.choice(STATES))
            self.facilities.append(parent)
            if code in ("pipeline", "port", "terminal") and self.rng.random() < 0.5:
                part_kind = {"pipeline": ("pumping station", "pumping_station"), "port": ("oil terminal", "terminal"),
                             "terminal": ("berth", "berth")}[code]
                self.facilities.append(Facility(f"{name} {part_kind[0]} No. {self.rng.randint(1, 9)}",
                                                part_kind[1], parent.country, parent))
        start = date(2022, 1, 1)
        self.events = []
        for i in range(events):
            kind = self.rng.choice(ATTACKS)[0]
            fac = self.rng.choice(self.facilities)
            perp = self.rng.choice(STATES) if kind not in ("fire", "explosion", "accident") and self.rng.random() < 0.7 else None
            accuser = fac.country if perp and perp != fac.country else None
            self.events.append(Event(i, kind, fac, start + timedelta(days=self.rng.randrange(1400)), perp, accuser))

    def pick(self, rng: random.Random) -> Event:
        # a few events are reported again and again, most once or twice
        if rng.random() < 0.3:
            return self.events[rng.randrange(min(200, len(self.events)))]
        return self.events[rng.randrange(len(self.events))]


def _relative(day: date, published: date) -> str:
    delta = (published - day).days
    if delta == 0:
        return "on " + WEEKDAYS[day.weekday()] if published.weekday() != day.weekday() else "today"
    if delta == 1:
        return "yesterday"
    if 1 < delta < 7:
        return "on " + WEEKDAYS[day.weekday()]
    return f"on {day.day} {day.strftime('%B %Y')}"


def articles(n: int, seed: int = 11, world: World | None = None) -> Iterator[tuple[str, str]]:
    """(file name, text) pairs of about 600 words each."""
    world = world or World(seed)
    rng = random.Random(seed)
    for k in range(n):
        e = world.pick(rng)
        published = e.day + timedelta(days=rng.choice((0, 1, 1, 2, 3, 9)))
        verb = dict((t, v) for t, v, _ in ATTACKS)[e.type]
        noun = dict((t, w) for t, _, w in ATTACKS)[e.type]
        f = e.facility
        where = f"the {f.name}" + (f" of the {f.part_of.name}" if f.part_of else "")
        paras = [f"{verb} {where} in {f.country} {_relative(e.day, published)}, officials said."]
        if e.perpetrator and e.accuser:
            paras.append(f"The {DEMONYM[e.accuser]} Foreign Ministry blamed {e.perpetrator} for {noun}. "
                         f"{e.perpetrator} denied any involvement.")
        elif e.perpetrator:
            paras.append(f"{e.perpetrator} claimed responsibility for {noun} on the {f.name}.")
        other = world.pick(rng)
        paras.append(f"Earlier, {other.facility.name} was hit by {dict((t, w) for t, _, w in ATTACKS)[other.type]} "
                     f"on {other.day.day} {other.day.strftime('%B %Y')}.")
        body = " ".join(paras) + "\n\n"
        while len(body.split()) < 600:
            body += FILLER
        header = f"TITLE: {noun.capitalize()} at {f.name}\nPUBLISHED: {published.isoformat()}\nSOURCE: synthetic\n\n"
        yield f"article-{k:06d}.txt", header + body


def extractions(n: int, seed: int = 13, world: World | None = None) -> Iterator[Extraction]:
    """Extractions as the pipeline would produce them, about two incident reports each."""
    world = world or World(seed, facilities=max(200, n // 10), events=max(1000, n))
    rng = random.Random(seed)
    for k in range(n):
        events = [world.pick(rng) for _ in range(rng.choice((1, 2, 2, 3)))]
        text = f"PUBLISHED: 2026-01-01\n\nSynthetic document {k}. " + " ".join(
            f"{e.type} at {e.facility.name} on {e.day.isoformat()}." for e in events)
        doc = Document(text=text, path=f"synthetic-{k}.txt", title=f"Synthetic report {k}",
                       published=max(e.day for e in events) + timedelta(days=rng.choice((0, 1, 2))))
        ents: dict[str, Entity] = {}

        def entity(kind, type_, name, part_of=None):
            key = (kind, name)
            if key not in ents:
                ents[key] = Entity(f"e{len(ents) + 1}", kind, type_, name, mentions=[(0, 10)])
            if part_of:
                ents[key].part_of = part_of
            return ents[key].id

        incidents, claims = [], []
        for j, e in enumerate(events, 1):
            parent = entity("facility", e.facility.part_of.type, e.facility.part_of.name) if e.facility.part_of else None
            target = entity("facility", e.facility.type, e.facility.name, parent)
            place = entity("place", "country", e.facility.country)
            perps = [entity("actor", "state", e.perpetrator)] if e.perpetrator else []
            incidents.append(Incident(f"i{j}", e.type, e.day, e.day, [target], perps, place, evidence=[(0, 20)]))
            if e.accuser:
                speaker = entity("actor", "ministry", f"{DEMONYM[e.accuser]} Foreign Ministry")
                claims.append(Claim(f"c{j}", speaker, "blamed", (0, 20), perps, incident=f"i{j}", stance="accuses"))
        yield Extraction(doc, list(ents.values()), incidents, claims)
