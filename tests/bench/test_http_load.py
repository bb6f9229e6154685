"""The load client's arithmetic: percentiles, summaries, medians of repetitions."""

from __future__ import annotations

import math

import pytest

from bench.http_load import median_of, percentile, summarize


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        ([5.0], 95, 5.0),
        ([1.0, 2.0, 3.0, 4.0], 50, 2.5),
        ([1.0, 2.0, 3.0, 4.0, 5.0], 50, 3.0),
        (list(map(float, range(1, 101))), 95, 95.05),
        (list(map(float, range(1, 101))), 99, 99.01),
        ([3.0, 1.0, 2.0], 0, 1.0),
        ([3.0, 1.0, 2.0], 100, 3.0),
    ],
)
def test_percentile_interpolates_between_closest_ranks(values, p, expected):
    assert percentile(values, p) == pytest.approx(expected)


def test_percentile_of_nothing_is_nan():
    assert math.isnan(percentile([], 50))


def test_summary_is_in_milliseconds_with_requests_per_second():
    summary = summarize([0.010, 0.020, 0.030, 0.040], 0.5, ["/x: HTTP 500"])
    assert summary["requests"] == 4
    assert summary["rps"] == 8.0
    assert summary["p50_ms"] == 25.0
    assert summary["max_ms"] == 40.0
    assert summary["errors"] == 1
    assert summary["error_examples"] == ["/x: HTTP 500"]


def test_median_of_repetitions_takes_each_statistic_alone_and_sums_errors():
    runs = [
        summarize([0.010, 0.100], 1.0, []),
        summarize([0.030, 0.020], 2.0, ["/a: no results"]),
        summarize([0.050, 0.060], 4.0, []),
    ]
    result = median_of(runs)
    assert result["seconds"] == 2.0
    assert result["rps"] == 1.0
    assert result["p50_ms"] == 55.0  # of 55, 25 and 55
    assert result["max_ms"] == 60.0
    assert result["errors"] == 1
    assert result["requests"] == 6
    assert result["repetitions"] == 3
