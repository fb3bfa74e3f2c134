from __future__ import annotations

import pytest
from redactphi_recognizers import RecordNumberRecognizer

from .conftest import spans

REC = RecordNumberRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MRN: 4829137", [("4829137", "MEDICAL_RECORD_NUMBER")]),  # labelled MRN
        ("MRN 00482913 DOB", [("00482913", "MEDICAL_RECORD_NUMBER")]),
        ("Acct# A100293847", [("A100293847", "ACCOUNT_NUMBER")]),
        ("FIN 77120934", [("77120934", "ACCOUNT_NUMBER")]),
        ("Medicare ID 1EG4-TE5-MK72", [("1EG4-TE5-MK72", "HEALTH_PLAN_ID")]),
        ("Member ID: XJH448812093", [("XJH448812093", "HEALTH_PLAN_ID")]),
        ("NPI: 1093817465", [("1093817465", "LICENSE_NUMBER")]),
        ("Serial # SN-88A7731", [("SN-88A7731", "DEVICE_ID")]),
        ("Accession #: S24-10234", [("S24-10234", "ID")]),
        ("SSN 078-05-1120", [("078-05-1120", "US_SSN")]),
        ("specimen S24-10234 received", [("S24-10234", "ID")]),  # unlabelled letter-digit ID
        ("record 48291375 reviewed", [("48291375", "ID")]),  # unlabelled long digit run
        ("MRN: NMH 3381924    CSN: 411187730", [("411187730", "ACCOUNT_NUMBER"), ("NMH 3381924", "MEDICAL_RECORD_NUMBER")]),
        ("member CCH 4410 2298 01.", [("CCH 4410 2298 01", "HEALTH_PLAN_ID")]),  # grouped digits
        ("group 88140", [("88140", "HEALTH_PLAN_ID")]),  # 5 digits after a plan label is no CPT code
        ("Police report number EPD 24-031477", [("EPD 24-031477", "ID")]),
        ("UDI (01)00801741123458(17)270131(10)HUZL2291.", [("(01)00801741123458(17)270131(10)HUZL2291", "DEVICE_ID")]),
        ("Activation code: 7KQ2M-XP4RT-9WZ1D (expires", [("7KQ2M-XP4RT-9WZ1D", "ID")]),
        ("| 8H41207 | T7730152 | 1", [("8H41207", "ID"), ("T7730152", "ID")]),  # lot and serial in a table
    ],
)
def test_identifiers_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(REC, text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "CPT 44120, 44121",  # CPT codes stay for coding
        "ICD-10 K57.30 diverticulosis",  # ICD-10-CM code
        "Dx: K35.80",  # ICD-10-CM after a dx cue
        "modifier 44120-58",  # CPT with modifier
        "closed with 3-0 Vicryl",  # suture size
        "a 10 mm port, 19-Fr drain",  # sizes
        "pT3N1M0 adenocarcinoma",  # staging
        "COVID-19 negative",  # disease name
        "L4-L5 disc",  # spine levels
        "EBL 150 mL",  # volumes
        "#10 blade",  # instrument size
    ],
)
def test_clinical_tokens_are_not_ids(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Med rec no.: 00-772-918\nBirth", ("00-772-918", "MEDICAL_RECORD_NUMBER")),
        ("SSN (last 4 only on request): xxx-xx-4321\n", ("xxx-xx-4321", "US_SSN")),
        ("mailed via USPS tracking 9400 1000 0000 0000 1187 42)", ("9400 1000 0000 0000 1187 42", "ID")),
    ],
)
def test_more_record_number_shapes(text: str, expected: tuple[str, str]) -> None:
    assert expected in spans(REC, text)


def test_med_rec_without_number_label_is_medication_reconciliation() -> None:
    assert spans(REC, "Med rec 2 changes made") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stapler cartridges LOT N4L21K, N4L22A, N4L19M.\nEBL", ["N4L21K", "N4L22A", "N4L19M"]),
        ("screws LOT H2104417, H2104418; cage", ["H2104417", "H2104418"]),
        ("cage SN CPS-0098214-B; rods", ["CPS-0098214-B"]),
        ("Alcon AcrySof IQ SN60WF, +21.0 D, SN 12884410 019, exp. 2027", ["12884410 019"]),
        ("interpreter via video (ID 7710-42).", ["7710-42"]),
        ("PACS study UID 1.2.840.113619.2.55.3.604688.221 (workstation", ["1.2.840.113619.2.55.3.604688.221"]),
    ],
)
def test_lists_serials_and_bare_id_labels(text: str, expected: list[str]) -> None:
    found = [s for s, _ in spans(REC, text)]
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "ID consult in 2 days",  # infectious disease, a count
        "lens AcrySof IQ SN60WF placed in the bag",  # a model number, no serial label
    ],
)
def test_id_labels_do_not_overreach(text: str) -> None:
    assert spans(REC, text) == []


def test_a_list_continues_only_with_values_of_the_same_shape() -> None:
    assert [s for s, _ in spans(REC, "LOT 4412A, 3 mL vial")] == ["4412A"]


@pytest.mark.parametrize(
    "text",
    [
        "Zimmer Persona PS femur, size 9 right, REF 42-5022-009-02, then",
        "repair (CPT 26356-F8, 26356-F8-51).",
        "starting neoadjuvant KEYNOTE-522 regimen",
    ],
)
def test_catalogue_numbers_cpt_modifiers_and_trial_names_are_kept(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("T: 03/04/2024 18:22 Conf#: 553119\n", ["553119"]),
        ("DEA on file | OH lic. 36.014472\nSigned", ["36.014472"]),
        ("Licensed Psychologist, CT #PSY.0003318\ne-signed", ["PSY.0003318"]),
    ],
)
def test_confirmation_and_license_numbers(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


def test_values_under_identifier_column_headers_of_a_pipe_table() -> None:
    text = (
        "Implant Name | Manufacturer | REF | LOT       | Serial No.  | Exp | Qty\n"
        "COMP FEM CR #5 RT | Stryker  | 5510-F-502 | MNK4TR | AK771409 | 2031-06-30 | 1\n"
        "PATELLA X3 33MM   | Stryker  | 5551-G-330 | QH8T3A | N/A      | 2029-09-30 | 1\n"
        "\nEBL | 50 mL | LOT 7\n"
    )
    found = {s for s, _ in spans(REC, text)}
    assert {"MNK4TR", "AK771409", "QH8T3A"} <= found
    assert not found & {"5510-F-502", "5551-G-330", "N/A", "Stryker", "50 mL"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Audit: created by mjordan2 10/17/2024 08:41:55 from 198.51.100.212", ["mjordan2"]),
        ("Audit: Note created 06/03/2024 10:47 by HABARA at workstation SVH-PACU-06", ["HABARA"]),
        ("User: tokonkwor  Role: CDS", ["tokonkwor"]),
    ],
)
def test_system_user_names_in_audit_trails(text: str, expected: list[str]) -> None:
    found = [s for s, _ in spans(REC, text)]
    assert all(e in found for e in expected)


def test_a_capitalised_surname_after_signed_by_is_left_to_the_name_recognizers() -> None:
    assert "Smith" not in [s for s, _ in spans(REC, "Signed by Smith 10/17/2024")]


def test_a_role_word_after_signed_by_is_no_user_name() -> None:
    assert spans(REC, "Medical consent signed by caseworker on 12/12/25 per Form") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Had lost his car (OR plate 418 KZJ) to repossession", "418 KZJ"), ("MT plate 3-4187B, VIN", "3-4187B")],
)
def test_licence_plates_in_two_groups(text: str, expected: str) -> None:
    assert expected in [s for s, _ in spans(REC, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PATIENT: BEGAY,HARRISON T   B4321   ICN: 1012456789V334521", "B4321"),
        ("Name: BEGAY, Loretta Yazzie      HRN: 118204      DOB:", "118204"),
        ("verified with Marisol at payer, ref PSB-102324-0417) on 10/23/2024", "PSB-102324-0417"),
    ],
)
def test_va_short_ids_health_record_numbers_and_lower_case_refs(text: str, expected: str) -> None:
    assert expected in [s for s, _ in spans(REC, text)]


def test_the_ref_column_of_an_implant_table_and_taxonomy_codes_are_kept() -> None:
    text = (
        "| Device | Mfr | REF | LOT | Serial |\n"
        "| PowerPort ClearVUE isp 8 Fr | BD/Bard | 1708060 | REGK0417 | ISP8SN20391877 |\n"
        "Surgeon NPI 1093857264   Taxonomy 208800000X\n"
    )
    found = [s for s, _ in spans(REC, text)]
    assert "1708060" not in found and "208800000X" not in found
    assert "REGK0417" in found and "ISP8SN20391877" in found


@pytest.mark.parametrize(
    ("text", "expected", "kept"),
    [
        ("W0362 24 018337     E0382V00   RBC AS-1, LR", "W0362 24 018337", "E0382V00"),
        ("docket V-04418-24/25A (Bronx Family Court)", "V-04418", ""),
        ("via phone line, interpreter ID LB 20771", "LB 20771", ""),
        ("808-555-0103, PIN 551902; resumed video", "551902", ""),
        ("MQSA FACILITY ID: 231877   PHONE", "231877", ""),
    ],
)
def test_blood_units_dockets_prefixed_ids_pins_and_facility_ids(text: str, expected: str, kept: str) -> None:
    found = [s for s, _ in spans(REC, text)]
    assert expected in found and (not kept or kept not in found)


def test_dotted_icd_codes_after_a_requisition_label_are_kept() -> None:
    found = [s for s, _ in spans(REC, "ICD-10 on requisition: E03.9, D50.9, E78.5, Z13.1\nRequisition # 4471920")]
    assert not set(found) & {"E03.9", "D50.9", "E78.5", "Z13.1"} and "4471920" in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MRN NLH-3380142   SSN (last 4) 4321", ["4321", "NLH-3380142"]),
        ("Atty No. 61922", ["61922"]),
        ("(Notary commission No. 924118)", ["924118"]),
        ("MRI disc (courier tracking FX 7746 1180 2290), neuropsych", ["FX 7746 1180 2290"]),
        ("on TransPacifica Airways flight TP 0871.", ["TP 0871"]),
        ("flight time 42 min; flight 2 crew", []),
    ],
)
def test_more_labelled_numbers(text: str, expected: list[str]) -> None:
    assert sorted(t for t, _ in spans(REC, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Part D member SPX90021774, RxGroup SPRX55", ["SPRX55", "SPX90021774"]),
        ("authorized 12 visits, auth GMI-A-339120; auth ran out; auth x 12 visits", ["GMI-A-339120"]),
        ("Raw data archived: study ID SVSDC_20250515_PSG2", ["SVSDC_20250515_PSG2"]),
    ],
)
def test_pharmacy_groups_bare_authorisations_and_underscored_ids(text: str, expected: list[str]) -> None:
    assert sorted(t for t, _ in spans(REC, text)) == expected
