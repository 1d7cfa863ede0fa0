"""Regenerate ``ingest/data/regions.tsv``, the regions gazetteer (states, provinces, regions,
districts, governorates...), from ISO 3166-2 as packaged by ``pycountry`` (LGPL-2.1; the data is
Debian's iso-codes, LGPL-2.1). Not needed at run time:

    pip install pycountry==26.2.16 && python -m ingest.data.tools.make_regions

Each row: the region's name, its country (as ``ingest/data/countries.json`` names it) and its kind.
Names with a comma or a bracket (a second language's form, 'Bruxelles-Capitale, Région de') and
names that are ordinary English words ('Central', 'Northern') are left out: they read as words.
"""
from __future__ import annotations

from pathlib import Path

from ingest.data.tools import write_tsv
from ingest.lexicon import countries

OUT = Path(__file__).resolve().parent.parent / "regions.tsv"
HEADER = ("# Regions (ISO 3166-2 subdivisions): name, country, kind.\n"
          "# Source: Debian iso-codes (LGPL-2.1) as packaged by pycountry 26.2.16.\n"
          "# Made by ingest/data/tools/make_regions.py; do not edit by hand.\n")
WORDS = {"central", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "capital",
         "centre", "center", "coast", "coastal", "islands", "lakes", "upper", "lower", "middle", "north east",
         "north west", "south east", "south west", "northeast", "northwest", "southeast", "southwest", "interior",
         "federal district", "capital district", "capital territory", "mountain", "plateau", "river", "lake",
         "valley", "delta", "border", "frontier", "sea", "ocean", "city", "port", "national capital"}


def main() -> None:
    import pycountry

    known = countries()
    rows = set()
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        name = " ".join(sub.name.split())
        home = known.country(getattr(country, "common_name", None) or country.name) or known.country(country.name)
        if not home or not name or any(c in name for c in ",()[]\t") or name.lower() in WORDS or len(name) < 3:
            continue
        rows.add((name, home, sub.type))
    write_tsv(OUT, HEADER, rows, "regions")


if __name__ == "__main__":
    main()
