from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cooperatives import rollup
from cooperatives.demo import demo_cooperatives_ensure
from cooperatives.demo_national import demo_national_ensure
from registry.errors import ApplicationError
from registry.models import User
from registry.services import demo_users_ensure


class Command(BaseCommand):
    help = (
        "Buat akun demo tiap peran dan koperasi contoh di Kab. Muara Enim (untuk `make run`), lalu cetak login-nya. "
        "Aman dijalankan berulang kali."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Jalankan juga bila DEBUG mati (jangan di produksi).")
        parser.add_argument(
            "--national-size",
            type=int,
            default=None,
            help="Jumlah koperasi demo di seluruh provinsi (bawaan: KDMP_DEMO_NATIONAL_SIZE, 4000; 0: tanpa gambaran "
            "nasional).",
        )

    def handle(self, *args, force=False, national_size=None, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Akun demo hanya untuk pengembangan (DEBUG=True). Pakai --force bila memang perlu.")
        try:
            logins = demo_users_ensure()
            made = demo_cooperatives_ensure(officer=User.objects.get(username="petugas.muaraenim"))
            size = settings.KDMP_DEMO_NATIONAL_SIZE if national_size is None else national_size
            national = demo_national_ensure(size=size) if size > 0 else 0
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        if made:
            self.stdout.write(f"{made} koperasi contoh dibuat di Kabupaten Muara Enim (semua tahap).")
        if national:
            self.stdout.write(
                f"{national} koperasi demo dibuat di 38 provinsi, dengan deret harian progres sejak April 2025."
            )
        rollup.rollup_full()  # the dashboards show numbers at once, before any beat has run
        self.stdout.write("Rekap progres semua wilayah dihitung.")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Login demo (http://127.0.0.1:8000/masuk/):"))
        width = max(len(demo.username) for demo, _ in logins)
        for demo, created in logins:
            mark = "baru" if created else "ada"
            self.stdout.write(f"  {demo.username:<{width}}  {demo.password}  {demo.description} [{mark}]")
        self.stdout.write("")
