"""``manage.py evaluate_import PATH --truth DIR``: score the importer against ground truth.

PATH is a text file or a folder of ``.txt`` files; each is compared with
``DIR/<stem>.json`` (the truth format of ``docs/evaluation.md``) and, where there is
one, with the full annotation of its claims in ``DIR/claims/<stem>.json``. Texts
without a truth file are reported as skipped. With a ``--min-...`` option the exit
status is 1 when a score falls below its threshold (or any claim is made of a
heading, caption or link list, cut out of a longer statement or opening with an
unresolved pronoun). Nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from briefings.importers.decode import SourceError, read_source
from briefings.importers.evaluation import ARTICLE_FIELDS, Tally, evaluate_text, scores

RECALLS = ("recall", "complete_recall", "figure_recall", "speaker_recall")
# Thresholds on the scores against the full annotation: option -> score.
FULL_THRESHOLDS = {
    "min_claim_precision": "precision",
    "min_claim_recall": "recall",
    "min_speaker_accuracy": "speaker_accuracy",
    "min_figure_precision": "figure_precision",
}
MAX_BYTES = 20 * 1024 * 1024


def text_files(path: Path) -> list[Path]:
    """The file itself, or the ``.txt`` files in a folder (recursively), sorted."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*.txt") if p.is_file())
    if path.is_file():
        return [path]
    raise CommandError(f"{path}: no such file or folder")


def read_json(path: Path) -> dict:
    """A truth file; a broken one stops the run, naming the file."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise CommandError(f"{path}: cannot read the truth file: {error}") from error


def load_truth(path: Path) -> dict:
    """A truth file, with the full annotation beside it (``claims/<stem>.json``)."""
    truth = read_json(path)
    full = path.parent / "claims" / path.name
    if full.is_file():
        truth["all_claims"] = read_json(full)["claims"]
    return truth


def full_failures(full: dict, options: dict) -> list[str]:
    """The scores against the full annotation below their thresholds, as messages."""
    found = []
    for option, name in FULL_THRESHOLDS.items():
        minimum, value = options.get(option), full[name]
        if minimum is not None and value is not None and value < minimum:
            found.append(f"full annotation {name} {value:.3f} < {minimum}")
    if any(options.get(option) is not None for option in FULL_THRESHOLDS):
        for name in ("fragments", "pronoun_starts"):
            if full[name]:
                found.append(f"{full[name]} claim(s) with {name.replace('_', ' ')}")
    return found


def failures(overall: dict, min_recall: float | None, min_precision: float | None):
    """The scores below their thresholds, as messages."""
    claims = overall["claims"]
    found = []
    if min_recall is not None:
        for name in RECALLS:
            if claims[name] is not None and claims[name] < min_recall:
                found.append(f"claims {name} {claims[name]:.3f} < {min_recall}")
    precision = claims["figure_precision"]
    if (
        min_precision is not None
        and precision is not None
        and precision < min_precision
    ):
        found.append(f"figure precision {precision:.3f} < {min_precision}")
    thresholds = min_recall is not None or min_precision is not None
    if thresholds and claims["on_headings"]:
        found.append(f"{claims['on_headings']} claim(s) on headings, captions or links")
    return found


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


class Command(BaseCommand):
    help = "Score the importer against ground-truth JSON files (precision and recall)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="a text file or a folder of .txt files")
        parser.add_argument(
            "--truth", required=True, help="folder of <stem>.json truth files"
        )
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument(
            "--min-recall",
            type=float,
            default=None,
            help="fail below this claim, complete, figure or speaker recall",
        )
        parser.add_argument(
            "--min-precision",
            type=float,
            default=None,
            help="fail below this figure precision",
        )
        for option, name in FULL_THRESHOLDS.items():
            parser.add_argument(
                "--" + option.replace("_", "-"),
                type=float,
                default=None,
                help=f"fail below this {name.replace('_', ' ')} (full annotation)",
            )

    def handle(self, *args, **options) -> None:
        truth_dir = Path(options["truth"])
        if not truth_dir.is_dir():
            raise CommandError(f"{truth_dir}: no such truth folder")
        entries, total = [], Tally()
        for path in text_files(Path(options["path"])):
            entry, tally = self.evaluate_file(path, truth_dir / f"{path.stem}.json")
            entries.append(entry)
            total = total + tally if tally else total
        overall = scores(total)
        failed = failures(overall, options["min_recall"], options["min_precision"])
        failed += full_failures(overall["full"], options)
        report = {"files": entries, "overall": overall, "failures": failed}
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            self.print_report(report)
        if failed:
            raise CommandError("below thresholds: " + "; ".join(failed), returncode=1)

    def evaluate_file(self, path: Path, truth_path: Path) -> tuple[dict, Tally | None]:
        """One text's entry for the report, and its tally (None when skipped)."""
        entry = {"path": str(path), "truth": str(truth_path)}
        if not truth_path.is_file():
            return {**entry, "status": "skipped", "reason": "no truth file"}, None
        truth = load_truth(truth_path)
        try:
            text, _ = read_source(path, MAX_BYTES)
        except (SourceError, OSError) as error:
            raise CommandError(f"{path}: cannot read: {error}") from error
        tally = evaluate_text(text, truth)
        scored = {**entry, "status": "evaluated", "scores": scores(tally)}
        return {**scored, "problems": tally.problems}, tally

    def print_report(self, report: dict) -> None:
        for entry in report["files"]:
            if entry["status"] == "skipped":
                self.stdout.write(f"skipped    {entry['path']}  ({entry['reason']})")
                continue
            self.stdout.write(f"evaluated  {entry['path']}")
            self.print_scores(entry["scores"], indent="    ")
            for problem in entry["problems"]:
                self.stdout.write(f"    ! {problem}")
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Overall"))
        self.print_scores(report["overall"], indent="  ")
        for failure in report["failures"]:
            self.stdout.write(self.style.ERROR(f"  below threshold: {failure}"))

    def print_scores(self, found: dict, indent: str) -> None:
        briefing, articles, claims = (
            found["briefing"],
            found["articles"],
            found["claims"],
        )
        lines = [
            f"briefing fields  {briefing['right']}/{briefing['compared']} right "
            f"({_fmt(briefing['accuracy'])})",
            f"articles         {articles['matched']} matched of {articles['truth']} "
            f"in the truth ({articles['found']} found)",
        ]
        for name in ARTICLE_FIELDS:
            field = articles["fields"][name]
            lines.append(
                f"  {name:<9} precision {_fmt(field['precision'])}  "
                f"recall {_fmt(field['recall'])}  accuracy {_fmt(field['accuracy'])}"
            )
        lines += [
            f"claims           {claims['found']}/{claims['truth']} found "
            f"(recall {_fmt(claims['recall'])}); complete with figure, unit and "
            f"speaker {claims['complete']}/{claims['truth']}",
            f"  figures        recall {claims['figure_found']}/{claims['with_figure']} "
            f"({_fmt(claims['figure_recall'])}); precision "
            f"{claims['figure_pairs_right']}/{claims['figure_pairs']} "
            f"({_fmt(claims['figure_precision'])})",
            f"  speakers       recall {claims['speaker_found']}/{claims['truth']} "
            f"({_fmt(claims['speaker_recall'])})",
            f"  extracted      {claims['extracted']} claims, "
            f"{_fmt(claims['per_article'])} per article, "
            f"{claims['on_headings']} on headings, captions or link lists",
        ]
        full = found["full"]
        if full["annotated"]:
            lines += [
                f"full annotation  {full['found']}/{full['annotated']} claims found "
                f"(recall {_fmt(full['recall'])}); {full['right']}/{full['extracted']} "
                f"extracted are claims (precision {_fmt(full['precision'])})",
                f"  speakers       accuracy {_fmt(full['speaker_accuracy'])}; kinds "
                f"accuracy {_fmt(full['kind_accuracy'])}",
                f"  figures        recall {full['figures_found']}/"
                f"{full['figures_annotated']} ({_fmt(full['figure_recall'])}); "
                f"precision {full['figures_right']}/{full['figures_extracted']} "
                f"({_fmt(full['figure_precision'])})",
                f"  whole claims   {full['fragments']} fragments of longer statements, "
                f"{full['pronoun_starts']} opening with an unresolved pronoun",
            ]
        for line in lines:
            self.stdout.write(f"{indent}{line}")
