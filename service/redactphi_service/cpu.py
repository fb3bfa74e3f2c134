"""Where CPU-bound work (decoding, analysis, redaction) runs: worker threads, few at a time.

Redaction holds the GIL most of the time, so more threads than cores only interleave
requests and make every one of them slower; a small limiter keeps them queued in order.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter

__all__ = ["CpuPool"]

P = ParamSpec("P")
T = TypeVar("T")


class CpuPool:
    def __init__(self, threads: int) -> None:
        self.limiter = CapacityLimiter(threads)

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        return await anyio.to_thread.run_sync(
            functools.partial(fn, *args, **kwargs), limiter=self.limiter
        )
