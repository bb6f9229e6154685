"""The admin's "Import briefings" page: editors upload text, web pages, PDFs, e-mails
or mailboxes, see what importing would do (the ``import_briefings --dry-run --json``
report, conflicts included), then press Import.

The preview and the import are two requests (maybe served by two workers), so the
uploaded files wait in ``PendingUpload`` rows between them, each visible only to its
uploader and dropped after the import or after a day. Importing runs exactly what
the command runs (``importers.run``): one transaction per briefing, the same one-line
errors, nothing written for a bad file.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import content_disposition_header

from ..importers.inputs import SUFFIXES
from ..importers.report import totals
from ..importers.run import failed, import_data
from ..models import PendingUpload, SourceFile
from ..search import update_statistics

MAX_FILES = 20  # per upload
PENDING_FOR = dt.timedelta(days=1)  # an upload not imported by then is dropped
PERMISSION = "briefings.import_briefing"
ACCEPT = ",".join(sorted(SUFFIXES))
# Where a web page, e-mail or PDF came from: shown, never edited.
SOURCE_FIELDS = (
    "source_media_type",
    "source_url",
    "source_message_id",
    "source_sender",
    "source_sent_at",
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one ``<input type=file multiple>``."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        cleaned = [super(MultipleFileField, self).clean(f, initial) for f in files]
        if len(cleaned) > MAX_FILES:
            raise forms.ValidationError(f"At most {MAX_FILES} files at a time.")
        return cleaned


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Files",
        help_text=(
            f"Accepted: {', '.join(sorted(SUFFIXES))}; up to {MAX_FILES} files of at "
            f"most {settings.IMPORT_MAX_BYTES:,} bytes each."
        ),
    )


def upload_problem(upload) -> str | None:
    """Why an uploaded file is refused before reading it: its type or its size."""
    suffix = Path(upload.name).suffix.lower()
    if suffix not in SUFFIXES:
        kind = suffix or "no file name ending"
        return (
            f"unsupported file type: {kind} (accepted: {', '.join(sorted(SUFFIXES))})"
        )
    if upload.size > settings.IMPORT_MAX_BYTES:
        return (
            f"too large: {upload.size:,} bytes, "
            f"the limit is {settings.IMPORT_MAX_BYTES:,} bytes"
        )
    return None


def preview_uploads(request, uploads) -> tuple[list[dict], list[str]]:
    """Dry-run report entries for the uploads, and the tokens of those kept for
    Import (a file that fails now is not kept: importing it would fail too)."""
    PendingUpload.objects.filter(created_at__lt=timezone.now() - PENDING_FOR).delete()
    entries, tokens = [], []
    for upload in uploads:
        if problem := upload_problem(upload):
            entries.append(failed(upload.name, problem))
            continue
        data = upload.read()
        found = import_data(upload.name, data, dry_run=True)
        entries += found
        if any(entry["status"] != "failed" for entry in found):
            token = secrets.token_urlsafe(32)
            PendingUpload.objects.create(
                token=token, uploaded_by=request.user, name=upload.name, data=data
            )
            tokens.append(token)
    return entries, tokens


def import_pending(request, tokens: list[str]) -> list[dict]:
    """Import the user's previewed uploads; each briefing in its own transaction."""
    entries = []
    pending = PendingUpload.objects.filter(token__in=tokens, uploaded_by=request.user)
    for upload in pending.order_by("pk"):
        entries += import_data(upload.name, bytes(upload.data), dry_run=False)
    with transaction.atomic():
        pending.delete()
    return entries


class ImportBriefings:
    """The "Import briefings" page, added to the briefings' admin."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        original = self.admin_site.admin_view(self.original_view)
        return [
            path("import/", view, name="briefings_briefing_import"),
            path("<int:pk>/original/", original, name="briefings_briefing_original"),
            *super().get_urls(),
        ]

    def original_view(self, request, pk: int):
        """The file a briefing was read from, as a download."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        original = get_object_or_404(SourceFile, briefing_id=pk)
        response = HttpResponse(bytes(original.data), content_type=original.media_type)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=original.name
        )
        return response

    @admin.display(description="original file")
    def original_file(self, briefing) -> str:
        original = SourceFile.objects.filter(briefing=briefing).only("name").first()
        if original is None:
            return "— (plain text: the source text below is the file)"
        url = reverse("admin:briefings_briefing_original", args=[briefing.pk])
        return format_html('<a href="{}">{}</a>', url, original.name)

    def import_view(self, request):
        """Upload → preview (dry run) → Import, on one page."""
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        form, entries, tokens, imported = UploadForm(), None, [], False
        if request.method == "POST" and "import" in request.POST:
            entries = import_pending(request, request.POST.getlist("token"))
            imported = True
            if any(e["status"] in ("created", "updated") for e in entries):
                update_statistics()
        elif request.method == "POST":
            form = UploadForm(request.POST, request.FILES)
            if form.is_valid():
                entries, tokens = preview_uploads(request, form.cleaned_data["files"])
        return TemplateResponse(
            request,
            "admin/briefings/briefing/import.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "Import briefings",
                "form": form,
                "report": report_context(entries),
                "tokens": tokens,
                "imported": imported,
            },
        )


def report_context(entries: list[dict] | None) -> dict | None:
    """The report as the command prints it, and as the page shows it."""
    if entries is None:
        return None
    report = {"files": entries, "totals": totals(entries)}
    return {
        **report,
        "failed": [e for e in entries if e["status"] == "failed"],
        "json": json.dumps(report, ensure_ascii=False, indent=2),
    }
