"""Find and normalize date expressions; relative ones need the publication date.

Written by hand rather than with dateparser so that every rule is explicit and tested:
an expression resolves to an interval (first day, last day), or to None when the text does
not allow a date (a relative expression without a publication date is never guessed).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Optional

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

Interval = tuple[date, date]

_MON = r"(?P<{0}>January|February|March|April|May|June|July|August|September|October|November|December|" \
       r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?P<{0}>" + "|".join(calendar.day_name) + ")"


def _p(template: str) -> str:
    """Expand {mon:name}, {day:name}, {year:name}, {wd:name} placeholders into named groups."""
    def sub(m: re.Match) -> str:
        kind, name = m.group(1), m.group(2)
        return {"mon": _MON, "day": _DAY, "year": _YEAR, "wd": _WEEKDAY}[kind].format(name)
    return re.sub(r"\{(mon|day|year|wd):(\w+)\}", sub, template)


_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
ORDINALS = {w: i + 1 for i, w in enumerate(_UNITS + ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                                                   "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                                                   "twentieth"])}
ORDINALS.update({f"twenty-{w}": 21 + i for i, w in enumerate(_UNITS)})
ORDINALS.update({"thirtieth": 30, "thirty-first": 31})

# Ordered most specific first; a later pattern never overlaps an earlier match.
PATTERNS: list[tuple[str, re.Pattern]] = [(name, re.compile(_p(rx), re.IGNORECASE)) for name, rx in [
    ("iso", r"\b{year:y}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    # "in the week of August 11": seven days from that day
    ("week_of", r"\bthe week (?:of|starting|beginning) (?:{mon:m} {day:d}|{day:d2} {mon:m2})(?:,? {year:y})?\b"),
    ("dmy_list", r"\b{day:d1} {mon:m1}(?:,? and | to |\s?[-–]\s?| through ){day:d2} {mon:m2},? {year:y}\b"),
    ("dd_my", r"\b{day:d1}(?: and | to |\s?[-–]\s?){day:d2} {mon:m},? {year:y}\b"),
    ("mdy_list", r"\b{mon:m1} {day:d1}(?: and | to |\s?[-–]\s?| through ){mon:m2} {day:d2},? {year:y}\b"),
    # "on the first Friday of April", "the last Sunday of May 2024": that day of the month
    ("nth_weekday", r"\bthe (?P<ord>first|second|third|fourth|last) {wd:wd} (?:of|in) {mon:m}(?:,? {year:y})?\b"),
    # "in the first week of February 2026", "the last days of July", "the second half of March": a slice of a month
    ("month_slice", r"\bthe (?P<ord>first|second|third|fourth|last|final) (?P<unit>week|(?:few )?days|half) of "
                    r"{mon:m}(?:,? {year:y})?\b"),
    # "on the second of December", "the twenty-first of March 2025": a day spelled out
    ("dm_word", r"\bthe (?P<dw>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r") of {mon:m}(?:,? {year:y})?\b"),
    # "April 28 and 29", "May 3-4, 2024", "the 28th and 29th of April": two days of one month
    ("md_days", r"\b{mon:m} {day:d1}(?: and | to |\s?[-–]\s?| through ){day:d2}\b(?:,? {year:y}\b)?(?![-–/]?\d)"),
    ("ord_days", r"\bthe {day:d1} (?:and|to) (?:the )?{day:d2} of {mon:m}\b(?:,? {year:y}\b)?"),
    ("dmy", r"\b{day:d} {mon:m},? {year:y}\b"),
    ("mdy", r"\b{mon:m} {day:d},? {year:y}\b"),
    ("my", r"\b(?:(?P<part>early|mid|late)[- ])?{mon:m},? {year:y}\b"),
    # "on 9 December last year", "in January of last year", "March this year": the year told in words
    ("dm_rel_year", r"\b{day:d} (?:of )?{mon:m},? (?:of )?(?P<rel>last|this) year\b"),
    ("md_rel_year", r"\b{mon:m} {day:d},? (?:of )?(?P<rel>last|this) year\b"),
    ("mon_rel_year", r"\b(?:(?P<part>early|mid|late)[- ])?{mon:m},? (?:of )?(?P<rel>last|this) year\b"),
    # "on the night of 3 to 4 May", "3-4 May": two days of one month in the publication year
    ("dd_m", r"\b{day:d1}(?: and | to |\s?[-–]\s?){day:d2} {mon:m}\b(?!,? (?:1[89]|20)\d\d)"),
    ("dm", r"\b{day:d} (?:of )?{mon:m}\b(?!,? (?:1[89]|20)\d\d)"),
    ("md", r"\b{mon:m} {day:d}\b(?!,? (?:1[89]|20)\d\d)(?!\d)"),
    # "on the 11th", "the morning of the 11th": a day of the publication month (or the one before)
    # (not "the 10th Front", "the 5th floor": a word other than a time of day after it names something else)
    ("dom", r"\b(?:on|of) the (?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?! (?:of )?{mon:m})"
            r"(?!\s+(?!(?:when|at|in|and|or|after|before|as|while|but|during|the|morning|evening|night|afternoon|"
            r"local|from|into|with|by|to|was|were|had|is)\b)[A-Za-z])"),
    # "in late June", "since March", "during May": a month of the publication year (or the year before)
    ("mon", r"\b(?:(?P<pre>in|during|since|until|by|from|through|throughout|between|of|last)\s+)?"
            r"(?:(?P<part>early|mid|late)[- ])?{mon:m}\b(?![-–]?\s?\d)"),
    # fixed-date holidays: "on Christmas Day" is December 25 of the publication year or the one before
    ("holiday", r"\b(?P<h>Christmas Eve|Christmas Day|Boxing Day|New Year's Eve|New Year’s Eve|New Year's Day|"
                r"New Year’s Day)\b"),
    # "on Monday last week", "Tuesday of last week", "on Friday this week": that day of that week
    ("weekday_of_week", r"\b(?:on )?{wd:wd}(?: (?:night|morning|evening|afternoon))?,? (?:of )?(?P<rel>last|this) week\b"),
    ("rel_week", r"\b(?:earlier|later) this week\b|\bthis week\b"),
    ("last_week", r"\blast week\b"),
    ("last_weekend", r"\b(?:last|this past|over the) weekend\b"),
    ("this_month", r"\b(?:earlier|later) this month\b|\bthis month\b"),
    ("last_month", r"\b(?:(?P<part>early|mid|late)[- ]|(?:at |by )?the (?P<edge>end|start|beginning) of )?last month\b"),
    ("this_year", r"\b(?:earlier|later) this year\b|\bthis year\b"),
    ("last_year", r"\b(?:(?P<part>early|mid|late)[- ])?last year\b"),
    ("days_ago", r"\b(?P<n>\d+|one|two|three|four|five|six|seven) days ago\b"),
    ("weeks_ago", r"\b(?:(?P<n>\d+|a|one|two|three|four) weeks?|a (?P<fortnight>fortnight)) ago\b"),
    # "two months ago", "three years ago": that month, that year (a day so far back is rarely meant exactly)
    ("months_ago", r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven) months? ago\b"),
    ("years_ago", r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten) years? ago\b"),
    # "two days later", "three days after the explosion", "the following morning", "the day before",
    # "shortly after the tripping", "later that day", "the same night" (the same day):
    # a day counted from another event the text tells, never from the publication date
    ("offset", r"\b(?:(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) (?P<unit>days?|weeks?)"
               r" (?P<dir>later|after|earlier|before)"
               r"|the (?P<rel>following|next|previous) (?:day|morning|afternoon|evening|night)"
               r"|the day (?P<dir2>after|before)(?! yesterday)"
               r"|(?P<soon>shortly|soon|moments|minutes|hours|immediately) (?:after|afterwards|later)"
               r"|(?:(?:later|earlier) )?(?P<same>that|the same) (?:day|morning|afternoon|evening|night))\b"),
    # "overnight into Monday": the night that ends that day
    ("overnight_into", r"\bovernight (?:into|to) {wd:wd}\b"),
    # "overnight from Sunday to Monday", "the night between Saturday and Sunday", "from Friday to Sunday": the days
    ("weekday_span", r"\b(?:(?:overnight|the night|on the night) )?(?:from|between) {wd:wd1}(?: night)? "
                     r"(?:to|and|into|until) {wd:wd2}\b"),
    ("weekday", r"\b(?:(?P<last>last|this past|on|early|late) )?{wd:wd}"
                r"(?:'s)?(?: (?:night|morning|evening|afternoon))?\b"),
    ("yesterday", r"\byesterday\b|\blast night\b"),
    ("overnight", r"\bovernight\b|\bthe night before\b"),
    ("today", r"\btoday\b|\btonight\b|\bthis morning\b|\bthis evening\b|\bthis afternoon\b"),
    # "late 2023", "in early 2024", "mid-2022": a third of that year
    ("year_part", r"\b(?P<part>early|mid|late)[- ](?P<y>(?:19|20)\d\d)\b(?![-–/]\d)"),
    ("year", r"\b(?<![-–/])(?P<y>(?:19|20)\d\d)\b(?![-–/]\d)"),
]]
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11}
RELATIVE = {"dm_rel_year", "md_rel_year", "mon_rel_year", "rel_week", "last_week", "last_weekend", "this_month",
            "last_month", "this_year", "last_year", "days_ago", "weeks_ago", "months_ago", "years_ago", "weekday", "yesterday", "today",
            "overnight", "dm", "md", "mon", "holiday", "dom", "offset", "dd_m", "overnight_into", "week_of",
            "weekday_span", "slice_m", "nth_wd_m", "weekday_of_week"}
# of those, the ones that only count from the publication date ('overnight', 'on Tuesday', 'last month')
DEICTIC = {"overnight", "overnight_into", "today", "yesterday", "weekday", "weekday_span", "days_ago", "weeks_ago",
           "months_ago", "years_ago",
           "weekday_of_week",
           "rel_week", "last_week", "last_weekend", "this_month", "last_month", "this_year", "last_year"}
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26), "new year's eve": (12, 31),
            "new year's day": (1, 1)}
# "early", "mid" and "late" in a month: its first, middle and last ten days (or so)
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


@dataclass(frozen=True)
class DateExpr:
    """One date expression in a text: where it is, what kind, and its matched groups."""

    start: int
    end: int
    kind: str
    text: str
    groups: tuple[tuple[str, str], ...] = ()
    # the year the text last named before this expression ('On 14 September 2019 ... On 20 September'):
    # a day or month told without one is in it when there is no publication date to count from
    story_year: Optional[int] = None
    # the day a full date told just before named ('On the night of March 26, 2019, ... A week later, on April 2'):
    # a day told without a year soon after it is in its year, whatever the publication year
    anchor: Optional[date] = None
    # the days the title says the text covers ('Gulf press digest, week 24 (8-14 June 2026)'), for a weekday:
    # 'on Monday' in a round-up sent after its week is that week's Monday, not the one before it was sent
    period: Optional[Interval] = None

    @property
    def relative(self) -> bool:
        return self.kind in RELATIVE

    @property
    def precision(self) -> int:
        """Smaller is more precise: day 0, week 1, month 2, year 3."""
        if self.kind in ("iso", "dmy", "mdy", "dm", "md", "dom", "dm_rel_year", "md_rel_year", "days_ago", "weeks_ago",
                         "offset", "weekday", "weekday_of_week", "yesterday", "today", "holiday",
                         "dmy_list", "dd_my", "mdy_list", "dd_m", "nth_wd_my", "nth_wd_m"):
            return 0
        if self.kind in ("rel_week", "last_week", "last_weekend", "overnight", "overnight_into", "week_of", "weekday_span",
                         "slice_my", "slice_m"):
            return 1
        if self.kind in ("my", "this_month", "last_month", "mon", "mon_rel_year", "months_ago"):
            return 2
        return 3

    def resolve(self, published: Optional[date] = None) -> Optional[Interval]:
        return resolve(self, published)

    @property
    def offset_days(self) -> Optional[int]:
        """Days from the event it counts from ('two days later': 2, 'the day before': -1); None for
        every other kind."""
        if self.kind != "offset":
            return None
        g = dict(self.groups)
        if g.get("soon") or g.get("same"):
            return 0  # 'shortly after the tripping', 'hours later', 'that night': the same day
        if g.get("rel"):
            return -1 if g["rel"].lower() == "previous" else 1
        if g.get("dir2"):
            return 1 if g["dir2"].lower() == "after" else -1
        n = g["n"].lower()
        n = int(n) if n.isdigit() else _NUMBERS[n]
        days = n * (7 if g["unit"].lower().startswith("week") else 1)
        return days if g["dir"].lower() in ("later", "after") else -days


# The words a match of each pattern can begin with, in lower case (DIGIT: any word that
# begins with a digit). Every pattern starts with \b and a word of its own (a month, "last",
# "early", a day number ...) that ends where the text's word ends, so ``find_dates`` tries a
# pattern only at the words of the text that can begin it, instead of scanning the whole
# text 24 times: the same matches, in a small part of the time. A new pattern needs its
# entry here (one without an entry is scanned over the whole text, as before);
# tests/ingest/test_dates_fast.py checks the result against plain scanning.
DIGIT = "0"
_MONTH_WORDS = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", _MON.split(">", 1)[1]))
_PARTS = {"early", "mid", "late"}
_THIS = {"earlier", "later", "this"}
STARTS: dict[str, frozenset] = {k: frozenset(v) for k, v in {
    "iso": {DIGIT}, "week_of": {"the"}, "dmy_list": {DIGIT}, "dd_my": {DIGIT}, "mdy_list": _MONTH_WORDS, "dmy": {DIGIT},
    "mdy": _MONTH_WORDS, "my": _MONTH_WORDS | _PARTS, "dm_rel_year": {DIGIT}, "md_rel_year": _MONTH_WORDS,
    "mon_rel_year": _MONTH_WORDS | _PARTS, "dd_m": {DIGIT}, "dm": {DIGIT}, "md": _MONTH_WORDS,
    "dom": {"on", "of"}, "md_days": _MONTH_WORDS, "ord_days": {"the"},
    "mon": _MONTH_WORDS | _PARTS | {"in", "during", "since", "until", "by", "from", "through", "throughout",
                                    "between", "of", "last"},
    "holiday": {"christmas", "boxing", "new"},
    "rel_week": _THIS, "last_week": {"last"}, "last_weekend": {"last", "this", "over"}, "this_month": _THIS,
    "last_month": {"last", "at", "by", "the"} | _PARTS, "weeks_ago": {DIGIT, "a", "one", "two", "three", "four"},
    "months_ago": {DIGIT} | set(_NUMBERS), "years_ago": {DIGIT} | set(_NUMBERS),
    "this_year": _THIS, "overnight_into": {"overnight"}, "year_part": _PARTS,
    "weekday_span": {"overnight", "the", "on", "from", "between"},
    "last_year": {"last"} | _PARTS,
    "days_ago": {DIGIT, "one", "two", "three", "four", "five", "six", "seven"},
    "offset": {DIGIT, "the", "shortly", "soon", "moments", "minutes", "hours", "immediately", "that", "later",
               "earlier"} | set(_NUMBERS),
    "weekday": {"last", "this", "on", "early", "late"} | {d.lower() for d in calendar.day_name},
    "yesterday": {"yesterday", "last"}, "overnight": {"overnight", "the"},
    "today": {"today", "tonight", "this"}, "year": {DIGIT}, "dm_word": {"the"}, "month_slice": {"the"},
    "nth_weekday": {"the"},
    "weekday_of_week": {"on"} | {d.lower() for d in calendar.day_name},
}.items()}
_START_WORDS = frozenset().union(*STARTS.values())
_WORD = re.compile(r"\w+")
_ANY = "*"  # a word with a non-ASCII letter: it may fold to a start word under IGNORECASE


def _word_starts(text: str) -> dict[str, list[int]]:
    """Where each word of the text that can begin a date expression begins, by its lower-case
    form (DIGIT for words that begin with a digit, _ANY for words with non-ASCII letters)."""
    wanted = _START_WORDS
    where: dict[str, list[int]] = {}
    for m in _WORD.finditer(text):
        w = m.group()
        if w[0].isdecimal():
            key = DIGIT
        elif w.isascii():
            key = w.lower()
            if key not in wanted:
                continue
        else:
            key = _ANY
        found = where.get(key)
        if found is None:
            where[key] = [m.start()]
        else:
            found.append(m.start())
    return where


def _matches(kind: str, rx: re.Pattern, text: str, where: dict[str, list[int]]):
    """What ``rx.finditer(text)`` yields, trying the pattern only where one of its start
    words begins (``match`` at a position sees the text before it, as a scan does)."""
    starts = STARTS.get(kind)
    if starts is None:
        yield from rx.finditer(text)
        return
    spots = [where[k] for k in starts if k in where]
    if DIGIT not in starts or len(starts) > 1:
        if _ANY in where:
            spots.append(where[_ANY])
    if not spots:
        return
    positions = spots[0] if len(spots) == 1 else sorted(set().union(*spots))
    pos = 0
    for at in positions:
        if at < pos:
            continue
        m = rx.match(text, at)
        if m is not None:
            yield m
            pos = m.end()


def find_dates(text: str, offset: int = 0) -> list[DateExpr]:
    """All date expressions in ``text`` (non-overlapping, in text order); offsets shifted by ``offset``."""
    taken: list[tuple[int, int]] = []
    found: list[DateExpr] = []
    where = _word_starts(text)
    for kind, rx in PATTERNS:
        for m in _matches(kind, rx, text, where):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            expr = expression(kind, m, text, offset)
            if expr is not None:
                taken.append((s, e))
                found.append(expr)
    found.sort(key=lambda d: d.start)
    return found


# kinds that name their year, and the year-less calendar kinds that take the story's year from them
NAMES_YEAR = {"iso", "dmy", "mdy", "my", "dmy_list", "dd_my", "mdy_list", "slice_my", "nth_wd_my"}
YEARLESS = {"dm", "md", "dd_m", "mon", "holiday", "week_of", "slice_m", "nth_wd_m"}


# a numbered issue of a year in a title: 'Weekly, issue 27/2021', 'week 35/2020', 'Monitor, No. 41/2022'
ISSUE_YEAR = re.compile(r"\b(?:week|wk|issue|no\.?|number|weekly|bulletin)\s*\d{1,3}\s*/\s*((?:19|20)\d\d)\b", re.I)


def title_year(title: Optional[str]) -> Optional[int]:
    """The one year a title names ('Security brief, week 33 (12-18 August 2024)'), if it names exactly one;
    else the year of the numbered issue it is ('Power Weekly, issue 27/2021 (5-11 July)')."""
    years = {int(dict(x.groups)["y"]) for x in find_dates(title or "") if x.kind in NAMES_YEAR}
    if not years:
        years = {int(y) for y in ISSUE_YEAR.findall(title or "")}
    return years.pop() if len(years) == 1 else None


# kinds a title's covered days are told in ('week 24 (8-14 June 2026)', '30 September - 6 October 2024'), the
# longest such span, and how long after its end a round-up may be sent for its weekdays to be the span's
PERIOD_KINDS = {"dd_my", "dmy_list", "mdy_list"}
PERIOD_DAYS = 14
PERIOD_SENT_DAYS = 14
# weekday kinds counted back from the end of a title's period instead of the publication day
PERIOD_WEEKDAYS = {"weekday", "weekday_span", "overnight_into"}


def title_period(title: Optional[str], year: Optional[int] = None) -> Optional[Interval]:
    """The one span of days a title says its text covers ('Security brief, week 33 (12-18 August 2024)',
    'Weekly, issue 27/2021 (5-11 July)': ``year``, the title's, when its caller has it): a range, not two days
    joined by 'and' ('14 and 21 September 2025'), of at most two weeks."""
    spans, year = [], year if year is not None else title_year(title)
    for x in find_dates(title or ""):
        if x.kind == "dd_m" and year is not None:  # the range's year is the issue's
            x = replace(x, kind="dd_my", groups=(*x.groups, ("y", str(year))))
        if x.kind not in PERIOD_KINDS or re.search(r"\band\b", x.text):
            continue
        days = resolve(x)
        if days and 0 < (days[1] - days[0]).days < PERIOD_DAYS:
            spans.append(days)
    return spans[0] if len(spans) == 1 else None


def with_period(found: list[DateExpr], period: Optional[Interval]) -> list[DateExpr]:
    """``found`` with each weekday given the title's covered days, when the title names them."""
    if period is None:
        return found
    return [replace(x, period=period) if x.kind in PERIOD_WEEKDAYS else x for x in found]


# how near (in characters) a full date must be told before a year-less day for the day to be in its year
# (with no other year named between them)
ANCHOR_CHARS = 1500
# how long after that date the year-less day may fall ('a week later, on April 2')
ANCHOR_DAYS = 92


def with_story_years(found: list[DateExpr], year: Optional[int] = None) -> list[DateExpr]:
    """``found`` (in text order) with each year-less calendar date given the year last named before it
    (before the first, ``year``: the title's), and a year-less day told soon after a full date that day."""
    out = []
    anchor: Optional[tuple[int, date]] = None  # (where it ends, the day) of the last full date
    for expr in found:
        if expr.kind in YEARLESS and year is not None:
            expr = replace(expr, story_year=year)
        elif expr.kind in NAMES_YEAR:
            year = int(dict(expr.groups)["y"])
        if expr.kind in ("dmy", "mdy", "iso"):
            day = resolve(expr)
            anchor = (expr.end, day[0]) if day else None
        elif anchor is not None and (expr.kind in NAMES_YEAR or expr.kind == "year") \
                and int(dict(expr.groups)["y"]) != anchor[1].year:
            anchor = None  # 'in 2016 ... on 3 May': another year told since
        elif expr.kind in ("dm", "md") and anchor is not None and expr.start - anchor[0] <= ANCHOR_CHARS:
            expr = replace(expr, anchor=anchor[1])
        out.append(expr)
    return out


def expression(kind: str, m: re.Match, text: str, offset: int = 0) -> Optional[DateExpr]:
    """The date expression a pattern's match makes, or None when the words around say it is none."""
    s, e = m.span()
    groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
    if kind == "month_slice":
        kind = "slice_my" if m.group("y") else "slice_m"
    if kind == "nth_weekday":
        kind = "nth_wd_my" if m.group("y") else "nth_wd_m"
    if kind in ("md_days", "ord_days"):  # the same two days as '28 and 29 April (2024)'
        kind = "dd_my" if m.group("y") else "dd_m"
    if kind == "dm_word":  # spelled out: the same as its figures
        g = dict(groups)
        g["d"] = str(ORDINALS[g.pop("dw").lower()])
        kind, groups = ("dmy" if "y" in g else "dm"), tuple(g.items())
    if kind in ("dm", "md", "dmy", "mdy", "my", "dm_rel_year", "md_rel_year") and not _valid(kind, dict(groups)):
        return None
    if kind == "mon" and not _bare_month(m):
        return None
    if kind == "year" and s > 0 and text[s - 1] == "(" and BUILT.match(text, e):
        return None  # "the tanker Yong Tai Feng (2009, 105,000 dwt)": the year it was built
    if NAMED_AFTER.match(text, e):
        return None  # "6th of October City", "the 6 October Bridge": a name that holds a date
    return DateExpr(s + offset, e + offset, kind, m.group(0), groups)


def _valid(kind: str, g: dict) -> bool:
    if "d" in g:
        try:
            d = int(g["d"])
        except ValueError:
            return False
        if not 1 <= d <= 31:
            return False
    return True


# a capitalized place or structure word right after a date makes the date part of a name
NAMED_AFTER = re.compile(r" (?:City|Bridge|Street|Square|Avenue|Road|Stadium|University|District|Governorate|Town|"
                         r"Airport|Dam|Park|Station|Boulevard|Corridor|Metro|Line)\b")
BUILT = re.compile(r",\s*[\d,.]+\s*(?:dwt|gt|grt|teu|tonnes|t)\b", re.I)
HEADING_DASH = re.compile(r"\s*[-–—:]\s")
EVENT_AFTER = re.compile(r" (?:attacks?|strikes?|bombings?|blasts?|raids?|explosions?|fires?|outages?|floods?)\b")


def _bare_month(m: re.Match) -> bool:
    """A month name alone is a date only when written as one: capitalized and led by a
    preposition or a part of the month ("in June", "late March"), never the verb "may"."""
    name = m.group("m")
    if not name[:1].isupper() or name.lower().rstrip(".") not in MONTHS:
        return False
    if m.group("part"):
        return True
    pre = (m.group("pre") or "").lower()
    if not pre and (m.start() == 0 or m.string[m.start() - 1] == "\n") and HEADING_DASH.match(m.string, m.end()):
        return True  # "November - Fibre cuts near Taraz": a timeline's entry heading
    if not pre and m.string[max(0, m.start() - 4):m.start()].lower() == "the " and EVENT_AFTER.match(m.string, m.end()):
        return True  # "behind the May attacks"
    if name.lower() == "may":  # "by May" could be "by may": only the unambiguous prepositions
        return pre in ("in", "during", "since", "until", "last")
    # "Or consider January, when a ransomware attack froze ...": a month that a 'when' clause dates
    return bool(pre) or m.string.startswith(", when ", m.end())


def month_part(interval: Interval, part: Optional[str]) -> Interval:
    """The early, mid or late part of a month interval; the whole month without a part."""
    if not part:
        return interval
    lo, hi = MONTH_PARTS[part.lower()]
    first, last = interval
    return first.replace(day=lo), last.replace(day=min(hi, last.day))


def nth_weekday(year: int, month: int, weekday: int, ordinal: str) -> date:
    """'the first Friday of April 2026' (ordinal first to fourth, or last)."""
    first, last = month_interval(year, month)
    if ordinal.lower() == "last":
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    n = {"first": 0, "second": 1, "third": 2, "fourth": 3}[ordinal.lower()]
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * n)


def month_slice(year: int, month: int, ordinal: str, unit: str) -> Interval:
    """'the first week', 'the last days', 'the second half' of a month: its days 1-7, its last five, 16 to the end."""
    first, last = month_interval(year, month)
    n = {"first": 0, "second": 1, "third": 2, "fourth": 3}.get(ordinal.lower())
    unit = unit.lower()
    if unit == "half":
        return (first, first + timedelta(days=14)) if n == 0 else (first + timedelta(days=15), last)
    if unit.endswith("days"):
        return (first, first + timedelta(days=4)) if n == 0 else (last - timedelta(days=4), last)
    if n is None:  # 'the last week of May'
        return last - timedelta(days=6), last
    return first + timedelta(days=7 * n), first + timedelta(days=7 * n + 6)


def month_interval(year: int, month: int) -> Interval:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last)


def year_interval(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def previous_month(d: date) -> tuple[int, int]:
    return (d.year, d.month - 1) if d.month > 1 else (d.year - 1, 12)


def last_weekday(published: date, weekday: int, strictly_before: bool = False) -> date:
    """The latest given weekday on or before ``published`` (strictly before when asked)."""
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - timedelta(days=back)


def day_without_year(month: int, day: int, published: date) -> Optional[date]:
    """'November 29' in an article: the publication year, or the year before if that is later."""
    for year in (published.year, published.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= published:
            return d
    return None


def _mk(y: str, m: str, d: str) -> Optional[date]:
    try:
        return date(int(y), MONTHS[m.lower().rstrip(".")], int(d))
    except (ValueError, KeyError):
        return None


def resolve(expr: DateExpr, published: Optional[date] = None) -> Optional[Interval]:
    """The interval an expression denotes, or None when it cannot be known."""
    g = dict(expr.groups)
    k = expr.kind
    if published is None and expr.story_year and k in YEARLESS:
        published = date(expr.story_year, 12, 31)  # no publication day: a reader takes the story's year
    if k == "iso":
        try:
            d = date(int(g["y"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return None
        return d, d
    if k in ("dmy", "mdy"):
        d = _mk(g["y"], g["m"], g["d"])
        return (d, d) if d else None
    if k == "dmy_list" or k == "mdy_list":
        a, b = _mk(g["y"], g["m1"], g["d1"]), _mk(g["y"], g["m2"], g["d2"])
        if not a or not b:
            return None
        if a > b:  # "30 December and 2 January 2024": the first day is in the year before
            a = _mk(str(int(g["y"]) - 1), g["m1"], g["d1"])
        return (min(a, b), max(a, b)) if a else None
    if k == "dd_my":
        a, b = _mk(g["y"], g["m"], g["d1"]), _mk(g["y"], g["m"], g["d2"])
        return (min(a, b), max(a, b)) if a and b else None
    if k == "my":
        try:
            return month_part(month_interval(int(g["y"]), MONTHS[g["m"].lower().rstrip(".")]), g.get("part"))
        except (ValueError, KeyError):
            return None
    if k == "nth_wd_my":
        d = nth_weekday(int(g["y"]), MONTHS[g["m"].lower().rstrip(".")], WEEKDAYS[g["wd"].lower()], g["ord"])
        return d, d
    if k == "slice_my":
        return month_slice(int(g["y"]), MONTHS[g["m"].lower().rstrip(".")], g["ord"], g["unit"])
    if k == "year":
        return year_interval(int(g["y"]))
    if k == "year_part":  # "late 2023": its last four months, as "late last year"
        first_m, last_m = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[g["part"].lower()]
        y = int(g["y"])
        return date(y, first_m, 1), month_interval(y, last_m)[1]
    if k == "week_of":
        month, day = MONTHS[(g.get("m") or g["m2"]).lower().rstrip(".")], int(g.get("d") or g["d2"])
        try:
            first = date(int(g["y"]), month, day) if g.get("y") else \
                (day_without_year(month, day, published) if published else None)
        except ValueError:
            return None
        if first is None:
            return None
        last = first + timedelta(days=6)
        return first, min(last, published) if published and published >= first else last
    if expr.period is not None and k in PERIOD_WEEKDAYS and (published is None or expr.period[1] < published <= (
            expr.period[1] + timedelta(days=PERIOD_SENT_DAYS))):
        published = expr.period[1]  # a round-up of a week told in its title: its weekdays are in that week
    if published is None:
        return None
    p = published
    if k in ("dm_rel_year", "md_rel_year", "mon_rel_year"):  # the year told in words, the month or day in it
        year = p.year - (g["rel"].lower() == "last")
        if k == "mon_rel_year":
            first, last = month_part(month_interval(year, MONTHS[g["m"].lower().rstrip(".")]), g.get("part"))
        else:
            first = last = _mk(str(year), g["m"], g["d"])
        return (first, min(last, p)) if first and first <= p else None
    if k in ("dm", "md"):
        month, day = MONTHS[g["m"].lower().rstrip(".")], int(g["d"])
        if expr.anchor is not None:  # 'March 26, 2019 ... a week later, on April 2': in the year just told
            try:
                d = date(expr.anchor.year, month, day)
            except ValueError:
                d = None
            if d is not None and expr.anchor <= d <= min(p, expr.anchor + timedelta(days=ANCHOR_DAYS)):
                return d, d
        d = day_without_year(month, day, p)
        return (d, d) if d else None
    if k == "dd_m":
        month = MONTHS[g["m"].lower().rstrip(".")]
        a, b = day_without_year(month, int(g["d1"]), p), day_without_year(month, int(g["d2"]), p)
        return (min(a, b), max(a, b)) if a and b else None
    if k == "dom":  # the latest such day by the publication day
        day, first = int(g["d"]), p.replace(day=1)
        for month_start in (first, (first - timedelta(days=1)).replace(day=1)):
            try:
                d = month_start.replace(day=day)
            except ValueError:
                continue
            if d <= p:
                return d, d
        return None
    if k == "nth_wd_m":  # the latest such day by the publication day
        month, wd = MONTHS[g["m"].lower().rstrip(".")], WEEKDAYS[g["wd"].lower()]
        year = p.year if month <= p.month else p.year - 1
        d = nth_weekday(year, month, wd, g["ord"])
        d = d if d <= p else nth_weekday(year - 1, month, wd, g["ord"])
        return d, d
    if k == "slice_m":  # as 'mon': the latest such month begun by the publication day
        month = MONTHS[g["m"].lower().rstrip(".")]
        year = p.year if month <= p.month else p.year - 1
        first, last = month_slice(year, month, g["ord"], g["unit"])
        if first > p:  # 'the last week of May' written on 20 May: last year's
            first, last = month_slice(year - 1, month, g["ord"], g["unit"])
        return first, min(last, p)
    if k == "holiday":
        month, day = HOLIDAYS[g["h"].lower().replace("’", "'")]
        d = day_without_year(month, day, p)
        return (d, d) if d else None
    if k == "mon":  # the latest such month that has begun by the publication day ("last June": before this one)
        month = MONTHS[g["m"].lower().rstrip(".")]
        year = p.year if month < p.month or month == p.month and (g.get("pre") or "").lower() != "last" else p.year - 1
        first, last = month_part(month_interval(year, month), g.get("part"))
        return (first, min(last, p)) if first <= p else None
    if k == "rel_week":  # on a Monday "this week" is the week just told (a round-up), or today
        return (monday(p), p) if p.weekday() else (p - timedelta(days=7), p)
    if k == "weekday_of_week":  # "Monday last week": the Monday of the week before the publication's
        start = monday(p) - timedelta(days=7 if g["rel"].lower() == "last" else 0)
        d = start + timedelta(days=WEEKDAYS[g["wd"].lower()])
        return (d, d) if d <= p else None
    if k == "last_week":
        start = monday(p) - timedelta(days=7)
        return start, start + timedelta(days=6)
    if k == "last_weekend":
        sat = last_weekday(p, 5)
        sun = sat + timedelta(days=1)
        return (sat, min(sun, p)) if sun > p else (sat, sun)
    if k == "this_month":
        return p.replace(day=1), p
    if k == "last_month":  # "late last month", "at the end of last month": its last ten days
        edge = {"end": "late", "start": "early", "beginning": "early"}.get((g.get("edge") or "").lower())
        return month_part(month_interval(*previous_month(p)), g.get("part") or edge)
    if k == "this_year":
        return date(p.year, 1, 1), p
    if k == "last_year":  # "late last year": its last four months
        first, last = year_interval(p.year - 1)
        part = (g.get("part") or "").lower()
        if part:
            months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
            first, last = date(p.year - 1, months[0], 1), month_interval(p.year - 1, months[1])[1]
        return first, last
    if k == "weeks_ago":  # "a week ago": that day, as "seven days ago" would be
        n = g.get("n")
        weeks = 2 if g.get("fortnight") else int(n) if n.isdigit() else _NUMBERS[n.lower()]
        d = p - timedelta(days=7 * weeks)
        return d, d
    if k in ("months_ago", "years_ago"):
        n = g["n"].lower()
        n = int(n) if n.isdigit() else _NUMBERS[n]
        if k == "years_ago":
            return year_interval(p.year - n)
        months = p.year * 12 + p.month - 1 - n
        return month_interval(months // 12, months % 12 + 1)
    if k == "days_ago":
        n = g["n"]
        n = int(n) if n.isdigit() else _NUMBERS[n.lower()]
        d = p - timedelta(days=n)
        return d, d
    if k == "weekday":
        last = (g.get("last") or "").lower() == "last"
        d = last_weekday(p, WEEKDAYS[g["wd"].lower()], strictly_before=last)
        if last and (p - d).days == 1:
            d -= timedelta(days=7)  # 'last Wednesday' written on a Thursday: not yesterday, the week before's
        return d, d
    if k == "weekday_span":  # "overnight from Sunday to Monday": the last such days by the publication day
        end = last_weekday(p, WEEKDAYS[g["wd2"].lower()])
        back = (WEEKDAYS[g["wd2"].lower()] - WEEKDAYS[g["wd1"].lower()]) % 7
        return end - timedelta(days=back), end
    if k == "overnight_into":  # "overnight into Monday": Sunday night and Monday
        d = last_weekday(p, WEEKDAYS[g["wd"].lower()])
        return d - timedelta(days=1), d
    if k == "yesterday":
        d = p - timedelta(days=1)
        return d, d
    if k == "today":
        return p, p
    if k == "overnight":  # the night that ends on the publication day
        return p - timedelta(days=1), p
    return None


def parse(text: str, published: Optional[date] = None) -> Optional[Interval]:
    """The interval of the first date expression in ``text`` (a convenience for callers and tests)."""
    found = find_dates(text)
    return resolve(found[0], published) if found else None


def overlap(a: Optional[Interval], b: Optional[Interval]) -> bool:
    """True when both intervals are known and share a day."""
    return bool(a and b and a[0] <= b[1] and b[0] <= a[1])


def hull(a: Optional[Interval], b: Optional[Interval]) -> Optional[Interval]:
    if not a:
        return b
    if not b:
        return a
    return min(a[0], b[0]), max(a[1], b[1])
