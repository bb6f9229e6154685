"""Terms in the admin: correct the scripts, pinyin and renderings, hide a term, and
merge spellings of one term (the target chosen as the selected term with the most
renderings, or by setting "merged into" on a term's page)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from ..curation.merge import merge_terms
from ..models import Term, TermRendering
from .common import PublishActions


class TermRenderingInline(admin.TabularInline):
    model = TermRendering
    fields = ("english", "chinese", "kind", "article", "is_in_source")
    readonly_fields = ("chinese", "kind", "article", "is_in_source")
    extra = 0
    can_delete = True


@admin.register(Term)
class TermAdmin(PublishActions, SimpleHistoryAdmin):
    list_display = (
        "__str__",
        "traditional",
        "pinyin",
        "rendering_count",
        "is_published",
        "merged_into",
    )
    list_filter = ("is_published", ("merged_into", admin.EmptyFieldListFilter))
    list_select_related = ("merged_into",)
    search_fields = ("simplified", "traditional", "pinyin", "renderings__english")
    autocomplete_fields = ("merged_into",)
    inlines = [TermRenderingInline]
    actions = ["merge_selected", "publish", "hide"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(rendering_total=Count("renderings"))
        )

    @admin.display(description="renderings", ordering="rendering_total")
    def rendering_count(self, term: Term) -> int:
        return term.rendering_total

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if obj.merged_into_id and "merged_into" in form.changed_data:
            merge_terms([obj], obj.merged_into)

    @admin.action(
        description="Merge selected terms into the one with most renderings",
        permissions=["change"],
    )
    def merge_selected(self, request, queryset) -> None:
        terms = sorted(queryset, key=lambda t: (-t.rendering_total, t.pk))
        if len(terms) < 2:
            self.message_user(request, "Select two or more terms to merge.")
            return
        moved = merge_terms(terms[1:], terms[0])
        self.message_user(
            request,
            f"Merged {len(terms) - 1} term(s) into {terms[0]}: moved {moved} rendering(s).",
        )
