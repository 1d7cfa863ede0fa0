"""Scripts that regenerate the gazetteers in ``ingest/data`` from packages not needed at run time."""
from __future__ import annotations

from pathlib import Path


def write_tsv(out: Path, header: str, rows: set[tuple], what: str) -> None:
    """The rows, sorted, one tab-separated line each, under the ``#`` header lines."""
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(header)
        for row in sorted(rows):
            fh.write("\t".join(str(x) for x in row) + "\n")
    print(f"{len(rows)} {what} -> {out}")
