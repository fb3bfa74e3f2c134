from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from redactphi import Finding, InputError, KeyringError, ReidentificationError
from redactphi.keys import Keyring
from redactphi.vault import TokenVault

# Arbitrary Unicode with the hard cases drawn often: combining marks, emoji, CRLF,
# right-to-left text and marks, lone surrogates' neighbours, NUL.
TRICKY = [
    "e\u0301",
    "\U0001f600",
    "\U0001f469\u200d\U0001f52c",
    "\r\n",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u202e",
    "\u0627\u0644",
    "\x00",
    "\t",
    "  ",
    "[",
    "]",
    ":",
]
pieces = st.one_of(st.text(min_size=1, max_size=12), st.sampled_from(TRICKY))
segments = st.lists(pieces, min_size=1, max_size=8).map("".join)
TYPES = st.sampled_from(["PERSON", "DATE", "MEDICAL_RECORD_NUMBER", "LOCATION", "ID"])


@st.composite
def notes(draw: st.DrawFn) -> tuple[str, list[Finding]]:
    parts = draw(st.lists(st.tuples(segments, st.booleans(), TYPES), min_size=1, max_size=6))
    text, findings = "", []
    for segment, is_phi, entity_type in parts:
        if is_phi:
            findings.append(Finding(len(text), len(text) + len(segment), entity_type, 1.0, "test"))
        text += segment
    return text, findings


@pytest.fixture(scope="module")
def vault(tmp_path_factory) -> Iterator[TokenVault]:  # type: ignore[no-untyped-def]
    v = TokenVault(tmp_path_factory.mktemp("vault") / "vault.sqlite3")
    yield v
    v.close()


@pytest.fixture(scope="module")
def keyring() -> Keyring:
    return Keyring.generate()


def _redactor(fake_redactor, keyring: Keyring, vault: TokenVault):  # type: ignore[no-untyped-def]
    fake_redactor.keyring, fake_redactor.vault = keyring, vault
    return fake_redactor


@pytest.fixture
def redactor(fake_redactor, keyring, vault) -> Iterator[object]:  # type: ignore[no-untyped-def]
    yield _redactor(fake_redactor, keyring, vault)
    fake_redactor.keyring = fake_redactor.vault = None


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    note=notes(),
    policy=st.sampled_from(["vault", "encrypt"]),
    scope=st.sampled_from([None, "p1", "\u05e9-2"]),
)
def test_round_trip_is_byte_for_byte(redactor, note, policy: str, scope: str | None) -> None:  # type: ignore[no-untyped-def]
    text, findings = note
    assume("[[" not in text)  # token syntax in the input is refused for reversible policies
    result = redactor.redact_findings(text, findings, policy=policy, scope=scope)
    restored = redactor.reidentify(result.text, scope=scope)
    assert restored.encode("utf-8", "surrogatepass") == text.encode("utf-8", "surrogatepass")
    for r in result.replacements:
        assert result.text[r.redacted_start : r.redacted_end].startswith(("[[", "[[ENC:"))


def test_rotation_new_key_encrypts_old_still_decrypts(fake_redactor, vault) -> None:  # type: ignore[no-untyped-def]
    ring = Keyring.generate()
    r = _redactor(fake_redactor, ring, vault)
    note = "Jane Roe seen 03/14/2024"
    before = {p: r.redact(note, policy=p, scope="s").text for p in ("vault", "encrypt")}
    old_id = ring.active.key_id
    ring.rotate()
    after = r.redact(note, policy="encrypt", scope="s")
    assert after.key_id == ring.active.key_id != old_id
    assert f":{ring.active.key_id}:" in after.text and old_id not in after.text
    for text in (*before.values(), after.text):
        assert r.reidentify(text, scope="s") == note
    fake_redactor.keyring = fake_redactor.vault = None


def test_tampered_truncated_foreign_and_wrong_scope_tokens_fail(redactor) -> None:  # type: ignore[no-untyped-def]
    note = "Jane Roe seen 03/14/2024"
    enc = redactor.redact(note, policy="encrypt", scope="s").text
    start = enc.index("[[ENC:DATE:")
    data_at = enc.index("]]", start) - 5
    flipped = enc[:data_at] + ("A" if enc[data_at] != "A" else "B") + enc[data_at + 1 :]
    cases = {
        "tampered": flipped,
        "truncated": enc[: enc.index("]]", start) - 1],
        "retyped": enc.replace("[[ENC:DATE:", "[[ENC:ID:"),
        "cut short": enc[: enc.index("]]", start) - 8] + enc[enc.index("]]", start) :],
    }
    for name, text in cases.items():
        with pytest.raises(ReidentificationError) as err:
            redactor.reidentify(text, scope="s")
        assert "03/14" not in str(err.value) and "Roe" not in str(err.value), name
    with pytest.raises(ReidentificationError, match="another scope or keyring"):
        redactor.reidentify(enc, scope="other")
    vault_text = redactor.redact(note, policy="vault", scope="s").text
    at = vault_text.index(":") + 1  # the first character of the first token's code
    other = "Z" if vault_text[at] != "Z" else "Y"  # a random code may already start with Z
    with pytest.raises(ReidentificationError, match="not in this vault"):
        redactor.reidentify(vault_text[:at] + other + vault_text[at + 1 :])


def test_wrong_or_missing_key_is_a_clear_error(fake_redactor, keyring, vault) -> None:  # type: ignore[no-untyped-def]
    r = _redactor(fake_redactor, keyring, vault)
    enc = r.redact("Jane Roe", policy="encrypt").text
    vlt = r.redact("Jane Roe", policy="vault").text
    r.keyring = Keyring.generate()
    with pytest.raises(ReidentificationError, match="which is not in the keyring"):
        r.reidentify(enc)
    with pytest.raises(ReidentificationError, match="which is not in the keyring"):
        r.reidentify(vlt)
    r.keyring = None
    with pytest.raises(ReidentificationError, match="needs the keyring"):
        r.reidentify(enc)
    with pytest.raises(KeyringError, match="needs a keyring"):
        r.redact("Jane Roe", policy="encrypt")
    fake_redactor.vault = None


def test_input_with_token_syntax_is_refused_for_reversible_policies(redactor) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="token syntax"):
        redactor.redact("Jane Roe [[DATE:ABCDEFGH]]", policy="vault")
    assert redactor.redact("Jane Roe [[DATE:x", policy="tag").text == "[PERSON] [[DATE:x"


def test_text_without_tokens_comes_back_unchanged(redactor) -> None:  # type: ignore[no-untyped-def]
    assert redactor.reidentify("no tokens \r\n here") == "no tokens \r\n here"
