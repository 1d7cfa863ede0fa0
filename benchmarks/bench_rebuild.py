"""Peak memory and time of the merged rebuild on a large archive: the step that follows every
ingest and reads the whole store, so it, not the extraction, sets the memory of a
100,000-document ingest (the extraction workers are stopped before it, see
``PoolExtractor(one_shot=True)``).

    .venv/bin/python -m benchmarks.bench_rebuild [--quick] [--long] [--docs N] [--baseline-tree DIR]

The synthetic document graphs of N documents (``benchmarks.stores.nquads``) are bulk-loaded
into a fresh folder; then, each in a fresh interpreter whose resident memory (with its
children) is sampled every 0.2 s:

- a first build: the merged graph written whole, as after the first ingest of an archive;
- a rebuild of the unchanged store: the merged graph read back and compared, as after an
  ingest that stored nothing new.

``--baseline-tree DIR`` (a copy of the project at another revision, e.g. from
``git worktree add DIR REV``) runs both with that tree's code on a copy of the same store,
for before/after figures measured in the same run.
"""
from __future__ import annotations

import argparse
import shutil
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


def _side(folder: Path, docs: int, label: str, tree: Path | None, timeout: float) -> list[Figure]:
    figs = []
    for step in ("first build", "rebuild, nothing changed"):
        answer, peak = run_measured(REBUILD.format(store=str(folder)), timeout, tree)
        if answer is None:
            figs.append(Figure("rebuild", f"{label}: {step} @ {docs:,} docs failed", "-"))
            continue
        note = f"{answer['seconds']:.0f} s; {answer['incidents']:,} merged incidents; {answer['quads']:,} quads in the store"
        figs.append(Figure("rebuild", f"{label}: {step} @ {docs:,} docs, peak RSS", round(peak), "MB",
                           target="< 1,500 MB", met=peak < 1500, note=note))
    return figs


def run(quick: bool = False, long: bool = False, docs: int | None = None, baseline: Path | None = None) -> list[Figure]:
    from .stores import nquads

    n = docs or (2_000 if quick else 112_000 if long else 25_000)
    nq, _ = nquads(n)
    figs: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="ig-bench-rebuild-") as tmp:
        sides = [("after", None)] + ([("before", baseline)] if baseline else [])
        for label, tree in sides:
            folder = Path(tmp) / label
            _load(nq, folder)
            figs += _side(folder, n, label, tree, timeout=4 * 3600)
            shutil.rmtree(folder, ignore_errors=True)
    return figs


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true")
    p.add_argument("--long", action="store_true")
    p.add_argument("--docs", type=int)
    p.add_argument("--baseline-tree", type=Path)
    a = p.parse_args()
    figs = run(a.quick, a.long, a.docs, a.baseline_tree)
    show(figs)
    save(figs, "rebuild")


if __name__ == "__main__":
    main()
