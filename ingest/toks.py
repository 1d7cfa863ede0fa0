"""One list of a Doc's tokens (and of its sentences), shared by the rule components and the
incident builder.

``for t in doc``, ``doc[i]`` and ``doc.sents`` build new Token and Span objects on every call; the
rule components walk each document many times, so they read from lists made once for the Doc in
hand. The lists live here, not in ``doc.user_data``, which is serialized when ``nlp.pipe`` runs in
several processes. Only the most recent Doc is kept: keeping a whole nlp.pipe batch of them
measured no faster in benchmarks/bench_extract.py (within its noise) and holds their memory.
"""
from __future__ import annotations

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

_last: tuple = (None, [], [None, None, None, None])


def _entry(doc: Doc) -> tuple:
    global _last
    last = _last  # read once: a tuple swap is atomic, so threads never see a half-made entry
    if last[0] is doc and len(last[1]) == len(doc):
        return last
    last = (doc, list(doc), [None, None, None, None])
    _last = last
    return last


def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens as a list, made once for the Doc most recently asked about."""
    return _entry(doc)[1]


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences as a list (once the parser or the sentence rules have run)."""
    sents = _entry(doc)[2]
    if sents[0] is None:
        sents[0] = list(doc.sents)
    return sents[0]


def text(doc: Doc) -> str:
    """The Doc's text: the string its maker kept (``doc._.ig_text``), or ``doc.text`` joined once.
    spaCy's ``doc.text`` joins every token's text on each call."""
    kept = doc._.ig_text if doc.has_extension("ig_text") else None
    if kept is not None:
        return kept
    slot = _entry(doc)[2]
    if slot[1] is None:
        slot[1] = doc.text
    return slot[1]


def word_ids(words) -> frozenset[int]:
    """The hash ids of lower-cased words, for ``positions``."""
    return frozenset(get_string_id(w.lower()) for w in words)


def positions(doc: Doc, ids: frozenset[int]) -> list[int]:
    """The indices of the tokens whose lower-cased text is one of ``ids`` (from ``word_ids``), in
    order: read from an index of the Doc's LOWER column (word id -> token indices) made once, so
    no Token object is made for the tokens that are not asked for."""
    slot = _entry(doc)[2]
    if slot[2] is None:
        index: dict[int, list[int]] = {}
        for i, w in enumerate(doc.to_array(LOWER).tolist() if len(doc) else ()):
            index.setdefault(w, []).append(i)
        slot[2] = index
    index = slot[2]
    found = [index[w] for w in index.keys() & ids]
    if len(found) == 1:
        return list(found[0])
    return sorted(i for hits in found for i in hits)


def is_heading(sent: Span) -> bool:
    """A line in capitals ('RED SEA TANKER & PORT BRIEF', 'FIRE – TANK 12'): a heading or a label,
    which names no entity and tells no incident of its own (the body says it in words). Asked once
    per sentence of the Doc in hand."""
    slot = _entry(sent.doc)[2]
    if slot[3] is None:
        slot[3] = {}
    known = slot[3].get((sent.start, sent.end))
    if known is None:
        known = slot[3][(sent.start, sent.end)] = _is_heading(sent)
    return known


def _is_heading(sent: Span) -> bool:
    if not sent.text.isupper():
        return False
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 2 and sum(len(t) >= 3 for t in words) >= 1 and all(t.is_upper for t in words) \
        and not any(t.text in ("-", "–", "—") and t.i > sent.start and t.i + 1 < sent.end
                    and not sent.doc[t.i + 1].is_upper and sent.doc[t.i + 1].is_alpha for t in sent)
