"""Compile the translation catalogues with Python (polib), so no machine needs GNU gettext to run the portal.

`make messages` calls it after `makemessages`. English is the source language of the msgids: the English catalogue
is completed from them; the Indonesian one is written by people and must have no empty or fuzzy entry
(tests/registry/test_i18n.py checks both catalogues).
"""

from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
PLURAL_FORMS = {"id": "nplurals=1; plural=0;", "en": "nplurals=2; plural=(n != 1);"}


def complete_source_catalogue(po: polib.POFile) -> None:
    """English is the language of the msgids: each entry translates to itself. Overwrites msgmerge's fuzzy guesses,
    which would otherwise turn "Not started" into the nearest old string."""
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None


def main() -> None:
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        language = po_path.parts[-3]
        po = polib.pofile(str(po_path))
        po.metadata["Plural-Forms"] = PLURAL_FORMS[language]
        po.metadata["Language"] = language
        if language == "en":
            complete_source_catalogue(po)
        po.save()
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"{po_path.relative_to(LOCALE_DIR.parent)}: {len(po.translated_entries())}/{len(po)} diterjemahkan")


if __name__ == "__main__":
    main()
