"""The documents tab, and the one door through which a stored PDF leaves the private folder."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from cooperatives import access, selectors, services
from cooperatives.forms import DocumentForm
from cooperatives.views.common import load, read_or_write, submit, tab_page


@login_required
def documents(request: HttpRequest, pk: int) -> HttpResponse:
    coop = load(request, pk, read_or_write(request))
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        ok, _document = submit(
            form,
            lambda: services.document_upload(
                actor=request.user, cooperative=coop, kind=form.cleaned_data["kind"], file=form.cleaned_data["file"]
            ),
        )
        if ok:
            messages.success(request, _("Document uploaded."))
            return redirect("cooperatives:documents", pk=coop.pk)
    return tab_page(
        request,
        coop,
        "cooperatives/documents.html",
        "documents",
        status=400 if form.errors else 200,
        form=form,
        documents=list(coop.documents.all()),
    )


@login_required
def document_download(request: HttpRequest, pk: int, document_pk: int) -> FileResponse:
    """Files leave the private folder only here, after the same scoping as the page."""
    coop = access.cooperative_get_for(user=request.user, pk=pk)
    document = selectors.document_of(coop, document_pk)
    if document is None:
        raise Http404(_("Document not found."))
    filename = f"{coop.village_id}-{document.kind}-{document.pk}.pdf"
    response = FileResponse(document.file.open("rb"), content_type="application/pdf", filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"  # personal data: no shared or disk cache
    return response
