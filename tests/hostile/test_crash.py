"""SIGKILL the real ``incidentgraph ingest`` after 1 and 3 commits, at a random moment, and
right after its last document (during the merged-view rebuild). Each time the store must open,
conform to the SHACL shapes and hold whole documents only; the same command then finishes the
rest, skips what is stored and rebuilds the merged view.

The child runs the real CLI with one observation hook: it prints a line after each commit, so
the test knows when to kill without opening the store (one process at a time may)."""
from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest

from graph import merged
from graph.store import open_store
from graph.validate import validate

from .cli import run
from .wholeness import articles, check_whole

N = 10
HOOK = r"""
import sys
from graph.store import Store
from graph.embedded import EmbeddedStore
def hooked(replace):
    def replace_graph(self, graph, triples):
        replace(self, graph, triples)
        print("committed", graph, flush=True)
    return replace_graph
for cls in {Store, EmbeddedStore}:
    if "replace_graph" in vars(cls):
        cls.replace_graph = hooked(vars(cls)["replace_graph"])
from incidentgraph.cli import main
sys.exit(main(sys.argv[1:]))
"""


def killed_run(folder, store, rng, *, after_docs=None, seconds=None, at_once=False) -> tuple[int, int]:
    """Start an ingest and SIGKILL it after ``after_docs`` document commits or ``seconds``;
    (documents it committed, its exit status)."""
    proc = subprocess.Popen([sys.executable, "-c", HOOK, "ingest", str(folder), "--store", str(store), "--quiet",
                             "--batch-size", "1"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    committed = 0
    try:
        if seconds is not None:
            time.sleep(seconds)
        else:
            for line in proc.stdout:
                committed += "/graph/doc/" in line
                if committed >= after_docs:
                    time.sleep(0 if at_once else rng.uniform(0, 0.05))  # in the next document's work
                    break
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(30)
        # Commits printed before the kill landed but were not read yet (all of them after a
        # timed kill, which may also come after a fast machine has finished): count them too.
        committed += proc.stdout.read().count("/graph/doc/")
        proc.stdout.close()
    return committed, proc.returncode


def snapshot(store_path) -> tuple[dict[str, int], bool]:
    store = open_store(str(store_path))
    try:
        counts = check_whole(store)
        conforms, report = validate(store)
        assert conforms, report
        return counts, merged.is_stale(store)
    finally:
        store.close()


@pytest.mark.slow
def test_sigkill_at_any_point_leaves_whole_documents_and_a_rerun_finishes(tmp_path):
    rng = random.Random(8)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in articles(N).items():
        (folder / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"

    snapshots, stored = [], 0
    for plan in ({"after_docs": 1}, {"after_docs": 3}, {"seconds": rng.uniform(2.5, 5.0)},
                 {"after_docs": N}):  # the last: killed while the merged view is rebuilt
        if "after_docs" in plan and plan["after_docs"] == N:
            plan = {"after_docs": N - stored, "at_once": True}
        committed, status = killed_run(folder, store, rng, **plan)
        assert status == -signal.SIGKILL or (status == 0 and stored + committed == N)
        counts, stale = snapshot(store)
        assert len(counts) >= stored + committed  # a kill never undoes a commit
        stored = len(counts)
        snapshots.append(counts)
        print(f"killed {plan}: {committed} committed this run, {stored} stored, merged view stale: {stale}")
    assert snapshots[0] and len(snapshots[0]) < N, "the first kill should land mid-batch"

    proc = run("ingest", str(folder), "--store", str(store), "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert f"documents stored: {N - stored}, already stored: {stored}, failed: 0" in proc.stderr
    final, stale = snapshot(store)
    assert len(final) == N and not stale
    for counts in snapshots:  # what a kill left behind is exactly what a whole run stores
        assert {g: final[g] for g in counts} == counts
