"""tag: `[DATE]`, or numbered `[PROVIDER-2]`, the same number for the same one in a note."""

from __future__ import annotations

from typing import ClassVar, Literal

from .base import OperatorContext, OperatorParams, PhiOperator

__all__ = ["TagOperator", "TagParams"]


class TagParams(OperatorParams):
    """`numbered`: append a per-note number, so two surgeons stay two people."""

    operator: Literal["tag"] = "tag"
    numbered: bool = False


class TagOperator(PhiOperator):
    """Replaces an identifier with its type in brackets. Safe Harbor de-identified."""

    name: ClassVar[str] = "tag"
    params_model: ClassVar[type[OperatorParams]] = TagParams

    def replace(
        self, text: str, entity_type: str, config: TagParams, context: OperatorContext
    ) -> str:
        if not config.numbered:
            return f"[{entity_type}]"
        return f"[{entity_type}-{context.document.number(entity_type, text)}]"
