"""Merging reports of one incident told by several documents.

Pure functions on plain rows, so the rules can be tested without a store. Two reports are
one incident when
- their targets meet: the same facility, or one is part of the other (after entity
  resolution); two different parts of one pipeline are two incidents;
- their types are compatible (``data/merge_rules.json``): an accident first reported as
  possible sabotage is one event, a cyberattack and a shelling are not;
- their dates agree: the intervals overlap, or are at most ``date_tolerance_days`` apart,
  which is kept as a date conflict — unless one document reports both as separate
  incidents, which keeps them apart (two shellings on consecutive days).
Values the sources disagree on (date, type, perpetrators) are kept per source as conflicts.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional

RULES_FILE = Path(__file__).resolve().parent / "data" / "merge_rules.json"


@lru_cache(maxsize=1)
def rules() -> dict:
    return json.loads(RULES_FILE.read_text(encoding="utf-8"))


def types_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    return any(a in group and b in group for group in rules()["compatible"])


@dataclass(slots=True)
class Report:
    """One document's report of an incident, with entity IRIs already made canonical."""

    iri: str
    type: str
    document: str
    start: Optional[date] = None
    end: Optional[date] = None
    published: Optional[date] = None
    targets: set[str] = field(default_factory=set)
    perpetrators: set[str] = field(default_factory=set)
    location: Optional[str] = None
    deaths: Optional[int] = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def interval(self) -> tuple[date, date]:
        return (self.start or self.end, self.end or self.start)


@dataclass(slots=True)
class Conflict:
    property: str  # date, type or perpetrator
    values: dict[str, list[str]]  # value -> report IRIs that give it


@dataclass(slots=True)
class MergedIncident:
    iri_seed: str  # the founding report's IRI: the merged incident's IRI derives from it
    reports: list[Report]
    type: str
    start: Optional[date]
    end: Optional[date]
    targets: set[str]
    perpetrators: set[str]
    location: Optional[str]
    conflicts: list[Conflict] = field(default_factory=list)
    deaths: Optional[int] = None  # the highest toll any source gives

    @property
    def documents(self) -> set[str]:
        return {r.document for r in self.reports}


def _gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two intervals; 0 when they overlap."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def targets_meet(a: set[str], b: set[str], ancestors: dict[str, set[str]]) -> bool:
    for x in a:
        for y in b:
            if x == y or y in ancestors.get(x, ()) or x in ancestors.get(y, ()):
                return True
    return False


def _compatible(a: list[Report], b: list[Report], ancestors, tolerance: int) -> bool:
    """Every report of one group agrees with every report of the other."""
    for r in a:
        for m in b:
            if r.document == m.document:
                return False  # a document's own incidents are already told apart by extraction
            if not types_compatible(r.type, m.type) or not targets_meet(r.targets, m.targets, ancestors):
                return False
            if r.dated and m.dated and _gap_days(r.interval(), m.interval()) > tolerance:
                return False
    return True


def _distance(a: list[Report], b: list[Report]) -> int:
    gaps = [_gap_days(r.interval(), m.interval()) for r in a if r.dated for m in b if m.dated]
    return min(gaps) if gaps else 99


def _dated(group: list[Report]) -> bool:
    return any(r.dated for r in group)


def _keys(group: list[Report], ancestors) -> set[str]:
    """Facilities a group touches, with their ancestors: groups that meet share a key."""
    keys: set[str] = set()
    for r in group:
        for t in r.targets:
            keys.add(t)
            keys |= ancestors.get(t, set())
    return keys


def _greedy(groups: list[list[Report]], ancestors, tolerance: int) -> list[list[Report]]:
    out: list[list[Report]] = []
    by_key: dict[str, list[int]] = {}  # facility -> indexes of groups in out that touch it
    for g in groups:
        keys = _keys(g, ancestors)
        candidates = sorted({i for k in keys for i in by_key.get(k, ())})
        fits = [i for i in candidates if _compatible(g, out[i], ancestors, tolerance)]
        if _dated(g):
            fits.sort(key=lambda i: _distance(g, out[i]))  # exact agreement beats a near miss
            index = fits[0] if fits else None
        else:
            index = fits[0] if len(fits) == 1 else None  # an undated report joins only an unambiguous match
        if index is not None:
            out[index].extend(g)
        else:
            out.append(list(g))
            index = len(out) - 1
        for k in keys:
            if index not in by_key.setdefault(k, []):
                by_key[k].append(index)
    return out


def merge(reports: list[Report], ancestors: dict[str, set[str]]) -> list[MergedIncident]:
    """Group reports into incidents. Deterministic: the same reports give the same groups.

    First reports whose dates overlap are joined; only then are groups a day or so apart
    joined, so a document that tells two incidents a day apart keeps them apart whatever
    order the reports come in.
    """
    def precision(r: Report):
        if not r.dated:
            return (1, 0, r.published or date.max, r.iri)
        s, e = r.interval()
        return (0, (e - s).days, r.published or date.max, r.iri)

    exact = _greedy([[r] for r in sorted(reports, key=precision)], ancestors, 0)
    dated = [g for g in exact if _dated(g)]
    undated = [g for g in exact if not _dated(g)]
    near = _greedy(dated, ancestors, rules()["date_tolerance_days"])
    final = _greedy(near + undated, ancestors, 0) if undated else near
    return [_summarize(c) for c in final]


def _summarize(cluster: list[Report]) -> MergedIncident:
    founder = min(cluster, key=lambda r: (r.published or date.max, r.iri))
    conflicts = []
    types: dict[str, list[str]] = {}
    for r in cluster:
        types.setdefault(r.type, []).append(r.iri)
    specificity = rules()["type_specificity"]
    # the majority type; ties go to the more specific type
    kind = max(types, key=lambda t: (len(types[t]), specificity.index(t) if t in specificity else -1))
    if len(types) > 1:
        conflicts.append(Conflict("type", types))
    dated = [r for r in cluster if r.dated]
    start = end = None
    if dated:
        dates: dict[str, list[str]] = {}
        for r in dated:
            s, e = r.interval()
            dates.setdefault(s.isoformat() if s == e else f"{s.isoformat()}/{e.isoformat()}", []).append(r.iri)
        lo = max(r.interval()[0] for r in dated)
        hi = min(r.interval()[1] for r in dated)
        if lo <= hi:
            start, end = lo, hi  # the sources agree: the tightest interval all allow
        else:
            start = min(r.interval()[0] for r in dated)
            end = max(r.interval()[1] for r in dated)
            conflicts.append(Conflict("date", dates))
    perps: dict[str, list[str]] = {}
    for r in cluster:
        key = ", ".join(sorted(r.perpetrators)) or "none named"
        perps.setdefault(key, []).append(r.iri)
    if len([k for k in perps if k != "none named"]) > 1:
        conflicts.append(Conflict("perpetrator", perps))
    tolls: dict[str, list[str]] = {}
    for r in cluster:
        if r.deaths is not None:
            tolls.setdefault(str(r.deaths), []).append(r.iri)
    if len(tolls) > 1:
        conflicts.append(Conflict("deaths", tolls))
    targets = set().union(*(r.targets for r in cluster))
    locations = sorted({r.location for r in cluster if r.location})
    return MergedIncident(
        iri_seed=founder.iri, reports=sorted(cluster, key=lambda r: (r.published or date.max, r.iri)),
        type=kind, start=start, end=end, targets=targets,
        perpetrators=set().union(*(r.perpetrators for r in cluster)),
        location=locations[0] if locations else None, conflicts=conflicts,
        deaths=max((int(v) for v in tolls), default=None))
