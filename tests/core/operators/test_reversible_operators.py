from __future__ import annotations

import re

from redactphi.operators import EncryptOperator, VaultOperator
from redactphi.vault import TokenVault

from .conftest import fixed_keyring, run


def test_encrypt_token_is_deterministic_typed_and_keyed() -> None:
    ring = fixed_keyring()
    a = run(EncryptOperator(), "John Smith", "PERSON", keyring=ring, scope="p1")
    assert re.fullmatch(r"\[\[ENC:PERSON:k1:[A-Za-z0-9_-]+\]\]", a)
    assert run(EncryptOperator(), "John Smith", "PERSON", keyring=ring, scope="p1") == a
    assert run(EncryptOperator(), "John Smith", "PERSON", keyring=ring, scope="p2") != a
    assert "John" not in a


def test_vault_token_is_random_typed_and_reused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ring = fixed_keyring()
    vault = TokenVault(tmp_path / "v.sqlite3")
    a = run(VaultOperator(), "03/14/2024", "DATE", keyring=ring, vault=vault, scope="p1")
    assert re.fullmatch(r"\[\[DATE:[0-9A-HJKMNP-TV-Z]{8}\]\]", a)
    assert run(VaultOperator(), "03/14/2024", "DATE", keyring=ring, vault=vault, scope="p1") == a
    assert run(VaultOperator(), "03/14/2024", "DATE", keyring=ring, vault=vault, scope="p2") != a
    vault.close()
