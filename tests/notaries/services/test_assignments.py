"""notaries.services.assignments: the district officer assigns a notary whose province holds the cooperative."""

import pytest

from notaries import services
from notaries.models import Assignment
from registry.errors import ApplicationError
from tests.notaries.factories import NotaryFactory

pytestmark = pytest.mark.usefixtures("indonesian")


def test_a_notary_of_the_province_is_assigned_and_told(district_officer, notary, registry_notary, founded):
    assignment = services.notary_assign(actor=district_officer, cooperative=founded, notary=registry_notary)

    assert (assignment.notary, assignment.is_active, assignment.assigned_by) == (
        registry_notary,
        True,
        district_officer,
    )
    assert notary.notifications.get().kind == "assigned"


def test_a_notary_seated_elsewhere_in_the_province_may_be_assigned(district_officer, palembang_notary_entry, founded):
    assignment = services.notary_assign(actor=district_officer, cooperative=founded, notary=palembang_notary_entry)

    assert assignment.notary == palembang_notary_entry


def test_a_notary_of_another_province_is_refused(district_officer, jakarta_notary_entry, founded):
    with pytest.raises(ApplicationError) as exc:
        services.notary_assign(actor=district_officer, cooperative=founded, notary=jakarta_notary_entry)

    assert exc.value.field == "notary"
    assert exc.value.message.startswith("Notaris hanya dapat bertugas di provinsi tempat kedudukannya")


def test_a_new_assignment_ends_the_previous_one(district_officer, registry_notary, palembang_notary_entry, founded):
    services.notary_assign(actor=district_officer, cooperative=founded, notary=registry_notary)
    services.notary_assign(actor=district_officer, cooperative=founded, notary=palembang_notary_entry)

    rows = list(Assignment.objects.filter(cooperative=founded).order_by("id").values_list("notary_id", "is_active"))
    assert rows == [(registry_notary.pk, False), (palembang_notary_entry.pk, True)]


def test_assigning_the_same_notary_again_changes_nothing(district_officer, registry_notary, founded):
    first = services.notary_assign(actor=district_officer, cooperative=founded, notary=registry_notary)
    again = services.notary_assign(actor=district_officer, cooperative=founded, notary=registry_notary)

    assert again.pk == first.pk
    assert Assignment.objects.count() == 1


@pytest.mark.parametrize("fixture", ["other_district_officer", "provincial_staff", "notary"])
def test_only_the_regencys_officer_assigns(request, fixture, registry_notary, founded):
    with pytest.raises(ApplicationError):
        services.notary_assign(actor=request.getfixturevalue(fixture), cooperative=founded, notary=registry_notary)


def test_an_inactive_notary_is_refused(district_officer, founded):
    retired = NotaryFactory(is_active=False)

    with pytest.raises(ApplicationError) as exc:
        services.notary_assign(actor=district_officer, cooperative=founded, notary=retired)

    assert exc.value.message == "Notaris ini tidak lagi aktif dalam registri."
