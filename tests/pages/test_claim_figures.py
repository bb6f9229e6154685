"""A claim page shows its figures as readers read them."""

from __future__ import annotations

from briefings.models import Claim


def test_claim_page_shows_figures_without_trailing_zeros(client, read_seeds):
    claim = Claim.objects.get(text__contains="surging to 21.3 percent in June")
    html = client.get(claim.get_absolute_url()).content.decode()
    assert "21.3 %" in html and "21.3000" not in html
    assert "refers to June 2023" in html


def test_claim_page_shows_a_rate_in_words(client, read_seeds):
    claim = Claim.objects.get(text__contains="RMB 12–14/hour")
    html = client.get(claim.get_absolute_url()).content.decode()
    assert "12–14 CNY per hour" in html
    assert "6,000–8,000 CNY per month" in html
