"""Ground truth for the seeds (tests/truth/*.json) and how parsed output is compared.

Texts are compared as docs/evaluation.md says: Unicode NFKC, straight quotes for
curly ones, collapsed white space and case folding. The comparison itself lives in
``briefings.importers.evaluation`` (one implementation for the tests and ``evaluate_import``).
"""

from __future__ import annotations

import json
from pathlib import Path

from briefings.importers.evaluation import (
    claim_matches,
    same_names,
    same_text,
    same_value,
)

__all__ = [
    "ROOT",
    "SEEDS_DIR",
    "SEED_STEMS",
    "TRUTH_DIR",
    "claim_matches",
    "load_all_claims",
    "load_truth",
    "same_names",
    "same_text",
    "same_value",
    "seed_text",
]

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
TRUTH_DIR = Path(__file__).resolve().parent / "truth"
SEED_STEMS = sorted(path.stem for path in TRUTH_DIR.glob("*.json"))


def load_truth(stem: str) -> dict:
    return json.loads((TRUTH_DIR / f"{stem}.json").read_text(encoding="utf-8"))


def load_all_claims(stem: str) -> list[dict]:
    """Every claim of a seed, annotated with kind, speaker and figures."""
    path = TRUTH_DIR / "claims" / f"{stem}.json"
    return json.loads(path.read_text(encoding="utf-8"))["claims"]


def seed_text(stem: str) -> str:
    return (SEEDS_DIR / f"{stem}.txt").read_text(encoding="utf-8")
