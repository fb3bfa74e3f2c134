"""Load test of the HTTP service on loopback: req/s and p50/p99 latency of POST /v1/redact.

Starts `redactphi serve` (real model) in a subprocess on 127.0.0.1 with a throw-away data
directory, sends 3 KB and 30 KB notes at concurrency 1, 4 and 16, prints a table, and
stops the service. Bounded: each cell runs at most --seconds (default 8) or --requests.

    python benchmarks/service_load.py [--seconds 8] [--requests 200] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "notes"
SIZES = {"3KB": 3 * 1024, "30KB": 30 * 1024}
CONCURRENCY = (1, 4, 16)

_SYNTHETIC = (
    "OPERATIVE REPORT\nPATIENT NAME: Margaret Okafor   MRN: 00482913   DOS: 02/11/2024\n"
    "SURGEON: Alan Whitfield, MD\nPREOPERATIVE DIAGNOSIS: Small bowel obstruction.\n"
    "PROCEDURE: Exploratory laparotomy, lysis of adhesions, small bowel resection with "
    "primary stapled anastomosis. A Foley catheter was placed. The abdomen was entered "
    "through a midline incision; dense adhesions were taken down sharply. A 20 cm segment "
    "of ileum was resected and a side-to-side anastomosis created with a GIA stapler.\n"
    "Call 617-555-0188 with questions. Dictated by Alan Whitfield, MD on 02/11/2024.\n\n"
)


def build_note(size: int) -> str:
    """A note of about `size` bytes made of the sample notes (synthetic text if absent)."""
    parts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] or [_SYNTHETIC]
    text, i = "", 0
    while len(text.encode()) < size:
        text += parts[i % len(parts)] + "\n"
        i += 1
    return text.encode()[:size].decode("utf-8", errors="ignore")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(data_dir: Path) -> dict[str, str]:
    paths = [str(ROOT), str(ROOT / "recognizers"), str(ROOT / "models"), str(ROOT / "service")]
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([*paths, os.environ.get("PYTHONPATH", "")]),
        "REDACTPHI_DATA_DIR": str(data_dir),
        "REDACTPHI_RATE_LIMIT_PER_MINUTE": "10000000",
        "REDACTPHI_RATE_LIMIT_BURST": "100000",
        "REDACTPHI_LOG_LEVEL": "WARNING",
    }


def create_key(data_dir: Path) -> str:
    out = subprocess.run(  # noqa: S603 - our own CLI, fixed arguments
        [
            sys.executable,
            "-m",
            "redactphi",
            "apikey",
            "create",
            "--name",
            "bench",
            "--scopes",
            "redact",
            "--data-dir",
            str(data_dir),
        ],
        env=_env(data_dir),
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return out.stdout.strip()


async def _cell(
    client: httpx.AsyncClient, note: str, concurrency: int, seconds: float, limit: int
) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal errors
        while time.perf_counter() < stop_at and len(latencies) + errors < limit:
            started = time.perf_counter()
            try:
                response = await client.post("/v1/redact", json={"text": note})
            except httpx.TimeoutException:
                errors += 1  # counted, not retried: the cell stays bounded
                continue
            if response.status_code == 200:
                latencies.append(time.perf_counter() - started)
            else:
                errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "requests": len(latencies),
        "errors": errors,
        "req_per_s": len(latencies) / elapsed if elapsed else 0.0,
        "p50_ms": statistics.median(ordered) * 1000 if ordered else float("nan"),
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
        if ordered
        else float("nan"),
    }


async def run(
    base_url: str, token: str, seconds: float, limit: int, timeout: float, sizes: list[str]
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=timeout) as client:
        for name in sizes:
            size = SIZES[name]
            note = build_note(size)
            for _ in range(3):  # warm-up: first calls pay for lazy initialisation
                (await client.post("/v1/redact", json={"text": note})).raise_for_status()
            for concurrency in CONCURRENCY:
                result = await _cell(client, note, concurrency, seconds, limit)
                rows.append({"note": name, "concurrency": concurrency, **result})
                print(
                    f"{name:>5} c={concurrency:<3} {result['requests']:>5} req "
                    f"{result['req_per_s']:>7.1f} req/s  p50 {result['p50_ms']:>7.1f} ms  "
                    f"p99 {result['p99_ms']:>7.1f} ms  errors {result['errors']}",
                    flush=True,
                )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="Time limit per cell.")
    parser.add_argument("--requests", type=int, default=400, help="Request limit per cell.")
    parser.add_argument("--workers", type=int, default=1, help="Service worker processes.")
    parser.add_argument("--timeout", type=float, default=60.0, help="Per-request timeout (s).")
    parser.add_argument("--sizes", default="3KB,30KB", help="Note sizes to run: 3KB,30KB.")
    parser.add_argument("--json", type=Path, help="Also write the rows here.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="redactphi-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        token = create_key(data_dir)
        port = _free_port()
        service = subprocess.Popen(  # noqa: S603 - our own CLI on loopback
            [
                sys.executable,
                "-m",
                "redactphi",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(args.workers),
                "--data-dir",
                str(data_dir),
            ],
            env=_env(data_dir),
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 180
            while True:
                try:
                    if httpx.get(base_url + "/readyz", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if service.poll() is not None or time.monotonic() > deadline:
                    print("the service did not become ready", file=sys.stderr)
                    return 1
                time.sleep(0.5)
            sizes = [s for s in args.sizes.split(",") if s in SIZES]
            rows = asyncio.run(
                run(base_url, token, args.seconds, args.requests, args.timeout, sizes)
            )
        finally:
            service.terminate()
            try:
                service.wait(timeout=20)
            except subprocess.TimeoutExpired:
                service.kill()

    print(f"\nPOST /v1/redact, policy tag, {os.cpu_count()} CPUs, {args.workers} worker(s)")
    print("| note | concurrency | requests | req/s | p50 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['note']} | {r['concurrency']} | {r['requests']} | {r['req_per_s']:.1f} | "
            f"{r['p50_ms']:.1f} | {r['p99_ms']:.1f} | {r['errors']} |"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
