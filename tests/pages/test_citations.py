"""Citations researchers can use without checking twice, read back on the seeds the
way citation managers read them: every author's family and given names, organisations
whole, an untitled article described in brackets from its own words (never an
invented label), and a summarised feature crediting its original outlet."""

from __future__ import annotations

import json

import bibtexparser
import extruct
import feedparser
import pytest
import rispy
from bibtexparser import middlewares

from briefings.models import Article, Briefing, Claim, Topic

pytestmark = pytest.mark.django_db

# Every seed author as a careful reader cites them: (family, given).
SEED_AUTHORS = {
    "Wang Dan": ("Wang", "Dan"),
    "Jo": ("Jo", ""),
    "Xu Tingting": ("Xu", "Tingting"),
    "Tang Xiaoyang": ("Tang", "Xiaoyang"),
    "Li Xinxin": ("Li", "Xinxin"),
    "Xing Bin": ("Xing", "Bin"),
    "Yun Jiang": ("Jiang", "Yun"),
    "Adam Ni": ("Ni", "Adam"),
    "Junhua Zhang": ("Zhang", "Junhua"),
}
GIS_TITLE = "[Untitled article on the social credit system]"
INVENTED = ("Untitled article in", "Summary of an article")


def cite(client, article: Article, fmt: str) -> str:
    response = client.get(f"/articles/{article.pk}/cite/{fmt}/")
    assert response.status_code == 200
    return response.content.decode()


def authored() -> list[Article]:
    return list(Article.objects.public().filter(authors__isnull=False).distinct())


def expected_names(article: Article) -> list[tuple[str, str]]:
    return [SEED_AUTHORS[person.name] for person in article.ordered_authors()]


def gis_article() -> Article:
    return Article.objects.get(briefing__publication__name="GIS Reports")


def rfa_feature() -> Article:
    return Article.objects.get(outlet="Radio Free Asia")


def test_every_seed_author_is_known(read_seeds):
    names = {p.name for a in authored() for p in a.ordered_authors()}
    assert names == set(SEED_AUTHORS)  # and "Anonymous" is nobody


def test_bibtex_gives_family_and_given_names(client, read_seeds):
    for article in authored():
        library = bibtexparser.parse_string(
            cite(client, article, "bibtex"),
            append_middleware=[
                middlewares.SeparateCoAuthors(),
                middlewares.SplitNameParts(),
            ],
        )
        [entry] = library.entries
        names = [(" ".join(n.last), " ".join(n.first)) for n in entry["author"]]
        assert names == expected_names(article), article.pk


def test_ris_gives_family_and_given_names(client, read_seeds):
    for article in authored():
        [record] = rispy.loads(cite(client, article, "ris"))
        names = [tuple((author.split(", ") + [""])[:2]) for author in record["authors"]]
        assert names == expected_names(article), article.pk


def test_csl_json_gives_family_and_given_names(client, read_seeds):
    for article in authored():
        [item] = json.loads(cite(client, article, "csl-json"))
        names = [(a["family"], a.get("given", "")) for a in item["author"]]
        assert names == expected_names(article), article.pk


def test_citation_author_tags_read_last_name_first(client, read_seeds):
    for article in authored():
        html = client.get(article.get_absolute_url()).content.decode()
        for family, given in expected_names(article):
            shown = f"{family}, {given}" if given else family
            assert f'<meta name="citation_author" content="{shown}">' in html


def test_json_ld_names_people_and_their_parts(client, read_seeds):
    article = Article.objects.filter(authors__name="Yun Jiang").first()
    url = article.get_absolute_url()
    html = client.get(url).content.decode()
    [jsonld] = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    assert jsonld["author"][0] == {
        "@type": "Person",
        "name": "Yun Jiang",
        "familyName": "Jiang",
        "givenName": "Yun",
    }


def test_an_untitled_article_is_described_not_invented(client, read_seeds):
    article = gis_article()
    assert article.title is None
    bibtex = cite(client, article, "bibtex")
    [entry] = bibtexparser.parse_string(bibtex).entries
    assert entry["title"] == GIS_TITLE
    [record] = rispy.loads(cite(client, article, "ris"))
    assert record["title"] == GIS_TITLE
    [item] = json.loads(cite(client, article, "csl-json"))
    assert item["title"] == GIS_TITLE
    html = client.get(article.get_absolute_url()).content.decode()
    assert GIS_TITLE in html
    [jsonld] = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    assert jsonld["headline"] == jsonld["name"] == GIS_TITLE
    for text in (bibtex, cite(client, article, "ris"), html):
        assert not any(label in text for label in INVENTED)


def test_feeds_carry_the_same_description(client, read_seeds):
    article = gis_article()
    topic = Topic.objects.filter(articles=article).first()
    feed = feedparser.parse(client.get(f"/feeds/topics/{topic.pk}/").content)
    assert GIS_TITLE in [entry.title for entry in feed.entries]
    latest = client.get("/feeds/latest/").content.decode()  # briefings' contents
    assert GIS_TITLE in latest
    assert not any(label in latest for label in INVENTED)


def test_a_summarised_feature_credits_its_original_outlet(client, read_seeds):
    article = rfa_feature()
    bibtex = cite(client, article, "bibtex")
    [entry] = bibtexparser.parse_string(bibtex).entries
    assert entry["origpublisher"] == "Radio Free Asia"
    assert entry["note"].startswith("Originally published in Radio Free Asia")
    assert entry["journal"] == "Dialogue China Briefing"
    [record] = rispy.loads(cite(client, article, "ris"))
    assert record["original_publication"] == "Radio Free Asia"
    [item] = json.loads(cite(client, article, "csl-json"))
    assert item["original-publisher"] == "Radio Free Asia"
    assert item["container-title"] == "Dialogue China Briefing"
    html = client.get(article.get_absolute_url()).content.decode()
    [jsonld] = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    assert jsonld["isBasedOn"]["publisher"]["name"] == "Radio Free Asia"
    for text in (bibtex, cite(client, article, "ris"), cite(client, article, "text")):
        assert not any(label in text for label in INVENTED)


def test_dialogue_china_features_in_the_feed_invent_nothing(client, read_seeds):
    briefing = Briefing.objects.get(publication__name="Dialogue China Briefing")
    topic = Topic.objects.filter(articles__briefing=briefing).first()
    text = client.get(f"/feeds/topics/{topic.pk}/").content.decode()
    assert not any(label in text for label in INVENTED)


@pytest.mark.parametrize("fmt", ["text", "bibtex", "ris", "csl-json"])
def test_briefing_and_claim_pages_offer_citations(client, read_seeds, fmt):
    briefing = Briefing.objects.get(publication__name="China Neican")
    html = client.get(briefing.get_absolute_url()).content.decode()
    assert f"/briefings/{briefing.pk}/cite/{fmt}/" in html
    response = client.get(f"/briefings/{briefing.pk}/cite/{fmt}/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    claim = Claim.objects.public().first()
    html = client.get(claim.get_absolute_url()).content.decode()
    assert f"/claims/{claim.pk}/cite/{fmt}/" in html
    assert client.get(f"/claims/{claim.pk}/cite/{fmt}/").status_code == 200


def test_a_briefing_citation_names_its_editors(client, read_seeds):
    briefing = Briefing.objects.get(publication__name="China Neican")
    [item] = json.loads(client.get(f"/briefings/{briefing.pk}/cite/csl-json/").content)
    names = {(a["family"], a["given"]) for a in item["author"]}
    assert names == {("Jiang", "Yun"), ("Ni", "Adam")}


def test_a_claim_citation_points_to_the_claim_in_its_article(client, read_seeds):
    claim = Claim.objects.public().exclude(article__title=None).first()
    [item] = json.loads(client.get(f"/claims/{claim.pk}/cite/csl-json/").content)
    assert item["URL"].endswith(claim.get_absolute_url())
    assert item["title"] == claim.article.title
    assert claim.text.split()[0] in item["note"]


def test_an_unknown_citation_format_is_not_found(client, read_seeds):
    briefing = Briefing.objects.first()
    assert client.get(f"/briefings/{briefing.pk}/cite/nonsense/").status_code == 404
    claim = Claim.objects.public().first()
    assert client.get(f"/claims/{claim.pk}/cite/nonsense/").status_code == 404


def test_claim_results_and_exports_describe_the_untitled_article(client, read_seeds):
    article = gis_article()
    slug = article.briefing.publication.slug
    html = client.get("/search/claims/", {"publication": slug}).content.decode()
    assert GIS_TITLE in html
    response = client.get("/search/claims/export.json", {"publication": slug})
    data = json.loads(b"".join(response.streaming_content))
    assert {row["article_title"] for row in data["results"]} == {GIS_TITLE}
