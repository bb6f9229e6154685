"""Ground truth for the seeds (tests/truth/*.json) and how parsed output is compared.

Texts are compared as the shared seeds README says: Unicode NFKC, straight quotes for
curly ones, collapsed white space and case folding.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from briefings.importers.text import comparable

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
TRUTH_DIR = Path(__file__).resolve().parent / "truth"
SEED_STEMS = sorted(path.stem for path in TRUTH_DIR.glob("*.json"))


def load_truth(stem: str) -> dict:
    return json.loads((TRUTH_DIR / f"{stem}.json").read_text(encoding="utf-8"))


def seed_text(stem: str) -> str:
    return (SEEDS_DIR / f"{stem}.txt").read_text(encoding="utf-8")


def same_text(a: str | None, b: str | None) -> bool:
    return comparable(a) == comparable(b)


def same_names(found: list[str], expected: list[str]) -> bool:
    return [comparable(n) for n in found] == [comparable(n) for n in expected]


def same_value(found: float, expected: float) -> bool:
    return math.isclose(float(found), float(expected), rel_tol=1e-9, abs_tol=1e-9)


def claim_matches(claim: dict, truth_claim: dict) -> bool:
    """Whether a report claim (``{"text", "speaker", "figures"}``) is the truth claim."""
    if comparable(truth_claim["contains"]) not in comparable(claim["text"]):
        return False
    if not same_text(claim.get("speaker"), truth_claim.get("speaker")):
        return False
    figure = truth_claim.get("figure")
    if figure is None:
        return True
    return any(
        same_value(found["value"], figure["value"]) and found["unit"] == figure["unit"]
        for found in claim["figures"]
    )
