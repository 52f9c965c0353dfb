"""Notifications as their reader sees them (the text is composed when shown, in the reader's language), and the
notary's API tokens."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from notaries.models import ApiToken, Notification, NotificationKind


def notifications_for(user) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user).select_related("deed", "cooperative").order_by("-created_at", "-id")


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notification_text(notification: Notification) -> str:
    coop = notification.cooperative.name if notification.cooperative_id else ""
    deed = notification.deed
    number = deed.number if deed else ""
    if notification.kind == NotificationKind.DEED_SUBMITTED:
        return _("Deed %(number)s of %(cooperative)s was submitted and waits for your verification.") % {
            "number": number,
            "cooperative": coop,
        }
    if notification.kind == NotificationKind.DEED_VERIFIED:
        return _("Deed %(number)s of %(cooperative)s was verified.") % {"number": number, "cooperative": coop}
    if notification.kind == NotificationKind.DEED_REJECTED:
        return _("Deed %(number)s of %(cooperative)s was rejected: %(reason)s") % {
            "number": number,
            "cooperative": coop,
            "reason": deed.rejection_reason if deed else "",
        }
    return _("%(cooperative)s was assigned to you for its founding deed.") % {"cooperative": coop}


UNREAD_TTL = 60 * 60 * 12  # dropped on every change anyway; the TTL only bounds a missed invalidation


def unread_cache_key(user_id: int) -> str:
    return f"notifications-unread:{user_id}"


def cached_unread_count(user) -> int:
    """The unread count shown in the header on every page: cached per user (no query on most pages), forgotten
    whenever a notification is made or read (`notaries.services.notifications`)."""
    if user.pk is None:
        return 0
    key = unread_cache_key(user.pk)
    value = cache.get(key)
    if value is None:
        value = unread_count(user)
        cache.set(key, value, UNREAD_TTL)
    return value


def tokens_of(user) -> QuerySet[ApiToken]:
    """A notary's API tokens, newest first (revoked ones included, marked as such)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")
