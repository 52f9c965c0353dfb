"""cooperatives.views.stages: the stage form (forward, or a correction back) and the history tab."""

from __future__ import annotations

import datetime as dt
import html as htmllib

import pytest

from cooperatives.models import StageTransition
from registry.stages import Stage
from tests.cooperatives.builders import record_musdesus, register, update, with_musdesus


def advance(client, coop, **extra):
    return client.post(f"/koperasi/{coop.pk}/tahap/", {"action": "advance", "version": coop.version, **extra})


def test_the_stage_moves_to_musdesus_once_the_musdesus_with_minutes_is_recorded(officer_client, district_officer):
    coop = register(district_officer)
    record_musdesus(district_officer, coop)
    response = advance(officer_client, coop)
    assert response.status_code == 302
    assert response["Location"] == f"/koperasi/{coop.pk}/"
    coop.refresh_from_db()
    assert coop.stage == Stage.MUSDESUS
    move = StageTransition.objects.get(cooperative=coop)
    assert (move.from_stage, move.to_stage, move.is_correction, move.actor) == (
        Stage.BELUM,
        Stage.MUSDESUS,
        False,
        district_officer,
    )


@pytest.mark.parametrize(
    "recorded",
    [
        pytest.param(lambda officer, coop: None, id="nothing"),
        pytest.param(lambda officer, coop: record_musdesus(officer, coop, minutes=False), id="no minutes"),
    ],
)
def test_the_stage_does_not_move_while_evidence_is_missing(officer_client, district_officer, recorded):
    coop = register(district_officer)
    recorded(district_officer, coop)
    response = advance(officer_client, coop)
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.stage == Stage.BELUM
    assert not StageTransition.objects.exists()


def test_the_stage_does_not_move_from_a_stale_page(officer_client, district_officer):
    coop = register(district_officer)
    record_musdesus(district_officer, coop)
    stale = coop.version
    update(district_officer, coop, phone="0711")
    response = officer_client.post(f"/koperasi/{coop.pk}/tahap/", {"action": "advance", "version": stale})
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.stage == Stage.BELUM
    assert not StageTransition.objects.exists()


def test_a_correction_with_a_reason_moves_the_stage_back(officer_client, district_officer):
    coop = with_musdesus(district_officer, register(district_officer))
    response = officer_client.post(
        f"/koperasi/{coop.pk}/tahap/",
        {"action": "correct", "to_stage": "belum", "reason": "Notulen keliru", "version": coop.version},
    )
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.stage == Stage.BELUM
    correction = StageTransition.objects.filter(cooperative=coop, is_correction=True).get()
    assert (correction.from_stage, correction.to_stage, correction.reason, correction.actor) == (
        Stage.MUSDESUS,
        Stage.BELUM,
        "Notulen keliru",
        district_officer,
    )


def test_the_deed_stage_is_not_reached_through_the_stage_form(officer_client, founded):
    coop = founded
    assert coop.stage == Stage.RAPAT_PENDIRIAN
    response = advance(officer_client, coop)
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.stage == Stage.RAPAT_PENDIRIAN
    assert StageTransition.objects.filter(cooperative=coop).count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {"to_stage": "belum", "reason": ""},
        {"to_stage": "belum", "reason": "   "},
        {"to_stage": "belum"},
        {"to_stage": "musdesus", "reason": "Bukan mundur"},
        {"to_stage": "akta", "reason": "Maju lewat koreksi"},
        {"to_stage": "bogus", "reason": "Tahap tak dikenal"},
    ],
)
def test_a_correction_without_a_reason_or_to_a_later_stage_changes_nothing(officer_client, district_officer, data):
    coop = with_musdesus(district_officer, register(district_officer))
    response = officer_client.post(f"/koperasi/{coop.pk}/tahap/", {"action": "correct", **data})
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.stage == Stage.MUSDESUS
    assert not StageTransition.objects.filter(is_correction=True).exists()


# --- history tab -----------------------------------------------------------------------------------------------------


def test_history_names_the_changed_fields_by_their_labels_and_the_officer(client, district_officer):
    coop = register(district_officer)
    update(
        district_officer,
        coop,
        expected_version=coop.version,
        sk_ahu_number="AHU-0001.AH.01.29.TAHUN 2025",
        sk_ahu_date=dt.date(2025, 7, 18),
    )
    client.force_login(district_officer)
    html = client.get(f"/koperasi/{coop.pk}/riwayat/").content.decode()
    assert "nomor SK AHU, tanggal SK AHU" in html
    assert "sk_ahu_number" not in html
    assert district_officer.get_full_name() in html


@pytest.mark.parametrize("role", ["district_officer", "provincial_staff", "national_admin"])
def test_the_history_tab_lists_founder_additions_and_stage_moves_by_the_officer(
    request, client, district_officer, roster, role
):
    client.force_login(request.getfixturevalue(role))
    response = client.get(f"/koperasi/{roster.pk}/riwayat/")
    assert response.status_code == 200
    added = {e.label: e.user for e in response.context["entries"] if e.kind == "+"}
    founders = sorted(roster.members.values_list("full_name", flat=True))
    assert len(founders) == 10
    assert {name: added.get(name) for name in founders} == dict.fromkeys(founders, district_officer)
    moves = [(t.from_stage, t.to_stage, t.actor) for t in response.context["transitions"]]
    assert moves == [("belum", "musdesus", district_officer)]
    html = response.content.decode()
    assert 'data-testid="timeline"' in html
    assert htmllib.escape(district_officer.get_full_name()) in html


def test_the_history_tab_names_who_changed_a_founder(officer_client, colleague, roster):
    response = officer_client.get(f"/koperasi/{roster.pk}/riwayat/")
    changed = [e for e in response.context["entries"] if e.kind == "~" and e.label == "Hendra Gunawan"]
    assert [(e.user, e.changes) for e in changed] == [(colleague, ["NIK"])]
    assert htmllib.escape(colleague.get_full_name()) in response.content.decode()


def test_a_correction_from_a_page_opened_before_a_newer_save_changes_nothing_and_says_why(
    officer_client, district_officer
):
    coop = with_musdesus(district_officer, register(district_officer))
    stale = coop.version - 1
    response = officer_client.post(
        f"/koperasi/{coop.pk}/tahap/",
        {"action": "correct", "to_stage": "belum", "reason": "Notulen keliru", "version": stale},
        follow=True,
    )
    assert "Orang lain sudah menyimpan data ini setelah Anda membukanya." in response.content.decode()
    coop.refresh_from_db()
    assert coop.stage == Stage.MUSDESUS


def test_the_correction_form_carries_the_version_it_was_opened_with(officer_client, district_officer):
    coop = with_musdesus(district_officer, register(district_officer))
    html = officer_client.get(f"/koperasi/{coop.pk}/").content.decode()
    correction = html[html.index('value="correct"') :]
    assert f'name="version" value="{coop.version}"' in correction[:200]
