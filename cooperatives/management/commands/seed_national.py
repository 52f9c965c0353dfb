import time

from django.core.management.base import BaseCommand, CommandError

from cooperatives import rollup, seed
from registry import codes
from registry.models import RegionLevel

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Isi PostgreSQL dengan data nasional sintetis (±80.000 koperasi aktif, ±1,6 juta pendiri, pengurus, rapat, "
        "linimasa, riwayat) untuk `make bench`. Menolak basis data yang berisi koperasi sungguhan kecuali --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Hapus SEMUA data koperasi (juga yang bukan buatan seed) sebelum mengisi. Jangan di produksi.",
        )
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Bagian desa yang diisi, 0 < skala ≤ 1 (mis. 0.01 untuk uji)."
        )
        parser.add_argument(
            "--regencies",
            default="",
            help="Hanya kabupaten/kota ini, dipisah koma (mis. 16.03,11.08), untuk uji dan demo.",
        )

    def handle(self, *args, force=False, scale=1.0, regencies="", **options):
        if not 0 < scale <= 1:
            raise CommandError("--scale harus di antara 0 (tidak termasuk) dan 1.")
        chosen = [c.strip() for c in regencies.split(",") if c.strip()]
        wrong = [c for c in chosen if not codes.is_code(c) or codes.level(c) != RegionLevel.REGENCY]
        if wrong:
            raise CommandError(f"Bukan kode kabupaten/kota (mis. 16.03): {', '.join(wrong)}")
        started = time.monotonic()
        self._step_started = started
        try:
            report = seed.seed_national(force=force, scale=scale, regencies=chosen or None, progress=self._bar)
        except seed.SeedRefused as exc:
            raise CommandError(str(exc)) from exc
        for label, count in report.counts.items():
            self.stdout.write(f"  {label}: {count:,}".replace(",", "."))
        # The seed writes in bulk, past the services and their refresh hook: one full roll-up counts it all.
        rolled = time.monotonic()
        rollup.rollup_full()
        self.stdout.write(f"  rekap progres: {time.monotonic() - rolled:.1f} dtk")
        self.stdout.write(self.style.SUCCESS(f"Selesai dalam {report.seconds:.1f} dtk."))

    def _bar(self, done: int, total: int, label: str) -> None:
        now = time.monotonic()
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stdout.write(f"[{bar}] {done}/{total} {now - self._step_started:6.1f} dtk  {label}")
        self.stdout.flush()
