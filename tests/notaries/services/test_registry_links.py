"""Linking a notary of the registry to a user account (role `notary`; the account's region is the seat)."""

import pytest
from django.core.exceptions import ValidationError

from notaries import services
from registry.errors import ApplicationError
from tests.factories import UserFactory
from tests.notaries.factories import NotaryFactory

pytestmark = pytest.mark.usefixtures("indonesian")


def test_linking_sets_the_accounts_region_to_the_seat(national_admin):
    notary = NotaryFactory(seat_id="16.71")
    user = UserFactory(role="notary", region_id="16.03")

    linked = services.notary_user_link(actor=national_admin, notary=notary, user=user)

    user.refresh_from_db()
    assert (linked.user, user.region_id) == (user, "16.71")


def test_only_a_notary_account_can_be_linked(national_admin, district_officer):
    with pytest.raises(ApplicationError) as exc:
        services.notary_user_link(actor=national_admin, notary=NotaryFactory(), user=district_officer)

    assert exc.value.message == "Hanya akun dengan peran notaris yang dapat ditautkan ke notaris."


def test_an_account_is_linked_to_one_notary(national_admin, notary):
    first = NotaryFactory(name="Siti Aminah, S.H.", user=notary)

    with pytest.raises(ApplicationError) as exc:
        services.notary_user_link(actor=national_admin, notary=NotaryFactory(), user=notary)

    assert exc.value.message == f"Akun ini sudah ditautkan ke {first.name}."


def test_the_model_refuses_an_account_seated_elsewhere(notary):
    entry = NotaryFactory(seat_id="16.71", user=notary)

    with pytest.raises(ValidationError) as exc:
        entry.full_clean()

    assert exc.value.message_dict["user"] == ["Wilayah akun harus tempat kedudukan notaris (16.71)."]
