"""Ingest throughput end to end (files on disk -> committed embedded store) against bare
``nlp.pipe`` of the same model on the same texts, with 1 and 2 processes, and peak memory.

    .venv/bin/python -m benchmarks.bench_ingest [--quick] [--long [--long-docs N]] [--docs N] [--rounds R]
                                                [--baseline-tree DIR]

Each side runs in its own fresh interpreter (model loaded before the clock starts, so
both sides time the steady state); the parent samples the resident memory of the child and
all its descendants (psutil, every 0.2 s) for the peak. Words are whitespace-separated words
of the article bodies (what spaCy sees), the same count for both sides. Alternating rounds
are run when asked (--rounds); the best time of each side counts. ``--baseline-tree DIR`` (a
copy of the project at another revision, e.g. from ``git worktree add DIR REV``) runs the
ingest side a third time in every round with that tree's code, and adds its throughput and its
ratio to bare ``nlp.pipe`` measured in the same rounds.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from .common import PYTHON, ROOT, Figure, save, show

BARE = """
import json, sys, time
from pathlib import Path
from ingest.pipeline import load_model
from ingest.read import read_path
files = sorted(Path({folder!r}).glob('*.txt'))
texts = [d.text[d.body_start:] for d in (read_path(p) for p in files)]
nlp = load_model()
list(nlp.pipe(texts[:4]))
t0 = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=16, n_process={n}):
    pass
print(json.dumps({{"seconds": time.perf_counter() - t0}}))
"""

INGEST = """
import json, sys, time
from graph.store import open_store
from ingest.batch import PoolExtractor, ingest_paths
from ingest.extract import Extractor
from ingest.read import read_path
n = {n}
extractor = PoolExtractor(n, one_shot=True) if n > 1 else Extractor()  # as `incidentgraph ingest --workers n`
if n > 1:
    extractor.warm()
else:
    extractor.extract(read_path(sorted(__import__('pathlib').Path({folder!r}).glob('*.txt'))[0]))
with open_store({store!r}) as store:
    t0 = time.perf_counter()
    s = ingest_paths(store, [{folder!r}], extractor)
    total = time.perf_counter() - t0
    t1 = time.perf_counter()
    from graph import merged
    merged.rebuild(store)
    rebuild = time.perf_counter() - t1
if n > 1:
    extractor.close()
print(json.dumps({{"seconds": total, "rebuild": rebuild, "stored": s.stored, "failures": len(s.failures),
                  "incidents": s.incidents}}))
"""


def write_corpus(n: int, folder: Path) -> int:
    """n synthetic articles as files; returns the words of their bodies."""
    from ingest.read import read_path

    from .synthetic import articles

    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for name, text in articles(n):
        p = folder / name
        p.write_text(text, encoding="utf-8")
        d = read_path(p)
        words += len(d.text[d.body_start:].split())
    return words


def run_measured(code: str, timeout: float, tree: Path | None = None) -> tuple[dict | None, float]:
    """Run code in a child (with the code of ``tree``, default this one); returns (its JSON
    answer, peak RSS in MB of the child tree)."""
    import os

    import psutil

    env = dict(os.environ, PYTHONPATH=str(tree)) if tree else None
    proc = subprocess.Popen([PYTHON, "-c", code], cwd=tree or ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    peak = [0.0]
    stop = threading.Event()

    def sample():
        try:
            root = psutil.Process(proc.pid)
        except psutil.Error:
            return
        while not stop.is_set():
            try:
                procs = [root] + root.children(recursive=True)
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                peak[0] = max(peak[0], total / 2**20)
            except psutil.Error:
                break
            stop.wait(0.2)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    stop.set()
    t.join()
    if proc.returncode != 0:
        print(err[-3000:])
        return None, peak[0]
    return json.loads([l for l in out.splitlines() if l.strip()][-1]), peak[0]


def run(quick: bool = False, long: bool = False, docs: int | None = None, rounds: int = 1,
        baseline: Path | None = None, long_docs: int = 10_000) -> list[Figure]:
    n = docs or (150 if quick else 1000)
    figs: list[Figure] = []
    tmp = Path(tempfile.mkdtemp(prefix="ig-bench-ingest-"))
    try:
        folder = tmp / "corpus"
        words = write_corpus(n, folder)
        figs.append(Figure("ingest", f"corpus: synthetic articles", n, "docs", note=f"{words:,} body words"))
        best: dict[str, float] = {}
        peaks: dict[str, float] = {}
        extra: dict[str, dict] = {}
        timeout = 60 + words / 500
        for _ in range(rounds):  # alternate sides, so a busy machine slows both alike
            for procs in (1, 2):
                r, peak = run_measured(BARE.format(folder=str(folder), n=procs), timeout)
                if r:
                    key = f"bare{procs}"
                    best[key] = min(best.get(key, 1e18), r["seconds"])
                    peaks[key] = max(peaks.get(key, 0), peak)
                store = tmp / f"store-{procs}"
                shutil.rmtree(store, ignore_errors=True)
                r, peak = run_measured(INGEST.format(folder=str(folder), n=procs, store=str(store)), timeout)
                if r:
                    key = f"ingest{procs}"
                    if r["seconds"] < best.get(key, 1e18):
                        best[key], extra[key] = r["seconds"], r
                    peaks[key] = max(peaks.get(key, 0), peak)
                if baseline:
                    shutil.rmtree(store, ignore_errors=True)
                    r, _ = run_measured(INGEST.format(folder=str(folder), n=procs, store=str(store)), timeout, baseline)
                    if r:
                        best[f"base{procs}"] = min(best.get(f"base{procs}", 1e18), r["seconds"])
        for procs in (1, 2):
            b, i = best.get(f"bare{procs}"), best.get(f"ingest{procs}")
            label = "1 process" if procs == 1 else "2 processes"
            if b:
                figs.append(Figure("ingest", f"bare nlp.pipe, {label}", round(words / b), "words/s",
                                   note=f"{n / b:.1f} docs/s, peak {peaks[f'bare{procs}']:.0f} MB"))
            if i:
                e = extra[f"ingest{procs}"]
                how = "1 process" if procs == 1 else f"--workers {procs}"
                figs.append(Figure("ingest", f"ingest_paths end to end, {how}", round(words / i), "words/s",
                                   ">= 8,000 words/s" if procs == 2 else "", (words / i >= 8000) if procs == 2 else None,
                                   note=f"{n / i:.1f} docs/s, {e['stored']} stored, merged rebuild "
                                        f"{e['rebuild']:.1f} s included once more after"))
                figs.append(Figure("ingest", f"peak RSS of the ingest process tree, {how}", round(peaks[f'ingest{procs}']),
                                   "MB", "< 1,500 MB", peaks[f"ingest{procs}"] < 1500))
            if b and i:
                figs.append(Figure("ingest", f"ingest / bare nlp.pipe throughput, {label}", round(b / i, 2), "x",
                                   ">= 0.9x", b / i >= 0.9))
            o = best.get(f"base{procs}")
            if b and o:
                figs.append(Figure("ingest", f"baseline tree: ingest / bare nlp.pipe throughput, {label}",
                                   round(b / o, 2), "x", note=f"{round(words / o):,} words/s, {baseline}"))
        if long:
            big = tmp / "corpus-long"
            w = write_corpus(long_docs, big)
            store = tmp / "store-long"
            r, peak = run_measured(INGEST.format(folder=str(big), n=2, store=str(store)), 60 + w / 300)
            if r:
                figs.append(Figure("ingest", f"ingest {long_docs:,} articles, --workers 2", round(w / r["seconds"]),
                                   "words/s", note=f"{r['seconds']:.0f} s, {r['stored']} stored, "
                                                   f"merged rebuild {r['rebuild']:.1f} s included once more after"))
            figs.append(Figure("ingest", f"peak RSS through a {long_docs:,}-article ingest, --workers 2", round(peak),
                               "MB", "< 1,500 MB", peak < 1500))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return figs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--long", action="store_true")
    ap.add_argument("--docs", type=int)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--long-docs", type=int, default=10_000, help="articles for the --long ingest (100,000: hours)")
    ap.add_argument("--baseline-tree", type=Path, help="also run the ingest side with this copy of the project")
    a = ap.parse_args()
    figs = run(a.quick, a.long, a.docs, a.rounds, a.baseline_tree.resolve() if a.baseline_tree else None, a.long_docs)
    show(figs)
    save(figs, "ingest")


if __name__ == "__main__":
    main()
