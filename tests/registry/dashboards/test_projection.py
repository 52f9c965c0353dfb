"""Projection arithmetic on known series: the pace over a window, the projected date, the pace a chosen date needs."""

import datetime

import pytest

from registry.dashboards.projection import Outlook, needed, pace, project

D = datetime.date(2025, 6, 1)


def days(*values: int, start: datetime.date = D) -> list[tuple[datetime.date, int]]:
    return [(start + datetime.timedelta(days=i), v) for i, v in enumerate(values)]


def test_pace_is_the_growth_per_day_over_the_window():
    series = days(*range(0, 3000, 100))  # 100 a day for 30 days

    assert pace(series, window=14) == 100.0


def test_pace_measures_only_the_last_window_days():
    series = days(*([0] * 10), *range(0, 1500, 100))  # flat 10 days, then 100 a day for 15 days

    assert pace(series, window=14) == 100.0
    assert pace(series, window=28) == pytest.approx(1400 / 24)


def test_pace_uses_the_first_point_when_the_series_is_shorter_than_the_window():
    assert pace(days(10, 20, 40), window=14) == 15.0


def test_pace_skips_days_without_a_snapshot():
    series = [(D, 1000), (D + datetime.timedelta(days=10), 1500)]

    assert pace(series, window=14) == 50.0


def test_projection_gives_the_day_the_target_is_reached_at_the_recent_pace():
    series = days(*range(70_000, 73_000, 100))  # 72,900 on 30 June, 100 a day

    p = project(series, target=80_000, window=14)

    assert p.outlook == Outlook.PROJECTED
    assert (p.current, p.remaining, p.pace) == (72_900, 7_100, 100.0)
    assert p.date == datetime.date(2025, 6, 30) + datetime.timedelta(days=71)


def test_projection_rounds_a_partial_day_up():
    p = project(days(0, 3), target=10, window=14)

    assert p.date == D + datetime.timedelta(days=1 + 3)  # 7 remaining at 3 a day: 2.33 days → 3


def test_projection_when_the_target_is_already_reached():
    p = project(days(79_000, 80_500), target=80_000, window=14)

    assert p.outlook == Outlook.REACHED
    assert p.remaining == 0
    assert p.date is None


def test_projection_without_progress_in_the_window_never_reaches_the_target():
    series = days(*range(0, 500, 50), *([500] * 20))  # growth, then 20 flat days

    p = project(series, target=1_000, window=14)

    assert p.outlook == Outlook.NO_PROGRESS
    assert p.pace == 0.0
    assert p.date is None


def test_projection_of_a_falling_series_is_no_progress():
    assert project(days(600, 550), target=1_000, window=14).outlook == Outlook.NO_PROGRESS


def test_projection_with_one_point_has_no_pace():
    p = project(days(100), target=1_000, window=14)

    assert p.outlook == Outlook.NO_DATA
    assert p.pace is None


def test_projection_without_target_is_not_projected():
    p = project(days(1, 2, 3), target=None, window=14)

    assert p.outlook == Outlook.NO_TARGET
    assert p.remaining is None


def test_needed_pace_for_a_chosen_date():
    n = needed(current=72_900, target=80_000, today=datetime.date(2025, 6, 30), by=datetime.date(2025, 7, 31))

    assert n.per_day == pytest.approx(7_100 / 31)
    assert not n.reached


def test_needed_pace_when_the_target_is_reached():
    n = needed(current=80_000, target=80_000, today=D, by=D + datetime.timedelta(days=5))

    assert (n.per_day, n.reached) == (0.0, True)


@pytest.mark.parametrize("offset", [0, -1])
def test_needed_pace_for_today_or_a_past_date_cannot_be_given(offset):
    n = needed(current=1, target=10, today=D, by=D + datetime.timedelta(days=offset))

    assert n.per_day is None


def test_needed_pace_without_target_is_none():
    assert needed(current=1, target=None, today=D, by=D + datetime.timedelta(days=3)) is None
