"""The tabs of a cooperative page read a fixed number of queries, however many founders and seats there are (same
stage, so the same forms are shown)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registry.models import Region
from tests.cooperatives.builders import add_founders, register, with_board, with_musdesus

TABS = ["", "pendiri/", "pengurus/", "rapat/", "dokumen/", "riwayat/"]


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("tab", TABS)
def test_tab_query_count_does_not_grow_with_the_founders(client, district_officer, tab):
    small = with_musdesus(district_officer, register(district_officer))
    with_board(district_officer, small, add_founders(district_officer, small, count=2))
    other_village = Region.objects.filter(code__startswith="16.03.02.", level=4).order_by("code").first()
    large = with_musdesus(district_officer, register(district_officer, other_village.code))
    with_board(district_officer, large, add_founders(district_officer, large, count=9, serial_offset=100))
    client.force_login(district_officer)
    assert _queries(client, f"/koperasi/{small.pk}/{tab}") == _queries(client, f"/koperasi/{large.pk}/{tab}")


@pytest.mark.parametrize("tab", TABS)
def test_tab_reads_at_most_20_queries(officer_client, founded, django_assert_max_num_queries, tab):
    with django_assert_max_num_queries(20):
        response = officer_client.get(f"/koperasi/{founded.pk}/{tab}")
    assert response.status_code == 200


def test_the_worklist_pages_villages_first_and_never_reads_founders(officer_client, founded):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = officer_client.get("/koperasi/wilayah/16.03/?stage=rapat_pendirian")
    assert response.status_code == 200
    assert [v.code for v in response.context["page"].object_list] == [founded.village_id]
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    assert "cooperatives_foundingmember" not in sql
    # The cooperatives of the page come in one query by village codes, not a subquery per village of the regency.
    reads = [q["sql"] for q in captured.captured_queries if q["sql"].startswith('SELECT "cooperatives_cooperative"')]
    assert len(reads) == 1
    assert '"cooperatives_cooperative"."village_id" IN (' in reads[0]
