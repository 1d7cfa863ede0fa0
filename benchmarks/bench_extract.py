"""Throughput of Extractor.extract_many against bare nlp.pipe of the same model (prints, never asserts).

    .venv/bin/python benchmarks/bench_extract.py [--words 50000] [--batch 16]

Both sides run the model as loaded (all components); the extractor adds its rule components,
resolution, incidents and claims, and runs the model's attribute rules compiled (ingest/attrs.py: the
same token attributes, faster). The ratio is extractor words/s over bare words/s; the cpu ratio is
the same in CPU seconds of this process, which a busy machine disturbs much less. A third side, the
bare model with the compiled attribute rules, shows what the rule components alone cost.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from ingest.attrs import compile_in_place
from ingest.extract import Extractor
from ingest.pipeline import load_model
from ingest.read import read_path

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"


def corpus(words: int) -> list:
    docs = [read_path(p) for p in sorted(DEV.glob("*.txt"))]
    out, n = [], 0
    while n < words:
        for d in docs:
            out.append(d)
            n += len(d.text[d.body_start:].split())
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds; the best time of each side counts")
    a = ap.parse_args()
    docs = corpus(a.words)
    texts = [d.text[d.body_start:] for d in docs]
    words = sum(len(t.split()) for t in texts)
    bare = load_model()
    compiled = load_model()
    compile_in_place(compiled)
    ex = Extractor()
    list(bare.pipe(texts[:9])), list(compiled.pipe(texts[:9])), list(ex.extract_many(docs[:9]))  # warm up
    bares, exs, cpu, cpu_rules = [], [], [], []
    for _ in range(a.rounds):  # alternate, so a busy machine slows both sides alike
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in bare.pipe(texts, batch_size=a.batch):
            pass
        bares.append(time.perf_counter() - t0)
        c_bare = time.process_time() - c0
        c0 = time.process_time()
        for _ in compiled.pipe(texts, batch_size=a.batch):
            pass
        c_compiled = time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in ex.extract_many(docs, batch_size=a.batch):
            pass
        exs.append(time.perf_counter() - t0)
        c_ex = time.process_time() - c0
        cpu.append(c_bare / c_ex)
        cpu_rules.append(c_compiled / c_ex)
    t_bare, t_ex = min(bares), min(exs)
    # each round's own ratio, side by side in time: their spread shows how much the machine's noise moves it
    rounds = sorted(b / e for b, e in zip(bares, exs))
    print(f"texts={len(texts)} words={words} model={bare.meta.get('name')} pipes={bare.pipe_names}")
    print(f"bare nlp.pipe:          {words / t_bare:10.0f} words/s ({t_bare:.2f} s)")
    print(f"Extractor.extract_many: {words / t_ex:10.0f} words/s ({t_ex:.2f} s)")
    print(f"per-round ratios: {' '.join(f'{r:.2f}' for r in rounds)} (median {statistics.median(rounds):.2f})")
    print(f"ratio: {t_bare / t_ex:.2f}x bare")
    # the same ratio in CPU seconds of this process: what another process on the machine takes does not count
    print(f"cpu ratio: {statistics.median(cpu):.2f}x bare (median of rounds; {' '.join(f'{r:.2f}' for r in sorted(cpu))})")
    # against the bare model with the same compiled attribute rules: the cost of the rule components alone
    print(f"cpu ratio, rule components alone: {statistics.median(cpu_rules):.2f}x bare with compiled attribute rules "
          f"(median of rounds; {' '.join(f'{r:.2f}' for r in sorted(cpu_rules))})")


if __name__ == "__main__":
    main()
