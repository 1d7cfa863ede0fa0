"""Sentence boundaries at line breaks: headings and infobox lines are never one sentence."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class LineBreaker:
    """Marks the first token after a newline as a sentence start, before the parser runs."""

    def match(self, doc: Doc) -> tuple[list[int], list[int]]:
        """Line starts, and the tokens inside infobox lines ("- Key: value") that must not start one."""
        starts = [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.text or "\n" in t.whitespace_]
        inside = []
        for a, b in zip(starts, starts[1:] + [len(doc)]):
            if a < len(doc) and doc[a].text == "-":
                inside.extend(range(a + 1, b))
        return starts, inside

    def set_annotations(self, doc: Doc, found: tuple[list[int], list[int]]) -> None:
        starts, inside = found
        for i in inside:
            doc[i].is_sent_start = False
        for i in starts:
            doc[i].is_sent_start = True

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


@Language.factory("ig_lines", assigns=["token.is_sent_start"], default_config={})
def make_line_breaker(nlp: Language, name: str) -> LineBreaker:
    return LineBreaker()
