"""Reading the cooperative pages in tests: form errors, the forms a page offers, uploads that are no PDF."""

from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile


def field_errors(response, field: str, form: str = "form") -> list[str]:
    return list(response.context[form].errors.get(field, []))


def not_pdf(name: str = "x.pdf") -> SimpleUploadedFile:
    """A GIF that calls itself a PDF."""
    return SimpleUploadedFile(
        name, b"GIF89a\x01\x00\x01\x00\x00\x00\x00;" + b"\x00" * 64, content_type="application/pdf"
    )


class _PostForms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.actions: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.actions.append(a.get("action") or "")


def post_actions(html: str) -> list[str]:
    """The action of every <form method="post"> on a page ("" for a form posting to the page itself)."""
    parser = _PostForms()
    parser.feed(html)
    return parser.actions


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids.extend(value for name, value in attrs if name == "id" and value)


def duplicate_ids(html: str) -> list[str]:
    parser = _Ids()
    parser.feed(html)
    return sorted({i for i in parser.ids if parser.ids.count(i) > 1})


def conflict_rows(response) -> list[tuple]:
    """(yours, saved, differs) for each field of the conflict page."""
    return [(mine, theirs, differs) for _label, mine, theirs, differs in response.context["rows"]]
