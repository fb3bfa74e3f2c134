"""RedactPHI's operators: Presidio `Operator` subclasses, one per module.

Irreversible: tag, mask, pseudonym, surrogate, date_shift. Reversible: vault, encrypt.
Presidio's own `encrypt` (AES-CBC, unauthenticated) and `hash` (salted SHA-256) are never
used on PHI.
"""

from __future__ import annotations

from .base import DocumentState, OperatorContext, OperatorParams, PhiOperator
from .date_shift_operator import DateShiftOperator, DateShiftParams
from .encrypt_operator import EncryptOperator, EncryptParams
from .mask_operator import MaskOperator, MaskParams
from .pseudonym_operator import PseudonymOperator, PseudonymParams
from .surrogate_operator import SurrogateOperator, SurrogateParams
from .tag_operator import TagOperator, TagParams
from .vault_operator import VaultOperator, VaultParams

__all__ = [
    "OPERATORS",
    "DateShiftOperator",
    "DateShiftParams",
    "DocumentState",
    "EncryptOperator",
    "EncryptParams",
    "MaskOperator",
    "MaskParams",
    "OperatorContext",
    "OperatorParams",
    "PhiOperator",
    "PseudonymOperator",
    "PseudonymParams",
    "SurrogateOperator",
    "SurrogateParams",
    "TagOperator",
    "TagParams",
    "VaultOperator",
    "VaultParams",
]

# Registered explicitly, by name: the policy's `operator:` field selects one.
OPERATORS: dict[str, PhiOperator] = {
    op.name: op
    for op in (
        TagOperator(),
        MaskOperator(),
        PseudonymOperator(),
        SurrogateOperator(),
        DateShiftOperator(),
        VaultOperator(),
        EncryptOperator(),
    )
}
