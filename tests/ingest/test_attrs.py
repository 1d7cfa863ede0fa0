"""The compiled attribute ruler gives exactly the stock ruler's token attributes."""
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from ingest.attrs import CompiledAttributeRuler, compile_in_place
from ingest.pipeline import load_model

HERE = Path(__file__).parent
COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]


def _texts() -> list[str]:
    dev = sorted((HERE.parent / "data" / "dev").glob("*.txt"))
    heldout = sorted((HERE / "heldout").glob("*.txt"))[::8]  # every eighth: the styles vary along the list
    return [p.read_text("utf-8") for p in dev + heldout]


def test_model_rules_compile_and_keep_their_place():
    nlp = load_model()
    names = list(nlp.pipe_names)
    assert compile_in_place(nlp)
    assert nlp.pipe_names == names
    assert isinstance(nlp.get_pipe("attribute_ruler"), CompiledAttributeRuler)
    assert not compile_in_place(nlp)  # nothing left to compile: unchanged


def test_same_attributes_as_the_stock_ruler_on_real_texts():
    stock, fast = load_model(), load_model()
    assert compile_in_place(fast)
    texts = _texts()
    assert len(texts) > 40
    for text, a, b in zip(texts, stock.pipe(texts), fast.pipe(texts)):
        left, right = a.to_array(COLUMNS), b.to_array(COLUMNS)
        differ = numpy.flatnonzero((left != right).any(axis=1))
        assert not len(differ), [(a[i].text, a[i].pos_, a[i].morph, b[i].pos_, b[i].morph) for i in differ[:5]]


def _ruler_pair(patterns):
    """A stock AttributeRuler and its compiled form, on a blank English pipeline."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return ruler, CompiledAttributeRuler.from_ruler(ruler)


def _doc(nlp_vocab, words, tags, deps):
    return Doc(nlp_vocab, words=words, tags=tags, deps=deps, heads=list(range(len(words))))


@pytest.mark.parametrize("patterns", [
    # a later rule overwrites an earlier one's value for the same attribute
    [{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
     {"patterns": [[{"TAG": "NN", "LOWER": "drone"}]], "attrs": {"POS": "PROPN"}}],
    # IN, NOT_IN and the empty value of a missing annotation
    [{"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]], "attrs": {"POS": "AUX"}}],
    # REGEX, and a rule with two alternative patterns
    [{"patterns": [[{"LOWER": {"REGEX": "^str(uck|ike)$"}}], [{"LOWER": "hit"}]], "attrs": {"LEMMA": "strike"}}],
    # two tokens, the second one set (a negative index counts from the end)
    [{"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"}, "index": -1},
     {"patterns": [[{"LOWER": "there"}, {"TAG": "VBD"}]], "attrs": {"TAG": "VBZ", "DEP": "ROOT"}, "index": 1}],
])
def test_same_as_stock_on_rule_kinds(patterns):
    ruler, compiled = _ruler_pair(patterns)
    assert compiled is not None
    words = ["there", "was", "a", "drone", "that", "struck", "the", "mast", "and", "may", "hit", "it", "again"]
    tags = ["EX", "VBD", "DT", "NN", "WDT", "VBD", "DT", "NN", "CC", "MD", "VB", "PRP", "RB"]
    deps = ["expl", "ROOT", "det", "attr", "nsubj", "relcl", "det", "dobj", "cc", "aux", "conj", "dobj", "advmod"]
    a = ruler(_doc(ruler.vocab, words, tags, deps))
    b = compiled(_doc(ruler.vocab, words, tags, deps))
    assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all()
    assert [t.pos_ for t in a] == [t.pos_ for t in b] and any(t.pos_ or t.lemma_ for t in b)


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "drone", "OP": "+"}],          # an operator: variable length
    [{"LOWER": {"FUZZY": "drone"}}],          # a fuzzy test
    [{"_": {"ig_kind": "facility"}}],         # an extension attribute
    [{"MORPH": {"IS_SUPERSET": ["Number=Sing"]}}],  # a set test
])
def test_rules_it_cannot_compile_keep_the_stock_ruler(pattern):
    ruler, compiled = _ruler_pair([{"patterns": [pattern], "attrs": {"POS": "NOUN"}}])
    assert compiled is None
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns([{"patterns": [pattern], "attrs": {"POS": "NOUN"}}])
    assert not compile_in_place(nlp)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
