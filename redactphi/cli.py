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


FactoryOption = Annotated[
    str | None,
    typer.Option(
        "--redactor-factory",
        help="MODULE:FUNCTION returning the Redactor each worker uses (custom engine or keys).",
    ),
]


def _audit_callback(url: str | None) -> Any:
    # The audit log lives in redactphi.audit (service work); batch only needs its append.
    if url is None:
        return None
    import importlib

    try:
        audit = importlib.import_module("redactphi.audit")
        storage = importlib.import_module("redactphi.storage")
    except ImportError:
        raise _fail("--audit-db needs redactphi.audit, which this build does not include") from None
    log = audit.AuditLog(storage.create_engine_for(url))
    return lambda record: log.append(audit.AuditEvent(**record.audit_fields()))


@app.command()
def batch(
    in_dir: Annotated[
        Path, typer.Argument(help="Folder of notes (.txt, .docx, .pdf, .rtf), read recursively.")
    ],
    out_dir: Annotated[
        Path, typer.Argument(help="Output folder; the input tree is mirrored here as text.")
    ],
    policy: Annotated[
        str, typer.Option(help="Redaction policy (tag, mask, pseudonym, surrogate, ...).")
    ] = "tag",
    scope_from: Annotated[
        str | None,
        typer.Option("--scope-from", help="Patient scope: folder, regex:PATTERN or csv:PATH."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=0, help="Worker processes (default: CPU cores; 0: in this process)."),
    ] = None,
    glob: Annotated[
        str | None,
        typer.Option("--glob", help="Only files matching (name, or relative path if it has a /)."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Analyse and count; write nothing.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar; summary as one JSON line.")
    ] = False,
    audit_db: Annotated[
        str | None, typer.Option("--audit-db", help="Audit store URL: one record per file, no PHI.")
    ] = None,
    config: ConfigOption = None,
    model: ModelOption = None,
    redactor_factory: FactoryOption = None,
    keyring: KeyringOption = None,
    vault: VaultOption = None,
) -> None:
    """Redact a folder of notes in parallel, resumably (exit 0: all done, 1: some failed;
    failures are listed in OUT_DIR/_redactphi/report.jsonl)."""
    from concurrent.futures.process import BrokenProcessPool

    from .batch import BatchOptions, parse_scope_source, run_batch
    from .batch.progress import RichBatchProgress, summary_table
    from .logs import configure_logging

    # The progress bar owns the terminal; in quiet mode the JSON log lines are the output.
    configure_logging("ERROR" if not quiet else "INFO")
    try:
        options = BatchOptions(
            in_dir=in_dir,
            out_dir=out_dir,
            policy=policy,
            scope=parse_scope_source(scope_from),
            workers=workers,
            pattern=glob,
            dry_run=dry_run,
            redactor=_redactor_spec(config, model, redactor_factory, keyring, vault),
        )
        summary = run_batch(
            options,
            progress=None if quiet else RichBatchProgress(),
            on_file_done=_audit_callback(audit_db),
        )
    except RedactPHIError as exc:
        raise _fail(str(exc)) from None
    except BrokenProcessPool:
        message = "a worker process died (out of memory?); rerun the same command to resume"
        raise _fail(message, 3) from None
    if quiet:
        typer.echo(json.dumps(summary.to_dict(), sort_keys=True))
    else:
        from rich.console import Console

        Console().print(summary_table(summary))
        if summary.failed:
            report = out_dir / "_redactphi" / "report.jsonl"
            typer.echo(f"{summary.failed} file(s) failed; see {report}", err=True)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def spark(
    source: Annotated[
        str, typer.Argument(help="Input folder of notes, or Parquet table (path or URI).")
    ],
    dest: Annotated[str, typer.Argument(help="Output folder (text) or Parquet table.")],
    input_format: Annotated[str, typer.Option(help="text (note files) or parquet.")] = "text",
    text_column: Annotated[
        str, typer.Option(help="Parquet: the column holding note text.")
    ] = "text",
    id_column: Annotated[str, typer.Option(help="Parquet: the column naming each note.")] = "id",
    output_format: Annotated[
        str | None, typer.Option(help="text or parquet (default: as the input).")
    ] = None,
    policy: Annotated[str, typer.Option(help="Redaction policy.")] = "tag",
    scope_from: Annotated[
        str | None,
        typer.Option(
            "--scope-from", help="folder, regex:PATTERN, csv:PATH or column:NAME (Parquet)."
        ),
    ] = None,
    glob: Annotated[
        str | None, typer.Option("--glob", help="Text input: only file names matching.")
    ] = None,
    master: Annotated[
        str | None,
        typer.Option(help="Spark master, e.g. local[2] (default: spark-submit's, or local[*])."),
    ] = None,
    partitions: Annotated[
        int | None, typer.Option(min=1, help="Partitions (default: 4 per core).")
    ] = None,
    config: ConfigOption = None,
    model: ModelOption = None,
    redactor_factory: FactoryOption = None,
    keyring: KeyringOption = None,
    vault: VaultOption = None,
) -> None:
    """Redact notes on Apache Spark (pip install 'redactphi[spark]'); same policies and
    scopes as `batch`, same output (exit 0: all done, 1: some failed)."""
    from .batch import parse_scope_source
    from .spark_job import SparkJobOptions, run_spark_job

    try:
        options = SparkJobOptions(
            source=source,
            dest=dest,
            input_format=input_format,
            output_format=output_format or input_format,
            text_column=text_column,
            id_column=id_column,
            policy=policy,
            scope=parse_scope_source(scope_from),
            pattern=glob,
            partitions=partitions,
            redactor=_redactor_spec(config, model, redactor_factory, keyring, vault),
        )
        summary = run_spark_job(options, master=master)
    except RedactPHIError as exc:
        raise _fail(str(exc)) from None
    typer.echo(json.dumps(summary.to_dict(), sort_keys=True))
    if summary.failed:
        raise typer.Exit(1)


from .keys_cli import keys_app  # noqa: E402  (registered after the commands above)

app.add_typer(keys_app)

# --- service, API keys and audit log -------------------------------------------------

DataDirOption = Annotated[
    Path,
    typer.Option(
        "--data-dir", envvar="REDACTPHI_DATA_DIR", help="Holds redactphi.db (audit log, API keys)."
    ),
]
DatabaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        envvar="REDACTPHI_DATABASE_URL",
        help="sqlite:///... or postgresql://... (default: SQLite in the data directory).",
        show_default=False,
    ),
]
_DEFAULT_DATA_DIR = Path("./redactphi-data")

apikey_app = typer.Typer(
    help="Create, list and revoke the service's API keys.", no_args_is_help=True
)
audit_app = typer.Typer(help="Verify and export the hash-chained audit log.", no_args_is_help=True)
app.add_typer(apikey_app, name="apikey")
app.add_typer(audit_app, name="audit")


def _engine(data_dir: Path, database_url: str | None, *, existing: bool = False) -> Any:
    from .storage import DATABASE_FILENAME, create_engine_for, sqlite_url_for

    if database_url is None and existing and not (data_dir / DATABASE_FILENAME).is_file():
        # Reading a mistyped data directory must not look like an empty, valid log.
        raise _fail(f"no RedactPHI database in {str(data_dir)!r} (see --data-dir)")
    try:
        return create_engine_for(database_url or sqlite_url_for(data_dir))
    except RedactPHIError as exc:
        raise _fail(str(exc)) from None


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    workers: Annotated[
        int, typer.Option(help="Worker processes (each loads the model).", min=1)
    ] = 1,
    data_dir: DataDirOption = _DEFAULT_DATA_DIR,
) -> None:
    """Start the HTTP service (settings from REDACTPHI_* environment variables)."""
    from pydantic import ValidationError

    try:
        from redactphi_service.server import serve as run_service

        run_service(host=host, port=port, workers=workers, data_dir=data_dir)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}" for e in exc.errors()
        )
        raise _fail(f"invalid settings: {problems}") from None
    except RedactPHIError as exc:
        raise _fail(str(exc)) from None


@apikey_app.command("create")
def apikey_create(
    name: Annotated[str, typer.Option("--name", help="Who or what uses the key.")],
    scopes: Annotated[
        str, typer.Option("--scopes", help="Comma list of redact, reidentify, audit.")
    ] = "redact",
    data_dir: DataDirOption = _DEFAULT_DATA_DIR,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Create a key and print it once; only its hash is stored."""
    from .apikeys import ApiKeyStore

    try:
        key, token = ApiKeyStore(_engine(data_dir, database_url)).create(name, [scopes])
    except RedactPHIError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"created API key {key.id} ({key.name}; scopes: {','.join(key.scopes)})", err=True)
    typer.echo("store it now: it is shown only once", err=True)
    typer.echo(token)


@apikey_app.command("revoke")
def apikey_revoke(
    key_id: Annotated[str, typer.Argument(help="The key's id (see `redactphi apikey list`).")],
    data_dir: DataDirOption = _DEFAULT_DATA_DIR,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Revoke a key: requests with it fail with 401 from now on."""
    from .apikeys import ApiKeyStore

    if not ApiKeyStore(_engine(data_dir, database_url, existing=True)).revoke(key_id):
        raise _fail(f"no active API key with id {key_id!r}", code=1)
    typer.echo(f"revoked API key {key_id}")


@apikey_app.command("list")
def apikey_list(
    data_dir: DataDirOption = _DEFAULT_DATA_DIR,
    database_url: DatabaseUrlOption = None,
) -> None:
    """List keys (ids, names, scopes, dates; never secrets)."""
    from .apikeys import ApiKeyStore

    for key in ApiKeyStore(_engine(data_dir, database_url, existing=True)).list():
        state = f"revoked {key.revoked_at}" if key.revoked_at else "active"
        scopes = ",".join(key.scopes)
        typer.echo(f"{key.id}\t{key.name}\t{scopes}\tcreated {key.created_at}\t{state}")


@audit_app.command("verify")
def audit_verify(
    data_dir: DataDirOption = _DEFAULT_DATA_DIR,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Check the hash chain; exit 1 and name the first broken row if it was tampered with."""
    from .audit import AuditLog

    status = AuditLog(_engine(data_dir, database_url, existing=True)).verify_chain()
    if not status.ok:
        typer.echo(
            f"audit chain BROKEN at row {status.first_broken_seq}: {status.reason} "
            f"({status.checked} rows verified before it)",
            err=True,
        )
        raise typer.Exit(1)
    typer.echo(f"audit chain OK: {status.checked} rows verified")


@audit_app.command("export")
def audit_export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    data_dir: DataDirOption = _DEFAULT_DATA_DIR,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Export every audit row, with its hashes, as JSON lines or CSV."""
    from .audit import AuditLog

    if fmt not in {"jsonl", "csv"}:
        raise _fail("--format must be jsonl or csv")
    log = AuditLog(_engine(data_dir, database_url, existing=True))
    if output is None:
        log.export(sys.stdout, fmt)  # type: ignore[arg-type]
        return
    tmp = output.with_name(output.name + ".partial")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        count = log.export(fh, fmt)  # type: ignore[arg-type]
    tmp.replace(output)
    typer.echo(f"exported {count} audit rows to {output}", err=True)


def _redactor_spec(
    config: Path | None, model: str | None, factory: str | None, keyring: Path | None, vault: str | None
) -> Any:
    """How each batch or Spark worker builds its own Redactor (paths as strings: picklable)."""
    from .batch import RedactorSpec

    return RedactorSpec(
        config=str(config) if config else None,
        model=model,
        factory=factory,
        keyring=str(keyring) if keyring else None,
        vault=vault,
    )


def main() -> None:
    """Entry point of the `redactphi` script."""
    app()
