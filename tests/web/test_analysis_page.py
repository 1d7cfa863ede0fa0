"""The analysis page ranks entities, pairs actors by shared facilities and lists clusters."""
from . import keys


def test_analysis_page_and_its_twin(client):
    data = client.get("/analysis.json").get_json()
    labels = [r["label"] for r in data["central"]]
    assert labels, data
    assert all(r["kind"] in ("actor", "facility") for r in data["central"])
    assert all(r["url"].startswith("/entity/") for r in data["central"])
    assert data["central"] == sorted(data["central"], key=lambda r: -r["pagerank"])
    html = client.get("/analysis").get_data(as_text=True)
    assert "Central actors and facilities" in html and "<script>alert" not in html
    assert data["communities"] == [] or all(len(g) > 1 for g in data["communities"])


def test_analysis_is_linked_from_every_page(client):
    assert 'href="/analysis"' in client.get(keys.HTML_PAGES[0]).get_data(as_text=True)
