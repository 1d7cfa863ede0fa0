"""From the sample articles to an answer, as a user gets there: the CLI, SPARQL, the site."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"
CLI = [sys.executable, "-m", "incidentgraph"]

LINKED_TO_BERTH_2 = """
PREFIX ig: <https://w3id.org/incidentgraph/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?actor ?type ?earliest ?latest WHERE {
  ?berth ig:entityType "berth" ; rdfs:label ?name .
  FILTER(CONTAINS(?name, "2"))
  ?incident ig:target ?berth ; ig:incidentType ?type ; ig:perpetrator ?a ;
            ig:when [ ig:earliest ?earliest ; ig:latest ?latest ] .
  ?a rdfs:label ?actor .
}"""


def run(*args, check=True):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    out = subprocess.run(CLI + list(args), capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    if check and out.returncode != 0:
        raise AssertionError(f"{args} exited {out.returncode}: {out.stderr[-2000:]}")
    return out


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    store = str(tmp_path_factory.mktemp("e2e") / "store")
    out = run("ingest", str(ARTICLES), "--store", store)
    return store, out


def test_ingest_stores_every_sample_and_reports(ingested):
    store, out = ingested
    n = len(list(ARTICLES.glob("*.txt")))
    assert f"documents stored: {n}, already stored: 0, failed: 0" in out.stderr


def test_ingesting_again_skips_what_is_stored(ingested):
    store, _ = ingested
    before = run("export", "--format", "nq", "--store", store).stdout
    again = run("ingest", str(ARTICLES), "--store", store)
    assert "documents stored: 0, already stored: 9" in again.stderr
    assert run("export", "--format", "nq", "--store", store).stdout == before


def test_sparql_finds_ukraine_behind_the_drone_strike_on_berth_2(ingested):
    store, _ = ingested
    out = run("query", LINKED_TO_BERTH_2, "--format", "json", "--store", store)
    rows = json.loads(out.stdout)["results"]["bindings"]
    found = {(r["actor"]["value"], r["type"]["value"], r["earliest"]["value"], r["latest"]["value"]) for r in rows}
    assert ("Ukraine", "drone_strike", "2025-11-29", "2025-11-29") in found


def test_the_timeline_page_shows_that_incident(ingested):
    store, _ = ingested
    from web.app import create_app

    from web.store import close_app_store

    app = create_app({"TESTING": True, "STORE": store})
    try:
        with app.test_client() as client:
            page = client.get("/?type=drone_strike")
            assert page.status_code == 200
            html = page.get_data(as_text=True)
            assert "2025-11-29" in html and "Ukraine" in html
            data = client.get("/", headers={"Accept": "application/json"}).get_json()
    finally:
        close_app_store(app)
    cards = [i for i in data["incidents"] if i["type"] == "drone_strike" and i["start"] == "2025-11-29"]
    assert any(p["label"] == "Ukraine" for c in cards for p in c["perpetrators"])


def test_extract_prints_contract_json_and_touches_no_store(tmp_path):
    env_store = tmp_path / "untouched"
    out = subprocess.run(CLI + ["extract", str(ARTICLES / "00-cpc-kazakhstan-dilemma.txt"), "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT, timeout=600,
                         env=dict(os.environ, INCIDENTGRAPH_STORE=str(env_store)))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["document"]["id"].startswith("sha256:") and data["document"]["published"] == "2025-12-03"
    assert {"entities", "incidents", "claims"} <= set(data)
    assert not env_store.exists()


def test_bad_input_is_named_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / "good.txt").write_text("PUBLISHED: 2024-05-02\n\nA drone struck the Ryazan oil refinery on Monday, "
                                     "officials said.\n", encoding="utf-8")
    store = str(tmp_path / "store")
    out = run("ingest", str(folder), "--store", store, check=False)
    assert out.returncode == 1
    for name in ("empty.txt", "binary.txt", "notes.pdf"):
        assert any(name in line and line.startswith("error:") for line in out.stderr.splitlines()), (name, out.stderr)
    assert "documents stored: 1" in out.stderr


def test_the_sample_ingest_conforms_to_the_shapes(ingested):
    from graph.store import open_store
    from graph.validate import validate

    store, _ = ingested
    with open_store(store) as s:
        conforms, report = validate(s)
    assert conforms, report[:3000]
