from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from notaries.demo import demo_notaries_ensure
from notaries.npak.demo import npak_demo_import
from registry.errors import ApplicationError


class Command(BaseCommand):
    help = (
        "Notaris untuk demo (`make run`, setelah `seed_demo`): daftar NPAK (berkas bersama bila ada, selain itu daftar "
        "contoh), notaris demo Muara Enim dengan koperasi yang ditugaskan, dan akta dalam setiap status. Aman "
        "dijalankan berulang kali."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Jalankan juga bila DEBUG mati (jangan di produksi).")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Data demo hanya untuk pengembangan (DEBUG=True). Pakai --force bila memang perlu.")
        imported = npak_demo_import()
        if imported is None:
            raise CommandError("Wilayah belum dimuat: jalankan `import_regions` dahulu.")
        self.stdout.write(
            f"Registri notaris: {imported.rows} baris, {imported.resolution_rate:.2f}% terpetakan, "
            f"{imported.created} baru, {imported.changed} berubah."
        )
        try:
            result = demo_notaries_ensure()
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        for problem in result.problems:
            self.stderr.write(problem)
        if result.notary is not None:
            self.stdout.write(f"Notaris demo (notaris.muaraenim): {result.notary.name}, {result.notary.seat.name}")
        self.stdout.write(
            f"Koperasi ditugaskan: {result.assigned}; akta diajukan: {result.submitted}, ditolak: {result.rejected}, "
            f"terverifikasi (untuk koperasi di tahap akta ke atas): {result.verified}."
        )
