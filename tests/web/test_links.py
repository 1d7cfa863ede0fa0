"""The links page ("how is A linked to B?") and the analysis commands of the CLI."""
from __future__ import annotations

import json

import pytest

from incidentgraph import cli

from . import keys

UKRAINE = "https://w3id.org/incidentgraph/id/actor/ukraine"
TERMINAL = "https://w3id.org/incidentgraph/id/facility/cpc-marine-terminal"


def test_links_by_key_show_paths_with_evidence(client):
    data = client.get("/links.json?a=actor/ukraine&b=facility/cpc-marine-terminal").get_json()
    assert data["a"]["iri"] == UKRAINE and data["b"]["iri"] == TERMINAL
    first = data["paths"][0]
    assert [n["label"] for n in first["nodes"]] == ["Ukraine", "Drone strike on Berth No. 2", "Berth No. 2",
                                                      "CPC Marine Terminal"]
    assert [s["role"] for s in first["steps"]] == ["perpetrator", "target", "part_of"]
    quote = first["steps"][0]["evidence"][0]
    assert quote["quote"].startswith("Drones struck Berth No. 2")
    html = client.get("/links?a=actor/ukraine&b=facility/cpc-marine-terminal").get_data(as_text=True)
    assert f'href="{keys.CPC_DOC}#m-{quote["start"]}-{quote["end"]}"' in html
    lengths = [len(p["steps"]) for p in data["paths"]]
    assert lengths == sorted(lengths) and max(lengths) <= 4


def test_links_resolve_names_and_respect_k(client):
    by_name = client.get("/links.json?a=Ukraine&b=CPC+Marine+Terminal").get_json()
    assert by_name["a"]["iri"] == UKRAINE and by_name["b"]["iri"] == TERMINAL
    short = client.get("/links.json?a=Ukraine&b=CPC+Marine+Terminal&k=2").get_json()
    assert short["paths"] == []
    assert "Allow 3 steps" in client.get("/links?a=Ukraine&b=CPC+Marine+Terminal&k=2").get_data(as_text=True)


def test_links_ask_which_one_when_a_name_is_ambiguous(client):
    data = client.get("/links.json?a=cpc&b=ukraine").get_json()
    assert data["a"]["iri"] is None and data["paths"] == []
    assert {"CPC Marine Terminal", "CPC administrative building"} <= {c["label"] for c in data["a"]["candidates"]}
    html = client.get("/links?a=cpc&b=ukraine").get_data(as_text=True)
    assert "/links?a=facility/cpc-marine-terminal&amp;b=ukraine" in html


@pytest.mark.parametrize("url, status", [("/links?a=zzz&b=ukraine", 200), ("/links?a=ukraine&b=ukraine", 200),
                                         ("/links?a=ukraine&b=cpc&k=0", 400), ("/links?k=x", 400)])
def test_links_explain_bad_input(client, url, status):
    resp = client.get(url, headers={"Accept": "application/json"})
    assert resp.status_code == status
    body = resp.get_json()
    assert body.get("problem") or body.get("error")


def run(capsys, store, *argv) -> tuple[int, str, str]:
    code = cli.main([*argv, "--store", str(store)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory):
    from .conftest import fill

    path = tmp_path_factory.mktemp("cli") / "store"
    fill(path)
    return path


def test_cli_links(capsys, cli_store):
    code, out, _ = run(capsys, cli_store, "links", "Ukraine", "facility/cpc-marine-terminal")
    assert code == 0
    assert out.splitlines()[0] == "1. Ukraine — Drone strike on Berth No. 2 — Berth No. 2 — CPC Marine Terminal"
    assert "“Drones struck Berth No. 2" in out
    code, out, _ = run(capsys, cli_store, "links", "Ukraine", "CPC Marine Terminal", "--format", "json", "--max-length", "2")
    assert code == 0 and json.loads(out)["paths"] == []


def test_cli_links_refuses_unknown_and_ambiguous_names(capsys, cli_store):
    code, _, err = run(capsys, cli_store, "links", "zzz", "Ukraine")
    assert code == 2 and "nothing is called 'zzz'" in err
    code, _, err = run(capsys, cli_store, "links", "cpc", "Ukraine")
    assert code == 2 and "facility/cpc-marine-terminal" in err


def test_cli_neighbours_with_a_date_window(capsys, cli_store):
    code, out, _ = run(capsys, cli_store, "neighbours", "CPC Marine Terminal", "--radius", "2", "--format", "json")
    labels = {n["label"]: n["distance"] for n in json.loads(out)["nodes"]}
    assert code == 0 and labels["CPC Marine Terminal"] == 0 and labels["Berth No. 2"] == 1
    assert labels["Drone strike on CPC administrative building"] == 2
    code, out, _ = run(capsys, cli_store, "neighbours", "CPC Marine Terminal", "--radius", "2", "--since", "2025-11-29")
    assert code == 0 and "Drone strike on Berth No. 2 (2025-11-29)" in out
    assert "administrative building (" not in out  # its interval starts before the window


def test_cli_central(capsys, cli_store):
    code, out, _ = run(capsys, cli_store, "central", "--top", "3", "--kind", "facility", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 3 and rows[0]["label"] == "CPC Marine Terminal"
    assert all(r["kind"] == "facility" for r in rows)
    code, out, _ = run(capsys, cli_store, "central", "--top", "2")
    assert code == 0 and out.splitlines()[0].split()[:2] == ["rank", "kind"] and len(out.splitlines()) == 3
