"""The founders file of one cooperative: checked with the founder rules of the forms, written all or nothing, and
upserted by NIK, from XLSX and from CSV as Indonesian Excel writes it."""

import datetime as dt

import pytest

from cooperatives import services
from cooperatives.choices import MeetingKind
from cooperatives.imports.models import ImportStatus
from cooperatives.models import FoundingMember, Officer
from registry.errors import ApplicationError
from registry.stages import Stage
from tests.cooperatives import builders
from tests.cooperatives.imports.sheets import csv_file, founder_rows, xlsx
from tests.factories import make_nik

pytestmark = pytest.mark.usefixtures("indonesian")


def errors(imp) -> list[tuple]:
    return [(e["row"], e["column"], e["value"], e["message"]) for e in imp.report["errors"]]


def saved_niks(coop) -> set[str]:
    return set(FoundingMember.objects.filter(cooperative=coop).values_list("nik", flat=True))


def test_a_clean_xlsx_is_checked_without_writing_then_saved(coop, upload_members, commit):
    rows = founder_rows(9)
    imp = upload_members(xlsx(rows), coop)
    assert (imp.status, imp.report["ok"], imp.report["errors"]) == (ImportStatus.CHECKED, 9, [])
    assert saved_niks(coop) == set()

    imp = commit(imp)

    assert (imp.status, imp.report["created"]) == (ImportStatus.SAVED, 9)
    assert saved_niks(coop) == {r["NIK"] for r in rows}
    siti = FoundingMember.objects.get(cooperative=coop, full_name="Siti Aminah")
    assert (siti.gender, siti.birth_date, siti.phone) == ("P", dt.date(1980, 3, 14), "081200000001")


def test_a_csv_in_utf8_with_bom_and_semicolons_is_imported(coop, upload_members, commit):
    imp = commit(upload_members(csv_file(founder_rows(9), delimiter=";", encoding="utf-8-sig"), coop))
    assert (imp.status, imp.report["created"]) == (ImportStatus.SAVED, 9)


def test_a_csv_in_windows_1252_with_commas_keeps_the_accented_names(coop, upload_members, commit):
    rows = founder_rows(9)
    rows[0]["Nama Lengkap"] = "Andréas Simanjuntak"
    imp = commit(upload_members(csv_file(rows, delimiter=",", encoding="cp1252"), coop))
    assert imp.status == ImportStatus.SAVED
    assert FoundingMember.objects.filter(cooperative=coop, full_name="Andréas Simanjuntak").exists()


def test_the_history_of_an_imported_founder_names_the_import_and_the_officer(
    coop, upload_members, commit, district_officer
):
    imp = commit(upload_members(xlsx(founder_rows(9), name="pendiri-embawang.xlsx"), coop))
    record = FoundingMember.history.filter(cooperative_id=coop.pk).first()
    assert record.history_change_reason == f"impor #{imp.pk} sha256:{imp.sha256[:16]} pendiri-embawang.xlsx"
    assert record.history_user == district_officer
    assert (imp.committed_by, len(imp.sha256)) == (district_officer, 64)


def test_the_history_tab_names_the_import_as_the_source_of_a_change(
    coop, upload_members, commit, district_officer, client
):
    imp = commit(upload_members(xlsx(founder_rows(9), name="pendiri-embawang.xlsx"), coop))
    client.force_login(district_officer)
    response = client.get(f"/koperasi/{coop.pk}/riwayat/")
    assert response.status_code == 200
    assert f"<td>impor #{imp.pk} sha256:{imp.sha256[:16]} pendiri-embawang.xlsx</td>" in response.content.decode()


def test_importing_the_same_file_again_changes_nothing(coop, upload_members, commit):
    file = xlsx(founder_rows(9))
    commit(upload_members(file, coop))
    history = FoundingMember.history.filter(cooperative_id=coop.pk).count()

    again = commit(upload_members(file, coop))

    assert (again.report["created"], again.report["updated"], again.report["unchanged"]) == (0, 0, 9)
    assert FoundingMember.history.filter(cooperative_id=coop.pk).count() == history
    assert set(FoundingMember.objects.filter(cooperative=coop).values_list("version", flat=True)) == {1}


def test_a_founder_already_recorded_is_updated_by_nik(coop, upload_members, commit):
    commit(upload_members(xlsx(founder_rows(9)), coop))
    rows = founder_rows(9)
    rows[2]["Alamat"] = "Dusun Baru"

    imp = commit(upload_members(xlsx(rows), coop))

    assert (imp.report["created"], imp.report["updated"], imp.report["unchanged"]) == (0, 1, 8)
    rahmat = FoundingMember.objects.get(cooperative=coop, nik=rows[2]["NIK"])
    assert (rahmat.address, rahmat.version) == ("Dusun Baru", 2)


def test_a_file_with_one_bad_row_writes_nothing(coop, upload_members, commit):
    rows = founder_rows(9)
    rows[4]["Nama Lengkap"] = ""
    imp = upload_members(xlsx(rows), coop)

    assert imp.status == ImportStatus.REFUSED
    assert errors(imp) == [(6, "Nama Lengkap", "", "Tulis nama lengkap pendiri.")]
    assert imp.report["ok"] == 8
    with pytest.raises(ApplicationError) as refused:
        commit(imp)
    assert refused.value.message == (
        "Hanya berkas yang sudah diperiksa tanpa kesalahan yang dapat disimpan. Unggah berkasnya lagi."
    )
    assert saved_niks(coop) == set()


def test_the_commit_checks_the_rows_again_and_writes_nothing_when_one_became_wrong(
    coop, upload_members, commit, district_officer
):
    rows = founder_rows(9)
    imp = upload_members(xlsx(rows), coop)
    lahat = builders.register(district_officer, "16.03.01.2012")
    builders.add_founders(district_officer, lahat, count=1)  # Siti Aminah now founds another active cooperative

    imp = commit(imp)

    assert imp.status == ImportStatus.REFUSED
    assert errors(imp)[0][:2] == (2, "NIK")
    assert saved_niks(coop) == set()


def test_a_nik_in_scientific_notation_is_refused_with_how_to_fix_the_column(coop, upload_members):
    rows = founder_rows(9)
    rows[0]["NIK"] = "1.60301E+15"
    imp = upload_members(csv_file(rows), coop)
    assert errors(imp) == [
        (
            2,
            "NIK",
            "1.60301E+15",
            "NIK ini terpotong oleh spreadsheet: 1.60301E+15 adalah angka dalam notasi ilmiah, dan digit terakhirnya "
            "sudah hilang. Ketik ulang NIK dari KTP, dan format kolom NIK sebagai teks di spreadsheet.",
        )
    ]


def test_a_nik_stored_as_a_number_is_refused_with_how_to_fix_the_column(coop, upload_members):
    imp = upload_members(xlsx(founder_rows(9), cells={"A3": 1603011207750002}), coop)
    assert errors(imp) == [
        (
            3,
            "NIK",
            "1603011207750002",
            "NIK tersimpan sebagai angka (1603011207750002): spreadsheet hanya menyimpan 15 digit sebuah angka, "
            "sehingga digit terakhir hilang. Ubah format kolom NIK menjadi teks, ketik ulang NIK dari KTP, lalu "
            "unggah lagi.",
        )
    ]


def test_a_phone_number_that_lost_its_leading_zero_is_refused(coop, upload_members):
    imp = upload_members(xlsx(founder_rows(9), cells={"I2": 81234567890}), coop)
    assert errors(imp) == [
        (
            2,
            "Nomor HP",
            "81234567890",
            "“Nomor HP” tersimpan sebagai angka (81234567890), sehingga angka 0 di depan hilang. Ubah format kolom "
            "menjadi teks lalu ketik ulang, mis. 081234567890.",
        )
    ]


def test_a_formula_cell_is_refused(coop, upload_members):
    imp = upload_members(xlsx(founder_rows(9), cells={"B4": '=UPPER("rahmat")'}), coop)
    assert errors(imp) == [
        (
            4,
            "Nama Lengkap",
            '=UPPER("rahmat")',
            'Sel ini berisi rumus (=UPPER("rahmat")); rumus tidak diimpor. Salin kolomnya lalu tempel kembali sebagai '
            "nilai saja (Paste Values), kemudian unggah lagi.",
        )
    ]


def test_headers_match_whatever_their_case_and_spacing(coop, upload_members):
    rows = [{f"  {k.upper().replace(' ', '   ')} ": v for k, v in row.items()} for row in founder_rows(9)]
    imp = upload_members(xlsx(rows), coop)
    assert (imp.status, imp.report["ok"]) == (ImportStatus.CHECKED, 9)


def test_an_unknown_column_is_named(coop, upload_members):
    rows = [{**row, "Golongan Darah": "O"} for row in founder_rows(9)]
    imp = upload_members(xlsx(rows), coop)
    assert imp.status == ImportStatus.REFUSED
    assert imp.report["file_errors"][0].startswith(
        "Kolom “Golongan Darah” (baris 1) tidak dikenal. Gunakan judul kolom dari templat: NIK, Nama Lengkap,"
    )


def test_a_missing_required_column_is_named(coop, upload_members):
    rows = [{k: v for k, v in row.items() if k != "Tempat Lahir"} for row in founder_rows(9)]
    imp = upload_members(xlsx(rows), coop)
    assert imp.report["file_errors"] == [
        "Kolom wajib “Tempat Lahir” tidak ada. Tambahkan kolom itu dengan judul seperti di templat."
    ]


def test_a_nik_twice_in_the_file_is_an_error_on_the_second_row(coop, upload_members):
    rows = founder_rows(9)
    rows[5]["NIK"] = rows[1]["NIK"]
    imp = upload_members(xlsx(rows), coop)
    assert (7, "NIK", rows[1]["NIK"], "NIK ini juga ada di baris 3 berkas ini.") in errors(imp)


def test_the_founder_rules_of_the_form_apply_to_every_row(coop, upload_members):
    rows = founder_rows(9)
    rows[0]["Tanggal Lahir"] = "15/03/1980"  # the NIK encodes 14 March
    rows[1]["Jenis Kelamin"] = "Pak"
    imp = upload_members(xlsx(rows), coop)
    assert errors(imp) == [
        (2, "NIK", rows[0]["NIK"], "Tanggal lahir tidak sesuai dengan NIK, yang berisi 14 Maret 1980."),
        (3, "Jenis Kelamin", "Pak", "Pilih laki-laki atau perempuan, atau kosongkan agar dibaca dari NIK."),
    ]


def test_a_nik_of_another_regency_is_a_warning_apart_from_the_errors(coop, upload_members):
    rows = founder_rows(9)
    rows[3]["NIK"] = make_nik(regency="16.04", birth=dt.date(1988, 11, 5), gender="P", serial=4)
    imp = upload_members(xlsx(rows), coop)
    assert (imp.status, imp.report["ok"], imp.report["errors"]) == (ImportStatus.CHECKED, 9, [])
    assert [(w["row"], w["column"]) for w in imp.report["warnings"]] == [(5, "NIK")]
    assert imp.report["warnings"][0]["message"].startswith("NIK ini diterbitkan di ")


def test_founders_of_a_cooperative_past_the_founding_meeting_are_refused(founded, upload_members):
    imp = upload_members(xlsx(founder_rows(9, serial_offset=100)), founded)
    assert imp.report["file_errors"] == [
        "Daftar pendiri sudah ditetapkan pada rapat pendirian. Untuk mengubahnya, koreksi dulu tahap kembali ke "
        "Musdesus dengan alasan."
    ]
    assert founded.stage == Stage.RAPAT_PENDIRIAN


def test_the_position_column_seats_the_founders(coop, upload_members, commit):
    rows = founder_rows(9)
    for row, position in zip(rows, ["Ketua", "Sekretaris", "bendahara", "Anggota pengawas"], strict=False):
        row["Jabatan"] = position
    commit(upload_members(xlsx(rows), coop))
    seats = dict(Officer.objects.filter(cooperative=coop).values_list("member__full_name", "position"))
    assert seats == {
        "Siti Aminah": "ketua",
        "Budi Santoso": "sekretaris",
        "Rahmat Hidayat": "bendahara",
        "Dewi Lestari": "anggota_pengawas",
    }


def test_a_single_position_given_twice_is_an_error(coop, upload_members):
    rows = founder_rows(9)
    rows[0]["Jabatan"] = rows[3]["Jabatan"] = "Ketua"
    imp = upload_members(xlsx(rows), coop)
    assert errors(imp) == [
        (5, "Jabatan", "ketua", "Jabatan Ketua diberikan kepada dua pendiri dalam berkas ini (baris 2 dan 5).")
    ]


def test_the_example_row_of_the_template_is_not_imported(coop, upload_members):
    rows = [
        {"No": "contoh", **founder_rows(1, serial_offset=50)[0]},
        *({"No": i, **r} for i, r in enumerate(founder_rows(9), 1)),
    ]
    imp = upload_members(xlsx(rows), coop)
    assert (imp.rows, imp.report["ok"]) == (9, 9)


def test_date_cells_and_numbers_where_harmless_are_read_as_excel_writes_them(coop, upload_members, commit):
    rows = founder_rows(9)
    for row in rows:
        row["Tanggal Lahir"] = dt.datetime.strptime(row["Tanggal Lahir"], "%d/%m/%Y")  # noqa: DTZ007
        row["RT"] = 1
    imp = commit(upload_members(xlsx(rows), coop))
    assert imp.status == ImportStatus.SAVED
    assert set(FoundingMember.objects.filter(cooperative=coop).values_list("rt", flat=True)) == {"1"}


def test_a_nik_typed_with_a_leading_apostrophe_to_keep_it_text_is_accepted(coop, upload_members):
    rows = founder_rows(9)
    rows[0]["NIK"] = "'" + rows[0]["NIK"]
    rows[0]["Nomor HP"] = "'081200000001"
    imp = upload_members(csv_file(rows), coop)
    assert (imp.status, imp.report["ok"]) == (ImportStatus.CHECKED, 9)


def test_a_founding_meeting_recorded_after_the_dry_run_is_measured_at_commit(district_officer, upload_members, commit):
    coop = builders.with_musdesus(district_officer, builders.register(district_officer))
    rows = founder_rows(9)
    young = dt.date(2009, 1, 1)  # 17 today, 16 on 10 June 2025
    rows[8].update({"NIK": make_nik(birth=young, serial=99), "Tanggal Lahir": young.strftime("%d/%m/%Y")})
    imp = upload_members(xlsx(rows), coop)
    assert imp.status == ImportStatus.CHECKED
    services.meeting_record(
        actor=district_officer,
        cooperative=coop,
        kind=MeetingKind.FOUNDING,
        date=dt.date(2025, 6, 10),
        place="Balai Desa",
        attendance=40,
    )

    imp = commit(imp)

    assert imp.status == ImportStatus.REFUSED
    assert errors(imp) == [
        (10, "NIK", rows[8]["NIK"], "Pendiri harus berusia minimal 17 tahun pada tanggal pendirian (10 Juni 2025).")
    ]
    assert saved_niks(coop) == set()


def test_the_models_own_field_checks_apply_to_every_row(coop, upload_members):
    rows = founder_rows(9)
    rows[2]["RT"] = "1A"
    imp = upload_members(xlsx(rows), coop)
    assert errors(imp) == [(4, "RT", "1A", "Hanya angka.")]
