"""find_dates tries each pattern only where one of its start words begins; it must find exactly
what scanning the whole text with every pattern finds (the way it worked before)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest import dates
from ingest.dates import PATTERNS, STARTS, DateExpr, find_dates

ROOT = Path(__file__).resolve().parents[2]


def scan_all(text: str) -> list[DateExpr]:
    """The plain algorithm: every pattern's finditer over the whole text, in order."""
    taken, found = [], []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            expr = dates.expression(kind, m, text)  # the same checks of the words around as find_dates
            if expr is not None:
                taken.append((s, e))
                found.append(expr)
    found.sort(key=lambda d: d.start)
    return found


def test_every_pattern_has_start_words():
    assert {k for k, _ in PATTERNS} == set(STARTS)


def _texts() -> list[Path]:
    out = []
    for folder in ("tests/data/dev", "tests/ingest/heldout", "tests/ingest/articles", "tests/data"):
        out += sorted((ROOT / folder).glob("*.txt"))
    return out


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.name)
def test_same_as_scanning_on_the_articles(path):
    text = path.read_text(encoding="utf-8")
    assert find_dates(text) == scan_all(text)


# Context around the generated expressions: words of the patterns, numbers, separators and
# look-alikes that fold to ASCII letters under IGNORECASE.
_VOCAB = ["the", "of", "in", "on", "last", "this", "past", "early", "late", "mid", "May", "Mayor", "Sept.", "2022",
          "14th", "31", "٣", "²", "ſince", "ſeptember", "İn", "Kelvin", "Mondays", "Jan_", "x", "-", "–", "/", "'s"]
_SEPS = [" ", " ", ", ", "-", " - ", "–", "\n", "", ". ", "/"]


@st.composite
def around(draw, middle) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        parts += [draw(st.sampled_from(_VOCAB)), draw(st.sampled_from(_SEPS))]
    parts.append(draw(middle))
    for _ in range(draw(st.integers(0, 3))):
        parts += [draw(st.sampled_from(_SEPS)), draw(st.sampled_from(_VOCAB))]
    return "".join(parts)


@pytest.mark.parametrize("kind,rx", PATTERNS, ids=[k for k, _ in PATTERNS])
def test_each_pattern_matches_as_its_scan(kind, rx):
    """Texts made from the pattern itself (every alternative, any case, Unicode digits and
    spaces), in random context: trying the start words finds what finditer finds."""
    some = around(st.lists(st.from_regex(rx, fullmatch=True), min_size=1, max_size=3).map(" ".join))

    @settings(max_examples=40, deadline=None)
    @given(some)
    def check(text):
        fast = [m.span() for m in dates._matches(kind, rx, text, dates._word_starts(text))]
        assert fast == [m.span() for m in rx.finditer(text)]
        assert find_dates(text) == scan_all(text)

    check()


def test_offset_still_shifts():
    text = "Drones struck on 14 September 2019 and again last week."
    assert [(d.start - 100, d.end - 100) for d in find_dates(text, 100)] == [(d.start, d.end) for d in scan_all(text)]
