"""What every cooperative page shares: scoping and loading, the form-to-service step, the tab layout, conflicts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cooperatives import access, page_links, rules, selectors
from cooperatives.models import Cooperative, mask_nik
from cooperatives.nik import normalize_nik
from cooperatives.services import ConflictError
from registry.errors import ApplicationError
from registry.stages import STAGE_ORDER, next_stage, stage_index

PAGE_SIZE = 50


def form_error(form, exc: ApplicationError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def submit(form, call: Callable[[], Any]) -> tuple[bool, Any]:
    """Validate the form, then call the service (`call` reads the form's cleaned data). A refusal becomes an error
    on the form, so the page is shown again with what was typed; a conflict propagates to the caller, which shows
    both versions."""
    if not form.is_valid():
        return False, None
    try:
        return True, call()
    except ConflictError:
        raise
    except ApplicationError as exc:
        form_error(form, exc)
        return False, None


def tab_context(request: HttpRequest, coop: Cooperative, tab: str, **extra) -> dict:
    """What every tab of a cooperative page shows: header, stepper with what the next stage needs, permissions."""
    nxt = next_stage(coop.stage)
    current = stage_index(coop.stage)
    return {
        "coop": coop,
        "tab": tab,
        "can_change": coop.is_active and access.can(request.user, "cooperative.change"),
        "stages": [(s, i < current, i == current) for i, s in enumerate(STAGE_ORDER)],
        "next_stage": nxt,
        "missing": rules.stage_missing(coop, nxt) if nxt else [],
        "earlier_stages": STAGE_ORDER[:current],
        "page_links": page_links.links_for(request.user, coop),
        "roster_open": rules.roster_is_open(coop),
        **extra,
    }


def refusals(forms) -> list[str]:
    """Every error of the bound forms of a page, for the summary at its top: a refusal is shown even when the form
    that caused it is no longer on the page (a seat submitted after the roster closed, a double submit)."""
    messages = []
    for form in forms:
        if getattr(form, "is_bound", False) and form.errors:
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else None
                messages.extend(f"{label}: {e}" if label else str(e) for e in errors)
    return messages


def tab_page(request: HttpRequest, coop: Cooperative, template: str, tab: str, status: int = 200, **extra):
    context = tab_context(request, coop, tab, **extra)
    context["refusals"] = refusals(v for v in extra.values() if hasattr(v, "errors"))
    return render(request, template, context, status=status)


def load(request: HttpRequest, pk: int, action: str = "cooperative.view") -> Cooperative:
    coop = access.cooperative_get_for(user=request.user, pk=pk, action=action)
    return selectors.cooperative_page(coop)


def read_or_write(request: HttpRequest) -> str:
    return "cooperative.change" if request.method == "POST" else "cooperative.view"


def posted_version(request: HttpRequest) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def conflict_page(request: HttpRequest, coop: Cooperative, exc: ConflictError, form) -> HttpResponse:
    """Both versions side by side; nothing was written."""
    current = exc.current
    rows = []
    for name, field in form.fields.items():
        if name == "covered_villages":
            continue
        mine = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else form.data.get(name)
        theirs = getattr(current, name, None)
        if name == "nik":  # both NIKs stay masked here: only the logged edit form shows one in full
            mine, theirs = mask_nik(normalize_nik(str(mine or ""))), mask_nik(theirs or "")
        rows.append((field.label, mine, theirs, (mine or None) != (theirs or None)))
    return render(
        request,
        "cooperatives/conflict.html",
        {"coop": coop, "rows": rows, "message": exc.message, "current": current},
        status=409,
    )
