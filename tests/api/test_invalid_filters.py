"""The API refuses a filter value it cannot read, naming it, rather than silently
answering as if the filter were not there; its documentation types ids as integers."""

from __future__ import annotations

import pytest

from briefings.models import Article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/api/v1/articles/", "/api/v1/claims/", "/api/v1/search/", "/api/v1/briefings/"],
)
def test_an_invalid_year_is_a_400_naming_it(client, read_seeds, url):
    response = client.get(url, {"year": "abc"})
    assert response.status_code == 400
    assert response.json() == {
        "year": ["'abc' is not a valid value: expected a year such as 2024, or none."]
        if url != "/api/v1/briefings/"
        else ["'abc' is not a valid value: expected a year such as 2024."]
    }


def test_an_invalid_date_and_flag_are_400s(client, read_seeds):
    response = client.get(
        "/api/v1/search/", {"from": "2024-13-45", "has_claims": "maybe"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "from": ["'2024-13-45' is not a valid value: expected a date as YYYY-MM-DD."],
        "has_claims": ["'maybe' is not a valid value: expected yes or no."],
    }


def test_valid_filters_still_answer(client, read_seeds):
    undated = client.get("/api/v1/articles/", {"year": "none"}).json()["count"]
    public = Article.objects.public()
    assert undated == public.filter(briefing__published_on=None).count() > 0
    unknown = client.get("/api/v1/articles/", {"publication": "no-such-thing"})
    assert unknown.status_code == 200 and unknown.json()["count"] == 0
    search = client.get("/api/v1/search/", {"q": "data", "year": ["2023", "none"]})
    assert search.status_code == 200 and search.json()["count"] == 6


def test_the_docs_give_ids_as_integers(client, db):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    for path, operations in schema["paths"].items():
        for parameter in operations["get"].get("parameters", []):
            if parameter["in"] == "path":
                assert parameter["schema"]["type"] == "integer", path
    docs = client.get("/api/v1/docs/").content.decode()
    assert "<td><code>id</code> (required)</td><td>path</td><td>integer</td>" in docs
