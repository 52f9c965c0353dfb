"""`make bench`: figures for the speed targets, on a scratch database (PostgreSQL when DATABASE_URL is set).

Reports; does not assert. Tests assert behaviour and query counts, this measures time.
"""

import os
import statistics
import time


def _timed(fn, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from registry.models import Role
    from registry.services import regions_import, user_create

    setup_test_environment()
    vendor = connection.vendor
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"database: {vendor}")
        print(f"import_regions, empty table:   {_timed(regions_import):6.2f} s  (target ≤ 20 s on PostgreSQL)")
        print(f"import_regions, second run:    {_timed(regions_import):6.2f} s")
        from cooperatives.demo import demo_cooperatives_ensure
        from registry.models import Region

        officer = user_create(
            username="bench-officer",
            password="bench-pass-123",
            role=Role.DISTRICT_OFFICER,
            region=Region.objects.get(code="16.03"),
        )
        print(f"demo cooperatives (14):        {_timed(lambda: demo_cooperatives_ensure(officer=officer)):6.2f} s")
        client = Client()
        client.force_login(user_create(username="bench", password="bench-pass-123", role=Role.NATIONAL_VIEWER))
        for label, url in [
            ("page /koperasi/wilayah/16.03/", "/koperasi/wilayah/16.03/"),
            ("page /koperasi/wilayah/32/", "/koperasi/wilayah/32/"),
            ("page /koperasi/1/pendiri/", "/koperasi/1/pendiri/"),
            ("api /api/v1/cooperatives/", "/api/v1/cooperatives/"),
            ("page /wilayah/ (38 provinces)", "/wilayah/"),
            ("page /wilayah/16/", "/wilayah/16/"),
            ("page /wilayah/16.03/desa/?q=a", "/wilayah/16.03/desa/?q=a"),
            ("api /api/v1/regions/?level=4", "/api/v1/regions/?level=4"),
        ]:
            status = client.get(url).status_code  # warm-up, and proof the page answered
            seconds = _timed(lambda url=url: client.get(url), repeat=5)
            print(f"{label:<31}{seconds * 1000:6.0f} ms (median of 5, HTTP {status})")
    finally:
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
