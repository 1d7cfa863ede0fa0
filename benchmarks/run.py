"""Run every benchmark and write docs/benchmarks.md.

    .venv/bin/python -m benchmarks.run [--quick] [--long] [--only store,graph,...]
                                       [--baseline REV] [--baseline-only store,graph,web]
                                       [--compare-tree DIR] [--ingest-docs N] [--ingest-rounds R]
                                       [--long-docs N]

Each benchmark runs in its own interpreter (``python -m benchmarks.bench_X``), so one
cannot hold another's store lock or memory; each saves its figures as JSON, which this
runner gathers into the table. Nothing in the document is typed in: machine, versions,
date and command come from this run.

--baseline REV measures the optimised modules as they were at git revision REV in the
same run, for a before/after column: the working tree is copied to a temporary folder and
only the files of OPTIMISED are put back to their REV version (``git show``, read-only on
the repository), so the other files (and other people's edits) are the same on both sides.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from .common import CACHE, PYTHON, ROOT, machine, versions

MODULES = ["store", "ab", "graph", "web", "remote", "ingest", "rebuild", "scaleout", "extract"]
OPTIMISED = ["graph/queries.py", "graph/merged.py", "graph/merge.py", "graph/network.py", "graph/rdf.py",
             "graph/store.py", "graph/embedded.py", "ingest/batch.py"]
# the example queries go with the summaries of the merged graph (graph/merged.py) they read;
# one that did not exist at REV stays as it is
EXAMPLE_QUERIES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "graph" / "data" / "queries").glob("*.rq"))
TARGETS = [
    ("ingest", "ingest throughput >= 0.9x bare nlp.pipe"),
    ("ingest", ">= 8,000 words/s on 2 cores"),
    ("ingest", "peak memory < 1.5 GB through a large ingest"),
    ("rebuild", "peak memory < 1.5 GB for the merged rebuild of a 100k-document archive"),
    ("sparql", "example queries p50 < 50 ms at 1M triples"),
    ("web", "timeline first page < 100 ms at 50k incidents"),
    ("web", "entity page with its network < 300 ms"),
]


def _run_module(name: str, quick: bool, long: bool, cwd: Path, tag: str, ingest_args: tuple = ()) -> list[dict]:
    results = CACHE / "results"
    results.mkdir(parents=True, exist_ok=True)
    if name == "extract":
        words = "8000" if quick else "50000"
        proc = subprocess.run([PYTHON, "benchmarks/bench_extract.py", "--words", words, "--rounds", "1" if quick else "5"],
                              cwd=cwd, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(cwd)})
        print(proc.stdout + proc.stderr[-2000:], flush=True)
        figs = []
        for line in proc.stdout.splitlines():
            if ":" in line and ("words/s" in line or line.startswith(("ratio", "per-round", "cpu ratio"))):
                key, value = line.split(":", 1)
                figs.append({"section": "extract", "name": f"bench_extract (dev texts): {key.strip()}",
                             "value": value.strip(), "unit": "", "target": "", "met": None, "note": ""})
        return figs
    args = [PYTHON, "-m", f"benchmarks.bench_{name}"] + (["--quick"] if quick else []) + \
           (["--long"] if long and name in ("store", "ingest", "rebuild") else []) + \
           (["--browser"] if name == "web" and not quick else []) + \
           (list(ingest_args) if name == "ingest" else [])
    out = results / f"{name}.json"
    out.unlink(missing_ok=True)
    t0 = time.perf_counter()
    proc = subprocess.run(args, cwd=cwd, text=True, env={**os.environ, "PYTHONPATH": str(cwd)})
    print(f"[{tag}] bench_{name}: exit {proc.returncode} in {time.perf_counter() - t0:.0f} s", flush=True)
    if not out.exists():
        return [{"section": name, "name": f"bench_{name} failed", "value": f"exit {proc.returncode}", "unit": "",
                 "target": "", "met": None, "note": ""}]
    return json.loads(out.read_text())


def _baseline_tree(rev: str) -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="ig-bench-baseline-"))
    ignore = shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.pyc", "node_modules", ".pytest_cache")
    shutil.copytree(ROOT, tmp / "tree", ignore=ignore, symlinks=True)
    for rel in OPTIMISED:
        text = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=ROOT, capture_output=True, check=True).stdout
        (tmp / "tree" / rel).write_bytes(text)
    for rel in EXAMPLE_QUERIES:
        shown = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=ROOT, capture_output=True)
        if shown.returncode == 0:
            (tmp / "tree" / rel).write_bytes(shown.stdout)
    return tmp / "tree"


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:,.2f}" if abs(v) < 10 else f"{v:,.1f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _ratio(before, after) -> str:
    if isinstance(before, (int, float)) and isinstance(after, (int, float)) and after:
        return f"{before / after:.2f}x"
    return ""


def _commit() -> str:
    """The measured tree's git commit, marked when it has uncommitted changes to tracked files."""
    try:
        sha = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return sha + (" with uncommitted changes" if dirty else "")


def write_doc(figs: list[dict], base: dict[str, dict] | None, args, started: datetime, seconds: float, rev,
              commit: str | None = None, runs: list[dict] | None = None) -> str:
    m, v = machine(), versions()
    if runs and len(runs) > 1:  # runs of different parts, one document
        head = [f"- runs ({len(runs)}, each measuring its own parts; their figures are merged below):"] + [
            f"  - `{' '.join(['.venv/bin/python', '-m', 'benchmarks.run'] + r['argv'])}`: {r['date']}"
            + (f", took {r['seconds'] / 60:.0f} min" if r.get("seconds") else "")
            + f", commit {r.get('commit') or 'not recorded'}" for r in runs]
    else:
        head = [f"- command: `{' '.join(['.venv/bin/python', '-m', 'benchmarks.run'] + sys.argv[1:])}`",
                f"- date: {started.strftime('%Y-%m-%d %H:%M UTC')}"
                + (f", run took {seconds / 60:.0f} min" if seconds else ""),
                f"- code: commit {commit or 'not recorded'}"]
    lines = ["# Benchmarks", "",
             "Generated by `benchmarks/run.py`; do not edit by hand (run it again instead).", ""] + head + [
             f"- mode: {'quick (small sizes)' if args.quick else 'full'}{' + long' if args.long else ''}",
             f"- machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory']} RAM, Linux {m['kernel']}; "
             f"shared with other test runs, so single figures are noisy: latencies are p50 (median) of "
             f"repeated runs, throughputs the best of alternated rounds",
             "- versions: " + ", ".join(f"{k} {val}" for k, val in v.items()),
             ] + ([] if runs is not None else [  # a rendered document cannot know the run's load
                 f"- load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}"])
    if base is not None:
        lines.append(f"- before/after: 'before' runs the same benchmark in the same run with "
                     f"{', '.join(OPTIMISED)} as at git revision `{rev}`; ratio = before / after "
                     f"(> 1 means faster now for times, slower for rates)")
    lines.append("")
    targets = [f for f in figs if f.get("target") and f.get("met") is not None]
    if targets:
        lines += ["## Targets", "", "| figure | value | target | met |", "| --- | --- | --- | --- |"]
        for f in targets:
            lines.append(f"| {f['section']}: {f['name']} | {_fmt(f['value'])} {f['unit']} | {f['target']} | "
                         f"{'yes' if f['met'] else '**no**'} |")
        lines.append("")
    sections: dict[str, list[dict]] = {}
    for f in figs:
        sections.setdefault(f["section"], []).append(f)
    for section, items in sections.items():
        lines += [f"## {section}", ""]
        if base is not None and any(f"{f['section']}|{f['name']}" in base for f in items):
            lines += ["| figure | before | after | unit | before/after | note |", "| --- | ---: | ---: | --- | ---: | --- |"]
            for f in items:
                b = base.get(f"{f['section']}|{f['name']}")
                bv = b["value"] if b else ""
                lines.append(f"| {f['name']} | {_fmt(bv)} | {_fmt(f['value'])} | {f['unit']} | "
                             f"{_ratio(bv, f['value']) if b else ''} | {f.get('note', '')} |")
        else:
            lines += ["| figure | value | unit | note |", "| --- | ---: | --- | --- |"]
            for f in items:
                lines.append(f"| {f['name']} | {_fmt(f['value'])} | {f['unit']} | {f.get('note', '')} |")
        lines.append("")
    return "\n".join(lines)


def _notes() -> str:
    notes = ROOT / "benchmarks" / "NOTES.md"
    return ("\n" + notes.read_text(encoding="utf-8").strip() + "\n") if notes.exists() else ""


def _included(paths: list[str]) -> str:
    """Sections for other saved runs (a quick run with --baseline, the A/B rounds …)."""
    out = ""
    for path in paths:
        if not Path(path).exists():
            continue
        other = json.loads(Path(path).read_text())
        sub = write_doc(other["figures"], other["baseline"],
                        argparse.Namespace(quick=other["quick"], long="--long" in other["argv"]),
                        datetime.strptime(other["date"], "%Y-%m-%d %H:%M UTC"), other.get("seconds"), other["rev"],
                        other.get("commit"), runs=[other])
        body = ("\n## " + sub.split("\n## ", 1)[1]) if "\n## " in sub else ""
        title = "Before / after the optimisations" if other["baseline"] is not None else "Further run"
        out += (f"\n## {title} (run: `.venv/bin/python -m benchmarks.run " + " ".join(other["argv"])
                + f"`, {other['date']}, {'quick' if other['quick'] else 'full'} sizes"
                + (" + long" if "--long" in other["argv"] else "")
                + f", commit {other.get('commit') or 'not recorded'})\n" + body.replace("\n## ", "\n### "))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, a few minutes")
    ap.add_argument("--long", action="store_true", help="also 10M triples and a 10,000-article ingest")
    ap.add_argument("--only", help=f"comma-separated subset of {','.join(MODULES)}")
    ap.add_argument("--baseline", metavar="REV", help="also measure the optimised files as at this git revision")
    ap.add_argument("--baseline-only", default="store,graph,web", help="modules to run for the baseline")
    ap.add_argument("--compare-tree", type=Path, metavar="DIR",
                    help="a copy of the project at another revision (git worktree add DIR REV): the ingest part "
                         "runs its ingest side with that code too, in the same alternating rounds")
    ap.add_argument("--ingest-docs", type=int, help="articles for the ingest part (default 1,000; 150 with --quick)")
    ap.add_argument("--ingest-rounds", type=int, default=1, help="alternating rounds of the ingest part")
    ap.add_argument("--long-docs", type=int, help="articles for the --long ingest (default 10,000; 100,000 takes hours)")
    ap.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    ap.add_argument("--save-run", help="also save this run's figures (JSON) here")
    ap.add_argument("--include-run", action="append", default=[],
                    help="a --save-run file of another run (e.g. a quick run with --baseline) to add as its own "
                         "section, if it exists when this run ends (repeatable)")
    ap.add_argument("--render", metavar="RUN.json", nargs="+",
                    help="run nothing: write the document from --save-run files (several: runs of different "
                         "parts, merged into one document) plus --include-run files")
    args = ap.parse_args()
    if args.render:
        runs = [json.loads(Path(r).read_text()) for r in args.render]
        main_run = runs[0]
        render_args = argparse.Namespace(quick=main_run["quick"], long=any("--long" in r["argv"] for r in runs))
        sys.argv[1:] = main_run["argv"]
        doc = write_doc([f for r in runs for f in r["figures"]], main_run["baseline"], render_args,
                        datetime.strptime(main_run["date"], "%Y-%m-%d %H:%M UTC").replace(tzinfo=timezone.utc),
                        main_run.get("seconds"), main_run["rev"], main_run.get("commit"), runs=runs)
        doc += _included(args.include_run) + _notes()
        Path(args.output).write_text(doc, encoding="utf-8")
        print(f"wrote {args.output} from {', '.join(args.render)}")
        return
    started = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    commit = _commit()
    chosen = [m for m in MODULES if not args.only or m in args.only.split(",")]
    base = None
    if args.baseline:
        tree = _baseline_tree(args.baseline)
        base = {}
        try:
            for name in [m for m in chosen if m in args.baseline_only.split(",")]:
                for f in _run_module(name, args.quick, args.long, tree, "before"):
                    base[f"{f['section']}|{f['name']}"] = f
        finally:
            shutil.rmtree(tree.parent, ignore_errors=True)
    ingest_args = (["--rounds", str(args.ingest_rounds)] + (["--docs", str(args.ingest_docs)] if args.ingest_docs else [])
                   + (["--long-docs", str(args.long_docs)] if args.long_docs else [])
                   + (["--baseline-tree", str(args.compare_tree.resolve())] if args.compare_tree else []))
    figs: list[dict] = []
    for name in chosen:
        figs += _run_module(name, args.quick, args.long, ROOT, "after" if base is not None else "run", tuple(ingest_args))
        if args.save_run:  # after each part, so a long run can be rendered (--render) before it ends
            Path(args.save_run).write_text(json.dumps({
                "figures": figs, "baseline": base, "rev": args.baseline, "argv": sys.argv[1:],
                "date": started.strftime("%Y-%m-%d %H:%M UTC"), "quick": args.quick,
                "seconds": time.perf_counter() - t0, "done": chosen[:chosen.index(name) + 1], "commit": commit},
                indent=1, default=str))
    doc = write_doc(figs, base, args, started, time.perf_counter() - t0, args.baseline, commit)
    saved = {"figures": figs, "baseline": base, "rev": args.baseline, "argv": sys.argv[1:], "commit": commit,
             "date": started.strftime("%Y-%m-%d %H:%M UTC"), "quick": args.quick,
             "seconds": time.perf_counter() - t0}
    if args.save_run:
        Path(args.save_run).write_text(json.dumps(saved, indent=1, default=str))
    doc += _included(args.include_run) + _notes()
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(doc, encoding="utf-8")
    (CACHE / "results").mkdir(parents=True, exist_ok=True)
    (CACHE / "results" / f"run-{started.strftime('%Y%m%dT%H%M%S')}.json").write_text(
        json.dumps({"figures": figs, "baseline": base}, indent=1, default=str))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
