from __future__ import annotations

from redactphi.operators import DateShiftOperator, DateShiftParams, DocumentState

from .conftest import fixed_keyring, run

OP = DateShiftOperator()


def test_same_scope_same_offset_other_scope_other_offset() -> None:
    ring = fixed_keyring()
    a1 = run(OP, "03/14/2024", "DATE", keyring=ring, scope="p1")
    a2 = run(OP, "03/14/2024", "DATE", keyring=ring, scope="p1")
    b = run(OP, "03/14/2024", "DATE", keyring=ring, scope="p2")
    assert a1 == a2 != b
    assert a1 != "03/14/2024"


def test_unreadable_date_falls_back_to_tag() -> None:
    assert run(OP, "the day after", "DATE", keyring=fixed_keyring()) == "[DATE]"


def test_partial_dates_use_the_notes_year() -> None:
    doc = DocumentState(values=(("DATE", "03/14/2024"), ("DATE", "March 28")))
    config = DateShiftParams(min_days=45, max_days=45)
    full = run(OP, "03/28/2024", "DATE", config, keyring=fixed_keyring(), document=doc)
    partial = run(OP, "March 28", "DATE", config, keyring=fixed_keyring(), document=doc)
    assert full.startswith("02/12/") or full.startswith("05/12/")
    assert partial in {"February 12", "May 12"}
