"""Property: an irreversible operator's output never contains the value it replaced."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redactphi.operators import OPERATORS, DocumentState

from .conftest import fixed_keyring, run

RING = fixed_keyring()
word = st.from_regex(r"[A-Z][a-z]{3,9}|[A-Z]{4,9}", fullmatch=True)
VALUES = st.one_of(
    st.tuples(st.just("PERSON"), st.builds(lambda a, b: f"{a} {b}", word, word)),
    st.tuples(st.just("PROVIDER"), st.builds(lambda a, b: f"{b}, {a}", word, word)),
    st.tuples(
        st.just("MEDICAL_RECORD_NUMBER"), st.from_regex(r"[A-Z]{0,4}-?\d{5,10}", fullmatch=True)
    ),
    st.tuples(st.just("PHONE_NUMBER"), st.from_regex(r"\(\d{3}\) \d{3}-\d{4}", fullmatch=True)),
    st.tuples(
        st.just("DATE"),
        st.from_regex(r"(0[1-9]|1[0-2])/(0[1-9]|1\d|2[0-8])/(19|20)\d\d", fullmatch=True),
    ),
    st.tuples(
        st.just("EMAIL_ADDRESS"),
        st.from_regex(r"[a-z]{3,8}\.[a-z]{3,8}\d{0,2}@[a-z]{4,8}\.org", fullmatch=True),
    ),
    st.tuples(st.just("ORGANIZATION"), st.builds(lambda a: f"{a} Regional Hospital", word)),
    st.tuples(
        st.just("LOCATION"),
        st.builds(
            lambda n, a, z: f"{n} {a} Street, {a}ville, OH {z}",
            st.integers(10, 99999),
            word,
            st.from_regex(r"\d{5}", fullmatch=True),
        ),
    ),
)


@settings(max_examples=150, deadline=None)
@given(
    item=VALUES,
    name=st.sampled_from(["tag", "mask", "pseudonym", "surrogate", "date_shift"]),
    scope=st.text(max_size=8),
)
def test_irreversible_output_never_holds_the_original(
    item: tuple[str, str], name: str, scope: str
) -> None:
    entity_type, value = item
    out = run(
        OPERATORS[name],
        value,
        entity_type,
        keyring=RING,
        scope=scope,
        document=DocumentState(values=((entity_type, value),)),
    )
    assert value.casefold() not in out.casefold()
    if entity_type in {"PERSON", "PROVIDER"} and name == "surrogate":
        for part in value.replace(",", " ").split():
            assert part.casefold() not in out.casefold().split()
