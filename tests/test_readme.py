"""The README documents every setting, and CI runs exactly the README's test command."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    from graph.settings import SETTINGS as GRAPH_SETTINGS
    from web.settings import SETTINGS as WEB_SETTINGS

    from ingest.read import SETTINGS as INGEST_SETTINGS

    names = [s.name.upper() for s in GRAPH_SETTINGS + WEB_SETTINGS] + list(INGEST_SETTINGS)
    missing = [n for n in names if f"`INCIDENTGRAPH_{n}`" not in README]
    assert not missing, f"settings missing from README's Settings table: {missing}"


def test_ci_runs_the_readme_test_command():
    commands = re.findall(r"^(\./dev \w+)", README, flags=re.M)
    assert "./dev serve" in commands and "./dev test" in commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^exec \./dev test\s*$", ci, flags=re.M)


def test_every_environment_variable_the_code_reads_is_documented():
    """Not only the declared settings: any INCIDENTGRAPH_* name in the code's source."""
    used = set()
    for package in ("graph", "ingest", "web", "incidentgraph"):
        for path in (ROOT / package).rglob("*.py"):
            used |= set(re.findall(r"INCIDENTGRAPH_[A-Z_]*[A-Z]", path.read_text(encoding="utf-8")))
    used.discard("INCIDENTGRAPH_")
    missing = sorted(n for n in used if f"`{n}`" not in README)
    assert not missing, f"environment variables missing from README's Settings table: {missing}"
