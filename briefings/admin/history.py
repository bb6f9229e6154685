"""History in the workbench: every save carries a reason, the history list speaks
in field labels, and a revert runs the review checks again.

django-simple-history records who and when; the reason is ours to give. An editor's
save names the fields it changed, a revert names the version it went back to (and
reopens the review items whose problem it brought back), inline rows share their
page's reason. Bulk actions and imports give theirs in ``curation/editing.py`` and
``importers/load.py``.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.utils import formats
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from ..curation import review
from .common import RESOLVE_FIELD

EMPTY = "(empty)"


class LabelledChanges(HistoricalRecordContextHelper):
    """A version's changes under field labels, with "(empty)" for no value rather
    than "None", and lists one item a line."""

    def prepare_delta_change_value(self, change, value):
        if value in (None, "", [], {}):
            return EMPTY
        if isinstance(value, list):
            return "; ".join(
                str(item.get("title", item)) if isinstance(item, dict) else str(item)
                for item in value
            )
        return super().prepare_delta_change_value(change, value)


def field_label(model, name: str) -> str:
    try:
        return capfirst(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a method or a history-only column: its name
        return capfirst(name.replace("_", " "))


def reverted_version(request, record):
    """The version a revert goes back to, or None when this save is no revert."""
    version_id = getattr(request, "reverting_version", None)
    if version_id is None or not str(version_id).isdigit():
        return None
    return record.history.filter(history_id=int(version_id)).first()


def really_changed(form) -> list[str]:
    """The fields whose value changed: a text the browser only resent with other
    newlines is kept as stored (``CurationForm``), so it is no change."""
    return [
        name
        for name in form.changed_data
        if not (
            isinstance(form.initial.get(name), str)
            and form.cleaned_data.get(name) == form.initial.get(name)
        )
    ]


def edit_reason(model, changed: list[str], *, resolving: bool = False) -> str:
    labels = [field_label(model, name).lower() for name in changed]
    reason = "Edited in the admin" + (f": {', '.join(labels)}" if labels else "")
    return reason + ("; resolves a review item" if resolving else "")


class ArchiveHistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin with reasons, labels and revert checks (see above)."""

    def get_historical_record_context_helper(self, request, historical_record):
        return LabelledChanges(self.model, historical_record)

    def history_view(self, request, object_id, extra_context=None):
        columns = [
            (name, field_label(self.model, name))
            for name in self.get_history_list_display(request)
        ]
        context = {"history_columns": columns, **(extra_context or {})}
        return super().history_view(request, object_id, extra_context=context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":  # a revert: save_model names the version
            request.reverting_version = version_id
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change) -> None:
        version = reverted_version(request, obj) if change else None
        if version is not None:
            when = formats.date_format(version.history_date, "j F Y, H:i")
            obj._change_reason = f"Reverted to the version of {when}"
        elif change:
            resolving = bool(request.POST.get(RESOLVE_FIELD))
            obj._change_reason = edit_reason(
                self.model, really_changed(form), resolving=resolving
            )
        else:
            obj._change_reason = "Added in the admin"
        super().save_model(request, obj, form, change)
        if version is not None and hasattr(obj, "review_items"):
            reopened = review.recheck(obj)
            if reopened:
                self.message_user(
                    request,
                    "The revert brought back a problem; its review item is open "
                    f"again: {', '.join(sorted(reopened))}.",
                )

    def save_formset(self, request, form, formset, change) -> None:
        """Inline rows are saved with the page's reason."""
        reason = getattr(form.instance, "_change_reason", None) or edit_reason(
            self.model, []
        )
        for row in formset.forms:
            if row.has_changed():
                row_name = formset.model._meta.verbose_name
                row.instance._change_reason = f"{reason} (a {row_name} row)"
        super().save_formset(request, form, formset, change)
