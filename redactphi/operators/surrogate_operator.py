"""surrogate: a realistic fake of the same kind and format, consistent within a scope."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from ..surrogates import SurrogateGenerator
from .base import OperatorContext, OperatorParams, PhiOperator
from .date_shift_operator import DateShiftParams, shifter

__all__ = ["SurrogateOperator", "SurrogateParams"]


class SurrogateParams(OperatorParams):
    """Dates inside surrogates are shifted with the scope's offset ([min_days, max_days])."""

    operator: Literal["surrogate"] = "surrogate"
    min_days: Annotated[int, Field(ge=1, le=3650)] = 30
    max_days: Annotated[int, Field(ge=1, le=3650)] = 360

    @model_validator(mode="after")
    def _ordered(self) -> SurrogateParams:
        if self.min_days > self.max_days:
            raise ValueError("min_days must not exceed max_days")
        return self


class SurrogateOperator(PhiOperator):
    """Names, addresses, phones (555-01xx), IDs of the same pattern, e-mails, URLs,
    organizations; dates shifted per scope, ages over 89 as "90+", ZIPs cut to three
    digits. A value no surrogate fits becomes `[TYPE]` (fail closed). Pseudonymised PHI,
    not Safe Harbor: surrogates are keyed derivations of the identifiers and dates stay
    dates."""

    name: ClassVar[str] = "surrogate"
    params_model: ClassVar[type[OperatorParams]] = SurrogateParams
    keyed: ClassVar[bool] = True

    def replace(
        self, text: str, entity_type: str, config: SurrogateParams, context: OperatorContext
    ) -> str:
        dates = DateShiftParams(min_days=config.min_days, max_days=config.max_days)
        generator = SurrogateGenerator(
            context.key(self.name).derive("surrogate"),
            context.scope,
            shifter(dates, context, self.name),
        )
        document = context.document
        out = generator.generate(
            entity_type,
            text,
            given_names=document.given_names,
            reference_year=document.reference_year,
        )
        if out is None or out == text:
            return f"[{entity_type}]"
        return out
