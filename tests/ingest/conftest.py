"""Shared fixtures: the statistical pipeline is loaded once per test session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def extractor():
    from ingest.extract import Extractor

    return Extractor()
