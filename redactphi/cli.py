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


def _build_redactor(config: Path | None, model: str | None) -> Any:
    from .configuration import RedactorConfig
    from .redactor import Redactor

    cfg = RedactorConfig.from_yaml(config) if config else RedactorConfig.default()
    if model:
        cfg = cfg.model_copy(update={"model": model})
    return Redactor(cfg)


def _read_input(source: str) -> str:
    from .documents import read_document

    if source == "-":
        return read_document(sys.stdin.buffer.read(), "stdin.txt")
    path = Path(source)
    if not path.is_file():
        raise _fail(f"no such file: {source}")
    return read_document(path.read_bytes(), path.name)


def _write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    tmp = output.with_name(output.name + ".partial")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)


@app.command()
def redact(
    source: Annotated[str, typer.Argument(help="Note file, or - for standard input.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    config: ConfigOption = None,
    model: ModelOption = None,
) -> None:
    """Redact one note and print (or write) the redacted text."""
    try:
        text = _read_input(source)
        result = _build_redactor(config, model).redact(text)
    except RedactPHIError as exc:
        raise _fail(str(exc)) from None
    _write_output(result.text, output)


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


def main() -> None:
    """Entry point of the `redactphi` script."""
    app()
