from __future__ import annotations

import base64
import os
import stat

import pytest

from redactphi import KeyringError
from redactphi.keys import Keyring, SecretBytes


def test_create_writes_a_0600_file_and_loads_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "keys.json"
    ring = Keyring.create(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    loaded = Keyring.load(path)
    assert [k.key_id for k in loaded] == [ring.active.key_id]
    assert loaded.active.secret == ring.active.secret
    assert loaded.active.created_at == ring.active.created_at


def test_create_refuses_to_overwrite(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "keys.json"
    Keyring.create(path)
    with pytest.raises(KeyringError, match="already exists"):
        Keyring.create(path)


def test_rotate_adds_a_newer_active_key_and_keeps_the_old(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "keys.json"
    ring = Keyring.create(path)
    old = ring.active
    new = ring.rotate()
    ring.save()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    loaded = Keyring.load(path)
    assert loaded.active.key_id == new.key_id != old.key_id
    assert loaded.get(old.key_id).secret == old.secret
    assert new.created_at > old.created_at


def test_secrets_never_show_in_reprs_or_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ring = Keyring.generate()
    secret = ring.active.secret.get_secret_value()
    shown = " ".join(
        [repr(ring), str(ring), repr(ring.active), str(ring.active), repr(ring.active.secret)]
    )
    assert secret.hex() not in shown
    assert base64.b64encode(secret).decode() not in shown
    assert "**********" in repr(ring.active.secret)
    with pytest.raises(KeyringError) as err:
        ring.get("nope")
    assert base64.b64encode(secret).decode() not in str(err.value)


def test_malformed_entry_error_does_not_echo_the_secret() -> None:
    doc = (
        '{"version": 1, "keys": [{"id": "k1", "created_at": "2024-01-01T00:00:00+00:00",'
        ' "secret": "c2VjcmV0LXNlY3JldA!!"}]}'
    )
    with pytest.raises(KeyringError, match="entry 0 is malformed") as err:
        Keyring.from_json(doc)
    assert "c2VjcmV0" not in str(err.value)


def test_short_secret_is_refused() -> None:
    doc = (
        '{"version": 1, "keys": [{"id": "k1", "created_at": "2024-01-01T00:00:00+00:00",'
        ' "secret": "c2hvcnQ="}]}'
    )
    with pytest.raises(KeyringError, match="not 32 bytes"):
        Keyring.from_json(doc)


@pytest.mark.parametrize("encode", [False, True], ids=["json", "base64"])
def test_from_env_reads_only_the_mapping_it_is_given(encode: bool) -> None:
    ring = Keyring.generate()
    value = ring.to_json()
    if encode:
        value = base64.b64encode(value.encode()).decode()
    loaded = Keyring.from_env({"REDACTPHI_KEYRING": value})
    assert loaded.active.key_id == ring.active.key_id
    assert loaded.active.secret == ring.active.secret


def test_from_env_without_the_variable_is_a_keyring_error() -> None:
    with pytest.raises(KeyringError, match="REDACTPHI_KEYRING is not set"):
        Keyring.from_env({})
    with pytest.raises(KeyringError, match="neither keyring JSON nor base64"):
        Keyring.from_env({"REDACTPHI_KEYRING": "%%%"})


def test_missing_file_and_bad_json_are_keyring_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KeyringError, match="does not exist"):
        Keyring.load(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(KeyringError, match="not valid JSON"):
        Keyring.load(bad)


def test_subkeys_differ_by_purpose_and_key() -> None:
    a, b = Keyring.generate().active, Keyring.generate().active
    assert a.derive("vault") != a.derive("pseudonym")
    assert a.derive("vault") != b.derive("vault")
    assert len(a.derive("encrypt", 64)) == 64


def test_secret_bytes_cannot_be_pickled() -> None:
    import pickle

    with pytest.raises(TypeError):
        pickle.dumps(SecretBytes(b"x" * 32))
