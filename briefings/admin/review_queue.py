"""The review queue in the admin: open items by default, one-click resolve or
dismiss per row and on the item's page, bulk actions."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from ..curation import review
from ..models import ReviewItem, ReviewStatus
from .common import change_url, record_label, safe_next

DETAIL_LABELS = {
    "field": "Field",
    "editor_value": "Editor's value (kept)",
    "source_value": "The source now says",
    "record": "Record type",
    "record_id": "Record id",
}


class ReviewStatusFilter(admin.SimpleListFilter):
    """Status, open by default: the queue shows what still needs an editor."""

    title = "status"
    parameter_name = "status"
    default = ReviewStatus.OPEN

    def lookups(self, request, model_admin):
        return [*ReviewStatus.choices, ("all", "All")]

    def value(self) -> str:
        return super().value() or self.default

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            yield {
                "selected": self.value() == value,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: value}
                ),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value()
        return queryset if value == "all" else queryset.filter(status=value)


@admin.register(ReviewItem)
class ReviewItemAdmin(admin.ModelAdmin):
    list_display = (
        "kind",
        "record_link",
        "short_message",
        "created_at",
        "close_buttons",
    )
    list_filter = (ReviewStatusFilter, "kind", "briefing__publication")
    list_select_related = ("briefing__publication", "article", "claim")
    search_fields = ("message",)
    date_hierarchy = "created_at"
    fields = (
        "record_link",
        "briefing",
        "kind",
        "status",
        "message",
        "details_table",
        "created_at",
        ("resolved_at", "resolved_by"),
        "resolution_note",
    )
    readonly_fields = (
        "record_link",
        "briefing",
        "kind",
        "status",
        "message",
        "details_table",
        "created_at",
        "resolved_at",
        "resolved_by",
    )
    actions = ["resolve_selected", "dismiss_selected", "reopen_selected"]

    def has_add_permission(self, request) -> bool:
        return False  # items come from imports

    def get_urls(self):
        close = self.admin_site.admin_view(self.close_view)
        return [
            path("<int:pk>/close/", close, name="briefings_reviewitem_close"),
            *super().get_urls(),
        ]

    def close_view(self, request, pk: int):
        """Resolve or dismiss one item (POST), then go back where the editor was."""
        if request.method != "POST":
            return HttpResponseBadRequest("POST only")
        if not self.has_change_permission(request):
            raise PermissionDenied
        status = request.POST.get("review_status")
        if status not in (ReviewStatus.RESOLVED, ReviewStatus.DISMISSED):
            return HttpResponseBadRequest("unknown status")
        note = request.POST.get("resolution_note", "")
        items = ReviewItem.objects.filter(pk=pk)
        if review.close_items(items, status, user=request.user, note=note):
            self.message_user(
                request, f"Review item {ReviewStatus(status).label.lower()}."
            )
        else:
            self.message_user(
                request, "That item was already closed.", messages.WARNING
            )
        queue = reverse("admin:briefings_reviewitem_changelist")
        fallback = request.META.get("HTTP_REFERER")
        target = request.GET.get("next") or fallback
        return HttpResponseRedirect(safe_next(request, target, queue))

    @admin.display(description="record")
    def record_link(self, item: ReviewItem) -> str:
        record = item.record
        label = Truncator(record_label(record)).chars(70)
        return format_html('<a href="{}">{}</a>', change_url(record), label)

    @admin.display(description="message")
    def short_message(self, item: ReviewItem) -> str:
        return Truncator(item.message).chars(140)

    @admin.display(description="details")
    def details_table(self, item: ReviewItem) -> str:
        order = [*DETAIL_LABELS, *sorted(set(item.details) - set(DETAIL_LABELS))]
        rows = format_html_join(
            "",
            "<tr><th>{}</th><td>{}</td></tr>",
            (
                (DETAIL_LABELS.get(key, key), item.details[key])
                for key in order
                if key in item.details
            ),
        )
        return format_html("<table>{}</table>", rows) if item.details else "—"

    @admin.display(description="")
    def close_buttons(self, item: ReviewItem) -> str:
        if item.status != ReviewStatus.OPEN:
            return item.get_status_display()
        url = reverse("admin:briefings_reviewitem_close", args=[item.pk])
        return format_html(
            '<button type="submit" class="button" formaction="{}" name="review_status" '
            'value="resolved">Resolve</button> '
            '<button type="submit" class="button" formaction="{}" name="review_status" '
            'value="dismissed">Dismiss</button>',
            url,
            url,
        )

    @admin.action(description="Resolve selected items", permissions=["change"])
    def resolve_selected(self, request, queryset) -> None:
        count = review.close_items(queryset, ReviewStatus.RESOLVED, user=request.user)
        self.message_user(request, f"Resolved {count} item(s).")

    @admin.action(description="Dismiss selected items", permissions=["change"])
    def dismiss_selected(self, request, queryset) -> None:
        count = review.close_items(queryset, ReviewStatus.DISMISSED, user=request.user)
        self.message_user(request, f"Dismissed {count} item(s).")

    @admin.action(description="Reopen selected items", permissions=["change"])
    def reopen_selected(self, request, queryset) -> None:
        count = review.reopen_items(queryset)
        self.message_user(request, f"Reopened {count} item(s).")
