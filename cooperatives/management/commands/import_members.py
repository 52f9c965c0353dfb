"""`python manage.py import_members FILE --cooperative ID [--dry-run]`: the founders of one cooperative from a filled
template, with the same checks, report and all-or-nothing commit as the import page."""

from django.core.management.base import BaseCommand, CommandError

from cooperatives.imports.command import add_common_arguments, execute
from cooperatives.imports.models import ImportKind
from cooperatives.models import Cooperative


class Command(BaseCommand):
    help = "Import the founders of one cooperative from an XLSX or CSV file (the founders template)."

    def add_arguments(self, parser):
        add_common_arguments(parser)
        parser.add_argument("--cooperative", type=int, required=True, help="the cooperative's id")

    def handle(self, *args, **options):
        cooperative = Cooperative.objects.select_related("village").filter(pk=options["cooperative"]).first()
        if cooperative is None:
            raise CommandError(f"No cooperative {options['cooperative']}.")
        execute(self, options, kind=ImportKind.MEMBERS, cooperative=cooperative)
