"""The vocabularies of the formation record (kinds, patterns, positions, …), apart from the models that store them:
forms, serializers, rules and templates read them without pulling in the models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CooperativeKind(models.TextChoices):
    KDMP = "KDMP", _("Koperasi Desa Merah Putih")
    KKMP = "KKMP", _("Koperasi Kelurahan Merah Putih")


class Pattern(models.TextChoices):
    PENDIRIAN_BARU = "pendirian_baru", _("New cooperative")
    PENGEMBANGAN = "pengembangan", _("Development of an existing cooperative")
    REVITALISASI = "revitalisasi", _("Revitalisation of an inactive cooperative")


class Grade(models.TextChoices):
    A = "A", "A"
    B = "B", "B"
    C = "C", "C"
    D = "D", "D"


class RevitalisationMethod(models.TextChoices):
    REAKTIVASI = "reaktivasi", _("Reactivation")
    PENGGABUNGAN = "penggabungan", _("Merger")


class SavingsPeriod(models.TextChoices):
    BULANAN = "bulanan", _("Monthly")
    TRIWULAN = "triwulan", _("Quarterly")
    TAHUNAN = "tahunan", _("Yearly")


class UnitKind(models.TextChoices):
    KANTOR = "kantor", _("Cooperative office")
    SEMBAKO = "sembako", _("Grocery outlet (sembako)")
    SIMPAN_PINJAM = "simpan_pinjam", _("Savings and loans")
    KLINIK = "klinik", _("Village clinic")
    APOTEK = "apotek", _("Village pharmacy")
    PERGUDANGAN = "pergudangan", _("Warehouse / cold storage")
    LOGISTIK = "logistik", _("Logistics")
    LAINNYA = "lainnya", _("Other")


class UnitStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")


class DocumentKind(models.TextChoices):
    MINUTES_MUSDESUS = "minutes_musdesus", _("Musdesus minutes")
    MINUTES_FOUNDING = "minutes_founding", _("Founding meeting minutes")
    SK_AHU = "sk_ahu", _("SK AHU (legal entity approval)")
    ASSESSMENT = "assessment", _("Dinas assessment (revitalisation)")


class MeetingKind(models.TextChoices):
    MUSDESUS = "musdesus", _("Musdesus (special village deliberation)")
    FOUNDING = "rapat_pendirian", _("Founding meeting")


class TimelineEvent(models.TextChoices):
    STAGE = "stage", _("Stage change")
    DEACTIVATED = "deactivated", _("Deactivated")
    RESEATED = "reseated", _("Seat village changed")


class Gender(models.TextChoices):
    L = "L", _("Male")
    P = "P", _("Female")


class Body(models.TextChoices):
    PENGURUS = "pengurus", _("Board")
    PENGAWAS = "pengawas", _("Supervisors")


class Position(models.TextChoices):
    KETUA = "ketua", _("Chair")
    WAKIL_USAHA = "wakil_ketua_usaha", _("Vice chair for business")
    WAKIL_ANGGOTA = "wakil_ketua_anggota", _("Vice chair for membership")
    SEKRETARIS = "sekretaris", _("Secretary")
    BENDAHARA = "bendahara", _("Treasurer")
    ANGGOTA_PENGURUS = "anggota_pengurus", _("Board member")
    KETUA_PENGAWAS = "ketua_pengawas", _("Chair of supervisors")
    ANGGOTA_PENGAWAS = "anggota_pengawas", _("Supervisor")


BOARD_REQUIRED = [
    Position.KETUA,
    Position.WAKIL_USAHA,
    Position.WAKIL_ANGGOTA,
    Position.SEKRETARIS,
    Position.BENDAHARA,
]
BOARD_POSITIONS = [*BOARD_REQUIRED, Position.ANGGOTA_PENGURUS]
SUPERVISOR_POSITIONS = [Position.KETUA_PENGAWAS, Position.ANGGOTA_PENGAWAS]
SINGLE_POSITIONS = [*BOARD_REQUIRED, Position.KETUA_PENGAWAS]
