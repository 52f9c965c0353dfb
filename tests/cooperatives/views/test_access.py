"""Who may open which cooperative page: the scoping matrix of every URL of the cooperatives app.

Outside the user's area, or a write the role may not make: 404 (never a hint that the record exists). The notary,
whose role has no `cooperative.view`, gets 403 on the worklist (a page the role may not open) and 404 on the
records. Anonymous users are sent to the login page. A refused request changes nothing in the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.urls import resolve, reverse

from cooperatives import services, urls
from cooperatives.choices import MeetingKind, Position, UnitKind, UnitStatus
from cooperatives.models import (
    BusinessUnit,
    Cooperative,
    Document,
    FoundingMember,
    Meeting,
    NikView,
    Officer,
    StageTransition,
)
from registry.stages import Stage
from tests.cooperatives.builders import add_founders, register, with_board, with_musdesus
from tests.cooperatives.views.pages import post_actions
from tests.factories import make_nik, pdf_file

FREE_VILLAGE = "16.03.01.2012"  # Pagar Dewa, Tanjung Agung: no cooperative in these tests


@dataclass
class Scene:
    """A Muara Enim cooperative at the Musdesus stage, ready for the founding-meeting stage, so that each write below
    would succeed for the regency's officer."""

    coop: Cooperative
    members: list[FoundingMember]
    seat: Officer
    unit: BusinessUnit
    document: Document


@pytest.fixture
def scene(district_officer) -> Scene:
    coop = with_musdesus(district_officer, register(district_officer))
    members = add_founders(district_officer, coop)
    with_board(district_officer, coop, members)
    services.meeting_record(
        actor=district_officer,
        cooperative=coop,
        kind=MeetingKind.FOUNDING,
        date=dt.date(2025, 6, 10),
        place="Balai Desa",
        attendance=40,
        minutes=pdf_file("ba-pendirian.pdf"),
    )
    unit = services.business_unit_set(
        actor=district_officer, cooperative=coop, kind=UnitKind.SEMBAKO, status=UnitStatus.PLANNED
    )
    coop.refresh_from_db()
    return Scene(
        coop=coop,
        members=members,
        seat=coop.officers.get(position=Position.KETUA_PENGAWAS),
        unit=unit,
        document=coop.meetings.get(kind=MeetingKind.MUSDESUS).minutes,
    )


TRACKED = [BusinessUnit, Cooperative, Document, FoundingMember, Meeting, NikView, Officer, StageTransition]


def snapshot(scene: Scene) -> dict:
    """Row counts, history rows (every save adds one) and the cooperative's version and stage."""
    state = {model.__name__: model.objects.count() for model in TRACKED}
    for model in TRACKED:
        if hasattr(model, "history"):
            state[f"history:{model.__name__}"] = model.history.count()
    coop = Cooperative.objects.get(pk=scene.coop.pk)
    state["coop"] = (coop.name, coop.stage, coop.version)
    return state


def founder_payload(serial: int = 50, **extra) -> dict:
    return {
        "nik": make_nik(birth=dt.date(1991, 8, 17), serial=serial),
        "full_name": "Wahyu Saputra",
        "birth_place": "Muara Enim",
        "address": "Dusun 3",
        "rt": "001",
        "rw": "003",
        **extra,
    }


# (method, url, data): each a function of the scene, so files are fresh for every request.
READS = {
    "worklist of the regency": lambda s: "/koperasi/wilayah/16.03/",
    "worklist of the province": lambda s: "/koperasi/wilayah/16/",
    "detail": lambda s: f"/koperasi/{s.coop.pk}/",
    "founders": lambda s: f"/koperasi/{s.coop.pk}/pendiri/",
    "board": lambda s: f"/koperasi/{s.coop.pk}/pengurus/",
    "meetings": lambda s: f"/koperasi/{s.coop.pk}/rapat/",
    "documents": lambda s: f"/koperasi/{s.coop.pk}/dokumen/",
    "history": lambda s: f"/koperasi/{s.coop.pk}/riwayat/",
    "download": lambda s: f"/koperasi/{s.coop.pk}/dokumen/{s.document.pk}/",
}
RECORD_READS = {k: v for k, v in READS.items() if not k.startswith("worklist")}

WRITES = {
    "create page": ("get", lambda s: f"/koperasi/baru/{FREE_VILLAGE}/", None),
    "create": ("post", lambda s: f"/koperasi/baru/{FREE_VILLAGE}/", lambda s: {"pattern": "pendirian_baru"}),
    "edit page": ("get", lambda s: f"/koperasi/{s.coop.pk}/ubah/", None),
    "edit": (
        "post",
        lambda s: f"/koperasi/{s.coop.pk}/ubah/",
        lambda s: {"version": s.coop.version, "name": "Koperasi Ganti Nama", "pattern": "pendirian_baru"},
    ),
    "business unit": (
        "post",
        lambda s: f"/koperasi/{s.coop.pk}/usaha/",
        lambda s: {"kind": UnitKind.KLINIK, "status": UnitStatus.PLANNED},
    ),
    "business unit removal": ("post", lambda s: f"/koperasi/{s.coop.pk}/usaha/{s.unit.pk}/hapus/", lambda s: {}),
    "founder": ("post", lambda s: f"/koperasi/{s.coop.pk}/pendiri/", lambda s: founder_payload()),
    "NIK check": (
        "post",
        lambda s: f"/koperasi/{s.coop.pk}/pendiri/periksa-nik/",
        lambda s: {"nik": make_nik(serial=77)},
    ),
    "founder edit page": ("get", lambda s: f"/koperasi/{s.coop.pk}/pendiri/{s.members[8].pk}/ubah/", None),
    "founder edit": (
        "post",
        lambda s: f"/koperasi/{s.coop.pk}/pendiri/{s.members[8].pk}/ubah/",
        lambda s: founder_payload(
            nik=s.members[8].nik, full_name="Nama Diubah", version=s.members[8].version, birth_place="Lahat"
        ),
    ),
    "founder removal": ("post", lambda s: f"/koperasi/{s.coop.pk}/pendiri/{s.members[8].pk}/hapus/", lambda s: {}),
    "seat": (
        "post",
        lambda s: f"/koperasi/{s.coop.pk}/pengurus/",
        lambda s: {"position": Position.ANGGOTA_PENGAWAS, "member": s.members[7].pk},
    ),
    "seat removal": ("post", lambda s: f"/koperasi/{s.coop.pk}/pengurus/{s.seat.pk}/hapus/", lambda s: {}),
    "meeting": (
        "post",
        lambda s: f"/koperasi/{s.coop.pk}/rapat/",
        lambda s: {
            "kind": MeetingKind.FOUNDING,
            "date": "2025-06-11",
            "place": "Aula Kecamatan",
            "attendance": "41",
            "minutes": pdf_file("ba-baru.pdf"),
        },
    ),
    "document": (
        "post",
        lambda s: f"/koperasi/{s.coop.pk}/dokumen/",
        lambda s: {"kind": "sk_ahu", "file": pdf_file("sk-ahu.pdf")},
    ),
    "stage forward": (
        "post",
        lambda s: f"/koperasi/{s.coop.pk}/tahap/",
        lambda s: {"action": "advance", "version": s.coop.version},
    ),
    "stage correction": (
        "post",
        lambda s: f"/koperasi/{s.coop.pk}/tahap/",
        lambda s: {
            "action": "correct",
            "to_stage": Stage.BELUM,
            "reason": "Notulen salah tanggal",
            "version": s.coop.version,
        },
    ),
    "deactivation page": ("get", lambda s: f"/koperasi/{s.coop.pk}/nonaktifkan/", None),
    "deactivation": (
        "post",
        lambda s: f"/koperasi/{s.coop.pk}/nonaktifkan/",
        lambda s: {"reason": "Terdaftar ganda", "version": s.coop.version},
    ),
    "reseat page": ("get", lambda s: f"/koperasi/{s.coop.pk}/pindah-desa/", None),
    "reseat": (
        "post",
        lambda s: f"/koperasi/{s.coop.pk}/pindah-desa/",
        lambda s: {"village": FREE_VILLAGE, "reason": "Salah catat desa", "version": s.coop.version},
    ),
}
ALL = {**{k: ("get", v, None) for k, v in READS.items()}, **WRITES}


def test_the_matrix_holds_every_route_of_the_app(scene):
    """A new page joins the matrix (or the list below, saying where it is tested instead)."""
    # Area-wide lists, not records: see test_quality.py and test_worklist.py.
    tested_elsewhere = {"data_quality", "nik_views"}
    # The spreadsheet import's pages: their own scope matrix in tests/cooperatives/imports/test_views.py.
    tested_elsewhere |= {
        "imports",
        "import_template",
        "import_detail",
        "import_progress",
        "import_commit",
        "import_report",
    }
    in_matrix = {resolve(url(scene)).url_name for _method, url, _data in ALL.values()}
    assert in_matrix | tested_elsewhere == {route.name for route in urls.urlpatterns}


def send(client, scene: Scene, spec):
    method, url, data = spec
    if method == "get":
        return client.get(url(scene))
    return client.post(url(scene), data(scene) if data else {})


OUTSIDERS = ["other_district_officer", "other_provincial_staff"]
READERS = ["provincial_staff", "national_viewer", "national_admin"]


@pytest.mark.parametrize("role", OUTSIDERS)
@pytest.mark.parametrize("name", list(ALL))
def test_outside_the_area_every_cooperative_url_is_not_found_and_changes_nothing(request, client, scene, role, name):
    client.force_login(request.getfixturevalue(role))
    before = snapshot(scene)
    response = send(client, scene, ALL[name])
    assert response.status_code == 404
    assert snapshot(scene) == before


@pytest.mark.parametrize("role", READERS)
@pytest.mark.parametrize("name", list(READS))
def test_provincial_and_national_staff_may_open_every_read_page(request, client, scene, role, name):
    client.force_login(request.getfixturevalue(role))
    response = client.get(READS[name](scene))
    assert response.status_code == 200


@pytest.mark.parametrize("role", READERS)
@pytest.mark.parametrize("name", list(WRITES))
def test_provincial_and_national_staff_get_not_found_on_every_write_and_nothing_changes(
    request, client, scene, role, name
):
    client.force_login(request.getfixturevalue(role))
    before = snapshot(scene)
    response = send(client, scene, WRITES[name])
    assert response.status_code == 404
    assert snapshot(scene) == before


# What the regency's own officer gets for the very same requests: proof that the 404s above come from scoping, not
# from a payload the view would refuse anyway. A page answers 200 and a write redirects; the pages change nothing,
# except the founder edit page, which logs that the full NIK was shown.
OFFICER_PAGES = {"create page", "edit page", "founder edit page", "NIK check", "deactivation page", "reseat page"}
READ_ONLY = {"create page", "edit page", "NIK check", "deactivation page", "reseat page"}
OFFICER_OUTCOMES = [
    pytest.param(name, 200 if name in OFFICER_PAGES else 302, name not in READ_ONLY, id=name) for name in WRITES
]


@pytest.mark.parametrize(("name", "status", "writes"), OFFICER_OUTCOMES)
def test_the_regencys_officer_is_allowed_every_write(client, district_officer, scene, name, status, writes):
    client.force_login(district_officer)
    before = snapshot(scene)
    response = send(client, scene, WRITES[name])
    assert response.status_code == status
    assert (snapshot(scene) != before) is writes


def test_the_officers_writes_really_land(client, district_officer, scene):
    """A sample of the effects behind the 302s above (the forms tests cover each write in depth)."""
    client.force_login(district_officer)
    send(client, scene, WRITES["stage forward"])
    send(client, scene, WRITES["document"])
    coop = Cooperative.objects.get(pk=scene.coop.pk)
    assert coop.stage == Stage.RAPAT_PENDIRIAN
    assert coop.documents.filter(kind="sk_ahu").count() == 1


def test_the_notary_may_not_open_the_worklist(client, notary, scene):
    client.force_login(notary)
    assert client.get("/koperasi/wilayah/16.03/").status_code == 403


@pytest.mark.parametrize("name", [*RECORD_READS, *WRITES])
def test_the_notary_gets_not_found_on_every_cooperative_record_url(client, notary, scene, name):
    client.force_login(notary)
    before = snapshot(scene)
    response = send(client, scene, ALL[name])
    assert response.status_code == 404
    assert snapshot(scene) == before


@pytest.mark.parametrize("name", list(ALL))
def test_anonymous_users_are_sent_to_the_login_page(client, scene, name):
    before = snapshot(scene)
    response = send(client, scene, ALL[name])
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/?next=")
    assert snapshot(scene) == before


# --- child records of another cooperative ----------------------------------------------------------------------------


@pytest.fixture
def neighbour(district_officer, scene) -> Cooperative:
    """A second cooperative of the same regency, whose children must not be reachable through the first one's URLs."""
    coop = register(district_officer, FREE_VILLAGE)
    members = add_founders(district_officer, coop, count=1, serial_offset=20)
    services.officer_assign(actor=district_officer, cooperative=coop, position=Position.KETUA, member=members[0])
    services.business_unit_set(actor=district_officer, cooperative=coop, kind=UnitKind.KLINIK, status="planned")
    services.document_upload(actor=district_officer, cooperative=coop, kind="sk_ahu", file=pdf_file())
    return coop


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "pendiri/{member}/ubah/"),
        ("post", "pendiri/{member}/hapus/"),
        ("post", "pengurus/{seat}/hapus/"),
        ("post", "usaha/{unit}/hapus/"),
        ("get", "dokumen/{document}/"),
    ],
)
def test_a_child_record_is_only_reachable_under_its_own_cooperative(
    client, district_officer, scene, neighbour, method, path
):
    client.force_login(district_officer)
    ids = {
        "member": neighbour.members.get().pk,
        "seat": neighbour.officers.get().pk,
        "unit": neighbour.business_units.get().pk,
        "document": neighbour.documents.get().pk,
    }
    before = snapshot(scene)
    response = getattr(client, method)(f"/koperasi/{scene.coop.pk}/" + path.format(**ids))
    assert response.status_code == 404
    assert snapshot(scene) == before


def test_an_unknown_cooperative_is_not_found(client, district_officer, scene):
    client.force_login(district_officer)
    assert client.get(f"/koperasi/{scene.coop.pk + 1000}/").status_code == 404


def test_the_worklist_of_a_single_village_is_not_found(client, district_officer):
    client.force_login(district_officer)
    assert client.get(f"/koperasi/wilayah/{FREE_VILLAGE}/").status_code == 404


# --- read-only rendering ---------------------------------------------------------------------------------------------


SITE_FORMS = {reverse("set_language"), reverse("logout")}  # in the header of every page


def write_urls(scene: Scene) -> list[str]:
    pk = scene.coop.pk
    m = scene.members[8].pk
    return [
        f"/koperasi/{pk}/ubah/",
        f"/koperasi/{pk}/usaha/",
        f"/koperasi/{pk}/usaha/{scene.unit.pk}/hapus/",
        f"/koperasi/{pk}/pendiri/periksa-nik/",
        f"/koperasi/{pk}/pendiri/{m}/ubah/",
        f"/koperasi/{pk}/pendiri/{m}/hapus/",
        f"/koperasi/{pk}/pengurus/{scene.seat.pk}/hapus/",
        f"/koperasi/{pk}/tahap/",
        f"/koperasi/{pk}/nonaktifkan/",
        f"/koperasi/{pk}/pindah-desa/",
        "/koperasi/baru/",
    ]


TABS = ["", "pendiri/", "pengurus/", "rapat/", "dokumen/", "riwayat/"]


@pytest.mark.parametrize("role", READERS)
@pytest.mark.parametrize("tab", TABS)
def test_read_only_pages_are_marked_and_offer_no_write_form(request, client, scene, role, tab):
    client.force_login(request.getfixturevalue(role))
    html = client.get(f"/koperasi/{scene.coop.pk}/{tab}").content.decode()
    assert 'data-testid="read-only"' in html
    assert set(post_actions(html)) <= SITE_FORMS
    assert [url for url in write_urls(scene) if url in html] == []


@pytest.mark.parametrize("tab", TABS)
def test_the_officer_sees_the_same_pages_with_their_forms(client, district_officer, scene, tab):
    client.force_login(district_officer)
    html = client.get(f"/koperasi/{scene.coop.pk}/{tab}").content.decode()
    assert 'data-testid="read-only"' not in html
    assert f"/koperasi/{scene.coop.pk}/tahap/" in post_actions(html)


@pytest.mark.parametrize("role", READERS)
def test_the_worklist_offers_no_registration_to_staff(request, client, scene, role):
    client.force_login(request.getfixturevalue(role))
    html = client.get("/koperasi/wilayah/16.03/").content.decode()
    assert "/koperasi/baru/" not in html
    assert f"/koperasi/{scene.coop.pk}/" in html


def test_the_worklist_offers_registration_to_the_officer(client, district_officer, scene):
    client.force_login(district_officer)
    html = client.get("/koperasi/wilayah/16.03/").content.decode()
    assert f"/koperasi/baru/{FREE_VILLAGE}/" in html
