"""The model's attribute ruler, applied column-wise: the same token attributes, a tenth of the time.

spaCy's ``attribute_ruler`` runs its ~180 rules ("TAG NN -> POS NOUN", "LOWER 'a' with TAG DT ->
MORPH Definite=Ind") through the token Matcher, then sets each match's attributes token by token:
about a tenth of the whole pipeline's time. Every rule of the English models is a fixed-length
sequence of equality, IN, NOT_IN or REGEX tests on token attributes, so each one is a vectorised
test over the Doc's attribute columns. ``CompiledAttributeRuler.from_ruler`` compiles a loaded
ruler's rules, or returns None when a rule uses anything else (operators, fuzzy or set tests,
extension attributes), in which case ``pipeline.build`` keeps the stock component.

The result is the stock ruler's, by construction and by test (``tests/ingest/test_attrs.py``
compares every attribute of every token on the development and held-out texts): all rules are
matched on the Doc as it comes in, then applied in rule order, a later rule overwriting an earlier
one's value for the same attribute of the same token, as the stock ruler does.
"""
from __future__ import annotations

import re
from typing import Optional

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

# attributes a rule may set: token fields that ``Doc.from_array`` writes as the stock ruler does
SETTABLE = {POS, TAG, MORPH, LEMMA, DEP}
# attributes a rule may test: token columns that ``Doc.to_array`` reads
TESTABLE = {"ORTH", "TEXT", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE", "SHAPE",
            "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT",
            "IS_SPACE", "IS_STOP", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"}


class _Test:
    """One token test of a rule: a column and a predicate over its values."""

    def __init__(self, column: str, kind: str, value):
        self.column, self.kind, self.value = column, kind, value
        self._regex_memo: dict[int, bool] = {}

    def mask(self, cols: dict[str, numpy.ndarray], strings) -> numpy.ndarray:
        col = cols[self.column]
        if self.kind == "eq":
            return col == self.value
        if self.kind == "in":
            return numpy.isin(col, self.value)
        if self.kind == "not_in":
            return ~numpy.isin(col, self.value)
        memo = self._regex_memo  # REGEX: each distinct word tested once (a bounded memo)
        if len(memo) > 100_000:
            memo.clear()
        out = numpy.zeros(len(col), dtype=bool)
        for i, v in enumerate(col.tolist()):
            hit = memo.get(v)
            if hit is None:
                hit = memo[v] = bool(self.value.search(strings[v]))
            out[i] = hit
        return out


def _value(column: str, value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and column.startswith(("IS_", "LIKE_")):
        return int(bool(value))
    if isinstance(value, str):
        return get_string_id(value)
    raise TypeError(value)


def _compile_test(column: str, spec) -> Optional[_Test]:
    column = "ORTH" if column == "TEXT" else column
    if column not in TESTABLE:
        return None
    try:
        if not isinstance(spec, dict):
            return _Test(column, "eq", numpy.uint64(_value(column, spec)))
        if len(spec) != 1:
            return None
        (op, arg), = spec.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            values = numpy.array([_value(column, a) for a in arg], dtype=numpy.uint64)
            return _Test(column, "in" if op == "IN" else "not_in", values)
        if op == "REGEX" and isinstance(arg, str) and not column.startswith(("IS_", "LIKE_")):
            return _Test(column, "regex", re.compile(arg))
    except TypeError:
        return None
    return None


class CompiledAttributeRuler:
    """The rules of an ``AttributeRuler``, each a fixed-length sequence of column tests."""

    def __init__(self, rules: list, columns: list[str]):
        # rules: (tests per position, index of the token to set, {attr id: value}) in rule order
        self.rules = rules
        self.columns = columns
        self.column_ids = [IDS[c] for c in columns]
        self.set_ids = sorted({a for _, _, attrs in rules for a in attrs})
        self.set_column = {a: k for k, a in enumerate(self.set_ids)}  # attribute id -> its column in ``out``

    @classmethod
    def from_ruler(cls, ruler) -> Optional["CompiledAttributeRuler"]:
        """The compiled form of a loaded ``AttributeRuler``, or None when a rule cannot be compiled."""
        rules, columns = [], set()
        for group, spec in enumerate(ruler.patterns):
            attrs = ruler.attrs[group]
            if not attrs or any(not isinstance(a, int) or a not in SETTABLE for a in attrs):
                return None
            for pattern in spec["patterns"]:
                if not pattern:
                    return None
                tests = []
                for token_spec in pattern:
                    if not isinstance(token_spec, dict) or not token_spec:
                        return None
                    compiled = [_compile_test(k, v) for k, v in token_spec.items()]
                    if any(c is None for c in compiled):
                        return None
                    tests.append(compiled)
                    columns.update(c.column for c in compiled)
                index = ruler.indices[group]
                index = index if index >= 0 else len(pattern) + index
                if not 0 <= index < len(pattern):
                    return None
                rules.append((tests, index, dict(attrs)))
        return cls(rules, sorted(columns)) if rules else None

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n or not self.rules:
            return doc
        table = doc.to_array(self.column_ids)
        if table.ndim == 1:
            table = table.reshape(n, 1)
        cols = {c: table[:, k] for k, c in enumerate(self.columns)}
        out = doc.to_array(self.set_ids)
        if out.ndim == 1:
            out = out.reshape(n, 1)
        changed = False
        strings = doc.vocab.strings
        for tests, index, attrs in self.rules:
            length = len(tests)
            if length > n:
                continue
            hit = numpy.ones(n - length + 1, dtype=bool)
            for offset, token_tests in enumerate(tests):
                for test in token_tests:
                    hit &= test.mask(cols, strings)[offset:n - length + 1 + offset]
                    if not hit.any():
                        break
            starts = numpy.flatnonzero(hit)
            if not len(starts):
                continue
            rows = starts + index
            for attr, value in attrs.items():
                out[rows, self.set_column[attr]] = value
            changed = True
        if changed:
            doc.from_array(self.set_ids, out)
        return doc


def compile_in_place(nlp: Language) -> bool:
    """Swap the model's ``attribute_ruler`` for its compiled form, under the same name and at the
    same place; False (and nothing changed) when there is none or a rule cannot be compiled."""
    if "attribute_ruler" not in nlp.pipe_names or \
            not isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler) or \
            CompiledAttributeRuler.from_ruler(nlp.get_pipe("attribute_ruler")) is None:
        return False
    nlp.add_pipe("ig_attribute_ruler", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.rename_pipe("ig_attribute_ruler", "attribute_ruler")
    return True


@Language.factory("ig_attribute_ruler", assigns=["token.pos", "token.tag", "token.morph", "token.lemma", "token.dep"],
                  default_config={})
def make_compiled_attribute_ruler(nlp: Language, name: str) -> CompiledAttributeRuler:
    """The compiled form of the pipeline's ``attribute_ruler`` (added just before it, which it replaces)."""
    compiled = CompiledAttributeRuler.from_ruler(nlp.get_pipe("attribute_ruler"))
    if compiled is None:
        raise ValueError("the pipeline's attribute_ruler has rules that cannot be compiled")
    return compiled
