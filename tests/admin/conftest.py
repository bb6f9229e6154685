"""The workbench's tests use the editors' fixtures (an editor, a logged-in client,
one imported source file)."""

from tests.curation.conftest import editor, editor_client, source_file  # noqa: F401
