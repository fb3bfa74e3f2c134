"""mask: every letter and digit becomes one fixed character; spaces and punctuation stay."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import field_validator

from .base import OperatorContext, OperatorParams, PhiOperator

__all__ = ["MaskOperator", "MaskParams"]


class MaskParams(OperatorParams):
    """`char`: the masking character; `keep_layout`: keep whitespace and punctuation
    (`03/14/2024` -> `**/**/****`), else mask every character but line breaks."""

    operator: Literal["mask"] = "mask"
    char: str = "*"
    keep_layout: bool = True

    @field_validator("char")
    @classmethod
    def _one_symbol(cls, value: str) -> str:
        if len(value) != 1 or value.isalnum() or value.isspace():
            raise ValueError("mask char must be one character that is not a letter, digit or space")
        return value


class MaskOperator(PhiOperator):
    """Length- and layout-preserving mask. Safe Harbor de-identified (lengths remain)."""

    name: ClassVar[str] = "mask"
    params_model: ClassVar[type[OperatorParams]] = MaskParams

    def replace(
        self, text: str, entity_type: str, config: MaskParams, context: OperatorContext
    ) -> str:
        keep_layout = config.keep_layout and any(c.isalnum() for c in text)
        return "".join(
            c if c in "\r\n" or (keep_layout and not c.isalnum()) else config.char for c in text
        )
