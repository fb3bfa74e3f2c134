from __future__ import annotations

import re

import pytest

from redactphi.operators import DocumentState, SurrogateOperator
from redactphi.surrogates import RESTRICTED_ZIP3, generalize_age, generalize_zip

from .conftest import fixed_keyring, run

OP = SurrogateOperator()
RING = fixed_keyring()


def sur(
    value: str, entity_type: str, scope: str = "p1", document: DocumentState | None = None
) -> str:
    return run(
        OP, value, entity_type, keyring=RING, scope=scope, document=document or DocumentState()
    )


@pytest.mark.parametrize(
    ("entity_type", "value", "shape"),
    [
        ("PERSON", "Lucia Reyes", r"[A-Z][a-z]+ [A-Z][a-z]+"),
        ("PERSON", "SAVAGE, DOLORES M", r"[A-Z]+, [A-Z]+ [A-Z]"),  # layout and case kept
        ("PROVIDER", "Ellen R. Cook, MD", r"[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+, MD"),
        ("PERSON", "Joanne Bishop-Hart", r"[A-Z][a-z]+ [A-Z][a-z]+-[A-Z][a-z]+"),
        ("PHONE_NUMBER", "(209) 555-0170", r"\(\d{3}\) 555-01\d\d"),
        ("PHONE_NUMBER", "217.555.0130", r"\d{3}\.555\.01\d\d"),
        ("PHONE_NUMBER", "815-555-0102 x 318", r"\d{3}-555-01\d\d x \d{3}"),
        ("MEDICAL_RECORD_NUMBER", "MCW-88012736", r"[A-Z]{3}-\d{8}"),
        ("ID", "S24-13377", r"[A-Z]\d\d-\d{5}"),
        ("US_SSN", "987-65-4321", r"9\d\d-\d\d-\d{4}"),  # 9xx: never issued
        (
            "EMAIL_ADDRESS",
            "leon.price60@webmail.example.com",
            r"[a-z]+\.[a-z]+\d\d@[a-z.]*example\.(com|org|net)",
        ),
        (
            "URL",
            "https://portal.clinic.example.org/letters/2024-03-28",
            r"https://portal\.[a-z]+\.example\.org/[a-z]+/\d{4}-\d\d-\d\d",
        ),
        ("IP_ADDRESS", "10.42.118.27", r"(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}"),
        ("ORGANIZATION", "Mesa Verde West Valley Hospital", r"[A-Z][a-z]+( [A-Z][a-z]+)? Hospital"),
        (
            "LOCATION",
            "2218 Maple Crest Drive, Apt 4B, Chatham, IL 62629-1042",
            r"\d{4} [A-Z][a-z]+ [A-Z][a-z]+ Drive, Apt \d[A-Z], [A-Z][a-z]+, IL 62600-0000",
        ),
        ("AGE", "92", r"90\+"),
        ("DATE", "March 14th", r"[A-Z][a-z]+ \d{1,2}(st|nd|rd|th)"),
    ],
)
def test_surrogates_keep_kind_and_format(entity_type: str, value: str, shape: str) -> None:
    out = sur(value, entity_type)
    assert re.fullmatch(shape, out), out
    assert value not in out


def test_same_value_same_scope_consistent_across_notes_and_forms() -> None:
    first = sur("Lucia Reyes", "PERSON")
    assert sur("Lucia Reyes", "PERSON") == first
    given, family = first.split()
    assert sur("Reyes, Lucia Fernanda", "PERSON").startswith(f"{family}, {given} ")
    assert sur("Dr. Reyes", "PROVIDER") == f"Dr. {family}"
    assert sur("Lucia Reyes", "PERSON", scope="p2") != first


def test_lone_given_name_is_replaced_as_a_given_name() -> None:
    doc = DocumentState(values=(("PERSON", "Anneke de Vries"), ("PERSON", "Anneke")))
    full = sur("Anneke de Vries", "PERSON", document=doc)
    assert sur("Anneke", "PERSON", document=doc) == full.split()[0]


def test_zip_and_age_generalization() -> None:
    assert generalize_zip("85301") == "85300"
    assert generalize_zip("62629-1042") == "62600-0000"
    assert all(generalize_zip(p + "42") == "00000" for p in RESTRICTED_ZIP3)
    assert len(RESTRICTED_ZIP3) == 17
    assert sur("Glendale, AZ 03601", "LOCATION").endswith(", AZ 00000")
    assert generalize_age("97") == "90+"
    assert generalize_age("age 92") == "age 90+"


def test_values_with_nothing_to_fake_fall_back_to_tags() -> None:
    assert sur("---", "ID") == "[ID]"
    assert sur("the day after", "DATE") == "[DATE]"
