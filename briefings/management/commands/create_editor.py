"""``manage.py create_editor USERNAME``: a staff user in the Editors group.

The password comes from ``--password``, else a prompt, else (``--no-input``) the
``DJANGO_EDITOR_PASSWORD`` environment variable. Editors reach the admin and curate
the archive; they cannot delete briefings or manage users (see migration 0006).
"""

from __future__ import annotations

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

EDITORS_GROUP = "Editors"
PASSWORD_ENV = "DJANGO_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = "Create a staff user in the Editors group."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="the editor's email address")
        parser.add_argument(
            "--password", help=f"the password (else a prompt, or ${PASSWORD_ENV})"
        )
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help=f"never prompt: the password comes from ${PASSWORD_ENV}",
        )

    def handle(self, *args, username: str, **options) -> None:
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(
                f"user {username!r} already exists; add it to the {EDITORS_GROUP} "
                "group in the admin instead"
            )
        group = Group.objects.filter(name=EDITORS_GROUP).first()
        if group is None:
            raise CommandError(f"no {EDITORS_GROUP} group: run `manage.py migrate`")
        password = self.password(options)
        user = User(username=username, email=options["email"], is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("password: " + " ".join(error.messages)) from None
        user.set_password(password)
        with transaction.atomic():
            user.save()
            user.groups.add(group)
        self.stdout.write(f"Created editor {username!r} (staff, {EDITORS_GROUP}).")

    def password(self, options: dict) -> str:
        """The password from the option, the environment or a prompt."""
        if options["password"]:
            return options["password"]
        if not options["interactive"]:
            password = os.environ.get(PASSWORD_ENV, "")
            if not password:
                raise CommandError(f"--no-input needs ${PASSWORD_ENV} set")
            return password
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("the passwords do not match")
        if not password:
            raise CommandError("the password may not be empty")
        return password
