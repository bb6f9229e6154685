"""Shared pieces of the editors' admin: labels and links that need no queries,
full-text search, the "Save and resolve" button, publish / hide actions."""

from __future__ import annotations

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme

from ..curation import editing, review
from ..models import Article, Claim, ReviewStatus
from ..search import matching, parse_query

PROVENANCE_FIELDS = (
    "imported_at",
    "updated_at",
    "source_name",
    "source_sha256",
    "format",
)
RESOLVE_FIELD = "_resolve_review"  # the "Save and resolve" button's name


def change_url(record) -> str:
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


def article_label(article: Article) -> str:
    """An article's title, without the queries ``display_title`` may need."""
    return article.title or f"Untitled article #{article.pk}"


def record_label(record) -> str:
    if isinstance(record, Article):
        return f"Article: {article_label(record)}"
    if isinstance(record, Claim):
        return f"Claim: {record}"
    return f"Briefing: {record}"


def safe_next(request, url: str | None, fallback: str) -> str:
    """``url`` when it points back into this site, else ``fallback``."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return fallback


class FullTextSearch:
    """Admin search (and autocomplete) through the archive's full-text index."""

    def get_search_results(self, request, queryset, search_term: str):
        term = search_term.strip()
        if not term:
            return queryset, False
        if term.isdigit():
            return queryset.filter(pk=int(term)), False
        return matching(queryset, parse_query(term[:500])), False


class ReviewItemsOnForm:
    """The record's open review items on its change form, each with a "Save and
    resolve" button: one click saves the fix and resolves the item."""

    @admin.display(description="open review items")
    def open_review_items(self, record) -> str:
        if record is None or record.pk is None:
            return "—"
        items = list(record.review_items.open().order_by("created_at"))
        if not items:
            return "No open items."
        button = (
            '<li><a href="{}">{}</a>: {} '
            f'<button type="submit" class="button" name="{RESOLVE_FIELD}" '
            'value="{}">Save and resolve</button></li>'
        )
        rows = format_html_join(
            "",
            button,
            ((change_url(i), i.get_kind_display(), i.message, i.pk) for i in items),
        )
        return format_html('<ul class="review-items">{}</ul>', rows)

    def response_change(self, request, obj):
        item_id = request.POST.get(RESOLVE_FIELD, "")
        if item_id.isdigit() and request.user.has_perm("briefings.change_reviewitem"):
            items = obj.review_items.filter(pk=int(item_id))
            note = "Resolved with a fix to the record."
            if review.close_items(
                items, ReviewStatus.RESOLVED, user=request.user, note=note
            ):
                self.message_user(request, "Saved; the review item is resolved.")
                return HttpResponseRedirect(
                    reverse("admin:briefings_reviewitem_changelist")
                )
        return super().response_change(request, obj)


class PublishActions:
    """Publish / hide: hidden records leave public pages and search (410)."""

    @admin.action(description="Publish selected", permissions=["change"])
    def publish(self, request, queryset) -> None:
        count = editing.set_published(queryset, True, request.user)
        self.message_user(request, f"Published {count} record(s).")

    @admin.action(description="Hide selected from the public", permissions=["change"])
    def hide(self, request, queryset) -> None:
        count = editing.set_published(queryset, False, request.user)
        self.message_user(request, f"Hid {count} record(s).")


def numbered_lines(text: str, start: int, end: int | None) -> str:
    """Lines ``start``..``end`` (1-based, inclusive) of text with their numbers."""
    lines = text.splitlines()
    last = len(lines) if end is None else min(end, len(lines))
    rows = format_html_join(
        "",
        '<span class="source-line"><span class="line-number">{}</span>{}\n</span>',
        ((n, lines[n - 1]) for n in range(max(start, 1), last + 1)),
    )
    # Focusable, so keyboard users can scroll a long source (WCAG 2.1.1).
    return format_html(
        '<pre class="source-lines" tabindex="0" aria-label="Source lines">{}</pre>',
        rows,
    )


class LabelledInlineFormSet(BaseInlineFormSet):
    """Tabular inlines label their inputs only by column headers, which screen readers
    do not tie to the inputs: give every input an accessible name of its own."""

    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        row = "new row" if index is None else f"row {index + 1}"
        for name, field in form.fields.items():
            label = "Delete" if name == "DELETE" else (field.label or name)
            field.widget.attrs.setdefault("aria-label", f"{label}, {row}")


class LabelledTabularInline(admin.TabularInline):
    formset = LabelledInlineFormSet
