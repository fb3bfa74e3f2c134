"""`redactphi keys create|rotate|list`: manage a keyring file. Secrets are never printed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .errors import RedactPHIError
from .keys import Keyring

__all__ = ["keys_app"]

keys_app = typer.Typer(
    name="keys",
    help="Create, rotate and list the keys of a keyring file (mode 0600).",
    no_args_is_help=True,
)

KeyringPath = Annotated[Path, typer.Option("--keyring", help="Keyring file.")]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"redactphi: error: {message}", err=True)
    return typer.Exit(2)


@keys_app.command("create")
def create(keyring: KeyringPath) -> None:
    """Create a keyring file with one new key (refuses to overwrite)."""
    try:
        ring = Keyring.create(keyring)
    except (RedactPHIError, OSError) as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"created {keyring} with key {ring.active.key_id}")


@keys_app.command("rotate")
def rotate(keyring: KeyringPath) -> None:
    """Add a new active key; older keys stay to decrypt what they protected."""
    try:
        ring = Keyring.load(keyring)
        key = ring.rotate()
        ring.save()
    except (RedactPHIError, OSError) as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"rotated {keyring}: active key is now {key.key_id}")


@keys_app.command("list")
def list_keys(keyring: KeyringPath) -> None:
    """Key ids and creation times, the active key marked."""
    try:
        ring = Keyring.load(keyring)
    except RedactPHIError as exc:
        raise _fail(str(exc)) from None
    for key in ring:
        marker = "  active" if key.key_id == ring.active.key_id else ""
        typer.echo(f"{key.key_id}  {key.created_at.isoformat()}{marker}")
