"""Surface forms met in the sample sets t to z (session 6): each rule with a case it must
take and, where the rule could over-reach, a case it must leave alone."""

from __future__ import annotations

import pytest
from redactphi_recognizers import (
    AgeOver89Recognizer,
    ClinicalDateRecognizer,
    HealthcareOrganizationRecognizer,
    PersonNameRecognizer,
    ProviderNameRecognizer,
    RecordNumberRecognizer,
    StreetAddressRecognizer,
)

from .conftest import spans
from .conftest import texts as _texts

PERSON = PersonNameRecognizer()
PROVIDER = ProviderNameRecognizer()
DATE = ClinicalDateRecognizer()
AGE = AgeOver89Recognizer()
ORG = HealthcareOrganizationRecognizer()
ID = RecordNumberRecognizer()
PLACE = StreetAddressRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Yes, I understand). Daughter Trần Bảo Ngọc present, contact 555-0183.", "Trần Bảo Ngọc"),
        ("Hi Ha, thank you for writing.", "Ha"),
        ('Pt: Oduya, Wilfred ("Will")  MRN MPM-1028834', "Will"),
        ("Patient: Hung V. Pham (Phạm Văn Hùng)   MRN 00633871", "Phạm Văn Hùng"),
        ("patient name is john banks that's banks b a n k s date of birth", "banks b a n k s"),
        ("FERNANDEZ-RUIZ, MERCEDES      Preferred name: Mercy", "Mercy"),
        ('PATIENT: WALKER, DARNELL J  (registered on arrival as "TRAUMA, ZEBRA")', "TRAUMA, ZEBRA"),
        ("Social: Married to Venkatesh Raghunathan (software architect).", "Venkatesh Raghunathan"),
        ('OKAFOR, CHUKWUEMEKA I ("Emeka")    MRN 40533271', "OKAFOR, CHUKWUEMEKA I"),
        ("dictating a clinic note on maria elena hernandez date of birth june 14 1958", "maria elena hernandez"),
    ],
)
def test_persons(text: str, expected: str) -> None:
    assert expected in _texts(PERSON, text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi all, thank you for writing.",
        "Hello Team,",
        "Referred by Dr. Ana Ruiz (Cardiology Associates) today.",  # a practice, not the name again
        "a note on tuesday morning about the wound.",
    ],
)
def test_not_persons(text: str) -> None:
    assert not [t for t, e in spans(PERSON, text) if e == "PERSON" and t not in {"Dr. Ana Ruiz", "Ana Ruiz"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("crew T. Reyes, Paramedic / D. Lamb, Paramedic", ["D. Lamb", "T. Reyes"]),
        ("job id 44128390. hf/mo", ["hf", "mo"]),
        ("Dr. de Vries was present.\n\nAdV:mt\nDictated 04/09/2024 1522", ["AdV", "Dr. de Vries", "mt"]),
        ("Gross by LMK (Lydia M. King, PA(ASCP)).", ["LMK", "Lydia M. King"]),
        ("Coded by: RJL     Batch: 0311-07", ["RJL"]),
        ("D: 01/13/2025 1042   T: 01/13/2025 1517\nTRANSCR: KMS   JOB#: 0113-4471", ["KMS"]),
        ("Anes: Lindqvist E, MD - GETA", ["Lindqvist E"]),
        ("Co-signed: HALVORSEN, K / Tran, Bao, RN (charge)", ["HALVORSEN, K", "Tran, Bao"]),
        ("Consult requested by: Cook E (Hospital Medicine)   Date: 07/15/2024", ["Cook E"]),
        ("Provider: Summer Akers, MD    MA: Destiny\n", ["Destiny", "Summer Akers"]),
        ("H. Mann MD / HM   4/17/24 1025   pgr 4417", ["H. Mann", "HM"]),
        ("Electronically signed 21-MAR-2024 16:28\nTCO\n\nICD-10: E04.1", ["TCO"]),
        ("Child life specialist Becca helped with the swab.", ["Becca"]),
        ("Blue Team / Noelani Kalani RN / Ortega-Baptiste J LPN", ["Noelani Kalani", "Ortega-Baptiste J"]),
        ("our care coordinator luz maria segura will call her", ["luz maria segura"]),
        ("removed if large. - Dr. H\n\n---", ["Dr. H"]),
    ],
)
def test_providers(text: str, expected: list[str]) -> None:
    assert sorted(set(_texts(PROVIDER, text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Anes: MAC",
        "Anesth: WALANT, no sedation",
        "ANA by IFA               POSITIVE",
        "Requested by: Dr. Farah Qureshi, PEM attending",  # PEM is the service
        "DOB 08/27/2018  M  Age 6",
        "the nurse will call tomorrow.",
    ],
)
def test_not_providers(text: str) -> None:
    found = set(_texts(PROVIDER, text)) - {"Dr. Farah Qureshi"}
    assert not found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date of birth the 9th of june 1971, at granite state", "the 9th of june 1971"),
        ("tentative definitive fixation the week of march 25.", "march 25"),
        ("On the 12th day of November, 2024, the Court", "the 12th day of November, 2024"),
        ("She fell the evening of 9/3. She was", "9/3"),
        ("Bed availability expected week of 12/16.", "12/16"),
        ("- Blood cx x2 4/15 (Acc MB24-0105532): no growth", "4/15"),
        ("Admitted 9/13 @ 2000 for scheduled induction", "9/13 @ 2000"),
        ("Diagnostic paracentesis 7/15 09:40: SAAG 1.8", "7/15 09:40"),
        ("Eliquis HELD - last dose 02/06 0800. Foley", "02/06 0800"),
        ("1. Hold apixaban; proceed 3/3 AM > 24 h after last dose", "3/3"),
        ("s/p percutaneous cholecystostomy 2/5\n- AKI", "2/5"),
        ("anticipate discharge PPD #2 5/10 if newborn ready.", "5/10"),
    ],
)
def test_dates(text: str, expected: str) -> None:
    assert expected in _texts(DATE, text)


@pytest.mark.parametrize(
    "text",
    ["he was seen on may 2.5 mg", "strength x 4/5.", "S: POD 13. Pain 2/10, off oxycodone", "Ratio 2/5 pm"],
)
def test_not_dates(text: str) -> None:
    assert not _texts(DATE, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB: 02/14/1930 (94 y)          Admitted", "94"),
        ("DOB: 02/11/1932   AGE: 92Y   SEX: M", "92"),
        ("She celebrated her 94th birthday on Sept 3rd", "94"),
        ("Age/Sex: 91 y / F", "91"),
        ("Comorbid burden and his age (92) further limit", "92"),
        ("Her older sister lived to 101.", "101"),
    ],
)
def test_ages(text: str, expected: str) -> None:
    assert _texts(AGE, text) == [expected]


def test_age_89_in_brackets_stays() -> None:
    assert not _texts(AGE, "DOB: 02/14/1936 (88 y)")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Medicaid ID 9100234518   Plan: Heartland Community Care", "Heartland Community Care"),
        ("Dental plan: Northern Lakes Dental Plan   Subscriber ID: NLD447120983", "Northern Lakes Dental Plan"),
        ("ACCT: H00918274     INS: HUSKER SENIOR CHOICE", "HUSKER SENIOR CHOICE"),
        ("Coverage: Natural State Kids Care, ID NSK-20448713", "Natural State Kids Care"),
        ("he was brought by concord fire department ambulance.", "concord fire department"),
        ("he was employed by brightline roofing llc who fell", "brightline roofing llc"),
        ("a colonoscopy report for valley crest endoscopy center patient", "valley crest endoscopy center"),
        ("Brief Operative Note     Holloway Creek MC - Urology", "Holloway Creek MC"),
        ("Neuromonitoring: SSEP/EMG, Desert Sky NeuroMonitoring, tech", "Desert Sky NeuroMonitoring"),
        ("Transportation through Tri-County Rural Transit (ride line)", "Tri-County Rural Transit"),
        ("also eligible through IHS / Cottonwood Wash Diné Health Center", "Cottonwood Wash Diné Health Center"),
        ("Referring: Tennessee Valley Spine and Pain", "Tennessee Valley Spine and Pain"),
        ("she works at snake river potato growers co-op in marsing", "snake river potato growers co-op"),
    ],
)
def test_organisations(text: str, expected: str) -> None:
    assert any(expected in t for t in _texts(ORG, text))


@pytest.mark.parametrize(
    "text",
    [
        "Plan: Continue Eliquis. Follow up in two weeks.",
        "Plan: ERABS pathway, clear liquids POD 0 evening",
        "Office visit today. Front Office staff. Business Office.",
        "Primary Care: 928-555-0112   PRC Office fax: 928-555-0113",
        "TTP 5th MC. No snuffbox tenderness.",
        "she goes to a support group weekly and the lab was drawn.",
        "wound packing changed; avoid dairy.",
        "also eligible through Indian Health Service today",
    ],
)
def test_not_organisations(text: str) -> None:
    assert not _texts(ORG, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MyChart activation code given: 7KQ2-M9XP-3TW (expires in 30 days).", "7KQ2-M9XP-3TW"),
        ("job 88214-5 doc id vce-2024-031417", "vce-2024-031417"),
        ("Method: USPS certified mail, tracking 9407 1118 9956 2231 4470 18", "9407 1118 9956 2231 4470 18"),
        ("1. Patient's HI Claim No. (MBI): 7QK2-WE8-YN41    2. SOC", "7QK2-WE8-YN41"),
        ("SPECIMEN: Carotid plaque, HC24-S-07751.", "HC24-S-07751"),
        ("VAN DYKE, HENDRIK MD    CO Lic. DR.0061842    01/29/2024", "DR.0061842"),
        ("Veteran: Leonard M. Church  Last4: C4327  ICN", "C4327"),
        ("date of birth june 14 1958 medical record number o c r 004128 date", "o c r 004128"),
    ],
)
def test_identifiers(text: str, expected: str) -> None:
    assert expected in _texts(ID, text)


@pytest.mark.parametrize("text", ["SN 3w2, 2w6, plus 3 PRN visits", "IMPORTANT MESSAGE FROM MEDICARE (IM): 1st copy"])
def test_not_identifiers(text: str) -> None:
    assert not _texts(ID, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail to his home at 2214 shroyer park drive dayton ohio 45419 new paragraph",
         "2214 shroyer park drive dayton ohio 45419"),
        ("ALTOONA, PA 16601                    COUNTY: BLAIR\n", "BLAIR"),
        ("in the 1400 block of Marlowe Street. Field BP 82/50", "1400 block of Marlowe Street."),
        ("615 Old Mill Run, Hellertown, PA 18055", "615 Old Mill Run"),
        ("1200 Fenwick Ridge Road, Pavilion B, Allentown, PA 18103", "1200 Fenwick Ridge Road, Pavilion B, Allentown, PA 18103"),
        ("Sending facility: Bluff Hospital ED, Jasper, AR (Newton County) - ED", "Jasper, AR"),
        ("Specimen to Rocky Mountain Dermpath, Lakewood, CO,\nrequisition", "Lakewood, CO"),
    ],
)
def test_places(text: str, expected: str) -> None:
    assert expected in _texts(PLACE, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("discharged 7/22 to home in Aransas Pass with his wife", "Aransas Pass"),  # a ZIP-code town
        ("backing out of the grain elevator lot in Gooding. Veteran", "Gooding"),
        ("7250 Saratoga Trace, Suite 100, Corpus Christi, Texas 78414", "7250 Saratoga Trace, Suite 100, Corpus Christi, Texas 78414"),
        ("Address: N5421 Sunset Bluff Lane, Plymouth, WI 53073", "N5421 Sunset Bluff Lane, Plymouth, WI 53073"),  # fire number
        ("1. Housatonic Valley Hospital, Torrington, CT, admission", "Torrington, CT"),
    ],
)
def test_more_places(text: str, expected: str) -> None:
    assert expected in _texts(PLACE, text)


@pytest.mark.parametrize(
    "text",
    ["He works in Mobile Home Park sales.", "Seen in Clinic today.", "in Grand Rounds we discussed"],
)
def test_common_words_after_in_are_not_towns(text: str) -> None:
    assert "rare known town after a preposition" not in {
        r.recognition_metadata.get("reason") for r in PLACE.analyze(text, [], None) if r.recognition_metadata
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interpreter ID: A1234 present.", "A1234"),
        ("Workstation: VALRAD-WS07 (203.0.113.48)", "VALRAD-WS07"),
    ],
)
def test_more_identifiers(text: str, expected: str) -> None:
    assert expected in _texts(ID, text)


def test_id_label_needs_digits() -> None:
    assert not _texts(ID, "ID: 3 days of cefazolin. ID consult: 2 days.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("interpreter (staff, ext. 4482) conferenced in", "ext. 4482"),
        ("Social Work (Tobias Kettleson, LCSW, x4471) to assist", "x4471"),
    ],
)
def test_extensions_take_their_prefix(text: str, expected: str) -> None:
    from redactphi_recognizers import PhoneNumberRecognizer

    assert expected in _texts(PhoneNumberRecognizer(), text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Father Lavoie will give the Anointing of the Sick.", "Father Lavoie"),
        ("family would like their imam, Sheikh Abdullahi Nur, to visit.", "Sheikh Abdullahi Nur"),
        ("RE: Walter (Wojciech) Nowak\nDOB: 09/30/1949", "Walter (Wojciech) Nowak"),
        ("KRAUSE, HELMUT F   SC-3309176   08/08/1951   Page 1 of 1", "KRAUSE, HELMUT F"),
    ],
)
def test_more_persons(text: str, expected: str) -> None:
    assert expected in _texts(PERSON, text)


@pytest.mark.parametrize("text", ["Father MI, mother HTN.", "Medicaid (ForwardHealth) ID: 4401873265"])
def test_more_not_persons(text: str) -> None:
    assert not _texts(PERSON, text)


@pytest.mark.parametrize(
    "text",
    [
        "Secondary: Medicare Part B, MBI 2WR9-KD4-MX61",
        "Tertiary: IHS/PRC referral # CHN-PRC-25-00413",
        "also eligible through Indian Health Service today",
    ],
)
def test_public_programs_are_not_organisations(text: str) -> None:
    assert not _texts(ORG, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('INDICATIONS: Mr. Gentry ("Buddy") is a 64-year-old', "Buddy"),
        ('HPI: Ms. Nguyen ("Bay") is a 33-year-old designer', "Bay"),
    ],
)
def test_nicknames_after_an_honorific(text: str, expected: str) -> None:
    assert expected in _texts(PERSON, text)


def test_age_after_the_sex_in_a_header() -> None:
    assert _texts(AGE, "KIMBROUGH, EARLINE V    F  90Y\nMRN TB-118375") == ["90"]
    assert not _texts(AGE, "90Y radioembolization planned.")  # yttrium-90, not an age


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Transcribed by kpw  Job No. 30718842   WdV/kpw\ncc: X", ["WdV", "kpw"]),
        ("reached him on 10/5 and scheduled excision.\nKP\n", ["KP"]),  # initials closing the note
    ],
)
def test_more_initials(text: str, expected: list[str]) -> None:
    assert set(expected) <= set(_texts(PROVIDER, text))


def test_month_day_before_a_count() -> None:
    assert "Oct 4" in _texts(DATE, "Blood cultures from Oct 4 2/2 sets growing E. coli.")
