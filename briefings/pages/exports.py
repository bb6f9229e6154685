"""Search results as downloads: CSV and JSON, streamed.

An export takes the search page's GET parameters and lists the page's hits, all of
them, in the page's order (the same FilterSet, ranking and sort), up to
``settings.EXPORT_MAX_ROWS`` rows for a signed-in editor and
``EXPORT_ANONYMOUS_MAX_ROWS`` for anyone else, who may also download only so often
(``THROTTLE_RATES["export"]``). A download cut at its limit says so: the JSON in
``truncated`` and ``notice``, the CSV in a last row. CSV is UTF-8 with a byte-order mark so spreadsheets read it
as UTF-8, and a cell that a spreadsheet would run as a formula gets a leading
apostrophe. JSON is one object: the search, the number of matches and the records.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from django.db.models import QuerySet, TextField, Value
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse

from archive_site.clients import ExportThrottle

from ..models import Article, Claim, describe_untitled_articles
from ..search import parse_query
from ..searchpage.facets import Params
from ..searchpage.filters import resolve_sort
from ..searchpage.tabs import ARTICLES, CLAIMS, Tab, ranked_results
from ..searchpage.terms import TERMS, TermHit, find_terms
from ..serialize import figure_dict, iso

CHUNK_SIZE = 500
LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def search_export(request: HttpRequest, fmt: str) -> StreamingHttpResponse:
    """The article search as a CSV or JSON download."""
    return export(request, ARTICLES, fmt)


def search_claims_export(request: HttpRequest, fmt: str) -> StreamingHttpResponse:
    """The claim search as a CSV or JSON download."""
    return export(request, CLAIMS, fmt)


def search_terms_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The term search as a CSV or JSON download."""
    refused = refusal(request, fmt)
    if refused:
        return refused
    hits = find_terms(request.GET.get("q", ""))
    limit = row_limit(request)
    return download(request, TERMS.name, fmt, hits[: limit + 1], lambda: len(hits))


def export(request: HttpRequest, tab: Tab, fmt: str) -> HttpResponse:
    refused = refusal(request, fmt)
    if refused:
        return refused
    results = export_results(tab, request)
    # One row more than the limit tells whether the download was cut.
    records = results[: row_limit(request) + 1].iterator(chunk_size=CHUNK_SIZE)
    return download(request, tab.name, fmt, records, results.count)


def refusal(request: HttpRequest, fmt: str) -> HttpResponse | None:
    """No such format (404), or too many downloads from this address (429)."""
    if fmt not in WRITERS:
        raise Http404("Exports are CSV or JSON")
    throttle = ExportThrottle()
    if not throttle.allow_request(request, None):
        return too_many_downloads(throttle.wait())
    return None


def download(
    request: HttpRequest,
    name: str,
    fmt: str,
    records: Iterable,
    count: Callable[[], int],
) -> StreamingHttpResponse:
    """The records (at most the limit and one) as rows of the tab's download."""
    to_row, limit = ROWS[name], row_limit(request)
    rows = (to_row(record, request.build_absolute_uri) for record in records)
    content_type, write = WRITERS[fmt]
    if fmt == "json":
        body = write(rows, search_of(request), count(), limit)
    else:
        body = write(rows, COLUMNS[name], limit)
    response = StreamingHttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}-search.{fmt}"'
    response["X-Robots-Tag"] = "noindex"
    return response


def row_limit(request: HttpRequest) -> int:
    """How many rows this visitor may download at once."""
    if request.user.is_authenticated:
        return settings.EXPORT_MAX_ROWS
    return settings.EXPORT_ANONYMOUS_MAX_ROWS


def cut_notice(limit: int) -> str:
    return (
        f"This download stops at {limit:,} rows, the limit for one download: narrow "
        "the search (words, publication, year, dates) to get the others."
    )


def too_many_downloads(wait: float | None) -> HttpResponse:
    seconds = max(1, round(wait or 1))
    response = HttpResponse(
        f"Too many downloads from your address: try again in {seconds} seconds.\n",
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(seconds)
    return response


def export_results(tab: Tab, request: HttpRequest) -> QuerySet:
    """The page's results (same filters, ranking and order), without snippets."""
    query = parse_query(request.GET.get("q", ""))
    sort = resolve_sort(request.GET.get("sort"), has_query=not query.is_empty)
    params = Params(request.path, request.GET)
    results = ranked_results(tab, params, tab.base(), query, sort)
    # Snippets are for the page; an export has the full text, and skips their cost.
    return results.annotate(headline_raw=Value(None, output_field=TextField()))


def search_of(request: HttpRequest) -> dict[str, list[str] | str]:
    """The search's parameters, as the export records them."""
    return {
        name: values if len(values) > 1 else values[0]
        for name, values in request.GET.lists()
        if name != "page"
    }


def article_row(article: Article, absolute: Callable[[str], str]) -> dict:
    briefing = article.briefing
    return {
        "id": article.pk,
        "url": absolute(article.get_absolute_url()),
        "title": article.display_title,
        "subtitle": article.subtitle,
        "publication": briefing.publication.name if briefing.publication else None,
        "issue_number": briefing.issue_number,
        "published_on": iso(briefing.published_on),
        "briefing_id": briefing.pk,
        "briefing_url": absolute(briefing.get_absolute_url()),
        "section": article.section,
        "kind": article.kind,
        "authors": [person.name for person in article.ordered_authors()],
        "topics": [link.topic.name for link in article.articletopic_set.all()],
        "outlet": article.outlet,
        "original_on": iso(article.original_on),
        "claim_count": article.claim_count,
        "summary": article.summary,
        "body": article.body,
    }


def claim_row(claim: Claim, absolute: Callable[[str], str]) -> dict:
    describe_untitled_articles([claim])
    article = claim.article
    briefing = article.briefing
    return {
        "id": claim.pk,
        "url": absolute(claim.get_absolute_url()),
        "text": claim.text,
        "kind": claim.kind,
        "speaker": claim.speaker.name if claim.speaker else None,
        "speaker_role": claim.speaker_role,
        "status": claim.status,
        "figures": [figure_dict(figure) for figure in claim.figures.all()],
        "article_id": article.pk,
        "article_title": article.display_title,
        "article_url": absolute(article.get_absolute_url()),
        "publication": briefing.publication.name if briefing.publication else None,
        "published_on": iso(briefing.published_on),
    }


def term_row(hit: TermHit, absolute: Callable[[str], str]) -> dict:
    term = hit.term
    return {
        "id": term.pk,
        "url": absolute(hit.url),
        "simplified": term.simplified,
        "traditional": term.traditional,
        "pinyin": term.pinyin,
        "renderings": [
            {"english": english, "count": count} for english, count in hit.renderings
        ],
        "rendering_count": hit.rendering_count,
        "matched_by": hit.matched_by,
    }


def safe_cell(value) -> str | int | float:
    """A CSV cell: lists joined, None empty, formula-like text defused."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(map(list_item, value))
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def list_item(item) -> str:
    """One item of a list cell: a figure as written, a rendering with its count."""
    if isinstance(item, dict) and "english" in item:
        return f"{item['english']} ({item['count']})"
    return item["text"] if isinstance(item, dict) else str(item)


class Echo:
    """A file-like object whose ``write`` hands back the line csv.writer made."""

    def write(self, value: str) -> str:
        return value


def figure_cells(row: dict) -> dict:
    """A claim's figures as CSV columns, normalised: each column lists one part of
    every figure, in the figures' order, so the n-th values belong together."""
    figures = row.get("figures") or []
    return {
        column: LIST_SEPARATOR.join(figure_part(figure[part]) for figure in figures)
        for column, part in FIGURE_COLUMNS.items()
    }


def figure_part(value) -> str:
    """A number in full (58657000, not 5.8657e+07), a text as it is, None empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.15g}"
    return str(value)


def csv_lines(rows: Iterable[dict], columns: list[str], limit: int) -> Iterator[str]:
    writer = csv.writer(Echo())
    yield BOM + writer.writerow(columns)
    for number, row in enumerate(rows, start=1):
        if number > limit:
            yield writer.writerow([cut_notice(limit)])
            break
        if "figures" in row:
            row = {**row, **figure_cells(row)}
        yield writer.writerow([safe_cell(row[name]) for name in columns])


def json_chunks(
    rows: Iterable[dict], search: dict, count: int, limit: int
) -> Iterator[str]:
    head = {"search": search, "count": count, "limit": limit}
    head["truncated"] = count > limit
    if count > limit:
        head["notice"] = cut_notice(limit)
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "results": ['
    separator = "\n"
    for row in itertools.islice(rows, limit):
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


WRITERS = {
    "csv": ("text/csv; charset=utf-8", csv_lines),
    "json": ("application/json", json_chunks),
}
ROWS = {"articles": article_row, "claims": claim_row, "terms": term_row}
# CSV only (JSON keeps each figure as an object): column → figure field.
FIGURE_COLUMNS = {
    "figure_value": "value",
    "figure_value_high": "value_high",
    "figure_unit": "unit",
    "figure_qualifier": "qualifier",
    "figure_period": "refers_to",
}
COLUMNS = {
    "articles": [
        "id",
        "url",
        "title",
        "subtitle",
        "publication",
        "issue_number",
        "published_on",
        "briefing_id",
        "briefing_url",
        "section",
        "kind",
        "authors",
        "topics",
        "outlet",
        "original_on",
        "claim_count",
        "summary",
        "body",
    ],
    "claims": [
        "id",
        "url",
        "text",
        "kind",
        "speaker",
        "speaker_role",
        "status",
        "figures",
        *FIGURE_COLUMNS,
        "article_id",
        "article_title",
        "article_url",
        "publication",
        "published_on",
    ],
    "terms": [
        "id",
        "url",
        "simplified",
        "traditional",
        "pinyin",
        "renderings",
        "rendering_count",
        "matched_by",
    ],
}
