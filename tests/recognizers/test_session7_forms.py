"""Surface forms met in sample sets zf onwards (session 7): each rule with a case it must
take and, where the rule could over-reach, a case it must leave alone."""

from __future__ import annotations

import pytest
from redactphi_recognizers import (
    HealthcareOrganizationRecognizer,
    PersonNameRecognizer,
    ProviderNameRecognizer,
    RecordNumberRecognizer,
    StreetAddressRecognizer,
)

from .conftest import texts as _texts

PERSON = PersonNameRecognizer()
PROVIDER = ProviderNameRecognizer()
ORG = HealthcareOrganizationRecognizer()
ID = RecordNumberRecognizer()
PLACE = StreetAddressRecognizer()

IMMUNIZATION_TABLE = (
    "VACCINE               DATE GIVEN   PRODUCT / MFR          LOT          SITE   BY\n"
    "Hep B #1              02/28/2012   Engerix-B Peds / GSK   AHBVB771AA   R VL   hospital\n"
    "Hib #1                04/30/2012   ActHIB / Sanofi        UH622AA      R VL   MM\n"
    "Tdap                  09/03/2024   Boostrix / GSK         7H2CL        L del  TG\n"
    "\n"
    "VIS given. Observed 15 minutes.\n"
)


def test_lot_column_of_a_space_aligned_table() -> None:
    found = _texts(ID, IMMUNIZATION_TABLE)
    assert {"AHBVB771AA", "UH622AA", "7H2CL"} <= set(found)
    assert "02/28/2012" not in found and "15" not in found


def test_staff_column_of_a_space_aligned_table() -> None:
    found = _texts(PROVIDER, IMMUNIZATION_TABLE)
    assert {"MM", "TG"} <= set(found)
    assert "hospital" not in found and "GSK" not in found


def test_staff_column_of_a_pipe_table() -> None:
    table = "| Time | Drug | Given by |\n| 0810 | cefazolin 2 g | R. Okafor |\n| 0900 | heparin | Pharmacy |\n"
    found = _texts(PROVIDER, table)
    assert "R. Okafor" in found and "Pharmacy" not in found


def test_a_table_without_an_identifier_column_is_left_alone() -> None:
    table = "TEST          RESULT     UNITS    RANGE\nSodium        139        mmol/L   135-145\nA1c           7.2        %        4.0-5.6\n"
    assert _texts(ID, table) == []
    assert _texts(PROVIDER, table) == []


def test_initials_in_a_key_beside_their_names() -> None:
    key = "Administering staff key: MM = Maria Mendes, RN; DK = Dana Kim, LPN; SP = Sanjay P. Patel, MD"
    assert {"MM", "DK", "SP"} <= set(_texts(PROVIDER, key))
    # letters that are not the name's initials are no key
    assert "CT" not in _texts(PROVIDER, "CT = Chest Imaging, Radiology")


def test_initials_signing_a_message_after_a_dash() -> None:
    message = "I placed the referral; his office will call you.\n- CY\n\n----------\n"
    assert "CY" in _texts(PROVIDER, message)
    lst = "Plan:\n- Repeat labs in 6 weeks.\n- CBC\n"
    assert "CBC" not in _texts(PROVIDER, lst)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ordering/authorizing: Cook E\n\nReturn in 3 months.", "Cook E"),
        ("Rooming: K. Young, CMA     Attending: Nadia Savage, DO", "K. Young"),
    ],
)
def test_ordering_and_rooming_fields(text: str, expected: str) -> None:
    assert expected in _texts(PROVIDER, text)


@pytest.mark.parametrize(
    "text",
    [
        "Circulator: 12 min",  # a unit after its number, not a lower-case name
        "Ordering: Dr. Caleb Whitehorse (Orthopaedic Surgery) - total hip revision",
    ],
)
def test_role_fields_leave_units_and_services(text: str) -> None:
    found = _texts(PROVIDER, text)
    assert "min" not in found and "Orthopaedic" not in found


def test_user_name_in_a_printed_stamp() -> None:
    assert "tgarcia" in _texts(ID, "Printed: 09/03/2024 15:26 by tgarcia   Page 1 of 1")
    assert "jsmith" in _texts(ID, "Printed by jsmith\nNext line")
    assert _texts(ID, "Signed by the attending today.") == []


def test_nickname_after_prefers() -> None:
    assert "Peg" in _texts(PERSON, 'Name: KING, MARGARET ANNE (prefers "Peg")')


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mom reports peeling paint in the hallway of Apt 4D.", "Apt 4D"),
        ("Neighbor (Apartment #12) has a key.", "Apartment #12"),
    ],
)
def test_apartment_alone(text: str, expected: str) -> None:
    assert expected in _texts(PLACE, text)


@pytest.mark.parametrize(
    "text",
    [
        "lives in an apartment 2 blocks from the clinic",
        "follow-up apt 2 weeks",  # an appointment
        "stabbed in his apartment Y92.039 tonight",  # a place-of-occurrence code
    ],
)
def test_not_apartments(text: str) -> None:
    assert _texts(PLACE, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GARDEN STATE VISITING NURSES OF BERGEN\nSkilled Nursing Visit Note", "GARDEN STATE VISITING NURSES OF BERGEN"),
        ("Northgate Meridian Allergy, Asthma & Immunology\n1 Landmark Sq", "Northgate Meridian Allergy, Asthma & Immunology"),
        ("Attends Eglise Baptiste Nouvelle Jerusalem on Sundays.", "Eglise Baptiste Nouvelle Jerusalem"),
        ("plays club soccer with FC Schuylkill United; hoping to play", "FC Schuylkill United"),
        ("plays for Lehigh Valley FC on weekends", "Lehigh Valley FC"),
    ],
)
def test_more_organisations(text: str, expected: str) -> None:
    assert expected in _texts(ORG, text)


def test_state_code_before_a_name_is_no_club() -> None:
    assert _texts(ORG, "Greenville, SC Smith was seen") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Printed 05/21/2024 16:02 by rortiz3 @ 198.51.100.47", "rortiz3"),
        ("Scanned by cbautista (Circulator) 04/17/2024 10:26", "cbautista"),
        ("Query#: Q25-001982   Created: 03/06/25 08:41   By: CDI.HWILLIAMS   Status: ANSWERED", "CDI.HWILLIAMS"),
        ("Access log: viewed by npci\\praghunathan from 198.51.100.37", "npci\\praghunathan"),
        ("Rec'd 05/07/24 08:15 | Assigned: LVALENZUELA\nStatus", "LVALENZUELA"),
        ("PRINTED: 04/02/2024 14:07 BY RMCALLISTER\nX", "RMCALLISTER"),
        ("Signature captured electronically: doyelaran 11/09/2024 19:02", "doyelaran"),
        ("SCANNED TO CHART 11/20/2024 hcordero (ADMIT SCH-E-7720914)", "hcordero"),
    ],
)
def test_login_names(text: str, expected: str) -> None:
    assert expected in _texts(ID, text)


@pytest.mark.parametrize(
    "text",
    [
        "wound assessed and documented by nursing staff",
        "FLAURA2 and ADAURA trials; TREITZ ligament; ESMARCH bandage",  # capitals alone
        "the stone was retrieved; blake drain left",  # words and names in their own right
    ],
)
def test_not_login_names(text: str) -> None:
    assert _texts(ID, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TRANSCRIBED: 12/01/2024 11:30 BY AQ   JOB: 7718224", ["AQ"]),
        ("DD: 10/08/2024 1322   DT: 10/08/2024 1619   JOB: 44718203   KA/RLM\nCC: X", ["KA", "RLM"]),
        ("DICT: TJW  D:07/09/24 1231  T:07/09/24 1548  TRANS: DKH  JOB: 4481935", ["TJW", "DKH"]),
        ("lk/vr   signed leilani kahale, md  06/11/2024 14:55", ["lk", "vr"]),
    ],
)
def test_stamp_initials(text: str, expected: list[str]) -> None:
    assert set(expected) <= set(_texts(PROVIDER, text))


def test_capitals_by_a_test_are_no_initials() -> None:
    assert _texts(PROVIDER, "CT/MRI reviewed BY CT") == []


def test_city_and_ambiguous_state_after_a_rare_town() -> None:
    assert "Asheville, NC" in _texts(PLACE, "Patient leaves for Asheville, NC in April.")
    assert _texts(PLACE, "Seen by Bradley Covington, MD today.") == []  # a credential, not Maryland


def test_dot_leader_fields() -> None:
    from redactphi_recognizers import AgeOver89Recognizer

    text = "Patient Name ....... Baker, Joy Annette\nAge ..... 93\n"
    assert "Baker, Joy Annette" in _texts(PERSON, text)
    assert _texts(AgeOver89Recognizer(), text) == ["93"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("with patient and wife Fumiko Yamamoto (92), who attended.", ["92"]),
        ("Paternal grandmother Nou Her - d. at 91, stomach sickness", ["91"]),
        ("DOB / Age:       03/08/1927 / 97 yrs             Sex: F", ["97"]),
        ("son John Smith (45); Lead II (95)", []),
    ],
)
def test_more_ages(text: str, expected: list[str]) -> None:
    from redactphi_recognizers import AgeOver89Recognizer

    assert _texts(AgeOver89Recognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L radial arterial line (placed 3/3 20:55 by Dr. Qureshi)", "3/3 20:55"),
        ("HX BREAST CANCER (S/P LUMPECTOMY + XRT 2019-05), ON ANASTROZOLE", "2019-05"),
        ("Transmission ...... 2024-07-23 03:11 EDT   Type: Alert", "2024-07-23 03:11 EDT"),
        ("CTA at 1 month (mid-Dec 2023) here", "mid-Dec 2023"),
        ("Deployments: (Jun 2010-May 2011)", "May 2011"),
    ],
)
def test_more_dates(text: str, expected: str) -> None:
    from redactphi_recognizers import ClinicalDateRecognizer

    assert expected in _texts(ClinicalDateRecognizer(), text)


def test_not_dates() -> None:
    from redactphi_recognizers import ClinicalDateRecognizer

    found = _texts(ClinicalDateRecognizer(), "strength 5/5 10:00 today; ICD 2019-2020; ref 2023-0412277")
    assert found == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("evidence tag CPD-EV-2024-0881453, chain-of-custody", "CPD-EV-2024-0881453"),
        ("CLOTHING BAGGED, PROPERTY TAG MPD-P-24-119057.", "MPD-P-24-119057"),
        ("sent to Helix Oncology Diagnostics, req. HXO-55103-2.", "HXO-55103-2"),
        ("Medi-Cal CIN: 92418806F                  BIC #", "92418806F"),
        ("mobile app, IP 203.0.113.47, session 7f3c9a21e0]", "7f3c9a21e0"),
        ("[Message thread closed by ARTAN 09/20/2024 10:07; total", "ARTAN"),
    ],
)
def test_more_labelled_identifiers(text: str, expected: str) -> None:
    assert expected in _texts(ID, text)


def test_session_and_req_words_alone_are_no_labels() -> None:
    assert _texts(ID, "the session 2 of PT went well; req 3 units") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LBH/dragon   signed lucia benavides-hart, md 07/22/2024", "LBH"),
        ("DFL/speechrec   Electronically signed Douglas Fairbanks-Lowe, DO", "DFL"),
        ("Transcribed by ALW | Job SES-25-00871", "ALW"),
        ("AUTHOR: PETROSYAN,NIKOLAI V          EXP COSIGNER:", "PETROSYAN,NIKOLAI V"),
        ("ATTEND DR: GRIMES,TALMADGE O          REG DATE: 01/21/25", "GRIMES,TALMADGE O"),
    ],
)
def test_more_staff_forms(text: str, expected: str) -> None:
    assert expected in _texts(PROVIDER, text)


def test_name_in_cjk_characters_in_brackets() -> None:
    assert "陳永基" in _texts(PERSON, "Patient: Chan, Wing Kee (陳永基)     MRN: O77098412")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Works at Burnham Cold Storage; modified duty", "Burnham Cold Storage"),
        ("WASHOE PINES POST-ACUTE & REHABILITATION\n2890 Vista", "WASHOE PINES POST-ACUTE & REHABILITATION"),
        ("sent to Walgreen's on Knox Ave", "Walgreen's"),
        ("Germline panel sent to Meridian Genetics - pending.", "Meridian Genetics"),
    ],
)
def test_more_organisation_heads(text: str, expected: str) -> None:
    assert expected in _texts(ORG, text)


def test_instruments_named_elevator_are_no_organisations() -> None:
    assert _texts(ORG, "FLAP ELEVATED WITH THE COTTLE ELEVATOR AND FREER ELEVATOR") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requirements met: TB screen (CXR neg 11/11), 7-day meds", ["11/11"]),
        ("Loading dose given 11/11 16:00: 25 mg/kg", ["11/11 16:00"]),
        ("ELECTRONICALLY SIGNED BY X ON 02/26/24 AT 1744", ["02/26/24 AT 1744"]),
        ("ER/PR: Allred 8/8; BPP 8/8; strength 5/5; 2/2 bottles", []),
    ],
)
def test_repeated_month_and_day(text: str, expected: list[str]) -> None:
    from redactphi_recognizers import ClinicalDateRecognizer

    assert sorted(_texts(ClinicalDateRecognizer(), text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Member ID CPH88231047   Group MA-4410   MBI on file 1EG4-TE5-MK72", "1EG4-TE5-MK72"),
        ("COVERAGE: MEDICARE A/B 1EG4TE5MK72 ;  AHCCCS", "1EG4TE5MK72"),
        ("SSN (last 4 only per policy): xxx-xx-4321", "xxx-xx-4321"),
        ("SIGNED ELECTRONICALLY BY: GBERRY 04/03/25 0922", "GBERRY"),
        ("  01/14/2026 16:06  AFONTAINE     attested", "AFONTAINE"),
    ],
)
def test_mbi_masks_and_stamped_users(text: str, expected: str) -> None:
    assert expected in _texts(ID, text)


def test_mbi_shape_needs_all_eleven_places() -> None:
    assert _texts(ID, "CPT 1EG4 and 2AB3-CD4; pattern 1SL4-TE5-MK72 seen") == []  # no S or L in an MBI


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("who resettled in Burlington from the camps", "Burlington"),
        ("Daughter drives her from Bethlehem; patient stopped", "Bethlehem"),
        ("sent to the Farmington ED. Admission labs", "Farmington"),
        ("Her Duluth cardiologist, Dr. Ingrid Solberg, agreed.", "Duluth"),
    ],
)
def test_more_town_cues(text: str, expected: str) -> None:
    assert expected in _texts(PLACE, text)


def test_services_after_ordinary_words_are_no_towns() -> None:
    assert _texts(PLACE, "seen in the Main clinic by the General surgeon") == []


def test_medical_center_acronyms() -> None:
    assert _texts(ORG, "MICU TRANSFER NOTE          UVUMC MICU, Bed 9") == ["UVUMC"]
    assert _texts(ORG, "first CMC joint arthritis; MMC applied") == []


def test_care_events_date_a_yearless_day() -> None:
    from redactphi_recognizers import ClinicalDateRecognizer

    date = ClinicalDateRecognizer()
    assert _texts(date, "L radial arterial line -- removed 3/5") == ["3/5"]
    assert _texts(date, "strength improved 4/5 today") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ATTENDS LITTLE ACORNS LEARNING CENTER ON WATERS AVE; SEVERAL SICK", "WATERS AVE"),
        ("OUTSIDE A TAVERN ON W. LISBON AVE. BP 70", "W. LISBON AVE."),
        ("in an apartment on 14th Ave N. Eldest son", "14th Ave N"),
        ("Parish: Ouachita", "Ouachita"),
        ("61 Y/O RETIRED POSTAL CARRIER FROM FRUITA WITH 2 YEARS", "FRUITA"),
        ("IN AND FOR THE COUNTY OF COCONINO", "COCONINO"),
    ],
)
def test_streets_parishes_and_towns_in_capitals(text: str, expected: str) -> None:
    assert expected in _texts(PLACE, text)


def test_capitals_prose_after_prepositions_is_no_town() -> None:
    assert _texts(PLACE, "PAIN IN ABDOMEN FROM FALL; HISTORY OF DIABETES; IN ORDER; OF NOTE; FROM HOME") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Whitmore Pratt Defense Group, PLC\n1 E. Camelback", "Whitmore Pratt Defense Group, PLC"),
        ("not clinically supported. Saguaro Advantage applies Sepsis-3", "Saguaro Advantage"),
    ],
)
def test_corporate_and_plan_names(text: str, expected: str) -> None:
    assert expected in _texts(ORG, text)


def test_ordinary_words_before_a_lower_case_head_are_no_name() -> None:
    assert _texts(ORG, "he went to the local hospital and then to the emergency department.") == []


def test_lower_case_dictation_places_and_institutions() -> None:
    from redactphi_recognizers import SpokenIdentifierRecognizer

    spoken = SpokenIdentifierRecognizer()
    text = "she lives part of the year in cape coral\nand the rest with her daughter in new bern north carolina. she was"
    assert {"cape coral", "new bern north carolina"} <= set(_texts(spoken, text))
    text = "seen at northern nevada urgent care sparks then referred. diverticulitis in 2024 at lakeshore regional."
    assert {"northern nevada urgent care sparks", "lakeshore regional"} <= set(_texts(spoken, text))
    assert _texts(spoken, "he went to the local hospital and then to the emergency department.") == []


@pytest.mark.parametrize(
    "text",
    [
        "IMPLANT                         REF          LOT       UDI\n"
        "Triathlon PS Femur #5 R         5515-F-501   MHK7Q2    (01)07613327294514\n",
        "Bypass stomach to jejunum (0D164ZA).",
        "poisoning by fentanyl, accidental, initial encounter t40.411a",
        "Quality codes: G8907 no event reported; G8908-G8911 as applicable.",
        "Remittance: CARC CO-50; RARC N657. Adjustment",
        "Federal consent form (HHS-687) signed today",
        "NCT05512378  Adjuvant osimertinib",
    ],
)
def test_catalogue_codes_forms_and_trials_are_kept(text: str) -> None:
    found = _texts(ID, text)
    for kept in ("5515-F-501", "0D164ZA", "t40.411a", "G8908-G8911", "N657", "HHS-687", "NCT05512378"):
        assert kept not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chain of custody form NOPD-CC-25-118804 released", "NOPD-CC-25-118804"),  # a filled form's number
        ("Tissue ID A0241-77283 / A0241-77290", "A0241-77283"),  # no code range: two kinds, far apart
    ],
)
def test_filled_forms_and_tissue_ids_stay_identifiers(text: str, expected: str) -> None:
    assert expected in _texts(ID, text)


def test_latin_and_greek_disease_words_are_not_name_like() -> None:
    from redactphi_recognizers.name_priors import NamePriors

    priors = NamePriors.load()
    for word in ("Hemorrhagic", "Myoclonic", "Delirium", "Verumontanum", "Micropuncture", "Hemopericardium"):
        assert not priors.is_name_like(word), word
    assert priors.is_name_like("Gonzalez") and priors.is_name_like("Okafor")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meals on Wheels of Greer County delivers", "Meals on Wheels of Greer County"),
        ("filed in the Circuit Court of Cook County, Probate Division today", "Circuit Court of Cook County, Probate Division"),
        ("Consulate of Guatemala in Tucson notified", "Consulate of Guatemala in Tucson"),
        ("member of American Legion Post 46", "American Legion Post 46"),
        ("retired from Paperworkers Local 1188 in 2010", "Paperworkers Local 1188"),
        ("Lincoln Trail Orthotics and Prosthetics fitted", "Lincoln Trail Orthotics and Prosthetics"),
    ],
)
def test_chapters_courts_consulates_posts_and_locals(text: str, expected: str) -> None:
    assert any(expected in found for found in _texts(ORG, text))


def test_lower_case_courts_are_no_names() -> None:
    assert _texts(ORG, "the local court of appeals; family court of the state; CASA volunteer") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Electronically signed by Tanaka Y on 03/18/2024 at 11:57", "Tanaka Y"),
        ("Electronically signed by Marchetti H 08/15/2024 19:02", "Marchetti H"),
    ],
)
def test_surname_and_initial_after_a_signing_verb(text: str, expected: str) -> None:
    assert expected in _texts(PROVIDER, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seen 3/2/2024. SMAD4; MSS. Post-op CT 3/11: no evidence of disease", ["3/2/2024", "3/11"]),
        ("Admitted 1/6/2025. Ag positive; BCx 1/8 (acc 2231) grew strep", ["1/6/2025", "1/8"]),
        ("anticipate d/c 04/05 if off O2", ["04/05"]),
        ("Adjuvant dose-dense AC x4 (3/12 to 4/23/2024) followed by", ["3/12", "4/23/2024"]),
    ],
)
def test_yearless_days_by_their_note(text: str, expected: list[str]) -> None:
    from redactphi_recognizers import ClinicalDateRecognizer

    assert sorted(_texts(ClinicalDateRecognizer(), text)) == sorted(expected)


def test_scales_stay_values_in_a_dated_note() -> None:
    from redactphi_recognizers import ClinicalDateRecognizer

    text = "Seen 4/2/2024. MMT 4/5 hip; pain 1/10; NPRS 6/10; Lawton IADL 3/8; Katz ADL 5/6; takes 1/2 tab"
    assert _texts(ClinicalDateRecognizer(), text) == ["4/2/2024"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("scheduled at 0930 at the Springdale center. Alternate", "Springdale"),
        ("by Dr. Hollis Brandt\n(GI, Petoskey). Mechanical MVR", "Petoskey"),
        ("(filled at Kirkwood Drug, Bismarck).", "Bismarck"),
        ("Mount Desert Island Family Practice,\n  Bar Harbor, tel 207-555-0160.", "Bar Harbor"),
    ],
)
def test_towns_beside_services_brackets_and_institutions(text: str, expected: str) -> None:
    assert expected in _texts(PLACE, text)


def test_words_closing_a_bracket_are_no_towns() -> None:
    assert _texts(PLACE, "(see above, Table)  (dose, Heparin) (left, Normal)") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recipient: Tomasz Wisniewski         MRN: 06631405", "Tomasz Wisniewski"),
        ("CREW FOREMAN: RIGOBERTO SALAS (TRANSPORTED PT IN COMPANY VAN)", "RIGOBERTO SALAS"),
        ("     Admissions: Connor Baptiste 410-555-0186, fax 410-555-0187", "Connor Baptiste"),
        ("MPD DETECTIVE SHAUNA PIERCE GIVEN ONLY INFORMATION", "SHAUNA PIERCE"),
    ],
)
def test_more_person_fields_and_titles(text: str, expected: str) -> None:
    assert expected in _texts(PERSON, text)


def test_police_words_without_a_name_are_no_person() -> None:
    assert _texts(PERSON, "OFFICER NOT PRESENT AT BEDSIDE") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AGE/SX: 92/F     DOB: 01/17/1932", ["92"]),
        ("widower (wife Mabel died 08/2023 at 93) seen at home", ["93"]),
        ("Age/Sex: 45/M; died 08/2023 at home", []),
    ],
)
def test_ages_in_printout_fields_and_at_death(text: str, expected: list[str]) -> None:
    from redactphi_recognizers import AgeOver89Recognizer

    assert _texts(AgeOver89Recognizer(), text) == expected


def test_va_short_id_after_a_name_with_middle_names() -> None:
    assert "D4327" in _texts(ID, "PATIENT: DELACROIX,JOY ANN   D4327   DOB: 6/14/1972   52 F")
    assert _texts(ID, "SMITH,JOHN   B1234") == []  # the letter must be the surname's initial


def test_more_lower_case_dictation() -> None:
    from redactphi_recognizers import ClinicalDateRecognizer, SpokenIdentifierRecognizer

    spoken = SpokenIdentifierRecognizer()
    assert "ebony price" in _texts(spoken, "operative report. patient name ebony price, date of surgery march 12 2025.")
    text = "an operative note on patient marvin iron cloud, medical record\nnumber 20533018"
    assert "marvin iron cloud" in _texts(spoken, text)
    assert "may fourteenth 2024" in _texts(spoken, "date of surgery may fourteenth 2024.")
    date = ClinicalDateRecognizer()
    assert "monday march 17th" in _texts(date, "remove stent at home on monday march 17th or in clinic.")
    assert _texts(date, "he will march 17 miles") == []


@pytest.mark.parametrize(
    "text",
    [
        "Epworth Sleepiness Scale 15/24. STOP-BANG 7/8. Neck 46 cm",
        "Mood: GDS-15 3/15. Nutrition: MNA-SF 10/14; weight",
        "Tinetti POMA: 9/28 -> 17/28.",
        "Katz ADL 6/6; Lawton IADL 6/8",
        "METASTATIC ADENOCARCINOMA IN 2/19 REGIONAL LYMPH NODES; negative (1/17 total)",
        "Form CH-1002 (Rev. 03/2022)",
        "Expired school pen (exp 09/2024) returned to parent.",
    ],
)
def test_scores_counts_revisions_and_expiries_are_no_dates(text: str) -> None:
    from redactphi_recognizers import ClinicalDateRecognizer

    assert _texts(ClinicalDateRecognizer(), text) == []


def test_a_chronology_with_an_arrow_stays_dates() -> None:
    from redactphi_recognizers import ClinicalDateRecognizer

    text = "Seen 3/2/2024. Repeat CXR 2/20: clear; admitted 3/14 -> discharged 3/16"
    assert {"3/14", "3/16"} <= set(_texts(ClinicalDateRecognizer(), text))
