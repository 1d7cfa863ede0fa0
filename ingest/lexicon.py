"""Load the data files under ``ingest/data`` once and index them for fast lookup."""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def load(name: str) -> dict | list:
    """One JSON data file by base name."""
    with open(DATA / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accents dropped, typographic apostrophes made plain: the key for lookups."""
    if text.isascii():
        return text.lower().strip()  # (the same key, without the normalization's cost)
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("\u2019", "'").lower().strip()


@dataclass
class Countries:
    """Countries with their other names, demonyms and capitals, keyed by folded text."""

    by_name: dict[str, str] = field(default_factory=dict)
    by_demonym: dict[str, str] = field(default_factory=dict)
    by_capital: dict[str, str] = field(default_factory=dict)

    def country(self, text: str) -> str | None:
        t = fold(text)
        if t.startswith("the "):
            t = t[4:]
        return self.by_name.get(t)


@lru_cache(maxsize=None)
def countries() -> Countries:
    c = Countries()
    for row in load("countries"):
        for n in [row["name"], *row["aliases"]]:
            key = fold(n)
            c.by_name[key[4:] if key.startswith("the ") else key] = row["name"]
        for d in row["demonyms"]:
            c.by_demonym.setdefault(fold(d), row["name"])
        for cap in row["capitals"]:
            if fold(cap) not in c.by_name:
                c.by_capital[fold(cap)] = row["name"]
    return c


@lru_cache(maxsize=None)
def towns() -> dict[str, tuple[tuple[str, int], ...]]:
    """The towns gazetteer (``cities.tsv``, from GeoNames) by folded name: ((country, population), ...)."""
    out: dict[str, list[tuple[str, int]]] = {}
    with open(DATA / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            name, country, population = line.rstrip("\n").split("\t")
            out.setdefault(fold(name), []).append((country, int(population)))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def regions() -> dict[str, tuple[str, ...]]:
    """The regions gazetteer (``regions.tsv``, ISO 3166-2: states, provinces, districts) by folded name:
    the countries that have a region of that name."""
    out: dict[str, list[str]] = {}
    with open(DATA / "regions.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            name, country, _kind = line.rstrip("\n").split("\t")
            out.setdefault(fold(name), []).append(country)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def facilities() -> dict:
    return load("facilities")


@lru_cache(maxsize=None)
def incidents() -> dict:
    return load("incidents")


@lru_cache(maxsize=None)
def actors() -> dict:
    return load("actors")


@lru_cache(maxsize=None)
def cues() -> dict:
    return load("cues")


@lru_cache(maxsize=None)
def honorifics() -> frozenset:
    """Titles before a person's name, lower case and without a full stop ('mr', 'eng')."""
    return frozenset(actors()["honorifics"])


def is_place_name(text: str, least: int = 0) -> bool:
    """A country's, a region's or a town's name in the gazetteers ('Tuapse', 'Kano', 'Lower Saxony'); with
    ``least``, only a town of that many people or more."""
    key = fold(text)
    return bool(key) and (countries().country(text) is not None or key in regions()
                          or any(population >= least for _, population in towns().get(key, ())))
