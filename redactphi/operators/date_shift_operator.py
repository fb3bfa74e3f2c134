"""date_shift: every date of a scope moves by the same keyed number of days."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from ..date_shift import DateShifter
from .base import OperatorContext, OperatorParams, PhiOperator

__all__ = ["DateShiftOperator", "DateShiftParams"]


class DateShiftParams(OperatorParams):
    """The offset's magnitude lies in [min_days, max_days], in either direction. Keep
    max_days under 365 so a date without a year never lands on itself."""

    operator: Literal["date_shift"] = "date_shift"
    min_days: Annotated[int, Field(ge=1, le=3650)] = 30
    max_days: Annotated[int, Field(ge=1, le=3650)] = 360

    @model_validator(mode="after")
    def _ordered(self) -> DateShiftParams:
        if self.min_days > self.max_days:
            raise ValueError("min_days must not exceed max_days")
        return self


def shifter(config: DateShiftParams, context: OperatorContext, operator: str) -> DateShifter:
    key = context.key(operator).derive("date-shift")
    return DateShifter.for_scope(key, context.scope, config.min_days, config.max_days)


class DateShiftOperator(PhiOperator):
    """Shifts dates in their own format; text with no readable date becomes `[DATE]`.
    Pseudonymised PHI, not Safe Harbor (shifted dates are still dates, keyed per scope)."""

    name: ClassVar[str] = "date_shift"
    params_model: ClassVar[type[OperatorParams]] = DateShiftParams
    keyed: ClassVar[bool] = True

    def replace(
        self, text: str, entity_type: str, config: DateShiftParams, context: OperatorContext
    ) -> str:
        shifted = shifter(config, context, self.name).shift(text, context.document.reference_year)
        return shifted if shifted is not None and shifted != text else f"[{entity_type}]"
