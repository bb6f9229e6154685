"""Forms for the editors' admin.

``CurationForm`` keeps a stored text exactly as it was when the editor left it alone:
browsers send a textarea's newlines as CRLF and form fields strip whitespace, which
the importer's three-way merge would otherwise take for an edit (and then stop
updating that field from the source).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.validators import URLValidator

from ..models import ArticleTopic, Claim, Topic


def same_text(submitted: str, stored: str) -> bool:
    """Whether a submitted value is the stored one up to newlines and edge spaces."""

    def normal(text: str) -> str:
        return text.replace("\r\n", "\n").strip()

    return normal(submitted) == normal(stored)


class CurationForm(forms.ModelForm):
    """A ModelForm that only changes the text fields an editor really changed."""

    def clean(self) -> dict:
        cleaned = super().clean()
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
    """The intermediate page of "Merge selected topics into…": choose the target."""

    target = forms.ModelChoiceField(
        queryset=Topic.objects.filter(merged_into=None),
        help_text="The topic that stays. The others redirect to it.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        target = self.fields["target"]
        target.widget = AutocompleteSelect(
            Topic._meta.get_field("parent"), admin.site, choices=target.choices
        )
