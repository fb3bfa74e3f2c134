from __future__ import annotations

import pytest
from redactphi_recognizers import HealthcareOrganizationRecognizer

from .conftest import spans

REC = HealthcareOrganizationRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Saint + strong head
        ("DISCHARGE SUMMARY\n\nSt. Agnes Medical Center\nPATIENT", ["St. Agnes Medical Center"]),
        # compound weak head
        ("PCP: Anna Lee, MD, Riverbend Family Practice\n", ["Riverbend Family Practice"]),
        # "of" tail
        ("Mercy Hospital of Springfield admitted him", ["Mercy Hospital of Springfield"]),
        # capitals
        ("HILLCREST UNIVERSITY HOSPITAL\nOPERATIVE NOTE", ["HILLCREST UNIVERSITY HOSPITAL"]),
        # corporate suffix
        ("GRANITE PEAK SURGICAL ASSOCIATES, PLLC\n", ["GRANITE PEAK SURGICAL ASSOCIATES, PLLC"]),
        ("Heartland Pathology Associates, P.C.\n", ["Heartland Pathology Associates, P.C."]),
        ("INSTITUTION: Children's & Adults' Hospital of the Plains\n",
         ["Children's & Adults' Hospital of the Plains"]),  # possessives and ampersand
        ("Kessler-Brandt Cancer Institute at Hillcrest University Hospital",
         ["Hillcrest University Hospital", "Kessler-Brandt Cancer Institute"]),
        # a department written after the hospital is not part of its name
        (
            "Good Shepherd Hospital of the Valley Emergency Department",
            ["Good Shepherd Hospital of the Valley"],
        ),
        # "University of X"
        ("a student at the University of Colorado.", ["University of Colorado"]),
        # institutional word + strong head
        ("Memorial Hospital admitted him", ["Memorial Hospital"]),
        # institution with its place
        ("Mayo Clinic in Rochester, MN", ["Mayo Clinic in Rochester, MN"]),
        ("seen at Mt. Sinai hospital last year", ["Mt. Sinai hospital"]),  # lower-case head
        (
            "She works as a barista at Copper Kettle Coffee Roasters and",
            ["Copper Kettle Coffee Roasters"],
        ),
        # occupation cue
        ("a 46-year-old warehouse supervisor at Hollister Freight who", ["Hollister Freight"]),
        ("a long-haul driver for Redline Carriers and", ["Redline Carriers"]),
        (
            "retired machinist formerly with Front Range Tool & Die with a",
            ["Front Range Tool & Die"],
        ),
        (
            "Works as a paralegal at Brennan, Walsh & Dunleavy LLP.",
            ["Brennan, Walsh & Dunleavy LLP"],
        ),
        ("Employer (Silverline Logistics) FMLA paperwork", ["Silverline Logistics"]),  # label cue
        ("She works at Walmart on weekends", ["Walmart"]),  # one word after an explicit verb cue
        # lower case
        ("hospital: holy cross hospital of the lakes\n", ["holy cross hospital of the lakes"]),
        ("a teacher at st. hedwig elementary school, with", ["st. hedwig elementary school"]),
        # a name found with a strong cue is found again where it stands alone
        ("a supervisor at Hollister Freight. Note faxed to Hollister Freight HR.",
         ["Hollister Freight", "Hollister Freight"]),
    ],
)
def test_organisations_found(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Seen in the Emergency Department, then the Intensive Care Unit.",  # units
        "Radiology: no acute findings. Pathology: benign.",  # departments alone
        "Interventional Radiology drained the collection",  # specialty + department head
        "Wound Care Center and Heart Failure Clinic follow-up",  # service-line clinics
        "Surgery clinic in 2 weeks; GI clinic; Monday clinic",  # lower-case clinics of services
        "BRIEF HOSPITAL COURSE: uneventful",  # section heading
        "Continue Wound Care. Resume Home Health Services.",  # imperatives, not names
        "Imaging Services; Perioperative Services; Skilled Nursing Facility",  # generic services
        "Kocher maneuver, Foley catheter, Cook Medical sheath",  # eponyms and device maker
        "a 38-year-old woman with Type 1 Diabetes",  # not an employer after 'woman with'
        "worked with Dr. Smith for years",  # a person after the cue
        "Follow up with Dr. Patel's clinic",  # a doctor's clinic is left to name recognizers
        "Insurance: Medicare",  # payer programme, not an identifier
    ],
)
def test_not_organisations(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "NORTHGATE INTERNAL MEDICINE & GERIATRICS, P.C.\n4120 Ridgeline Avenue",
            ["NORTHGATE INTERNAL MEDICINE & GERIATRICS, P.C."],
        ),
        ("Riverside Aesthetic & Reconstructive Surgery, PLLC at the", ["Riverside Aesthetic & Reconstructive Surgery, PLLC"]),
        ("Insurance: Chesapeake Kids Care (Medicaid), member # 1", ["Chesapeake Kids Care"]),
        ("Insurance: Medicare 7KT2; secondary Heritage Medicare Supplement ID 8156", ["Heritage Medicare Supplement"]),
        ("a school note was given for Westover Elementary. Return", ["Westover Elementary"]),
    ],
)
def test_corporate_schools_and_plans(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == sorted(expected)


@pytest.mark.parametrize(
    "text",
    ["Secondary Survey: no injuries", "Primary closure with Vicryl", "Insurance: Medicare", "Insurance: Self-pay"],
)
def test_insurance_cue_needs_a_named_plan(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Insurance: Medicare, MBI 1EG4-TE5-MK73; supplemental Regence member ID RBS884012277", ["Regence"]),
        ("Health plan: AHCCCS (Mercy Care), member ID A48812093", ["AHCCCS", "Mercy Care"]),
        ("Hospital: Three Rivers Presbyterian     MRN: TRP00398271", ["Three Rivers Presbyterian"]),
        ("to local pharmacy Dillons Pharmacy #88 on West Central", ["Dillons Pharmacy #88"]),
        ("Hand clinic Rio Grande Valley Orthopedics 7-10 days", ["Rio Grande Valley Orthopedics"]),
        ("SNF - Magnolia Gardens Nursing and Rehabilitation, 8120", ["Magnolia Gardens Nursing and Rehabilitation"]),
        ("Employer (Midwest Freight Rail) FMLA paperwork", ["Midwest Freight Rail"]),
    ],
)
def test_plans_labels_store_numbers_and_specialty_practices(text: str, expected: list[str]) -> None:
    assert sorted(s for s, _ in spans(REC, text)) == sorted(expected)


@pytest.mark.parametrize("text", ["Medicare member ID 1EG4TE5MK73", "Primary member ID 22", "Insurance: BCBS (Medicare)"])
def test_public_programs_and_rank_words_are_no_plan_names(text: str) -> None:
    assert [s for s, _ in spans(REC, text) if s != "BCBS"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rx sent to Rite Aid #3512: ibuprofen", ["Rite Aid #3512"]),
        ("Received flu shot Oct at CVS, COVID booster", ["CVS"]),
        ("order sent to Apria, DME acct AP-9930217", ["Apria"]),
        ("Clinicals faxed to UHC 09/11/2023", ["UHC"]),
        ("retired coach (Maple Grove Senior High) who", ["Maple Grove Senior High"]),
        ("retired librarian (Lakeview Public Library). Ex-smoker", ["Lakeview Public Library"]),
        ("Attends Congregation Beth Shalom occasionally", ["Congregation Beth Shalom"]),
    ],
)
def test_national_chains_schools_libraries_and_congregations(text: str, expected: list[str]) -> None:
    assert sorted(s for s, _ in spans(REC, text)) == sorted(expected)


@pytest.mark.parametrize("text", ["on a quest for answers", "Temple of the heart", "Philips Lifeline alert"])
def test_chain_and_worship_lookalikes_are_not_organisations(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dental ins: Delta Dental PPO sub ID DD-99", ["Delta Dental PPO"]),
        ("REPORT\n\nUNIVERSITY MEDICAL CENTER - NORTH CAMPUS\nPATIENT", ["UNIVERSITY MEDICAL CENTER - NORTH CAMPUS"]),
        ("f/u 2 wk -- Grace OB/GYN Associates, 555-019-2202.", ["Grace OB/GYN Associates"]),
        ("Det. Ray Holloway, Eastborough PD, ext 2291.", ["Eastborough PD"]),
    ],
)
def test_plan_types_campuses_slashed_names_and_police_departments(text: str, expected: list[str]) -> None:
    assert sorted(s for s, _ in spans(REC, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("copy to dr. hope at mill river family practice and", ["mill river family practice"]),
        ("therapy with kara at fenwick hand therapy twice a week", ["fenwick hand therapy"]),
        ("sent to local pharmacy on main", []),
    ],
)
def test_lower_case_practices_and_therapy_services(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OPO: Bayou Organ Recovery Network\n", ["Bayou Organ Recovery Network"]),
        ("accountant with Ashby & Pruitt CPAs, with reflux", ["Ashby & Pruitt CPAs"]),
        ("PT at Windward Physical Therapy, Kaneohe.", ["Windward Physical Therapy"]),
    ],
)
def test_networks_firms_and_therapy_practices(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("father incarcerated at Buena Vista Correctional Complex.", ["Buena Vista Correctional Complex"]),
        ("specimen A to Four Corners Dermatopathology, accession", ["Four Corners Dermatopathology"]),
        ("Clinic: Mesa del Sol Women's Health", ["Mesa del Sol Women's Health"]),
        ("Clinic: Chinle Comprehensive Health Care Facility peds", ["Chinle Comprehensive Health Care Facility"]),
        ("husband is at Goodfellow AFB on TDY", ["Goodfellow AFB"]),
        ("stationed at Fort Cavazos; prior tour at Joint Base Lewis-McChord.",
         ["Fort Cavazos", "Joint Base Lewis-McChord"]),
        ("Wig voucher from American Cancer Society given.", ["American Cancer Society"]),
        ("RAE: Rocky Mountain Health Plans\n", ["Rocky Mountain Health Plans"]),
        ("(near Many Farms Chapter House)", ["Many Farms Chapter House"]),
    ],
)
def test_facilities_societies_and_military_installations(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    "text",
    ["SENDING FACILITY: Willow", "RECEIVING FACILITY: see above", "Fort of the heart", "Camp counselor"],
)
def test_transfer_form_labels_and_lookalikes_are_not_facilities(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Daughter Marisol Reyes is RN at Rush and helps with meds", ["Rush"]),
        ("Passenger transported to Geisinger CMC.", ["Geisinger CMC"]),
        ("a church potluck at Our Lady of Mercy Parish on Sunday where", ["Our Lady of Mercy Parish"]),
        ("presented from the St. Luke's ED with two days", ["St. Luke's"]),
        ("dental home referral: Smiles on Mays Pediatric Dentistry.", ["Smiles on Mays Pediatric Dentistry"]),
        ("go to the ED at Summit Regional. Sitting", ["Summit Regional"]),
        ("HRD pending at Myriad. Interpreter via Language Line ops", ["Language Line", "Myriad"]),
    ],
)
def test_occupation_cues_abbreviated_heads_saints_and_national_labs(text: str, expected: list[str]) -> None:
    assert sorted(s for s, _ in spans(REC, text)) == expected


@pytest.mark.parametrize("text", ["St. John's wort 300 mg daily", "Regional anesthesia was used", "She is RN at night"])
def test_saint_and_regional_lookalikes(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("renal cell carcinoma in twenty nineteen at mercy general hospital comma", ["mercy general hospital"]),
        ("follow up at the riverside urology associates westerville office", ["riverside urology associates"]),
        ("Unit: 4th Brigade Support Battalion\n", ["4th Brigade Support Battalion"]),
    ],
)
def test_lower_case_institutions_and_numbered_units(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Azalea Gardens Health & Rehab - BED OFFER 7/25", ["Azalea Gardens Health & Rehab"]),
        ("LAKEFRONT UROLOGY PARTNERS, S.C. - CODING SUMMARY", ["LAKEFRONT UROLOGY PARTNERS, S.C."]),
        ("CASCO BAY BREAST CARE\n", ["CASCO BAY BREAST CARE"]),
        ("Gulf Coast Dermatology & Mohs Surgery, P.A.\n", ["Gulf Coast Dermatology & Mohs Surgery, P.A."]),
        ("bayou surgical associates / bluebonnet outpatient surgery center\n",
         ["bayou surgical associates", "bluebonnet outpatient surgery center"]),
        ("Hospital Universitario San Cristóbal de Ponce\n", ["Hospital Universitario San Cristóbal de Ponce"]),
        ("Pt has Medicare + Prairie Mutual Medicare Supplement Plan G; copay", ["Prairie Mutual Medicare Supplement Plan G"]),
        ("[per MOLST on file at Ste. Croix Nursing Home - DNR/DNI.", ["Ste. Croix Nursing Home"]),
        ("Flight: Prairie Sky Air Medical 3, ETA 0555", ["Prairie Sky Air Medical"]),
    ],
)
def test_compound_heads_letterheads_spanish_heads_and_plans(text: str, expected: list[str]) -> None:
    assert sorted(s for s, _ in spans(REC, text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    ["DATE OF SURGERY: 03/14/2024", "Department of General Surgery", "OPERATIVE NOTE - CATARACT SURGERY",
     "Mohs surgery was performed. Hospital Day 2."],
)
def test_surgery_alone_is_no_institution_head(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("roofer employed by summit ridge roofing and gutters who fell", ["summit ridge roofing and gutters"]),
        ("ex fix at northeast iowa trauma center and was transferred", ["northeast iowa trauma center"]),
        ("claim number 3318 carrier hawkeye mutual adjuster", ["hawkeye mutual"]),
    ],
)
def test_lower_case_employers_trauma_centers_and_carriers(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alternate resource: AHCCCS (Arizona Medicaid) - ID A48817220", ["AHCCCS"]),
        ("private pay / Green Mountain Care not applicable", ["Green Mountain Care"]),
        ("Coverage: TennCare Select, member 77", ["TennCare"]),
    ],
)
def test_named_state_medicaid_programs(text: str, expected: list[str]) -> None:
    found = [s for s, _ in spans(REC, text)]
    assert all(any(e in s for s in found) for e in expected)


def test_medicaid_alone_is_no_named_program() -> None:
    assert spans(REC, "Coverage: Medicaid; CHIP pending") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TSÉ BIT'A'Í REGIONAL HEALTH CARE CORPORATION\n", ["TSÉ BIT'A'Í REGIONAL HEALTH CARE CORPORATION"]),
        ("badge 4471, Detroit Police Department 9th Precinct. Incident", ["Detroit Police Department 9th Precinct"]),
        ("SOUTHWEST KANSAS OCCUPATIONAL MEDICINE\n", ["SOUTHWEST KANSAS OCCUPATIONAL MEDICINE"]),
        ("teacher at Little Cranes Child Care (2420", ["Little Cranes Child Care"]),
        ("WIC (mom already has) + Riverside Crossing Food Shelf\n", ["Riverside Crossing Food Shelf"]),
    ],
)
def test_accented_capitals_precincts_occupational_medicine_child_care_and_food_shelves(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she remains inpatient at RMIMC (Gallup), discharge expected", ["RMIMC"]),
        ("would need referral to LBJ).", ["LBJ"]),
        ("11/08/2024 FAX   ACADIANA BAYOU MED CTR HIM   P.002", ["ACADIANA BAYOU MED CTR HIM"]),
    ],
)
def test_acronyms_after_a_place_preposition_and_records_departments(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize("text", ["transferred to ICU.", "murmur at LLSB, louder supine", "NGT to LIWS, enoxaparin"])
def test_clinical_acronyms_after_prepositions_are_not_institutions(text: str) -> None:
    assert spans(REC, text) == []


def test_an_institution_after_a_doctors_name_and_of() -> None:
    text = "referred by his pediatrician, Dr. Farah Siddiqui of Little Acorns Pediatrics, who sent him"
    assert [s for s, _ in spans(REC, text)] == ["Little Acorns Pediatrics"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an affiliation in brackets after a person's name
        ("Release signed by Y. Pruitt (DFPS) today.", ["DFPS"]),
        ("Charge RN Tiffany Greene (RiverBend) via Direct msg", ["RiverBend"]),
        ("Maria Lopez (Mother) and Jane Roe (POA); Lisa Chen (Spanish); Ann Wu (RN)", []),
        # heads of services around care
        ("Transcribed by rjh (ScribeLine Transcription)", ["ScribeLine Transcription"]),
        ("Meals: Green Country Meals on Wheels - low sodium", ["Green Country Meals on Wheels"]),
        ("burial at Mount Hope Cemetery.", ["Mount Hope Cemetery"]),
        ("Deployed to Kandahar Airfield in 2010.", ["Kandahar Airfield"]),
    ],
)
def test_affiliations_and_service_heads(text: str, expected: list[str]) -> None:
    assert sorted(t for t, _ in spans(REC, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("847-555-0152  NORTHSHORE NEURO ASSOC      PAGE 01 OF 03", ["NORTHSHORE NEURO ASSOC"]),
        ("therapist, LMHC, Montachusett Counseling Collaborative.", ["Montachusett Counseling Collaborative"]),
        ("to the Parkinson's Wellness Coalition of Chicagoland program", ["Parkinson's Wellness Coalition of Chicagoland"]),
    ],
)
def test_association_coalition_and_collaborative_heads(text: str, expected: list[str]) -> None:
    assert sorted(t for t, _ in spans(REC, text)) == expected
