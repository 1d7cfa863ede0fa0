"""Child process of bench_store: load N-Quads into an rdflib Dataset, then run example queries.

    python -m benchmarks.rdflib_child FILE.nq REPS NAME [NAME ...]

Prints one JSON line per event: {"loaded": s, "triples": n}, {"start": name},
{"done": name, "times": [...]}. The parent kills it when a query runs past its limit
(rdflib cannot be cancelled) and starts a new child for the remaining queries.
"""
from __future__ import annotations

import json
import os
import select
import signal
import sys
import time


def main() -> None:
    path, reps, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    from rdflib import Dataset

    from graph.examples import load_examples
    from graph.store import bind_values

    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(path, format="nquads")
    print(json.dumps({"loaded": time.perf_counter() - t0, "triples": len(ds)}), flush=True)
    list(ds.query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"))  # rdflib builds its SPARQL parser once, here
    examples = {e.name: e for e in load_examples()}
    limit = float(os.environ.get("IG_RDFLIB_LIMIT_S", "0"))
    for name in names:
        query, bindings = examples[name].bind({})
        text = bind_values(query, bindings)
        print(json.dumps({"start": name}), flush=True)
        if not limit:
            print(json.dumps({"done": name, **_measure(ds, text, reps)}), flush=True)
            continue
        # each query in a forked process (the dataset is loaded once, shared copy-on-write),
        # killed at the limit: rdflib cannot be cancelled
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            os.write(w, json.dumps(_measure(ds, text, reps)).encode())
            os._exit(0)
        os.close(w)
        ready, _, _ = select.select([r], [], [], limit * reps)
        if ready:
            chunks = []
            while True:
                part = os.read(r, 65536)
                if not part:
                    break
                chunks.append(part)
            os.waitpid(pid, 0)
            print(json.dumps({"done": name, **json.loads(b"".join(chunks))}), flush=True)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            print(json.dumps({"timeout": name, "limit": limit}), flush=True)
        os.close(r)


def _measure(ds, text: str, reps: int) -> dict:
    times, rows = [], []
    for _ in range(reps):
        t0 = time.perf_counter()
        rows = list(ds.query(text))
        times.append(time.perf_counter() - t0)
    return {"times": times, "rows": len(rows)}


if __name__ == "__main__":
    main()
