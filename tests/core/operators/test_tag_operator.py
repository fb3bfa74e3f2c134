from __future__ import annotations

import pytest

from redactphi import PolicyError
from redactphi.operators import DocumentState, TagOperator, TagParams

from .conftest import run

OP = TagOperator()


def test_plain_tag() -> None:
    assert run(OP, "03/14/2024", "DATE") == "[DATE]"
    assert OP.operator_name() == "tag"


def test_numbered_tags_follow_identity_within_a_note() -> None:
    values = (
        ("PROVIDER", "Rebecca Walker"),
        ("PROVIDER", "Oliver Bankole"),
        ("PROVIDER", "Walker"),  # the only Walker: same person as Rebecca Walker
        ("PROVIDER", "Dr. Oliver Bankole"),
        ("PERSON", "Lucia Reyes"),
        ("PERSON", "Reyes, Lucia Fernanda"),
    )
    document = DocumentState(values=values)
    numbered = TagParams(numbered=True)
    out = [run(OP, text, t, numbered, document=document) for t, text in values]
    assert out == [
        "[PROVIDER-1]",
        "[PROVIDER-2]",
        "[PROVIDER-1]",
        "[PROVIDER-2]",
        "[PERSON-1]",
        "[PERSON-1]",
    ]


def test_two_people_sharing_a_surname_stay_apart() -> None:
    values = (("PERSON", "Anna Price"), ("PERSON", "Leon Price"), ("PERSON", "Price"))
    document = DocumentState(values=values)
    out = [run(OP, text, t, TagParams(numbered=True), document=document) for t, text in values]
    assert out[0] != out[1] and out[2] not in out[:2]


def test_missing_entity_type_is_refused() -> None:
    with pytest.raises(PolicyError, match="needs an entity type"):
        OP.validate({})
