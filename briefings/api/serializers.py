"""How the API shows records: public fields only, with permalinks to the site.

Lists show a record's summary; a detail adds its text and its public children. What
editors keep to themselves (import bookkeeping, review items, who reviewed) is not
shown; a claim's review status, date, note and evidence are, as on its page.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..addresses import safe_links
from ..models import (
    Article,
    ArticleTopic,
    Briefing,
    Claim,
    Figure,
    Person,
    Publication,
    Term,
    TermRendering,
    Topic,
)
from ..serialize import FIGURE_FIELDS


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(serializers.Field):
    """The record's permalink on the site, absolute."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("help_text", "Its permalink on the site.")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value) -> str:
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


class PublicationRefSerializer(serializers.ModelSerializer):
    url = PageURLField()

    class Meta:
        model = Publication
        fields = ["id", "name", "slug", "url"]


class PublicationSerializer(PublicationRefSerializer):
    briefing_count = serializers.IntegerField(read_only=True)

    class Meta(PublicationRefSerializer.Meta):
        fields = [
            *PublicationRefSerializer.Meta.fields,
            "description",
            "briefing_count",
        ]


class PersonSerializer(serializers.ModelSerializer):
    url = PageURLField()
    variants = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Person
        fields = [
            "id",
            "name",
            "kind",
            "family_name",
            "given_name",
            "slug",
            "role",
            "variants",
            "url",
        ]


class PersonRefSerializer(serializers.ModelSerializer):
    url = PageURLField()

    class Meta:
        model = Person
        fields = ["id", "name", "kind", "slug", "url"]


class TopicSerializer(serializers.ModelSerializer):
    url = PageURLField()
    keywords = serializers.ListField(child=serializers.CharField(), read_only=True)
    article_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Topic
        fields = [
            "id",
            "name",
            "slug",
            "group",
            "description",
            "keywords",
            "parent",
            "merged_into",
            "article_count",
            "url",
        ]


class ArticleTopicSerializer(serializers.ModelSerializer):
    """A topic of an article, with how strongly the article is about it."""

    id = serializers.IntegerField(source="topic.id", read_only=True)
    name = serializers.CharField(source="topic.name", read_only=True)
    slug = serializers.CharField(source="topic.slug", read_only=True)
    url = serializers.SerializerMethodField(help_text="The topic's page.")

    class Meta:
        model = ArticleTopic
        fields = ["id", "name", "slug", "score", "url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, link: ArticleTopic) -> str:
        return self.context["request"].build_absolute_uri(link.topic.get_absolute_url())


class BriefingRefSerializer(serializers.ModelSerializer):
    url = PageURLField()

    class Meta:
        model = Briefing
        fields = ["id", "display_title", "issue_number", "published_on", "url"]


class BriefingSerializer(serializers.ModelSerializer):
    url = PageURLField()
    publication = PublicationRefSerializer(read_only=True, allow_null=True)
    editors = PersonRefSerializer(many=True, read_only=True)
    article_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Briefing
        fields = [
            "id",
            "display_title",
            "title",
            "publication",
            "issue_number",
            "published_on",
            "date_precision",
            "editors",
            "article_count",
            "source_name",
            "source_sha256",
            "url",
        ]


class ArticleRefSerializer(serializers.ModelSerializer):
    url = PageURLField()

    class Meta:
        model = Article
        fields = ["id", "display_title", "position", "section", "kind", "url"]


class BriefingDetailSerializer(BriefingSerializer):
    articles = serializers.SerializerMethodField()

    class Meta(BriefingSerializer.Meta):
        fields = [*BriefingSerializer.Meta.fields, "articles"]

    @extend_schema_field(ArticleRefSerializer(many=True))
    def get_articles(self, briefing: Briefing) -> list[dict]:
        articles = (
            briefing.articles.public()
            .select_related("briefing__publication")
            .with_authors()
            .order_by("position")
        )
        return ArticleRefSerializer(articles, many=True, context=self.context).data


class ArticleSerializer(serializers.ModelSerializer):
    url = PageURLField()
    briefing = BriefingRefSerializer(read_only=True)
    publication = PublicationRefSerializer(
        source="briefing.publication", read_only=True, allow_null=True
    )
    authors = PersonRefSerializer(source="ordered_authors", many=True, read_only=True)
    topics = ArticleTopicSerializer(
        source="articletopic_set", many=True, read_only=True
    )
    claim_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "display_title",
            "title",
            "subtitle",
            "section",
            "kind",
            "briefing",
            "publication",
            "authors",
            "topics",
            "outlet",
            "original_on",
            "summary",
            "claim_count",
            "url",
        ]


class FigureSerializer(serializers.ModelSerializer):
    class Meta:
        model = Figure
        fields = list(FIGURE_FIELDS)


class ClaimRefSerializer(serializers.ModelSerializer):
    url = PageURLField()

    class Meta:
        model = Claim
        fields = ["id", "text", "kind", "status", "url"]


class SafeLinks(serializers.JSONField):
    """Link objects with any address that is not http, https or mailto as null
    (briefings/addresses.py): the API serves nothing a page would not link to."""

    def to_representation(self, value):
        return super().to_representation(safe_links(value))


class ArticleDetailSerializer(ArticleSerializer):
    subheadings = serializers.JSONField(read_only=True)
    items = SafeLinks(read_only=True)
    links = SafeLinks(read_only=True)
    claims = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = [
            *ArticleSerializer.Meta.fields,
            "body",
            "subheadings",
            "image_caption",
            "interviewee",
            "author_bio",
            "items",
            "links",
            "claims",
        ]

    @extend_schema_field(ClaimRefSerializer(many=True))
    def get_claims(self, article: Article) -> list[dict]:
        claims = article.claims.filter(is_published=True, is_in_source=True)
        return ClaimRefSerializer(claims, many=True, context=self.context).data


class ClaimSerializer(serializers.ModelSerializer):
    url = PageURLField()
    speaker = PersonRefSerializer(read_only=True, allow_null=True)
    figures = FigureSerializer(many=True, read_only=True)
    evidence_links = serializers.ListField(
        source="evidence_urls", child=serializers.URLField(), read_only=True
    )
    article = ArticleRefSerializer(read_only=True)
    publication = PublicationRefSerializer(
        source="article.briefing.publication", read_only=True, allow_null=True
    )
    published_on = serializers.DateField(
        source="article.briefing.published_on", read_only=True, allow_null=True
    )

    class Meta:
        model = Claim
        fields = [
            "id",
            "text",
            "kind",
            "speaker",
            "speaker_role",
            "figures",
            "status",
            "reviewed_at",
            "review_note",
            "evidence_links",
            "article",
            "publication",
            "published_on",
            "url",
        ]


class ArticleHitSerializer(ArticleSerializer):
    snippet_html = serializers.CharField(
        read_only=True,
        help_text="The matching passage as HTML: text escaped, matches in <mark>.",
    )

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "snippet_html"]


class ClaimHitSerializer(ClaimSerializer):
    text_html = serializers.CharField(
        read_only=True,
        help_text="The sentence as HTML: text escaped, matches in <mark>.",
    )

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "text_html"]


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()
    toggle_url = serializers.URLField(
        help_text="This search with the value added (or removed, if selected)."
    )


class FacetSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The filter parameter.")
    title = serializers.CharField()
    truncated = serializers.BooleanField(help_text="More values exist than are listed.")
    values = FacetValueSerializer(many=True)


def search_response(name: str, hit: type[serializers.Serializer]) -> type:
    """The schema of a search answer: a page of hits with the facet counts."""
    fields = {
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "q": serializers.CharField(),
        "sort": serializers.ChoiceField(choices=["relevance", "newest", "oldest"]),
        "notices": serializers.ListField(child=serializers.CharField()),
        "facets": FacetSerializer(many=True),
        "results": hit(many=True),
    }
    return type(name, (serializers.Serializer,), fields)


ArticleSearchSerializer = search_response("ArticleSearch", ArticleHitSerializer)
ClaimSearchSerializer = search_response("ClaimSearch", ClaimHitSerializer)


class RenderingCountSerializer(serializers.Serializer):
    english = serializers.CharField()
    count = serializers.IntegerField(help_text="How many public articles use it.")


class TermHitSerializer(serializers.Serializer):
    """A term the query matched, as the Terms tab lists it."""

    id = serializers.IntegerField(source="term.pk")
    simplified = serializers.CharField(source="term.simplified")
    traditional = serializers.CharField(source="term.traditional")
    pinyin = serializers.CharField(source="term.pinyin")
    renderings = serializers.SerializerMethodField()
    matched_by = serializers.ListField(
        child=serializers.CharField(),
        help_text="What matched: Chinese, pinyin, English rendering.",
    )
    url = serializers.SerializerMethodField()

    def get_renderings(self, hit) -> list[dict]:
        return RenderingCountSerializer(
            [{"english": e, "count": n} for e, n in hit.renderings], many=True
        ).data

    def get_url(self, hit) -> str:
        return self.context["request"].build_absolute_uri(hit.url)


class TermSearchSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    q = serializers.CharField()
    results = TermHitSerializer(many=True)


class TermRenderingSerializer(serializers.ModelSerializer):
    """One English rendering of a term, where an article gives both."""

    article = serializers.IntegerField(source="article_id", read_only=True)
    article_url = serializers.SerializerMethodField()
    publication = serializers.CharField(
        source="article.briefing.publication.name", read_only=True, allow_null=True
    )
    published_on = serializers.DateField(
        source="article.briefing.published_on", read_only=True, allow_null=True
    )

    class Meta:
        model = TermRendering
        fields = [
            "english",
            "chinese",
            "kind",
            "article",
            "article_url",
            "publication",
            "published_on",
        ]

    def get_article_url(self, rendering) -> str:
        url = rendering.article.get_absolute_url()
        return self.context["request"].build_absolute_uri(url)


class TermSerializer(serializers.ModelSerializer):
    """A Chinese term in both scripts with its pinyin and its English renderings."""

    url = PageURLField()
    renderings = TermRenderingSerializer(
        source="public_renderings", many=True, read_only=True
    )

    class Meta:
        model = Term
        fields = [
            "id",
            "simplified",
            "traditional",
            "pinyin",
            "merged_into",
            "renderings",
            "url",
        ]
