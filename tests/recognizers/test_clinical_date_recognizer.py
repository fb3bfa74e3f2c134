from __future__ import annotations

import pytest
from redactphi_recognizers import ClinicalDateRecognizer

from .conftest import spans

REC = ClinicalDateRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seen 03/14/2024.", ["03/14/2024"]),  # US numeric, 4-digit year
        ("Seen 3/14/24 in clinic", ["3/14/24"]),  # short year
        ("DOS: 2024-03-14", ["2024-03-14"]),  # ISO
        ("on March 14, 2024 the patient", ["March 14, 2024"]),  # month name
        ("Admitted 14-Mar-2024", ["14-Mar-2024"]),  # day-mon-year
        ("Admitted 14 March 2024.", ["14 March 2024"]),
        ("surgery on Tuesday, March 12, 2024", ["Tuesday, March 12, 2024"]),  # weekday kept with it
        ("D: 03/14/2024 10:22  T: 03/15/2024 08:01", ["03/14/2024 10:22", "03/15/2024 08:01"]),
        ("follow up March 2024", ["March 2024"]),  # month and year is more specific than a year
        ("seen on 3/14 for follow-up", ["3/14"]),  # yearless numeric date after a date cue
        ("returns on the 14th", ["the 14th"]),  # ordinal day after a cue, with its article
        ("Seen Mar 14th in clinic", ["Mar 14th"]),
        ("31/12/2023 per outside records", ["31/12/2023"]),  # only valid read day-first
        ("LMP 2/28; urine hCG negative", ["2/28"]),  # yearless date without a classic cue
        ("Work note for 3/14-3/17 provided", ["3/14", "3/17"]),  # a range of yearless dates
        ("the last on june 30th treated", ["june 30th"]),  # lower-case dictation
        ("(cotinine negative 5/14). HbA1c", ["5/14"]),  # in parentheses
        ("BID, 10/02/2023-01/15/2024: burning", ["01/15/2024", "10/02/2023"]),  # a range
        ("ointment 01/2023-05/2023: partial", ["01/2023", "05/2023"]),  # month/year range
    ],
)
def test_dates_found(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Appendectomy in 2009.",  # bare year is not PHI
        "BP 132/84, HR 72",  # blood pressure
        "Pain 7/10 at rest.",  # pain score
        "Strength 5/5 bilaterally",  # motor strength
        "POD 3, tolerating diet",  # relative day
        "for 3 days",  # duration
        "may be discharged",  # 'may' the verb
        "02/30/2024 is not a date",  # impossible calendar date
        "ratio 1:3, dilution 1/100",  # ratios
        "version 1.5.10 installed",  # dotted version numbers
        "2/19 lymph nodes positive",  # node counts
        "1/2 tab PO daily",  # a dose fraction
        "reflexes 2/4 symmetric",  # reflex grade after a value cue
        "may 5 mg be given",  # 'may' in lower case is a verb
    ],
)
def test_not_dates(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last passive SI was in January. No self-harm", ["January"]),
        ("started it in July and increased in August.", ["August", "July"]),
        ("a new kitten arrived in May. Last", ["May"]),
        ("the second on Friday the 8th, the patient", ["Friday the 8th"]),
        ("has kindly offered Friday 8/16.", ["Friday 8/16"]),
        ("discussed by secure chat on 8/27 10:12.", ["8/27 10:12"]),
    ],
)
def test_short_dates_with_cues(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "You may take it with food.",  # 'may' the verb
        "seen in June Smith's clinic",  # a month word before a capitalised name
        "pain 7/10 at 10:00",  # a score with a time after it
        "Friday 2/30 is no date",  # impossible calendar day
        "March 2024 follow-up",  # covered by the month-year pattern, not the cue one
    ],
)
def test_short_date_cues_do_not_overreach(text: str) -> None:
    found = [s for s, _ in spans(REC, text)]
    assert found in ([], ["March 2024"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("brought in on the Friday before Christmas (December 22)", ["December 22", "Friday before Christmas"]),
        ("negative by Christmas Day. Family at bedside", ["Christmas Day"]),
        ("the crash on the Fourth of July evening", ["the Fourth of July"]),
        ("a beach trip over Memorial Day weekend", ["Memorial Day weekend"]),
        ("had a low of sixty one on halloween after", ["halloween"]),
        ("weight up 4 lb since Saturday (home scale)", ["Saturday"]),
        ("family meeting planned Monday at 3 PM", ["Monday"]),
        ("Date of Service: Tuesday, 2024-05-07", ["Tuesday, 2024-05-07"]),
        ("Signed 06/11/2024 16:02 HST", ["06/11/2024 16:02 HST"]),
        ("second eye tentatively the 23rd.", ["the 23rd"]),
        ("knee aching since he stepped off wrong in september comma", ["september"]),
    ],
)
def test_holidays_weekdays_and_zones(text: str, expected: list[str]) -> None:
    assert sorted(s for s, _ in spans(REC, text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Factor IX deficiency (Christmas disease).",
        "dialysis on his usual Tuesday-Thursday-Saturday schedule",
        "Reports missing Saturday dose of sevelamer.",
        "support group meets Thursdays",
        "You may go home in may or march.",
    ],
)
def test_holiday_and_weekday_lookalikes_are_not_dates(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "grew Streptococcus pneumoniae 1/2 bottles, pan-sensitive",
        "Smokes 1/2 ppd.",
        "hip abduction 4/5; ankle 5/5.",
        "oseltamivir day 6/5 -> stop today. Cefazolin 2 g q8h day 3/7.",
        "synovitis of the 2nd and 3rd MCP joints bilaterally",
        "dilated since the 4th ventricle was seen",
    ],
)
def test_fractions_grades_course_days_and_anatomical_ordinals_are_values(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ASA I. LMP 6/10; urine hCG negative", ["6/10"]),
        ("On Eliquis, last dose 12/18 evening", ["12/18"]),
        ("ADMISSION CRITERIA MET (9/9): InterQual", ["9/9"]),
        ("- Cath 9/10 (by Dr. Reddy)", ["9/10"]),
        ("Arrived 4/19/2024 @ 1642 | Prenatal care", ["4/19/2024 @ 1642"]),
        ("Next appt 1/23/24 @ 10am.", ["1/23/24 @ 10am"]),
        ("Results visit on Oct 10th 2:40 p.m. at the center", ["Oct 10th 2:40 p.m."]),
    ],
)
def test_strong_cues_and_times_after_dates(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


def test_lower_case_march_and_may_need_a_day_and_a_year() -> None:
    assert [s for s, _ in spans(REC, "date of service march 14 2024. copy")] == ["march 14 2024"]
    assert spans(REC, "we may 2 times a day") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DATE OF OPERATION: JAN 22, 2024@0745   CASE NO.", ["JAN 22, 2024@0745"]),
        ("Signed: FOX, DANA L MAJ MC  20240507 1433", ["20240507 1433"]),
        ("Signed: M. Hollister, MD   9/24/2024 1620 AKDT\n", ["9/24/2024 1620 AKDT"]),
        ("Fecha de cirugía: 14 de marzo de 2024   Sala: Quirófano 3", ["14 de marzo de 2024"]),
    ],
)
def test_military_compact_zoned_and_spanish_dates(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


def test_a_compact_date_needs_a_valid_month_and_day() -> None:
    assert spans(REC, "lot 20241399 and 20231532") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("weight gain after a Super Bowl Sunday party (February 9)", ["February 9", "Super Bowl Sunday"]),
        ("i had my gallbladder out on wed (lap chole)", ["wed"]),
        ("Dr. Okafor will round Wednesday.", ["Wednesday"]),
        ("asked if i can usher next sunday 3/23. can u", ["sunday 3/23"]),
    ],
)
def test_holiday_parties_lower_case_and_abbreviated_weekdays(text: str, expected: list[str]) -> None:
    assert sorted(s for s, _ in spans(REC, text)) == sorted(expected)


@pytest.mark.parametrize("text", ["the Wed clinic is closed", "dialysis Mon/Wed/Fri", "on Wednesdays and Fridays"])
def test_weekday_schedules_are_not_dates(text: str) -> None:
    assert spans(REC, text) == []


def test_procedure_acronyms_before_a_short_date_keep_it_a_date() -> None:
    assert [s for s, _ in spans(REC, "s/p L THA 3/14 at Lancaster; PICC 10/21")] == ["10/21", "3/14"]


def test_day_month_year_with_military_time() -> None:
    assert [s for s, _ in spans(REC, "DOS: 14-JAN-2026 0730    Age: 67")] == ["14-JAN-2026 0730"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("psychology clearance on may 2 and nutrition visits", ["may 2"]),
        ("failed a cortisone injection in may. She understood", ["may"]),
    ],
)
def test_lower_case_may_after_a_preposition(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize("text", ["symptoms may 2x daily", "you may 10 mg", "in may be", "she may improve"])
def test_may_as_a_verb_is_no_date(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Mesh (BD/Bard), REF 1200004, LOT HUGB1845, exp 2026-10-31. Sticker scanned",
        "Implant Name | REF | LOT | Exp        | Qty\nFEMUR CR #5  | 5510-F-502 | MNK4TR | 2031-06-30 | 1",
        "Exam: BP 148/72. 3/6 SEM RUSB radiating to carotids.",
    ],
)
def test_implant_expiry_dates_and_murmur_grades_are_not_patient_dates(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Activation code: 8KQ2T (expires 04/15/2024)", ["04/15/2024"]),
        ("Visit | Date | Exp\nFollow-up | 2024-05-01 | none", ["2024-05-01"]),
    ],
)
def test_expiry_of_other_things_and_other_columns_stay_dates(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NOV-02-2024 SAT 06:14   FROM: HIM", ["NOV-02-2024 SAT 06:14"]),
        ('after the block wore off ("Saturday night was rough")', ["Saturday"]),
        ("pain pump resolved ~Saturday 0200.", ["Saturday 0200"]),
    ],
)
def test_dashed_month_day_year_and_weekdays_with_part_of_day(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("drinking at a party Friday. Campus counseling", ["Friday"]),
        ('sugar was high Sat." Wife', ["Sat"]),
        ("- Resume HD Wed via catheter; no BP", ["Wed"]),
    ],
)
def test_a_weekday_standing_alone_is_a_date(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "dialysis on his usual Tuesday-Thursday-Saturday schedule",
        "Reports missing Saturday dose of sevelamer.",
        "Support group meets Thursdays. Every Friday she goes.",
        "O2 Sat 95% on RA.",
    ],
)
def test_weekday_habits_schedules_and_saturations_are_not_dates(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Procedure date: JUL 09, 2024@08:05      Lab: Room B", ["JUL 09, 2024@08:05"]),
        ("rf/vr  d 6/3/24 10:41a  t 6/4/24 6:02a", ["6/3/24 10:41a", "6/4/24 6:02a"]),
        ("if he misses Monday's shift and", ["Monday"]),
        ("TXA x 3 cycles (Aug-Oct 2024): minimal response.", ["Aug-Oct 2024"]),
        ("colonoscopy march 2023 by doctor arceneaux", ["march 2023"]),
        ("Last injected 3/15 in R AC fossa.", ["3/15"]),
        ("*** copied forward from 1/8 - update ***", ["1/8"]),
    ],
)
def test_va_stamps_short_times_possessive_weekdays_month_ranges_and_last_events(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


def test_a_lower_case_weekday_before_or_is_still_a_date() -> None:
    assert [s for s, _ in spans(REC, "my manager says he needs it by monday or it counts against me")] == ["monday"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("repeat lytes on 3/14 at 0600 were Cl 101", ["3/14 at 0600"]),
        ("fasting Thursday at 0700; if 2+ values abnl", ["Thursday at 0700"]),
        ("FECHA/DATE: 14-ago-2024     Cuarto 512-B", ["14-ago-2024"]),
        ("Last use 6/12/2024 ~22:00 (~16 h ago).", ["6/12/2024 ~22:00"]),
        ("- Return to OR Thurs for possible delayed closure", ["Thurs"]),
    ],
)
def test_clock_times_after_at_spanish_abbreviations_and_weekday_abbreviations(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


def test_dates_under_an_expires_heading_of_an_aligned_table_are_product_dates() -> None:
    text = (
        "Unit #              Product    Component          ABO/Rh        Expires\n"
        "W0362 24 018337     E0382V00   RBC AS-1, LR       O POS 5100    11/02/2024\n"
        "\n"
        "Collected: 10/07/2024 08:12\n"
    )
    assert [s for s, _ in spans(REC, text)] == ["10/07/2024 08:12"]


@pytest.mark.parametrize(
    "text",
    [
        "The vacuum should run 24/7; if the alarm sounds",
        "ASSESSMENT: 33 5/7 wk preterm male twin A",
        "COGNITION: BIMS 7/15 (prev 9) - decline.",
        "risks (endophthalmitis ~1/2000, RD) reviewed",
    ],
)
def test_round_the_clock_gestational_ages_cognitive_scores_and_risks_are_not_dates(text: str) -> None:
    assert spans(REC, text) == []


def test_an_approximate_month_and_year_is_still_a_date() -> None:
    assert [s for s, _ in spans(REC, "colonoscopy 1 year after surgery (due ~02/2025)")] == ["02/2025"]


def test_a_heading_wider_than_its_rows_still_marks_the_expiry_column() -> None:
    text = (
        "Unit (DIN)                 Product code   Description          ABO/Rh        Expires\n"
        "W0362 24 018337     E0382V00   RBC AS-1, LR     O POS 5100    11/02/2024\n"
        "Crossmatch verified: J. Oliphant, MLS(ASCP)   10/07/2024 11:47\n"
    )
    assert [s for s, _ in spans(REC, text)] == ["10/07/2024 11:47"]


def test_the_exp_column_of_a_markdown_table_under_its_separator_row() -> None:
    text = (
        "| Item | Model / REF | Serial / LOT | Exp |\n"
        "|------|-------------|--------------|-----|\n"
        "| AcrySof IQ IOL | SN60WF | SN 24338176019 | 2028-06-30 |\n"
    )
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # n/n is a value, unless it sits in a run of dates of its month or after a start cue
        ("dark urine 9/8; jaundice 9/9. Presented to ED 9/10/2024", ["9/10/2024", "9/8", "9/9"]),
        ("meals M-F start 11/11; case #", ["11/11"]),
        ("Strength 5/5 bilaterally, pain 10/10, vision 20/20", []),
        ("adherent 11/11 doses since 11/02", ["11/02"]),
    ],
)
def test_equal_month_and_day(text: str, expected: list[str]) -> None:
    assert sorted(t for t, _ in spans(REC, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a yearless date in a table column whose heading says it holds dates
        ("| Medication | Last fill | Last dose (per son) |\n|---|---|---|\n| Eliquis 5 mg | 01/15/25 | 2/3 AM |",
         ["01/15/25", "2/3"]),
        ("| Test | Score |\n| MoCA | 2/3 |", []),
        ("failed therapy. ct aug 2 2025 showed stone unchanged; sept 14, 2024", ["aug 2 2025", "sept 14, 2024"]),
        ("a 12/14 french access sheath was passed", []),
    ],
)
def test_date_columns_lower_case_abbreviations_and_sizes(text: str, expected: list[str]) -> None:
    assert sorted(t for t, _ in spans(REC, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("onsite testing June 24-25 arranged; Feb 16-19: Cusco", ["Feb 16-19", "June 24-25"]),
        ("BITE DATE/TIME: 7/4/24 ~1830 | LOCATION", ["7/4/24 ~1830"]),
        ("DATE/TIME OF INJURY: 07/21/2024 approx. 22:40", ["07/21/2024 approx. 22:40"]),
    ],
)
def test_day_ranges_and_approximate_times(text: str, expected: list[str]) -> None:
    assert sorted(t for t, _ in spans(REC, text)) == expected
