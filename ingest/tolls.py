"""Death tolls in an incident's evidence: "killing at least 218 people", "six workers were killed".

Patterns and number words live in ``data/tolls.json``. A text that says nobody died gives 0;
one that says nothing gives None, which is not the same thing.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ingest import lexicon


@lru_cache(maxsize=1)
def _compiled():
    data = lexicon.load("tolls")
    words = {w: n for w, n in data["number_words"].items() if n is not None}
    number = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted(words, key=len, reverse=True)) + r")"
    parts = {"{N}": number, "{P}": data["people"], "{Q}": data["qualifier"] + " "}
    patterns = []
    for p in data["patterns"]:
        for key, value in parts.items():
            p = p.replace(key + "?", f"(?:{value})?").replace(key, value)
        patterns.append(re.compile(r"\b" + p + r"\b", re.IGNORECASE))
    nobody = [re.compile(r"\b" + re.escape(p) + r"\b", re.IGNORECASE) for p in data["no_deaths"]]
    stems = re.compile("|".join(map(re.escape, data["stems"])), re.IGNORECASE)
    for p in data["patterns"] + data["no_deaths"]:
        if not stems.search(p):
            raise ValueError(f"tolls.json: {p!r} holds none of the stems, which the quick check needs")
    return patterns, words, nobody, stems


def _value(token: str, words: dict[str, int]) -> Optional[int]:
    token = token.lower().replace(",", "")
    if token.isdigit():
        return int(token)
    return words.get(token)


def deaths(text: str) -> Optional[int]:
    """The largest death toll the text states, 0 when it says nobody died, else None."""
    patterns, words, nobody, stems = _compiled()
    if not stems.search(text):
        return None  # most evidence sentences speak of no one killed: skip the patterns
    found = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            value = _value(m.group("n"), words)
            if value is not None and value < 10_000_000 and not _is_year(m.group("n")):
                found.append(value)
    if found:
        return max(found)
    if any(p.search(text) for p in nobody):
        return 0
    return None


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", token))
