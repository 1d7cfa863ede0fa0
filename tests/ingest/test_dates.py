"""Date normalization: worked examples and properties over random publication dates."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.dates import find_dates, parse

PUB = date(2025, 12, 3)  # a Wednesday
dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))


@pytest.mark.parametrize("text,expected", [
    ("On 14 September 2019, drones attacked", (date(2019, 9, 14), date(2019, 9, 14))),
    ("On December 3, 2022, a shooting", (date(2022, 12, 3), date(2022, 12, 3))),
    ("damaged in October 2023.", (date(2023, 10, 1), date(2023, 10, 31))),
    ("in Coyote in 2013", (date(2013, 1, 1), date(2013, 12, 31))),
    ("the December 2015 grid cyberattack", (date(2015, 12, 1), date(2015, 12, 31))),
    ("On 31 July and 4 August 2022, the silos", (date(2022, 7, 31), date(2022, 8, 4))),
    ("Date: 2022-12-03", (date(2022, 12, 3), date(2022, 12, 3))),
    ("on Saturday", (date(2025, 11, 29), date(2025, 11, 29))),
    ("the night of November 29", (date(2025, 11, 29), date(2025, 11, 29))),
    ("the night of December 29", (date(2024, 12, 29), date(2024, 12, 29))),
    ("Earlier this week", (date(2025, 12, 1), date(2025, 12, 3))),
    ("last week", (date(2025, 11, 24), date(2025, 11, 30))),
    ("last month", (date(2025, 11, 1), date(2025, 11, 30))),
    ("overnight", (date(2025, 12, 2), date(2025, 12, 3))),
    ("yesterday", (date(2025, 12, 2), date(2025, 12, 2))),
    ("three days ago", (date(2025, 11, 30), date(2025, 11, 30))),
])
def test_examples(text, expected):
    assert parse(text, PUB) == expected


@pytest.mark.parametrize("text", ["on Saturday", "yesterday", "the night of November 29", "earlier this week",
                                  "last month", "overnight"])
def test_relative_dates_need_a_publication_date(text):
    assert find_dates(text)
    assert parse(text, None) is None


@given(dates)
def test_explicit_day_round_trips_in_every_format(d):
    for text in (f"{d.day} {d:%B} {d.year}", f"{d:%B} {d.day}, {d.year}", d.isoformat()):
        assert parse(f"On {text}, it happened", None) == (d, d)


@given(dates)
def test_month_interval_covers_exactly_the_month(d):
    start, end = parse(f"in {d:%B} {d.year}")
    assert start == d.replace(day=1) and start <= d <= end
    assert (end + timedelta(days=1)).day == 1 and end.month == d.month


@given(dates, st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_is_the_latest_such_day_not_after_publication(pub, name):
    start, end = parse(f"on {name}", pub)
    assert start == end and start <= pub and (pub - start).days < 7 and start.strftime("%A") == name


@given(dates)
def test_relative_intervals_are_ordered_and_not_after_publication(pub):
    for text in ("yesterday", "earlier this week", "last week", "last month", "overnight", "this month", "last year"):
        start, end = parse(text, pub)
        assert start <= end <= pub


@given(dates, st.integers(1, 12), st.integers(1, 28))
def test_day_without_year_is_never_after_publication(pub, month, day):
    d = date(2000, month, day)
    start, end = parse(f"the night of {d:%B} {day}", pub)
    assert start == end <= pub and (pub - start).days < 366 and (start.month, start.day) == (month, day)


@pytest.mark.parametrize("text,expected", [
    ("In late June, a drone crashed", (date(2025, 6, 21), date(2025, 6, 30))),
    ("in early March", (date(2025, 3, 1), date(2025, 3, 10))),
    ("mid-October", (date(2025, 10, 11), date(2025, 10, 20))),
    ("late March 2024", (date(2024, 3, 21), date(2024, 3, 31))),
    ("damaged in November", (date(2025, 11, 1), date(2025, 11, 30))),
    ("in December", (date(2025, 12, 1), date(2025, 12, 3))),  # this month: up to publication
    ("since March the plant", (date(2025, 3, 1), date(2025, 3, 31))),
    ("the cable was cut on Christmas Day", (date(2024, 12, 25), date(2024, 12, 25))),
    ("on New Year's Eve", (date(2024, 12, 31), date(2024, 12, 31))),
    ("November - Fibre cuts near Taraz", (date(2025, 11, 1), date(2025, 11, 30))),  # a timeline's entry heading
])
def test_months_without_a_year_and_holidays(text, expected):
    assert parse(text, PUB) == expected


@pytest.mark.parametrize("text", [
    "Officials may decide later.",       # the verb, not the month
    "by may of the rules",
    "a protest march on the ministry",
    "March was cold",                     # a month alone, without a preposition, is not dated
    "Brent: May - futures fell",          # a month after the start of a line
])
def test_month_words_that_are_not_dates(text):
    assert parse(text, PUB) is None


def test_a_month_without_a_publication_date_is_not_guessed():
    assert parse("in late June", None) is None
