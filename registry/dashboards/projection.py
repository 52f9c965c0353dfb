"""Projection arithmetic of the trend: when the target is reached at the recent pace, and the pace a chosen date
needs. Pure functions on (day, value) points, so the arithmetic is tested on known series without a database."""

from __future__ import annotations

import datetime
import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass

WINDOWS = (14, 28)  # the recent paces offered, in days
DEFAULT_WINDOW = 14


class Outlook(enum.StrEnum):
    REACHED = "reached"  # the target is already reached
    NO_TARGET = "no_target"  # the region has no target: nothing to project
    NO_DATA = "no_data"  # fewer than two points in the series: no pace
    NO_PROGRESS = "no_progress"  # the value did not grow in the window: the target is never reached at this pace
    PROJECTED = "projected"


@dataclass(frozen=True)
class Projection:
    outlook: Outlook
    current: int
    target: int | None
    window: int
    pace: float | None  # per day over the window; None without two points
    remaining: int | None  # to the target; None without a target
    date: datetime.date | None  # when the target is reached at `pace` (PROJECTED only)


@dataclass(frozen=True)
class Needed:
    by: datetime.date
    per_day: float | None  # None: the date is not after the last point (nothing can be done by then)
    reached: bool  # the target is reached already


def pace(points: Sequence[tuple[datetime.date, int]], *, window: int) -> float | None:
    """The growth per day over the last `window` days of the series (oldest first): from the last point on or before
    `window` days before the last one (or the first point, when the series is shorter) to the last point."""
    if len(points) < 2:
        return None
    last_day, last_value = points[-1]
    start = last_day - datetime.timedelta(days=window)
    base_day, base_value = points[0]
    for day, value in points:
        if day > start:
            break
        base_day, base_value = day, value
    days = (last_day - base_day).days
    if days <= 0:
        return None
    return (last_value - base_value) / days


def project(points: Sequence[tuple[datetime.date, int]], *, target: int | None, window: int) -> Projection:
    """When the last value of `points` (oldest first, days ascending) reaches `target` at the pace of the window."""
    current = points[-1][1] if points else 0
    per_day = pace(points, window=window)
    if target is None:
        return Projection(Outlook.NO_TARGET, current, None, window, per_day, None, None)
    remaining = max(target - current, 0)
    if remaining == 0:
        return Projection(Outlook.REACHED, current, target, window, per_day, 0, None)
    if per_day is None:
        return Projection(Outlook.NO_DATA, current, target, window, None, remaining, None)
    if per_day <= 0:
        return Projection(Outlook.NO_PROGRESS, current, target, window, per_day, remaining, None)
    date = points[-1][0] + datetime.timedelta(days=math.ceil(remaining / per_day))
    return Projection(Outlook.PROJECTED, current, target, window, per_day, remaining, date)


def needed(*, current: int, target: int | None, today: datetime.date, by: datetime.date) -> Needed | None:
    """The pace per day that reaches `target` from `current` (as of `today`) by the end of `by`. None without target."""
    if target is None:
        return None
    remaining = max(target - current, 0)
    if remaining == 0:
        return Needed(by, 0.0, True)
    days = (by - today).days
    if days <= 0:
        return Needed(by, None, False)
    return Needed(by, remaining / days, False)
