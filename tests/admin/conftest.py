"""The editors' fixtures (an editor made with ``create_editor``, logged in, and one
imported source file)."""

from tests.curation.conftest import editor, editor_client, source_file  # noqa: F401
