from __future__ import annotations

import pytest
from pydantic import ValidationError

from redactphi.operators import MaskOperator, MaskParams

from .conftest import run

OP = MaskOperator()


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("03/14/2024", "**/**/****"),  # layout kept
        ("(217) 555-0143", "(***) ***-****"),
        ("Fernandez-Ruiz", "*********-****"),
        ("José Ñúñez", "**** *****"),  # letters of any script
        ("--", "**"),  # nothing alphanumeric: mask it all, never echo the value
    ],
)
def test_mask_keeps_length_and_layout(value: str, masked: str) -> None:
    out = run(OP, value, "ID")
    assert out == masked and len(out) == len(value)


def test_mask_without_layout_and_custom_char() -> None:
    assert run(OP, "12 34", "ID", MaskParams(char="#", keep_layout=False)) == "#####"


@pytest.mark.parametrize("char", ["X", "1", " ", "**"])
def test_mask_char_must_be_one_symbol(char: str) -> None:
    with pytest.raises(ValidationError):
        MaskParams(char=char)
