"""Cooperatives in a given stage, built through the services as a district officer would."""

import datetime as dt

from cooperatives import demo, services
from cooperatives.choices import MeetingKind, Position
from cooperatives.models import Cooperative, FoundingMember
from registry.models import Region
from registry.stages import Stage
from tests.factories import EMBAWANG, make_nik, pdf_file

BOARD = [
    Position.KETUA,
    Position.WAKIL_USAHA,
    Position.WAKIL_ANGGOTA,
    Position.SEKRETARIS,
    Position.BENDAHARA,
]
FOUNDERS = [
    ("Siti Aminah", "P", dt.date(1980, 3, 14)),
    ("Budi Santoso", "L", dt.date(1975, 7, 2)),
    ("Rahmat Hidayat", "L", dt.date(1990, 1, 21)),
    ("Dewi Lestari", "P", dt.date(1988, 11, 5)),
    ("Agus Salim", "L", dt.date(1969, 9, 30)),
    ("Nur Aini", "P", dt.date(1995, 6, 17)),
    ("Joko Prasetyo", "L", dt.date(1983, 4, 8)),
    ("Sri Wahyuni", "P", dt.date(1979, 12, 25)),
    ("Hendra Gunawan", "L", dt.date(1986, 2, 11)),
]


def register(
    officer,
    village_code: str = EMBAWANG,
    *,
    pattern: str = "pendirian_baru",
    covered_villages: list[Region] | None = None,
    **fields,
) -> Cooperative:
    return services.cooperative_register(
        actor=officer,
        village=Region.objects.get(code=village_code),
        profile=services.CooperativeProfile(pattern=pattern, **fields),
        covered_villages=covered_villages,
    )


def update(
    officer,
    coop: Cooperative,
    *,
    expected_version: int | None = None,
    covered_villages: list[Region] | None = None,
    **changes,
) -> Cooperative:
    """Change some profile fields, the rest as stored (what a PATCH does)."""
    return services.cooperative_update(
        actor=officer,
        cooperative=coop,
        expected_version=expected_version,
        profile=services.CooperativeProfile.of(Cooperative.objects.get(pk=coop.pk)).changed(**changes),
        covered_villages=covered_villages,
    )


def founder(nik: str, full_name: str = "Siti Aminah", **fields) -> services.FounderData:
    """A founder's particulars with the fields a test does not care about filled in."""
    fields.setdefault("birth_place", "Muara Enim")
    fields.setdefault("address", "Dusun 1")
    return services.FounderData(nik=nik, full_name=full_name, **fields)


def update_founder(officer, member, *, expected_version: int | None = None, **changes):
    """Change some of a founder's particulars, the rest as stored. Returns (member, warnings)."""
    return services.founding_member_update(
        actor=officer,
        member=member,
        expected_version=expected_version,
        founder=services.FounderData.of(FoundingMember.objects.get(pk=member.pk)).changed(**changes),
    )


def record_musdesus(officer, coop: Cooperative, *, minutes: bool = True):
    """The Musdesus of 20 May 2025, with its minutes unless told otherwise; the stage stays where it is."""
    return services.meeting_record(
        actor=officer,
        cooperative=coop,
        kind=MeetingKind.MUSDESUS,
        date=dt.date(2025, 5, 20),
        place="Balai Desa",
        attendance=120,
        minutes=pdf_file() if minutes else None,
    )


def _meeting_then_advance(officer, coop: Cooperative, kind: MeetingKind, date: dt.date, attendance: int):
    services.meeting_record(
        actor=officer,
        cooperative=coop,
        kind=kind,
        date=date,
        place="Balai Desa",
        attendance=attendance,
        minutes=pdf_file(f"ba-{kind}.pdf"),
    )
    return services.cooperative_advance(actor=officer, cooperative=coop)


def with_musdesus(officer, coop: Cooperative, date=dt.date(2025, 5, 20)) -> Cooperative:
    return _meeting_then_advance(officer, coop, MeetingKind.MUSDESUS, date, attendance=120)


def add_founders(officer, coop: Cooperative, count: int = 9, serial_offset: int = 0) -> list:
    members = []
    for i, (name, gender, birth) in enumerate(FOUNDERS[:count]):
        member, _warnings = services.founding_member_add(
            actor=officer,
            cooperative=coop,
            founder=founder(
                make_nik(birth=birth, gender=gender, serial=serial_offset + i + 1),
                name,
                birth_date=birth,
                gender=gender,
                address=f"Dusun {i + 1}",
                rt="001",
                rw=f"{i + 1:03d}",
            ),
        )
        members.append(member)
    return members


def assign(officer, coop: Cooperative, position: str, member=None, name: str = ""):
    return services.officer_assign(actor=officer, cooperative=coop, position=position, member=member, name=name)


def seat(officer, coop: Cooperative, members: list, indices: list[int], positions: list[str]) -> list:
    """Seat members[i] in positions[k] for the paired lists; returns the officers in that order."""
    return [assign(officer, coop, p, members[i]) for i, p in zip(indices, positions, strict=True)]


def with_board(officer, coop: Cooperative, members: list) -> None:
    for position, member in zip(BOARD, members, strict=False):
        services.officer_assign(actor=officer, cooperative=coop, position=position, member=member)
    services.officer_assign(actor=officer, cooperative=coop, position=Position.KETUA_PENGAWAS, name="H. Sulaiman")


def with_founding_meeting(officer, coop: Cooperative, date=dt.date(2025, 6, 10)) -> Cooperative:
    """Record the founding meeting with its minutes and take the step to `rapat_pendirian`."""
    return _meeting_then_advance(officer, coop, MeetingKind.FOUNDING, date, attendance=40)


def cooperative_at(officer, stage: Stage, *, village: str = EMBAWANG, serial_offset: int = 0) -> Cooperative:
    """A cooperative walked up to `stage` through the services by the same walker as the demo data."""
    return demo.cooperative_at(
        officer,
        stage,
        village=Region.objects.select_related("parent__parent").get(code=village),
        serial_base=serial_offset + 1,
        founders=[demo.Founder(name, gender, birth) for name, gender, birth in FOUNDERS],
        founding_date=dt.date(2025, 6, 10),
    )


def founded(officer, village_code: str = EMBAWANG, serial_offset: int = 0) -> Cooperative:
    """A cooperative at `rapat_pendirian`: Musdesus, 9 founders, a full board, the founding meeting."""
    return cooperative_at(officer, Stage.RAPAT_PENDIRIAN, village=village_code, serial_offset=serial_offset)
