from __future__ import annotations

import re

import pytest

from redactphi import KeyringError
from redactphi.operators import PseudonymOperator, PseudonymParams

from .conftest import fixed_keyring, run

OP = PseudonymOperator()


def test_pseudonym_is_typed_truncated_hmac_and_stable() -> None:
    ring = fixed_keyring()
    a = run(OP, "John Smith", "PERSON", keyring=ring)
    assert re.fullmatch(r"\[PERSON-[0-9a-f]{8}\]", a)
    assert run(OP, "john  SMITH", "PERSON", keyring=ring) == a  # normalized
    assert run(OP, "John Smith", "PROVIDER", keyring=ring) != a.replace("PERSON", "PROVIDER")
    assert run(OP, "John Smith", "PERSON", keyring=fixed_keyring(2)) != a
    assert run(OP, "John Smith", "PERSON", keyring=ring, scope="batch-2") != a
    assert len(run(OP, "x", "ID", PseudonymParams(length=16), keyring=ring)) == len("[ID-]") + 16


def test_pseudonym_needs_a_keyring() -> None:
    with pytest.raises(KeyringError, match="needs a keyring"):
        run(OP, "John", "PERSON")
