"""Hospitals, clinics, practices, laboratories, schools and employers, by their grammar.

An institution's name is capitalised words ending in a head noun ("St. Agnes Medical
Center", "Riverbend Family Practice", "Mercy Hospital of Springfield", "University of
Colorado"), or any capitalised name after an employment or school cue ("works at",
"a teacher at", "formerly with", "Employer:"). A department, specialty or service name
on its own ("Emergency Department", "Radiology", "Wound Care Center", "Imaging
Services") is not an institution: a weak head needs a proper name before it, a strong
head (Hospital, University, ...) at least an institutional word ("Memorial Hospital").
A name found with a strong cue is also taken where else it stands in the note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib.resources import files

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from .place_patterns import CITY, STATE_CODE, STATE_NAME
from .name_priors import NamePriors
from .span_pattern import SpanMatch, SpanPattern, SpanPatternRecognizer

__all__ = ["HealthcareOrganizationRecognizer"]


def _alternation(phrases: Iterable[str]) -> str:
    """Title-case and upper-case forms of the phrases, longest first, spaces as [ \\t]+."""
    forms: set[str] = set()
    for phrase in phrases:
        forms.add(phrase)
        forms.add(phrase.upper())
    escaped = [re.escape(p).replace(r"\ ", r"[ \t]+") for p in forms]
    return "(?:" + "|".join(sorted(escaped, key=len, reverse=True)) + ")"


# Heads that name an institution whenever any name or institutional word stands before them.
_STRONG_HEADS = (
    "Hospital", "Hospitals", "Hosp", "Hosp.", "Medical Center", "Medical Centre", "Med Center", "Med. Center",
    "Med Ctr", "Medical Ctr", "Health System", "Health Systems", "Healthcare System",
    "Health Care System", "Health Network", "Health Sciences Center", "University",
    "College", "Community College", "School", "High School", "Elementary School",
    "Middle School", "Elementary", "Academy", "Institute", "Foundation", "Infirmary", "Sanitarium",
    "Nursing Home", "Nursing Facility", "Skilled Nursing", "Skilled Nursing Facility",
    "Rehabilitation Center", "Rehabilitation Hospital", "Rehab Center", "Hospice",
    "Surgery Center", "Surgical Center", "Ambulatory Surgery Center", "Cancer Center",
    "Trauma Center", "Health Center", "Medical Group", "Medical Associates", "Medical Clinic",
    "Senior Living", "Assisted Living", "Retirement Community", "Retirement Home",
    "Care Center", "Living Center", "Pavilion",
)
# Heads that are also department or service words: they need a proper name before them.
_WEAK_HEADS = (
    "Clinic", "Clinics", "Center", "Centre", "Health", "Healthcare", "Health Care", "Practice",
    "Family Practice", "Family Medicine", "Internal Medicine", "Primary Care", "Urgent Care",
    "Pediatrics", "Associates", "Surgical Associates", "Partners", "Group", "Specialists",
    "Consultants", "Physicians", "Services", "Laboratory", "Laboratories", "Labs", "Lab",
    "Imaging", "Radiology", "Pathology", "Diagnostics", "Pharmacy", "Drugs", "Dentistry",
    "Orthodontics", "Home Health", "Home Care", "Health Plan", "Mutual", "Insurance",
    "Alliance", "Cooperative", "Co-op", "Supply", "Logistics", "Freight", "Freightways",
    "Carriers", "Trucking", "Transport", "Transportation", "Towing", "Ambulance", "Rescue",
    "Department", "Industries", "Enterprises", "Holdings", "Solutions", "Manufacturing",
    "Construction", "Bank", "Inc", "Inc.", "LLC", "L.L.C.", "LLP", "PLLC", "Corp", "Corp.",
    "Corporation", "Company", "Co.", "Ltd", "Ltd.",
    # dialysis units, dental offices, community hospitals ("Saint Olaf General"), churches,
    # fire and police departments: all name where a patient is seen, lives or works
    "Dialysis", "Dental", "Memorial", "General", "Church", "Chapel", "Tabernacle", "Temple",
    "Synagogue", "Mosque", "Parish", "Manor", "Fire", "Fire Department", "Fire District",
    "Police Department", "Sheriff's Office", "EMS", "Care Plus",
    # specialty practices ("Rio Grande Valley Orthopedics", "Treasure Valley Sports
    # Medicine"), nursing homes ("Magnolia Gardens Nursing and Rehabilitation"), railways
    "Orthopedics", "Orthopaedics", "Sports Medicine", "Cardiology", "Dermatology", "Neurology",
    "Oncology", "Urology", "Gastroenterology", "Ophthalmology", "Eye Care", "Vein Center",
    "Rehabilitation", "Nursing and Rehabilitation", "Nursing & Rehabilitation", "Rail",
    "Railroad", "Railway", "Airlines", "Motors",
    # schools, libraries and services written without "School" ("Maple Grove Senior High")
    "High", "Senior High", "Junior High", "Library", "Public Library", "Ambulance Service",
    "Collective", "YMCA", "Pharmacy Services", "PD", "Police", "Sheriff's Department",
    "Campus", "Assembly of God", "Fellowship", "Ministries", "Tabernacle of God",
    "Network", "Recovery Network", "Consortium", "Battalion", "Brigade", "Squadron", "Regiment",
    "CPAs", "CPA", "Law Group", "Law Firm", "Attorneys", "Casualty", "Physical Therapy",
    "Therapy", "Rehab", "Outfitters", "Farms", "Ranch", "Dairy", "Mills", "Works",
    "Breast Care", "Occupational Medicine", "Occupational Health", "Neurodiagnostics", "Child Care",
    "Childcare", "Day Care", "Daycare", "Preschool", "Head Start", "Food Shelf", "Food Bank", "Food Pantry",
    "Air Shuttle", "Genomics", "Precision Genomics", "PPO", "HMO", "EPO", "Precinct", "Open MRI", "MRI Center", "Imaging Center", "Vision", "Family Vision",
    "Eye Center", "Optometry", "Service Unit", "Medigap", "Medicare Supplement", "Supplement", "Post Office",
    "Air Medical", "Air Ambulance", "Life Flight", "Flight", "Housing Authority", "Authority", "CMC", "RMC", "UMC", "VAMC", "VAHCS", "Regional", "Kidney Care", "Dialysis Unit", "Dialysis Center",
    "Highway Patrol", "State Patrol", "State Police", "Palliative Care", "Hospice & Palliative Care",
    "Hospice and Palliative Care", "Rx Plan", "Drug Plan", "Prescription Plan", "Electric", "Power", "Utilities", "Telephone", "Cooperative Extension", "Credit Union",
    # facilities a patient lives in, is held in or is stationed at, and societies
    "Facility", "Health Care Facility", "Healthcare Facility", "Correctional Facility",
    "Correctional Complex", "Correctional Center", "Correctional Institution",
    "Detention Center", "Detention Facility", "Prison", "Penitentiary", "Jail",
    "Chapter House", "Society", "Dermatopathology", "Health Plans", "Shelter",
    "AFB", "Air Force Base", "Air Base", "Naval Station", "Naval Air Station",
    "Marine Corps Base", "Army Base", "Army Airfield", "Airfield", "Air Field", "Reservation", "Pueblo",
    # services around care: transcription and image-exchange vendors, meal and ageing
    # services, cemeteries and funeral homes, union locals
    "Transcription", "Transcription Services", "Medical Transcription", "Image Exchange",
    "Health Information Exchange", "Meals on Wheels", "Agency on Aging", "Area Agency on Aging",
    "Council on Aging", "Cemetery", "Funeral Home", "Mortuary", "Crematory",
    # workplaces and landmarks named in scene and exposure histories
    "Resort", "Ski Resort", "Hotel", "Motel", "Inn", "Casino", "Restaurant", "Diner", "Cafe",
    "CBOC", "FQHC", "Circuit Court", "District Court", "Superior Court", "Probate Court", "Family Court",
    "Juvenile Court", "Commission", "Assoc", "Assoc.", "Assn", "Assn.", "Coalition", "Collaborative", "Alliance of", "Brewery", "Winery", "NEMT", "Medical Transportation", "Medical Transport",
    # programs, shops and kitchens a patient attends or works at; small pharmacies
    "Program", "Kitchen", "Market", "Dining Room", "Apothecary", "Endocrine", "Endocrinology",
    "Nephrology", "Pulmonology", "Rheumatology", "Hematology", "Psychiatry", "Allergy", "Podiatry",
    "Audiology", "Neuromonitoring", "NeuroMonitoring", "Dermpath", "Residences", "Office", "Drug",
    "Sports PT", "MC", "Med. Ctr.", "Transit", "Rural Transit", "Transit Authority",
    "Spine", "Spine and Pain", "Spine & Pain", "Pain & Spine", "Pain and Spine", "Pain Management", "Pain Center", "Spine Center", "ASC",
    "Organ Recovery", "Organ Procurement Organization", "Donor Network", "Donor Services", "Tissue Bank",
    "Blood Center", "Heart & Vascular", "Heart and Vascular", "Heart Institute", "Vascular",
    "Freight Lines", "Truck Lines", "Residential Care", "Adult Family Home", "Group Home", "Care Home", "Memory Care",
    "General Surgery", "Endocrine Surgery", "Surgery Associates", "Surgical Group", "Surgical Specialists",
    "Foot and Ankle", "Foot & Ankle", "Foot and Ankle Specialists", "Foot & Ankle Specialists",
    "Sinus & Allergy", "Sinus and Allergy", "ENT & Allergy", "Ear, Nose & Throat",
    "Residency", "Residency Program", "Fellowship Program",
    "Orthotics", "Prosthetics", "Orthotics and Prosthetics", "Orthotics & Prosthetics", "Workers' Comp",
    "Workers Comp", "Workers' Compensation", "Workers Compensation Trust", "Catering", "Noodle", "Noodles",
    "Dim Sum", "Grill", "Bar & Grill", "Bakery", "Deli", "Pizzeria", "Taqueria", "Steakhouse", "Fish House",
    "Barbecue", "BBQ", "Tavern", "Medical Supply", "Air Medical",
    "Advantage", "Senior Advantage", "Medicare Advantage", "Genetics", "Assurance", "Indemnity", "Distribution", "Distributors", "Packing", "Court Reporting",
    "Recorder", "Recorder's Office", "Cold Storage", "Storage", "Legal Assistance", "Legal Aid", "Legal Services",
    "Post-Acute", "Post-Acute Care", "Digestive Care", "Digestive Health", "Gaming", "Clinical Research",
    "Infantry", "Products", "Cab", "Taxi", "Men's Residence", "Women's Residence", "Inst.",
    "Football Club", "Soccer Club", "Athletic Club", "Swim Club", "Hockey Club", "Rugby Club", "FC",
    "Visiting Nurses", "Visiting Nurse Service", "Visiting Nurse Services", "Immunology",
    "Asthma & Allergy", "Allergy & Asthma", "Allergy, Asthma & Immunology", "Allergy, Asthma and Immunology",
    # session 8: nursing homes, tribes and boards, districts, courts' officers and programs
    "Nursing & Rehab", "Nursing and Rehab", "Transitional Care", "Tribe", "Tribal Council", "Health Board",
    "Tribal Health Board", "School District", "Unified School District", "Independent School District",
    "Health District", "Public Health District", "Adult Probation", "Juvenile Probation", "Probation Department",
    "Public Administrator", "Public Guardian", "CASA", "Recovery Residence", "Sober Living",
    "Crisis Center", "Crisis Line", "WorkCare", "EAP", "OB/GYN", "OB-GYN", "Ob/Gyn", "OBGYN", "Obstetrics & Gynecology",
    "Obstetrics and Gynecology", "Women's Health", "Women's Care", "Counseling Services", "Concierge Medicine", "Direct Primary Care", "Interpreting", "Interpreting Services", "Translation Services",
    "Language Services", "Industrial Medicine", "Fabrication", "Fabricators", "Golf Course", "Golf Club",
    "Country Club", "Yacht Club", "Marina", "RV Resort", "Poultry", "Poultry Processing", "Processing", "Foods",
)
_HEAD = _alternation(_STRONG_HEADS + _WEAK_HEADS)
_WORD_NAMED_HEADS = frozenset(("Office", "Program", "Kitchen", "Market", "Drug", "Dining Room", "Asc", "Mc", "General Surgery"))
_STRONG_HEAD_WORDS = frozenset(re.sub(r"\s+", " ", h.lower()) for h in _STRONG_HEADS)
# Heads written in lower case after a capitalised name: "Mt. Sinai hospital", "NYU Langone
# clinic", "Chicago downtown clinic", "Chicago office".
_LOWER_HEAD = (
    r"(?:hospital|clinic|medical[ \t]+center|health[ \t]+center|cancer[ \t]+center|office"
    r"|practice|surgery[ \t]+center|urgent[ \t]+care|medical[ \t]+group)"
)
_LOWER_MODIFIER = (
    r"(?:downtown|uptown|midtown|main|satellite|outpatient|walk-in|branch|local|suburban)"
)

# A name word: Agnes, Brendan's, Adults', Kessler-Brandt, McArthur, NYU, GRANITE, St., Mt.
_WORD = (
    r"(?:[A-ZÀ-Þ][a-zß-ÿ]+(?:[A-Z][a-z]+)?(?:['’\-][A-Za-z][a-zß-ÿ]*(?:[A-Z][a-z]+)?)*(?:['’]s|s['’])?"
    r"|[A-ZÀ-Þ]{2,}(?:['’\-/][A-ZÀ-Þ]+)*(?:['’]S|S['’])?|(?:St|Ste|Mt|Ft|ST|STE|MT|FT)\.|\d{1,3}(?:st|nd|rd|th))"
)
_JOIN = r"(?:[ \t]+(?:&|and|AND|of|OF|the|THE|de|la|del|los|las|el|y|on(?![ \t]+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b))[ \t]+|[ \t]*&[ \t]*|[ \t]{1,2}(?![ \t]))"  # a wider gap parts two columns
_NAME = rf"{_WORD}(?:{_JOIN}{_WORD}){{0,6}}"
_OF_TAIL = rf"(?:[ \t]+(?:of|OF)[ \t]+(?:(?:the|THE)[ \t]+)?{_WORD}(?:[ \t]+{_WORD}){{0,2}})"
_CORPORATE = r"(?:,?[ \t]+(?:Inc|LLC|LLP|PLLC|PLC|P\.?C|Ltd|Corp|INC|LTD|CORP|S\.C|P\.A|P\.S|CSP|PSC)\.?(?![\w]))"
# State codes written after an institution ("Cedar Falls Med Center, IA"); those that are
# also clinical abbreviations (OR after "Medical Center, OR") are left out.
_TAIL_STATE = (
    rf"(?:{STATE_NAME}"
    rf"|(?!(?:OR|MD|PA|CT|MS|DE|IN|ME|ID|NC|VA|GA|OK|HI|MA|CO|AR|SD|SC|PR)\b){STATE_CODE})"
)
_PLACE_TAIL = (
    rf"(?:[ \t]+in[ \t]+(?P<in_city>{CITY})(?:,[ \t]*{_TAIL_STATE})?"
    rf"|,[ \t]*(?P<tail_state>{_TAIL_STATE})(?![\w]))"
)

# A campus or site after the institution: "UNIVERSITY MEDICAL CENTER - NORTH CAMPUS".
# A Medigap plan letter after a supplement plan: "... Medicare Supplement Plan G".
_PLAN_LETTER = r"(?:[ \t]+Plan[ \t]+[A-N](?![\w]))?"
_CAMPUS = (
    r"(?:[ \t]+[-–—][ \t]+(?:[A-Z][a-z]+|[A-Z]+)(?:[ \t]+(?:[A-Z][a-z]+|[A-Z]+))?[ \t]+"
    r"(?:Campus|CAMPUS|Site|SITE|Location|LOCATION|Branch|BRANCH|Unit|UNIT|Clinic|CLINIC))"
)
_HEADED = re.compile(
    rf"(?<![\w'’\-.])(?P<phi>(?P<name>{_NAME})[ \t]+(?P<head>{_HEAD})"
    # a second head joined by "&": "Azalea Gardens Health & Rehab", "Dermatology & Mohs Surgery"
    rf"(?:[ \t]*(?:&|and|AND)[ \t]*(?:{_WORD}[ \t]+)?(?:{_HEAD}|Surgery|SURGERY))?(?![\w'’\-]){_OF_TAIL}?"
    rf"{_PLAN_LETTER}{_CORPORATE}?{_CAMPUS}?(?:[ \t]+(?:HIM|H\.I\.M\.)(?![\w]))?{_PLACE_TAIL}?)"
)
# "University of Colorado", "College of the Ozarks"
_HEAD_OF = re.compile(
    r"(?<![\w'’\-.])(?P<phi>(?P<head>(?:University|UNIVERSITY)(?:[ \t]+(?:at|AT)(?=[ \t]))?"
    r"|College|Academy|Institute|COLLEGE|ACADEMY|INSTITUTE|(?:Center|Centre|CENTER)(?=[ \t]+(?:for|FOR)[ \t]))"
    rf"[ \t]+(?:(?:of|OF|for|FOR)[ \t]+)?(?:(?:the|THE)[ \t]+)?(?P<name>{_WORD}(?:(?:[ \t]+(?:and|&|AND))?[ \t]+{_WORD}){{0,3}})"
    rf"{_PLACE_TAIL}?)"
)
# Spanish head-first names: "Centro Gastroenterológico del Sur", "Clínica San Agustín",
# "Hospital Universitario San Cristóbal de Ponce".
_SPANISH_HEAD = re.compile(
    r"(?<![\w'’\-.])(?P<phi>(?P<head>Centro|CENTRO|Cl[ií]nica|CL[IÍ]NICA|Hospital|HOSPITAL|Instituto|INSTITUTO"
    r"|Policl[ií]nica|Sanatorio|Farmacia|FARMACIA|Laboratorio|LABORATORIO|Departamento|DEPARTAMENTO|Cooperativa|COOPERATIVA"
    r"|Ferreter[ií]a|Escuela|ESCUELA|Universidad|UNIVERSIDAD|Colegio|Iglesia|IGLESIA|Parroquia|Municipio|Administraci[oó]n"
    r"|Oficina|Asociaci[oó]n|Fundaci[oó]n|Supermercado|Panader[ií]a|Neurolog[ií]a|NEUROLOG[IÍ]A|Oncolog[ií]a|Cardiolog[ií]a)"
    r"(?P<name>(?:[ \t]+(?:de|del|de[ \t]+la|de[ \t]+los|la|las|los|el|y|DE|DEL|LA|LOS|Y))?"
    r"(?:[ \t]+(?:[A-ZÁÉÍÓÚÑÜ][a-záéíóúñü]+|[A-ZÁÉÍÓÚÑÜ]{2,})(?:[ \t]+(?:de|del|la|las|los|y|DE|DEL|LA|Y)(?=[ \t]+[A-ZÁÉÍÓÚÑÜ]))?){1,5})"
    # a Puerto Rican professional corporation: "NEUROLOGÍA DEL NOROESTE, CSP"
    r"(?:,?[ \t]+(?:CSP|PSC|C\.S\.P\.|P\.S\.C\.|LLC|Inc\.?))?)"
)
_LOWER_HEADED = re.compile(
    rf"(?<![\w'’\-.])(?P<phi>(?P<name>{_NAME})[ \t]+(?:{_LOWER_MODIFIER}[ \t]+)?"
    rf"(?P<head>{_LOWER_HEAD})"
    rf"(?![\w'’\-]){_PLACE_TAIL}?)"
)
# Employment and school cues: "works at", "employed by", "a barista at", "formerly with",
# "retired from", "a long-haul driver for", "Employer:".
_OCCUPATION = (
    r"(?:[a-z\-]+(?:er|or|ist|ian|worker|staff|clerk|nurse|aide|cook|chef|student|owner"
    r"|manager|director|officer|employee|volunteer|analyst|hygienist|assistant|technician|tech"
    r"|agent|barista|paralegal|secretary|cashier|guard|attendant|junior|senior|sophomore"
    r"|freshman|principal|coach|faculty|resident|fellow|intern))"
)
# An explicit verb or label ("works at", "Employer:") marks the name with group `verb`; an
# occupation noun ("a paralegal at") is weaker and needs a head or two words after it.
_EMPLOYER_CUE = (
    r"(?:(?P<verb>\b(?i:works?|worked|working|employed|volunteers?|volunteered|volunteering"
    r"|retired|studies|studying|enrolled|attends|attended|teaches|taught|job)"
    r"(?:[ \t]+(?:as|part-time|full-time|part[ \t]+time|full[ \t]+time|there))?"
    r"(?:[ \t]+an?)?(?:[ \t]+[a-z][\w\-]*){0,3}?[ \t]+(?:at|for|by|with|from)"
    r"|\b(?i:formerly)[ \t]+(?:with|of|at|employed[ \t]+(?:by|at|with))"
    # "Daughter Marisol Reyes is RN at Rush", "she is a teacher at ..."
    rf"|\b(?:is|was|as)[ \t]+(?:an?[ \t]+)?(?:RN|LPN|CNA|NP|PA|MD|nurse|{_OCCUPATION})[ \t]+(?:at|for)"
    r"|\b(?:[Ee]mployer|EMPLOYER|[Ss]chool|SCHOOL|[Cc]ompany|[Ww]orkplace|[Oo]ccupation)[ \t]*(?:[:(]|\.{3,}:?))"
    rf"|\b(?:an?|the|as)[ \t]+(?:[a-z0-9][\w\-]*[ \t]+){{0,3}}?{_OCCUPATION}[ \t]+(?:at|for))"
)
_CUED = re.compile(
    rf"{_EMPLOYER_CUE}[ \t]+(?:(?:the|The)[ \t]+)?"
    rf"(?P<phi>(?P<name>{_WORD}(?:(?:,[ \t]+|{_JOIN}){_WORD}){{0,6}})"
    rf"(?:[ \t]+(?P<head>{_HEAD}))?(?![\w'’\-]){_OF_TAIL}?{_CORPORATE}?)"
)
# A name with a corporate suffix is a company or a practice whatever its words:
# "Riverside Aesthetic & Reconstructive Surgery, PLLC", "NORTHGATE INTERNAL MEDICINE, P.C.".
_CORPORATE_NAMED = re.compile(
    rf"(?<![\w'’\-.])(?P<phi>(?P<name>{_NAME}),?[ \t]+"
    r"(?:(?:Inc|Ltd|Corp|INC|LTD|CORP|P\.C|L\.L\.C)\.?|LLC|LLP|PLLC|PC)(?![\w]))"
)
# A health plan after an insurance cue: "Insurance: Chesapeake Kids Care (Medicaid)",
# "secondary Heritage Medicare Supplement ID 815...". Plan names made only of generic
# words ("Medicare", "Self-pay") are not PHI.
_INSURER = re.compile(
    r"\b(?:[Ii]nsurance|INSURANCE|[Ii]nsurer|[Pp]ay[eo]r|PAY[EO]R|[Cc]arrier|[Hh]ealth[ \t]+[Pp]lan|Part[ \t]+D|PART[ \t]+D|INS(?=:)|[Cc]overage(?=[ \t]*:)|COVERAGE(?=[ \t]*:)"
    r"|(?P<rank>[Pp]rimary|PRIMARY|[Ss]econdary|SECONDARY|[Tt]ertiary|[Ss]upplemental|SUPPLEMENTAL)"
    # "Medicaid ID 9100234518   Plan: Heartland Community Care": a plan label beside plan IDs
    r"|(?P<plan>(?:[Dd]ental[ \t]+|[Vv]ision[ \t]+|DENTAL[ \t]+)?(?:[Pp]lan|PLAN))(?=[ \t]*:))"
    r"(?:[ \t]+(?:[Ii]nsurance|INSURANCE|[Pp]lan|[Pp]ayer))?[ \t]*[:\-]?[ \t]+"
    rf"(?P<phi>(?P<name>{_WORD}(?:{_JOIN}{_WORD}){{0,5}}))"
)
# A plan named right before its member number ("supplemental Regence member ID ...") or in
# brackets after a plan label ("Health plan: AHCCCS (Mercy Care)"). Public programs are not
# organisations that identify anyone.
_PLAN_BEFORE_NUMBER = re.compile(
    rf"(?<![\w'’\-.])(?P<phi>(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}}))[ \t]+"
    r"(?:member|subscriber|policy|MEMBER|SUBSCRIBER|POLICY)[ \t]*(?:ID|#|[Nn]o\.?|[Nn]umber)"
)
_PLAN_IN_BRACKETS = re.compile(
    r"\b(?:(?:[Hh]ealth[ \t]+[Pp]lan|[Ii]nsurance|INSURANCE|[Pp]ay[eo]r|[Cc]overage)[ \t]*:[^\n(]{1,40}|(?:Medicaid|MEDICAID|Medicare|MEDICARE)[ \t]*)\("
    rf"(?P<phi>(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}}))\)"
)
_FEDERAL_PROGRAMS = frozenset(
    (
        "indian health service", "veterans health administration", "veterans benefits administration",
        "social security administration", "centers for medicare & medicaid services",
        "centers for medicare and medicaid services", "department of veterans affairs",
        "veterans affairs", "national cancer institute", "national institutes of health",
    )
)
_PUBLIC_PLANS = frozenset("medicare medicaid tricare champva va ihs qmb slmb prc ihs/prc chip".split())
# A field label naming the institution: "Hospital: Three Rivers Presbyterian".
_INSTITUTION_LABEL = re.compile(
    # blanks are taken only at a line start (taken after the look-behinds too, every
    # position of a long run of blanks would rescan the rest of it: quadratic)
    r"(?:^[ \t]*|(?<=[ \t]{2})|(?<=\|)[ \t]?)(?:Hospital|HOSPITAL|Facility|FACILITY|Practice|PRACTICE"
    r"|Pharmacy|PHARMACY|Agency|AGENCY|Institution|Referring[ \t]+(?:facility|practice|hospital)"
    r"|Nursing[ \t]+facility|SNF|School|SCHOOL|(?:Clinician/)?Facility[ \t]+[Nn]ame(?:[ \t]+and[ \t]+[Aa]ddress)?)[ \t]*:[ \t]*"
    rf"(?P<phi>(?P<name>{_WORD}(?:[ ](?:(?:&|and|of|the)[ ])?{_WORD}){{0,5}}))",
    re.MULTILINE,
)
# A letterhead: a line of capitals (or a fax's FROM/TO line) right above a street address:
# "DESERT BLOOM OCULOFACIAL & PLASTIC SURGERY\n8765 E. Via Linda, Ste 204, ...".
_LETTERHEAD = re.compile(
    r"^[ \t]*(?:(?:FROM|TO|From|To)[ \t]*:[ \t]*)?"
    r"(?P<phi>(?P<name>[A-Z][A-Za-z'’.\-]*(?:[ \t](?:&[ \t])?[A-Z][A-Za-z'’.\-]*){1,7})"
    r"(?:,?[ \t]+(?:P\.A\.|PA|PLLC|LLC|Inc\.?|INC\.?|P\.C\.|PC|LLP|CSP|PSC|Ltd\.?))?"
    # a site after a dash closing the name: "CORDILLERA PATHOLOGY - EAST BAY   Anatomic ..."
    r"(?:[ \t][-–—][ \t][A-Z]{3,}(?:[ \t][A-Z]{3,})?(?=[ \t]{2,}|[ \t]*\n))?)"
    r"[ \t]*(?:[|,][^\n]{0,60}|[ \t][-–—][ \t][^\n]{0,60})?\n[ \t]*\d{1,6}[ \t]+(?:[NSEW]\.?[ \t]+)?[A-Z0-9][A-Za-z0-9]*[ \t]"
    # the next line is a street: a street type within its first words
    r"(?=[^\n]{0,40}?(?i:\b(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Blvd|Boulevard|Ln|Lane|Way|Pkwy|Parkway"
    r"|Hwy|Highway|Ct|Court|Pl|Place|Cir|Circle|Trail|Trl|Pike|Temple|Plaza|Sq|Square|Suite|Ste|Loop|Row|Terrace|Ter)\b))",
    re.MULTILINE,
)
_NOT_LETTERHEAD = frozenset(
    "REPORT NOTE SUMMARY RECORD CONSULTATION LETTER DISCHARGE HISTORY VISIT FORM REQUEST PATIENT ADDRESS "
    "INFORMATION SECTION RESULTS RESULT ORDER ORDERS PLAN ASSESSMENT MEDICATIONS DIAGNOSIS PROCEDURE "
    "INSTRUCTIONS REFERRAL AUTHORIZATION CERTIFICATION DEMOGRAPHICS CONTACT CONTACTS HOME MAILING "
    "DEPARTMENT DIVISION SECTION SERVICE OFFICER MANAGER DIRECTOR COORDINATOR ATTN".split()
)
# A store or branch number after a pharmacy or shop: "Dillons Pharmacy #88".
_STORE_NUMBER = re.compile(r"[ \t]*#[ \t]?\d{1,5}(?![\w])")
_INSURER_TAIL = frozenset("id member group policy subscriber number no no. #".split())
# All-lower-case notes: "hospital: holy cross hospital of the lakes", "a teacher at
# st. hedwig elementary school".
_LOWER_STRONG = (
    r"(?:hospital|medical[ \t]+center|university|college|(?:elementary|middle|high)[ \t]+school"
    r"|school|academy|clinic|health[ \t]+center|surgery[ \t]+center|family[ \t]+practice"
    r"|family[ \t]+medicine|(?:physical|hand|occupational)[ \t]+therapy|pharmacy|workers[ \t]+comp"
    # employers in lower-case dictation: "a clerk at mid-state mutual insurance"
    r"|mutual[ \t]+insurance|insurance[ \t]+(?:company|agency|group)|credit[ \t]+union|electric"
    r"|manufacturing|industries|foods|logistics|trucking|construction|associates|distributors"
    r"|(?:roofing|plumbing|heating)[ \t]+and[ \t]+[a-z]+|roofing|medical[ \t]+group|valley|post[ \t]+office"
    r"|surgical[ \t]+associates|surgery[ \t]+center|mutual|(?:trauma|cancer|heart|burn)[ \t]+center"
    r"|children'?s[ \t]+hospital|(?:fire|police)[ \t]+department|sheriff'?s[ \t]+office"
    r"|laboratory|laboratories|transcription[ \t]+(?:group|services?)|llc|inc|pllc"
    r"|(?:endoscopy|imaging|dialysis|wound|sleep|eye|infusion|rehab(?:ilitation)?|vein|breast|kidney|dental)[ \t]+(?:center|centre|clinic|institute)"
    r"|co-op|cooperative|specialists)"
    # a company suffix after the head: "brightline roofing llc"
    r"(?:,?[ \t]+(?:llc|inc|pllc|corp|ltd)\b\.?)?"
)
_GENERIC_MODIFIERS = frozenset(
    "local outside home retail specialty mail mail-order nearest usual community outpatient "
    "inpatient the her his their our your a an same new old".split()
)
_SERVICE_HEAD_WORDS = frozenset("family physical hand occupational pharmacy workers".split())
_LOWER_CASE_ORG = re.compile(
    r"(?:\b(?:at|from|to|of|with|for|by|carrier|insurer|hospital|facility|institution|employer|school)[ \t]*:?[ \t]+(?:the[ \t]+)?"
    r"|^[ \t]*|(?<=/)[ \t]*)"
    r"(?P<phi>(?P<name>(?:(?!(?:at|from|to|with|for)\b)[a-z][a-z'’.\-]*[ \t]+){1,4})(?P<head>"
    rf"{_LOWER_STRONG})"
    r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?[a-z][a-z'’\-]+(?:[ \t]+[a-z][a-z'’\-]+)?)?)(?![\w])",
    re.MULTILINE,
)

# Department, specialty and service words: alone before a head they name a unit of an
# institution, not the institution.
_GENERIC = frozenset(
    """
    consultation-liaison consultation liaison consult ppo hmo epo pos hdhp
    front business billing admissions registration scheduling records main
    commercial private advisor advisory
    medical medicine health healthcare care clinical clinic clinics surgery surgical general
    family internal primary urgent emergency critical intensive acute ambulatory outpatient
    inpatient pediatric pediatrics adult adults geriatric geriatrics cancer oncology hematology
    heme onc heart cardiac cardiology cardiovascular cardiothoracic thoracic vascular vein
    orthopedic orthopedics orthopaedic orthopaedics ortho spine sports bone joint neurology
    neurological neuroscience neurosciences neurosurgery neuro brain eye vision ophthalmology
    ent otolaryngology ear nose throat head neck dental dentistry oral maxillofacial plastic
    plastics reconstructive cosmetic dermatology skin gastroenterology digestive gi liver
    hepatology transplant kidney renal nephrology urology urologic urological gynecology
    gynecologic obstetrics ob gyn ob/gyn obgyn maternity birth birthing fertility breast lung
    pulmonary respiratory sleep allergy asthma immunology endocrine endocrinology diabetes
    metabolic bariatric weight wound pain rehabilitation rehab physical therapy occupational
    speech behavioral mental psychiatric psychiatry psychology addiction recovery hospice
    palliative home infusion dialysis imaging radiology interventional diagnostic diagnostics
    laboratory laboratories lab labs pathology anatomic trauma burn stroke level i ii iii iv
    iv v blood control age support study risk treatment working focus peer tumor social
    protective child victim patient patients guest pastoral spiritual chaplain interpreter
    language case management financial transport transportation nutrition food dietary
    environmental employee student public community-based anticoagulation coumadin warfarin
    lipid hypertension travel vaccine immunization infectious disease diseases infection hiv
    aids wellness women's children's men's mother baby newborn neonatal nicu picu icu sicu
    micu ccu pacu ed er or pre-op preop post-op postop day same short stay observation unit
    floor ward service services department departments division section program center
    centre team office staff nursing nurse nurses clinician physician physicians provider
    providers doctor doctors specialist specialists associates group partners practice
    brief past hospital course history new old main north south east west central upper
    lower operating procedure procedures endoscopy cath catheterization echo ekg ecg eeg emg
    mri ct x-ray xray ultrasound mammography nuclear radiation surgical-oncology department's
    medicare medicaid tricare champva self-pay self none unknown commercial private insurance
    health-plan plan the our your his her their this that a an outside referring affiliated
    monday tuesday wednesday thursday friday saturday sunday weekend january february march
    april may june july august september october november december police fire sheriff
    sheriff's county-wide state-wide failure memory headache seizure epilepsy hernia colorectal
    hand foot fracture cast ostomy incontinence gender transgender sickle cell cystic fibrosis
    comprehensive disorders disorder movement pelvic nodule simulation command transfer
    resource education cessation smoking tobacco access multidisciplinary board chemotherapy
    proton public population global digital maternal fetal perinatal prenatal adolescent youth
    men's veterans' lactation genetic genetics genomics research clinical-research trial trials
    vascular-access wound-care foot-and-ankle spine-and-joint joint-replacement teaching
    anesthesia anesthesiology pharmacy pharmaceutical medication medications infusion-therapy
    fast track express walk-in virtual telehealth telemedicine triage intake admissions
    registration billing records scheduling operations quality safety compliance graduated
    perioperative periop skilled facility facilities long-term extended subacute acute-care
    monthly weekly daily annual quarterly confidential protected private privileged preliminary
    ventilation perfusion lung lungs chest abdomen abdominal pelvis pelvic bone scan nm pet spect
    mammogram mammography screening fluoroscopy fluoroscopic guided joint injection venous arterial
    final results result labs lab's handoff hand-off
    comfort goals attended attends works worked retired discharged sending receiving
    discharging accepting admitting transferring correctional detention
    admitted transferred seen presented referred followed returned called visited contact
    call see per via to at in from with by for on and of
    """.split()
)
# Words that make a strong head an institution even without a proper name.
_INSTITUTIONAL = frozenset(
    """
    memorial general community regional university county city state veterans baptist
    methodist presbyterian lutheran catholic adventist episcopal jewish mercy providence
    shriners children's women's sisters saint st national christian charity valley reg
    """.split()
)
# Capitalised words that start a heading or sentence before the name ("Seen At Mercy
# Hospital", "Follow Up With ...").
_LEADING = frozenset(
    """
    the at to in from with for by on of our your his her their this that a an seen follow
    follow-up up see call contact per via patient pt discharged transferred admitted referred
    graduated attended attends works worked retired presented returned visited hospital
    facility institution employer school company client location continue resume discuss
    page paged consult consulted transfer transferred admit notify notified refer order
    ordered start started stop hold encourage recommend recommended consider obtain check
    called calling phoned spoke emailed messaged texted
    review reviewed arrange arranged schedule scheduled send sent fax faxed copy copies cc
    """.split()
)
# Units and departments written after an institution's name, which are not part of it.
_TRAILING_UNITS = frozenset(
    "emergency department departments unit units service services division section program "
    "ward floor wing".split()
)
_TITLES = frozenset("dr dr. doctor mr mr. mrs mrs. ms ms. miss prof prof.".split())


def _national_names() -> re.Pattern[str]:
    """National pharmacies, labs, plans and home-care companies (data/organizations)."""
    text = files("redactphi_recognizers").joinpath("data/organizations/national.txt")
    names = [
        line.strip()
        for line in text.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    # capitals printouts write them in capitals: "QUEST DIAGNOSTICS" (names of two or more words)
    names += [n.upper() for n in names if " " in n]
    alternation = "|".join(
        re.escape(n).replace(r"\ ", r"[ \t]+") for n in sorted(set(names), key=len, reverse=True)
    )
    # a store or branch number belongs to the name: "Walgreens #07214", "Rite Aid #3512"
    return re.compile(
        rf"(?<![\w'’\-/])(?P<phi>(?:{alternation})(?:[ \t]*#[ \t]?\d{{1,5}}(?!\w))?"
        r"(?:[ \t]+(?:PPO|HMO|EPO|POS|PFFS|Advantage|Medicare|Choice|Plus|Gold|Silver|Bronze|Platinum"
        r"|Premier|Select|Prime|Complete|Value|Dual|Community)){0,3})(?![\w'’\-/])"
    )


_NATIONAL = _national_names()
# Chains whose name is also a clinical abbreviation (CVS: critical view of safety, chorionic
# villus sampling, cardiovascular system): named as a chain only with a shop or place cue.
_CLINICAL_ABBREVIATION_CHAINS = frozenset({"CVS"})
_PHARMACY_CONTEXT = re.compile(r"(?i)\b(?:at|from|to|via)[ \t]+CVS\b|pharm|\bRx\b|prescri|refill|#[ \t]?\d|store|caremark|minuteclinic")
# A named place of worship: "Congregation Beth Shalom", "Temple Emanu-El", "Masjid Al-Noor".
_WORSHIP = re.compile(
    rf"(?<![\w'’\-.])(?P<phi>(?:Congregation|Temple|Masjid|Mosque|Synagogue|Iglesia|Templo|Church[ \t]+of(?:[ \t]+the)?"
    rf"|[ÉE]glise|Igreja|Chiesa|Parroquia|Gurdwara|Mandir|Ministerios?)"
    rf"[ \t]+(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}}))"
)

# Organisations named head first with their place: charities' local chapters ("Meals on
# Wheels of Greer County", "Catholic Charities of Northern Minnesota", "CASA of El Paso"),
# courts ("Circuit Court of Cook County"), consulates ("Consulate of Guatemala in Tucson",
# "Consulado General de México en El Paso"), veterans' posts and union locals.
_CHAPTER_OF = re.compile(
    r"(?<![\w'’\-.])(?P<phi>(?:Meals[ \t]+on[ \t]+Wheels|Catholic[ \t]+Charities|Lutheran[ \t]+Services|Jewish[ \t]+Family[ \t]+Services?"
    r"|Habitat[ \t]+for[ \t]+Humanity|Big[ \t]+Brothers[ \t]+Big[ \t]+Sisters|Boys[ \t]+(?:&|and)[ \t]+Girls[ \t]+Clubs?|Salvation[ \t]+Army"
    r"|Goodwill(?:[ \t]+Industries)?|United[ \t]+Way|Legal[ \t]+Aid[ \t]+Society|CASA|Area[ \t]+Agency[ \t]+on[ \t]+Aging|Visiting[ \t]+Nurse[ \t]+Association"
    r"|(?:Circuit|District|Superior|Probate|Family|Juvenile|County|Municipal|Chancery|Justice)[ \t]+Court|Court[ \t]+of[ \t]+Common[ \t]+Pleas"
    r"|(?:CIRCUIT|DISTRICT|SUPERIOR|PROBATE|FAMILY|JUVENILE|COUNTY|MUNICIPAL|CHANCERY)[ \t]+COURT|COURT[ \t]+OF[ \t]+COMMON[ \t]+PLEAS)"
    rf"[ \t]+(?:of|for|OF|FOR)[ \t]+(?:the[ \t]+|THE[ \t]+)?{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
    r"(?:,[ \t]+(?:Probate|Family|Juvenile|Criminal|Civil|Law|Chancery)[ \t]+Division)?"
    rf"|(?:Consulate|Embassy|Consulado|Embajada)(?:[ \t]+General)?[ \t]+(?:of|de|del)[ \t]+(?:the[ \t]+)?{_WORD}(?:[ \t]+{_WORD}){{0,2}}"
    rf"(?:[ \t]+(?:in|en)[ \t]+{_WORD}(?:[ \t]+{_WORD}){{0,2}})?"
    r"|(?:American[ \t]+Legion|VFW|AMVETS|DAV)(?:[ \t]+Post)?[ \t]+(?:No\.[ \t]*)?\d{1,5}"
    r"|(?:[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?|[A-Z]{2,6})[ \t]+Local[ \t]+(?:No\.[ \t]*)?\d{2,5})(?![\w'’\-])"
)
# A New York City public school by number after a cue: "records requested from PS 94".
_NUMBERED_SCHOOL = re.compile(
    r"\b(?:from|at|to|in|attends|attending)[ \t](?P<phi>(?:P\.S\.|PS|I\.S\.|IS|JHS|M\.S\.|HS)[ \t]?\d{2,3})(?![\w\-])"
)
# A medical center's acronym alone: "GLUMC", "UVUMC Sleep Medicine" (three or more letters
# before "MC"; shorter ones, CMC and MMC, are joints and drugs).
_MC_ACRONYM = re.compile(r"(?<![\w\-/.])(?P<phi>[A-Z]{3,6}MC)(?![\w\-])")
# A sports club named head first: "FC Schuylkill United".
_CLUB = re.compile(rf"(?<![\w'’\-.])(?P<phi>A?FC[ \t]+(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}}))")

# An institution's acronym after a place preposition: "inpatient at RMIMC (Gallup)",
# "referral to LBJ", "IOP at MVRS Mon/Wed/Fri". Weak: the resolver drops clinical ones
# (ICU, PACU, OR) by the lexicon.
_ACRONYM_AT = re.compile(
    r"\b(?:at|to|from)[ \t]+(?P<phi>(?!(?:ICU|MICU|SICU|CCU|PACU|NICU|PICU|CVICU|SNF|LTAC|IRF|OR|ED|ER|EMS|IOP|PHP|OT|PT|SLP|GI|ENT|CT|MRI|IR|HD|PCP|ALF|RN|MD|VA|LLSB|LUSB|RUSB|RLSB|SOC|LIWS|LCWS|AIMS|EMR|EHR|MAR|HIM"
    r"|PACS|TPN|RUQ|LUQ|RLQ|LLQ|BID|TID|QID|PRN|NPO|CPB|ECMO|IABP|CRRT|CVVH|HFNC|BIPAP|CPAP|PCA|OOB|ICD|AICD)\b)[A-Z]{3,6})"
    r"(?=[ \t]*[(.,;)]|[ \t]*$|[ \t]+(?:lab|clinic|hospital|office|appt|for|on|in|Mon|Tue|Wed|Thu|Fri)\b)",
    re.MULTILINE,
)
# A saint's name in the possessive is an institution: "from the St. Luke's ED", "at Saint
# Mary's". "St. John's wort" and "St. Anthony's fire" are left to the clinical lexicon.
_SAINTS = re.compile(
    r"(?<![\w'’\-.])(?P<phi>(?:St\.?|Saint|ST\.?|SAINT)[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?['’]s)(?![\w'’])"
    r"(?![ \t]+(?:wort|fire|dance|disease|syndrome)\b)"
)
# A military installation named by its prefix: "Fort Cavazos", "Camp Lejeune", "Joint Base
# Lewis-McChord", "Naval Station Norfolk", "Marine Corps Air Station Miramar".
_INSTALLATION = re.compile(
    r"(?<![\w'’\-.])(?P<phi>(?:Fort|Ft\.|Camp|Joint[ \t]+Base|Naval[ \t]+(?:Air[ \t]+)?Station"
    r"|Marine[ \t]+Corps[ \t]+(?:Base|Air[ \t]+Station|Recruit[ \t]+Depot)|Coast[ \t]+Guard[ \t]+(?:Station|Base))"
    rf"[ \t]+(?P<name>{_WORD}(?:[ \t]+{_WORD})?))"
)

# A person's affiliation in brackets right after their name: "signed by Y. Pruitt (DFPS)",
# "Tiffany Greene (RiverBend) via Direct msg". The name before it decides (confirm).
_AFFILIATION = re.compile(
    r"(?P<person>(?:[A-Z]\.|[A-Z][a-z]+)[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]*\("
    r"(?P<phi>[A-Z]{3,6}|[A-Z][a-z]+[A-Z][A-Za-z]+|[A-Z][a-z]{3,})\)"
)


class HealthcareOrganizationRecognizer(SpanPatternRecognizer):
    """Hospitals, clinics, practices, labs, schools and employers (ORGANIZATION)."""

    ENTITIES = ("ORGANIZATION",)
    PATTERNS = (
        SpanPattern("institution name with head noun", _HEADED, 0.85),
        SpanPattern("'University of' name", _HEAD_OF, 0.85),
        SpanPattern("name before lower-case head", _LOWER_HEADED, 0.7),
        SpanPattern("employer or school after cue (strong)", _CUED, 0.85),
        SpanPattern("institution, lower case", _LOWER_CASE_ORG, 0.7),
        SpanPattern("name with corporate suffix", _CORPORATE_NAMED, 0.85),
        SpanPattern("health plan after insurance cue", _INSURER, 0.85),
        SpanPattern("health plan before its member number", _PLAN_BEFORE_NUMBER, 0.7),
        SpanPattern("health plan in brackets after a plan label", _PLAN_IN_BRACKETS, 0.7, gate=re.compile(r"(?i)plan|insurance|payer|payor|coverage")),
        SpanPattern("institution after its field label", _INSTITUTION_LABEL, 0.7),
        SpanPattern("national pharmacy, lab, plan or care company", _NATIONAL, 0.9),
        SpanPattern("named place of worship", _WORSHIP, 0.75, gate=re.compile(r"Congregation|Temple|Masjid|Mosque|Synagogue|Iglesia|Templo|Church|[ÉE]glise|Igreja|Chiesa|Parroquia|Gurdwara|Mandir|Ministerio")),
        SpanPattern("organisation named head first with its place", _CHAPTER_OF, 0.8, gate=re.compile(
            r"Wheels|Charities|Lutheran|Jewish|Habitat|Brothers|Girls|Salvation|Goodwill|United Way|Legal Aid|CASA|Agency|Visiting|Court|Consul|Embass|Embajada|Legion|VFW|AMVETS|DAV|Local"
        )),
        SpanPattern("numbered public school", _NUMBERED_SCHOOL, 0.75, gate=re.compile(r"\b(?:P\.?S|I\.?S|JHS|M\.S|HS)[ \t]?\d\d")),
        SpanPattern("letterhead above a street address", _LETTERHEAD, 0.75, gate=re.compile(r"\n[ \t]*\d{1,6} [A-Z0-9NSEW]")),
        SpanPattern("medical center acronym", _MC_ACRONYM, 0.75, gate=re.compile(r"[A-Z]{3}MC")),
        SpanPattern("sports club, head first", _CLUB, 0.75, gate=re.compile(r"\bA?FC [A-Z]")),
        SpanPattern("military installation", _INSTALLATION, 0.75, gate=re.compile(r"Fort|Ft\.|Camp|Joint|Naval|Marine|Coast Guard")),
        SpanPattern("saint's name in the possessive", _SAINTS, 0.7, gate=re.compile(r"(?:St|ST|Saint|SAINT)\.? [A-Z][a-z]+(?: [A-Z][a-z]+)?['’]s")),
        SpanPattern("acronym after a place preposition (weak)", _ACRONYM_AT, 0.55),
        SpanPattern("affiliation in brackets after a person", _AFFILIATION, 0.7, gate=re.compile(r"[a-z] ?\([A-Z]")),
        SpanPattern("Spanish head-first institution", _SPANISH_HEAD, 0.75, gate=re.compile(
            r"Centro|CENTRO|Cl[ií]nica|CL[IÍ]NICA|Hospital|HOSPITAL|Instituto|INSTITUTO|Policl|Sanatorio|Farmacia|FARMACIA|Laboratorio"
            r"|LABORATORIO|Departamento|DEPARTAMENTO|Cooperativa|COOPERATIVA|Ferreter|Escuela|ESCUELA|Universidad|UNIVERSIDAD|Colegio"
            r"|Iglesia|IGLESIA|Parroquia|Municipio|Administraci|Oficina|Asociaci|Fundaci|Supermercado|Panader|Neurolog|NEUROLOG|Oncolog|Cardiolog")),
    )

    def confirm(self, text: str, match: SpanMatch, pattern: SpanPattern) -> SpanMatch | None:
        regex = pattern.regex
        following = re.sub(r"\s+", " ", text[match.start : match.start + 60]).lower()
        if any(following.startswith(program) for program in _FEDERAL_PROGRAMS):
            return None  # "Indian Health Service": a national program, like Medicare, names no one
        if regex is _INSURER:
            return _confirm_insurer(text, match)
        if regex is _NATIONAL:
            name = text[match.start : match.end]
            if name in _CLINICAL_ABBREVIATION_CHAINS and not _PHARMACY_CONTEXT.search(
                text, max(0, match.start - 60), min(len(text), match.end + 40)
            ):
                return None  # "CVS confirmed by attending": the critical view of safety
            return match
        if regex is _LETTERHEAD:
            words = (match.groups.get("name") or "").replace("&", " ").split()
            line_caps = all(w.isupper() for w in words if w[:1].isalpha())
            from_to = text[text.rfind("\n", 0, match.start) + 1 : match.start].strip()[:2].upper() in {"FR", "TO"}
            if not (line_caps or from_to) or {w.upper().strip(".") for w in words} & _NOT_LETTERHEAD:
                return None  # "Patient Address", "DISCHARGE SUMMARY": headings, not a sender
            return match
        if regex is _NUMBERED_SCHOOL:
            return match
        if regex is _SAINTS or regex is _ACRONYM_AT or regex is _MC_ACRONYM or regex is _CHAPTER_OF:
            return match
        if regex is _AFFILIATION:
            return _confirm_affiliation(match)
        if regex is _SPANISH_HEAD:
            words = (match.groups.get("name") or "").split()
            # "Hospital Day 2", "Centro Medical": one Spanish or proper word is not enough
            proper = [w for w in words if w.lower() not in {"de", "del", "la", "las", "los", "el", "y"}]
            head = match.groups.get("head") or ""
            if len(proper) < 2 and not any(c in "áéíóúñÁÉÍÓÚÑ" for c in "".join(proper)) and head not in {"Departamento", "DEPARTAMENTO", "Municipio"}:
                return None
            return match if _proper_words(proper) else None
        if regex is _WORSHIP or regex is _INSTALLATION or regex is _CLUB:
            return match if _proper_words((match.groups.get("name") or "").split()) else None
        if regex is _PLAN_BEFORE_NUMBER or regex is _PLAN_IN_BRACKETS:
            name = (match.groups.get("name") or "").split()
            if not name or " ".join(name).lower() in _PUBLIC_PLANS:
                return None
            if regex is _PLAN_BEFORE_NUMBER and not _proper_words(name):
                return None
            return match
        if regex is _HEAD_OF:
            name = match.groups.get("name") or ""
            return match if _proper_words(name.split()) else None
        if regex is _LOWER_CASE_ORG:
            words = [w.rstrip(".") for w in (match.groups.get("name") or "").split()]
            if set(words) & _LEADING:
                return None
            head = (match.groups.get("head") or "").split()
            if head and head[0] in _SERVICE_HEAD_WORDS and set(words) & _GENERIC_MODIFIERS or set(words) <= _GENERIC_MODIFIERS:
                return None  # "local pharmacy", "outpatient therapy", "the local hospital": a kind, not a name
            if _proper_words(words):
                return match
            # "at mercy general hospital": an institutional word with another before a head
            if len(words) >= 2 and any(w in _INSTITUTIONAL for w in words) and not set(words) <= _GENERIC:
                return match
            return None
        if text[match.start : match.end].endswith(" MC"):
            words = text[match.start : match.end - 3].split()
            if not words or any(not w[:1].isupper() or w.isupper() or any(c.isdigit() for c in w) for w in words[-2:]):
                return None  # "TTP 5th MC": a metacarpal; "Holloway Creek MC" is a medical center
        trimmed = _trim_leading(text, match)
        if trimmed is None:
            return None
        before = text[max(0, trimmed.start - 6) : trimmed.start].lower().split()
        first = text[trimmed.start : trimmed.end].split()[0].lower()
        if before and before[-1] in _TITLES or first in _TITLES:
            # "Dr. Smith Clinic" is left to the name recognizers; "Dr. Farah Siddiqui of Little
            # Acorns Pediatrics" keeps what follows "of"
            span_text = text[trimmed.start : trimmed.end]
            cut = span_text.rfind(" of ")
            if regex is not _HEADED or cut < 0:
                return None
            rest = _HEADED.fullmatch(text, trimmed.start + cut + 4, trimmed.end)
            if rest is None or not _proper_words(rest.group("name").split()):
                return None
            return SpanMatch(rest.start(), rest.end(), trimmed.entity_type, trimmed.score, trimmed.reason, rest.groupdict())
        groups = match.groups
        if regex is _HEADED:
            reparsed = _trim_trailing_units(text, trimmed)
            if reparsed is None:
                return None
            trimmed, groups = reparsed
        name_text = groups.get("name") or ""
        if regex is not _HEADED and trimmed.start > match.start:
            name_text = name_text[trimmed.start - match.start :]
        head = groups.get("head")
        words = re.findall(r"[A-Za-z][\w'’\-]*\.?", name_text)
        proper = _proper_words(words, acronyms=regex is not _LOWER_HEADED)
        if proper and head and head.strip().title() in _WORD_NAMED_HEADS:
            # "PRC Office", "OR Kitchen": these heads need a worded name, not an acronym
            proper = _proper_words(words, acronyms=False)
        placed = bool(groups.get("in_city") or groups.get("tail_state"))
        if regex is _CUED:
            if head is None and (not proper or (groups.get("verb") is None and len(words) < 2)):
                return None  # "a woman with Type 1 diabetes", "a teacher at Lincoln"
            return trimmed
        if proper:
            store = _STORE_NUMBER.match(text, trimmed.end) if regex is _HEADED else None
            if store is not None:
                return SpanMatch(trimmed.start, store.end(), trimmed.entity_type, trimmed.score, trimmed.reason)
            return trimmed
        institutional = any(
            w.lower().rstrip(".").replace("’", "'") in _INSTITUTIONAL for w in words
        )
        if regex is _HEADED and (institutional or placed):
            return trimmed.retyped(score=0.6)  # "Memorial Hospital", "Cancer Center in Boise"
        return None

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)
        return results + self._repeated(text, results)

    def _repeated(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """A multi-word name found once is an institution wherever else it is written."""
        found = {(r.start, r.end) for r in results}
        names = {
            text[r.start : r.end]
            for r in results
            if r.score >= 0.85 and len(text[r.start : r.end].split()) >= 2
        }
        extra: list[RecognizerResult] = []
        covered = sorted(found)
        for name in names:
            for m in re.finditer(rf"(?<![\w'’\-]){re.escape(name)}(?![\w'’\-])", text):
                if any(s <= m.start() and m.end() <= e for s, e in covered):
                    continue
                match = SpanMatch(
                    m.start(), m.end(), "ORGANIZATION", 0.8, "institution named elsewhere in note"
                )
                extra.append(self.to_result(match))
                covered.append((m.start(), m.end()))
        return extra


# Words that make "Plan:" a health plan's label: plan IDs and kinds on the same line.
_PLAN_LINE = re.compile(
    r"(?i)\b(?:medicaid|medicare|member|subscriber|insur\w*|payer|payor|policy|ma-pd|hmo|ppo|epo)\b"
    r"|\b(?:ID|Group|GROUP|Grp|GRP)[ \t]*[#:]?[ \t]*[A-Z]{0,4}[\-]?\d{4}"
)


def _confirm_insurer(text: str, match: SpanMatch) -> SpanMatch | None:
    """Keep the plan's name, without trailing ID labels, if it has a proper word."""
    words = list(re.finditer(r"\S+", text[match.start : match.end]))
    while words and words[-1].group().lower().rstrip(":") in _INSURER_TAIL:
        words.pop()
    if not words:
        return None
    names = [w.group() for w in words]
    if match.groups.get("plan"):
        line_start = text.rfind("\n", 0, match.start) + 1
        line_end = text.find("\n", match.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if not _PLAN_LINE.search(line):
            return None  # "Plan: Continue Eliquis": the assessment's plan, not a health plan
    rank = (match.groups.get("rank") or "").lower()
    if rank and not re.search(
        r"insur|payer|payor|coverage|carrier|medicare|medicaid|\bmbi\b|member|subscriber",
        text[max(0, match.start - 80) : min(len(text), match.end + 30)],
        re.IGNORECASE,
    ):
        return None  # "Secondary survey", "Primary closure": no insurance in sight
    if names[0].lower() in _PUBLIC_PLANS - {"tricare", "champva", "va"}:
        return None  # "Medicare Part B", "IHS/PRC referral": public programs name no one
    if not _proper_words(names) or names[0].lower() in _LEADING:
        return None
    end = match.start + words[-1].end()
    return SpanMatch(match.start, end, match.entity_type, match.score, match.reason, match.groups)


def _proper_words(words: Iterable[str], *, acronyms: bool = True) -> bool:
    """Whether any word is a proper name rather than a department or service word.

    Two-letter capitals are units and services (GI, ED, OR); longer ones name an institution
    before a capitalised head ("NYU Med. Center", "CVS Pharmacy") but not before a
    lower-case one ("HIV clinic", "COPD clinic").
    """
    for word in words:
        key = word.lower().rstrip(".").replace("’", "'")
        if key in _GENERIC or key in _INSTITUTIONAL or len(key) < 2 or key in {"st", "mt", "ft"}:
            continue
        if word.rstrip(".").isupper() and (not acronyms or len(key) <= 2):
            continue
        return True
    return False


def _trim_trailing_units(
    text: str, match: SpanMatch
) -> tuple[SpanMatch, dict[str, str | None]] | None:
    """Cut a department written after a hospital's name ("Mercy Hospital Emergency
    Department" -> "Mercy Hospital") and re-read the name and head of what is kept."""
    end = match.end
    while True:
        span = text[match.start : end].rstrip()
        words = span.split()
        if len(words) < 3 or words[-1].lower().rstrip(".,") not in _TRAILING_UNITS:
            end = match.end
            break
        end = match.start + len(span[: -len(words[-1])].rstrip())
        parsed = _HEADED.fullmatch(text, match.start, end)
        last = text[match.start : end].split()[-1].lower().rstrip(".,")
        if parsed is not None and _is_strong(parsed.group("head")) and last not in _TRAILING_UNITS:
            break
    parsed = _HEADED.fullmatch(text, match.start, end)
    if parsed is None:
        return (match, dict(match.groups)) if end == match.end else None
    groups = parsed.groupdict()
    trimmed = SpanMatch(match.start, end, match.entity_type, match.score, match.reason, groups)
    return trimmed, groups


def _is_strong(head: str | None) -> bool:
    return re.sub(r"\s+", " ", (head or "").lower()) in _STRONG_HEAD_WORDS


def _trim_leading(text: str, match: SpanMatch) -> SpanMatch | None:
    """Drop function words and verbs a heading swept into the start of a name."""
    start = match.start
    while True:
        m = re.match(r"([A-Za-z][\w\-]*\.?)(?:[ \t]+|,[ \t]*)", text[start : match.end])
        if not m or m.group(1).lower().rstrip(".") not in _LEADING:
            break
        if re.match(r"(?i)our[ \t]+lady\b", text[start : match.end]):
            break  # "Our Lady of Mercy Parish"
        start += m.end()
    if start >= match.end or not re.search(r"[A-Za-z]", text[start : match.end]):
        return None
    if start == match.start:
        return match
    return SpanMatch(start, match.end, match.entity_type, match.score, match.reason, match.groups)


def _confirm_affiliation(match: SpanMatch) -> SpanMatch | None:
    """An organisation in brackets after a person's name: the name must read as one (a known
    first name or an initial, then a name-like surname) and the bracket must not be a plain
    word ("Jane Roe (Mother)", "John Doe (Deceased)") or a credential ("(RN)")."""
    priors = NamePriors.load()
    words = (match.groups.get("person") or "").split()
    org = match.groups.get("phi") or ""
    if len(words) != 2 or not (words[0].endswith(".") or words[0].lower() in priors.first_names):
        return None
    if not priors.is_name_like(words[1]):
        return None
    if org.isupper():
        return None if org in _NOT_AFFILIATION else match
    if org[1:].islower() and (priors.word_frequency(org) >= 2.5 or org.lower() in priors.first_names):
        return None  # "(Mother)", "(Spanish)", "(Deceased)", "(Maria)": a word or a given name
    return match


_NOT_AFFILIATION = frozenset(
    "RN LPN CNA MD DO NP PA CRNA DDS DMD DPM PHD PHARMD MSW LCSW LMSW CCM CHW OTR COTA DPT RRT LPC "
    "LMFT CADC EMT PCP POA HCP DPOA MPOA HCPOA SDM NOK ICE SELF SPOUSE MOM DAD RT PT OT SLP RD RDN "
    "ATTENDING RESIDENT FELLOW INTERN DECEASED GUARDIAN".split()
)
