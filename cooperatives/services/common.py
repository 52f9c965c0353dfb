from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from registry.errors import ApplicationError, ConflictError


def conflict(current: models.Model) -> ConflictError:
    return ConflictError(
        _("Someone else saved this record after you opened it. Nothing was overwritten."), current=current
    )


def validated_save(instance: models.Model, *, actor, exclude: list[str] | None = None) -> None:
    """full_clean, then save with the acting user recorded in the history row."""
    clean(instance, exclude=exclude)
    instance._history_user = actor
    instance.save()


def clean(instance: models.Model, *, exclude: list[str] | None = None) -> None:
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise ApplicationError(messages[0], field=None if field == "__all__" else field) from exc


def check_version(instance: models.Model, expected: int | None) -> None:
    if expected is not None and instance.version != expected:
        raise conflict(instance)


def ensure_active(cooperative) -> None:
    """A deactivated cooperative is kept for the record and changes no more."""
    if not cooperative.is_active:
        raise ApplicationError(_("This cooperative is inactive: it is kept for the record and no longer changes."))
