"""Links shown on a cooperative's page that other apps register from their AppConfig.ready (cooperatives never
imports them): the notaries app adds "Notary and deed"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.utils.functional import Promise


@dataclass(frozen=True)
class PageLink:
    key: str
    label: str | Promise
    url: Callable[[object], str | None]  # the cooperative → the URL, or None where the link does not apply
    allowed: Callable[[object], bool]  # the user → whether they may follow it


_links: dict[str, PageLink] = {}


def register(
    key: str, *, label: str | Promise, url: Callable[[object], str | None], allowed: Callable[[object], bool]
) -> None:
    _links[key] = PageLink(key, label, url, allowed)


def links_for(user, cooperative) -> list[tuple[str, str]]:
    entries = []
    for link in sorted(_links.values(), key=lambda link: link.key):
        if link.allowed(user) and (url := link.url(cooperative)) is not None:
            entries.append((str(link.label), url))
    return entries
