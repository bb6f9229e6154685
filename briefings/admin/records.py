"""The archive's records in the admin: briefings, articles, claims, people and
publications, with history and revert, inlines, claim review and publish / hide."""

from __future__ import annotations

from django.contrib import admin

from ..curation import editing
from ..models import (
    Article,
    ArticleAuthor,
    ArticleTopic,
    Briefing,
    Claim,
    ClaimStatus,
    Figure,
    Person,
    PersonKind,
    Publication,
)
from ..search.cjk import refold
from .common import (
    PROVENANCE_FIELDS,
    FullTextSearch,
    LabelledTabularInline,
    PublishActions,
    ReviewItemsOnForm,
    article_label,
    numbered_lines,
)
from .forms import ArticleForm, ArticleTopicForm, ClaimForm, CurationForm
from .history import ArchiveHistoryAdmin
from .uploads import SOURCE_FIELDS, ImportBriefings


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Person)
class PersonAdmin(ArchiveHistoryAdmin):
    """People and organisations. The kind and the family/given split are the
    importer's first guess; an editor's correction here is never overwritten."""

    form = CurationForm
    list_display = ("name", "kind", "family_name", "given_name", "role", "slug")
    list_filter = ("kind",)
    search_fields = ("name", "name_key", "variants")
    readonly_fields = ("name_key",)
    fields = (
        "name",
        "kind",
        "family_name",
        "given_name",
        "role",
        "variants",
        "slug",
        "name_key",
    )
    actions = ["file_as_organisations", "file_as_people"]

    @admin.action(description="File selected as organisations", permissions=["change"])
    def file_as_organisations(self, request, queryset) -> None:
        count = editing.set_person_kind(queryset, PersonKind.ORGANISATION, request.user)
        self.message_user(request, f"Filed {count} record(s) as organisations.")

    @admin.action(description="File selected as people", permissions=["change"])
    def file_as_people(self, request, queryset) -> None:
        count = editing.set_person_kind(queryset, PersonKind.PERSON, request.user)
        self.message_user(request, f"Filed {count} record(s) as people.")


class ArticleInline(LabelledTabularInline):
    model = Article
    form = CurationForm
    fields = ("position", "title", "section", "kind", "outlet", "is_published")
    readonly_fields = ("position",)
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return with_bylines(super().get_queryset(request))


def with_bylines(articles):
    """Articles with what ``str(article)`` needs (an untitled one names its authors)."""
    return articles.select_related("briefing__publication").with_authors()


@admin.register(Briefing)
class BriefingAdmin(ImportBriefings, ReviewItemsOnForm, ArchiveHistoryAdmin):
    form = CurationForm
    list_display = (
        "__str__",
        "publication",
        "issue_number",
        "published_on",
        "source_name",
    )
    list_filter = ("publication", "format", "date_precision")
    list_select_related = ("publication",)
    search_fields = ("title", "source_name", "import_ref")
    date_hierarchy = "published_on"
    autocomplete_fields = ("editors",)
    readonly_fields = (
        *PROVENANCE_FIELDS,
        *SOURCE_FIELDS,
        "original_file",
        "import_ref",
        "warnings",
        "open_review_items",
        "numbered_source",
    )
    exclude = ("source_text",)
    inlines = [ArticleInline]

    @admin.display(description="source text")
    def numbered_source(self, briefing: Briefing) -> str:
        return numbered_lines(briefing.source_text, 1, None)


class ArticleAuthorInline(LabelledTabularInline):
    model = ArticleAuthor
    autocomplete_fields = ("person",)
    extra = 0


class ArticleTopicInline(LabelledTabularInline):
    model = ArticleTopic
    form = ArticleTopicForm
    autocomplete_fields = ("topic",)
    fields = ("topic", "score", "is_manual")
    extra = 0


class ClaimInline(LabelledTabularInline):
    model = Claim
    form = CurationForm
    fields = ("position", "text", "kind", "speaker", "status", "is_published")
    readonly_fields = ("position", "speaker")
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")


@admin.register(Article)
class ArticleAdmin(
    ReviewItemsOnForm, PublishActions, FullTextSearch, ArchiveHistoryAdmin
):
    form = ArticleForm
    list_display = (
        "title_or_untitled",
        "briefing",
        "position",
        "section",
        "kind",
        "is_published",
        "is_in_source",
    )
    list_filter = ("is_published", "is_in_source", "kind", "briefing__publication")
    list_select_related = ("briefing__publication",)
    search_fields = ("title",)  # searched through the full-text index
    show_full_result_count = False
    autocomplete_fields = ("briefing",)
    readonly_fields = (
        "source_span",
        "source_lines",
        "is_in_source",
        "warnings",
        "open_review_items",
        "created_at",
        "updated_at",
    )
    fieldsets = [
        (
            "Parsed fields",
            {
                "fields": (
                    "briefing",
                    "title",
                    "alternate_titles",
                    "subtitle",
                    "section",
                    "kind",
                    "outlet",
                    ("original_on", "original_date_precision"),
                    "body",
                    "subheadings",
                    "summary",
                    "image_caption",
                    "interviewee",
                    "author_bio",
                    "suspected_teaser",
                    "items",
                    "links",
                )
            },
        ),
        (
            "Source",
            {"classes": ["source-pane"], "fields": ("source_span", "source_lines")},
        ),
        ("Publishing", {"fields": ("is_published", "is_in_source")}),
        (
            "Import",
            {"fields": ("warnings", "open_review_items", "created_at", "updated_at")},
        ),
    ]
    inlines = [ArticleAuthorInline, ArticleTopicInline, ClaimInline]
    actions = ["publish", "hide"]
    history_list_display = ["is_published"]  # shown under its label, "Is published"

    def get_queryset(self, request):
        return with_bylines(super().get_queryset(request))

    @admin.display(description="title", ordering="title")
    def title_or_untitled(self, article: Article) -> str:
        return article_label(article)

    @admin.display(description="source")
    def source_span(self, article: Article) -> str:
        briefing = article.briefing
        return f"{briefing.source_name}, lines {article.line_start}–{article.line_end}"

    @admin.display(description="source lines")
    def source_lines(self, article: Article) -> str:
        if not article.line_start:
            return "—"
        text = article.briefing.source_text
        return numbered_lines(text, article.line_start, article.line_end)

    def save_model(self, request, obj, form, change) -> None:
        refold(obj)  # either script finds the edited text
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model is Claim:  # a status changed in the inline is a review
            for claim_form in formset.forms:
                if "status" in claim_form.changed_data:
                    editing.mark_reviewed(claim_form.instance, request.user)
                refold(claim_form.instance)
        super().save_formset(request, form, formset, change)


class FigureInline(LabelledTabularInline):
    model = Figure
    fields = (
        "value",
        "value_high",
        "unit",
        "qualifier",
        "text",
        "is_change",
        "refers_to",
    )
    extra = 0


@admin.register(Claim)
class ClaimAdmin(
    ReviewItemsOnForm, PublishActions, FullTextSearch, ArchiveHistoryAdmin
):
    form = ClaimForm
    list_display = (
        "__str__",
        "kind",
        "speaker",
        "status",
        "reviewed_by",
        "reviewed_at",
        "is_published",
        "article_title",
    )
    list_filter = ("status", "kind", "is_published", "is_in_source")
    list_select_related = ("speaker", "article", "reviewed_by")
    search_fields = ("text",)  # searched through the full-text index
    show_full_result_count = False
    autocomplete_fields = ("article", "speaker")
    readonly_fields = (
        "start",
        "end",
        "reviewed_by",
        "reviewed_at",
        "is_in_source",
        "open_review_items",
        "created_at",
        "updated_at",
    )
    fieldsets = [
        (None, {"fields": ("article", "text", "kind", "speaker", "speaker_role")}),
        (
            "Review",
            {
                "fields": (
                    "status",
                    ("reviewed_by", "reviewed_at"),
                    "review_note",
                    "evidence_links",
                )
            },
        ),
        ("Publishing", {"fields": ("is_published", "is_in_source")}),
        (
            "Import",
            {
                "fields": (
                    ("start", "end"),
                    "open_review_items",
                    "created_at",
                    "updated_at",
                )
            },
        ),
    ]
    inlines = [FigureInline]
    actions = [
        "mark_verified",
        "mark_disputed",
        "mark_false",
        "mark_retracted",
        "mark_unreviewed",
        "publish",
        "hide",
    ]
    history_list_display = ["status", "is_published"]

    @admin.display(description="article", ordering="article__title")
    def article_title(self, claim: Claim) -> str:
        return article_label(claim.article)

    def save_model(self, request, obj, form, change) -> None:
        if "status" in form.changed_data:
            editing.mark_reviewed(obj, request.user)
        refold(obj)  # either script finds the edited text
        super().save_model(request, obj, form, change)

    def _mark(self, request, queryset, status: str) -> None:
        count = editing.set_claim_status(queryset, status, request.user)
        label = ClaimStatus(status).label.lower()
        self.message_user(request, f"Marked {count} claim(s) {label}.")

    @admin.action(description="Mark selected claims verified", permissions=["change"])
    def mark_verified(self, request, queryset) -> None:
        self._mark(request, queryset, ClaimStatus.VERIFIED)

    @admin.action(description="Mark selected claims disputed", permissions=["change"])
    def mark_disputed(self, request, queryset) -> None:
        self._mark(request, queryset, ClaimStatus.DISPUTED)

    @admin.action(description="Mark selected claims false", permissions=["change"])
    def mark_false(self, request, queryset) -> None:
        self._mark(request, queryset, ClaimStatus.FALSE)

    @admin.action(description="Mark selected claims retracted", permissions=["change"])
    def mark_retracted(self, request, queryset) -> None:
        self._mark(request, queryset, ClaimStatus.RETRACTED)

    @admin.action(description="Mark selected claims unreviewed", permissions=["change"])
    def mark_unreviewed(self, request, queryset) -> None:
        self._mark(request, queryset, ClaimStatus.UNREVIEWED)
