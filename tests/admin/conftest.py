"""The editors' fixtures (an editor made with ``create_editor``, logged in)."""

from tests.curation.conftest import editor, editor_client  # noqa: F401
