"""Entity resolution across documents: one canonical entity per real actor, facility or place.

Entity IRIs already fold names (``graph.iris``), so "the Kazakh Foreign Ministry" in two
articles is one node. This module joins the nodes that name each other: an alias or acronym
of one that is the name of another, of the same kind and a compatible type. A curated alias
file wins over the automatic decision, both ways.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .iris import normalize_name


@dataclass(slots=True)
class EntityRecord:
    iri: str
    kind: str
    type: Optional[str]
    names: set[str] = field(default_factory=set)  # label and aliases
    documents: int = 0
    label: str = ""  # the name the entity is shown by
    docs: set[str] = field(default_factory=set)  # document IRIs
    types: dict[str, int] = field(default_factory=dict)  # type code -> documents giving it
    links: dict[str, set[str]] = field(default_factory=dict)  # located_in / operator -> entity IRIs


@dataclass
class Curation:
    """Equivalences and non-equivalences decided by a person, by IRI."""

    same: list[tuple[str, str]] = field(default_factory=list)
    different: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Optional[Path]) -> "Curation":
        """Read a JSON file ``{"same": [[iri, iri], …], "different": [[iri, iri], …]}``."""
        if not path or not Path(path).exists():
            return cls()
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls([tuple(p) for p in data.get("same", [])], [tuple(p) for p in data.get("different", [])])


class _Groups:
    """Union-find with cannot-link constraints between groups."""

    def __init__(self, items: Iterable[str]):
        self.parent = {i: i for i in items}
        self.apart: dict[str, set[str]] = {}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def keep_apart(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        self.apart.setdefault(ra, set()).add(rb)
        self.apart.setdefault(rb, set()).add(ra)

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if rb in {self.find(x) for x in self.apart.get(ra, ())}:
            return False
        self.parent[rb] = ra
        self.apart.setdefault(ra, set()).update(self.apart.pop(rb, set()))
        return True


GENERIC_TYPES = {None, "", "organisation", "facility", "place"}


def compatible_types(a: Optional[str], b: Optional[str]) -> bool:
    return a == b or a in GENERIC_TYPES or b in GENERIC_TYPES


def resolve(records: list[EntityRecord], curation: Curation = Curation()) -> dict[str, str]:
    """Map every entity IRI to its canonical IRI (itself when it stands alone)."""
    by_iri = {r.iri: r for r in records}
    groups = _Groups(by_iri)
    for a, b in curation.different:
        if a in by_iri and b in by_iri:
            groups.keep_apart(a, b)
    for a, b in curation.same:
        if a in by_iri and b in by_iri:
            groups.union(a, b)
    index: dict[tuple[str, str], list[str]] = {}
    for r in sorted(records, key=lambda r: r.iri):
        for name in r.names:
            key = normalize_name(name)
            if len(key) >= 2:
                index.setdefault((r.kind, key), []).append(r.iri)
    for (_kind, _key), iris in sorted(index.items()):
        first = by_iri[iris[0]]
        for other in iris[1:]:
            if compatible_types(first.type, by_iri[other].type):
                groups.union(first.iri, other)
    members: dict[str, list[str]] = {}
    for iri in by_iri:
        members.setdefault(groups.find(iri), []).append(iri)
    canonical: dict[str, str] = {}
    for group in members.values():
        # the most documented member names the group; then the longer name, then the IRI
        best = min(group, key=lambda i: (-by_iri[i].documents, -max((len(n) for n in by_iri[i].names), default=0), i))
        for iri in group:
            canonical[iri] = best
    return canonical
