"""Topics in the admin: rename, re-parent, describe, and merge (with a confirmation
page choosing the target)."""

from __future__ import annotations

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import reverse

from ..curation.merge import merge_topics
from ..models import Topic
from .forms import CurationForm, TopicMergeForm
from .history import ArchiveHistoryAdmin


@admin.register(Topic)
class TopicAdmin(ArchiveHistoryAdmin):
    form = CurationForm
    list_display = ("name", "group", "parent", "merged_into", "slug")
    list_filter = ("group", ("merged_into", admin.EmptyFieldListFilter))
    list_select_related = ("parent", "merged_into")
    search_fields = ("name", "slug", "description")
    autocomplete_fields = ("parent",)
    readonly_fields = ("merged_into",)
    actions = ["merge_selected"]

    def get_search_results(self, request, queryset, search_term: str):
        """Autocomplete offers only topics that were not merged away."""
        if request.path == reverse("admin:autocomplete"):
            queryset = queryset.filter(merged_into=None)
        return super().get_search_results(request, queryset, search_term)

    @admin.action(description="Merge selected topics into…", permissions=["change"])
    def merge_selected(self, request, queryset):
        topics = list(queryset)
        if len(topics) < 2:
            self.message_user(
                request, "Select at least two topics to merge.", level="warning"
            )
            return None
        data = request.POST if "apply" in request.POST else None
        form = TopicMergeForm(data, topics=topics)
        if form.is_valid():
            target = form.cleaned_data["target"]
            result = merge_topics(queryset, target)
            self.message_user(
                request,
                f"Merged {result.topics} topic(s) into {target}: moved "
                f"{result.moved} article link(s), combined {result.combined}, "
                f"re-parented {result.children} subtopic(s).",
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge topics",
            "opts": self.model._meta,
            "topics": topics,
            "form": form,
            "media": self.media + form.media,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/briefings/topic/merge.html", context)
