"""The notary directory and the officer's choice of a notary."""

import pytest
from django.urls import reverse

from notaries.models import Assignment
from tests.notaries.factories import NotaryFactory


@pytest.fixture
def listed(db):
    return [
        NotaryFactory(name="Hj. Siti Nurul Hidayah, S.H., M.Kn."),
        NotaryFactory(name="Budi Santoso, S.H.", seat_id="16.71"),
        NotaryFactory(name="Nurul Aini, S.H., M.Kn.", seat_id="31.71"),
    ]


def test_search_by_name_finds_a_word_of_the_name_whatever_the_titles(client, district_officer, listed):
    client.force_login(district_officer)

    response = client.get(reverse("notaries:directory"), {"q": "nurul"})

    assert [n.name for n in response.context["page"].object_list] == [
        "Nurul Aini, S.H., M.Kn.",
        "Hj. Siti Nurul Hidayah, S.H., M.Kn.",
    ]


def test_filter_by_province_and_regency(client, district_officer, listed):
    client.force_login(district_officer)

    by_province = client.get(reverse("notaries:directory"), {"province": "16"})
    by_regency = client.get(reverse("notaries:directory"), {"province": "16", "regency": "16.71"})

    assert {n.name for n in by_province.context["page"].object_list} == {
        "Hj. Siti Nurul Hidayah, S.H., M.Kn.",
        "Budi Santoso, S.H.",
    }
    assert [n.name for n in by_regency.context["page"].object_list] == ["Budi Santoso, S.H."]


def test_the_directory_is_paginated_with_a_bounded_number_of_queries(
    client, district_officer, django_assert_max_num_queries
):
    NotaryFactory.create_batch(30)
    client.force_login(district_officer)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("notaries:directory"))

    assert len(response.context["page"].object_list) == 25


def test_choosing_for_a_cooperative_lists_only_notaries_of_its_province(client, district_officer, listed, founded):
    client.force_login(district_officer)

    response = client.get(reverse("notaries:directory"), {"koperasi": founded.pk, "province": "31"})

    assert {n.province_id for n in response.context["page"].object_list} == {"16"}


def test_the_officer_assigns_a_notary_of_the_province(client, district_officer, listed, founded):
    client.force_login(district_officer)

    response = client.post(reverse("notaries:assign", args=[founded.pk]), {"notary": listed[1].pk})

    assert response["Location"] == reverse("cooperatives:detail", args=[founded.pk])
    assert Assignment.objects.get(cooperative=founded, is_active=True).notary == listed[1]


def test_a_notary_of_another_province_is_refused_with_the_reason(client, district_officer, listed, founded):
    client.force_login(district_officer)

    response = client.post(reverse("notaries:assign", args=[founded.pk]), {"notary": listed[2].pk}, follow=True)

    assert not Assignment.objects.exists()
    assert "Notaris hanya dapat bertugas di provinsi tempat kedudukannya" in response.content.decode()
