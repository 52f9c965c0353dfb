"""In-app notifications, each also sent by email after the transaction commits (a task, so a slow mail server never
holds a request)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from notaries.models import Deed, Notification, NotificationKind
from notaries.selectors.notifications import unread_cache_key
from registry.models import Role, User


def notify(*, users: Iterable[User], kind: NotificationKind, deed: Deed | None = None, cooperative=None) -> list:
    """One notification per user; the email of each is enqueued on commit (none on a rollback)."""
    made = Notification.objects.bulk_create(
        [
            Notification(
                user=user, kind=kind, deed=deed, cooperative=cooperative or (deed.cooperative if deed else None)
            )
            for user in users
        ]
    )
    ids = [n.pk for n in made]
    _forget_counts({n.user_id for n in made})
    if ids:
        from notaries import tasks

        transaction.on_commit(lambda: [tasks.notification_email.delay(pk) for pk in ids])
    return made


def officers_of(cooperative) -> list[User]:
    """The active district officers of the cooperative's regency."""
    return list(
        User.objects.filter(role=Role.DISTRICT_OFFICER, region_id=cooperative.regency_code, is_active=True).order_by(
            "pk"
        )
    )


@transaction.atomic
def notifications_mark_read(*, actor, ids: Iterable[int] | None = None) -> int:
    """Mark the actor's unread notifications read (those of `ids`, or all). Returns how many changed."""
    qs = Notification.objects.filter(user=actor, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    changed = qs.update(read_at=timezone.now())
    _forget_counts({actor.pk})
    return changed


def _forget_counts(user_ids: set[int]) -> None:
    """The header's cached unread counts of these users, dropped now and again once the transaction commits."""
    keys = [unread_cache_key(pk) for pk in user_ids]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def notification_emailed(*, notification: Notification) -> None:
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
