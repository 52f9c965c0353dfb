"""The formation-stage vocabulary, shared by the cooperatives app (which moves stages) and the dashboards (which count
them). Order matters: a cooperative reaches a stage only after every earlier one."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    BELUM = "belum", _("Not started")
    MUSDESUS = "musdesus", _("Musdesus held")
    RAPAT_PENDIRIAN = "rapat_pendirian", _("Founding meeting held")
    AKTA = "akta", _("Founding deed signed")
    BADAN_HUKUM = "badan_hukum", _("Legal entity approved")
    TERDAFTAR = "terdaftar", _("Registered")
    OPERASIONAL = "operasional", _("Operational")


STAGE_ORDER: list[Stage] = list(Stage)


def stage_index(stage: str) -> int:
    return STAGE_ORDER.index(Stage(stage))


def next_stage(stage: str) -> Stage | None:
    i = stage_index(stage)
    return STAGE_ORDER[i + 1] if i + 1 < len(STAGE_ORDER) else None
