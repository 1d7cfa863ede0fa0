"""Symmetric ``to_disk``/``from_disk`` for rule components whose state is their data.

A component built from lexicons remembers the resolved data and how to rebuild itself, so
``nlp.to_disk(path)`` then ``spacy.load(path)`` gives the same rules even when the package's
data files have changed since.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable


class DataComponent:
    """Mixin: ``remember(config, remake)`` at construction; serialization follows from it."""

    _config: dict
    _remake: Callable[[dict], "DataComponent"]

    def remember(self, config: dict, remake: Callable[[dict], "DataComponent"]) -> "DataComponent":
        self._config = config
        self._remake = remake
        return self

    def to_bytes(self, *, exclude=()) -> bytes:
        return json.dumps(self._config, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=()) -> "DataComponent":
        fresh = self._remake(json.loads(data.decode("utf-8")))
        self.__dict__.update(fresh.__dict__)
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "data.json").write_bytes(self.to_bytes())

    def from_disk(self, path, *, exclude=()) -> "DataComponent":
        return self.from_bytes((Path(path) / "data.json").read_bytes())
