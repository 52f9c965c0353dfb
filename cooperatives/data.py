"""What a caller hands the services: a cooperative's profile and a founder's particulars, as typed values.

The forms, the API and the spreadsheet import all build these, so every path into the services names the same
fields (`models.PROFILE_FIELDS`, `models.MEMBER_FIELDS`; a test keeps them in step). An edit starts from the stored
record (`of`) and replaces what the user changed (`dataclasses.replace`), which refuses an unknown field name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from cooperatives.models import Cooperative, FoundingMember


@dataclass(frozen=True)
class CooperativeProfile:
    pattern: str
    name: str = ""
    existing_nik_koperasi: str = ""
    existing_grade: str = ""
    revitalisation_method: str = ""
    revitalised_cooperatives: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    simpanan_pokok: int | None = None
    simpanan_wajib: int | None = None
    simpanan_wajib_period: str = ""
    grants: int | None = None
    sk_ahu_number: str = ""
    sk_ahu_date: dt.date | None = None
    npwp: str = ""
    nib: str = ""
    nik_koperasi: str = ""
    duplicate_reason: str = ""

    @classmethod
    def of(cls, cooperative: Cooperative) -> CooperativeProfile:
        return cls(**{f.name: getattr(cooperative, f.name) for f in dataclasses.fields(cls)})

    def changed(self, **changes) -> CooperativeProfile:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class FounderData:
    nik: str
    full_name: str
    birth_place: str
    address: str
    birth_date: dt.date | None = None  # None: read from the NIK
    gender: str = ""  # "": read from the NIK
    rt: str = ""
    rw: str = ""
    phone: str = ""
    occupation: str = ""

    @classmethod
    def of(cls, member: FoundingMember) -> FounderData:
        return cls(**{f.name: getattr(member, f.name) for f in dataclasses.fields(cls)})

    def changed(self, **changes) -> FounderData:
        return dataclasses.replace(self, **changes)

    def cleaned(self) -> FounderData:
        """The same data with surrounding spaces off every text."""
        return dataclasses.replace(
            self,
            **{
                f.name: (getattr(self, f.name) or "").strip()
                for f in dataclasses.fields(self)
                if f.name != "birth_date"
            },
        )
