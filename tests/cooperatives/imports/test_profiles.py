"""The cooperatives file of a regency: one row per village, found by code or by name and kecamatan, checked with the
registration service's rules, upserted by village, and only inside the officer's own regency."""

import datetime as dt

import pytest

from cooperatives.choices import MeetingKind
from cooperatives.imports.models import ImportStatus
from cooperatives.models import Cooperative, Meeting
from registry.errors import ApplicationError
from tests.cooperatives import builders
from tests.cooperatives.imports.sheets import cooperative_row, csv_file, xlsx
from tests.factories import EMBAWANG

pytestmark = pytest.mark.usefixtures("indonesian")

PAGAR_DEWA_BENAKAT = "16.03.19.2003"


def errors(imp) -> list[tuple]:
    return [(e["row"], e["column"], e["value"], e["message"]) for e in imp.report["errors"]]


def test_a_clean_file_registers_a_cooperative_per_village_with_its_musdesus(upload_cooperatives, commit):
    rows = [
        cooperative_row(
            EMBAWANG,
            **{"Tanggal Musdesus": "20/05/2025", "Tempat Musdesus": "Balai Desa", "Jumlah Hadir Musdesus": "120"},
        ),
        cooperative_row("", **{"Nama Desa": "Pagar Dewa", "Kecamatan": "Kec. Benakat", "Simpanan Pokok": "100.000"}),
    ]
    imp = upload_cooperatives(xlsx(rows, name="koperasi.xlsx"))
    assert (imp.status, imp.report["ok"]) == (ImportStatus.CHECKED, 2)

    imp = commit(imp)

    assert (imp.status, imp.report["created"]) == (ImportStatus.SAVED, 2)
    embawang = Cooperative.objects.get(village_id=EMBAWANG)
    assert embawang.name == "Koperasi Desa Merah Putih Embawang"
    assert Meeting.objects.get(cooperative=embawang, kind=MeetingKind.MUSDESUS).date == dt.date(2025, 5, 20)
    pagar_dewa = Cooperative.objects.get(village_id=PAGAR_DEWA_BENAKAT)
    assert (pagar_dewa.name, pagar_dewa.simpanan_pokok) == ("Koperasi Desa Merah Putih Pagar Dewa Benakat", 100000)


def test_a_village_name_that_repeats_lists_the_candidates_with_their_kecamatan(upload_cooperatives):
    imp = upload_cooperatives(csv_file([cooperative_row("", **{"Nama Desa": "Ds. Pagar Dewa"})], name="k.csv"))
    assert errors(imp) == [
        (
            2,
            "Nama Desa",
            "Ds. Pagar Dewa",
            "Ada 3 desa bernama Ds. Pagar Dewa di Kabupaten Muara Enim: 16.03.01.2012 (Kecamatan Tanjung Agung); "
            "16.03.19.2003 (Kecamatan Benakat); 16.03.25.2006 (Kecamatan Lubai Ulu). Tulis kecamatannya, atau kode "
            "desanya.",
        )
    ]


def test_a_row_of_another_regency_is_an_error(upload_cooperatives):
    imp = upload_cooperatives(xlsx([cooperative_row(EMBAWANG), cooperative_row("16.04.01.2001")]))
    assert imp.status == ImportStatus.REFUSED
    assert errors(imp) == [
        (
            3,
            "Kode Desa",
            "16.04.01.2001",
            "Desa 16.04.01.2001 (Kembang Ayun) berada di Kabupaten Lahat, bukan di Kabupaten Muara Enim: berkas hanya "
            "dapat diimpor ke kabupaten/kota sendiri.",
        )
    ]
    assert imp.report["ok"] == 1


def test_reimporting_the_same_file_changes_nothing(upload_cooperatives, commit):
    file = xlsx([cooperative_row(EMBAWANG, **{"Alamat": "Jl. Desa 1"})])
    commit(upload_cooperatives(file))
    history = Cooperative.history.count()

    again = commit(upload_cooperatives(file))

    assert (again.report["created"], again.report["updated"], again.report["unchanged"]) == (0, 0, 1)
    assert Cooperative.history.count() == history
    assert Cooperative.objects.get(village_id=EMBAWANG).version == 1


def test_a_village_with_a_cooperative_updates_it_and_keeps_what_the_file_leaves_empty(
    upload_cooperatives, commit, district_officer
):
    coop = builders.register(district_officer, address="Jl. Lama", phone="0734123")
    imp = commit(upload_cooperatives(xlsx([cooperative_row(EMBAWANG, **{"Alamat": "Jl. Baru"})])))
    coop.refresh_from_db()
    assert (imp.report["updated"], coop.address, coop.phone, coop.version) == (1, "Jl. Baru", "0734123", 2)


def test_the_registration_rules_of_the_form_apply_to_every_row(upload_cooperatives):
    rows = [
        cooperative_row(EMBAWANG, **{"Pola Pembentukan": "Pengembangan"}),
        cooperative_row("16.03.01.2013", **{"Pola Pembentukan": "Pola baru"}),
        cooperative_row("16.03.01.2014", **{"NPWP": "01.234", "Email": "bukan-email"}),
    ]
    imp = upload_cooperatives(xlsx(rows))
    assert errors(imp) == [
        (
            2,
            "NIK Koperasi Lama",
            "",
            "Pola pengembangan berangkat dari NIK Koperasi koperasi yang sudah ada: isi NIK Koperasi tersebut.",
        ),
        (3, "Pola Pembentukan", "Pola baru", "Pilih salah satu pola pembentukan dari daftar."),
        (4, "Email", "bukan-email", "Tulis alamat email lengkap, mis. koperasi@example.id."),
        (4, "NPWP", "01.234", "Hanya angka."),
    ]


def test_a_date_out_of_the_evidence_order_is_refused(upload_cooperatives):
    row = cooperative_row(
        EMBAWANG,
        **{
            "Tanggal Musdesus": "20/06/2025",
            "Tempat Musdesus": "Balai Desa",
            "Jumlah Hadir Musdesus": "50",
            "Tanggal Rapat Pendirian": "10/06/2025",
            "Tempat Rapat Pendirian": "Balai Desa",
            "Jumlah Hadir Rapat Pendirian": "40",
        },
    )
    imp = upload_cooperatives(xlsx([row]))
    assert [e[:2] for e in errors(imp)] == [(2, "Tanggal Musdesus"), (2, "Tanggal Rapat Pendirian")]
    assert errors(imp)[1][3] == (
        "Rapat pendirian (10 Juni 2025) tidak boleh bertanggal sebelum Musdesus (20 Juni 2025)."
    )


def test_a_village_twice_in_the_file_is_an_error(upload_cooperatives):
    imp = upload_cooperatives(xlsx([cooperative_row(EMBAWANG), cooperative_row(EMBAWANG)]))
    assert errors(imp) == [(3, "Kode Desa", EMBAWANG, "Desa ini juga ada di baris 2 berkas ini.")]


def test_an_officer_cannot_import_into_another_regency(upload_cooperatives, other_district_officer, muara_enim):
    with pytest.raises(ApplicationError) as refused:
        upload_cooperatives(xlsx([cooperative_row(EMBAWANG)]), actor=other_district_officer, regency=muara_enim)
    assert refused.value.message == "Anda tidak boleh mengubah koperasi di luar kabupaten/kota Anda."


def test_a_village_name_not_in_the_kecamatan_is_named(upload_cooperatives):
    row = cooperative_row("", **{"Nama Desa": "Pagar Dewa", "Kecamatan": "Lawang Kidul"})
    imp = upload_cooperatives(xlsx([row]))
    assert errors(imp) == [
        (
            2,
            "Nama Desa",
            "Pagar Dewa",
            "Tidak ada desa bernama Pagar Dewa di Kecamatan Lawang Kidul, Kabupaten Muara Enim.",
        )
    ]


def test_a_village_code_not_in_the_master_is_named(upload_cooperatives):
    imp = upload_cooperatives(xlsx([cooperative_row("16.03.01.2999")]))
    assert errors(imp) == [
        (
            2,
            "Kode Desa",
            "16.03.01.2999",
            "Tidak ada desa dengan kode 16.03.01.2999 dalam data wilayah 2025 (contoh kode: 16.03.01.2011).",
        )
    ]


def test_a_name_another_active_cooperative_of_the_regency_has_is_a_warning(upload_cooperatives, district_officer):
    builders.register(district_officer, "16.03.01.2012", name="Koperasi Merah Putih Sejahtera")
    imp = upload_cooperatives(xlsx([cooperative_row(EMBAWANG, **{"Nama Koperasi": "koperasi merah  putih SEJAHTERA"})]))
    assert (imp.status, imp.report["errors"]) == (ImportStatus.CHECKED, [])
    assert [(w["row"], w["column"], w["message"]) for w in imp.report["warnings"]] == [
        (
            2,
            "Nama Koperasi",
            "Nama ini sudah dipakai koperasi aktif lain di kabupaten/kota ini: Koperasi Merah Putih Sejahtera, di Desa "
            "Pagar Dewa, Kecamatan Tanjung Agung. Nama tetap disimpan; agar keduanya tidak tertukar, tambahkan nama "
            "kecamatan atau kata lain pada nama koperasi.",
        )
    ]
