from __future__ import annotations

import pytest
from redactphi_recognizers import PersonNameRecognizer

from .conftest import spans

REC = PersonNameRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PATIENT NAME: SMITH, JOHN A", ["SMITH, JOHN A"]),  # header block
        ("Patient: Aiko Tanaka\n", ["Aiko Tanaka"]),
        ("Mr. Walker tolerated the procedure", ["Mr. Walker"]),  # honorific, common-word surname
        ("Mrs. O'Connor-Hale was seen", ["Mrs. O'Connor-Hale"]),
        ("her daughter Maria at bedside", ["Maria"]),  # relative
        ("Dear Ms. Banks:", ["Ms. Banks"]),
        ("Name: YOUNG, CARMEN LUCIA", ["YOUNG, CARMEN LUCIA"]),  # LAST, FIRST MIDDLE
        ('Patient: MASON, BERNARD "BERNIE"', ['MASON, BERNARD "BERNIE"']),  # nickname
        ("patient: szymanski, agnieszka   mrn 80023319", ["szymanski, agnieszka"]),  # lower-case dictation
        ("Mr. D. Jones was admitted", ["Mr. D. Jones"]),
        ("PATIENT: DE VRIES, WILLEM P   HOSP NO", ["DE VRIES, WILLEM P"]),  # upper-case particle
        ("Family history: Sister, Paloma Fernandez-Ruiz, has UC.", ["Paloma Fernandez-Ruiz"]),
        ("report from Officer Dana Kowalczyk, badge", ["Officer Dana Kowalczyk"]),  # titled non-staff
        ("Chaplain Rev. Theodora Banks visited", ["Rev. Theodora Banks"]),
        ("close with Father Dominic Oyelaran there", ["Father Dominic Oyelaran"]),  # clergy needs full name
        ("RE:    URGENT referral - Medeiros, Joaquim P.  DOB 04/25/1979", ["Medeiros, Joaquim P."]),
        ("she and her husband piotr szymanski wished", ["piotr szymanski"]),  # lower-case dictation
        ("1400 - Granddaughter, Bethany Hope-Carter, at bedside", ["Bethany Hope-Carter"]),
    ],
)
def test_persons_found(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "PATIENT NAME: Unknown",  # placeholder
        "the patient tolerated the procedure",  # no name
        "Homan sign negative",  # eponym
        "Father reports she slept well",  # a parent, no name
        "RE: URGENT referral",  # a label followed by an ordinary word
        "her husband was present at the bedside",  # no name after the relative
    ],
)
def test_not_persons(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("home 662.555.0126; daughter Corinne Walker-Field 662.555.0127.", ["Corinne Walker-Field"]),
        ("Contacts: (son Tomas Reyes) and daughter Ana Reyes", ["Ana Reyes", "Tomas Reyes"]),
    ],
)
def test_relative_opening_a_list_item(text: str, expected: list[str]) -> None:
    assert sorted(s for s, _ in spans(REC, text)) == expected


def test_relation_word_mid_sentence_needs_a_possessive() -> None:
    assert spans(REC, "the daughter Clinic Visit was moved") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Patient: Wojciech "Walt" Kaminski   MRN: 1', ['Wojciech "Walt" Kaminski']),
        ("(group roster lists the client as J.A.B.); next", ["J.A.B."]),
    ],
)
def test_nicknames_and_dotted_initials(text: str, expected: list[str]) -> None:
    assert sorted(s for s, _ in spans(REC, text)) == expected


@pytest.mark.parametrize("text", ["a son; son Has Asthma", "made in the U.S.A. today"])
def test_not_names_ordinary_words_and_abbreviations(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("protocol activated. Mother (Rosa) reached by phone", ["Rosa"]),
        ("Dysuria improved. Wife Min-ji at bedside, asked", ["Min-ji"]),
        ("go home with mother-in-law Folake helping; employer", ["Folake"]),
        ('maternal grandmother (Doña Ofelia")', ["Doña Ofelia"]),
        ("two children, Oliver (9) and June (6), attend school", ["June", "Oliver"]),
    ],
)
def test_relatives_with_one_given_name_and_children_with_ages(text: str, expected: list[str]) -> None:
    assert sorted(s for s, _ in spans(REC, text)) == expected


@pytest.mark.parametrize(
    "text",
    ["Mother (Deceased) had CAD", "Daughter Well at this time", "scans: Ultrasound (12) and Bone (3)"],
)
def test_relative_words_before_ordinary_words(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("conservator of estate: Atty. Leonard Sokolowski, Sokolowski & Reyes LLP", ["Atty. Leonard Sokolowski"]),
        ("OBED Bay 3\nSterling, Aaliyah Nicole | MRN RB-2207713 | Acct", ["Sterling, Aaliyah Nicole"]),
    ],
)
def test_attorneys_and_last_first_before_a_record_number(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


def test_the_name_on_a_specimen_label() -> None:
    text = 'Received in formalin labeled "Field, Margaret" and "left breast 2:00" are five cores'
    assert [s for s, _ in spans(REC, text)] == ["Field, Margaret"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SECTION 1\n Name (Last, First MI): BEGAY, LORETTA J          Sex: F", ["BEGAY, LORETTA J"]),
        ("Accession #: S24-004417          Patient: OKONKWO-BAPTISTE, ADAEZE N\nMRN", ["OKONKWO-BAPTISTE, ADAEZE N"]),
        ("VETERAN: TWO BULLS, HARLAN J     SSN: 987-65-4321", ["TWO BULLS, HARLAN J"]),
        ("Paciente: RAMÍREZ DE LA TORRE, ANA LUCÍA   Récord", ["RAMÍREZ DE LA TORRE, ANA LUCÍA"]),
        ("Patient: SMITH, JOHN   MRN: 1234567", ["SMITH, JOHN"]),
        ("Family updated: esposo Sr. Efraín Torres Ocasio, cel. 787-555-0162.", ["Sr. Efraín Torres Ocasio"]),
        ("Contact: fiancée Losana Tupou 562-555-0168; uncle", ["Losana Tupou"]),
        ("COOK, ELLEN R presented for follow-up", ["COOK, ELLEN R"]),
        ("SCRUB: SGT Tyrell Bond (68D)", ["SGT Tyrell Bond"]),
    ],
)
def test_labelled_fields_mid_line_spanish_titles_ranks_and_caps_last_first(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize("text", ["Labs: CBC, BMP ordered", "NPO, IVF overnight", "HR, BP stable"])
def test_upper_case_abbreviation_pairs_are_not_last_first(text: str) -> None:
    assert spans(REC, text) == []


def test_a_youngest_child_with_her_age() -> None:
    text = "i always carry my youngest Pepper (shes 3 and like 35 lbs) to the car"
    assert [s for s, _ in spans(REC, text)] == ["Pepper"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seen in clinic with parents Anders and Claire Petersen. Prior", ["Anders and Claire Petersen"]),
        ("Foster parents: Glenn and Patrice Ashworth, 2871", ["Glenn and Patrice Ashworth"]),
        ("Parent: SSgt Malcolm Reid (father), stationed", ["SSgt Malcolm Reid"]),
        ("husband LCpl Diego Herrera deployed", ["LCpl Diego Herrera"]),
    ],
)
def test_couples_sharing_a_surname_and_military_ranks(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize("text", ["parents Both and Each Reported", "Major Depressive Disorder"])
def test_couple_and_rank_lookalikes_are_not_names(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INDICATIONS: the patient, mrs. wood, is a 58-year-old Tinel's", ["mrs. wood"]),
        ("indications: ms. vang is a 44-year-old woman after EGD", ["ms. vang"]),
        ("I will send a note to linda price, the claims adjuster, at", ["linda price"]),
        ("PATIENT: wood, charlotte m             MR#: 00-23-51-7", ["wood, charlotte m"]),
        ("Patient / Paciente: Amara Castellanos-Reid        MRN: SCH-00532190", ["Amara Castellanos-Reid"]),
    ],
)
def test_lower_case_persons_and_bilingual_labels(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize("text", ["latency 5.8 ms. the wave", "ms. and mrs. the", "bring a snack, the nurse said"])
def test_lower_case_honorific_and_apposition_lookalikes(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Patient: Hill, Wilhelmina "Billie" R.   MRN: 00392214', ['Hill, Wilhelmina "Billie" R.']),
        ("Pt: O'BRIEN-ACHTERBERG, PATRICK J JR   Unit #: M000381902", ["O'BRIEN-ACHTERBERG, PATRICK J JR"]),
        ("Patient: O'Brien-Achterberg, Patrick J Jr      MRN: M0003", ["O'Brien-Achterberg, Patrick J Jr"]),
    ],
)
def test_last_first_with_nickname_before_initial_and_suffix(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


def test_a_quoted_nickname_after_a_relation_word() -> None:
    found = [s for s, _ in spans(REC, 'Her mother Dolores Young and aunt "Cookie" are her support.')]
    assert "Cookie" in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ride home: roommate YN3 Kaitlyn Gray, 757-555-0189.", ["YN3 Kaitlyn Gray"]),
        ("Laterality verified by: LT Marco Bellini, MC", ["LT Marco Bellini"]),
        ("Chaplain Ruth Ann Caudill; Bethany Slone, LCSW", ["Chaplain Ruth Ann Caudill"]),
        ("Maternal grandmother Georgianna Little Hawk also present", ["Georgianna Little Hawk"]),
        ("5. Veteran's son Eddie Jr. (402-555-0185) updated", ["Eddie Jr"]),
        ("the baker post office supervisor mrs. guidry asked for two weeks off", ["mrs. guidry"]),
    ],
)
def test_ratings_chaplains_maternal_relatives_suffixes_and_lower_honorifics(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Infant: BABY BOY TSOSIE ("Tsosie, Boy A" - twin A)', ["BABY BOY TSOSIE", "Tsosie, Boy A"]),
        ('infant ("Bebé Niña Rivera", newborn MRN', ["Bebé Niña Rivera"]),
        ('Name: Talalelei Faleafa   ("Lei")   DOB:', ["Lei", "Talalelei Faleafa"]),
        ("bagged & handed to Ofc. Rucker at 04:20.", ["Ofc. Rucker"]),
        ("probation officer PO Melissa Gagnon, Hillsborough", ["PO Melissa Gagnon"]),
        ("Decedent: BENAVIDES, RAUL ERNESTO\n", ["BENAVIDES, RAUL ERNESTO"]),
    ],
)
def test_newborns_nicknames_officers_and_more_person_labels(text: str, expected: list[str]) -> None:
    assert sorted(s for s, _ in spans(REC, text)) == sorted(expected)


@pytest.mark.parametrize("text", ["Give Tylenol PO Every Night", "Baby Boy", "PO Lasix Daily"])
def test_route_po_and_a_bare_baby_boy_are_not_names(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize("text", ["PATIENT: KOWALCZYK^DENISE^R | MRN", "PID|1||X||Halvorsen^Ingrid^L||"])
def test_hl7_caret_names(text: str) -> None:
    assert any("^" in s for s, _ in spans(REC, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("911 CALLER / BYSTANDER: MARCUS BELL, (970) 555-0138", ["MARCUS BELL"]),
        ("FAMILY: WIFE KATARZYNA KOWALCZYK REACHED VIA PHONE", ["KATARZYNA KOWALCZYK"]),
        ("WIFE REACHED VIA PHONE. SON AT BEDSIDE. MOTHER HAS COPD.", []),
    ],
)
def test_upper_case_relatives_and_witnesses(text: str, expected: list[str]) -> None:
    assert [t for t, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("XR TECH AMIR SHAHIDI; CHAPLAIN REV. JOAN EKWUEME", ["AMIR SHAHIDI", "REV. JOAN EKWUEME"]),
        ("TECH ZOLL PADS PLACED; NURSE AWARE OF PLAN", []),
    ],
)
def test_upper_case_staff_roles(text: str, expected: list[str]) -> None:
    assert sorted(t for t, _ in spans(REC, text)) == expected


def test_vietnamese_names_with_their_diacritics() -> None:
    assert [t for t, _ in spans(REC, "Daughter Trần Bảo Ngọc present, contact (740) 555-0183.")] == ["Trần Bảo Ngọc"]
