"""The batch command's terminal output: a Rich progress bar and the end-of-run summary."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from .runner import BatchSummary

__all__ = ["RichBatchProgress", "summary_table"]


class _RateColumn(ProgressColumn):
    """Files per second and MB per second since the start."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        if elapsed <= 0:
            return Text("-- files/s  -- MB/s", style="progress.data.speed")
        files = float(task.fields.get("files", 0))
        return Text(
            f"{files / elapsed:6.1f} files/s {task.completed / 1e6 / elapsed:6.2f} MB/s",
            style="progress.data.speed",
        )


class RichBatchProgress:
    """A progress bar on stderr: files done of total, files/s, MB/s, ETA (by bytes), failures."""

    def __init__(self, console: Console | None = None) -> None:
        self._progress = Progress(
            TextColumn("[bold]redacting"),
            BarColumn(),
            TextColumn("{task.fields[files]}/{task.fields[total_files]} files"),
            _RateColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("[red]{task.fields[failed]} failed"),
            console=console or Console(stderr=True),
            refresh_per_second=4,
        )
        self._task: TaskID | None = None
        self._files = 0
        self._failed = 0

    def start(self, total_files: int, total_bytes: int) -> None:
        self._progress.start()
        self._task = self._progress.add_task(
            "redacting", total=max(total_bytes, 1), files=0, total_files=total_files, failed=0
        )

    def advance(self, files: int, nbytes: int, failed: int) -> None:
        if self._task is None:
            return
        self._files += files
        self._failed += failed
        self._progress.update(self._task, advance=nbytes, files=self._files, failed=self._failed)

    def stop(self) -> None:
        self._progress.stop()


def summary_table(summary: BatchSummary) -> Table:
    """The end-of-run summary as a table (no file names, no text)."""
    table = Table(
        title="RedactPHI batch" + (" (dry run: nothing written)" if summary.dry_run else "")
    )
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("files", str(summary.files))
    table.add_row("redacted", str(summary.redacted))
    table.add_row("skipped (already done)", str(summary.skipped))
    table.add_row("failed", str(summary.failed))
    for code, n in sorted(summary.failures_by_code.items()):
        table.add_row(f"  failed: {code}", str(n))
    table.add_row("bytes in / out", f"{summary.bytes_in:,} / {summary.bytes_out:,}")
    for entity, n in sorted(summary.entity_counts.items()):
        table.add_row(f"  {entity}", f"{n:,}")
    table.add_row("seconds", f"{summary.seconds:.1f}")
    table.add_row(
        "throughput", f"{summary.files_per_second:.1f} files/s, {summary.mb_per_second:.2f} MB/s"
    )
    table.add_row("workers", str(summary.workers))
    return table
