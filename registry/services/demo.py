"""Demo accounts for `make run` and the browser tests: one login per role, in Muara Enim and Sumatera Selatan."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from registry.errors import ApplicationError
from registry.models import Region, Role, User
from registry.services.users import user_create


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: Role
    region_code: str | None
    description: str


DEMO_PASSWORD = "merahputih2026"  # noqa: S105 - printed on purpose: demo accounts for `make run` only
DEMO_LOGINS = (
    DemoLogin("admin.nasional", DEMO_PASSWORD, Role.NATIONAL_ADMIN, None, "Admin nasional"),
    DemoLogin("pemantau.nasional", DEMO_PASSWORD, Role.NATIONAL_VIEWER, None, "Pemantau nasional"),
    DemoLogin("staf.sumsel", DEMO_PASSWORD, Role.PROVINCIAL_STAFF, "16", "Staf provinsi Sumatera Selatan"),
    DemoLogin("petugas.muaraenim", DEMO_PASSWORD, Role.DISTRICT_OFFICER, "16.03", "Petugas Kab. Muara Enim"),
    DemoLogin("notaris.muaraenim", DEMO_PASSWORD, Role.NOTARY, "16.03", "Notaris berkedudukan di Kab. Muara Enim"),
)


@transaction.atomic
def demo_users_ensure() -> list[tuple[DemoLogin, bool]]:
    """Create the demo accounts that are missing; reset the password of those that exist. Returns (login, created)."""
    result = []
    for demo in DEMO_LOGINS:
        region = None
        if demo.region_code:
            region = Region.objects.filter(code=demo.region_code).first()
            if region is None:
                raise ApplicationError(f"Wilayah {demo.region_code} belum ada: jalankan `import_regions` dahulu.")
        user = User.objects.filter(username=demo.username).first()
        created = user is None
        if created:
            user_create(
                username=demo.username,
                password=demo.password,
                role=demo.role,
                region=region,
                first_name=demo.description,
            )
        else:
            user.set_password(demo.password)
            user.save(update_fields=["password"])
        result.append((demo, created))
    return result
