"""Batch throughput: 1 vs 2 local workers, and the Spark job in local mode, on generated notes.

    python benchmarks/batch_scaling.py                      # 2,000 notes, prints the table
    python benchmarks/batch_scaling.py --notes 300 --no-spark
    python benchmarks/batch_scaling.py generate DIR         # only write the folder (+ DIR.phi.json)
    python benchmarks/batch_scaling.py verify DIR OUT       # outputs complete, whole, PHI-free?

The notes are synthetic operative and clinic notes from templates, with invented names,
dates, record numbers and phone numbers (every PHI value is listed in DIR.phi.json for the
leak check), plus a few deliberately broken files that must land in the failure report.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

FIRST = [
    "Marlon",
    "Odile",
    "Teodor",
    "Priya",
    "Quentin",
    "Ilse",
    "Darnell",
    "Yesenia",
    "Bartholomew",
    "Fenna",
    "Casimir",
    "Rosalind",
    "Ignatius",
    "Mireille",
    "Evander",
    "Solveig",
]
LAST = [
    "Feddersen",
    "Pritchard",
    "Vasquez-Holt",
    "Okonkwo",
    "Lindqvist",
    "Marchetti",
    "Abernathy",
    "Szymanski",
    "Delacroix",
    "Haverford",
    "Nakagawa",
    "Brannigan",
    "Oyelaran",
    "Kowalczyk",
]
SURGEONS = ["Alicia Brandt", "Samuel Okafor", "Helena Ruiz", "Victor Lanza", "Grace Whitcombe"]
PROCEDURES = [
    ("Hartmann procedure", "44143", "K57.20"),
    ("laparoscopic cholecystectomy", "47562", "K80.20"),
    ("open right hemicolectomy", "44160", "C18.2"),
    ("laparoscopic appendectomy", "44970", "K35.80"),
    ("ventral hernia repair with mesh", "49593", "K43.9"),
]

TEMPLATES = [
    "OPERATIVE REPORT\nPatient Name: {name}\nMRN: {mrn}\nDate of Surgery: {date}\n"
    "Surgeon: Dr. {surgeon}\nPREOPERATIVE DIAGNOSIS: {icd}\nPROCEDURE: {proc} (CPT {cpt}).\n"
    "The patient was placed supine. A Foley catheter was inserted. Estimated blood loss 50 mL.\n"
    "Specimens sent to pathology. The patient tolerated the procedure well.\n"
    "Dictated by Dr. {surgeon} on {date2}.\n",
    "CLINIC NOTE\nPatient: {name}   DOB: {dob}   MRN {mrn}\n"
    "Seen on {date} for follow-up after {proc}.\n"
    "Wound healing well, no erythema. Continue acetaminophen 500 mg PRN.\n"
    "Call the office at {phone} with concerns.\nElectronically signed: {surgeon}, MD\n",
    "DISCHARGE SUMMARY\nName: {name}\nMedical Record Number: {mrn}\n"
    "Admitted: {date}  Discharged: {date2}\n"
    "Procedure: {proc}, CPT {cpt}; diagnosis {icd}.\nFollow up with Dr. {surgeon} in two weeks.\n"
    "Contact: {phone}\n",
]


def _date(rng: random.Random) -> str:
    m, d, y = rng.randint(1, 12), rng.randint(1, 28), rng.randint(2019, 2024)
    return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y}", f"{y}-{m:02d}-{d:02d}"])


def generate(root: Path, n: int, seed: int = 7) -> dict[str, list[str]]:
    """Write `n` notes under `root` (one folder per patient) plus broken files; return PHI."""
    rng = random.Random(seed)  # noqa: S311 - synthetic test data, not secrets
    phi: dict[str, list[str]] = {}
    for i in range(n):
        patient = i // 4
        name = f"{FIRST[patient % len(FIRST)]} {LAST[(patient * 7) % len(LAST)]}"
        proc, cpt, icd = PROCEDURES[i % len(PROCEDURES)]
        values = {
            "name": name,
            "mrn": str(5_000_000 + patient * 13),
            "date": _date(rng),
            "date2": _date(rng),
            "dob": _date(rng),
            "phone": f"(617) 555-{rng.randint(0, 9999):04d}",
            "surgeon": SURGEONS[i % len(SURGEONS)],
        }
        text = TEMPLATES[i % len(TEMPLATES)].format(proc=proc, cpt=cpt, icd=icd, **values)
        rel = f"patient_{patient:04d}/note_{i:05d}.txt"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
        phi[rel] = [v for k, v in values.items()]
    broken = {
        "broken/scan_0001.pdf": b"%PDF-1.4\n% no body, no xref\n",
        "broken/binary_blob.txt": b"\x00\x9f\x92\x96\x00\xff" * 20,
        "broken/fax_0001.tiff": b"II*\x00\x08\x00\x00\x00",
        "broken/letter.docx": b"PK\x03\x04 not really a zip",
        "broken/summary.rtf": b"plain text pretending to be RTF",
    }
    for rel, data in broken.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    Path(f"{root}.phi.json").write_text(json.dumps({"phi": phi, "broken": sorted(broken)}))
    return phi


def verify(src: Path, out: Path) -> bool:
    """Every note once, whole, PHI-free; broken files in the report. Prints what it finds."""
    spec = json.loads(Path(f"{src}.phi.json").read_text())
    outputs = {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in out.rglob("*")
        if p.is_file() and "_redactphi" not in p.relative_to(out).parts
    }
    leftovers = list((out / "_redactphi" / "tmp").glob("*"))
    # An output is whole when its hash is the one the manifest recorded after the write.
    with sqlite3.connect(out / "_redactphi" / "manifest.sqlite") as db:
        recorded = dict(db.execute("SELECT path_sha256, output_sha256 FROM notes"))
    partial = [
        rel
        for rel in outputs
        if recorded.get(hashlib.sha256(rel.encode()).hexdigest())
        != hashlib.sha256((out / rel).read_bytes()).hexdigest()
    ]
    leaks = [
        (rel, v) for rel, values in spec["phi"].items() for v in values if v in outputs.get(rel, "")
    ]
    missing = sorted(set(spec["phi"]) - set(outputs))
    extra = sorted(set(outputs) - set(spec["phi"]))
    report = [json.loads(x) for x in (out / "_redactphi" / "report.jsonl").read_text().splitlines()]
    reported = {r["path"]: f"{r['error_code']}: {r['reason']}" for r in report}
    print(
        f"outputs: {len(outputs)} (expected {len(spec['phi'])}), "
        f"missing {len(missing)}, extra {len(extra)}"
    )
    print(
        f"temp files left: {len(leftovers)}, "
        f"outputs not matching their manifest hash: {len(partial)}"
    )
    print(f"PHI values of the inputs found in outputs: {len(leaks)} {leaks[:5]}")
    for rel in spec["broken"]:
        print(f"  report: {rel}: {reported.get(rel, 'NOT REPORTED')}")
    ok = not (missing or extra or leftovers or partial or leaks) and set(reported) == set(
        spec["broken"]
    )
    print("VERIFY", "OK" if ok else "FAILED")
    return ok


def _cpu_seconds() -> float:
    # This process plus its finished children (the pool's workers are joined at the end).
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _local(src: Path, out: Path, workers: int) -> tuple[float, int, float]:
    from redactphi.batch import BatchOptions, run_batch

    started, cpu = time.perf_counter(), _cpu_seconds()
    summary = run_batch(BatchOptions(src, out, workers=workers))
    return time.perf_counter() - started, summary.redacted, _cpu_seconds() - cpu


def _spark(src: Path, out: Path, cores: int) -> tuple[float, int, float]:
    from redactphi.spark_job import SparkJobOptions, _session, run_spark_job

    started = time.perf_counter()
    spark = _session(f"local[{cores}]")
    session_s = time.perf_counter() - started
    summary = run_spark_job(SparkJobOptions(str(src), str(out)), spark=spark)
    elapsed = time.perf_counter() - started
    spark.stop()
    return elapsed, summary.redacted, session_s


def _same_text(a: Path, b: Path) -> tuple[int, int]:
    files = [p.relative_to(a) for p in a.rglob("*") if p.is_file() and "_redactphi" not in p.parts]
    same = sum((b / f).is_file() and (a / f).read_bytes() == (b / f).read_bytes() for f in files)
    return same, len(files)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "command", nargs="?", default="bench", choices=["bench", "generate", "verify"]
    )
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--no-spark", action="store_true")
    args = parser.parse_args()
    if args.command == "generate":
        generate(args.paths[0], args.notes)
        return
    if args.command == "verify":
        sys.exit(0 if verify(args.paths[0], args.paths[1]) else 1)

    work = Path(tempfile.mkdtemp(prefix="redactphi-bench-"))
    try:
        src = work / "notes"
        generate(src, args.notes)
        mb = sum(p.stat().st_size for p in src.rglob("*") if p.is_file()) / 1e6
        rows: list[tuple[str, float, int, str]] = []
        for workers in (1, 2):
            seconds, done, cpu = _local(src, work / f"local{workers}", workers)
            label = f"local, {workers} worker{'s' if workers > 1 else ''}"
            rows.append((label, seconds, done, f"CPU {cpu:.1f}s ({cpu / seconds:.2f} cores busy)"))
        if not args.no_spark:
            seconds, done, session_s = _spark(src, work / "spark", 2)
            same, total = _same_text(work / "local2", work / "spark")
            rows.append(
                (
                    "spark local[2]",
                    seconds,
                    done,
                    f"session start {session_s:.1f}s; same text {same}/{total}",
                )
            )
        base = rows[0][1]
        print(
            f"\n{args.notes} notes + 5 broken files, {mb:.2f} MB, real model "
            "(wall time incl. start-up)\n"
        )
        print("| run | seconds | notes redacted | notes/s | MB/s | speed-up vs 1 worker | note |")
        print("|---|---:|---:|---:|---:|---:|---|")
        for name, seconds, done, note in rows:
            print(
                f"| {name} | {seconds:.1f} | {done} | {done / seconds:.1f} | {mb / seconds:.3f} | "
                f"{base / seconds:.2f}x | {note} |"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
