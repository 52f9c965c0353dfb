from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from registry.errors import ApplicationError


class ConflictError(ApplicationError):
    """Someone saved the record after this user opened it. Carries the saved version so both can be shown."""

    def __init__(self, current: models.Model) -> None:
        super().__init__(_("Someone else saved this record after you opened it. Nothing was overwritten."))
        self.current = current


def validated_save(instance: models.Model, *, actor, exclude: list[str] | None = None) -> None:
    """full_clean, then save with the acting user recorded in the history row."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise ApplicationError(messages[0], field=None if field == "__all__" else field) from exc
    instance._history_user = actor
    instance.save()


def check_version(instance: models.Model, expected: int | None) -> None:
    if expected is not None and instance.version != expected:
        raise ConflictError(instance)
