"""Throughput of RedactPHI against vanilla Presidio on the same notes, one process, CPU time.

    python benchmarks/throughput.py                    # samples/notes.jsonl, < 3 min
    python benchmarks/throughput.py --quick            # < 40 s
    python benchmarks/throughput.py --corpus ../shared/corpora/asq_phi_dev.jsonl --out out.json

What it measures (the table is printed and the JSON written to --out):

- throughput: RedactPHI (`Redactor.analyze` per note, and `analyze_batch`) and vanilla
  Presidio (AnalyzerEngine, default recognizers, full spaCy pipeline of the same model,
  as in `redactphi.baseline`) over the same notes, alternating for several rounds:
  characters per CPU-second (median of rounds), notes per second, p50/p99 latency per note;
- load (import + build + first call) and peak RSS, each in a fresh subprocess per engine;
- scaling: one note of 1 KB, 10 KB, 100 KB and 1 MB built from the corpus, through
  `analyze` and `analyze_batch`; CPU time per character must stay flat (linear time);
- adversarial inputs at a small size and 10x that size: the CPU time ratio should be ~10.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for _sub in ("service", "models", "recognizers", "."):
    sys.path.insert(0, str(ROOT / _sub))

from redactphi.testing import ADVERSARIAL_INPUTS  # noqa: E402 - after the path setup

Analyze = Callable[[str], object]


def load_notes(paths: Sequence[Path]) -> list[str]:
    from redactphi.evaluation import load_corpus

    notes: list[str] = []
    for path in paths:
        if path.suffix == ".jsonl":
            notes.extend(d.text for d in load_corpus(path))
        elif path.is_dir():
            notes.extend(p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt")))
        else:
            notes.append(path.read_text(encoding="utf-8"))
    return [n for n in notes if n.strip()]


def select(notes: list[str], quick: bool) -> list[str]:
    return notes[: max(10, len(notes) // 3)] if quick else notes


def default_corpus() -> Path:
    for candidate in (ROOT / "samples" / "notes.jsonl", ROOT / "samples" / "notes"):
        if candidate.exists():
            return candidate
    raise SystemExit("no samples/notes.jsonl in this checkout; pass --corpus PATH")


def build_engine(engine: str, ner_scope: str | None) -> Analyze:
    if engine == "presidio":
        from redactphi.baseline import vanilla_presidio_predictor

        predict = vanilla_presidio_predictor()
        return lambda text: next(iter(predict([text])))
    from redactphi import Redactor, RedactorConfig

    config = RedactorConfig.default()
    if ner_scope:
        config = config.model_copy(update={"ner_scope": ner_scope})
    redactor = Redactor(config)
    if engine == "redactphi-batch":
        return lambda text: list(redactor.analyze_batch([text]))
    return redactor.analyze


# --- load time and peak RSS: a fresh interpreter per engine --------------------------------


def child_load(engine: str, corpus: list[Path], ner_scope: str | None, quick: bool) -> None:
    """Run inside the subprocess: time import + build + first call, then the notes once."""
    import resource

    started = time.perf_counter()
    cpu_started = time.process_time()
    analyze = build_engine(engine, ner_scope)
    analyze("Seen 03/14/2024 by Dr. Cook, MRN 4829137.")
    load_s = time.perf_counter() - started
    load_cpu = time.process_time() - cpu_started
    for note in select(load_notes(corpus), quick):
        analyze(note)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"load_s": load_s, "load_cpu_s": load_cpu, "peak_rss_mb": peak_kb / 1024}))


def measure_load(
    engine: str, corpus: list[Path], ner_scope: str | None, quick: bool
) -> dict[str, float]:
    cmd = [
        sys.executable,
        __file__,
        "--child-load",
        engine,
        *sum((["--corpus", str(c)] for c in corpus), []),
    ]
    if ner_scope:
        cmd += ["--ner-scope", ner_scope]
    if quick:
        cmd.append("--quick")
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(
            str(ROOT / s) for s in (".", "recognizers", "models", "service")
        ),
    )
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)  # noqa: S603
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- throughput --------------------------------------------------------------------------


def run_round(analyze: Analyze, notes: Sequence[str]) -> dict[str, Any]:
    latencies = []
    cpu_started = time.process_time()
    wall_started = time.perf_counter()
    for note in notes:
        t = time.perf_counter()
        analyze(note)
        latencies.append(time.perf_counter() - t)
    cpu = time.process_time() - cpu_started
    wall = time.perf_counter() - wall_started
    chars = sum(len(n) for n in notes)
    return {
        "cpu_s": cpu,
        "wall_s": wall,
        "chars_per_cpu_s": chars / cpu,
        "notes_per_s": len(notes) / wall,
        "latencies": latencies,
    }


def run_batch_round(redactor: Any, notes: Sequence[str]) -> dict[str, Any]:
    cpu_started = time.process_time()
    wall_started = time.perf_counter()
    for _ in redactor.analyze_batch(list(notes)):
        pass
    cpu = time.process_time() - cpu_started
    wall = time.perf_counter() - wall_started
    chars = sum(len(n) for n in notes)
    return {
        "cpu_s": cpu,
        "wall_s": wall,
        "chars_per_cpu_s": chars / cpu,
        "notes_per_s": len(notes) / wall,
        "latencies": [],
    }


def summarise(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    latencies = sorted(x for r in rounds for x in r["latencies"])
    out = {
        "chars_per_cpu_s": statistics.median(r["chars_per_cpu_s"] for r in rounds),
        "notes_per_s": statistics.median(r["notes_per_s"] for r in rounds),
        "rounds_chars_per_cpu_s": [round(r["chars_per_cpu_s"]) for r in rounds],
    }
    if latencies:
        out["p50_ms"] = 1000 * latencies[len(latencies) // 2]
        out["p99_ms"] = 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return out


# --- scaling and adversarial inputs ------------------------------------------------------


def note_of_size(notes: Sequence[str], size: int) -> str:
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        note = notes[i % len(notes)]
        parts.append(note)
        total += len(note) + 2
        i += 1
    text = "\n\n".join(parts)[:size]
    cut = text.rfind("\n")
    return text[: cut if cut > size // 2 else size]


def cpu_time(fn: Callable[[], object]) -> float:
    started = time.process_time()
    fn()
    return time.process_time() - started


ADVERSARIAL = ADVERSARIAL_INPUTS


def adversarial(analyze: Analyze, small: int) -> list[dict[str, Any]]:
    rows = []
    for name, make in ADVERSARIAL.items():
        a, b = make(small), make(small * 10)
        analyze(a)  # warm
        t_small = cpu_time(lambda a=a: analyze(a))
        t_large = cpu_time(lambda b=b: analyze(b))
        rows.append(
            {
                "input": name,
                "small_chars": len(a),
                "large_chars": len(b),
                "small_cpu_s": t_small,
                "large_cpu_s": t_large,
                "ratio": t_large / t_small if t_small else float("nan"),
            }
        )
    return rows


# --- main --------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpus", type=Path, action="append", help="JSONL corpus, folder of .txt, or file"
    )
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument(
        "--quick", action="store_true", help="fewer rounds and notes, scaling to 100 KB"
    )
    parser.add_argument("--ner-scope", choices=("windowed", "selective", "full"), default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "throughput.json")
    parser.add_argument("--child-load", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    corpus = args.corpus or [default_corpus()]
    if args.child_load:
        child_load(args.child_load, corpus, args.ner_scope, args.quick)
        return
    rounds = args.rounds or (1 if args.quick else 3)
    notes = select(load_notes(corpus), args.quick)
    chars = sum(len(n) for n in notes)
    print(f"{len(notes)} notes, {chars:,} characters, {rounds} round(s)", flush=True)
    report: dict[str, Any] = {
        "corpus": [str(c) for c in corpus],
        "notes": len(notes),
        "characters": chars,
        "rounds": rounds,
        "ner_scope": args.ner_scope or "config default",
    }

    load = {e: measure_load(e, corpus, args.ner_scope, args.quick) for e in ("redactphi", "presidio")}
    report["load"] = load

    from redactphi import Redactor, RedactorConfig

    config = RedactorConfig.default()
    if args.ner_scope:
        config = config.model_copy(update={"ner_scope": args.ner_scope})
    redactor = Redactor(config)
    report["ner_scope"] = config.ner_scope
    engines: dict[str, Analyze] = {
        "redactphi": redactor.analyze,
        "presidio": build_engine("presidio", None),
    }
    for analyze in engines.values():
        analyze(notes[0])
    results: dict[str, list[dict[str, Any]]] = {
        "redactphi": [],
        "redactphi-batch": [],
        "presidio": [],
    }
    for r in range(rounds):
        order = ["redactphi", "presidio"] if r % 2 == 0 else ["presidio", "redactphi"]
        for name in order:
            results[name].append(run_round(engines[name], notes))
        results["redactphi-batch"].append(run_batch_round(redactor, notes))
    summary = {name: summarise(rs) for name, rs in results.items()}
    base = summary["presidio"]["chars_per_cpu_s"]
    for s in summary.values():
        s["ratio_vs_presidio"] = s["chars_per_cpu_s"] / base
    report["throughput"] = summary

    sizes = [1_000, 10_000, 100_000] + ([] if args.quick else [1_000_000])
    scaling = []
    for size in sizes:
        text = note_of_size(notes, size)
        single = cpu_time(lambda text=text: redactor.analyze(text))
        batch = cpu_time(lambda text=text: list(redactor.analyze_batch([text])))
        scaling.append(
            {
                "chars": len(text),
                "analyze_cpu_s": single,
                "analyze_batch_cpu_s": batch,
                "analyze_us_per_char": 1e6 * single / len(text),
                "batch_us_per_char": 1e6 * batch / len(text),
            }
        )
    report["scaling"] = scaling
    report["adversarial"] = adversarial(redactor.analyze, 2_000 if args.quick else 10_000)

    print_table(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.out}")


def print_table(report: dict[str, Any]) -> None:
    t = report["throughput"]
    load = report["load"]
    print(f"\nthroughput (NER scope: {report['ner_scope']}), median of {report['rounds']} round(s)")
    print(
        f"{'engine':<18}{'chars/CPU-s':>12}{'notes/s':>9}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'vs Presidio':>12}{'load s':>8}{'peak RSS MB':>12}"
    )
    for name in ("redactphi", "redactphi-batch", "presidio"):
        s = t[name]
        ld = load.get(name.split("-")[0], {})
        p50 = f"{s['p50_ms']:.1f}" if "p50_ms" in s else "-"
        p99 = f"{s['p99_ms']:.1f}" if "p99_ms" in s else "-"
        print(
            f"{name:<18}{s['chars_per_cpu_s']:>12,.0f}{s['notes_per_s']:>9.1f}{p50:>8}{p99:>8}"
            f"{s['ratio_vs_presidio']:>11.2f}x{ld.get('load_s', 0):>8.2f}"
            f"{ld.get('peak_rss_mb', 0):>12.0f}"
        )
    print("\nscaling (RedactPHI, one note)")
    print(f"{'chars':>10}{'analyze s':>11}{'us/char':>9}{'batch s':>9}{'us/char':>9}")
    for s in report["scaling"]:
        print(
            f"{s['chars']:>10,}{s['analyze_cpu_s']:>11.3f}{s['analyze_us_per_char']:>9.1f}"
            f"{s['analyze_batch_cpu_s']:>9.3f}{s['batch_us_per_char']:>9.1f}"
        )
    print("\nadversarial inputs (RedactPHI analyze, CPU s; 10x the input should cost ~10x)")
    print(f"{'input':<28}{'chars':>9}{'CPU s':>8}{'chars':>10}{'CPU s':>8}{'ratio':>7}")
    for a in report["adversarial"]:
        print(
            f"{a['input']:<28}{a['small_chars']:>9,}{a['small_cpu_s']:>8.3f}{a['large_chars']:>10,}"
            f"{a['large_cpu_s']:>8.3f}{a['ratio']:>7.1f}"
        )


if __name__ == "__main__":
    main()
