"""Apply a policy to a note's findings: each span goes through its type's operator.

Presidio's `AnonymizerEngine` is not used to drive the operators: it merges adjacent
same-type entities across whitespace and has no per-note state, while RedactPHI needs the
exact findings it reports, a numbering that is consistent within a note, and an offset
map both ways. The operators themselves are Presidio `Operator`s.
"""

from __future__ import annotations

from collections.abc import Sequence

from .errors import InputError, KeyringError, PolicyError
from .findings import Finding, RedactionResult, Replacement
from .keys import Keyring
from .operators import OPERATORS, DocumentState, OperatorContext
from .policies import Policy
from .tokens import TOKEN_PREFIX
from .vault import TokenVault

__all__ = ["apply_policy"]


def apply_policy(
    text: str,
    findings: Sequence[Finding],
    policy: Policy,
    *,
    scope: str | None = None,
    keyring: Keyring | None = None,
    vault: TokenVault | None = None,
) -> RedactionResult:
    """Replace each finding in `text` as `policy` says. The result holds offsets, types and
    the redacted text, never an original value."""
    if policy.needs_keyring and keyring is None:
        raise KeyringError(f"policy {policy.name!r} needs a keyring")
    if policy.needs_vault and vault is None:
        raise PolicyError(f"policy {policy.name!r} needs a token vault")
    key_id: str | None = None
    if policy.needs_keyring:
        assert keyring is not None
        key_id = keyring.get(policy.key_id).key_id if policy.key_id else keyring.active.key_id
    if policy.reversible and TOKEN_PREFIX.search(text):
        raise InputError(
            "the note already contains text in RedactPHI's token syntax ('[[TYPE:'); "
            "a reversible policy could not restore it exactly"
        )
    spans = _disjoint(findings, len(text))
    context = OperatorContext(
        scope=scope or "",
        keyring=keyring,
        key_id=policy.key_id,
        vault=vault,
        document=DocumentState(values=tuple((f.entity_type, text[f.start : f.end]) for f in spans)),
    )
    batches: dict[str, list[tuple[str, str]]] = {}
    for f in spans:
        batches.setdefault(policy.operator_for(f.entity_type).operator, []).append(
            (text[f.start : f.end], f.entity_type)
        )
    for name, items in batches.items():
        OPERATORS[name].prepare(items, context)
    out: list[str] = []
    replacements: list[Replacement] = []
    cursor = 0
    length = 0
    for f in spans:
        spec = policy.operator_for(f.entity_type)
        operator = OPERATORS[spec.operator]
        new = operator.operate(
            text[f.start : f.end],
            {"entity_type": f.entity_type, "config": spec, "context": context},
        )
        out.append(text[cursor : f.start])
        length += f.start - cursor
        replacements.append(
            Replacement(f.start, f.end, length, length + len(new), f.entity_type, operator.name)
        )
        out.append(new)
        length += len(new)
        cursor = f.end
    out.append(text[cursor:])
    return RedactionResult(
        "".join(out), tuple(findings), tuple(replacements), policy=policy.name, key_id=key_id
    )


def _disjoint(findings: Sequence[Finding], length: int) -> list[Finding]:
    """Findings sorted and made disjoint: overlapping ones are merged into their union
    (typed as the longest), so no character of either escapes redaction."""
    merged: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if not 0 <= f.start < f.end <= length:
            raise InputError(f"finding [{f.start}, {f.end}) lies outside the text")
        if merged and f.start < merged[-1].end:
            last = merged[-1]
            longest = last if len(last) >= len(f) else f
            merged[-1] = Finding(
                last.start,
                max(last.end, f.end),
                longest.entity_type,
                max(last.score, f.score),
                longest.recognizer,
                longest.reason,
            )
        else:
            merged.append(f)
    return merged
