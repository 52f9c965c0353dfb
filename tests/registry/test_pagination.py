"""templates/includes/pagination.html: Django's {% querystring %} keeps the search and filters across pages."""

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils.translation import override

VILLAGE_LIST = "/wilayah/16.03/desa/"


def render(query: dict, page_number: int, pages: int = 3) -> str:
    request = RequestFactory().get(VILLAGE_LIST, query)
    page = Paginator(range(pages * 50), 50).get_page(page_number)
    with override("id"):
        return render_to_string("includes/pagination.html", {"page": page}, request=request)


def test_pagination_keeps_search_and_kecamatan_and_replaces_the_page():
    html = render({"q": "tanjung", "kecamatan": "16.03.07", "page": "2"}, 2)

    assert 'href="?q=tanjung&amp;kecamatan=16.03.07&amp;page=1"' in html
    assert 'href="?q=tanjung&amp;kecamatan=16.03.07&amp;page=3"' in html
    assert "Halaman 2 dari 3" in html


def test_pagination_adds_the_page_when_the_query_has_none():
    html = render({"q": "an"}, 1)

    assert 'href="?q=an&amp;page=2"' in html
    assert "Sebelumnya" not in html


def test_pagination_of_an_unfiltered_list_links_only_the_page():
    html = render({}, 3)

    assert 'href="?page=2"' in html
    assert "Berikutnya" not in html


def test_pagination_escapes_the_query_in_the_link():
    html = render({"q": 'a&b"<x>'}, 1)

    assert 'href="?q=a%26b%22%3Cx%3E&amp;page=2"' in html


def test_pagination_does_not_change_the_request_query():
    request = RequestFactory().get(VILLAGE_LIST, {"page": "1"})
    page = Paginator(range(150), 50).get_page(1)

    render_to_string("includes/pagination.html", {"page": page}, request=request)

    assert request.GET["page"] == "1"


@pytest.mark.parametrize("items", [0, 1, 50])
def test_pagination_is_not_rendered_for_a_single_page(items):
    request = RequestFactory().get(VILLAGE_LIST, {"q": "an"})
    page = Paginator(range(items), 50).get_page(1)

    assert render_to_string("includes/pagination.html", {"page": page}, request=request).strip() == ""
