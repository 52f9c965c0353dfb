"""`python manage.py rollup_progress [--full] [--regency CODE] [--backfill-from DATE [--backfill-to DATE]]`: the
progress roll-up tasks, run in this process; the backfill writes the daily series of past days from the history."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cooperatives import backfill
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
        parser.add_argument(
            "--backfill-from",
            metavar="TANGGAL",
            type=datetime.date.fromisoformat,
            help="Isi seri harian dari riwayat mulai tanggal ini (YYYY-MM-DD).",
        )
        parser.add_argument(
            "--backfill-to",
            metavar="TANGGAL",
            type=datetime.date.fromisoformat,
            help="Tanggal terakhir seri yang diisi (bawaan: kemarin, WIB).",
        )

    def handle(self, *args, full=False, regency=None, backfill_from=None, backfill_to=None, **options):
        if backfill_from:
            # Dates from the command line arrive parsed; from call_command(…, backfill_from="2026-01-01") as text.
            backfill_from, backfill_to = (
                datetime.date.fromisoformat(d) if isinstance(d, str) else d for d in (backfill_from, backfill_to)
            )
            last = backfill_to or timezone.localdate(timezone=backfill.WIB) - datetime.timedelta(days=1)
            if backfill_from > last:
                raise CommandError(f"Tanggal awal {backfill_from} sesudah tanggal akhir {last}.")
            days = backfill.backfill(backfill_from, last)
            self.stdout.write(f"Seri harian {backfill_from} s.d. {last} diisi dari riwayat: {days} hari.")
            return
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
