"""pseudonym: a typed HMAC-SHA256 code, `[PERSON-3f9a2c1b]`, stable across notes."""

from __future__ import annotations

import hashlib
import hmac
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from .base import OperatorContext, OperatorParams, PhiOperator

__all__ = ["PseudonymOperator", "PseudonymParams"]


class PseudonymParams(OperatorParams):
    """`length`: hex digits kept from the HMAC (8 = 32 bits, enough for one institution's
    patients to rarely collide; raise it for larger populations)."""

    operator: Literal["pseudonym"] = "pseudonym"
    length: Annotated[int, Field(ge=6, le=64)] = 8


class PseudonymOperator(PhiOperator):
    """Keyed one-way code of the value: the same value (and scope, if given) gives the same
    code under the same key. Pseudonymised PHI, not Safe Harbor: the code is derived from
    the identifier, and anyone holding the key can test a guess."""

    name: ClassVar[str] = "pseudonym"
    params_model: ClassVar[type[OperatorParams]] = PseudonymParams
    keyed: ClassVar[bool] = True

    def replace(
        self, text: str, entity_type: str, config: PseudonymParams, context: OperatorContext
    ) -> str:
        key = context.key(self.name).derive("pseudonym")
        normalized = " ".join(text.casefold().split())
        message = "\x1f".join((entity_type, context.scope, normalized)).encode(
            "utf-8", "surrogatepass"
        )
        code = hmac.new(key, message, hashlib.sha256).hexdigest()[: config.length]
        return f"[{entity_type}-{code}]"
