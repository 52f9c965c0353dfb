"""Writes for the registry app, by subject: the region master import, users, demo accounts.

Callers import from here (`from registry.services import regions_import`), not from the modules.
"""

from registry.services.demo import DEMO_LOGINS, DEMO_PASSWORD, DemoLogin, demo_users_ensure
from registry.services.progress import progress_replace, progress_rollup_failed
from registry.services.progress_snapshots import progress_snapshot_take, progress_snapshots_write
from registry.services.regions import RegionImportReport, region_counts_in_master, regions_import
from registry.services.users import user_apply_role_flags, user_create

__all__ = [
    "DEMO_LOGINS",
    "DEMO_PASSWORD",
    "DemoLogin",
    "RegionImportReport",
    "demo_users_ensure",
    "progress_replace",
    "progress_rollup_failed",
    "progress_snapshot_take",
    "progress_snapshots_write",
    "region_counts_in_master",
    "regions_import",
    "user_apply_role_flags",
    "user_create",
]
