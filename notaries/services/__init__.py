"""Every write to the notaries app. Views, the API, commands and tasks call these public names."""

from notaries.services.assignments import notary_assign
from notaries.services.deeds import (
    deed_correct,
    deed_download_record,
    deed_record,
    deed_reject,
    deed_verify,
    is_superseded_by_stage,
)
from notaries.services.notifications import notification_emailed, notifications_mark_read, notify
from notaries.services.registry_links import notary_user_link
from notaries.services.tokens import api_token_authenticate, api_token_create, api_token_revoke

__all__ = [
    "api_token_authenticate",
    "api_token_create",
    "api_token_revoke",
    "deed_correct",
    "deed_download_record",
    "deed_record",
    "deed_reject",
    "deed_verify",
    "is_superseded_by_stage",
    "notary_assign",
    "notary_user_link",
    "notification_emailed",
    "notifications_mark_read",
    "notify",
]
