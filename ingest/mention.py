"""The mentions components write onto a spaCy Doc, before resolution turns them into entities."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Mention:
    """A stretch of tokens naming (or referring to) an actor, facility or place."""

    start: int  # token index
    end: int  # token index, exclusive
    kind: str  # actor, facility, place
    type: str
    name: str
    named: bool = True  # a proper name rather than a description
    generic: bool = False  # "the dam": refers back to a named facility
    canonical: Optional[str] = None  # the country a state/capital/demonym mention stands for
    aliases: list[str] = field(default_factory=list)
    parent: Optional[int] = None  # index of the facility mention this one is part of
    place_like: bool = False  # a country used as a location ("in Finland")
    plain: bool = False  # a name of no common noun ('Gillam', not 'Calloway Partners'): could be a town's
    source: str = ""  # which rule found it, for debugging
    char_start: int = 0
    char_end: int = 0


@dataclass
class Trigger:
    """A word or phrase that signals an incident of some type, or refines one (a cue)."""

    start: int
    end: int
    type: str
    cue: bool = False  # only refines a type
    text: str = ""


@dataclass
class Cue:
    """An attribution or speech phrase."""

    start: int
    end: int
    phrase: str
    stance: str
    role: str
