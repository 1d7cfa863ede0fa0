"""Ingest a batch of files into a store: walk, read, extract, commit one document at a time.

Each document is committed on its own (one atomic graph replacement), so a failure or a
kill never loses what was stored before and never leaves half a document. A document whose
text is already stored is skipped, so running the same command again finishes the rest.
At the end the merged view (one incident per event across documents) is rebuilt.

The work overlaps, with bounded memory: the corpus is streamed (a file is read when the
extractor needs it), extraction runs ahead in batches while a committer thread turns the
previous extractions into triples and writes them (the store's write releases the GIL, so it
runs beside spaCy's model), and ``PoolExtractor`` keeps a few batches in flight in its
workers. At most a few batches of documents are in memory at any time, and documents are
still committed one at a time, in input order.
"""
from __future__ import annotations

import errno
import os
import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from graph import iris, merged
from graph.model import Document
from graph.rdf import document_triples
from graph.store import Store

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass
class Failure:
    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


@dataclass
class Summary:
    """What a batch did; printed at the end of ``incidentgraph ingest``."""

    stored: int = 0
    skipped: int = 0
    entities: int = 0
    incidents: int = 0
    claims: int = 0
    words: int = 0
    failures: list[Failure] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"documents stored: {self.stored}, already stored: {self.skipped}, failed: {len(self.failures)}",
               f"entities: {self.entities}, incidents: {self.incidents}, claims: {self.claims}"]
        if self.failures:
            out.append("failures:")
            out += [f"  {f}" for f in self.failures]
        return out


def walk(paths: Iterable[str | Path], failures: list[Failure]) -> Iterator[Path]:
    """Files to ingest, in a stable order. Folders are walked without following symlinks
    (no loops); a path that cannot be used is recorded as a failure, never raised."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False, onerror=lambda e: failures.append(
                    Failure(str(getattr(e, "filename", p)), f"cannot read folder: {e.strerror or e}"))):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    yield from _file(Path(root) / name, failures)
        elif p.exists() or p.is_symlink():
            yield from _file(p, failures)
        else:
            failures.append(Failure(str(p), "no such file or folder"))


def _file(p: Path, failures: list[Failure]) -> Iterator[Path]:
    try:
        if p.is_symlink():
            p.resolve(strict=True)  # raises on loops and dangling links
        if not p.is_file():
            failures.append(Failure(str(p), "not a regular file"))
            return
    except RuntimeError:  # Python < 3.13 raises this on a loop
        failures.append(Failure(str(p), "symlink loop (the link points back to itself)"))
        return
    except OSError as exc:
        problem = "symlink loop (the link points back to itself)" if exc.errno == errno.ELOOP else \
            f"broken symlink (its target is missing: {exc.strerror or exc})"
        failures.append(Failure(str(p), problem))
        return
    if p.suffix.lower() not in SUPPORTED:
        failures.append(Failure(str(p), f"unsupported extension {p.suffix or '(none)'!r}; "
                                        f"use one of {', '.join(SUPPORTED)}"))
        return
    yield p


class Progress:
    """A one-line progress display on a terminal; silent otherwise."""

    def __init__(self, stream=None, enabled: Optional[bool] = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.count = 0

    def step(self, label: str) -> None:
        self.count += 1
        if self.enabled:
            name = label if len(label) < 60 else "…" + label[-59:]
            self.stream.write(f"\r\033[K[{self.count}] {name}")
            self.stream.flush()

    def done(self) -> None:
        if self.enabled and self.count:
            self.stream.write("\r\033[K")
            self.stream.flush()


def read_documents(paths: Iterable[Path], failures: list[Failure], published=None,
                   reader: Optional[Callable] = None) -> Iterator[Document]:
    """Read each file; a file that cannot be read becomes a failure and the batch goes on."""
    from .errors import InputError
    from .read import read_path

    reader = reader or read_path
    for p in paths:
        try:
            yield reader(p, published)
        except InputError as exc:
            failures.append(Failure(str(p), getattr(exc, "problem", None) or str(exc)))
        except (OSError, UnicodeError, ValueError) as exc:
            failures.append(Failure(str(p), f"cannot read: {exc}"))


def extract_each(extractor, docs: Iterable[Document], failures: list[Failure],
                 batch_size: int = 16) -> Iterator:
    """Extractions in batches (``nlp.pipe`` throughput); when a batch fails, its documents are
    extracted one by one, so the one the extractor cannot handle becomes a failure and the
    batch goes on (a raising generator cannot be resumed).

    An extractor with ``extract_stream`` (``PoolExtractor``) pipelines the batches itself,
    with the same retry-one-by-one semantics."""
    stream = getattr(extractor, "extract_stream", None)
    if stream is not None:
        yield from stream(docs, failures, batch_size)
        return
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from _extract_batch(extractor, batch, failures)
            batch = []
    if batch:
        yield from _extract_batch(extractor, batch, failures)


def _extract_batch(extractor, batch: list[Document], failures: list[Failure]) -> Iterator:
    try:
        done = list(extractor.extract_many(batch, batch_size=len(batch)))
    except Exception:  # noqa: BLE001 - retried one by one below, to name the culprit
        done = None
    if done is not None:
        yield from done
        return
    yield from _extract_one_by_one(extractor, batch, failures)


def _extract_one_by_one(extractor, batch: list[Document], failures: list[Failure]) -> Iterator:
    for doc in batch:
        try:
            yield extractor.extract(doc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
            failures.append(Failure(doc.path or doc.id, f"extraction failed ({exc.__class__.__name__}: "
                                                        f"{str(exc)[:200]})"))


class PoolExtractor:
    """An extractor that runs ``Extractor`` in N worker processes (``incidentgraph ingest
    --workers N``).

    ``extract_stream`` (what ``ingest_documents`` uses) pipelines: consecutive batches of
    ``batch_size`` documents go to the workers as separate tasks, with at most ``window``
    tasks in flight (default two per worker), so the workers keep extracting while the parent
    builds triples and commits, and the parent never waits for a whole round. Results come
    back in input order, so the parent still commits one document at a time, in order. A
    batch that fails is extracted again one document at a time, so the document the
    extractor cannot handle becomes a failure (named) and the rest go on.

    Workers are started with "spawn" (a fresh interpreter each, never a fork of a process
    that has a store open) and load the model once. Documents and extractions are plain
    dataclasses, pickled across. Memory: one model per worker; documents are read only as
    the window frees up (never the whole corpus: ``Pool.imap`` would consume its input
    eagerly), so at most ``window`` batches are held, plus their extractions. A ``one_shot``
    extractor (the CLI's single ingest) stops its workers as soon as a stream is done, so the
    merged rebuild that follows does not run beside idle models.
    """

    def __init__(self, workers: int = 2, window: Optional[int] = None, factory: Optional[Callable] = None,
                 one_shot: bool = False):
        """``factory`` (a picklable callable, default ``Extractor``) makes each worker's extractor."""
        self.workers = max(1, int(workers))
        self.window = max(1, int(window)) if window else 2 * self.workers
        self.factory = factory
        self.one_shot = one_shot
        self._pool = None

    def _get_pool(self):
        if self._pool is None:
            import multiprocessing

            self._pool = multiprocessing.get_context("spawn").Pool(self.workers, initializer=_worker_init,
                                                                   initargs=(self.factory,))
        return self._pool

    def warm(self) -> None:
        """Start the workers and load their models now (benchmarks time the steady state)."""
        self._get_pool().map(_worker_ping, range(self.workers), chunksize=1)

    def extract_stream(self, docs: Iterable[Document], failures: list[Failure], batch_size: int = 16) -> Iterator:
        """Extractions in input order, ``window`` batches in flight; a failing batch is
        retried one document at a time (the culprit becomes a failure)."""
        pool = self._get_pool()
        size = max(1, int(batch_size))
        pending: deque = deque()  # (batch, AsyncResult), oldest first

        def submit(batch: list[Document]) -> None:
            pending.append((batch, pool.apply_async(_worker_extract, (batch,))))

        def settle() -> Iterator:
            batch, result = pending.popleft()
            try:
                done = result.get()
            except Exception:  # noqa: BLE001 - retried one by one, to name the culprit
                done = None
            if done is not None:
                yield from done
            else:
                yield from _extract_one_by_one(self, batch, failures)

        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                submit(batch)
                batch = []
                while len(pending) >= self.window or (pending and pending[0][1].ready()):
                    yield from settle()
        if batch:
            submit(batch)
        while pending:
            yield from settle()
        if self.one_shot:
            self.close()

    def extract_many(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator:
        """All documents, split into consecutive chunks over the workers, in input order
        (raises if any chunk fails; ``extract_stream`` is the forgiving, pipelined way)."""
        docs = list(docs)
        if not docs:
            return
        size = -(-len(docs) // self.workers)
        chunks = [docs[i:i + size] for i in range(0, len(docs), size)]
        for chunk in self._get_pool().map(_worker_extract, chunks, chunksize=1):
            yield from chunk

    def extract(self, doc: Document):
        return self._get_pool().apply(_worker_extract_one, (doc,))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_worker_extractor = None


def _worker_init(factory: Optional[Callable] = None) -> None:
    global _worker_extractor
    if factory is None:
        from .extract import Extractor as factory

    _worker_extractor = factory()


def _worker_ping(_):
    return os.getpid()


def _worker_extract(docs: list[Document]) -> list:
    return list(_worker_extractor.extract_many(docs, batch_size=len(docs)))


def _worker_extract_one(doc: Document):
    return _worker_extractor.extract(doc)


def commit(store: Store, extraction) -> None:
    """One document: its triples, written as one atomic replacement of its named graph."""
    graph_iri, triples = document_triples(extraction)
    store.replace_graph(graph_iri, triples)


class Committer:
    """Commits extractions in a background thread, one document (one atomic graph
    replacement) at a time, in the order given, while the caller goes on extracting.

    Building the triples is Python, but the store's write (pyoxigraph's transactional
    ``extend``, or an HTTP request for a remote store) releases the GIL, so it overlaps with
    the model's own GIL-free work. At most ``window`` extractions wait; ``put`` blocks beyond.
    ``put`` and ``drain`` hand back ``(extraction, problem)`` for the documents finished so
    far, in input order (``problem`` is the exception that kept one from being stored), so
    the caller keeps its counts and progress in its own thread. A crash or a kill loses only
    documents not yet committed (whole, never half: each commit is one transaction), and
    running the same ingest again stores them. Leaving the ``with`` block on an error
    finishes the document being written and drops the ones still waiting.
    """

    def __init__(self, store: Store, window: int = 32):
        from concurrent.futures import ThreadPoolExecutor

        self.store = store
        self.window = max(1, window)
        self._pending: deque = deque()  # (extraction, Future), oldest first
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="incidentgraph-commit")

    def put(self, extraction) -> Iterator[tuple]:
        self._pending.append((extraction, self._executor.submit(commit, self.store, extraction)))
        while self._pending and (len(self._pending) > self.window or self._pending[0][1].done()):
            yield self._settle()

    def drain(self) -> Iterator[tuple]:
        while self._pending:
            yield self._settle()

    def _settle(self) -> tuple:
        extraction, future = self._pending.popleft()
        return extraction, future.exception()

    def close(self) -> None:
        for _, future in self._pending:
            future.cancel()
        self._pending.clear()
        self._executor.shutdown(wait=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def ingest_documents(store: Store, docs: Iterable[Document], extractor, *, force: bool = False,
                     summary: Optional[Summary] = None, progress: Optional[Progress] = None,
                     batch_size: int = 16) -> Summary:
    """Extract and commit each new document; skip those whose text is already stored.

    Extraction of the next documents overlaps with the commits of the previous ones
    (``Committer``); each document is still one atomic commit, in input order."""
    summary = summary if summary is not None else Summary()
    seen: set[str] = set()

    def fresh() -> Iterator[Document]:
        for doc in docs:
            doc_id = doc.id
            if doc_id in seen or (not force and store.has_graph(iris.document_graph(doc_id))):
                summary.skipped += 1
                if progress:
                    progress.step(f"{doc.path} (already stored)")
                continue
            seen.add(doc_id)
            yield doc

    def account(extraction, problem: Optional[Exception]) -> None:
        doc = extraction.document
        if problem is not None:  # one bad document must not stop the batch
            summary.failures.append(Failure(doc.path or doc.id, f"not stored: {problem}"))
            return
        summary.stored += 1
        summary.entities += len(extraction.entities)
        summary.incidents += len(extraction.incidents)
        summary.claims += len(extraction.claims)
        summary.words += len(doc.text.split())
        if progress:
            progress.step(doc.path or doc.id)

    with Committer(store) as committer:
        for extraction in extract_each(extractor, fresh(), summary.failures, batch_size):
            for done in committer.put(extraction):
                account(*done)
        for done in committer.drain():
            account(*done)
    if progress:
        progress.done()
    if summary.stored or merged.is_stale(store):
        merged.rebuild(store)
    return summary


def ingest_paths(store: Store, paths: Iterable[str | Path], extractor, *, published=None, force: bool = False,
                 progress: Optional[Progress] = None, batch_size: int = 16) -> Summary:
    """The whole batch: walk the paths, read, extract, commit; failures are collected."""
    summary = Summary()
    files = walk(paths, summary.failures)
    docs = read_documents(files, summary.failures, published)
    return ingest_documents(store, docs, extractor, force=force, summary=summary, progress=progress,
                            batch_size=batch_size)
