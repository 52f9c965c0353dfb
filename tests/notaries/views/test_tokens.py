"""The notary's token page: a token is shown once, listed by its start, and revoked."""

from django.urls import reverse

from notaries.models import ApiToken


def test_a_new_token_is_shown_once(client, notary, registry_notary):
    client.force_login(notary)

    created = client.post(reverse("notaries:tokens"), {"name": "Aplikasi kantor"})
    again = client.get(reverse("notaries:tokens"))

    raw = created.context["created"]
    assert raw.startswith("kdmpn_") and raw in created.content.decode()
    assert raw not in again.content.decode()
    assert ApiToken.objects.get().prefix in again.content.decode()


def test_a_token_needs_a_name(client, notary, registry_notary):
    client.force_login(notary)

    response = client.post(reverse("notaries:tokens"), {"name": ""})

    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_revoking_a_token(client, notary, registry_notary, notary_token):
    client.force_login(notary)
    token = ApiToken.objects.get()

    client.post(reverse("notaries:token_revoke", args=[token.pk]))

    assert ApiToken.objects.get().revoked_at is not None


def test_a_notary_not_linked_to_the_registry_gets_404(client, notary):
    client.force_login(notary)

    assert client.get(reverse("notaries:tokens")).status_code == 404
