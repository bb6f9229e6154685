"""Reader pages, permalinks and citations, read back the way other tools read them."""

from __future__ import annotations

import json

import bibtexparser
import extruct
import feedparser
import pytest
import rispy
from lxml import etree

from briefings.models import Article, Briefing, Claim, Person, Publication, Topic

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def metadata(html: str, url: str) -> dict:
    return extruct.extract(html, base_url=url, syntaxes=["json-ld", "opengraph"])


def titled_article() -> Article:
    return (
        Article.objects.public()
        .exclude(title=None)
        .filter(articleauthor__isnull=False)
        .select_related("briefing__publication")
        .first()
    )


def record_urls() -> list[str]:
    article = titled_article()
    claim = Claim.objects.public().first()
    topic = Topic.objects.filter(articles__isnull=False).first()
    return [
        "/",
        article.briefing.get_absolute_url(),
        article.get_absolute_url(),
        claim.get_absolute_url(),
        topic.get_absolute_url(),
        Person.objects.first().get_absolute_url(),
        Publication.objects.first().get_absolute_url(),
        "/topics/",
        "/browse/",
        "/browse/2024/",
        "/browse/2024/02/",
    ]


def test_every_page_names_its_canonical_url(client, read_seeds):
    for url in record_urls():
        html = html_of(client, url)
        assert f'<link rel="canonical" href="http://testserver{url}">' in html, url


def test_article_jsonld_and_opengraph_read_back(client, read_seeds):
    article = titled_article()
    url = article.get_absolute_url()
    data = metadata(html_of(client, url), f"http://testserver{url}")
    [jsonld] = data["json-ld"]
    assert jsonld["@type"] in {"NewsArticle", "Article"}
    assert jsonld["name"] == article.title
    authors = [person["name"] for person in jsonld["author"]]
    assert authors == [p.name for p in article.ordered_authors()]
    assert jsonld["publisher"]["name"] == article.briefing.publication.name
    og = dict(data["opengraph"][0]["properties"])
    assert og["og:title"] == article.title
    assert og["og:url"] == f"http://testserver{url}"


def test_article_carries_highwire_citation_tags(client, read_seeds):
    article = Article.objects.get(briefing__issue_number=140, position=1)
    html = html_of(client, article.get_absolute_url())
    assert '<meta name="citation_title" content="Anti-Corruption' in html
    assert '<meta name="citation_author" content="Wang, Dan">' in html
    assert '<meta name="citation_publication_date" content="2023/10/01">' in html
    assert (
        '<meta name="citation_journal_title" content="Dialogue China Briefing">' in html
    )
    assert '<meta name="citation_issue" content="140">' in html


def test_claim_page_is_a_schema_org_claim(client, read_seeds):
    claim = Claim.objects.public().exclude(speaker=None).first()
    url = claim.get_absolute_url()
    [jsonld] = metadata(html_of(client, url), f"http://testserver{url}")["json-ld"]
    assert jsonld["@type"] == "Claim"
    assert jsonld["text"] == claim.text
    assert jsonld["author"]["name"] == claim.speaker.name
    assert jsonld["appearance"]["url"].endswith(claim.article.get_absolute_url())


def test_changed_title_answers_old_url_with_301(client, read_seeds):
    article = titled_article()
    old_url = article.get_absolute_url()
    article.title = "A renamed article"
    article.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == f"/articles/{article.pk}/a-renamed-article/"
    assert client.get(response["Location"]).status_code == 200


def test_hidden_claim_answers_410(client, read_seeds):
    claim = Claim.objects.public().first()
    claim.is_published = False
    claim.save()
    response = client.get(claim.get_absolute_url())
    assert response.status_code == 410
    assert "removed" in response.content.decode()


def test_unknown_url_gets_a_helpful_404_with_a_search_box(client, db):
    response = client.get("/articles/999999/no-such-article/")
    assert response.status_code == 404
    assert 'action="/search/"' in response.content.decode()


def test_bibtex_citation_parses(client, read_seeds):
    article = Article.objects.get(briefing__issue_number=140, position=1)
    response = client.get(f"/articles/{article.pk}/cite/bibtex/")
    assert response["Content-Type"].startswith("application/x-bibtex")
    library = bibtexparser.parse_string(response.content.decode())
    [entry] = library.entries
    assert entry.entry_type == "article"
    assert entry["journal"] == "Dialogue China Briefing"
    assert entry["author"] == "Wang, Dan"
    assert entry["year"] == "2023" and entry["number"] == "140"
    assert "Three Anti" in entry["title"]


def test_ris_citation_parses(client, read_seeds):
    article = Article.objects.get(briefing__issue_number=140, position=1)
    response = client.get(f"/articles/{article.pk}/cite/ris/")
    [record] = rispy.loads(response.content.decode())
    assert record["type_of_reference"] == "JOUR"
    assert record["authors"] == ["Wang, Dan"]
    assert record["secondary_title"] == "Dialogue China Briefing"
    assert record["date"] == "2023/10/01"
    assert record["urls"][0].endswith(article.get_absolute_url())


def test_csl_json_citation_parses(client, read_seeds):
    article = Article.objects.get(briefing__issue_number=140, position=1)
    response = client.get(f"/articles/{article.pk}/cite/csl-json/")
    [item] = json.loads(response.content)
    assert item["type"] == "article-journal"
    assert item["author"] == [{"family": "Wang", "given": "Dan"}]
    assert item["issued"] == {"date-parts": [[2023, 10, 1]]}
    assert item["container-title"] == "Dialogue China Briefing"


def test_cite_box_offers_every_format(client, read_seeds):
    article = titled_article()
    html = html_of(client, article.get_absolute_url())
    for fmt in ("text", "bibtex", "ris", "csl-json"):
        assert f"/articles/{article.pk}/cite/{fmt}/" in html
    assert client.get(f"/articles/{article.pk}/cite/nonsense/").status_code == 404


def test_atom_feeds_parse(client, read_seeds):
    publication = Publication.objects.get(name="MERICS China Essentials")
    topic = Topic.objects.filter(articles__isnull=False).first()
    feeds = {
        "/feeds/latest/": Briefing.objects.count(),
        f"/feeds/publications/{publication.pk}/": 1,
        f"/feeds/topics/{topic.pk}/": topic.articles.count(),
    }
    for url, expected in feeds.items():
        feed = feedparser.parse(client.get(url).content)
        assert feed.version == "atom10", url
        assert len(feed.entries) == expected, url
        assert all(
            entry.link.startswith("http://testserver/") for entry in feed.entries
        )


def test_pages_advertise_their_feeds(client, read_seeds):
    publication = Publication.objects.first()
    html = html_of(client, publication.get_absolute_url())
    assert f'href="/feeds/publications/{publication.pk}/"' in html
    assert 'type="application/atom+xml"' in html


def test_sitemap_lists_every_public_record(client, read_seeds):
    index = etree.fromstring(client.get("/sitemap.xml").content)
    sections = index.xpath("//s:sitemap/s:loc/text()", namespaces=SITEMAP_NS)
    urls = []
    for section in sections:
        path = section.replace("http://testserver", "")
        tree = etree.fromstring(client.get(path).content)
        urls += tree.xpath("//s:url/s:loc/text()", namespaces=SITEMAP_NS)
    article = titled_article()
    assert f"http://testserver{article.get_absolute_url()}" in urls
    articles = [u for u in urls if "/articles/" in u]
    assert len(articles) == Article.objects.public().count()


def test_robots_txt_points_to_the_sitemap(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_topic_page_draws_a_timeline(client, read_seeds):
    topic = Topic.objects.filter(articles__briefing__published_on__isnull=False).first()
    html = html_of(client, topic.get_absolute_url())
    assert '<svg class="bar-chart"' in html and 'role="img"' in html


def test_person_page_lists_writing_and_speech(client, read_seeds):
    speaker = Person.objects.filter(claims__isnull=False).first()
    html = html_of(client, speaker.get_absolute_url())
    for claim in Claim.objects.public().filter(speaker=speaker)[:3]:
        assert claim.get_absolute_url() in html


def test_browse_month_lists_that_months_briefings(client, read_seeds):
    html = html_of(client, "/browse/2024/02/")
    merics = Briefing.objects.get(publication__name="MERICS China Essentials")
    assert merics.get_absolute_url() in html
    assert client.get("/browse/2024/13/").status_code == 404


def test_search_query_is_highlighted_on_the_article_page(client, read_seeds):
    article = Article.objects.get(briefing__issue_number=140, position=2)
    html = html_of(client, f"{article.get_absolute_url()}?q=youth+unemployment")
    assert '<mark id="first-match">' in html


@pytest.mark.parametrize(
    "page", ["home", "briefing", "article", "claim", "topic", "person"]
)
def test_pages_run_a_fixed_number_of_queries(
    client, read_seeds, django_assert_max_num_queries, page
):
    article = Article.objects.get(briefing__issue_number=140, position=2)
    urls = {
        "home": "/",
        "briefing": article.briefing.get_absolute_url(),
        "article": article.get_absolute_url(),
        "claim": Claim.objects.public().first().get_absolute_url(),
        "topic": Topic.objects.filter(articles__isnull=False)
        .first()
        .get_absolute_url(),
        "person": Person.objects.first().get_absolute_url(),
    }
    with django_assert_max_num_queries(12):
        client.get(urls[page])


def test_search_feed_links_to_itself_with_its_query(client, imported_seeds):
    feed = feedparser.parse(client.get("/feeds/search/", {"q": "china"}).content)
    self_link = next(link for link in feed.feed.links if link.rel == "self")
    assert self_link.href == "http://testserver/feeds/search/?q=china"
    assert feed.feed.link == "http://testserver/search/?q=china"
