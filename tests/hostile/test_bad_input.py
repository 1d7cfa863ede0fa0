"""Bad files through the real CLI: each gets one clear line naming it and the problem, the
batch goes on, the exit status says something failed, and only whole good documents are stored."""
from __future__ import annotations

import os
import random
from datetime import date, timedelta

import pytest

from .cli import error_lines, run, stored_paths

GOOD = {
    "a-good.txt": "TITLE: Depot fire\nPUBLISHED: 2024-05-04\n\nDrones struck the oil depot near Bryansk "
                  "on 3 May 2024, the governor said.\n",
    "b-noheader.txt": "A pipeline near Ryazan was damaged by an explosion on 2 March 2023, officials said.\n",
    "c-scripts.html": "<html><head><title>Substation attack</title><script>alert(1)</script></head><body>"
                      "<iframe src='javascript:alert(2)'></iframe><article><p>Gunmen attacked the electrical "
                      "substation in Moore County on 3 December 2022, cutting power to thousands of homes. "
                      "<script>document.write('x')</script><div><b>Police said the damage was deliberate."
                      "<p>Repairs took several days and cost millions of dollars, the utility said."
                      "</article><p><i>unclosed</body>",
}
ENCODED = {  # not UTF-8 but readable: stored with a warning, decoded correctly
    "d-latin1.txt": ("TITLE: Café\n\nLe dépôt pétrolier près de Marseille a été frappé le 3 mai 2024.\n", "latin-1"),
    "e-cp1251.txt": ("TITLE: Нефтебаза\n\nБеспилотники атаковали нефтебазу в Брянске 3 мая 2024 года, "
                     "сообщил губернатор.\n", "cp1251"),
}
FUTURE = (date.today() + timedelta(days=3)).isoformat()


def _bad(tmp):
    """name -> (how to make it, words its error line must contain)."""
    rng = random.Random(8)
    return {
        "empty.txt": (lambda p: p.write_bytes(b""), "empty"),
        "blank.md": (lambda p: p.write_bytes(b"  \n\n\t\n"), "empty"),
        "nul.txt": (lambda p: p.write_bytes(b"PK\x03\x04\x00\x00" + bytes(rng.randrange(256) for _ in range(4000))),
                    "binary"),
        "nonul.txt": (lambda p: p.write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000))), "binary"),
        "huge.txt": (_huge, "too large"),
        "long.txt": (lambda p: p.write_text("Drones struck. " * 20_000, encoding="utf-8"), "too long"),
        "only-script.html": (lambda p: p.write_text("<html><script>alert(1)</script><p></p>", encoding="utf-8"),
                             "no article text"),
        "malformed-date.txt": (lambda p: p.write_text("PUBLISHED: yesterday\n\nBody.\n"), "malformed PUBLISHED"),
        "invalid-date.txt": (lambda p: p.write_text("PUBLISHED: 2024-02-30\n\nBody.\n"), "invalid PUBLISHED"),
        "future.txt": (lambda p: p.write_text(f"PUBLISHED: {FUTURE}\n\nDrones struck a depot.\n"), "in the future"),
        "header-only.txt": (lambda p: p.write_text("TITLE: Nothing\nPUBLISHED: 2024-01-01\n"), "no article text"),
        "notes.pdf": (lambda p: p.write_bytes(b"%PDF-1.4"), "unsupported extension"),
        "fifo.txt": (lambda p: os.mkfifo(p), "not a regular file"),
        "loop.txt": (lambda p: p.symlink_to(p.name), "symlink loop"),  # a link to itself
        "dangling.txt": (lambda p: p.symlink_to(p.with_name("missing-target.txt")), "broken symlink"),
    }


def _huge(p):
    """50 MB of text, written in chunks (the reader must refuse it without reading it)."""
    line = "Drones struck the oil depot near Bryansk on 3 May 2024, officials said.\n" * 1000
    with p.open("w", encoding="utf-8") as f:
        for _ in range(50_000_000 // len(line) + 1):
            f.write(line)


def make(folder, names=None):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, (text, enc) in ENCODED.items():
        (folder / name).write_bytes(text.encode(enc))
    bad = _bad(folder)
    for name, (maker, _) in bad.items():
        if names is None or name in names:
            maker(folder / name)
    return bad


def failure_lines(stderr: str, name: str) -> list[str]:
    return [line for line in error_lines(stderr) if name in line]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One CLI run over a folder of good and bad files, plus duplicates named on the command line."""
    tmp = tmp_path_factory.mktemp("batch")
    folder = tmp / "in"
    bad = make(folder)
    (folder / "z-copy.txt").write_text(GOOD["a-good.txt"], encoding="utf-8")  # same text, another name
    (folder / "dir.txt").mkdir()  # a folder named like a file: walked, holds nothing
    proc = run("ingest", str(folder), str(folder / "a-good.txt"), "--store", str(tmp / "store"), "--quiet")
    return folder, bad, proc, tmp / "store"


def test_batch_exits_non_zero_and_names_each_bad_file_once(batch):
    folder, bad, proc, _ = batch
    assert proc.returncode == 1, proc.stderr
    for name, (_, words) in bad.items():
        lines = failure_lines(proc.stderr, str(folder / name))
        assert len(lines) == 1, (name, proc.stderr)
        assert lines[0].startswith(f"error: {folder / name}: ") and words in lines[0], lines
    assert "Traceback" not in proc.stderr


def test_batch_summary_lists_the_failures(batch):
    folder, bad, proc, _ = batch
    summary = proc.stderr[proc.stderr.index("documents stored:"):]
    assert f"documents stored: {len(GOOD) + len(ENCODED)}, already stored: 2, failed: {len(bad)}" in summary
    listed = summary[summary.index("failures:"):].splitlines()[1:]
    assert sorted(line.strip().split(": ")[0] for line in listed) == sorted(str(folder / n) for n in bad)


def test_exactly_the_good_documents_are_stored(batch):
    folder, _, _, store = batch
    assert stored_paths(store) == sorted(str(folder / n) for n in list(GOOD) + list(ENCODED))


def test_legacy_encodings_are_decoded_with_a_warning(batch):
    from graph.store import open_store

    folder, _, proc, store_path = batch
    assert f"warning: {folder / 'e-cp1251.txt'}: not UTF-8, read as cp1251" in proc.stderr
    assert f"warning: {folder / 'd-latin1.txt'}: not UTF-8, read as cp1252" in proc.stderr
    store = open_store(str(store_path))
    try:
        texts = [str(r["t"]) for r in store.select(
            "PREFIX ig: <https://w3id.org/incidentgraph/ns#> SELECT ?t WHERE { ?d ig:text ?t }")]
    finally:
        store.close()
    assert any("Беспилотники атаковали" in t for t in texts)
    assert any("dépôt pétrolier" in t for t in texts)
    html = [t for t in texts if "Moore County" in t]
    assert html and "alert" not in html[0] and "document.write" not in html[0]


def test_running_again_stores_nothing_new_and_still_names_the_failures(batch):
    folder, bad, _, store = batch
    proc = run("ingest", str(folder), "--store", str(store), "--quiet")
    assert proc.returncode == 1
    assert f"documents stored: 0, already stored: {len(GOOD) + len(ENCODED) + 1}" in proc.stderr
    assert len(error_lines(proc.stderr)) == len(bad)


@pytest.mark.parametrize("name", sorted(_bad(None)))
def test_each_bad_file_alone(tmp_path, name):
    bad = make(tmp_path / "in", names={name})
    path = tmp_path / "in" / name
    proc = run("ingest", str(path), "--store", str(tmp_path / "store"), "--quiet", timeout=60)
    assert proc.returncode == 1, proc.stderr
    lines = error_lines(proc.stderr)
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}: ") and bad[name][1] in lines[0], proc.stderr
    assert "documents stored: 0" in proc.stderr and "Traceback" not in proc.stderr
    assert stored_paths(tmp_path / "store") == []


def test_missing_path_and_a_future_published_argument(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD["b-noheader.txt"], encoding="utf-8")
    proc = run("ingest", str(tmp_path / "nope.txt"), str(good), "--published", FUTURE,
               "--store", str(tmp_path / "store"), "--quiet", timeout=60)
    assert proc.returncode == 1
    assert failure_lines(proc.stderr, "nope.txt") == [f"error: {tmp_path / 'nope.txt'}: no such file or folder"]
    assert "in the future" in failure_lines(proc.stderr, "good.txt")[0]
    assert stored_paths(tmp_path / "store") == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode (the FIFO case covers it)")
def test_unreadable_file(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text(GOOD["a-good.txt"], encoding="utf-8")
    p.chmod(0)
    proc = run("ingest", str(p), "--store", str(tmp_path / "store"), "--quiet", timeout=60)
    assert proc.returncode == 1 and "cannot read file" in failure_lines(proc.stderr, "secret.txt")[0]


def test_extract_refuses_a_fifo_instead_of_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = run("extract", str(fifo), timeout=30)
    assert proc.returncode == 2 and "not a regular file" in proc.stderr
