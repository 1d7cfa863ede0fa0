"""Session 18's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from ingest.dates import find_dates, resolve, with_story_years
from tests.ingest.test_generalization import entity, extract

PUB = date(2026, 5, 20)


def _incidents(out):
    return sorted((i["type"], i["start"], i["end"], sorted(entity(out, t)["name"] for t in i["targets"]),
                   sorted(entity(out, p)["name"] for p in i["perpetrators"])) for i in out["incidents"])


def _story(text: str, published=None):
    return [(x.text, resolve(x, published)) for x in with_story_years(find_dates(text))]


def test_a_day_without_a_year_takes_the_year_the_story_last_named():
    found = _story("On 14 September 2019 drones came. On 20 September a fire; in October a flood. "
                   "In March 2021 a strike; on 2 May a leak.")
    assert found == [("14 September 2019", (date(2019, 9, 14),) * 2), ("20 September", (date(2019, 9, 20),) * 2),
                     ("in October", (date(2019, 10, 1), date(2019, 10, 31))),
                     ("March 2021", (date(2021, 3, 1), date(2021, 3, 31))), ("2 May", (date(2021, 5, 2),) * 2)]


@pytest.mark.parametrize("text", [
    "On 20 September a fire broke out.",  # no year named before it
    "The plant, built in 1978, burned. On 20 September a fire broke out.",  # a bare year is not the story's
])
def test_without_a_named_day_or_month_before_it_a_day_stays_unresolved(text):
    assert _story(text)[-1] == ("20 September", None)


def test_the_publication_date_still_decides_when_there_is_one():
    assert _story("On 14 September 2019 drones came. On 20 September a fire.", date(2026, 5, 20))[-1] \
        == ("20 September", (date(2025, 9, 20),) * 2)


def test_an_undated_article_dates_a_later_incident_by_the_year_it_told(extractor):
    out = extract(extractor, "On 14 September 2019, drones attacked the Tavelo gas plant. On 20 September, "
                             "a fire broke out at the Marrin refinery.", published=None)
    assert _incidents(out) == [("drone_strike", "2019-09-14", "2019-09-14", ["Tavelo gas plant"], []),
                               ("fire", "2019-09-20", "2019-09-20", ["Marrin refinery"], [])]
