"""Both catalogues are complete and compiled; the portal speaks Indonesian first and English on request."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
ROOT = Path(settings.BASE_DIR)


def _catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", ["id", "en"])
def test_catalogue_has_no_untranslated_or_fuzzy_entry(language):
    po = _catalogue(language)
    assert len(po) > 100
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    # A kept "previous msgid" means a fuzzy guess whose flag was dropped without anyone checking the text.
    assert [e.msgid for e in po if e.previous_msgid] == []


def _key(entry: polib._BaseEntry) -> tuple:
    plural = tuple(sorted((int(k), v) for k, v in entry.msgstr_plural.items()))
    return (entry.msgid, entry.msgid_plural, entry.msgstr, plural)


@pytest.mark.parametrize("language", ["id", "en"])
def test_compiled_catalogue_matches_its_source(language):
    po = _catalogue(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    assert {_key(e) for e in mo if e.msgid} == {_key(e) for e in po}


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="extraction needs GNU gettext (not needed to run)")
def test_catalogue_holds_every_string_of_the_code(tmp_path):
    work = tmp_path / "src"
    shutil.copytree(
        ROOT, work, ignore=shutil.ignore_patterns(".venv", "var", ".git", "__pycache__", "*.mo", ".*_cache")
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "id", "--no-location", "--ignore", "tests/*"],
        cwd=work,
        check=True,
        capture_output=True,
        timeout=120,
    )
    extracted = {e.msgid for e in polib.pofile(str(work / "locale/id/LC_MESSAGES/django.po")) if not e.obsolete}
    committed = {e.msgid for e in _catalogue("id") if not e.obsolete}
    assert extracted - committed == set(), "run `make messages` and translate the new strings"


def test_pages_are_indonesian_by_default_even_for_an_english_browser(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "id"
    assert "Masuk untuk petugas dan notaris" in response.text


def test_english_is_chosen_in_the_header_and_kept(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/")
    assert page.headers["Content-Language"] == "en"
    assert "Log in for officers and notaries" in page.text


def test_unknown_language_cookie_falls_back_to_indonesian(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert client.get("/").headers["Content-Language"] == "id"
