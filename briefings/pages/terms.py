"""Term pages: a Chinese term in both scripts with its pinyin, every English
rendering with how often and by whom it is used, renderings by year, the articles;
and the index of terms."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render

from ..cache import cached_page
from ..models import Article, Term, TermRendering
from .metadata import PageMeta, describe
from .records import gone

PUBLIC_RENDERING = Q(
    renderings__is_in_source=True,
    renderings__article__is_published=True,
    renderings__article__is_in_source=True,
)


@dataclass
class Rendering:
    """One English rendering of the term: how often, by which publications, when."""

    english: str
    count: int = 0
    publications: Counter = field(default_factory=Counter)
    years: list[int] = field(default_factory=list)

    @property
    def used_by(self) -> list[tuple[str, int]]:
        """(publication, times), most frequent first."""
        return self.publications.most_common()


def public_renderings(term: Term):
    return (
        TermRendering.objects.public()
        .filter(term=term)
        .select_related("article__briefing__publication")
        .order_by("article__briefing__published_on", "article_id", "start")
    )


def summarise(renderings) -> tuple[list[Rendering], list[tuple[int, list]]]:
    """Renderings grouped by their English (most used first), and by year."""
    by_english: dict[str, Rendering] = {}
    by_year: dict[int, Counter] = defaultdict(Counter)
    for row in renderings:
        key = row.english.casefold()
        rendering = by_english.setdefault(key, Rendering(row.english))
        rendering.count += 1
        briefing = row.article.briefing
        publication = briefing.publication.name if briefing.publication else "—"
        rendering.publications[publication] += 1
        if briefing.published_on:
            rendering.years.append(briefing.published_on.year)
            by_year[briefing.published_on.year][rendering.english] += 1
    ordered = sorted(by_english.values(), key=lambda r: (-r.count, r.english))
    timeline = [(year, by_year[year].most_common()) for year in sorted(by_year)]
    return ordered, timeline


def term_meta(term: Term, renderings: list[Rendering], absolute) -> PageMeta:
    """A schema.org DefinedTerm in the archive's set of terms, with citation tags."""
    canonical = absolute(term.get_absolute_url())
    english = [r.english for r in renderings]
    jsonld = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "name": term.simplified,
        "alternateName": [
            n
            for n in [term.traditional, term.pinyin, *english]
            if n and n != term.simplified
        ],
        "description": describe("; ".join(english)) or None,
        "inDefinedTermSet": absolute("/terms/"),
        "url": canonical,
        "inLanguage": "zh",
    }
    title = (
        f"{term.simplified} ({term.pinyin})"
        if term.is_short
        else describe(term.simplified)[:80]
    )
    return PageMeta(
        title=title,
        canonical=canonical,
        description=describe(f"{term.simplified}: " + "; ".join(english)),
        citation=[("citation_title", title), ("citation_language", "zh")],
        jsonld={k: v for k, v in jsonld.items() if v not in (None, "", [])},
    )


@cached_page
def term_detail(request, pk: int, slug: str | None = None):
    term = get_object_or_404(Term.objects.select_related("merged_into"), pk=pk)
    if term.merged_into_id:
        return redirect(term.merged_into.get_absolute_url(), permanent=True)
    if not term.is_published:
        return gone(request, "term")
    if slug != term.slug:
        return redirect(term.get_absolute_url(), permanent=True)
    rows = list(public_renderings(term))
    renderings, timeline = summarise(rows)
    articles = (
        Article.objects.public()
        .filter(term_renderings__in=rows)
        .distinct()
        .select_related("briefing__publication")
        .with_authors()
        .order_by("-briefing__published_on", "position")
    )
    context = {
        "term": term,
        "renderings": renderings,
        "timeline": timeline,
        "articles": articles,
        "meta": term_meta(term, renderings, request.build_absolute_uri),
    }
    return render(request, "briefings/term_detail.html", context)


@cached_page
def term_list(request):
    terms = (
        Term.objects.filter(is_published=True, merged_into=None)
        .annotate(rendering_count=Count("renderings", filter=PUBLIC_RENDERING))
        .filter(rendering_count__gt=0)
        .order_by("-rendering_count", "simplified")
    )
    context = {
        "terms": [t for t in terms if t.is_short],
        "quotations": [t for t in terms if not t.is_short],
        "meta": PageMeta(
            title="Chinese terms and their renderings",
            canonical=request.build_absolute_uri(request.path),
            description="Chinese terms in the archive with every English rendering.",
        ),
    }
    return render(request, "briefings/term_list.html", context)
