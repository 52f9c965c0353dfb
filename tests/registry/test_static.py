"""Static files: what production's manifest storage needs to collect them (issue 7, point A)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings

VENDOR = Path(settings.BASE_DIR) / "static" / "vendor"
VENDORED = sorted(p for p in VENDOR.rglob("*") if p.suffix in {".js", ".css"})
# `//# sourceMappingURL=x.map` (JS) or `/*# sourceMappingURL=x.map */` (CSS); the manifest storage follows both.
SOURCE_MAP = re.compile(r"^\s*(?://|/\*)\s*[#@]\s*sourceMappingURL=(?P<url>[^\s*]+)", re.MULTILINE)
MANIFEST_STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_there_are_vendored_files_to_check():
    assert {p.name for p in VENDORED} >= {"chart-4.6.1.umd.min.js", "htmx-2.0.11.min.js"}


@pytest.mark.parametrize("path", VENDORED, ids=lambda p: str(p.relative_to(VENDOR)))
def test_vendored_file_points_to_no_source_map_that_is_not_shipped(path):
    targets = [m["url"] for m in SOURCE_MAP.finditer(path.read_text(encoding="utf-8"))]
    missing = [url for url in targets if not url.startswith("data:") and not (path.parent / url).is_file()]
    assert missing == []


def test_collectstatic_with_the_production_manifest_storage_succeeds(tmp_path):
    with override_settings(STORAGES=MANIFEST_STORAGES, STATIC_ROOT=tmp_path):
        call_command("collectstatic", interactive=False, verbosity=0)
        chart = static("vendor/chartjs/chart-4.6.1.umd.min.js")
    assert (tmp_path / "staticfiles.json").is_file()
    assert re.fullmatch(r"/static/vendor/chartjs/chart-4\.6\.1\.umd\.min\.[0-9a-f]{12}\.js", chart)
    assert (tmp_path / chart.removeprefix("/static/")).is_file()
