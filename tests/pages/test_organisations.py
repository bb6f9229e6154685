"""People and organisations on the seeds: every author and speaker filed as a careful
reader would file them, organisations on their own pages (the old person URLs answer
301), in the sitemap and the facets, and the data migration that refiled them."""

from __future__ import annotations

import extruct
import pytest
from django.apps import apps
from django.db import connection
from lxml import etree

from briefings.importers.people import is_anonymous
from briefings.models import Person

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ORGANISATIONS = {
    "American Civil Liberties Union",
    "Audit Office",
    "Beijing",
    "Caixin",
    "Chinese government",
    "Civil Aviation Administration of China",
    "Commerce Department",
    "EU",
    "Ministry of Commerce",
    "Office of the US Trade Representative",
    "Southern Metropolis Daily",
    "US government",
    "White House",
    "Xinhua Daily Telegraph",
    "YuWa Population Research Institute",
}
PEOPLE = {
    "Abigaël Vasselier", "Adam Ni", "Antonia Hmaid", "Brad Setser", "Christine Krüger",
    "Claudia Wessling", "Ellen Thalman", "Gerrit Wiesmann", "Jacob Gunter",
    "Jens Eskelund", "Jo", "Johnny Erling", "Junhua Zhang", "Li Xinxin", "Nis Grünberg",
    "Rai Jianping", "Ryan Manuel", "Sun Guoxiang", "Tang Xiaoyang",
    "Thea D. Rozman Kendler", "Wang Dan", "Wang Huning", "Wang Tiancheng", "Xing Bin",
    "Xu Tingting", "Yun Jiang",
}  # fmt: skip


def sitemap_urls(client) -> list[str]:
    index = etree.fromstring(client.get("/sitemap.xml").content)
    urls = []
    for section in index.xpath("//s:sitemap/s:loc/text()", namespaces=SITEMAP_NS):
        tree = etree.fromstring(
            client.get(section.replace("http://testserver", "")).content
        )
        urls += tree.xpath("//s:url/s:loc/text()", namespaces=SITEMAP_NS)
    return urls


def test_every_seed_author_and_speaker_is_filed_as_a_reader_would(read_seeds):
    filed = dict(Person.objects.values_list("name", "kind"))
    unexpected = set(filed) - ORGANISATIONS - PEOPLE
    assert not unexpected, f"file these in the test: {sorted(unexpected)}"
    assert {name for name, kind in filed.items() if kind == "organisation"} == (
        ORGANISATIONS & set(filed)
    )
    assert not any(is_anonymous(name) for name in filed)  # "Anonymous" is nobody


def test_no_organisation_has_a_person_page(client, read_seeds):
    for organisation in Person.objects.organisations():
        old = f"/people/{organisation.pk}/{organisation.slug}/"
        response = client.get(old)
        assert response.status_code == 301, organisation.name
        url = f"/organisations/{organisation.pk}/{organisation.slug}/"
        assert response["Location"] == url == organisation.get_absolute_url()
        html = client.get(url).content.decode()
        [jsonld] = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
        assert jsonld["@type"] == "Organization" and jsonld["name"] == organisation.name
        assert "As author" not in html and "No articles by" not in html


def test_a_person_is_not_an_organisation_and_a_wrong_slug_redirects(client, read_seeds):
    person = Person.objects.get(name="Wang Dan")
    response = client.get(f"/organisations/{person.pk}/wang-dan/")
    assert response.status_code == 301
    assert response["Location"] == f"/people/{person.pk}/wang-dan/"
    assert client.get(f"/people/{person.pk}/wrong/")["Location"] == response["Location"]
    html = client.get(response["Location"]).content.decode()
    [jsonld] = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    assert (jsonld["@type"], jsonld["familyName"], jsonld["givenName"]) == (
        "Person",
        "Wang",
        "Dan",
    )


def test_the_sitemap_lists_organisations_apart(client, read_seeds):
    urls = sitemap_urls(client)
    organisations = [url for url in urls if "/organisations/" in url]
    assert len(organisations) == Person.objects.organisations().count() > 0
    people = [url for url in urls if "/people/" in url]
    assert len(people) == Person.objects.people().count()


def test_speaker_facet_says_which_is_an_organisation(client, read_seeds):
    response = client.get("/search/claims/")
    [facet] = [f for f in response.context["facets"] if f.name == "speaker"]
    labels = {value.label for value in facet.values}
    assert "Audit Office (organisation)" in labels
    assert "Rai Jianping" in labels


def test_the_migration_refiles_organisations_and_drops_anonymous(db):
    from importlib import import_module

    migration = import_module("briefings.migrations.0019_organisations")
    names = ("Ministry of Truth", "Ouyang Xiu", "anonymous source")
    for name in names:
        Person.objects.create(name=name, name_key=f"m {name}", slug=f"m-{len(name)}")
    migration.classify_people(apps, connection.schema_editor())
    filed = Person.objects.filter(name__in=names)
    assert {p.name: (p.kind, p.family_name, p.given_name) for p in filed} == {
        "Ministry of Truth": ("organisation", "", ""),
        "Ouyang Xiu": ("person", "Ouyang", "Xiu"),
    }
