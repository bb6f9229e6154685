"""The archive's records: Publication → Briefing → Article → Claim → Figure, with Topics
and People. Import-derived fields remember what the importer last wrote
(``imported_values``) so that editors' changes survive a re-import. Editors' changes
are kept as history (django-simple-history); what needs their attention is a
ReviewItem.
"""

from __future__ import annotations

from django.conf import settings
from django.db import connections, models, router
from django.db.models.functions import Coalesce, Substr
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from .addresses import validate_address_list, validate_link_list
from .spans import validate_claim_span
from .titles import untitled_label

SLUG_LENGTH = 80


def make_slug(text: str | None, fallback: str = "untitled") -> str:
    """A URL word for text, cut at a word boundary; ``fallback`` when text has none."""
    slug = slugify(text or "", allow_unicode=False)[:SLUG_LENGTH].rstrip("-")
    if len(slugify(text or "")) > SLUG_LENGTH and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug or fallback


# Claims a reader may see, as a filter from Article (e.g. for counting).
PUBLIC_CLAIMS = models.Q(claims__is_published=True, claims__is_in_source=True)
# Articles a reader may see, as a filter from a briefing, topic or person.
PUBLIC_ARTICLES = models.Q(articles__is_published=True, articles__is_in_source=True)


class DatePrecision(models.TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"
    # the text shows a day or month but no year: the date stays empty (a year is
    # never borrowed from elsewhere), the precision says what was there
    NO_YEAR = "no_year", "no year"
    UNKNOWN = "unknown", "unknown"


class ArticleKind(models.TextChoices):
    FEATURE = "feature", "Feature"
    SUMMARY = "summary", "Summary"
    ANALYSIS = "analysis", "Analysis"
    INTERVIEW = "interview", "Interview"
    DIGEST_ITEM = "digest_item", "Digest item"
    COLUMN_SECTION = "column_section", "Column section"
    METRIC = "metric", "Metric"
    LINK_LIST = "link_list", "Reading list"
    NEWS = "news", "News report"


class ClaimKind(models.TextChoices):
    """What a claim is: see briefings/importers/claims/kinds.py."""

    STATISTIC = "statistic", "Statistic"
    QUOTE = "quote", "Quote"
    REPORTED = "reported", "Reported speech"
    POSITION = "position", "Official position"
    DIRECTIVE = "directive", "Directive"
    ASSERTION = "assertion", "Assertion"


class ClaimStatus(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    VERIFIED = "verified", "Verified"
    DISPUTED = "disputed", "Disputed"
    FALSE = "false", "False"
    RETRACTED = "retracted", "Retracted"


# Fields the importer owns and rewrites on every import: history leaves them out
# (a revert keeps their current values), so a revert never undoes an import's
# bookkeeping and history rows stay small.
BRIEFING_IMPORT_FIELDS = [
    "import_ref",
    "format",
    "source_name",
    "source_sha256",
    "source_text",
    "source_media_type",
    "source_url",
    "source_message_id",
    "source_sender",
    "source_sent_at",
    "parsed_digest",
    "warnings",
    "imported_values",
]
ARTICLE_IMPORT_FIELDS = [
    "position",
    "line_start",
    "line_end",
    "warnings",
    "is_in_source",
    "imported_values",
    "cjk_folded",
]
CLAIM_IMPORT_FIELDS = ["position", "is_in_source", "imported_values", "cjk_folded"]


class Publication(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=SLUG_LENGTH, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("briefings:publication_detail", args=[self.pk, self.slug])


class PersonKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"


class PersonQuerySet(models.QuerySet):
    def people(self) -> PersonQuerySet:
        return self.filter(kind=PersonKind.PERSON)

    def organisations(self) -> PersonQuerySet:
        return self.filter(kind=PersonKind.ORGANISATION)


class Person(models.Model):
    """An author, editor or speaker: a person or an organisation (``kind``), in one
    table so that bylines, speakers, the API and the archive format refer to either
    the same way. ``name_key`` merges spelling variants. ``family_name`` and
    ``given_name`` are how citations write a person; the importer fills them once and
    an editor's correction is kept."""

    name = models.CharField(max_length=200)
    name_key = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=SLUG_LENGTH, unique=True)
    variants = models.JSONField(default=list, blank=True)
    role = models.CharField(max_length=300, blank=True)
    kind = models.CharField(
        max_length=20, choices=PersonKind.choices, default=PersonKind.PERSON
    )
    family_name = models.CharField(
        max_length=200,
        blank=True,
        default="",
        help_text="As citations write it; a person only.",
    )
    given_name = models.CharField(max_length=200, blank=True, default="")

    objects = PersonQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        view = "organisation_detail" if self.is_organisation else "person_detail"
        return reverse(f"briefings:{view}", args=[self.pk, self.slug])

    @property
    def is_organisation(self) -> bool:
        return self.kind == PersonKind.ORGANISATION


class Topic(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=SLUG_LENGTH, unique=True)
    group = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True)
    keywords = models.JSONField(default=list, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_topics",
        help_text="Set when this topic was merged into another: its URL redirects there.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("briefings:topic_detail", args=[self.pk, self.slug])


class Briefing(models.Model):
    publication = models.ForeignKey(
        Publication,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="briefings",
    )
    import_ref = models.CharField(max_length=300, unique=True)
    format = models.CharField(max_length=60)
    issue_number = models.PositiveIntegerField(null=True, blank=True)
    title = models.CharField(max_length=500, null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    editors = models.ManyToManyField(
        Person, blank=True, related_name="edited_briefings"
    )
    source_name = models.CharField(max_length=300)
    source_sha256 = models.CharField(max_length=64)
    source_text = models.TextField()  # what the parsers read
    # Where a web page, e-mail or PDF came from (plain text files have none of these).
    source_media_type = models.CharField(max_length=100, default="text/plain")
    source_url = models.URLField(max_length=1000, blank=True, default="")
    source_message_id = models.CharField(max_length=300, blank=True, default="")
    source_sender = models.CharField(max_length=300, blank=True, default="")
    source_sent_at = models.DateTimeField(null=True, blank=True)
    parsed_digest = models.CharField(max_length=64, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    imported_values = models.JSONField(default=dict, blank=True, editable=False)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=BRIEFING_IMPORT_FIELDS)

    class Meta:
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["published_on"])]
        permissions = [("import_briefing", "Can import briefings from files")]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("briefings:briefing_detail", args=[self.pk, self.slug])

    @property
    def display_title(self) -> str:
        name = self.publication.name if self.publication else "Untitled briefing"
        parts = [name]
        if self.issue_number:
            parts.append(f"#{self.issue_number}")
        if self.title:
            parts.append(f"– {self.title}")
        elif self.published_on:
            parts.append(f"– {self.published_on:%d %B %Y}")
        return " ".join(parts)

    @property
    def slug(self) -> str:
        return make_slug(self.title or self.display_title, fallback="briefing")


class ArticleQuerySet(models.QuerySet):
    def public(self) -> ArticleQuerySet:
        """Articles a reader may see: published and still in their source."""
        return self.filter(is_published=True, is_in_source=True)

    def with_authors(self) -> ArticleQuerySet:
        """Authors prefetched in byline order, as ``ordered_authors()`` reads them."""
        return self.prefetch_related(author_links())

    def with_topics(self) -> ArticleQuerySet:
        """Topic links prefetched with their topics, best score first."""
        links = ArticleTopic.objects.select_related("topic").order_by("-score")
        return self.prefetch_related(models.Prefetch("articletopic_set", links))


class SourceFile(models.Model):
    """The file a briefing was read from, byte for byte, when it was not plain text
    (a web page, an e-mail, a PDF): its text is ``Briefing.source_text``, but only
    the original shows the layout. Kept in the database, so it lives wherever the
    archive does (no media storage to back up or serve), in its own table so lists of
    briefings never read it."""

    briefing = models.OneToOneField(
        Briefing, on_delete=models.CASCADE, related_name="source_file"
    )
    name = models.CharField(max_length=300)
    media_type = models.CharField(max_length=100)
    data = models.BinaryField()

    def __str__(self) -> str:
        return self.name


class PendingUpload(models.Model):
    """A file an editor uploaded and previewed in the admin, kept until they press
    Import (the preview and the import are two requests, maybe to two workers)."""

    token = models.CharField(max_length=64, unique=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(max_length=300)
    data = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    briefing = models.ForeignKey(
        Briefing, on_delete=models.CASCADE, related_name="articles"
    )
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=500, null=True, blank=True)
    alternate_titles = models.JSONField(default=list, blank=True)
    subtitle = models.TextField(blank=True)
    section = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=ArticleKind.choices)
    authors = models.ManyToManyField(
        Person, through="ArticleAuthor", blank=True, related_name="articles"
    )
    outlet = models.CharField(max_length=200, blank=True)
    original_on = models.DateField(null=True, blank=True)
    original_date_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    body = models.TextField(blank=True)
    subheadings = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True)
    image_caption = models.TextField(blank=True)
    interviewee = models.CharField(max_length=200, blank=True)
    author_bio = models.TextField(blank=True)
    suspected_teaser = models.TextField(blank=True)
    items = models.JSONField(default=list, blank=True, validators=[validate_link_list])
    links = models.JSONField(default=list, blank=True, validators=[validate_link_list])
    line_start = models.PositiveIntegerField(default=0)
    line_end = models.PositiveIntegerField(default=0)
    warnings = models.JSONField(default=list, blank=True)
    topics = models.ManyToManyField(
        Topic, through="ArticleTopic", blank=True, related_name="articles"
    )
    is_published = models.BooleanField(default=True)
    is_in_source = models.BooleanField(
        default=True,
        help_text="False once a re-import no longer finds it in the source.",
    )
    imported_values = models.JSONField(default=dict, blank=True, editable=False)
    # The CJK runs of the text in one script, for matching (search/cjk.py): derived,
    # refreshed wherever the text is written.
    cjk_folded = models.TextField(blank=True, default="", db_default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=ARTICLE_IMPORT_FIELDS)

    class Meta:
        ordering = ["briefing", "position"]
        indexes = [models.Index(fields=["briefing", "position"])]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("briefings:article_detail", args=[self.pk, self.slug])

    @property
    def is_public(self) -> bool:
        return self.is_published and self.is_in_source

    def neighbours(self) -> tuple[Article | None, Article | None]:
        """The previous and next public articles in the same briefing, read in one
        query of the siblings' narrow rows (no bodies), and the display title of an
        untitled one in one more."""
        siblings = list(
            Article.objects.public()
            .filter(briefing_id=self.briefing_id)
            .only("title", "briefing", "position")
            .order_by("position", "pk")
        )
        index = [article.pk for article in siblings].index(self.pk)
        previous = siblings[index - 1] if index > 0 else None
        following = siblings[index + 1] if index + 1 < len(siblings) else None
        shown = [article for article in (previous, following) if article is not None]
        for article in shown:
            article.briefing = self.briefing  # display_title reads its publication
        prefetch_untitled(shown)
        return previous, following

    def ordered_authors(self) -> list[Person]:
        """The authors in byline order (uses a prefetched ``articleauthor_set``)."""
        return [link.person for link in self.articleauthor_set.all()]

    @property
    def display_title(self) -> str:
        """The title, or for an untitled article a bracketed description made from
        its own words (``titles.untitled_label``), the same on every page, feed and
        citation; a list that deferred the body sets it first (``prefetch_untitled``)."""
        if self.title:
            return self.title
        if "untitled_label" in self.__dict__:
            return self.__dict__["untitled_label"]
        return untitled_label(self.subheadings, self.body)

    @property
    def slug(self) -> str:
        return make_slug(self.title, fallback="article")

    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]


class ArticleAuthor(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "person"], name="unique_article_author"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.position})"


UNTITLED_BODY_CHARS = 20000  # where an untitled article's description is read


def author_links() -> models.Prefetch:
    """An article's author links with their people, in byline order."""
    authors = ArticleAuthor.objects.select_related("person").order_by("position")
    return models.Prefetch("articleauthor_set", authors)


def prefetch_untitled(articles: list[Article]) -> None:
    """Set the display title of the untitled ones among ``articles`` whose body a
    list left out, in one query: it is made from their subheadings and first words."""
    untitled = {
        article.pk: article
        for article in articles
        if not article.title and {"body", "subheadings"} & article.get_deferred_fields()
    }
    if not untitled:
        return
    rows = Article.objects.filter(pk__in=untitled).values_list(
        "pk", "subheadings", Substr("body", 1, UNTITLED_BODY_CHARS)
    )
    for pk, subheadings, body in rows:
        untitled[pk].untitled_label = untitled_label(subheadings, body)


def read_connection(model: type[models.Model] | None = None):
    """The connection a read of ``model`` goes to: the read replica this request
    reads from, if any (archive_site/replicas.py), else the one database. Raw SQL
    that reads asks for it, as querysets ask the router."""
    return connections[router.db_for_read(model)]


class ArticleTopic(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE)
    score = models.FloatField(default=0)
    is_manual = models.BooleanField(
        default=False, help_text="Assigned by an editor: automatic re-tagging keeps it."
    )

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "topic"], name="unique_article_topic"
            )
        ]
        # A topic's latest articles without sorting all of them (an article
        # page's related articles, pages/permalink.py).
        indexes = [models.Index(fields=["topic", "-article"], name="topic_latest_idx")]

    def __str__(self) -> str:
        return f"{self.topic} ({self.score:.2f})"


class ClaimQuerySet(models.QuerySet):
    def public(self) -> ClaimQuerySet:
        """Claims a reader may see: published, in the source, in a public article."""
        return self.filter(
            is_published=True,
            is_in_source=True,
            article__is_published=True,
            article__is_in_source=True,
        )

    def with_untitled_openings(self) -> ClaimQuerySet:
        """Each claim with what describes its article if untitled (subheadings and
        first words), for lists that leave the article's body out; see
        ``describe_untitled_articles``."""
        untitled = models.Q(article__title=None) | models.Q(article__title="")
        return self.annotate(
            article_subheadings=models.F("article__subheadings"),
            article_opening=models.Case(
                models.When(
                    untitled, then=Substr("article__body", 1, UNTITLED_BODY_CHARS)
                ),
                default=models.Value(""),
                output_field=models.TextField(),
            ),
        )


def describe_untitled_articles(claims) -> None:
    """Set the display title of the untitled articles of claims read
    ``with_untitled_openings()``, with no query."""
    for claim in claims:
        article = claim.article
        if not article.title and hasattr(claim, "article_opening"):
            opening, subheadings = claim.article_opening, claim.article_subheadings
            article.untitled_label = untitled_label(subheadings or [], opening)


class Claim(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="claims"
    )
    position = models.PositiveIntegerField()
    text = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset of the sentence in the body.")
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=ClaimKind.choices)
    speaker = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    speaker_role = models.CharField(max_length=300, blank=True)
    status = models.CharField(
        max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.UNREVIEWED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_claims",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    evidence_links = models.JSONField(
        default=list,
        blank=True,
        help_text="URLs of sources that bear out or refute the claim.",
        validators=[validate_address_list],
    )
    is_published = models.BooleanField(default=True)
    is_in_source = models.BooleanField(default=True)
    imported_values = models.JSONField(default=dict, blank=True, editable=False)
    # The CJK runs of the text in one script, for matching (search/cjk.py): derived,
    # refreshed wherever the text is written.
    cjk_folded = models.TextField(blank=True, default="", db_default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=CLAIM_IMPORT_FIELDS)

    class Meta:
        ordering = ["article", "position"]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("briefings:claim_detail", args=[self.pk, self.slug])

    def clean(self) -> None:
        """A claim's span must stand verbatim in its article's body (pages mark it)."""
        super().clean()
        validate_claim_span(self)

    @property
    def slug(self) -> str:
        return make_slug(" ".join(self.text.split()[:10]), fallback="claim")

    @property
    def evidence_urls(self) -> list[str]:
        """The evidence links that are web addresses, safe to link to."""
        return [
            url
            for url in self.evidence_links
            if isinstance(url, str) and url.startswith(("http://", "https://"))
        ]

    @property
    def is_public(self) -> bool:
        return (
            self.is_published
            and self.is_in_source
            and self.article.is_published
            and self.article.is_in_source
        )


class Figure(models.Model):
    """A normalised number in a claim: the value with its scale applied."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="figures")
    position = models.PositiveSmallIntegerField(default=0)
    value = models.FloatField()
    value_high = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=10, blank=True)
    qualifier = models.CharField(max_length=40, blank=True)
    text = models.CharField(max_length=200)
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    is_change = models.BooleanField(default=False)
    refers_to = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["claim", "position"]

    def __str__(self) -> str:
        return self.text


class CountSummary(models.Model):
    """A count the browsing pages show (an archive total, a topic's or a briefing's
    articles, briefings by month…), kept by database triggers as the records change
    (``summaries.py`` says what each ``subject`` and ``item`` mean); never written
    by Django, so a save cannot put back a stale figure."""

    subject = models.CharField(max_length=20)
    item = models.BigIntegerField(default=0)
    total = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "item"], name="unique_count_summary"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.item}: {self.total}"


def kept_count(subject: str, item: str = "pk") -> models.Expression:
    """A record's kept count of ``subject`` (0 when none), as an annotation: a
    lookup of one summary row per record shown, never a count of its links."""
    row = CountSummary.objects.filter(subject=subject, item=models.OuterRef(item))
    return Coalesce(models.Subquery(row.values("total")[:1]), 0)


def kept_totals(*subjects: str) -> dict[str, int]:
    """The archive-wide kept counts of ``subjects`` (0 when none), in one query."""
    rows = CountSummary.objects.filter(subject__in=subjects, item=0)
    found = dict(rows.values_list("subject", "total"))
    return {subject: found.get(subject, 0) for subject in subjects}


def kept_months(subject: str, first: int = 0, last: int = 999999) -> dict[int, int]:
    """Kept counts by month (``YYYYMM`` items from ``first`` to ``last``), zeros
    left out."""
    rows = CountSummary.objects.filter(
        subject=subject, item__range=(first, last), total__gt=0
    )
    return dict(rows.order_by("item").values_list("item", "total"))


class SearchWord(models.Model):
    """A word that occurs in the archive, for "did you mean" suggestions."""

    word = models.CharField(max_length=60, unique=True)
    length = models.PositiveSmallIntegerField(db_index=True)
    # A Chinese word's toneless pinyin, syllables run together (search/pinyin.py).
    pinyin = models.CharField(max_length=400, blank=True, default="", db_default="")

    def __str__(self) -> str:
        return self.word


class TermQuerySet(models.QuerySet):
    def public(self) -> TermQuerySet:
        """Terms a reader may see: shown, not merged into another, with a rendering
        a reader may see (``TermRenderingQuerySet.public``)."""
        shown = TermRendering.objects.public().values("term")
        return self.filter(is_published=True, merged_into__isnull=True, pk__in=shown)


class Term(models.Model):
    """A Chinese term (or quotation) the archive renders in English: found where a
    text puts both together (importers/terms.py), curated by editors."""

    simplified = models.TextField(
        unique=True, help_text="The term in simplified script."
    )
    traditional = models.TextField(blank=True)
    pinyin = models.TextField(blank=True)
    note = models.TextField(blank=True)
    is_published = models.BooleanField(default=True)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_terms",
        help_text="The term this one was merged into; its renderings moved there.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TermQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["simplified"]

    def __str__(self) -> str:
        return (
            self.simplified
            if len(self.simplified) <= 40
            else self.simplified[:39] + "…"
        )

    def get_absolute_url(self) -> str:
        return reverse("briefings:term_detail", args=[self.pk, self.slug])

    @property
    def slug(self) -> str:
        return make_slug(" ".join(self.pinyin.split()[:10]), fallback="term")

    @property
    def is_short(self) -> bool:
        """A term rather than a quoted sentence."""
        return len(self.simplified) <= 20


class TermKind(models.TextChoices):
    PARENTHESIS = "parenthesis", "Term in parentheses"
    TITLE = "title", "Document title"
    QUOTATION = "quotation", "Quotation and translation"


class TermRenderingQuerySet(models.QuerySet):
    def public(self) -> TermRenderingQuerySet:
        """Renderings a reader may see: still in their text, in a public article."""
        return self.filter(
            is_in_source=True, article__is_published=True, article__is_in_source=True
        )


class TermRendering(models.Model):
    """One English rendering of a term in one article, where the text gives both."""

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="renderings")
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="term_renderings"
    )
    english = models.TextField()
    chinese = models.TextField(help_text="The Chinese as the article writes it.")
    kind = models.CharField(max_length=20, choices=TermKind.choices)
    start = models.PositiveIntegerField(help_text="Offset of the pair in the body.")
    end = models.PositiveIntegerField()
    is_in_source = models.BooleanField(default=True)

    objects = TermRenderingQuerySet.as_manager()

    class Meta:
        ordering = ["term", "article", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "start"], name="one_rendering_per_place"
            )
        ]

    def __str__(self) -> str:
        return f"{self.term} → {self.english[:60]}"


class ReviewKind(models.TextChoices):
    NO_DATE = "no_date", "No date"
    NO_TITLE = "no_title", "No title"
    SUSPECTED_TEASER = "suspected_teaser", "Suspected teaser"
    LOW_CONFIDENCE = "low_confidence", "Low-confidence structure"
    INCONSISTENT_FIGURES = "inconsistent_figures", "Inconsistent figures"
    CONFLICT = "conflict", "Re-import conflict"
    OTHER = "other", "Other"


class ReviewStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"
    DISMISSED = "dismissed", "Dismissed"


class ReviewItemQuerySet(models.QuerySet):
    def open(self) -> ReviewItemQuerySet:
        """Items still waiting for an editor."""
        return self.filter(status=ReviewStatus.OPEN)


class ReviewItem(models.Model):
    """Something an import found that an editor should look at, linked to its record:
    the briefing always, the article or claim when the finding is about one."""

    briefing = models.ForeignKey(
        Briefing, on_delete=models.CASCADE, related_name="review_items"
    )
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="review_items",
    )
    claim = models.ForeignKey(
        Claim,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="review_items",
    )
    kind = models.CharField(
        max_length=30, choices=ReviewKind.choices, default=ReviewKind.OTHER
    )
    status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    message = models.TextField()
    details = models.JSONField(default=dict, blank=True)
    key = models.CharField(
        max_length=64,
        editable=False,
        help_text="A hash of the finding: a re-import finds the item again.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolved_review_items",
    )
    resolution_note = models.TextField(blank=True)

    objects = ReviewItemQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "kind"]),
            models.Index(fields=["briefing", "key"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.message[:80]}"

    @property
    def record(self) -> Briefing | Article | Claim:
        """The most specific record the item is about."""
        return self.claim or self.article or self.briefing
