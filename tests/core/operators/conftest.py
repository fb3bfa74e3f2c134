from __future__ import annotations

import pytest

from redactphi.keys import Key, Keyring, SecretBytes
from redactphi.operators import DocumentState, OperatorContext, OperatorParams


def fixed_keyring(seed: int = 1) -> Keyring:
    from datetime import UTC, datetime

    return Keyring(
        [Key(f"k{seed}", datetime(2024, 1, seed, tzinfo=UTC), SecretBytes(bytes([seed]) * 32))]
    )


@pytest.fixture
def keyring() -> Keyring:
    return fixed_keyring()


def run(
    operator, text: str, entity_type: str, config: OperatorParams | None = None, **context
) -> str:  # type: ignore[no-untyped-def]
    params = {"entity_type": entity_type, "context": OperatorContext(**context)}
    if config is not None:
        params["config"] = config
    operator.validate(params)
    out: str = operator.operate(text, params)
    return out


__all__ = ["DocumentState", "fixed_keyring", "run"]
