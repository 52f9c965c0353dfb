"""Cooperatives in a given stage, built through the services as a district officer would."""

import datetime as dt

from cooperatives import services
from cooperatives.models import Cooperative, MeetingKind, Position
from registry.models import Region
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


def register(officer, village_code: str = EMBAWANG, **fields) -> Cooperative:
    return services.cooperative_register(
        actor=officer, village=Region.objects.get(code=village_code), pattern="pendirian_baru", **fields
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
            nik=make_nik(birth=birth, gender=gender, serial=serial_offset + i + 1),
            full_name=name,
            birth_place="Muara Enim",
            birth_date=birth,
            gender=gender,
            address=f"Dusun {i + 1}",
            rt="001",
            rw=f"{i + 1:03d}",
        )
        members.append(member)
    return members


def with_board(officer, coop: Cooperative, members: list) -> None:
    for position, member in zip(BOARD, members, strict=False):
        services.officer_assign(actor=officer, cooperative=coop, position=position, member=member)
    services.officer_assign(actor=officer, cooperative=coop, position=Position.KETUA_PENGAWAS, name="H. Sulaiman")


def with_founding_meeting(officer, coop: Cooperative, date=dt.date(2025, 6, 10)) -> Cooperative:
    """Record the founding meeting with its minutes and take the step to `rapat_pendirian`."""
    return _meeting_then_advance(officer, coop, MeetingKind.FOUNDING, date, attendance=40)


def founded(officer, village_code: str = EMBAWANG, serial_offset: int = 0) -> Cooperative:
    """A cooperative at `rapat_pendirian`: Musdesus, 9 founders, a full board, the founding meeting."""
    coop = with_musdesus(officer, register(officer, village_code))
    with_board(officer, coop, add_founders(officer, coop, serial_offset=serial_offset))
    return with_founding_meeting(officer, coop)
