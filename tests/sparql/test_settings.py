"""Every limit is declared once, documented, and overridable from the environment."""
from graph import settings
from graph.settings import SETTINGS, Limits


def test_every_setting_is_documented_and_has_a_default():
    assert {s.name for s in SETTINGS} == {"query_timeout_s", "max_rows", "max_body_bytes", "flush_every"}
    for s in SETTINGS:
        assert s.default is not None
        assert len(s.help) > 20, f"setting {s.name} needs help text"


def test_defaults():
    limits = Limits()
    assert (limits.query_timeout_s, limits.max_rows, limits.max_body_bytes) == (10.0, 10_000, 1_000_000)


def test_environment_overrides(monkeypatch):
    monkeypatch.setenv("INCIDENTGRAPH_MAX_ROWS", "7")
    monkeypatch.setenv("INCIDENTGRAPH_QUERY_TIMEOUT_S", "2.5")
    assert settings.get("max_rows") == 7
    limits = Limits.from_settings()
    assert limits.max_rows == 7 and limits.query_timeout_s == 2.5
    assert limits.max_body_bytes == 1_000_000
