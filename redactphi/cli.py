"""The `redactphi` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .errors import RedactPHIError

__all__ = ["app", "main"]

app = typer.Typer(
    name="redactphi",
    help="Remove HIPAA PHI from clinical notes while keeping the clinical content.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="RedactPHI analysis config YAML (default: built in).")
]
ModelOption = Annotated[
    str | None, typer.Option("--model", help="Installed spaCy pipeline to use instead of the configured one.")
]


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"redactphi: error: {message}", err=True)
    return typer.Exit(code)


def _build_redactor(
    config: Path | None, model: str | None, keyring: Any = None, vault: Any = None
) -> Any:
    from .configuration import RedactorConfig
    from .redactor import Redactor

    cfg = RedactorConfig.from_yaml(config) if config else RedactorConfig.default()
    if model:
        cfg = cfg.model_copy(update={"model": model})
    return Redactor(cfg, keyring=keyring, vault=vault)


def _read_input(source: str) -> str:
    from .documents import read_document

    if source == "-":
        return read_document(sys.stdin.buffer.read(), "stdin.txt")
    path = Path(source)
    if not path.is_file():
        raise _fail(f"no such file: {source}")
    return read_document(path.read_bytes(), path.name)


def _write_output(text: str, output: Path | None) -> None:
    # Bytes, not text mode: line endings and every character go out exactly as they are.
    data = text.encode("utf-8", "surrogatepass")
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    tmp = output.with_name(output.name + ".partial")
    tmp.write_bytes(data)
    tmp.replace(output)


PolicyOption = Annotated[
    str,
    typer.Option("--policy", help="Preset (tag, mask, pseudonym, surrogate, vault, encrypt) or YAML."),
]
ScopeOption = Annotated[
    str | None, typer.Option("--scope", help="Consistency scope, e.g. a patient or batch id.")
]
KeyringOption = Annotated[
    Path | None, typer.Option("--keyring", help="Keyring file (else $REDACTPHI_KEYRING, if set).")
]
VaultOption = Annotated[
    str | None, typer.Option("--vault", help="Token vault: SQLite path or URL, or postgresql:// URL.")
]


def _keyring(path: Path | None, needed: bool) -> Any:
    import os

    from .keys import ENV_VAR, Keyring

    if path is not None:
        return Keyring.load(path)
    if os.environ.get(ENV_VAR):
        return Keyring.from_env(os.environ)
    if needed:
        raise _fail(f"this needs a keyring: pass --keyring PATH or set {ENV_VAR}")
    return None


def _vault(url: str | None, keyring_path: Path | None, needed: bool) -> Any:
    from .vault import TokenVault

    if url is None and needed:
        if keyring_path is None:
            raise _fail("this needs a token vault: pass --vault URL")
        # The default vault is a SQLite file beside the keyring that protects it.
        url = str(keyring_path.with_name("redactphi-vault.sqlite3"))
    return TokenVault(url) if url is not None else None


@app.command()
def redact(
    source: Annotated[str, typer.Argument(help="Note file, or - for standard input.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    policy: PolicyOption = "tag",
    scope: ScopeOption = None,
    keyring: KeyringOption = None,
    vault: VaultOption = None,
    config: ConfigOption = None,
    model: ModelOption = None,
) -> None:
    """Redact one note and print (or write) the redacted text."""
    from .policies import load_policy

    try:
        chosen = load_policy(policy, allow_files=True)
        ring = _keyring(keyring, chosen.needs_keyring)
        token_vault = _vault(vault, keyring, chosen.needs_vault)
        text = _read_input(source)
        redactor = _build_redactor(config, model, ring, token_vault)
        result = redactor.redact(text, policy=chosen, scope=scope)
    except RedactPHIError as exc:
        raise _fail(str(exc)) from None
    _write_output(result.text, output)


@app.command()
def reidentify(
    source: Annotated[str, typer.Argument(help="Redacted file (vault or encrypt tokens), or -.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    scope: ScopeOption = None,
    keyring: KeyringOption = None,
    vault: VaultOption = None,
) -> None:
    """Restore the original text of a vault or encrypt redaction, byte for byte."""
    from .reidentification import reidentify as restore
    from .tokens import VAULT_TOKEN

    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError:
        raise _fail(f"cannot read {source}") from None
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        raise _fail("redacted input must be UTF-8 (as redactphi writes it)") from None
    try:
        ring = _keyring(keyring, True)
        token_vault = _vault(vault, keyring, VAULT_TOKEN.search(text) is not None)
        restored = restore(text, keyring=ring, vault=token_vault, scope=scope)
    except RedactPHIError as exc:
        raise _fail(str(exc)) from None
    _write_output(restored, output)


@app.command()
def analyze(
    source: Annotated[str, typer.Argument(help="Note file, or - for standard input.")],
    config: ConfigOption = None,
    model: ModelOption = None,
) -> None:
    """Print the findings as JSON: types, offsets, scores, recognizers; never note text."""
    try:
        text = _read_input(source)
        findings = _build_redactor(config, model).analyze(text)
    except RedactPHIError as exc:
        raise _fail(str(exc)) from None
    json.dump([f.to_dict() for f in findings], sys.stdout, indent=2)
    sys.stdout.write("\n")


@app.command("eval")
def eval_command(
    corpora: Annotated[list[Path], typer.Argument(help="Annotated JSONL corpora.")],
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the full report (with missed spans) here.")] = None,
    engine: Annotated[str, typer.Option(help="redactphi, presidio (vanilla baseline) or both.")] = "redactphi",
    show_missed: Annotated[int, typer.Option(help="Print up to N missed spans per corpus.")] = 0,
    config: ConfigOption = None,
    model: ModelOption = None,
) -> None:
    """Score detection on annotated corpora and print the table."""
    from .evaluation import evaluate, format_table, load_corpus

    if engine not in {"redactphi", "presidio", "both"}:
        raise _fail("--engine must be redactphi, presidio or both")
    try:
        loaded = [(p.name, load_corpus(p)) for p in corpora]
    except (OSError, RedactPHIError) as exc:
        raise _fail(str(exc)) from None
    engines: list[tuple[str, Any]] = []
    try:
        if engine in {"redactphi", "both"}:
            redactor = _build_redactor(config, model)
            engines.append(("redactphi", lambda texts: ([(f.start, f.end) for f in fs] for fs in redactor.analyze_batch(texts))))
        if engine in {"presidio", "both"}:
            from .baseline import vanilla_presidio_predictor

            engines.append(("presidio", vanilla_presidio_predictor(model)))
    except RedactPHIError as exc:
        raise _fail(str(exc)) from None
    reports = [(name, evaluate(corpus, docs, predict)) for name, predict in engines for corpus, docs in loaded]
    typer.echo(format_table(reports))
    if show_missed:
        for name, r in reports:
            for m in r.missed[:show_missed]:
                typer.echo(f"  missed [{name}] {r.corpus} {m['doc']} {m['label']}: {m['text']!r}")
    if json_out:
        json_out.write_text(json.dumps([{"engine": n, **r.to_dict()} for n, r in reports], indent=2))


from .keys_cli import keys_app  # noqa: E402  (registered after the commands above)

app.add_typer(keys_app)


def main() -> None:
    """Entry point of the `redactphi` script."""
    app()
