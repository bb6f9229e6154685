"""What a search results page shows: the counted facets and chips, the chart, the
ranked page of hits, the query box with its notices, the tabs and the sort links.

Every state is a GET parameter, so a search is a permalink. The page takes a fixed
number of queries whatever the archive's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import F, Value
from django.http import HttpRequest
from django.urls import reverse

from ..models import Person, Publication, Term, Topic
from ..search import Query, parse_query, planner_hints
from ..search.expansion import expand
from ..search.pinyin import offers
from ..search.vocabulary import suggest
from .charts import build_chart
from .facets import (
    Params,
    build_chips,
    count_results,
)
from .filters import (
    filtered,
    iso_date,
    resolve_sort,
)
from .results import Results, rank_window
from .tabs import TABS, Tab
from .terms import TERMS, TermsTab, find_terms, read_terms_query

PER_PAGE = 20
FORM_PARAMS = ("q", "page", "from", "to")  # the form's own inputs, not hidden ones
SHARED_PARAMS = ("q", "publication", "topic", "year", "from", "to", "sort")
SORT_LABELS = {"relevance": "Relevance", "newest": "Newest", "oldest": "Oldest"}
NO_DATES: dict[str, None] = {"from": None, "to": None}
EMPTY_QUERY_NOTICE = (
    "Your search has no words the archive indexes (very common words such as “the” "
    "and punctuation are left out), so everything is shown, newest first."
)


def search_context(request: HttpRequest, tab: Tab) -> dict:
    """Validate → FilterSet → facets → rank and paginate: what the page shows."""
    raw_q = request.GET.get("q", "")
    expansion = expand(parse_query(raw_q), enabled=request.GET.get("expand") != "0")
    query = expansion.query
    params = Params(request.path, request.GET)
    base = tab.base()
    sort = resolve_sort(request.GET.get("sort"), has_query=not query.is_empty)
    with planner_hints():
        counted = count_results(tab.filterset, tab.facets, params, base)
        results = Results(
            filtered(tab.filterset, params.data, base),
            counted.total,
            query,
            sort,
            tab.filterset,
            tab.prepare,
            counted.rows,
        )
        page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
        chart = build_chart(
            tab.filterset, params, base, counted.facets, tab.noun, counted
        )
    facets = counted.facets
    context = {
        "total_estimated": counted.total_estimated,
        "tab": tab,
        "facets": [facet for facet in facets if facet.values],
        "chips": build_chips(facets, params),
        "clear_url": params.url({spec.name: None for spec in tab.facets} | NO_DATES),
        "chart": chart,
        "sort": sort,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
        "hits": tab.hits(list(page.object_list), query),
        **form_context(raw_q, query, params, ranking_note(counted.total, sort)),
        **suggestion_for(page, query, params),
        "offers": record_offers(raw_q, params, tab),
        "pinyin_offers": pinyin_offers(raw_q, params),
        "also_searched": expansion.also,
        "searched_terms": Term.objects.filter(pk__in=expansion.term_ids),
        "expand_off_url": params.url({"expand": "0", "page": None}),
    }
    return context


@dataclass(frozen=True)
class Offer:
    """A record whose name the reader typed: its page, and the filter to it."""

    kind: str
    name: str
    url: str
    filter_url: str | None


OFFER_LIMIT = 6
OFFER_MIN_CHARS = 3
OFFER_KINDS = {  # kind → the filter parameter on each tab, and the record's page
    "publication": (
        {"articles": "publication", "claims": "publication"},
        "publication_detail",
    ),
    "topic": ({"articles": "topic", "claims": "topic"}, "topic_detail"),
    "person": ({"articles": "author", "claims": "speaker"}, "person_detail"),
    "organisation": (
        {"articles": "author", "claims": "speaker"},
        "organisation_detail",
    ),
}


def record_offers(raw_q: str, params: Params, tab: Tab) -> list[Offer]:
    """Publications, topics and people named like the query ("Neican" → China
    Neican): a search of a name offers the record and its filter. One statement, and
    only for a search not yet narrowed by a facet (it then knows what it wants)."""
    text = " ".join(raw_q.split())
    narrowed = any(params.values(spec.name) for spec in tab.facets)
    if narrowed or not OFFER_MIN_CHARS <= len(text) <= 100 or min(map(ord, text)) < 32:
        return []
    named = [
        records.filter(name__icontains=text)
        .annotate(record_kind=F("kind") if kind == "person" else Value(kind))
        .values_list("record_kind", "pk", "slug", "name")
        .order_by()
        for kind, records in (
            ("publication", Publication.objects.all()),
            ("topic", Topic.objects.filter(merged_into=None)),
            ("person", Person.objects.all()),
        )
    ]
    rows = named[0].union(*named[1:])[:OFFER_LIMIT]
    offers = []
    for kind, pk, slug, name in sorted(rows, key=lambda row: (row[0], row[3])):
        parameters, page_name = OFFER_KINDS[kind]
        # The name is rarely in the text: the filter replaces the words.
        change = {parameters[tab.name]: slug, "q": None, "sort": None}
        url = reverse(f"briefings:{page_name}", args=[pk, slug])
        offers.append(Offer(kind, name, url, params.url(change)))
    return offers


def pinyin_offers(raw_q: str, params: Params) -> list[dict]:
    """The archive's Chinese terms a pinyin query reads as, each with its search
    link: offered, never mixed into the results (search/pinyin.py)."""
    return [
        {"term": o.term, "pinyin": o.pinyin, "url": params.url({"q": o.term})}
        for o in offers(raw_q)
    ]


def form_context(
    raw_q: str, query: Query, params: Params, *extra_notices: str | None
) -> dict:
    """The query box, its notices, the tabs and the sort links."""
    notices = notices_for(raw_q, query) + [n for n in extra_notices if n]
    return {
        "q": raw_q,
        "query": query,
        "notices": notices,
        "tabs": tab_links(params),
        "sorts": sort_choices(query),
        "hidden_params": hidden_params(params),
        "date_from": date_input(params, "from"),
        "date_to": date_input(params, "to"),
    }


def date_input(params: Params, name: str) -> str:
    """The date range box's value: the parameter when it is a valid date."""
    day = iso_date(params.data.get(name))
    return day.isoformat() if day else ""


def ranking_note(total: int, sort: str) -> str | None:
    """Say so when relevance ranks only the newest matches (see results.py)."""
    window = rank_window()
    if sort != "relevance" or total <= window:
        return None
    return (
        f"More than {window:,} results: the newest {window:,} are ranked by "
        "relevance, the rest follow newest first."
    )


def notices_for(raw_q: str, query: Query) -> list[str]:
    """What the reader should know about how the query was read."""
    notices = list(query.notices)
    if raw_q.strip() and query.is_empty:
        notices.append(EMPTY_QUERY_NOTICE)
    return notices


def suggestion_for(page: Page, query: Query, params: Params) -> dict:
    """ "Did you mean": only when a real query found nothing."""
    if page.paginator.count or query.is_empty:
        return {"suggestion": None, "suggestion_url": None}
    suggestion = suggest(query)
    url = params.url({"q": suggestion}) if suggestion else None
    return {"suggestion": suggestion, "suggestion_url": url}


def sort_choices(query: Query) -> list[tuple[str, str]]:
    """(value, label) pairs; relevance only when there is a query to rank by."""
    return [
        (value, label)
        for value, label in SORT_LABELS.items()
        if value != "relevance" or not query.is_empty
    ]


def hidden_params(params: Params) -> list[tuple[str, str]]:
    """The active filters, kept when the reader changes the query."""
    return [
        (name, value)
        for name, values in params.data.lists()
        if name not in FORM_PARAMS
        for value in values
    ]


def tab_links(params: Params) -> list[tuple[Tab | TermsTab, str]]:
    """Each tab's URL, carrying the query and the filters both record tabs
    understand; the Terms tab takes the query alone."""
    shared = [
        (name, value)
        for name in SHARED_PARAMS
        for value in params.values(name)
        if value
    ]
    suffix = "?" + urlencode(shared) if shared else ""
    links = [(tab, reverse(tab.url_name) + suffix) for tab in TABS]
    q = params.data.get("q")
    terms_url = reverse(TERMS.url_name) + ("?" + urlencode({"q": q}) if q else "")
    return [*links, (TERMS, terms_url)]


def terms_context(request: HttpRequest) -> dict:
    """The Terms tab: the matching terms, a page of them, the box and the tabs."""
    raw_q = request.GET.get("q", "")
    hits = find_terms(raw_q)
    page = Paginator(hits, PER_PAGE).get_page(request.GET.get("page"))
    return {
        "tab": TERMS,
        "q": raw_q,
        "is_empty": read_terms_query(raw_q).is_empty,
        "page": page,
        "total_estimated": False,  # terms are always counted exactly
        "hits": page.object_list,
        "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
        "tabs": tab_links(Params(request.path, request.GET)),
    }
