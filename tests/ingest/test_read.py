"""Reading files: headers, offsets, encodings, HTML, and one clear error per bad input."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.errors import InputError
from ingest.read import read_path, read_text

ARTICLES = Path(__file__).parent / "articles"


def test_txt_header_and_body_offsets(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("TITLE: T\nURL: http://x\nPUBLISHED: 2024-05-01\nSOURCE: S\n\nBody here.\n", encoding="utf-8")
    doc = read_path(p)
    assert (doc.title, doc.url, doc.source, doc.published) == ("T", "http://x", "S", date(2024, 5, 1))
    assert doc.text[doc.body_start:].startswith("Body here.")
    assert doc.text == p.read_text(encoding="utf-8")


def test_published_argument_wins(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("PUBLISHED: 2024-05-01\n\nBody.", encoding="utf-8")
    assert read_path(p, date(2020, 1, 2)).published == date(2020, 1, 2)


def test_no_header():
    doc = read_text("Just a body.")
    assert doc.body_start == 0 and doc.published is None


def test_markdown_front_matter():
    doc = read_text("---\ntitle: Hello\npublished: 2023-02-03\n---\nBody text.\n", fmt="md")
    assert doc.title == "Hello" and doc.published == date(2023, 2, 3)
    assert doc.text[doc.body_start:] == "Body text.\n"


@pytest.mark.parametrize("content,problem", [
    (b"", "empty"), (b"  \n", "empty"), (b"PK\x03\x04\x00\x00binary", "binary"),
    (b"PUBLISHED: yesterday\n\nBody.", "PUBLISHED"), (b"PUBLISHED: 2024-13-45\n\nBody.", "PUBLISHED"),
])
def test_bad_files_raise_input_error_naming_file(tmp_path, content, problem):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_path(p)
    assert "bad.txt" in str(err.value) and problem in str(err.value)


def test_unsupported_extension(tmp_path):
    p = tmp_path / "a.pdf"
    p.write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unsupported extension"):
        read_path(p)


def test_cp1252_fallback_warns(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_bytes("Caf\u00e9 \u2013 pipeline".encode("cp1252"))
    assert read_path(p).text == "Caf\u00e9 \u2013 pipeline"
    assert "not UTF-8" in capsys.readouterr().err


def test_html_main_text_title_and_date():
    doc = read_path(ARTICLES / "page.html")
    assert doc.format == "html" and doc.published == date(2024, 4, 12)
    assert "Port of Keldra" in doc.text and "cookies" not in doc.text and "Subscribe" not in doc.text
    assert doc.title and "Port struck" in doc.title
