"""Background work of the notaries app (found by Celery's autodiscovery). Thin: take ids, fetch again, call a
service."""

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from notaries import selectors, services
from notaries.models import Notification

logger = logging.getLogger(__name__)


@shared_task(
    autoretry_for=(OSError,),
    max_retries=3,
    retry_backoff=30,
    retry_backoff_max=600,
    soft_time_limit=60,
    time_limit=90,
)
def notification_email(notification_id: int) -> None:
    """Send one notification by email (Django's email backend; the console in development). Sent once: a notification
    already emailed, gone, or whose user has no address is skipped."""
    notification = Notification.objects.select_related("user", "deed", "cooperative").filter(pk=notification_id).first()
    if notification is None or notification.emailed_at is not None or not notification.user.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        text = selectors.notification_text(notification)
        body = "\n\n".join(
            [text, _("Open the portal to see it: %(path)s") % {"path": reverse("notaries:notifications")}]
        )
        send_mail(
            subject=_("KDMP Registry: %(text)s") % {"text": text[:120]},
            message=body,
            from_email=None,
            recipient_list=[notification.user.email],
        )
    services.notification_emailed(notification=notification)


# The NPAK import's task lives with its package; imported here so that the worker's autodiscovery finds it.
from notaries.npak.tasks import npak_import_run  # noqa: E402, F401
