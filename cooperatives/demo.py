"""Demo data for `make run`: cooperatives at every stage in Kabupaten Muara Enim, built through the services."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from cooperatives import services
from cooperatives.models import Cooperative, DocumentKind, MeetingKind, Position, UnitKind, UnitStatus
from cooperatives.nik import compose_nik
from registry.models import Region, RegionLevel
from registry.stages import STAGE_ORDER, Stage, stage_index

REGENCY = "16.03"
PER_STAGE = 2
FIRST_NAMES = [
    ("Siti", "P"),
    ("Budi", "L"),
    ("Rahmat", "L"),
    ("Dewi", "P"),
    ("Agus", "L"),
    ("Nur", "P"),
    ("Joko", "L"),
    ("Sri", "P"),
    ("Hendra", "L"),
    ("Yanti", "P"),
    ("Fajar", "L"),
]
LAST_NAMES = [
    "Aminah",
    "Santoso",
    "Hidayat",
    "Lestari",
    "Salim",
    "Aini",
    "Prasetyo",
    "Wahyuni",
    "Gunawan",
    "Putri",
    "Ramadhan",
]
BOARD = [Position.KETUA, Position.WAKIL_USAHA, Position.WAKIL_ANGGOTA, Position.SEKRETARIS, Position.BENDAHARA]


def demo_pdf(title: str) -> SimpleUploadedFile:
    """A small, real one-page PDF saying what it stands for."""
    text = f"BT /F1 14 Tf 50 780 Td ({title} - contoh data demo) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return SimpleUploadedFile(f"{title.lower().replace(' ', '-')}.pdf", bytes(out), content_type="application/pdf")


def _build(officer, village: Region, target: Stage, serial_base: int) -> Cooperative:
    coop = services.cooperative_register(
        actor=officer,
        village=village,
        pattern="pendirian_baru",
        address=f"Balai Desa {village.name}",
        simpanan_pokok=100_000,
        simpanan_wajib=10_000,
        simpanan_wajib_period="bulanan",
    )
    if stage_index(target) < stage_index(Stage.MUSDESUS):
        return coop
    services.meeting_record(
        actor=officer,
        cooperative=coop,
        kind=MeetingKind.MUSDESUS,
        date=dt.date(2025, 5, 20),
        place="Balai Desa",
        attendance=85,
        minutes=demo_pdf("Berita Acara Musdesus"),
    )
    services.business_unit_set(actor=officer, cooperative=coop, kind=UnitKind.SEMBAKO, status=UnitStatus.PLANNED)
    coop = services.cooperative_advance(actor=officer, cooperative=coop)
    if stage_index(target) < stage_index(Stage.RAPAT_PENDIRIAN):
        return coop
    members = []
    for i in range(9):
        first, gender = FIRST_NAMES[i]
        birth = dt.date(1970 + i * 3, 1 + i, 5 + i)
        member, _ = services.founding_member_add(
            actor=officer,
            cooperative=coop,
            nik=compose_nik(district_code=village.code[:8], birth=birth, gender=gender, serial=serial_base + i),
            full_name=f"{first} {LAST_NAMES[(i + serial_base) % len(LAST_NAMES)]}",
            birth_place="Muara Enim",
            birth_date=birth,
            gender=gender,
            address=f"Dusun {i % 3 + 1}, {village.name}",
            rt=f"{i + 1:03d}",
            rw="001",
            occupation="Petani" if i % 2 else "Pedagang",
        )
        members.append(member)
    for position, member in zip(BOARD, members, strict=False):
        services.officer_assign(actor=officer, cooperative=coop, position=position, member=member)
    services.officer_assign(actor=officer, cooperative=coop, position=Position.KETUA_PENGAWAS, name="Kepala Desa")
    services.officer_assign(actor=officer, cooperative=coop, position=Position.ANGGOTA_PENGAWAS, member=members[5])
    services.meeting_record(
        actor=officer,
        cooperative=coop,
        kind=MeetingKind.FOUNDING,
        date=dt.date(2025, 6, 12),
        place="Balai Desa",
        attendance=42,
        minutes=demo_pdf("Berita Acara Rapat Pendirian"),
    )
    coop = services.cooperative_advance(actor=officer, cooperative=coop)
    if stage_index(target) < stage_index(Stage.AKTA):
        return coop
    coop = services.cooperative_deed_verified(
        actor=officer, cooperative=coop, deed_number=f"{serial_base // 10:02d}", deed_date=dt.date(2025, 7, 1)
    )
    if stage_index(target) < stage_index(Stage.BADAN_HUKUM):
        return coop
    services.cooperative_update(
        actor=officer,
        cooperative=coop,
        expected_version=None,
        sk_ahu_number=f"AHU-00{serial_base:05d}.AH.01.29.TAHUN 2025",
        sk_ahu_date=dt.date(2025, 7, 18),
    )
    services.document_upload(actor=officer, cooperative=coop, kind=DocumentKind.SK_AHU, file=demo_pdf("SK AHU"))
    coop = services.cooperative_advance(actor=officer, cooperative=coop)
    if stage_index(target) < stage_index(Stage.TERDAFTAR):
        return coop
    services.cooperative_update(
        actor=officer,
        cooperative=coop,
        expected_version=None,
        npwp=f"{serial_base:016d}",
        nib=f"{serial_base:013d}",
    )
    coop = services.cooperative_advance(actor=officer, cooperative=coop)
    if stage_index(target) < stage_index(Stage.OPERASIONAL):
        return coop
    services.business_unit_set(actor=officer, cooperative=coop, kind=UnitKind.SEMBAKO, status=UnitStatus.RUNNING)
    return services.cooperative_advance(actor=officer, cooperative=coop)


@transaction.atomic
def demo_cooperatives_ensure(*, officer) -> int:
    """Two cooperatives at each stage in Muara Enim, unless demo cooperatives exist already. Returns how many made."""
    if Cooperative.objects.filter(created_by=officer).exists():
        return 0
    villages = list(
        Region.objects.filter(level=RegionLevel.VILLAGE, code__startswith=f"{REGENCY}.", kind="desa").order_by("code")[
            : len(STAGE_ORDER) * PER_STAGE * 7 : 7
        ]
    )
    made = 0
    for i, village in enumerate(villages):
        _build(officer, village, STAGE_ORDER[i // PER_STAGE], serial_base=100 + i * 10)
        made += 1
    return made
