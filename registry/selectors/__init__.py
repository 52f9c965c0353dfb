"""Reads for the registry app, by subject: regions with counts and targets, and the progress roll-up; callers
use `from registry import selectors`. A fixed number of queries each."""

from registry.selectors.progress import (
    LEVEL_NAMES,
    NATION_NAME,
    ProgressDay,
    ProgressRow,
    ProgressView,
    progress_for,
    progress_region_level,
    progress_rows_at_level,
    progress_series,
)
from registry.selectors.regions import (
    RegionRow,
    TargetValue,
    ancestors_of,
    current_year,
    descendant_counts,
    kecamatan_in,
    level_totals,
    national_target,
    region_children_rows,
    region_target,
    targets_for,
    village_name_repeats,
    villages_in,
)

__all__ = [
    "LEVEL_NAMES",
    "NATION_NAME",
    "ProgressDay",
    "ProgressRow",
    "ProgressView",
    "RegionRow",
    "TargetValue",
    "ancestors_of",
    "current_year",
    "descendant_counts",
    "kecamatan_in",
    "level_totals",
    "national_target",
    "progress_for",
    "progress_region_level",
    "progress_rows_at_level",
    "progress_series",
    "region_children_rows",
    "region_target",
    "targets_for",
    "village_name_repeats",
    "villages_in",
]
