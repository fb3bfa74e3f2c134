from __future__ import annotations

import pytest
from redactphi_recognizers import StreetAddressRecognizer

from .conftest import spans

REC = StreetAddressRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place after a residence cue, with or without an article
        ("a 50-year-old male residing in Westchester, seen on May 14th", ["Westchester"]),
        ("living in the Bronx, prescribed", ["the Bronx"]),
        # full address with unit, city, state and ZIP+4 is one span
        ("Home address: 2218 Maple Crest Drive, Apt 4B, Chatham, IL 62629-1042. Phone",
         ["2218 Maple Crest Drive, Apt 4B, Chatham, IL 62629-1042"]),
        # directional prefix, abbreviated suffix with a period
        (
            "Facility: 500 W. Commerce St., Abilene, TX 79601",
            ["500 W. Commerce St., Abilene, TX 79601"],
        ),
        # post-directional and full state name
        ("lives at 5521 Penn Avenue South, Minneapolis, Minnesota 55419; no needs",
         ["5521 Penn Avenue South, Minneapolis, Minnesota 55419"]),
        # letterhead: street and city on separate lines
        (
            "Internal Medicine\n77 Pearl Street\nBoulder, CO 80302\n\nRe:",
            ["77 Pearl Street\nBoulder, CO 80302"],
        ),
        # dash between street line and city, as in letterheads
        ("2150 Alpine Drive, Suite 300 - Boulder, Colorado 80304-3317",
         ["2150 Alpine Drive, Suite 300 - Boulder, Colorado 80304-3317"]),
        # suite with no city after it
        ("Office at 4100 Harrow Boulevard, Suite 210", ["4100 Harrow Boulevard, Suite 210"]),
        # lower level as the unit; ambiguous state code OR is fine inside an address
        ("1501 NE Medical Center Drive, Lower Level, Bend, OR 97701",
         ["1501 NE Medical Center Drive, Lower Level, Bend, OR 97701"]),
        # a city without a state, where the sentence ends
        ("Moved from 789 Maple St., New Orleans.", ["789 Maple St., New Orleans"]),
        # numbered route
        (
            "Farm at 12040 State Route 9, Elkton, KY 42220",
            ["12040 State Route 9, Elkton, KY 42220"],
        ),
        # PO box and rural route with box
        ("Mail to PO Box 123, Springfield, IL 62704", ["PO Box 123, Springfield, IL 62704"]),
        ("Rural Route 2 Box 14", ["Rural Route 2 Box 14"]),
        # city with an unambiguous state code, and with a full state name
        ("arrived from Henderson, NV and was updated", ["Henderson, NV"]),
        ("Originally from Boise, Idaho.", ["Boise, Idaho"]),
        # ambiguous state code after a place cue
        ("Lives in Baltimore, MD with his wife", ["Baltimore, MD"]),
        # city, ambiguous state code and ZIP
        ("Towson, MD 21286-4410", ["Towson, MD 21286-4410"]),
        # county
        ("Resident of Franklin County since 2001", ["Franklin County"]),
        # ZIP after a label
        ("zip code 62704; ZIP: 62704-1234", ["62704", "62704-1234"]),
        # intersection of two streets
        (
            "collision near W 11th Ave and Garfield St, passenger side",
            ["W 11th Ave and Garfield St"],
        ),
        # street name after a place cue, no house number
        ("struck by a car on Garfield Street yesterday", ["Garfield Street"]),
        # an all-lower-case note
        ("she lives alone at 18 birch hollow lane, newark, de 19711; her nephew",
         ["18 birch hollow lane, newark, de 19711"]),
    ],
)
def test_addresses_found(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Ellen R. Cook, MD, FACS",  # credential MD is not Maryland
        "Savage, DO and Field, PA",  # PA is a physician assistant here
        "Abdomen, CT: no free air",  # CT scan, not Connecticut
        "Lungs clear. Plan, NC at 2 L",  # nasal cannula
        "Patient moved to Texas last year.",  # a state alone is not PHI
        "ST elevation in 2 LEADS ST ELEVATION",  # ECG wording in capitals
        "Placed 2 Jackson-Pratt drains and 3 Vicryl sutures",  # counts of devices
        "POD 2 Main concern is pain",  # number after a count cue
        "RR 18, HR 72, BP 132/84",  # respiratory rate is not a rural route
        "Given 40 mg SC daily; 3 cm dr",  # doses and a lower-case abbreviation
        "CPT 44120; ICD-10 K56.609",  # codes
        "Tri-County Medical Center",  # an organisation, not a county
    ],
)
def test_not_addresses(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saint Anselm Medical Center - Preoperative Clinic\nManchester, NH\n\nPatient", ["Manchester, NH"]),
        ("Providence Green Mountain Hospital, Rutland, VT\nPatient", ["Rutland, VT"]),
        ("Baptist Memorial Neuroscience Center | Jackson, MS\n", ["Jackson, MS"]),
        ("Son Walter called from Burlington (802-555-0119)", ["Burlington"]),
        ("shipped to their old address in Hutchinson. New address", ["Hutchinson"]),
    ],
)
def test_known_cities_with_ambiguous_codes_or_travel_cues(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


@pytest.mark.parametrize(
    "text",
    ["transferred from Mercy today", "Pain, MS\n", "history of MS, ID consult", "lives at home in Hope"],
)
def test_cued_places_need_the_gazetteer_and_a_city_shape(text: str) -> None:
    assert spans(REC, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hospital: Cumberland Valley Medical Center, Hagerstown\nSurgeon:", ["Hagerstown"]),
        ("Provider #: 39-7142          Branch: Lancaster     HHCCN: n/a", ["Lancaster"]),
    ],
)
def test_a_city_closing_an_institution_field(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


def test_a_non_city_after_an_institution_label_is_not_a_place() -> None:
    assert spans(REC, "Location: Recovery\nClinic: Main\n") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cc: Dolores Crane (patient), 2286 Township Rd 41, Convoy, OH 45832", ["2286 Township Rd 41, Convoy, OH 45832"]),
        ("for flank pain. Traveled to Anchorage with his daughter", ["Anchorage"]),
    ],
)
def test_township_roads_and_capitalised_travel_cues(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


def test_grid_addresses() -> None:
    text = "Lives with son at 3390 N 800 W, Smithfield, UT 84335. Home health"
    assert [s for s, _ in spans(REC, text)] == ["3390 N 800 W, Smithfield, UT 84335"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Called Brushy Creek Pharmacy #412, 2701 E Whitestone Blvd, Cedar Park, TX 78613, 512",
         ["2701 E Whitestone Blvd, Cedar Park, TX 78613"]),
        ("FACILITY: RIVERSTONE AMBULATORY SURGERY CENTER, ROUND ROCK, TX\n", ["ROUND ROCK, TX"]),
    ],
)
def test_address_after_a_store_number_and_upper_case_city_closing_a_field(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans(REC, text)] == expected


def test_upper_case_heading_with_state_code_is_no_place() -> None:
    assert spans(REC, "CHIEF COMPLAINT: CHEST PAIN, TX\n") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rollover on I-90 eastbound near mile marker 497 east of Hardin. Restrained",
         ["mile marker 497 east of Hardin"]),
        ("Residence: Mount Horeb, Dane County; employed", ["Dane County", "Mount Horeb"]),
        ("1959 NE Pacific Street, Box 356410, Seattle, WA 98195-6410\n",
         ["1959 NE Pacific Street, Box 356410, Seattle, WA 98195-6410"]),
        ("Alternate: son Willem, Holland, MI, 616-555-0158.", ["Holland, MI"]),
    ],
)
def test_mile_markers_residence_fields_boxes_and_city_before_phone(text: str, expected: list[str]) -> None:
    assert sorted(s for s, _ in spans(REC, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at the intersection of Route 9 and Harmon Road in Dunmore. +airbag", "Route 9 and Harmon Road in Dunmore"),
        ("a pickup at State Route 39 and Carver Mill Road near Millersburg at approximately 23:05",
         "State Route 39 and Carver Mill Road near Millersburg"),
    ],
)
def test_intersections_with_numbered_routes_and_their_town(text: str, expected: str) -> None:
    assert expected in [s for s, _ in spans(REC, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("per pharmacy fill hx, Lakeview Drug on Dunbar Ave): Trelegy", "Dunbar Ave"),
        ("Alternate: niece Caroline Frost-Abbott, Glastonbury  860-555-0171", "Glastonbury"),
        ("s/p MCC 10/19 on I-94 near Kenosha (helmeted)", "I-94 near Kenosha"),
    ],
)
def test_cued_abbreviated_streets_cities_before_phones_and_highway_towns(text: str, expected: str) -> None:
    assert expected in [s for s, _ in spans(REC, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vein & Vascular | 611 Paseo de Peralta, Santa Fe, NM 87501 | Ph", "611 Paseo de Peralta, Santa Fe, NM 87501"),
        ("Calle Isabel 2150, Ponce, PR 00717  Tel. (787) 555-0118", "Calle Isabel 2150, Ponce, PR 00717"),
        (" Address: 417 W Piñon Ln, Chinle, AZ 86503\n", "417 W Piñon Ln, Chinle, AZ 86503"),
    ],
)
def test_spanish_street_types_and_accented_street_names(text: str, expected: str) -> None:
    assert expected in [s for s, _ in spans(REC, text)]


def test_a_spanish_street_without_a_city_is_not_taken() -> None:
    assert spans(REC, "Cama Calle 5 #23 en la sala") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Address: Chapter House Road, Mile 4, Many Farms, AZ 86538 (no mail)", "Chapter House Road, Mile 4, Many Farms, AZ 86538"),
        ("Dr. Gruenbaum, HHUMC Heart Center, 600 E. 233rd St, 3rd floor - Tuesday", "600 E. 233rd St, 3rd floor"),
    ],
)
def test_labelled_streets_without_numbers_and_lower_case_floors(text: str, expected: str) -> None:
    assert expected in [s for s, _ in spans(REC, text)]


def test_a_number_cue_on_the_line_above_does_not_block_an_address() -> None:
    text = "NORTHEAST KINGDOM FAMILY HEALTH - Procedure Room\n88 Depot Street, Lyndonville, VT 05851\n"
    assert "88 Depot Street, Lyndonville, VT 05851" in [s for s, _ in spans(REC, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Home: 808 Avenue D, Trlr 14, Dodge City, KS 67801   Cell", "808 Avenue D, Trlr 14, Dodge City, KS 67801"),
        ("Employer address: 11200 US-400 Hwy, Dodge City, KS 67801   FEIN", "11200 US-400 Hwy, Dodge City, KS 67801"),
        ("at clinic Carr. 172 Km 3.4, Caguas, PR 00727 in 2 weeks", "Carr. 172 Km 3.4, Caguas, PR 00727"),
        ("Suite 204, 777 Route 4, Hagåtña, GU 96910  Tel", "Suite 204, 777 Route 4, Hagåtña, GU 96910"),
        ("at 87-1123 Farrington Hwy, Apt B, Waiʻanae, HI 96792.", "87-1123 Farrington Hwy, Apt B, Waiʻanae, HI 96792"),
        ("Worked at Dunkin' on S Willow St until Nov 2023.", "S Willow St"),
    ],
)
def test_type_first_streets_kilometre_addresses_territories_and_okina(text: str, expected: str) -> None:
    assert expected in [s for s, _ in spans(REC, text)]


def test_on_saint_is_no_street() -> None:
    assert [s for s, _ in spans(REC, "seen on St. Mary's campus")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Address: Rt 2 Box 118, Arapaho, OK 73620 (Custer County)", "Rt 2 Box 118, Arapaho, OK 73620"),
        ("Surgery Service\nBldg 2410, Hospital Loop, Fort Calloway, TX 76544\n", "Bldg 2410, Hospital Loop, Fort Calloway, TX 76544"),
        ("dispensed by Keystone Nuclear Pharmacy, York, PA.\n\nTECHNIQUE", "York, PA"),
    ],
)
def test_route_boxes_buildings_before_streets_and_a_city_closing_a_sentence(text: str, expected: str) -> None:
    assert expected in [s for s, _ in spans(REC, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a known city before a country: the city alone (the country is redacted on its own)
        ("- Feb 14: Depart Houston IAH -> Lima, Peru on flight", ["Houston", "Lima"]),
        ("Fly Lima -> Santiago, Chile (LatAndes)", ["Lima", "Santiago"]),
        ("Punta Arenas -> Ushuaia, Argentina -> Buenos Aires, disembark",
         ["Buenos Aires", "Punta Arenas", "Ushuaia"]),
        # military mail and named residential complexes
        ("mail forwards to CMR 480 Box 2271, APO AE 09128 (unit)", ["CMR 480 Box 2271, APO AE 09128"]),
        ("Scene: Riverside Gardens Apartments, Bldg F stairwell", ["Riverside Gardens Apartments"]),
        ("Lives at Pine Hollow Mobile Home Park.", ["Pine Hollow Mobile Home Park"]),
    ],
)
def test_itineraries_countries_military_mail_and_complexes(text: str, expected: list[str]) -> None:
    assert sorted(t for t, _ in spans(REC, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "LIMA -> LAD anastomosis; SVG -> OM1.",  # grafts, not cities
        "BP 120/80 -> 110/70; Heparin -> Coumadin.",
        "Born in Peru, moved to Chile.",  # countries alone are not cities
    ],
)
def test_arrows_and_countries_alone_are_no_cities(text: str) -> None:
    assert [t for t, _ in spans(REC, text) if t not in {"Peru", "Chile"}] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("respite at Gentle Harbor House (Auburn) offered", ["Auburn"]),
        ("by 35th Ave & Indian School Rd (Maryvale). Previously", ["Maryvale"]),
        ("Seen in clinic (Mobile) and MRI (Normal); Lasix (Furosemide)", []),
    ],
)
def test_a_rare_known_town_in_brackets(text: str, expected: list[str]) -> None:
    assert [t for t, _ in spans(REC, text) if t in {"Auburn", "Maryvale", "Mobile", "Normal"}] == expected


def test_a_street_near_a_cross_street() -> None:
    assert [t for t, _ in spans(REC, "bicycle crash on N Blackstone Ave near Shields Ave (V18.4XXA)")] == [
        "N Blackstone Ave near Shields Ave"
    ]
