"""Sentence boundaries at line breaks: headings and infobox lines are never one sentence."""
from __future__ import annotations

from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc


class LineBreaker:
    """Marks the first token after a newline as a sentence start, before the parser runs."""

    def __init__(self):
        self._breaks: dict[int, bool] = {}  # word (orth id) -> holds a line break
        self._words: dict[int, bool] = {}  # word (orth id) -> letters and digits only

    def match(self, doc: Doc) -> tuple[list[int], list[int]]:
        """Line starts, and the tokens that must not start a sentence: inside infobox lines
        ("- Key: value"), and after a word (the parser sometimes cuts "the Kura-Dutsin | Wai line"
        in a long sentence; a sentence ends at punctuation or a line break)."""
        starts = [0] + self._after_breaks(doc)
        inside = []
        for a, b in zip(starts, starts[1:] + [len(doc)]):
            if a < len(doc) and doc[a].text == "-":
                inside.extend(range(a + 1, b))
        begins = set(starts)
        inside.extend(i for i in self._after_words(doc) if i not in begins)
        return starts, inside

    def _after_words(self, doc: Doc) -> list[int]:
        """The tokens after a plain word (letters and digits only, so no '.', '?', quote or bracket)."""
        return self._after(doc, self._words, str.isalnum)

    def _after_breaks(self, doc: Doc) -> list[int]:
        """The tokens after one whose text holds a line break (never past the last token; a
        token's trailing space is one space or none, never a break)."""
        return self._after(doc, self._breaks, lambda text: "\n" in text)

    @staticmethod
    def _after(doc: Doc, memo: dict[int, bool], test) -> list[int]:
        """The tokens after one whose text passes ``test``: read from the tokens' word ids,
        remembering the answer per word in ``memo``, instead of making a Token and its strings
        for every token."""
        if len(memo) > 500_000:
            memo.clear()
        strings = doc.vocab.strings
        out = []
        for i, orth in enumerate(doc.to_array(ORTH).tolist()[:-1]):
            hit = memo.get(orth)
            if hit is None:
                hit = memo[orth] = test(strings[orth])
            if hit:
                out.append(i + 1)
        return out

    def set_annotations(self, doc: Doc, found: tuple[list[int], list[int]]) -> None:
        """One array write (1 starts a sentence, -1 does not, 0 leaves it to the parser) instead of
        a Token per marked word: most words of a text are marked."""
        starts, inside = found
        if not len(doc):
            return
        marks = doc.to_array([SENT_START]).view("int64")  # spaCy stores -1 as a wrapped uint64
        marks[inside] = -1
        marks[starts] = 1
        doc.from_array([SENT_START], marks.view("uint64"))

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


@Language.factory("ig_lines", assigns=["token.is_sent_start"], default_config={})
def make_line_breaker(nlp: Language, name: str) -> LineBreaker:
    return LineBreaker()
