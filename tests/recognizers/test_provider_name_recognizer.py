from __future__ import annotations

import pytest
from redactphi_recognizers import ProviderNameRecognizer

from .conftest import spans

REC = ProviderNameRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seen by Dr. Cook today", ["Dr. Cook"]),  # title
        ("Ellen R. Cook, MD", ["Ellen R. Cook"]),  # credential
        ("John P. Miller, MD, FACS", ["John P. Miller"]),
        ("SURGEON: COOK, ELLEN R", ["COOK, ELLEN R"]),  # role label, LAST, FIRST M
        ("ASSISTANT: Maria Fernandez-Ruiz, PA-C", ["Maria Fernandez-Ruiz"]),
        ("Attending: Dr. Pieter de Vries", ["Dr. Pieter de Vries"]),  # particle surname
        ("ANESTHESIOLOGIST: Kenji Tanaka, MD", ["Kenji Tanaka"]),
        ("Electronically signed by: James O'Connor, MD on 03/14/2024", ["James O'Connor"]),
        ("cc: Dr. Savage; Dr. Banks", ["Dr. Banks", "Dr. Savage"]),  # cc list, common-word names
        ("ERC/dw", ["ERC", "dw"]),  # dictation initials
        ("BM/lrp   D: 06/04/2024 11:15", ["BM", "lrp"]),  # initials before the D:/T: line
        ("surgeon: theodore mason, md.  assistant: nia washington, pa-c.", ["nia washington", "theodore mason"]),
        ("anesthesia: greg ullman, crna", ["greg ullman"]),  # lower-case credential
        ("Witness: K. Bauer, RN    10/31/2024", ["K. Bauer"]),  # initial and surname with credential
        ("JRM:kls\nD: 03/04/2024 16:48", ["JRM", "kls"]),  # colon initials before the D: line
        ("surgeon doctor hope period assistant doctor priyanka shah comma", ["doctor hope", "doctor priyanka shah"]),
        ("referred by Dr. Sarah P. from Chicago", ["Dr. Sarah P."]),  # surname initial
        ("stents placed by urology (dr. omar haddad, separately dictated)", ["dr. omar haddad"]),
    ],
)
def test_providers_found(text: str, expected: list[str]) -> None:
    assert sorted({s for s, _ in spans(REC, text)}) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "ASSISTANT: None",  # empty role
        "ANESTHESIA: General endotracheal",  # anesthesia type, not a person
        "Foley catheter placed",  # eponym device, no cue
        "SURGEON: Attending",  # role word only
        "Hartmann procedure performed",
        "ROS: neg\nPE: wnl",  # section labels are not initials
        "the doctor will see you",  # 'doctor' without a name
    ],
)
def test_not_providers(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dictated 07/07/2024 04:41. ERC/dw\n", ["ERC", "dw"]),
        ("Dictated 06/03/2024 15:20 | Transcribed 06/03/2024 17:02 | HS/rcl\n", ["HS", "rcl"]),
    ],
)
def test_initials_closing_a_dictation_line(text: str, expected: list[str]) -> None:
    assert sorted(s for s, _ in spans(REC, text)) == sorted(expected)


def test_end_of_line_initials_need_a_dictation_line() -> None:
    assert spans(REC, "Admitted to the floor. ER/OR\n") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Transcribed 3/14/24 15:12   CWS/ldb  Job 88213-05\n", ["CWS", "ldb"]),
        ("DEA/NPI on file. EKM/cb\ncc: Dr. Femi Adebayo", ["EKM", "cb"]),
        ("12:10\nFH/ls   cc: Dr. Ruiz", ["FH", "ls"]),
        ("Appointment Wednesday at 10:40 AM with me. - GRW\n", ["GRW"]),
    ],
)
def test_author_and_typist_initials_anywhere(text: str, expected: list[str]) -> None:
    found = [s for s, t in spans(REC, text) if t == "PROVIDER" and s in expected]
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "heparin 18 IU/kg per hour",
        "insulin drip at 0.1 IU/hr overnight",
        "acetaminophen PO/prn for pain",
        "Labs - CBC, BMP",
    ],
)
def test_units_and_routes_are_not_initials(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Transcribed: 11/02/2023 06:15 CNO/tjm Job# 4418820", ["CNO", "tjm"]),
        ("ERCP.\n\nFAC:obk  D: 06/15/2023 13:20", ["FAC", "obk"]),
        ("EVW:ks D: 03/04/2024 16:40 T: 03/04/2024 18:22", ["EVW", "ks"]),
        ("TECHNOLOGIST: D. Quarles, RT(R)(VI)\n", ["D. Quarles"]),
    ],
)
def test_initials_after_times_colon_initials_and_allied_credentials(text: str, expected: list[str]) -> None:
    found = [s for s, t in spans(REC, text) if t == "PROVIDER" and s in expected]
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SURGEON: MCALLISTER,DEREK R     FIRST ASST: OYELARAN,FUNMILAYO (PGY-3)\n", ["MCALLISTER,DEREK R", "OYELARAN,FUNMILAYO"]),
        ("SCRUB: REDHORSE,LENA   CIRC: NGUYEN-TRAN,DUC   RAD TECH: HALL,BRANDON\n", ["HALL,BRANDON", "NGUYEN-TRAN,DUC", "REDHORSE,LENA"]),
        ("Signed: A. O. Ferreira, MD  4/9/24", ["A. O. Ferreira"]),
        ("Dictated by Hyun-woo Park, PA(ASCP).", ["Hyun-woo Park"]),
        ("ASSISTANT(S): Dra. Marisol Figueroa-Santiago (fellow)", ["Dra. Marisol Figueroa-Santiago"]),
    ],
)
def test_military_style_fields_two_initials_hyphenated_given_names(text: str, expected: list[str]) -> None:
    assert sorted(s for s, t in spans(REC, text) if t == "PROVIDER") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Generator: Medtronic Azure XT DR MRI SureScan, model W1DR01",
        "Labs: CBC, BMP, PT/INR, aPTT",
        "ANESTHESIA: General endotracheal with NIM nerve monitoring",
    ],
)
def test_device_modes_lab_lists_and_anesthesia_types_are_not_providers(text: str) -> None:
    assert [s for s, t in spans(REC, text) if t == "PROVIDER"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dictated by: L. de la Cruz, MD\nD: 01/06/2026", ["L. de la Cruz"]),
        ("Transcribed by bkl 02/04/2026 0810.", ["bkl"]),
    ],
)
def test_initial_with_particles_and_typist_initials(text: str, expected: list[str]) -> None:
    assert [s for s, t in spans(REC, text) if t == "PROVIDER"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scribe: A. Goldtooth\n", ["A. Goldtooth"]),
        ("consent obtained with hospital interpreter Rubén Aguirre (ID INT-3304).", ["Rubén Aguirre"]),
        ("Discussed with social worker Dana Whitlock and charge nurse Hope Rivers today.",
         ["Dana Whitlock", "Hope Rivers"]),
        ("Interpreter: Spanish, in person, Ana Lucía Ferraro (ID INT-0448)", ["Ana Lucía Ferraro"]),
        ("Neuromonitoring Tech: Tomás Fairchild, CNIM (remote)", ["Tomás Fairchild"]),
    ],
)
def test_staff_role_labels_and_role_nouns_before_names(text: str, expected: list[str]) -> None:
    assert sorted(s for s, t in spans(REC, text) if t == "PROVIDER") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The resident Physician Assistant saw her.",
        "scrub Tech Jones counted",
        "NEUROMONITORING: SSEPs and free-run EMG stable throughout",
        "Therapist: Leah Marchand, PT, DPT, SCS",
    ],
)
def test_role_nouns_need_a_given_name_and_credentials_are_not_names(text: str) -> None:
    found = [s for s, t in spans(REC, text) if t == "PROVIDER"]
    assert not any(s in {"Physician Assistant", "Tech Jones", "SSEP", "SSEPs", "SCS"} for s in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # speech recognition leaves names lower case in sentences that have capitals
        ("EMG/nerve conduction done by dr. anand on 07/30/98 showed", ["dr. anand"]),
        ("She had clearance by dr. marisol quintanilla on may 2 and EGD", ["dr. marisol quintanilla"]),
        ("ANESTHESIA: bier block, r. gay, crna\n", ["r. gay"]),
        ("dictated by lorraine frey / transcribed by bjs on 10/07/2024", ["bjs", "lorraine frey"]),
        ("kx/sr job 3390-1458 dictated 08/05/2025 14:27", ["kx", "sr"]),
    ],
)
def test_lower_case_names_in_mixed_case_dictation(text: str, expected: list[str]) -> None:
    assert sorted(s for s, t in spans(REC, text) if t == "PROVIDER") == expected


@pytest.mark.parametrize(
    "text",
    ["Follow up with Dr. Smith; dr. visit next week", "seen by ortho today / EGD", "pt/inr job 12"],
)
def test_lower_case_lookalikes_in_mixed_case_lines(text: str) -> None:
    found = [s for s, t in spans(REC, text) if t == "PROVIDER"]
    assert not any(s.startswith(("dr. visit", "ortho", "pt", "inr")) for s in found)


def test_initials_after_by_closing_a_sentence_but_not_modalities() -> None:
    found = [s for s, t in spans(REC, "Frozen section called to Dr. Halvorsen at 11:02 by MJR. Confirmed by CT.") if t == "PROVIDER"]
    assert "MJR" in found and "CT" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ETA 0555, crew S. Brack flight RN / J. Wendling medic.", ["J. Wendling", "S. Brack"]),
        ("Reviewed by PRC committee: D. Nez, PRC Coordinator  02/27/2024", ["D. Nez"]),
        ("- 6/11 Examiner B. Stroud requested op note", ["B. Stroud"]),
        ("0100  CNA Morse at bedside as 1:1 until 0200", ["Morse"]),
        ("Kenji Ferreira-Lund, PA-C  (KFL)  Spectralink 207-555-0150", ["KFL", "Kenji Ferreira-Lund"]),
        ("JOB #: 5582190   D: PMV  T: LR", ["LR", "PMV"]),
        ("QA review: DK 10/25/24 -- JM 10/28/24 approved", ["DK", "JM"]),
        ("R femoral CVC placed by Dr. G at 0440 (US guided)", ["Dr. G"]),
        ("performed by me. -- M-C St. Onge, MD 01/09/2024", ["M-C St. Onge"]),
    ],
)
def test_crew_roles_bracketed_initials_dictation_stamps_and_short_titles(text: str, expected: list[str]) -> None:
    assert sorted(s for s, t in spans(REC, text) if t == "PROVIDER") == sorted(expected)


@pytest.mark.parametrize("text", ["Grossed by T. Wierzbicki, PA(ASCP)", "D: 2 T: 3 list", "RN at bedside was aware"])
def test_certifying_bodies_and_plain_counts_are_not_initials(text: str) -> None:
    found = [s for s, t in spans(REC, text) if t == "PROVIDER"]
    assert "ASCP" not in found and "at" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Letter to follow by mail to member's address. -- KH\n", ["KH"]),
        ("she is listed on his authorization. OK. - LP\n", ["LP"]),
        ("rf/vr  d 6/3/24 10:41a  t 6/4/24 6:02a", ["rf", "vr"]),
        ("IV/ms D: 07/22/24 T: 07/23/24", ["IV", "ms"]),
    ],
)
def test_dash_signatures_and_lower_case_typist_initials(text: str, expected: list[str]) -> None:
    assert sorted(s for s, t in spans(REC, text) if t == "PROVIDER") == sorted(expected)


def test_a_test_name_after_a_dash_is_no_signature() -> None:
    assert [s for s, t in spans(REC, "Follow-up imaging ordered. - CT\n") if t == "PROVIDER"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Electronically signed 03/08/2024\nHM/JHP/cs\n", ["HM", "JHP", "cs"]),
        ("Bellaire Senior Medical Group.\n\nTGR 11/15/24\n", ["TGR"]),
        ("Result verified by kmo 11/14/24 08:51", ["kmo"]),
        ("Screened by: JHW, CT(ASCP) | Cell block", ["JHW"]),
        ("dictated by a. deshpande-ross md / transcribed rjk 2/11/25", ["a. deshpande-ross"]),
        ("Call after hours: Dr. B cell 671-555-0190.", ["Dr. B"]),
        ("Bayou Teche PFT lab, tech K. Fontenot, CRT):", ["K. Fontenot"]),
    ],
)
def test_initial_chains_initials_with_dates_verifiers_and_lab_credentials(text: str, expected: list[str]) -> None:
    found = [s for s, t in spans(REC, text) if t == "PROVIDER"]
    assert all(e in found for e in expected), found


def test_units_alone_on_a_line_are_not_initials() -> None:
    assert [s for s, t in spans(REC, "Dose:\nmg/kg\n") if t == "PROVIDER"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('FS: "Parathyroid tissue." (AK, 08/27/2024 11:14).', ["AK"]),
        ("Reviewed and signed: Cook E 03/15/2024 12:30", ["Cook E"]),
    ],
)
def test_bracketed_initials_before_a_date_and_surname_with_initial(text: str, expected: list[str]) -> None:
    found = [s for s, t in spans(REC, text) if t == "PROVIDER"]
    assert all(e in found for e in expected), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MSW referral - MSW Deepa Raman to visit 10/24/24.", ["Deepa Raman"]),
        ("RN Grace Oyelowo called back.", ["Grace Oyelowo"]),
        ("PA Hospital Course reviewed.", []),
        # author/typist initials before the line's dictation stamp
        ("rc/mfw  d: 03/14/2024 18:05  t: 03/15/2024 07:31", ["mfw", "rc"]),
        ("mg/dl d: 5", []),
    ],
)
def test_role_abbreviations_and_initials_before_a_stamp(text: str, expected: list[str]) -> None:
    assert sorted(t for t, _ in spans(REC, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flu vaccine - father consented by phone, witnessed by R. Villanueva.", ["R. Villanueva"]),
        ("Reviewed by A. Smith and signed by T. Nguyen-Lee.", ["A. Smith", "T. Nguyen-Lee"]),
        ("Stained by H. Pylori; grown by E. Coli.", []),  # organisms
        ("Transcribed 04/09/2024 17:02 rjh (ScribeLine)", ["rjh"]),
        ("Transcribed 04/09/2024 at bedside", []),
    ],
)
def test_initials_and_surnames_after_by_and_typist_stamps(text: str, expected: list[str]) -> None:
    assert sorted(t for t, _ in spans(REC, text)) == expected


def test_lower_case_initial_and_surname_before_a_credential() -> None:
    text = "transcription edited by m. ochoa, cmt, saguaro transcription group."
    assert ("m. ochoa", "PROVIDER") in spans(REC, text)


def test_a_south_west_street_is_no_social_worker() -> None:
    assert spans(REC, "residence on SW Wanamaker Rd near SW 21st St") == []
    assert spans(REC, "SW Maria Lopez met with family.") == [("Maria Lopez", "PROVIDER")]
