"""`python manage.py import_cooperatives FILE --regency CODE [--dry-run]`: the cooperatives of one regency from a
filled template (one row per village), with the same checks, report and all-or-nothing commit as the import page."""

from django.core.management.base import BaseCommand, CommandError

from cooperatives.imports.command import add_common_arguments, execute
from cooperatives.imports.models import ImportKind
from registry.models import Region, RegionLevel


class Command(BaseCommand):
    help = "Import the cooperatives of one regency from an XLSX or CSV file (the cooperatives template)."

    def add_arguments(self, parser):
        add_common_arguments(parser)
        parser.add_argument("--regency", required=True, help="the regency's code, e.g. 16.03")

    def handle(self, *args, **options):
        regency = Region.objects.filter(code=options["regency"], level=RegionLevel.REGENCY).first()
        if regency is None:
            raise CommandError(f"No regency {options['regency']}.")
        execute(self, options, kind=ImportKind.COOPERATIVES, regency=regency)
