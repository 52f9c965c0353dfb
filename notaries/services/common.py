from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from registry.errors import ApplicationError


def validated_save(instance: models.Model, *, actor, exclude: list[str] | None = None) -> None:
    """full_clean, then save with the acting user recorded in the history row; a refusal is an ApplicationError."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise ApplicationError(messages[0], field=None if field == "__all__" else field) from exc
    instance._history_user = actor
    instance.save()
