"""`manage.py seed_demo` builds the national demo picture beside Muara Enim (the picture itself:
test_demo_national.py)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from cooperatives.models import Cooperative
from registry import codes

COMMAND = "cooperatives.management.commands.seed_demo.demo_national_ensure"


@pytest.fixture
def national(monkeypatch, settings):
    """The national builder replaced by a recorder that reports `size` cooperatives made."""
    settings.DEBUG = True
    asked = []

    def build(*, size):
        asked.append(size)
        return size

    monkeypatch.setattr(COMMAND, build)
    return asked


def test_seed_demo_builds_the_national_picture_of_the_size_asked_beside_muara_enim(national):
    out = io.StringIO()
    call_command("seed_demo", "--national-size", "40", stdout=out)
    assert national == [40]
    assert "40 koperasi demo dibuat di 38 provinsi, dengan deret harian progres sejak April 2025." in out.getvalue()
    assert Cooperative.objects.filter(codes.subtree_q("village_id", "16.03")).count() == 14


def test_seed_demo_takes_the_national_size_from_the_settings(national, settings):
    settings.KDMP_DEMO_NATIONAL_SIZE = 25
    call_command("seed_demo", stdout=io.StringIO())
    assert national == [25]


def test_a_national_size_of_zero_builds_muara_enim_only(national):
    out = io.StringIO()
    call_command("seed_demo", "--national-size", "0", stdout=out)
    assert national == []
    assert "koperasi demo dibuat" not in out.getvalue()
