"""Load on the served site while documents are ingested: requests/s and p95 latency (prints, never asserts).

    .venv/bin/python benchmarks/bench_load.py [--seconds 60] [--clients 20] [--documents 120]

Twenty threads (``urllib``) run the example queries through /sparql, the consistency query, and
browse the timeline, entity pages and network frames, on 127.0.0.1 only, until the time is up;
meanwhile an ingest thread in the same process commits new documents into the app's store.
Shares its code with tests/hostile/test_load.py (tests/hostile/load.py).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile.load import measure  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--documents", type=int, default=120, help="new documents ingested during the run")
    a = ap.parse_args()
    r = measure(a.seconds, a.clients, a.documents)
    print(f"clients: {r['clients']}, seconds: {r['seconds']:.0f}, requests: {r['requests']}, "
          f"connection errors: {len(r['errors'])}")
    print(f"requests/s: {r['requests_per_s']}")
    print(f"p95 latency: {r['p95_ms']} ms, median: {r['median_ms']} ms")
    print(f"statuses: {r['statuses']}")
    print(f"documents ingested meanwhile: {r['stored']}, seen whole by readers: {r['seen_documents']}, "
          f"inconsistent reads: {len(r['inconsistent'])}")
    for status, sample in r["samples"].items():
        print(f"  e.g. {status}: {sample[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
