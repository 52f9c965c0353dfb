"""Notaries for the demo (`make run`): the real NPAK list when it lies beside the repository
(`../shared/data/npak_reference.csv`), else a small generated list in the same format, through the same import.

The generated list seats three notaries in every province (the first regencies of the master), among them Kabupaten
Muara Enim (16.03) and Kota Palembang (16.71). Both paths are idempotent: a second `make run` creates nothing."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.conf import settings

from notaries.npak.importer import npak_import
from notaries.npak.result import ImportResult
from registry.models import Region, RegionKind, RegionLevel

PER_PROVINCE = 3
# Seated first in their province, so that the demo's district officer and notary of Muara Enim have colleagues.
FIRST_SEATS = {"16": ["16.03", "16.03", "16.71"]}
HEADERS = [
    "Nama",
    "Tempat Kedudukan",
    "Provinsi",
    "No. AHU",
    "SK Pengangkatan Notaris",
    "Sertifikat Pelatihan NPAK",
    "Email",
    "No.HP-1",
    "No.HP-2",
    "No. Kantor",
    "Alamat Kantor",
]
GIVEN = ["Siti", "Budi", "Rina", "Ahmad", "Dewi", "Hendra", "Yuliana", "Rahmat", "Maria", "Agus", "Nurul", "Fajar"]
FAMILY = ["Aminah", "Santoso", "Marlina", "Hidayat", "Lestari", "Wijaya", "Harahap", "Siregar", "Pratama", "Salim"]
TITLES = ["S.H., M.Kn.", "S.H.", "S.H., M.H., M.Kn."]


def reference_path() -> Path:
    return Path(settings.BASE_DIR).parent / "shared" / "data" / "npak_reference.csv"


def _seat_cell(region: Region) -> str:
    # As the list writes seats: "KAB. MUARA ENIM", "KOTA PALEMBANG", "KOTA ADM. JAKARTA PUSAT".
    name = region.name.upper()
    for long, short in (("KABUPATEN ADMINISTRASI ", "KAB. ADM. "), ("KOTA ADMINISTRASI ", "KOTA ADM. ")):
        name = name.replace(long, short)
    return name.replace("KABUPATEN ", "KAB. ") if region.kind == RegionKind.KABUPATEN else name


def generated_list() -> bytes:
    """A small NPAK list in the published format: PER_PROVINCE notaries per province, in real regencies."""
    regions = Region.objects.filter(level__lte=RegionLevel.REGENCY, is_active=True).order_by("code")
    provinces = {r.code: r for r in regions if r.level == RegionLevel.PROVINCE}
    regencies = {r.code: r for r in regions if r.level == RegionLevel.REGENCY}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    number = 0
    for code, province in provinces.items():
        own = [c for c in regencies if c.startswith(f"{code}.")]
        seats = (FIRST_SEATS.get(code) or own[:PER_PROVINCE])[:PER_PROVINCE]
        for seat_code in [c for c in seats if c in regencies]:
            number += 1
            name = f"{GIVEN[number % len(GIVEN)]} {FAMILY[(number * 7) % len(FAMILY)]}, {TITLES[number % len(TITLES)]}"
            regency = regencies[seat_code]
            writer.writerow(
                [
                    name,
                    _seat_cell(regency),
                    province.name.upper(),
                    f"AHU-{number:04d}.AH.02.01-Tahun 2020",
                    "N/A",
                    f"{number}/SERT-NPAK/DEP.1/IX/2025",
                    "N/A",
                    "N/A",
                    "N/A",
                    "N/A",
                    f"Jl. Merdeka No. {number}, {regency.name}",
                ]
            )
    return buffer.getvalue().encode("utf-8")


def npak_demo_import(*, progress=None) -> ImportResult | None:
    """Import the shared NPAK list if present, else the generated one. None when the region master is not loaded
    (run `import_regions` first)."""
    if not Region.objects.filter(level=RegionLevel.REGENCY).exists():
        return None
    path = reference_path()
    source = path if path.is_file() else generated_list()
    return npak_import(source=source, progress=progress)
