"""The editors' workbench: every record with useful columns, filters and search."""

from django.contrib import admin

from .models import (
    Article,
    ArticleAuthor,
    ArticleTopic,
    Briefing,
    Claim,
    Figure,
    Person,
    Publication,
    Topic,
)

PROVENANCE_FIELDS = (
    "imported_at",
    "updated_at",
    "source_name",
    "source_sha256",
    "format",
)


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "role", "slug")
    search_fields = ("name", "name_key", "variants")
    readonly_fields = ("name_key",)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "group", "parent", "slug")
    list_filter = ("group",)
    list_select_related = ("parent",)
    search_fields = ("name", "slug", "description")
    autocomplete_fields = ("parent",)


class ArticleInline(admin.TabularInline):
    model = Article
    fields = ("position", "title", "section", "kind", "outlet", "is_published")
    readonly_fields = ("position",)
    extra = 0
    show_change_link = True


@admin.register(Briefing)
class BriefingAdmin(admin.ModelAdmin):
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
    readonly_fields = (*PROVENANCE_FIELDS, "import_ref", "warnings", "source_text")
    inlines = [ArticleInline]


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    autocomplete_fields = ("person",)
    extra = 0


class ArticleTopicInline(admin.TabularInline):
    model = ArticleTopic
    autocomplete_fields = ("topic",)
    fields = ("topic", "score", "is_manual")
    extra = 0


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ("position", "text", "kind", "speaker", "status", "is_published")
    readonly_fields = ("position",)
    autocomplete_fields = ("speaker",)
    extra = 0
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "briefing",
        "position",
        "section",
        "kind",
        "outlet",
        "is_published",
    )
    list_filter = ("kind", "is_published", "is_in_source", "briefing__publication")
    list_select_related = ("briefing__publication",)
    search_fields = ("title", "body", "outlet")
    autocomplete_fields = ("briefing",)
    readonly_fields = ("line_start", "line_end", "warnings", "created_at", "updated_at")
    inlines = [ArticleAuthorInline, ArticleTopicInline, ClaimInline]


class FigureInline(admin.TabularInline):
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
class ClaimAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "speaker", "status", "article")
    list_filter = ("kind", "status", "is_published")
    list_select_related = ("speaker", "article__briefing__publication")
    search_fields = ("text",)
    autocomplete_fields = ("article", "speaker")
    readonly_fields = ("start", "end", "created_at", "updated_at")
    inlines = [FigureInline]
