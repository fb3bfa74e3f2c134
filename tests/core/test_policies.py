from __future__ import annotations

from pathlib import Path

import pytest

from redactphi import PolicyError
from redactphi.operators import OPERATORS, MaskParams, TagParams
from redactphi.policies import PRESETS, Policy, load_policy

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "policies"


def test_presets_are_the_documented_six() -> None:
    assert list(PRESETS) == ["tag", "mask", "pseudonym", "surrogate", "vault", "encrypt"]
    assert {n for n, p in PRESETS.items() if p.reversible} == {"vault", "encrypt"}
    assert {n for n, p in PRESETS.items() if p.needs_keyring} == {
        "pseudonym",
        "surrogate",
        "vault",
        "encrypt",
    }
    assert {n for n, p in PRESETS.items() if p.needs_vault} == {"vault"}


@pytest.mark.parametrize("name", list(PRESETS))
def test_each_preset_says_if_it_is_safe_harbor_or_pseudonymised(name: str) -> None:
    description = PRESETS[name].description
    assert ("Safe Harbor de-identified" in description) != ("Pseudonymised PHI" in description)


def test_every_operator_is_a_presidio_operator_named_as_registered() -> None:
    from presidio_anonymizer.operators import Operator, OperatorType

    for name, op in OPERATORS.items():
        assert isinstance(op, Operator)
        assert op.operator_name() == name
        assert op.operator_type() is OperatorType.Anonymize


def test_unnamed_entity_types_fail_closed_to_the_default() -> None:
    policy = Policy(name="p", default=MaskParams(), entities={"DATE": TagParams()})
    assert policy.operator_for("DATE") == TagParams()
    assert policy.operator_for("SOMETHING_NEW") == MaskParams()
    assert policy.operator_for("DATE_TIME") == TagParams()  # Presidio alias folded in


def test_unnamed_types_are_still_replaced_end_to_end(fake_redactor) -> None:  # type: ignore[no-untyped-def]
    from redactphi import Finding

    policy = Policy(name="only-dates", entities={"DATE": MaskParams()})
    text = "code XYZ-1 here"
    result = fake_redactor.redact_findings(
        text, [Finding(5, 10, "BRAND_NEW_TYPE", 1.0, "t")], policy
    )
    assert result.text == "code [BRAND_NEW_TYPE] here"


def test_policies_are_frozen() -> None:
    policy = PRESETS["tag"]
    with pytest.raises(Exception):  # noqa: B017 - pydantic's frozen error type varies by version
        policy.name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        policy.entities["DATE"] = MaskParams()  # type: ignore[index]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_sample_policy_files_load(path: Path) -> None:
    policy = load_policy(path, allow_files=True)
    assert policy.name == path.stem


def test_policy_files_are_opt_in() -> None:
    # A service passing a user's policy name through must never read a file.
    with pytest.raises(PolicyError, match="unknown policy"):
        load_policy(str(SAMPLES / "coding-review.yaml"))


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("name: x\ndefault: {operator: hash}\n", "default"),  # Presidio's hash is never offered
        ("name: x\ndefault: {operator: mask, char: X}\n", "mask char"),
        ("name: x\nentities: {date: {operator: tag}}\n", "UPPER_CASE"),
        ("name: x\ndefault: {operator: tag, colour: red}\n", "colour"),
        (
            "name: x\nentities: {DATE: {operator: date_shift, min_days: 90, max_days: 30}}\n",
            "min_days",
        ),
        ("- just a list\n", "must be a mapping"),
        ("name: [unclosed\n", "not valid YAML"),
    ],
)
def test_bad_policy_files_name_the_problem(tmp_path, yaml_text: str, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.yaml"
    path.write_text(yaml_text)
    with pytest.raises(PolicyError, match=message):
        Policy.from_yaml(path)


def test_numbered_tags_through_the_redactor(fake_redactor) -> None:  # type: ignore[no-untyped-def]
    policy = Policy(name="n", default=TagParams(numbered=True))
    text = "Jane Roe met Jane Roe on 03/14/2024"
    assert fake_redactor.redact(text, policy=policy).text == "[PERSON-1] met [PERSON-1] on [DATE-1]"


@pytest.mark.parametrize("name", ["tag", "mask", "pseudonym", "surrogate"])
def test_irreversible_outputs_never_contain_a_findings_text(fake_redactor, name: str) -> None:  # type: ignore[no-untyped-def]
    from redactphi.keys import Keyring

    text = "Jane Roe seen 03/14/2024, MRN: 4829137, call (217) 555-0143, DOB 7/18/1950."
    fake_redactor.keyring = Keyring.generate()
    try:
        result = fake_redactor.redact(text, policy=name, scope="p1")
    finally:
        fake_redactor.keyring = None
    assert len(result.findings) >= 5
    for f in result.findings:
        assert text[f.start : f.end] not in result.text, (name, f.entity_type)
    for r in result.replacements:
        assert r.operator == PRESETS[name].default.operator or r.operator == "tag"


def test_result_never_holds_original_values(fake_redactor) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import astuple

    result = fake_redactor.redact("Jane Roe MRN: 4829137")
    flat = repr([astuple(r) for r in result.replacements]) + repr(result.findings)
    assert "Jane" not in flat and "4829137" not in flat


def test_key_pinning_and_missing_vault(fake_redactor) -> None:  # type: ignore[no-untyped-def]
    from redactphi import KeyringError
    from redactphi.keys import Keyring
    from redactphi.operators import PseudonymParams

    ring = Keyring.generate()
    old = ring.active.key_id
    ring.rotate()
    fake_redactor.keyring = ring
    try:
        pinned = Policy(name="pinned", default=PseudonymParams(), key_id=old)
        assert fake_redactor.redact("Jane Roe", policy=pinned).key_id == old
        assert fake_redactor.redact("Jane Roe", policy="pseudonym").key_id == ring.active.key_id
        with pytest.raises(KeyringError, match="'nope' is not in the keyring"):
            fake_redactor.redact("Jane Roe", policy=pinned.model_copy(update={"key_id": "nope"}))
        with pytest.raises(PolicyError, match="needs a token vault"):
            fake_redactor.redact("Jane Roe", policy="vault")
    finally:
        fake_redactor.keyring = None
