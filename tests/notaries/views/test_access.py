"""Scoping of every notaries page: another notary, another regency's officer and a wrong role get 404."""

import pytest
from django.urls import reverse

from notaries import services
from tests.notaries.factories import NotaryFactory


@pytest.fixture
def other_tokens(other_notary):
    token, _raw = services.api_token_create(actor=other_notary, name="Kantor lain")
    return token


def deed_urls(deed) -> list[str]:
    return [
        reverse("notaries:deed", args=[deed.pk]),
        reverse("notaries:deed_file", args=[deed.pk]),
    ]


@pytest.mark.parametrize("fixture", ["other_notary", "other_district_officer", "provincial_staff", "national_viewer"])
def test_a_deed_page_and_its_file_are_404_outside_the_scope(client, request, fixture, deed):
    client.force_login(request.getfixturevalue(fixture))

    for url in deed_urls(deed):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("fixture", ["other_district_officer", "provincial_staff", "notary", "other_notary"])
def test_deciding_on_a_deed_is_404_for_anyone_but_the_regencys_officer(client, request, fixture, deed):
    client.force_login(request.getfixturevalue(fixture))

    response = client.post(reverse("notaries:deed_decide", args=[deed.pk]), {"action": "verify"})

    assert response.status_code == 404


@pytest.mark.parametrize("fixture", ["other_notary", "district_officer", "other_district_officer", "provincial_staff"])
def test_correcting_a_deed_is_404_for_anyone_but_its_notary(client, request, fixture, deed):
    client.force_login(request.getfixturevalue(fixture))

    assert client.post(reverse("notaries:deed_correct", args=[deed.pk]), {}).status_code == 404


@pytest.mark.parametrize("fixture", ["other_notary", "district_officer", "provincial_staff", "national_admin"])
@pytest.mark.parametrize("name", ["notaries:cooperative", "notaries:founders"])
def test_an_assigned_cooperatives_pages_are_404_for_anyone_but_its_notary(client, request, fixture, name, assigned):
    client.force_login(request.getfixturevalue(fixture))

    assert client.get(reverse(name, args=[assigned.pk])).status_code == 404


def test_a_notary_of_another_province_with_the_same_cooperative_id_gets_404(client, assigned):
    from tests.factories import UserFactory

    user = UserFactory(role="notary", region_id="31.71")
    NotaryFactory(seat_id="31.71", user=user)
    client.force_login(user)

    assert client.get(reverse("notaries:cooperative", args=[assigned.pk])).status_code == 404


@pytest.mark.parametrize("fixture", ["other_district_officer", "provincial_staff", "notary"])
def test_assigning_is_404_outside_the_regency_or_for_a_wrong_role(client, request, fixture, registry_notary, founded):
    client.force_login(request.getfixturevalue(fixture))

    response = client.post(reverse("notaries:assign", args=[founded.pk]), {"notary": registry_notary.pk})

    assert response.status_code == 404


def test_the_directory_in_assign_mode_is_404_for_another_regency(client, other_district_officer, founded):
    client.force_login(other_district_officer)

    assert client.get(reverse("notaries:directory"), {"koperasi": founded.pk}).status_code == 404


def test_revoking_another_notarys_token_is_404(client, notary, registry_notary, other_tokens):
    client.force_login(notary)

    assert client.post(reverse("notaries:token_revoke", args=[other_tokens.pk])).status_code == 404


@pytest.mark.parametrize(
    ("name", "fixture"),
    [
        ("notaries:home", "district_officer"),
        ("notaries:tokens", "district_officer"),
        ("notaries:deeds", "provincial_staff"),
        ("notaries:directory", "notary"),
    ],
)
def test_a_role_that_may_not_open_a_page_is_refused(client, request, name, fixture):
    client.force_login(request.getfixturevalue(fixture))

    assert client.get(reverse(name)).status_code == 403


def test_a_notary_sees_only_their_own_deeds_in_the_list(client, other_notary, deed):
    client.force_login(other_notary)

    response = client.get(reverse("notaries:deeds"))

    assert response.status_code == 200
    assert list(response.context["page"].object_list) == []
