"""Demo data for `make run`: cooperatives at every stage in Kabupaten Muara Enim, built through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from cooperatives import services
from cooperatives.choices import DocumentKind, MeetingKind, Position, UnitKind, UnitStatus
from cooperatives.models import Cooperative
from cooperatives.nik import compose_nik
from registry import codes
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


@dataclass(frozen=True)
class Founder:
    full_name: str
    gender: str
    birth_date: dt.date


def demo_founders(serial_base: int) -> list[Founder]:
    return [
        Founder(
            f"{FIRST_NAMES[i][0]} {LAST_NAMES[(i + serial_base) % len(LAST_NAMES)]}",
            FIRST_NAMES[i][1],
            dt.date(1970 + i * 3, 1 + i, 5 + i),
        )
        for i in range(9)
    ]


def cooperative_at(
    officer,
    stage: Stage,
    *,
    village: Region,
    serial_base: int = 100,
    founders: list[Founder] | None = None,
    musdesus_date: dt.date = dt.date(2025, 5, 20),
    founding_date: dt.date = dt.date(2025, 6, 12),
) -> Cooperative:
    """A cooperative registered in `village` and walked through the services, as a district officer would, up to
    `stage`: the demo data, the test builders and the benchmarks all build their cooperatives with it."""
    coop = services.cooperative_register(
        actor=officer,
        village=village,
        profile=services.CooperativeProfile(
            pattern="pendirian_baru",
            address=f"Balai Desa {village.name}",
            simpanan_pokok=100_000,
            simpanan_wajib=10_000,
            simpanan_wajib_period="bulanan",
        ),
    )
    if stage_index(stage) < stage_index(Stage.MUSDESUS):
        return coop
    services.meeting_record(
        actor=officer,
        cooperative=coop,
        kind=MeetingKind.MUSDESUS,
        date=musdesus_date,
        place="Balai Desa",
        attendance=85,
        minutes=demo_pdf("Berita Acara Musdesus"),
    )
    services.business_unit_set(actor=officer, cooperative=coop, kind=UnitKind.SEMBAKO, status=UnitStatus.PLANNED)
    coop = services.cooperative_advance(actor=officer, cooperative=coop)
    if stage_index(stage) < stage_index(Stage.RAPAT_PENDIRIAN):
        return coop
    members = []
    for i, founder in enumerate(founders or demo_founders(serial_base)):
        member, _ = services.founding_member_add(
            actor=officer,
            cooperative=coop,
            founder=services.FounderData(
                nik=compose_nik(
                    kecamatan_code=codes.kecamatan_code(village.code),
                    birth=founder.birth_date,
                    gender=founder.gender,
                    serial=serial_base + i,
                ),
                full_name=founder.full_name,
                birth_place=village.parent.parent.name if village.parent_id else "Muara Enim",
                birth_date=founder.birth_date,
                gender=founder.gender,
                address=f"Dusun {i % 3 + 1}, {village.name}",
                rt=f"{i + 1:03d}",
                rw="001",
                occupation="Petani" if i % 2 else "Pedagang",
            ),
        )
        members.append(member)
    for position, member in zip(BOARD, members, strict=False):
        services.officer_assign(actor=officer, cooperative=coop, position=position, member=member)
    services.officer_assign(actor=officer, cooperative=coop, position=Position.KETUA_PENGAWAS, name="Kepala Desa")
    if len(members) > len(BOARD):
        services.officer_assign(
            actor=officer, cooperative=coop, position=Position.ANGGOTA_PENGAWAS, member=members[len(BOARD)]
        )
    services.meeting_record(
        actor=officer,
        cooperative=coop,
        kind=MeetingKind.FOUNDING,
        date=founding_date,
        place="Balai Desa",
        attendance=42,
        minutes=demo_pdf("Berita Acara Rapat Pendirian"),
    )
    coop = services.cooperative_advance(actor=officer, cooperative=coop)
    if stage_index(stage) < stage_index(Stage.AKTA):
        return coop
    coop = services.cooperative_deed_verified(
        actor=officer, cooperative=coop, deed_number=f"{serial_base // 10:02d}", deed_date=dt.date(2025, 7, 1)
    )
    if stage_index(stage) < stage_index(Stage.BADAN_HUKUM):
        return coop
    coop = services.cooperative_update(
        actor=officer,
        cooperative=coop,
        expected_version=None,
        profile=services.CooperativeProfile.of(coop).changed(
            sk_ahu_number=f"AHU-00{serial_base:05d}.AH.01.29.TAHUN 2025", sk_ahu_date=dt.date(2025, 7, 18)
        ),
    )
    services.document_upload(actor=officer, cooperative=coop, kind=DocumentKind.SK_AHU, file=demo_pdf("SK AHU"))
    coop = services.cooperative_advance(actor=officer, cooperative=coop)
    if stage_index(stage) < stage_index(Stage.TERDAFTAR):
        return coop
    coop = services.cooperative_update(
        actor=officer,
        cooperative=coop,
        expected_version=None,
        profile=services.CooperativeProfile.of(coop).changed(npwp=f"{serial_base:016d}", nib=f"{serial_base:013d}"),
    )
    coop = services.cooperative_advance(actor=officer, cooperative=coop)
    if stage_index(stage) < stage_index(Stage.OPERASIONAL):
        return coop
    services.business_unit_set(actor=officer, cooperative=coop, kind=UnitKind.SEMBAKO, status=UnitStatus.RUNNING)
    return services.cooperative_advance(actor=officer, cooperative=coop)


@transaction.atomic
def demo_cooperatives_ensure(*, officer) -> int:
    """Two cooperatives at each stage in Muara Enim, unless demo cooperatives exist already. Returns how many made."""
    if Cooperative.objects.filter(created_by=officer).exists():
        return 0
    villages = list(
        Region.objects.filter(codes.subtree_q("code", REGENCY), level=RegionLevel.VILLAGE, kind="desa")
        .select_related("parent__parent")
        .order_by("code")[: len(STAGE_ORDER) * PER_STAGE * 7 : 7]
    )
    made = 0
    for i, village in enumerate(villages):
        cooperative_at(officer, STAGE_ORDER[i // PER_STAGE], village=village, serial_base=100 + i * 10)
        made += 1
    return made
