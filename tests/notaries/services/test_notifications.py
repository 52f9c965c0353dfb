"""Notifications: both sides told in the app, and by email once the transaction commits."""

import pytest
from django.core import mail

from notaries import selectors, services
from notaries.models import Notification
from tests.factories import UserFactory
from tests.notaries.conftest import DEED_DATE
from tests.notaries.factories import deed_pdf

pytestmark = pytest.mark.usefixtures("indonesian")


@pytest.fixture
def with_emails(district_officer, notary):
    district_officer.email, notary.email = "petugas@example.go.id", "notaris@example.id"
    district_officer.save(update_fields=["email"])
    notary.save(update_fields=["email"])


def test_a_submitted_deed_tells_every_officer_of_the_regency_only(district_officer, notary, assigned):
    colleague = UserFactory(role="district_officer", region_id="16.03")
    UserFactory(role="district_officer", region_id="16.04")

    deed, _ = services.deed_record(actor=notary, cooperative=assigned, number="12", date=DEED_DATE, file=deed_pdf())

    told = set(Notification.objects.filter(kind="deed_submitted").values_list("user_id", flat=True))
    assert told == {district_officer.pk, colleague.pk}
    assert selectors.notification_text(Notification.objects.filter(user=district_officer).get()) == (
        "Akta 12 Koperasi Desa Merah Putih Embawang telah diajukan dan menunggu verifikasi Anda."
    )


def test_the_email_is_sent_only_after_the_commit(django_capture_on_commit_callbacks, with_emails, notary, assigned):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.deed_record(actor=notary, cooperative=assigned, number="12", date=DEED_DATE, file=deed_pdf())
        assert mail.outbox == []

    for callback in callbacks:
        callback()
    (message,) = [m for m in mail.outbox if m.to == ["petugas@example.go.id"]]
    assert message.subject.startswith("Registri KDMP: Akta 12 Koperasi Desa Merah Putih Embawang telah diajukan")


def test_the_notary_is_emailed_the_verification(
    django_capture_on_commit_callbacks, with_emails, district_officer, deed
):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.deed_verify(actor=district_officer, deed=deed)

    assert [m.to for m in mail.outbox] == [["notaris@example.id"]]
    assert "telah diverifikasi" in mail.outbox[0].body


def test_an_email_is_sent_once_even_if_the_task_runs_twice(with_emails, district_officer, deed):
    from notaries.tasks import notification_email

    notification = Notification.objects.get(user=district_officer, kind="deed_submitted")
    mail.outbox.clear()

    notification_email(notification.pk)
    notification_email(notification.pk)
    notification_email(999_999)

    assert len(mail.outbox) == 1


def test_the_unread_count_and_marking_read(district_officer, deed):
    assert selectors.cached_unread_count(district_officer) == 1

    services.notifications_mark_read(actor=district_officer)

    assert selectors.cached_unread_count(district_officer) == 0
