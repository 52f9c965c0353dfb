"""`python manage.py rollup_progress [--full] [--regency CODE]`: the progress roll-up tasks, run in this process."""

from django.core.management.base import BaseCommand, CommandError

from cooperatives.tasks import refresh_progress, rollup_progress_full
from registry import codes
from registry.codes import RegionLevel


class Command(BaseCommand):
    help = (
        "Hitung ulang rekap progres: --regency KODE untuk satu kabupaten/kota (beserta provinsi dan nasional), "
        "--full (bawaan) untuk semua wilayah."
    )

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="Hitung ulang semua wilayah (bawaan).")
        parser.add_argument("--regency", metavar="KODE", help="Kode kabupaten/kota, mis. 16.03.")

    def handle(self, *args, full=False, regency=None, **options):
        if regency:
            if not codes.is_code(regency) or codes.level(regency) != RegionLevel.REGENCY:
                raise CommandError(f"Bukan kode kabupaten/kota: {regency!r} (contoh: 16.03).")
            refresh_progress(regency)
            self.stdout.write(f"Rekap progres {regency} diperbarui.")
        if full or not regency:
            if rollup_progress_full():
                self.stdout.write("Rekap progres semua wilayah diperbarui.")
            else:
                self.stdout.write("Rekap progres lain sedang berjalan; dilewati.")
