"""One list of a Doc's tokens, shared by the rule components.

``for t in doc`` and ``doc[i]`` build a new Token object on every call; the rule components walk
each document many times, so they read tokens from one list made once per Doc instead. The list
lives here, not in ``doc.user_data``, which is serialized when ``nlp.pipe`` runs in several processes.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

_last: tuple = (None, [])


def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens as a list, made once for the Doc most recently asked about."""
    global _last
    last = _last  # read once: a tuple swap is atomic, so threads never see a half-made pair
    if last[0] is doc and len(last[1]) == len(doc):
        return last[1]
    toks = list(doc)
    _last = (doc, toks)
    return toks
