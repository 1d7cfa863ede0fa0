"""Peak memory and time of the merged rebuild on a large archive: the step that follows every
ingest and reads the whole store, so it, not the extraction, sets the memory of a
100,000-document ingest (the extraction workers are stopped before it, see
``PoolExtractor(one_shot=True)``).

    .venv/bin/python -m benchmarks.bench_rebuild [--quick] [--long] [--docs N]

The synthetic document graphs of N documents (``benchmarks.stores.nquads``) are bulk-loaded
into a fresh folder; then, each in a fresh interpreter whose resident memory (with its
children) is sampled every 0.2 s:

- a first build: the merged graph written whole, as after the first ingest of an archive;
- a rebuild of the unchanged store: the merged graph read back and compared, as after an
  ingest that stored nothing new.

``benchmarks.run --baseline REV --baseline-only rebuild`` runs it a second time with the
merged-graph code as at REV, for before/after figures from the same run. Sizes: 2,000
documents with --quick, 25,000 by default, 112,000 with --long.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from .bench_ingest import run_measured
from .common import Figure, save, show

REBUILD = """
import json, time
from graph.store import open_store
from graph import merged
with open_store({store!r}) as store:
    t0 = time.perf_counter()
    view = merged.rebuild(store)
    seconds = time.perf_counter() - t0
    quads = store.count_quads()
print(json.dumps({{"seconds": seconds, "incidents": len(view.incidents), "quads": quads}}))
"""


def _load(nq: Path, folder: Path) -> None:
    import pyoxigraph as ox

    store = ox.Store(str(folder))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store


def _side(folder: Path, docs: int, timeout: float) -> list[Figure]:
    figs = []
    for step in ("first build", "rebuild, nothing changed"):
        answer, peak = run_measured(REBUILD.format(store=str(folder)), timeout)
        if answer is None:
            figs.append(Figure("rebuild", f"merged {step} @ {docs:,} docs failed", "-"))
            continue
        note = f"{answer['seconds']:.0f} s; {answer['incidents']:,} merged incidents; {answer['quads']:,} quads in the store"
        figs.append(Figure("rebuild", f"merged {step} @ {docs:,} docs: peak RSS", round(peak), "MB",
                           target="< 1,500 MB", met=peak < 1500, note=note))
    return figs


def run(quick: bool = False, long: bool = False, docs: int | None = None) -> list[Figure]:
    from .stores import nquads

    n = docs or (2_000 if quick else 112_000 if long else 25_000)
    nq, _ = nquads(n)
    with tempfile.TemporaryDirectory(prefix="ig-bench-rebuild-") as tmp:
        folder = Path(tmp) / "store"
        _load(nq, folder)
        return _side(folder, n, timeout=4 * 3600)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true")
    p.add_argument("--long", action="store_true")
    p.add_argument("--docs", type=int)
    a = p.parse_args()
    figs = run(a.quick, a.long, a.docs)
    show(figs)
    save(figs, "rebuild")


if __name__ == "__main__":
    main()
