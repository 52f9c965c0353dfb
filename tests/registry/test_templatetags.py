"""registry/templatetags/registry_tags.py: rupiah, count, progress_percent, target_display."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils.translation import override

from registry.selectors import TargetValue
from registry.templatetags.registry_tags import count, progress_percent, rupiah, target_display

# rupiah


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1500000, "Rp1.500.000"),
        (0, "Rp0"),
        (999, "Rp999"),
        (1000, "Rp1.000"),
        (80_000_000_000, "Rp80.000.000.000"),
        ("2500000", "Rp2.500.000"),
        (Decimal("1500000"), "Rp1.500.000"),
        (-2500, "-Rp2.500"),
    ],
)
def test_rupiah_groups_thousands_with_dots_and_no_space_after_rp(amount, expected):
    assert rupiah(amount) == expected


@pytest.mark.parametrize("language", ["id", "en"])
def test_rupiah_is_the_same_in_every_language(language):
    with override(language):
        assert rupiah(1500000) == "Rp1.500.000"


@pytest.mark.parametrize("amount", [None, ""])
def test_rupiah_of_a_missing_amount_is_a_dash(amount):
    assert rupiah(amount) == "–"


@pytest.mark.parametrize(("amount", "expected"), [(Decimal("1499.50"), "Rp1.500"), (Decimal("999.99"), "Rp1.000")])
def test_rupiah_rounds_sen_to_the_nearest_whole_rupiah(amount, expected):
    assert rupiah(amount) == expected


# count


def test_count_groups_thousands_with_a_dot_in_indonesian():
    with override("id"):
        assert count(83762) == "83.762"


def test_count_groups_thousands_with_a_comma_in_english():
    with override("en"):
        assert count(83762) == "83,762"


@pytest.mark.parametrize(("value", "expected"), [(0, "0"), (38, "38"), (1_000_000, "1.000.000")])
def test_count_small_and_large_numbers_in_indonesian(value, expected):
    with override("id"):
        assert count(value) == expected


@pytest.mark.parametrize("value", [None, ""])
def test_count_of_a_missing_value_is_a_dash(value):
    assert count(value) == "–"


def test_count_filter_in_a_template_uses_the_active_language():
    template = Template("{% load registry_tags %}{{ n|count }}")

    with override("id"):
        assert template.render(Context({"n": 91599})) == "91.599"


# progress_percent


@pytest.mark.parametrize("target", [None, 0])
def test_progress_percent_without_target_is_tanpa_target_in_indonesian(target):
    with override("id"):
        assert progress_percent(25, target) == "Tanpa target"


@pytest.mark.parametrize("target", [None, 0])
def test_progress_percent_without_target_is_no_target_in_english(target):
    with override("en"):
        assert progress_percent(25, target) == "No target"


@pytest.mark.parametrize(
    ("done", "target", "expected"),
    [
        (25, 80, "31,2%"),
        (0, 80, "0,0%"),
        (None, 80, "0,0%"),
        (80, 80, "100,0%"),
        (1, 3, "33,3%"),
        (2, 3, "66,7%"),
        (120, 100, "120,0%"),
    ],
)
def test_progress_percent_in_indonesian_has_one_decimal_with_a_comma(done, target, expected):
    with override("id"):
        assert progress_percent(done, target) == expected


def test_progress_percent_in_english_uses_a_decimal_point():
    with override("en"):
        assert progress_percent(25, 80) == "31.2%"


def test_progress_percent_tag_in_a_template_never_shows_zero_percent_without_target():
    template = Template("{% load registry_tags %}{% progress_percent done target %}")

    with override("id"):
        assert template.render(Context({"done": 0, "target": None})) == "Tanpa target"


# target_display


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (None, "Tanpa target"),
        (TargetValue(None, False), "Tanpa target"),
        (TargetValue(256, True), "256"),
        (TargetValue(1250, False), "1.250"),
        (80000, "80.000"),
        (0, "0"),
    ],
)
def test_target_display_in_indonesian(target, expected):
    with override("id"):
        assert target_display(target) == expected


def test_target_display_of_no_target_in_english():
    with override("en"):
        assert target_display(TargetValue(None, False)) == "No target"


def test_target_display_in_english_groups_with_commas():
    with override("en"):
        assert target_display(80000) == "80,000"
