"""What a researcher sees around the edges of searching and reading: feeds to follow,
the date range, every facet value and the records without one, names offered,
figures in exports, a reading mode, labelled charts in one order, and honest feeds."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from lxml import html as lxml_html

from briefings.models import Article, Briefing, Claim, Person, Publication, Topic

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def page(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml_html.fromstring(response.content.decode())


def texts(tree, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


def facet_counts(tree, name: str) -> dict[str, int]:
    """A facet's values on the search page: label → count."""
    rows = tree.xpath(f"//h3[@id='facet-{name}']/ancestor::details//li")
    counts = {}
    for row in rows:
        label = row.xpath(".//span[@class='facet-label']")[0].text_content()
        count = row.xpath(".//span[@class='facet-count']")[0].text_content()
        counts[label] = int(count.replace(",", ""))
    return counts


def total_of(tree) -> int:
    heading = texts(tree, "//h2[@id='results-heading']")[0]
    return int(heading.split()[0].replace(",", ""))


# Following a search


def test_search_page_offers_a_visible_feed_of_the_search_and_its_filters(
    client, read_seeds
):
    tree = page(client, "/search/?q=data&year=2023&sort=oldest&page=1")
    link = tree.xpath("//a[@class='follow-link']")[0]
    assert link.text_content() == "Follow this search"
    url = urlsplit(link.get("href"))
    assert url.path == "/feeds/search/"
    assert parse_qs(url.query) == {"q": ["data"], "year": ["2023"]}
    feed = feedparser.parse(client.get(link.get("href")).content)
    assert feed.feed.title == "Search: data"
    assert feed.entries


@pytest.mark.parametrize("kind", ["topic", "person", "publication"])
def test_record_pages_offer_a_visible_feed(client, read_seeds, kind):
    if kind == "topic":
        record = Topic.objects.filter(articles__isnull=False).first()
    elif kind == "person":
        record = Person.objects.filter(articleauthor__isnull=False).first()
    else:
        record = Publication.objects.first()
    tree = page(client, record.get_absolute_url())
    link = tree.xpath("//a[@class='follow-link']")[0]
    assert link.text_content() == f"Follow this {kind}"
    feed = client.get(link.get("href"))
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert feedparser.parse(feed.content).entries


# The date range


def test_search_form_has_a_date_range_that_filters_without_script(client, read_seeds):
    tree = page(client, "/search/?q=data&from=2023-01-01&to=2023-12-31&year=2023")
    form = tree.xpath("//form[contains(@class, 'search-form')]")[0]
    inputs = {i.get("name"): i for i in form.xpath(".//input[@type='date']")}
    assert inputs["from"].get("value") == "2023-01-01"
    assert inputs["to"].get("value") == "2023-12-31"
    labels = texts(form, ".//label[@for='date-from'] | .//label[@for='date-to']")
    assert labels == ["From", "to"]
    # The dates are the form's own inputs, not hidden copies that would clash.
    hidden = [i.get("name") for i in form.xpath(".//input[@type='hidden']")]
    assert hidden == ["year"]
    assert total_of(tree) == 2


def test_an_invalid_date_leaves_the_box_empty(client, read_seeds):
    tree = page(client, "/search/?q=data&from=2024-13-45")
    assert tree.xpath("//input[@name='from']")[0].get("value") == ""


# Every facet value, and buckets for records without one


def test_facet_counts_add_up_to_the_results(client, read_seeds):
    tree = page(client, "/search/?q=data")
    total = total_of(tree)
    publications, years = facet_counts(tree, "publication"), facet_counts(tree, "year")
    assert total == 7
    assert sum(publications.values()) == total
    assert sum(years.values()) == total
    assert publications["No publication"] == 1
    assert years["Undated"] == 4
    assert list(years)[-1] == "Undated"  # the bucket comes last


def test_the_undated_bucket_filters_to_undated_results(client, read_seeds):
    tree = page(client, "/search/?q=data&year=none")
    assert total_of(tree) == 4
    assert texts(tree, "//a[contains(@class, 'chip-remove')]")[0].startswith(
        "Year: Undated"
    )
    both = page(client, "/search/?q=data&year=none&year=2023")
    assert total_of(both) == 6
    no_publication = page(client, "/search/?q=data&publication=none")
    assert total_of(no_publication) == 1
    undated = Article.objects.public().filter(briefing__published_on=None).count()
    assert total_of(page(client, "/search/?year=none")) == undated


def test_claims_without_a_speaker_are_a_bucket_too(client, read_seeds):
    tree = page(client, "/search/claims/")
    speakers = facet_counts(tree, "speaker")
    unattributed = Claim.objects.public().filter(speaker=None).count()
    assert speakers["Not attributed"] == unattributed
    assert total_of(page(client, "/search/claims/?speaker=none")) == unattributed


def test_a_cut_off_facet_links_to_all_its_values(client, read_seeds):
    tree = page(client, "/search/")
    topics = facet_counts(tree, "topic")
    assert len(topics) == 15
    more = tree.xpath("//a[starts-with(normalize-space(), 'Show all topic')]")[0]
    assert "all=topic" in more.get("href")
    expanded = page(client, more.get("href").split("#")[0])
    every = facet_counts(expanded, "topic")
    used = Topic.objects.filter(articles__in=Article.objects.public()).distinct()
    assert len(every) == used.count() > 15
    fewer = expanded.xpath("//a[normalize-space()='Show only the most frequent']")
    assert len(facet_counts(page(client, fewer[0].get("href")), "topic")) == 15


# Names offered


def test_searching_a_publication_name_offers_the_publication(client, read_seeds):
    tree = page(client, "/search/?q=Neican")
    offer = texts(tree, "//div[contains(@class, 'record-offers')]//li")
    assert offer == ["The publication China Neican · every article in China Neican"]
    filter_url = tree.xpath("//div[contains(@class, 'record-offers')]//a")[1].get(
        "href"
    )
    assert parse_qs(urlsplit(filter_url).query) == {"publication": ["china-neican"]}
    neican = Article.objects.public().filter(briefing__publication__slug="china-neican")
    assert total_of(page(client, filter_url)) == neican.count()


def test_searching_a_person_or_topic_name_offers_them(client, read_seeds):
    person = page(client, "/search/claims/?q=adam+ni")
    assert texts(person, "//div[contains(@class, 'record-offers')]//li") == [
        "The person Adam Ni · every claim of Adam Ni"
    ]
    topic = Topic.objects.filter(articles__isnull=False).first()
    tree = page(client, f"/search/?q={topic.name.split()[0]}")
    offers = texts(tree, "//div[contains(@class, 'record-offers')]//li")
    assert any(topic.name in offer for offer in offers)


# Exports


def test_claims_csv_carries_normalised_figures(client, read_seeds):
    response = client.get("/search/claims/export.csv?q=yuan")
    rows = list(csv.DictReader(io.StringIO(b"".join(response).decode("utf-8-sig"))))
    row = next(r for r in rows if "58.657 million yuan" in r["figures"])
    assert row["figures"] == "58.657 million yuan"  # as written
    assert row["figure_value"] == "58657000"
    assert row["figure_unit"] == "CNY"
    every = client.get("/search/claims/export.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(every).decode("utf-8-sig"))))
    several = next(r for r in rows if r["figures"].count(";") >= 1)
    parts = len(several["figures"].split("; "))
    for column in ("figure_value", "figure_unit", "figure_period"):
        assert len(several[column].split("; ")) == parts  # one part per figure
    assert {"figure_value_high", "figure_qualifier", "figure_period"} <= set(row)


# Reading mode


def claim_links(tree) -> list:
    return tree.xpath("//div[contains(@class, 'body')]//a[contains(@class, 'claim')]")


def test_article_reads_plainly_on_request_and_the_choice_is_in_the_url(
    client, read_seeds
):
    article = Article.objects.get(title__icontains="Black Hole of Data")
    url = article.get_absolute_url()
    quiet = page(client, url)
    body = quiet.xpath("//div[contains(@class, 'body')]")[0]
    assert "claims-subtle" in body.get("class") and claim_links(quiet)
    switch = {
        a.text_content(): a.get("href")
        for a in quiet.xpath("//p[contains(@class, 'claim-modes')]//a")
    }
    assert switch["Not marked"] == f"{url}?claims=off"
    assert switch["Highlighted"] == f"{url}?claims=on"

    plain = page(client, f"{url}?claims=off&q=data")
    assert not claim_links(plain)
    assert plain.xpath("//mark")  # the search is still marked
    kept = {
        a.text_content(): a.get("href")
        for a in plain.xpath("//p[contains(@class, 'claim-modes')]//a")
    }
    assert kept["Marked quietly"] == f"{url}?q=data"
    highlighted = page(client, f"{url}?claims=on")
    assert "claims-on" in highlighted.xpath("//div[contains(@class, 'body')]")[0].get(
        "class"
    )
    assert len(claim_links(highlighted)) == len(claim_links(quiet))


def test_claims_are_not_highlighted_by_default(client, db):
    css = (ROOT / "static" / "css" / "site.css").read_text(encoding="utf-8")
    default = re.search(r"^a\.claim \{([^}]*)\}", css, re.M).group(1)
    assert "background" not in default
    assert "background" in re.search(r"\.claims-on a\.claim \{([^}]*)\}", css).group(1)


# Charts and order


def bar_values(tree) -> list[str]:
    return texts(tree, "//svg[@role='img']//text[@class='bar-value']")


def test_browse_lists_years_in_the_charts_order_with_numbers_on_bars(
    client, read_seeds
):
    tree = page(client, "/browse/")
    years = [y.split()[0] for y in texts(tree, "//ul[@class='year-list']/li")]
    assert years == sorted(years)
    labels = [t for t in texts(tree, "//svg[@role='img']//text[not(@class)]")]
    assert labels == years
    counts = [y.split()[1] for y in texts(tree, "//ul[@class='year-list']/li")]
    assert bar_values(tree) == counts


def test_a_single_year_is_shown_by_month(client, read_seeds):
    Briefing.objects.all().delete()  # undone after the test
    publication = Publication.objects.create(name="Monthly", slug="monthly")
    for month in (2, 2, 5):
        Briefing.objects.create(
            publication=publication,
            import_ref=f"m-{month}-{Briefing.objects.count()}",
            published_on=f"2024-{month:02d}-03",
        )
    tree = page(client, "/browse/")
    labels = texts(tree, "//svg[@role='img']//text[not(@class)]")
    assert labels[:3] == ["Jan", "Feb", "Mar"] and len(labels) == 12
    assert bar_values(tree) == ["2", "1"]


def test_topic_timeline_labels_its_bars(client, read_seeds):
    topic = Topic.objects.filter(articles__isnull=False).first()
    tree = page(client, topic.get_absolute_url())
    assert bar_values(tree)


def test_search_chart_labels_its_bars(client, read_seeds):
    tree = page(client, "/search/?q=data")
    assert bar_values(tree) == ["2", "1"]  # 2023, 2024 (undated has no bar)


# Feeds


def test_undated_articles_in_feeds_carry_no_publication_date(client, read_seeds):
    undated = Article.objects.public().filter(briefing__published_on=None).first()
    feed = feedparser.parse(client.get("/feeds/search/?year=none").content)
    entry = next(e for e in feed.entries if e.link.endswith(undated.get_absolute_url()))
    assert "published" not in entry
    assert entry.updated  # when the archive last changed it
    dated = feedparser.parse(client.get("/feeds/search/?year=2023").content).entries
    assert all("published" in e for e in dated)


def test_latest_feed_does_not_date_undated_briefings_by_their_import(
    client, read_seeds
):
    feed = feedparser.parse(client.get("/feeds/latest/").content)
    undated = {b.get_absolute_url() for b in Briefing.objects.filter(published_on=None)}
    entries = [e for e in feed.entries if urlsplit(e.link).path in undated]
    assert entries and all("published" not in e for e in entries)
    assert urlsplit(feed.entries[-1].link).path in undated  # they come last


# Small things


def test_home_page_title_is_not_doubled(client, read_seeds):
    tree = page(client, "/")
    assert tree.findtext(".//title") == "China Briefings Archive"


def test_empty_states_are_sentences_not_list_items(client, read_seeds):
    person = Person.objects.get(name="Adam Ni")
    tree = page(client, person.get_absolute_url())
    assert not [li for li in texts(tree, "//li") if li.startswith("No ")]
    assert "No claims attributed to Adam Ni." in texts(tree, "//p[@class='empty']")


def test_claim_results_have_no_empty_separators(client, read_seeds):
    response = client.get("/search/claims/?publication=none")
    text = " ".join(lxml_html.fromstring(response.content).text_content().split())
    assert "· ·" not in text and "· ," not in text
    assert total_of(lxml_html.fromstring(response.content)) > 0


def test_gone_page_says_an_editor_can_bring_the_record_back(client, read_seeds):
    claim = Claim.objects.public().first()
    Claim.objects.filter(pk=claim.pk).update(is_published=False)
    response = client.get(claim.get_absolute_url())
    assert response.status_code == 410
    text = response.content.decode()
    assert "will not come back" not in text
    assert "publishes it again" in text
