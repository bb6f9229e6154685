"""Forms for the editors' admin.

``CurationForm`` keeps a stored text exactly as it was when the editor left it alone:
browsers send a textarea's newlines as CRLF and form fields strip whitespace, which
the importer's three-way merge would otherwise take for an edit (and then stop
updating that field from the source).
"""

from __future__ import annotations

from django import forms
from django.core.validators import URLValidator

from ..models import Article, ArticleTopic, Claim, Topic
from ..serialize import ITEM_FIELDS


def same_text(submitted: str, stored: str) -> bool:
    """Whether a submitted value is the stored one up to newlines and edge spaces."""

    def normal(text: str) -> str:
        return text.replace("\r\n", "\n").strip()

    return normal(submitted) == normal(stored)


class CurationForm(forms.ModelForm):
    """A ModelForm that only changes the text fields an editor really changed."""

    def clean(self) -> dict:
        cleaned = super().clean()
        for name, field in self.fields.items():
            # A list field the editor left alone keeps its stored value exactly.
            unchanged = name not in self.changed_data and name in self.initial
            if isinstance(field, RowsField) and unchanged and name in cleaned:
                cleaned[name] = self.initial[name]
        for name, value in cleaned.items():
            if not isinstance(value, str):
                continue
            stored = self.initial.get(name)
            if isinstance(stored, str) and same_text(value, stored):
                cleaned[name] = stored
            else:
                cleaned[name] = value.replace("\r\n", "\n")
        return cleaned


class URLListField(forms.Field):
    """A list of http(s) URLs, edited one per line."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 80})
    validator = URLValidator(schemes=["http", "https"])

    def prepare_value(self, value) -> str:
        return "\n".join(value) if isinstance(value, list) else value or ""

    def to_python(self, value) -> list[str]:
        if isinstance(value, list):
            return value
        return [line.strip() for line in (value or "").splitlines() if line.strip()]

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        bad = []
        for url in value:
            try:
                self.validator(url)
            except forms.ValidationError:
                bad.append(url)
        if bad:
            raise forms.ValidationError(f"Not a web address: {', '.join(bad)}")

    def has_changed(self, initial, data) -> bool:
        return self.to_python(initial) != self.to_python(data)


class RowsField(forms.Field):
    """A list edited as text rows in a textarea, validated row by row."""

    def __init__(self, *, rows: int = 4, **kwargs) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows, "cols": 80}))
        super().__init__(**kwargs)

    def has_changed(self, initial, data) -> bool:
        try:
            return self.to_python(initial) != self.to_python(data)
        except forms.ValidationError:
            return True


class LinesField(RowsField):
    """A list of texts, one per line (subheadings, alternate titles)."""

    max_chars = 500

    def prepare_value(self, value) -> str:
        return "\n".join(value) if isinstance(value, list) else value or ""

    def to_python(self, value) -> list[str]:
        if isinstance(value, list):
            return value
        lines = [line.strip() for line in (value or "").splitlines()]
        lines = [line for line in lines if line]
        too_long = [n for n, line in enumerate(lines, 1) if len(line) > self.max_chars]
        if too_long:
            raise forms.ValidationError(
                f"Line {too_long[0]} is longer than {self.max_chars} characters."
            )
        return lines


# How an item or link reads as rows: "Key: value" lines, a blank line between items.
ITEM_KEYS = {
    "title": "Title",
    "url": "Address",
    "label": "Label",
    "authors": "Authors",
    "description": "Description",
}
ITEMS_HELP = (
    "One item per group of lines, a blank line between items. Each line is "
    "<em>Key: value</em> with the keys Title (required), Address (a web address), "
    "Label, Authors (separated by semicolons) and Description."
)


class ItemsField(RowsField):
    """Listed items or source links ({title, url, label, authors, description}),
    edited as "Key: value" rows, an item per group of lines."""

    url_validator = URLValidator(schemes=["http", "https"])

    def prepare_value(self, value) -> str:
        if not isinstance(value, list):
            return value or ""
        return "\n\n".join(item_rows(item) for item in value)

    def to_python(self, value) -> list[dict]:
        if isinstance(value, list):
            return value
        items, errors = [], []
        blocks = [b for b in (value or "").replace("\r\n", "\n").split("\n\n")]
        for number, block in enumerate((b for b in blocks if b.strip()), 1):
            item, problems = self.read_item(block)
            errors += [f"Item {number}: {problem}" for problem in problems]
            items.append(item)
        if errors:
            raise forms.ValidationError(errors)
        return items

    def read_item(self, block: str) -> tuple[dict, list[str]]:
        keys = {label.lower(): name for name, label in ITEM_KEYS.items()}
        item: dict = {name: None for name in ITEM_FIELDS} | {"authors": []}
        problems = []
        for line in block.strip().splitlines():
            key, colon, text = line.partition(":")
            name = keys.get(key.strip().lower())
            if not colon or name is None:
                problems.append(
                    f"“{line.strip()[:60]}” does not start with Title:, Address:, "
                    "Label:, Authors: or Description:."
                )
                continue
            text = text.strip()
            if name == "authors":
                item[name] = [a.strip() for a in text.split(";") if a.strip()]
            else:
                item[name] = text or None
        if not item["title"]:
            problems.append("a Title: line is required.")
        if item["url"] and item["url"] != "#":
            try:
                self.url_validator(item["url"])
            except forms.ValidationError:
                problems.append(f"“{item['url'][:60]}” is not a web address.")
        return item, problems


def item_rows(item: dict) -> str:
    """An item as the rows ItemsField reads back."""
    rows = []
    for name, label in ITEM_KEYS.items():
        value = item.get(name)
        if name == "authors":
            value = "; ".join(value or [])
        if value:
            rows.append(f"{label}: {value}")
    return "\n".join(rows)


class ArticleForm(CurationForm):
    """An article's list fields as rows of text instead of raw JSON."""

    alternate_titles = LinesField(
        rows=2, help_text="Other titles the source gives this article, one per line."
    )
    subheadings = LinesField(
        rows=4,
        help_text="One per line; each must be a paragraph of the body, as written.",
    )
    items = ItemsField(rows=8, help_text=ITEMS_HELP)
    links = ItemsField(rows=8, help_text=ITEMS_HELP)

    class Meta:
        model = Article
        fields = ("alternate_titles", "subheadings", "items", "links")  # + fieldsets

    def clean(self) -> dict:
        cleaned = super().clean()
        body = cleaned.get("body")
        if body is not None and "subheadings" in self.changed_data:
            paragraphs = {part.strip() for part in body.split("\n\n")}
            missing = [s for s in cleaned.get("subheadings", []) if s not in paragraphs]
            if missing:
                self.add_error(
                    "subheadings",
                    f"Not a paragraph of the body: “{missing[0][:80]}”. A subheading "
                    "must stand on its own in the body, as written there.",
                )
        return cleaned


class ClaimForm(CurationForm):
    evidence_links = URLListField(
        required=False,
        help_text="Web addresses of sources that bear out or refute the claim, "
        "one per line.",
    )

    class Meta:
        model = Claim
        fields = (
            "article",
            "text",
            "kind",
            "speaker",
            "speaker_role",
            "status",
            "review_note",
            "evidence_links",
            "is_published",
        )


class ArticleTopicForm(forms.ModelForm):
    """A topic link an editor adds or changes becomes manual: re-tagging keeps it."""

    class Meta:
        model = ArticleTopic
        fields = ("topic", "score", "is_manual")

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.has_changed() and "is_manual" not in self.changed_data:
            cleaned["is_manual"] = True
        return cleaned


class TopicMergeForm(forms.Form):
    """The intermediate page of "Merge selected topics into…": the topic that stays
    is one of those selected (the others go into it)."""

    target = forms.ModelChoiceField(
        queryset=Topic.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Merge into",
        help_text="The topic that stays. The others redirect to it.",
    )

    def __init__(self, *args, topics=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        chosen = Topic.objects.filter(merged_into=None)
        if topics is not None:
            chosen = chosen.filter(pk__in=[topic.pk for topic in topics])
        self.fields["target"].queryset = chosen.order_by("name")
