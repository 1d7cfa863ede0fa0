"""spaCy component that records date expressions (ingest.dates) with token positions."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ingest.dates import DateExpr, find_dates, title_period, title_year, with_period, with_story_years


class DateFinder:
    """Date expressions per document; resolving them needs the publication date, done later."""

    def match(self, doc: Doc) -> list[tuple[int, int, DateExpr]]:
        out = []
        text = doc._.ig_text
        if text is None:  # a Doc the Extractor did not make: spaCy joins its tokens again
            text = doc.text
        title = doc._.ig_title
        year = title_year(title)
        for expr in with_period(with_story_years(find_dates(text), year), title_period(title, year)):
            span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
            if span is not None:
                out.append((span.start, span.end, expr))
        return out

    def set_annotations(self, doc: Doc, found: list[tuple[int, int, DateExpr]]) -> None:
        doc._.ig_dates = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


if not Doc.has_extension("ig_dates"):
    Doc.set_extension("ig_dates", default=None)
# The text the Doc was made from, when its maker kept it (``ingest.extract``): the same
# string as ``doc.text``, which spaCy rebuilds from every token on each call.
if not Doc.has_extension("ig_text"):
    Doc.set_extension("ig_text", default=None)
# The document's title, when its maker kept it: 'Security brief, week 33 (12-18 August 2024)' gives the year
# of the days its text names without one.
if not Doc.has_extension("ig_title"):
    Doc.set_extension("ig_title", default=None)


@Language.factory("ig_dates", assigns=["doc._.ig_dates"], default_config={})
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder()
