"""The in-app notifications of any user (notaries and district officers), newest first."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from notaries import access, selectors, services

PAGE_SIZE = 25


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "notification.list")
    page = Paginator(selectors.notifications_for(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(n, selectors.notification_text(n)) for n in page.object_list]
    return render(request, "notaries/notifications.html", {"page": page, "rows": rows})


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "notification.list")
    services.notifications_mark_read(actor=request.user)
    return redirect("notaries:notifications")
