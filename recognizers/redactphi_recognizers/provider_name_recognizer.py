"""Clinician and staff names, from the cues notes use to name them.

Titles ("Dr. Cook"), credentials ("Ellen R. Cook, MD"), role labels ("SURGEON: COOK,
ELLEN R", "Attending: ..."), signature lines ("Electronically signed by ..."), cc lists
and dictation initials ("ERC/dw"). The label and credential cues are strong enough to
override the clinical lexicon: "Dr. Addison" is a person, "Addison disease" is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .name_patterns import CREDENTIALS, FULL_NAME, LAST_FIRST, NAME_WORD, SURNAME, TITLE_NAME, TITLES
from .name_priors import NamePriors
from .span_pattern import SpanMatch, SpanPattern, SpanPatternRecognizer, aligned_table_cells, table_column_header

__all__ = ["ProviderNameRecognizer"]

_ROLE_LABELS = (
    r"(?:PRIMARY\s+|ASSISTANT\s+|ATTENDING\s+|CO-?)?SURGEONS?|ASSISTANTS?(?:\s+SURGEONS?)?"
    r"|FIRST\s+ASS(?:IS)?T(?:ANT)?|SECOND\s+ASS(?:IS)?T(?:ANT)?|ASST|CIRC|RAD(?:IOLOGY)?\s+TECH|SCRUB\s+TECH"
    r"|PERFUSIONIST|ATTEND(?:ING)?\s+ANESTHESIOLOGIST|CO-?SIGNED|DICTATING|RN\s+FIRST\s+ASSIST(?:ANT)?|SURGICAL\s+ASSISTANTS?|ATTENDING(?:\s+(?:PHYSICIAN|SURGEON|OF\s+RECORD))?"
    r"|RESIDENTS?|FELLOWS?|INTERN|ANESTHESIOLOGISTS?|ANESTHETISTS?|ANESTHESIA\s+(?:PROVIDER|STAFF|ATTENDING|BY)"
    r"|CRNA|SCRUB(?:\s+(?:NURSE|TECH(?:NICIAN)?))?|CIRCULAT(?:OR|ING(?:\s+NURSE)?)|NURSE|RN"
    r"|REFERRING(?:\s+(?:PHYSICIAN|PROVIDER|DOCTOR|MD|SURGEON))?|REFERRED\s+BY|PCP|PRIMARY\s+CARE(?:\s+(?:PHYSICIAN|PROVIDER|DOCTOR))?"
    r"|(?:(?:REVIEWED|READ|DICTATED|ELECTRONICALLY\s+REVIEWED)\s+AND\s+)?(?:ELECTRONICALLY\s+)?SIGNED(?:\s+(?:BY|OFF\s+BY))?|(?:ELECTRONICALLY\s+)?(?:VERIFIED|AUTHENTICATED|APPROVED|REVIEWED)\s+BY"
    r"|DICTATED\s+BY|DICTATING\s+(?:PHYSICIAN|PROVIDER)|TRANSCRIBED\s+BY|TRANSCRIPTIONIST|TRANSCRIBER"
    r"|CONSULTANTS?|CONSULTING\s+(?:PHYSICIAN|SURGEON)|ORDERING\s+(?:PHYSICIAN|PROVIDER|MD)|ORDERED\s+BY"
    r"|PATHOLOGIST|RADIOLOGIST|CARDIOLOGIST|INTERPRETED\s+BY|READ\s+BY|REPORTED\s+BY|PERFORMED\s+BY|PREPARED\s+BY"
    r"|ADMITTING(?:\s+(?:PHYSICIAN|PROVIDER|MD))?|DISCHARGING(?:\s+(?:PHYSICIAN|PROVIDER|MD))?"
    r"|(?:TREATING|COVERING|RENDERING|SUPERVISING)\s+(?:PHYSICIAN|PROVIDER)|PHYSICIAN|PROVIDER|CLINICIAN"
    r"|SCREENED\s+BY|GROSSED\s+BY|CYTOTECHNOLOGIST|HISTOTECHNOLOGIST|SCRIBE|INTERPRETER|TRANSLATOR|CHAPLAIN|SOCIAL\s+WORKER|CASE\s+MANAGER|PHARMACIST|DIETITIAN|NUTRITIONIST"
    r"|(?:PHYSICAL|OCCUPATIONAL|SPEECH|RESPIRATORY)\s+THERAPIST|THERAPIST|COUNSELOR|MIDWIFE|DOULA|PARAMEDIC"
    r"|NEUROMONITORING\s+TECH(?:NOLOGIST)?|NEUROPHYSIOLOGIST|(?:DEVICE|VENDOR|COMPANY|INDUSTRY)\s+REP(?:RESENTATIVE)?"
    r"|NURSE\s+NAVIGATOR|NAVIGATOR|EDUCATOR|PROCTOR|FIRST\s+RESPONDER|MEDIC"
    r"|(?:REFERRAL|CARE|INTAKE|TRANSPLANT|SCHEDULING|DISCHARGE|CLINICAL)\s+COORDINATOR|COORDINATOR|SCHEDULER|CARE\s+MANAGER"
    r"|(?:PATIENT\s+)?ACCESS\s+REP(?:RESENTATIVE)?|FINANCIAL\s+COUNSELOR|CASEWORKER|CASE\s+WORKER|LIAISON"
    r"|ANES(?:TH)?\.?|(?-i:MA|CMA|RMA|LVN|PCT)|(?:CONSULT(?:ATION)?\s+)?REQUESTED\s+BY|REQUESTING\s+(?:PHYSICIAN|PROVIDER|MD)|"
    r"SEEN\s+BY|EVALUATED\s+BY|COLLECT(?:OR|ED\s+BY)|PHLEBOTOMIST|WITNESS(?:ED\s+BY)?|RECEIVED\s+BY|TECH(?:NOLOGIST)?|SONOGRAPHER|ATTESTED\s+BY|COSIGNED\s+BY|CO-SIGNED\s+BY|ENDOSCOPIST|PROCEDURALIST|OPERATOR"
    r"|(?:ORDERING|AUTHORIZING)(?:[ \t]*/[ \t]*(?:ORDERING|AUTHORIZING))?|ROOM(?:ING|ED[ \t]+BY)|VACCINATOR|ADMINISTERED[ \t]+BY|GIVEN[ \t]+BY"
    r"|(?-i:AUTHOR|Author)|(?:EXPECTED[ \t]+|EXP[ \t]+)?COSIGNER|ATTEND(?:ING)?[ \t]+DR|REG[ \t]+DR|ADM(?:IT(?:TING)?)?[ \t]+DR"
)
# A role field starts a line or follows another field (two spaces, a tab, ". " or "; ")
# and runs to the end of the line or the next wide gap.
_ROLE_LINE = re.compile(
    # the leading blanks are taken only at a line start: taken after the look-behinds
    # too, every position of a long run of blanks would rescan the rest of it (quadratic)
    rf"(?:^[ \t]*|(?<=[ \t]{{2}})|(?<=\t)|(?<=[.;|][ \t]))(?:{_ROLE_LABELS})[ \t]*(?::|[ \t]-[ \t])[ \t]*"
    rf"(?P<value>[^\n|]*?)(?=[ \t]{{2,}}|\t|[ \t]*$|[ \t]*\|)",
    re.IGNORECASE | re.MULTILINE,
)
# A fax cover's sender or addressee: "FROM:    Keondra Batiste, Child Welfare Specialist 3".
# Organisations stand there too, so only a given name and a surname are taken (confirm).
_SENDER_LINE = re.compile(
    r"^[ \t]*(?:FROM|From|ATTN|Attn|SENDER|Sender|TO|To)[ \t]*:[ \t]*(?P<value>[^\n|]*?)(?=[ \t]{2,}|\t|[ \t]*$|[ \t]*\|)",
    re.MULTILINE,
)
# "cc:" copies a note to people; "CC:" in upper case is usually the chief complaint.
_CC_LINE = re.compile(r"^[ \t]*(?:cc|Cc|c\.c\.|[Cc]opies\s+to|[Cc]opy\s+to)[ \t]*:[ \t]*(?P<value>[^\n]*)$", re.M)
# Inside a role or cc value: "Dr. Ellen R. Cook, MD; James Field, PA-C (resident)".
_VALUE_NAME = re.compile(
    rf"(?P<phi>(?:{TITLES}[ \t]+)?(?:[A-Z]\.[ \t]*(?:[A-Z]\.[ \t]*)?{SURNAME}(?![,][ \t]*[A-Z][a-z])|{LAST_FIRST}|{FULL_NAME}"
    # "Cook E 03/15/2024": a surname and an initial; "HALVORSEN, K": a surname, a comma, an initial
    rf"|{NAME_WORD}[ \t]+[A-Z](?![\w.])|{SURNAME},[ \t]*[A-Z]\.?(?![\w.])|{NAME_WORD}))"
)
# Words that fill role fields but are not names.
_NOT_NAMES = frozenset(
    w.lower()
    for w in (
        "None", "N/A", "NA", "Same", "Self", "Unknown", "Not", "Applicable", "Staff", "General",
        "GETA", "ETT", "LMA", "MAC", "TIVA", "GA", "Spinal", "Epidural", "Regional", "Local", "Sedation",
        "Moderate", "Deep", "Block", "CSE", "WALANT", "Bier", "Digital", "MAC/local",
        "Attending", "Resident", "Fellow", "Surgeon", "Surgery", "Physician", "Provider", "MD",
        "DO", "RN", "PA", "NP", "CRNA", "FACS", "Team", "Service", "Department", "Dept",
        "Anesthesia", "Nurse", "Nursing", "The", "And", "Of", "See", "Below", "Above", "Dictated",
        "Signed", "Electronically", "By", "Chart", "Record", "Date", "Time", "On", "At", "With",
        "Tech", "Technician", "Scrub", "Circulator", "Emergency", "Department", "ED", "ER",
        "Medicine", "Hospitalist", "Radiology", "Pathology", "Cardiology", "Oncology", "Clinic",
        "Family", "Practice", "Internal", "Care", "Primary", "Office", "File", "Patient", "Pt",
        "Records", "Reviewed", "Verified", "Pending", "TBD", "Mrs", "Mr", "Ms", "Dr", "PhD",
        "Assisted", "Assistant", "Surgical", "Student", "Medical", "Via", "Fax", "Phone", "Tel",
        "Transcriptionist", "Interpreted", "Staffed", "Present", "Entire", "Case", "Procedure",
        "Yes", "No", "Local", "MAC", "Sedation", "Regional", "Spinal", "Epidural", "Block",
        "Charge", "Urology", "Endocrinology", "Gastroenterology", "Nephrology", "Neurology",
        "Pulmonology", "Hematology", "Dermatology", "Psychiatry", "Pediatrics", "Orthopedics",
        "Anesthesiology", "Obstetrics", "Gynecology", "Rheumatology", "Infectious", "Disease",
        "Critical", "Trauma", "Hospital", "Night", "Day", "Shift", "Float", "Covering", "RD", "PCP",
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
        "Sep", "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday", "AM", "PM", "Today", "Yesterday",
        # interpreter fields name the language and the mode before the person
        "Spanish", "English", "Vietnamese", "Mandarin", "Cantonese", "Chinese", "Arabic", "Russian",
        "Somali", "Portuguese", "French", "Haitian", "Creole", "Korean", "Tagalog", "Navajo", "Hmong",
        "ASL", "Polish", "Japanese", "Farsi", "Persian", "Nepali", "Swahili", "Amharic", "Punjabi",
        "Hindi", "Urdu", "Bengali", "German", "Italian", "Greek", "Burmese", "Karen", "Dari", "Pashto",
        "Tigrinya", "Marshallese", "Chuukese", "Ukrainian", "Romanian", "Khmer", "Lao", "Thai",
        "Sign", "Language", "In", "Person", "In-person", "Video", "Remote", "Telephonic", "Certified",
        "Interpreter", "Declined", "Used", "Via", "Advisor", "Advisors", "Program", "Attn", "Attention",
        "Hepatology", "Tumor", "Board", "Fellowship", "Liaison", "Coordinator", "Manager",
        "Council", "Committee", "Pharmacy", "Assist", "Forms", "NPI", "RCIS", "Pediatric", "FFP", "Plt",
        # service abbreviations written in brackets after a name ("(Med Onc)", "(IR)")
        "Med", "Onc", "Surg", "Gyn", "Ortho", "Neuro", "Cards", "Pulm", "Renal", "Heme", "Peds", "IR",
        "GI", "ID", "CT", "Vasc", "Uro", "Derm", "Psych", "Rheum", "Endo", "Nephro", "Hem",
    )
)

_IS_CREDENTIAL = re.compile(
    rf"{CREDENTIALS}|PGY|CT|HT|MT|CNIM|SCS|OCS|CSCS|CHT|CLT|CBIS|R\.?EEG\.?T|CCS|CPC|RHIT|RHIA|CDIP|CCDS|AGAF|CWOCN|CWON|BSN|FAAP|FACEP|FASMBS|FASCRS|FSVS|CNOR|CPAN|PCP|ANP|GNP|RNFA|LMSW|CCHT",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})(?<!Mrs)\.(?:[ \t]|$)")
_FILLER = frozenset("by with and per from to signed seen dr was is the a".split())
_LOWER_CREDENTIALS = frozenset(
    "md m.d do rn pa pa-c crna np fnp aprn phd facs lpn cna dpm dds mbbs pgy resident attending".split()
)
# "DR" without a dot before an acronym: "XT DR MRI", "SR/DR MRI" (pacing modes, models).
_DEVICE_MODE_DR = re.compile(r"DR[ \t]+(?:MRI|ICD|CRT|MR|SC|DC|SR|XT|II|III|IV)\b")
_TITLE = re.compile(rf"\b(?P<phi>{TITLES}[ \t]+{TITLE_NAME})")
_CREDENTIALED = re.compile(
    rf"(?<![A-Za-z])(?P<phi>{LAST_FIRST}|{FULL_NAME}|(?:[A-Z]\.[ \t]*(?:[A-Z]\.[ \t]*)?|[A-Z]-[A-Z]\.?[ \t]+){SURNAME})[ \t]*,?[ \t]+{CREDENTIALS}"
    r"(?:\([A-Z]{2,5}\))?(?![A-Za-z0-9])"
)
# Lower-case dictation: "dr. omar haddad", one or two words after the title.
_TITLE_LOWER = re.compile(
    r"(?<![A-Za-z])(?P<phi>(?:[dD]r\.?|doctor)[ \t]+(?!(?:and|or|at|in|on|for|to|the|was|is|with|from|of|per|who|period|comma|office|visit|note|said|says|will|has|had|who)\b)[a-z][a-z'’\-]+"
    r"(?:[ \t]+[a-z](?=[ \t]))?"
    r"(?:[ \t]+(?!(?:and|or|at|in|on|for|to|the|was|is|with|from|of|per|who|period|comma|office|visit|note|said|says|will|has|had|dictating|new)\b)[a-z][a-z'’\-]+)?)(?![a-z])"
)
_CREDENTIALED_LOWER = re.compile(
    r"(?<![A-Za-z])(?P<phi>[a-z]\.[ \t]*[a-z][a-z'’\-]+(?=,?[ \t])|[a-z][a-z'’\-]+(?:[ \t]+[a-z]\.?)?[ \t]+[a-z][a-z'’\-]+(?=,)),?[ \t]*"
    r"(?:md|m\.d\.|do|crna|pa-c|rn|np|facs|phd)(?![a-z])(?![ \t]+(?i:not|n't|you|we|i|they|so|this|that|the|a|it)\b)"
)
# Dictation/transcription initials on their own line: "ERC/dw", "ERC:dw", "ERC/dw/123456".
# "JRM:kls" closes a dictation when the D:/T: lines follow.
_INITIALS_COLON = re.compile(
    # "AdV:mt": a lower-case particle inside the author's initials (Anneke de Vries)
    r"^[ \t]*(?P<phi>[A-Z](?:[a-z]?[A-Z]){1,3}):(?P<second>[a-z]{2,4})[ \t]*(?=\n[ \t]*(?:D|DD|T|DT|Dictated|Transcribed)\b)",
    re.MULTILINE,
)
_INITIALS = re.compile(
    r"(?:^|(?<=\)[ \t])|(?<=\bby[ \t]))[ \t]*(?P<phi>[A-Z]{2,4})[ \t]*/[ \t]*(?P<second>[a-z]{2,4}|[A-Z]{2,4})(?:[ \t]*/[ \t]*\w+)?"
    r"(?=[.,;)]?[ \t]*$|[.,;)]?[ \t]+(?:D|DD|T|DT|d|t|Dictated|Transcribed|Job|e-signed|signed|Signed)\b|[.,;][ \t])",
    re.MULTILINE,
)
# Initials closing a dictation line after its times: "Dictated 07/07/2024 04:41. ERC/dw",
# "Transcribed 06/03/2024 17:02 | HS/rcl".
_INITIALS_EOL = re.compile(
    r"[.|;,][ \t]+(?P<phi>[A-Z]{2,4})[ \t]*/[ \t]*(?P<second>[a-z]{2,4}|[A-Z]{2,4})[ \t]*$",
    re.MULTILINE,
)
# Author and typist initials as one token anywhere: "CWS/ldb  Job 88213-05", "on file.
# EKM/cb", "FH/ls   cc: ...". Capitals, a slash and two or three lower-case letters; not a
# unit or a route ("10 IU/kg", "IU/hr", "PO/prn": the two word lists below).
_INITIALS_PAIR = re.compile(
    r"(?<![\w/.\-])(?P<phi>[A-Z]{2,4})/(?P<second>[a-z]{2,3})(?![\w/'’\-])"
)
_NOT_TYPIST = frozenset(
    "kg hr hrs day min ml dl mg mcg wk wks mo yr yrs sec hpf lpf mmol meq prn po iv im sq sc "
    "pr sl bid tid qid qd qhs ea cm mm neg pos yes no and the".split()
)
_NOT_AUTHOR = frozenset("IU MU GU PO IV IM SQ SC PR SL NG OG ET".split())
# "FAC:obk  D: 06/15/2023", "EVW:ks D: ...": the colon form, before the dictation times.
_INITIALS_COLON_INLINE = re.compile(
    r"(?<![\w/.:\-])(?P<phi>[A-Z]{2,4}):(?P<second>[a-z]{2,3})"
    r"(?=[ \t]+(?:D|T|DD|DT|Job|Conf)\b|[ \t]*$)",
    re.MULTILINE,
)
# Initials after "by" closing a sentence: "... in OR 12 at 02/27/2024 11:02 by MJR."
# "Gross by LMK (Lydia M. King, PA)", "Coded by: RJL     Batch: 0311-07".
_BY_INITIALS = re.compile(r"\b(?:by|BY)[ \t]*:?[ \t]+(?P<phi>[A-Z]{2,3})(?=[.,;)]|[ \t]*$|[ \t]+\(|[ \t]{2,}|[ \t]*\||[ \t]+\d{1,2}/\d{1,2}/\d)", re.MULTILINE)
# The author's initials before the speech-recognition engine's mark: "LBH/dragon", "DFL/speechrec".
_INITIALS_ENGINE = re.compile(
    r"^[ \t]*(?P<phi>[A-Za-z]{2,4})/(?:dragon|Dragon|DRAGON|speechrec|SPEECHREC|dictation|voice|dax|DAX|mmodal|fluency|nuance|vr)\b",
    re.MULTILINE,
)
# "Electronically signed by Tanaka Y on 03/18/2024": a surname and an initial after a signing verb.
_SIGNED_SURNAME_INITIAL = re.compile(
    rf"\b(?:[Ee]lectronically[ \t]+|ELECTRONICALLY[ \t]+)?(?:[Ss]igned|SIGNED|[Rr]eviewed|[Vv]erified|[Aa]uthenticated|[Aa]ttested|[Cc]o-?signed|[Dd]ictated)"
    rf"[ \t]+(?:by|BY)[ \t]+(?P<phi>{SURNAME}[ \t]+[A-Z])(?=[ \t]+(?:on|at|ON|AT)\b|[ \t]+\d|[ \t]*$|[ \t]*[,;(|])",
    re.MULTILINE,
)
# A dictator's or typist's initials after a short stamp label: "DICT: TJW", "TRANS: DKH".
_STAMP_LABEL_INITIALS = re.compile(
    r"\b(?:DICT|Dict|TRANS|Trans|TYPIST|Typist|DICTATOR|Dictator|TRANSCRIPTIONIST|Transcriptionist|TRANSCR|Transcr"
    r"|Transcribed|TRANSCRIBED|Typed|TYPED|Dictated|DICTATED)\.?"
    r"[ \t]*:[ \t]*(?P<phi>[A-Z]{2,4}|[a-z]{2,4})(?=[ \t]|$)",
    re.MULTILINE,
)
_CERTIFYING_BODIES = frozenset("ASCP ARRT AAMA NCCPA AMT AANP ANCC NBRC CBIC AHIMA AAPC ACDIS NBCOT".split())
_NOT_BY_INITIALS = frozenset(
    "CT MRI MR US EKG ECG EEG EMG XR IR OR ED ER ICU GI ENT PT OT ST RN MD DO PA NP "
    # laboratory methods: "ANA by IFA", "HER2 by IHC", "confirmed by PCR"
    "IFA EIA ELISA PCR IHC ISH FISH NGS CLIA IFE SPEP HPLC LCMS GCMS MS IRMA RIA CIA ECL NAAT TMA ICC".split()
)
# "Transcribed by bkl 02/04/2026": a typist's lower-case initials.
_TYPIST_BY = re.compile(
    r"\b(?:[Tt]ranscribed|[Tt]yped|TRANSCRIBED|TYPED|[Vv]erified|[Ee]ntered|[Rr]esulted|[Rr]eleased|[Aa]ccessioned)[ \t]+(?:[Bb]y|BY)[ \t]*:?[ \t]*(?!(?:me|us|him|her|them|you|the|pt)\b)(?P<phi>[a-z]{2,4})\b"
    r"(?![ \t]+[a-z])(?![ \t]+(?:on|at)[ \t]+\d)(?![ \t]+\d)|\b(?:[Tt]ranscribed|[Tt]yped|[Vv]erified|[Ee]ntered|[Rr]esulted)[ \t]+by[ \t]+(?P<dated>[a-z]{2,4})(?=[ \t]+(?:(?:on|at)[ \t]+)?\d)"
    # the typist's initials after the stamp's date and time: "Transcribed 04/09/2024 17:02 rjh"
    r"|\b(?:[Tt]ranscribed|TRANSCRIBED|[Tt]yped|TYPED)[ \t]*:?[ \t]*\d{1,2}/\d{1,2}/\d{2,4}(?:[ \t]+\d{1,2}:?\d{2})?"
    r"[ \t]+(?P<stamp>[a-z]{2,4})\b(?![ \t]+[a-z])"
)
# An initial and a surname after a past participle and "by": "witnessed by R. Villanueva",
# "seen by J. Ortiz", "collected by M. Chen". The surname must read as a name (confirm).
_INITIAL_AFTER_BY = re.compile(
    r"\b(?i:[a-z]{3,}ed|seen|done|taken|given|drawn|read|written|signed|obtained|made|sent|called|paged)"
    r"[ \t]+(?i:by)[ \t]+(?P<phi>[A-Z]\.[ \t]?(?:[A-Z]\.[ \t]?)?(?P<surname>[A-Z][a-z]+(?:['’\-][A-Z][a-z]+)?)"
    # lower-case dictation: "transcription edited by m. ochoa, cmt"
    r"|[a-z]\.[ \t]?(?P<lower>[a-z]{3,}(?:-[a-z]{3,})?)(?=,?[ \t]+(?:cmt|rn|md|do|pa|np|lpn|rhit|crna|mt)\b))(?![\w'’\-])"
)
# Words of a dictation or transcription stamp line.
# "Transcribed 07/28/2025 14:40 by cjb": lower-case typist initials closing a stamp line.
_LOWER_BY_INITIALS = re.compile(
    r"(?i:transcribed|typed|dictated|entered|keyed|scanned)\b[^\n]{0,40}?\bby[ \t]+(?!(?:me|us|him|her|them|you|pt|fax|mail|hand|phone|self|staff|rn|md|the|all|one|two|any)\b)"
    r"(?P<phi>[a-z]{2,4})[ \t]*\.?[ \t]*$",
    re.MULTILINE,
)
_STAMP_LINE = re.compile(r"(?i)\bjob\b|dictat|transcri|\bsigned[ \t]+\d|\b[DT][ \t]*:[ \t]*\d")
# Typist initials closing a transcription line: "... job id 44128390. hf/mo".
_INITIALS_CHAIN_EOL = re.compile(
    # "... job id 44128390. hf/mo", "Job No. 30718842   WdV/kpw": after a stop or a wide gap
    # the wide gap starts after a visible character: from inside a long run of blanks every
    # position would rescan the rest of it (quadratic)
    # or before the job number: "T: 02/11/2025 13:05    PR/kmt    Job #: 5508123"
    r"(?:[.;][ \t]+|(?<=\S)[ \t]{2,})(?P<chain>(?:[a-z]{2,4}|[A-Z][a-z]?[A-Z]{1,3})/[a-z]{2,4}|[A-Z]{2,4}/[A-Z]{2,4})"
    r"(?:[ \t]*$|(?=[ \t]{2,}(?i:job|conf|doc)\b))", re.MULTILINE
)
_STREET_WORDS = frozenset("St Rd Ave Av Blvd Ln Ct Pl Way Hwy Pkwy Cir Ter Dr Street Road Avenue Lane Drive".split())
# Species written after a genus initial ("H. Pylori", "E. Coli"): organisms, not people.
_SPECIES = frozenset(
    "pylori coli aureus difficile diff pneumoniae aeruginosa epidermidis faecalis faecium albicans "
    "influenzae pyogenes agalactiae jirovecii marcescens cloacae mirabilis fragilis perfringens "
    "tuberculosis gonorrhoeae trachomatis vaginalis burgdorferi neoformans fumigatus maltophilia "
    "baumannii lugdunensis glabrata auris meningitidis pertussis monocytogenes typhi vulnificus".split()
)
# Lower-case dictation signing: "dictated by lorraine frey / transcribed by ...". The first
# word must be a Census first name (checked in confirm).
_BY_LOWER = re.compile(
    r"\b(?:dictated|signed|reviewed|performed|seen|read|interpreted|transcribed)[ \t]+by[ \t]+"
    r"(?P<phi>(?P<given>[a-z][a-z'’\-]+)(?:[ \t]+[a-z]\.?)?[ \t]+[a-z][a-z'’\-]+)(?=[ \t]*(?:[/,.;]|$|on\b|at\b))",
    re.MULTILINE,
)
# Author and typist initials in lower case at a line start before the job or dictation
# stamp: "kx/sr job 3390-1458 dictated 08/05/2025".
_INITIALS_LOWER = re.compile(
    r"^[ \t]*(?P<phi>[a-z]{2,3})/(?P<second>[a-z]{2,3})(?=[ \t]+(?:job|dictated|d:|dd:|doc)\b|[ \t]+d[ \t]+\d)", re.MULTILINE | re.IGNORECASE
)
_CAPITALISED = re.compile(r"[A-Z][a-z]")
_SERVICE_WORDS = frozenset("home health wound care joint center clinic unit floor team service pain acute".split())
_DOTTED_LOWER_CREDENTIAL = re.compile(r"(?<![a-z])(?:m\.[ ]?d|d\.[ ]?o|r\.[ ]?n|n\.[ ]?p|p\.[ ]?a)\.?(?![a-z])")
_NOT_LOWER_INITIALS = frozenset("pt inr ptt bp hr rr ad lib ng og iv im po sq ou od os".split())
# "KB for GRT": a clerk's initials signing for a clinician's, alone on the last line.
_INITIALS_FOR = re.compile(r"^[ \t]*(?P<phi>[A-Z]{2,3})[ \t]+for[ \t]+(?P<second>[A-Z]{2,4})[ \t]*$", re.MULTILINE)
# Initials signing an entry after a dash at the end of its line: "... with me. - GRW".
_INITIALS_DASH_EOL = re.compile(
    r"(?<=[.!?)])[ \t]+[-–—]{1,2}[ \t]*(?P<phi>[A-Z]{2,3}|[a-z]{2,3})[ \t]*$", re.MULTILINE
)
# A staff role noun mid-sentence before a full name: "hospital interpreter Rubén Aguirre",
# "social worker Dana Whitlock", "chaplain Ruth Okafor". The first word must be a given
# name (checked in confirm).
_ROLE_NOUN = re.compile(
    r"\b(?:[Ii]nterpreter|[Tt]ranslator|[Ss]cribe|[Cc]haplain|[Ss]ocial[ \t]+[Ww]orker|SW|[Cc]ase[ \t]+[Mm]anager"
    r"|[Pp]harmacist|[Dd]ietitian|[Nn]utritionist|[Tt]herapist|[Cc]ounselor|[Mm]idwife|[Dd]oula|[Pp]aramedic"
    r"|[Nn]avigator|[Cc]oordinator|[Ee]ducator|[Rr]ep(?:resentative)?|[Tt]echnician|[Tt]echnologist"
    r"|[Nn]urse|[Rr]esident|[Ff]ellow|[Aa]ttending|[Ss]urgeon|[Pp]hysician|[Aa]nesthesiologist|[Cc]olleague"
    r"|[Pp]erfusionist|[Cc]irculator|[Ss]crub"
    # credentials and role abbreviations used as nouns: "MSW Deepa Raman to visit"
    r"|MSW|LCSW|LMSW|LICSW|RNCM|CCM|CHW|CNA|LPN|RN|NP|PA|SLP|RD|RDN|OTR|COTA|PTA|DPT|RRT|LPC|LMFT|CADC|EMT|MA)"
    rf"[ \t]*,?[ \t]+(?P<phi>(?P<given>{NAME_WORD})[ \t]+(?:[A-Z]\.?[ \t]+)?{SURNAME})(?![\w'’\-])"
)
# A staff member by a given name alone after a role noun: "Child life specialist Becca helped",
# "RN Maria at bedside", "interpreter Ahmed by video". The word must be a Census first name
# and not an ordinary word (checked in confirm).
_ROLE_GIVEN = re.compile(
    r"\b(?:[Ss]pecialist|[Ii]nterpreter|[Tt]ranslator|[Cc]haplain|[Ss]cribe|[Nn]urse|RN|LPN|LVN|CNA|MA|PCT|[Tt]ech|"
    r"[Tt]echnician|[Tt]herapist|[Cc]oordinator|[Nn]avigator|[Aa]ide|[Dd]oula|[Mm]idwife|[Pp]harmacist|[Dd]ietitian"
    r"|[Ss]ocial[ \t]+[Ww]orker|[Cc]ase[ \t]+[Mm]anager|[Cc]harge[ \t]+[Nn]urse|[Pp]aramedic|[Mm]edic|[Rr]esident|[Ii]ntern)"
    rf"[ \t]+(?P<phi>(?P<given>[A-Z][a-z]{{2,}}))(?=[ \t]+(?:at|was|is|to|and|helped|assisted|called|notified|aware|present|reports|reported"
    r"|states|said|will|came|brought|drew|placed|gave|spoke|provided|translated|interpreted|updated|by|from|with|in)\b|[ \t]*[,.;)])"
)
# Lower-case dictation: "our care coordinator luz maria segura will call her". The first word
# must be a Census first name that is not an ordinary word (checked in confirm).
_ROLE_LOWER = re.compile(
    r"\b(?:coordinator|navigator|interpreter|social[ \t]+worker|case[ \t]+manager|nurse|therapist|pharmacist"
    r"|dietitian|chaplain|educator|counselor|scribe)[ \t]+"
    r"(?P<phi>(?P<given>[a-z][a-z'’\-]+)(?:[ \t]+(?!(?:will|is|was|to|from|at|and|called|who|has|had|can)\b)[a-z][a-z'’\-]+){1,2})"
    r"(?=[ \t]+(?:will|is|was|to|from|at|and|called|who|has|had|can)\b|[ \t]*[,.;])"
)
# "Field M NP / Noelani Kalani RN / Ortega-Baptiste J LPN": a surname, an initial and a
# credential without commas, as team lists and signature stamps write them.
_SURNAME_INITIAL_CREDENTIAL = re.compile(
    rf"(?<![\w'’\-])(?P<phi>{SURNAME}[ \t]+[A-Z]\.?)[ \t]*,?[ \t]+(?:MD|DO|NP|PA-C|PA|RN|LPN|LVN|CNA|CRNA|APRN|FNP|DNP|PharmD|RPh|LCSW|MSW|PT|OT|RD)(?![\w\-])"
)
# A crew or staff member by initial and surname before their role: "crew S. Brack flight RN /
# J. Wendling medic", "D. Nez, PRC Coordinator", "Examiner B. Stroud".
_INITIAL_SURNAME_ROLE = re.compile(
    rf"(?<![\w.])(?P<phi>[A-Z]\.[ \t]*{SURNAME}),?[ \t]+(?:[A-Z]{{2,5}}[ \t]+)?(?:flight[ \t]+)?(?:RN|LPN|CNA|EMT(?:-[BPI])?|NRP|AEMT|(?i:medic|paramedic"
    r"|tech|nurse|coordinator|manager|specialist|examiner|reviewer|navigator|representative|rep|liaison|counselor"
    r"|advocate|scheduler|clerk|dispatcher|firefighter|interpreter|driver))\b"
)
_ROLE_INITIAL_SURNAME = re.compile(
    rf"\b(?:[Ee]xaminer|[Aa]djuster|[Rr]eviewer|[Ss]pecialist|[Rr]epresentative|[Aa]gent|[Cc]ase[ \t]+[Mm]anager)[ \t]+(?P<phi>[A-Z]\.[ \t]*{SURNAME})"
)
# A role abbreviation before a surname alone: "CNA Morse at bedside", "RN Foley notified".
_ROLE_ABBREVIATION = re.compile(
    rf"(?<![\w/])(?:CNA|RN|LPN|EMT|CRNA|RT|PCT|MA|NA)[ \t]+(?P<phi>{SURNAME})"
    r"(?=[ \t]+(?:at|was|is|to|and|will|reports|reported|states|notified|aware|called|present|assisted|took|helped|sat)\b)"
)
# Initials in brackets after a credentialed name: "Kenji Ferreira-Lund, PA-C  (KFL)".
_BRACKETED_INITIALS = re.compile(rf"{CREDENTIALS}[ \t]*\((?P<phi>[A-Z]{{2,4}})\)")
# Dictation stamps with initials instead of dates: "D: PMV  T: LR".
_DT_INITIALS = re.compile(r"\b(?:D|T|DD|DT|TRANSCR|Transcr|TYPIST|Typist|TYPED|Typed)[ \t]*:[ \t]*(?P<phi>[A-Z]{2,4})(?=[ \t]|$)", re.MULTILINE)
# Initials after a review label or a double dash, before a date: "QA review: DK 10/25/24 -- JM 10/28/24".
_REVIEW_INITIALS = re.compile(
    r"(?:\b(?i:review(?:ed)?|approved|verified|audited|checked|initials?)[ \t]*:?|--|—|\()[ \t]*(?P<phi>[A-Z]{2,3})"
    r"(?=,?[ \t]+\d{1,2}/\d{1,2}/\d{2,4})"
)
# A line that is only author and typist initials: "MTO/km/rj", "HM/JHP/cs", "fqb/mv".
# Also before the line's dictation stamp: "rc/mfw  d: 03/14/2024 18:05  t: 03/15/2024".
_INITIALS_CHAIN = re.compile(
    r"^[ \t]*(?P<chain>[A-Za-z]{2,4}(?:/[A-Za-z]{2,4}){1,3})[ \t]*"
    r"(?:$|(?=(?i:d|dd|dt)[ \t]*:[ \t]*\d|(?i:dictated|transcribed|(?:electronically[ \t]+)?signed)\b))",
    re.MULTILINE,
)
# Initials and a date alone on a line: "TGR 11/15/24".
_INITIALS_DATE_LINE = re.compile(
    r"(?:^[ \t]*|(?<=\b(?:MD|DO|NP|PA|RN)[ \t]/[ \t]))(?!(?:DOB|DOS|DOD|DOI|EDD|EDC|LMP|ADM|DIS|REF|EXP|DC|DT|TX|RX|SX|HX|FU)\b)(?P<phi>[A-Z]{2,3})[ \t]+\d{1,2}/\d{1,2}/\d{2,4}(?:[ \t]+\d{1,2}:?\d{2})?(?=[ \t]*$|[ \t]{2,})",
    re.MULTILINE,
)
# "Gross: LMP; grossed by ...", "Grossed by: TMG": the grosser's initials in a pathology report.
_GROSS_INITIALS = re.compile(
    r"\b(?:Gross(?:ed)?(?:[ \t]+by)?|GROSS(?:ED)?(?:[ \t]+BY)?|Dissected[ \t]+by|Cut[ \t]+by)[ \t]*:[ \t]*(?P<phi>[A-Z]{2,4})(?=[;,.)]|[ \t]*$|[ \t]{2,})",
    re.MULTILINE,
)
# Initials alone on the line under or over a signature or dictation line ("Electronically
# signed 21-MAR-2024 16:28\nTCO"), closing the note, or in brackets closing a sentence
# ("...cassette B1. (TMG)").
_INITIALS_ALONE = re.compile(
    r"^[ \t]*(?P<phi>[A-Z]{2,4})[ \t]*$|(?<=[.;][ \t])\((?P<bracketed>[A-Z]{2,4})\)[ \t]*$",
    re.MULTILINE,
)
_SIGNED_LINE = re.compile(r"(?i)\b(?:signed|dictated|transcribed|verified|authenticated)\b")
_DICTATION_LINE = re.compile(r"\b(?:Dictated|Transcribed|DICTATED|TRANSCRIBED|(?:D|T|DD|DT):)")
_LOWER_WORD = re.compile(r"[a-z][a-z'’\-]*")


# A table column of the staff who gave, entered or performed each row: "BY", "Initials",
# "Given by", "Administered by", "Vaccinator", "Entered by".
_STAFF_HEADERS = (
    r"by|init(?:ial)?s?\.?|(?:given|admin(?:istered)?|entered|performed|documented|recorded|charted|verified|signed)"
    r"(?:[ \t]+by)?|vaccinator|administrator|staff|nurse|clinician|user|tech(?:nician)?"
)
_STAFF_COLUMN = re.compile(rf"(?i)(?:{_STAFF_HEADERS})")
# Pipe tables (a header row of cells) also name the operator's column: "| Eye | Surg | Model |".
# Not space-aligned key-value forms, where "Surgeon :" is a row's key, not a column.
_STAFF_PIPE_COLUMN = re.compile(
    rf"(?i)(?:{_STAFF_HEADERS}"
    r"|surg(?:eon)?|attending|physician|provider|operator|prescriber|resident|assist(?:ant)?|anesth(?:esia|esiologist)?"
    r"|crna|scrub|circ(?:ulator)?|rn|md)"
)
# What such a cell holds when it is a person: initials ("MM", "M.M.", "mm" not: units) or a
# short name ("M. Mendes", "Mendes RN", "Maria Mendes").
_STAFF_CELL = re.compile(
    r"(?P<initials>[A-Z]{2,4}|(?:[A-Z]\.){2,3})|(?P<name>(?:[A-Z]\.[ \t]?)?[A-Z][a-z'\-]+(?:[ \t][A-Z][a-z'\-]+)?)"
    r"(?:,?[ \t]+[A-Z]{2,5})?"
)
# An initials key: "MM = Maria Mendes, RN; DK = Dana Kim, LPN". The letters must be the
# name's initials (first and last, or first, middle and last).
_INITIALS_KEY = re.compile(
    r"(?<![\w/])(?P<phi>[A-Z]{2,3})[ \t]*(?:=|:|[-–—])[ \t]*(?P<name>[A-ZÀ-Þ][a-zß-ÿ'’\-]+(?:[ \t]+[A-ZÀ-Þ][a-zß-ÿ'’\-]*\.?){1,2})"
)
# Initials alone on a line after a dash, closing a message: "- CY" under the last paragraph.
_INITIALS_DASH_LINE = re.compile(r"(?:(?<=[.!?)][ \t]\n)|(?<=[.!?)]\n))[ \t]*[-–—~]{1,2}[ \t]*(?P<phi>[A-Z]{2,3})[ \t]*$", re.MULTILINE)


class ProviderNameRecognizer(SpanPatternRecognizer):
    """Names of clinicians and staff (entity type PROVIDER)."""

    ENTITIES = ("PROVIDER",)
    PATTERNS = (
        SpanPattern("provider credential, lower case", _CREDENTIALED_LOWER, 0.8),
        SpanPattern("provider title (strong)", _TITLE, 0.9),
        SpanPattern("provider title, lower case", _TITLE_LOWER, 0.8),
        SpanPattern("provider credential (strong)", _CREDENTIALED, 0.9),
        SpanPattern("staff role noun before a full name", _ROLE_NOUN, 0.8),
        SpanPattern("initial and surname after 'by'", _INITIAL_AFTER_BY, 0.75),
        SpanPattern("lower-case name after 'dictated by'", _BY_LOWER, 0.75),
        SpanPattern("initial and surname before a role", _INITIAL_SURNAME_ROLE, 0.8),
        SpanPattern("role abbreviation before a surname", _ROLE_ABBREVIATION, 0.7),
        SpanPattern("role noun before initial and surname", _ROLE_INITIAL_SURNAME, 0.8),
        SpanPattern("role noun before a given name", _ROLE_GIVEN, 0.7),
        SpanPattern("lower-case role noun before a name", _ROLE_LOWER, 0.7),
        SpanPattern("surname, initial and credential", _SURNAME_INITIAL_CREDENTIAL, 0.8),
    )

    def candidates(self, text: str) -> Iterator[tuple[SpanMatch, SpanPattern]]:
        yield from super().candidates(text)
        for regex, reason in ((_ROLE_LINE, "provider role label"), (_CC_LINE, "cc line")):
            pattern = SpanPattern(reason, regex, 0.9, group="value")
            for line in regex.finditer(text):
                yield from self._names_in_value(text, line.start("value"), line.end("value"), pattern)
        sender = SpanPattern("sender on a fax cover", _SENDER_LINE, 0.8, group="value")
        priors = NamePriors.load()
        for line in _SENDER_LINE.finditer(text):
            for m, p in self._names_in_value(text, line.start("value"), line.end("value"), sender):
                words = re.findall(r"[^\W\d_][\w'’\-]*", text[m.start : m.end])
                if (
                    len(words) >= 2
                    and words[0].lower() in priors.given_names
                    and all(priors.is_name_like(w) or w.lower() in priors.given_names for w in words)
                ):
                    yield m, p
        initials = SpanPattern("dictation initials", _INITIALS, 0.8)
        for m in (
            *_INITIALS.finditer(text),
            *_INITIALS_COLON.finditer(text),
            *(
                m
                for m in _INITIALS_EOL.finditer(text)
                if _DICTATION_LINE.search(text, text.rfind("\n", 0, m.start()) + 1, m.start())
            ),
        ):
            for group in ("phi", "second"):
                start, end = m.span(group)
                yield SpanMatch(start, end, "PROVIDER", 0.8, initials.name), initials
        for m in (
            *_INITIALS_PAIR.finditer(text),
            *_INITIALS_COLON_INLINE.finditer(text),
            *_INITIALS_FOR.finditer(text),
        ):
            if m.group("second") in _NOT_TYPIST or m.group("phi") in _NOT_AUTHOR:
                continue
            for group in ("phi", "second"):
                start, end = m.span(group)
                yield SpanMatch(start, end, "PROVIDER", 0.75, initials.name), initials
        for m in _INITIALS_LOWER.finditer(text):
            pair = {m.group("phi").lower(), m.group("second").lower()}
            if pair & _NOT_TYPIST or pair & _NOT_LOWER_INITIALS:
                continue  # "pt/inr", "ad/lib": abbreviations
            if m.group("phi").islower() or m.group("second").islower():
                for group in ("phi", "second"):
                    start, end = m.span(group)
                    yield SpanMatch(start, end, "PROVIDER", 0.7, initials.name), initials
        for m in _TYPIST_BY.finditer(text):
            start, end = m.span(next(g for g in ("phi", "dated", "stamp") if m.group(g)))
            yield SpanMatch(start, end, "PROVIDER", 0.7, "typist initials"), initials
        for regex, reason in (
            (_BRACKETED_INITIALS, "initials in brackets after a name"),
            (_DT_INITIALS, "dictation initials"),
            (_REVIEW_INITIALS, "reviewer initials"),
            (_LOWER_BY_INITIALS, "typist initials"),
        ):
            for m in regex.finditer(text):
                if m.group("phi") in _NOT_BY_INITIALS | _CERTIFYING_BODIES or _IS_CREDENTIAL.fullmatch(m.group("phi")):
                    continue
                if regex is _DT_INITIALS:
                    line_start = text.rfind("\n", 0, m.start()) + 1
                    line_end = text.find("\n", m.end())
                    line = text[line_start : line_end if line_end >= 0 else len(text)]
                    if not _STAMP_LINE.search(line) and not re.search(r"(?i)\bT[ \t]*:", line):
                        continue  # "D: 2" in a list is no dictation stamp
                start, end = m.span("phi")
                yield SpanMatch(start, end, "PROVIDER", 0.75, reason), initials
        stamped = {
            m.start()
            for m in _INITIALS_CHAIN_EOL.finditer(text)
            if _STAMP_LINE.search(text, text.rfind("\n", 0, m.start()) + 1, m.end())
        }
        chains = [*_INITIALS_CHAIN.finditer(text)] + [m for m in _INITIALS_CHAIN_EOL.finditer(text) if m.start() in stamped]
        for m in chains:
            parts = m.group("chain").split("/")
            units = {p.lower() for p in parts} & (_NOT_TYPIST | _NOT_LOWER_INITIALS) or any(p in _NOT_AUTHOR for p in parts)
            if m.start() in stamped:
                # closing a job or dictation line: initials unless every part is a unit ("hf/mo")
                units = all(p.lower() in _NOT_TYPIST | _NOT_LOWER_INITIALS or p in _NOT_AUTHOR for p in parts)
            if units:
                continue  # "mg/dl", "IU/kg": units
            pos = m.start("chain")
            for part in parts:
                yield SpanMatch(pos, pos + len(part), "PROVIDER", 0.75, initials.name), initials
                pos += len(part) + 1
        for m in _GROSS_INITIALS.finditer(text):
            if m.group("phi") not in _NOT_BY_INITIALS:
                start, end = m.span("phi")
                yield SpanMatch(start, end, "PROVIDER", 0.65, "grosser's initials"), initials
        last_line = text.rstrip().rsplit("\n", 1)[-1].strip()
        for m in _INITIALS_ALONE.finditer(text):
            previous_end = m.start() - 1
            previous = text[text.rfind("\n", 0, max(0, previous_end)) + 1 : max(0, previous_end)]
            next_end = text.find("\n", m.end() + 1)
            following = text[m.end() + 1 : next_end if next_end >= 0 else len(text)]
            token = m.group("phi") or m.group("bracketed")
            if token in _NOT_BY_INITIALS or _IS_CREDENTIAL.fullmatch(token):
                continue
            closing = m.group("phi") is not None and m.group("phi") == last_line and m.end() >= len(text.rstrip())
            if m.group("bracketed") or closing or _SIGNED_LINE.search(previous) or _SIGNED_LINE.search(following):
                start, end = m.span("phi" if m.group("phi") else "bracketed")
                # below 0.7: a clinical abbreviation there ("CBC") yields to the lexicon
                yield SpanMatch(start, end, "PROVIDER", 0.65, "initials under a signature"), initials
        for m in _INITIALS_DATE_LINE.finditer(text):
            if m.group("phi") not in _NOT_BY_INITIALS:
                start, end = m.span("phi")
                yield SpanMatch(start, end, "PROVIDER", 0.7, "initials and date"), initials
        for m in _SIGNED_SURNAME_INITIAL.finditer(text):
            start, end = m.span("phi")
            yield SpanMatch(start, end, "PROVIDER", 0.85, "surname and initial after a signing verb"), initials
        for m in _INITIALS_ENGINE.finditer(text):
            start, end = m.span("phi")
            yield SpanMatch(start, end, "PROVIDER", 0.7, "initials before a dictation engine"), initials
        for m in _STAMP_LABEL_INITIALS.finditer(text):
            if m.group("phi") not in _NOT_BY_INITIALS:
                start, end = m.span("phi")
                yield SpanMatch(start, end, "PROVIDER", 0.7, "initials after a stamp label"), initials
        for m in _BY_INITIALS.finditer(text):
            if m.group("phi") not in _NOT_BY_INITIALS:
                start, end = m.span("phi")
                yield SpanMatch(start, end, "PROVIDER", 0.6, "initials after 'by'"), initials
        yield from self._staff_columns(text, initials)
        for m in _INITIALS_KEY.finditer(text):
            words = re.split(r"[ \t]+", m.group("name"))
            letters = "".join(w[0] for w in words).upper()
            phi = m.group("phi").upper()
            # "JCH = Joaquín Hinojosa": a middle initial the key leaves out of the name
            if phi in (letters, letters[0] + letters[-1]) or (len(phi) == 3 and len(words) == 2 and phi[0] + phi[-1] == letters):
                start, end = m.span("phi")
                yield SpanMatch(start, end, "PROVIDER", 0.8, "initials in a key beside the name"), initials
        for m in _INITIALS_DASH_LINE.finditer(text):
            line_start = text.rfind("\n", 0, m.start("phi")) + 1
            previous = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start].lstrip()
            if m.group("phi") in _NOT_BY_INITIALS or _IS_CREDENTIAL.fullmatch(m.group("phi")):
                continue
            if previous[:1] in {"-", "*", "•", "–"} or re.match(r"\d+[.)]", previous):
                continue  # the next item of a list ("- CBC"), not a signature
            start, end = m.span("phi")
            yield SpanMatch(start, end, "PROVIDER", 0.65, "initials signing a message"), initials
        for m in _INITIALS_DASH_EOL.finditer(text):
            if m.group("phi").islower() and m.group("phi") in _NOT_TYPIST | _NOT_LOWER_INITIALS | {"am", "pm", "ok"}:
                continue  # "... at 10. - am", "- ok": words and units, not initials
            if m.group("phi") in _NOT_BY_INITIALS:
                continue  # "... - CT": a test, not a signature
            start, end = m.span("phi")
            yield SpanMatch(start, end, "PROVIDER", 0.7, "initials signing an entry"), initials

    def _staff_columns(self, text: str, pattern: SpanPattern) -> Iterator[tuple[SpanMatch, SpanPattern]]:
        """People in a table's staff column (space-aligned or pipe rows)."""
        cells = list(aligned_table_cells(text, _STAFF_COLUMN))
        if "|" in text:
            for m in re.finditer(r"(?<=\|)[ \t]*(?P<cell>[^|\n]*[^|\s])[ \t]*(?=\|)", text):
                header = table_column_header(text, m.start("cell"))
                if header and _STAFF_PIPE_COLUMN.fullmatch(header):
                    cells.append((header, m.start("cell"), m.end("cell")))
        for _, start, end in cells:
            m = _STAFF_CELL.fullmatch(text, start, end)
            if m is None:
                continue
            if m.group("initials"):
                token = m.group("initials").replace(".", "")
                if token in _NOT_BY_INITIALS or _IS_CREDENTIAL.fullmatch(token):
                    continue
                s, e = m.span("initials")
            else:
                words = m.group("name").split()
                if len(words) == 1 and not NamePriors.load().is_name_like(words[0]):
                    continue  # "Pharmacy", "Outside", "Patient": words, not staff
                s, e = m.span("name")
            yield SpanMatch(s, e, "PROVIDER", 0.75, "staff column of a table"), pattern

    def _names_in_value(
        self, text: str, start: int, end: int, pattern: SpanPattern
    ) -> Iterator[tuple[SpanMatch, SpanPattern]]:
        value = text[start:end]
        stop = _SENTENCE_END.search(value)
        if stop:
            value = value[: stop.start()]  # "none. Last cath: none." ends the field at "none."
        if value and not any(c.isupper() for c in value):
            yield from self._lowercase_names(start, value, pattern)
            return
        named = False
        for m in _VALUE_NAME.finditer(value):
            s, e = m.span("phi")
            if named and value[s:e].isupper() and len(value[s:e]) <= 4 and " " not in value[s:e]:
                continue  # "Dr. Farah Qureshi, PEM attending": a service after the name
            if e < len(value) and value[e].isalpha():
                continue  # "Ph" of "PhD": part of a longer word
            if value[s:e].isupper() and len(value[s:e]) <= 6 and value.rfind("(", 0, s) > value.rfind(")", 0, s):
                continue  # "(MIGS fellow)", "(CT surgery)": a service in brackets
            words = re.findall(r"[A-Za-z]+", value[s:e])
            in_brackets = value.rfind("(", 0, s) > value.rfind(")", 0, s)
            priors = NamePriors.load()
            if named and in_brackets and not any(
                priors.is_known_name(w) or (priors.is_name_like(w) and priors.word_frequency(w) < 2.5) for w in words
            ):
                continue  # "Dr. Caleb Whitehorse (Orthopaedic Surgery)": the service, not a name
            if len(words) >= 2 and all(w.isupper() and len(w) <= 4 for w in words):
                if len(words) == 2 and _IS_CREDENTIAL.fullmatch(words[1]) and not _IS_CREDENTIAL.fullmatch(words[0]):
                    first = value.index(words[0], s)  # "Screened by: JHW, CT(ASCP)": initials, credential
                    yield SpanMatch(start + first, start + first + len(words[0]), "PROVIDER", 0.7, pattern.name), pattern
                continue  # "BMP, CBC": a list of abbreviations, not LAST, FIRST
            if not words or all(w.lower() in _NOT_NAMES or _IS_CREDENTIAL.fullmatch(w) for w in words):
                continue
            # Trim filler words at either end ("Staff Cook" -> "Cook").
            while words and words[0].lower() in _NOT_NAMES:
                s = value.index(words[0], s) + len(words[0])
                s += len(value[s:e]) - len(value[s:e].lstrip(" ,\t"))
                words.pop(0)
            while words and words[-1].lower() in _NOT_NAMES:
                e = value.rindex(words[-1], s, e)
                e -= len(value[s:e]) - len(value[s:e].rstrip(" ,\t"))
                words.pop()
            if words and e > s:
                named = True
                yield SpanMatch(start + s, start + e, "PROVIDER", pattern.score, pattern.name), pattern

    def _lowercase_names(
        self, start: int, value: str, pattern: SpanPattern
    ) -> Iterator[tuple[SpanMatch, SpanPattern]]:
        """Lower-case dictation ("surgeon: theodore mason, md"): runs of 1-3 words that are
        not role words or credentials, split at punctuation other than "last, first"."""
        # "hill, m.d.": the dotted credential's letters are no name words
        value = _DOTTED_LOWER_CREDENTIAL.sub(lambda m: " " * len(m.group()), value)
        run: list[tuple[int, int]] = []
        for m in _LOWER_WORD.finditer(value):
            word = m.group().strip("'’-")
            gap = value[run[-1][1] : m.start()] if run else ""
            after_number = not run and re.search(r"\d[ \t]*$", value[: m.start()]) is not None
            if after_number or word in _NOT_NAMES or word in _LOWER_CREDENTIALS or (run and gap.strip() not in {"", ","}):
                if 1 <= len(run) <= 3:
                    yield SpanMatch(start + run[0][0], start + run[-1][1], "PROVIDER", 0.8, pattern.name), pattern
                run = []
                if after_number or word in _NOT_NAMES or word in _LOWER_CREDENTIALS:
                    continue  # "12 min": a unit after its number
            run.append(m.span())
        if 1 <= len(run) <= 3:
            yield SpanMatch(start + run[0][0], start + run[-1][1], "PROVIDER", 0.8, pattern.name), pattern

    def confirm(self, text: str, match: SpanMatch, pattern: SpanPattern) -> SpanMatch | None:
        span = text[match.start : match.end]
        if span.lower() in _NOT_NAMES and pattern.name != "dictation initials":
            return None  # ("IV/ms": a typist's initials may spell "ms")
        if pattern.regex is _TITLE and _DEVICE_MODE_DR.match(span):
            return None  # "Azure XT DR MRI SureScan": a pacemaker's mode, not a doctor
        if pattern.regex is _CREDENTIALED:
            words = re.findall(r"[A-Za-z]+", span)
            priors = NamePriors.load()
            if all(len(w) > 1 for w in words) and all(
                w.lower() in _NOT_NAMES or w.lower() in _SERVICE_WORDS
                or priors.word_frequency(w) >= 4.5 and w.lower() not in priors.first_names
                for w in words
            ):
                return None  # "Home Health PT", "Wound Care RN": a service before a credential
            first_names = NamePriors.load().first_names
            if all(w.isupper() and len(w) <= 4 for w in words) and not any(
                w.lower() in first_names for w in words
            ):
                return None  # "CBC, BMP, PT/INR": a list of abbreviations before "PT"
        if pattern.regex is _INITIAL_AFTER_BY:
            surname = match.groups.get("surname") or match.groups.get("lower") or ""
            key = surname.lower()
            if key in _NOT_NAMES or key in _SPECIES or not NamePriors.load().is_name_like(surname):
                return None  # "treated by N. Saline" would be no person
        if pattern.regex is _BY_LOWER:
            if (match.groups.get("given") or "") not in NamePriors.load().first_names:
                return None  # "seen by ortho today"
        if pattern.regex is _ROLE_GIVEN:
            priors = NamePriors.load()
            given = match.groups.get("given") or ""
            known = given.lower() in priors.first_names or priors.word_frequency(given) < 3.5
            if not known or priors.word_frequency(given) >= 4.5 or given.lower() in _NOT_NAMES:
                return None  # "nurse Practitioner", "RN Will call": a role word or an ordinary word
            return match
        if pattern.regex is _ROLE_LOWER:
            priors = NamePriors.load()
            given = match.groups.get("given") or ""
            if given not in priors.first_names or priors.word_frequency(given) >= 5.0:
                return None  # "nurse practitioner visit": no given name
            return match
        if pattern.regex is _SURNAME_INITIAL_CREDENTIAL:
            surname = span.split()[0]
            if surname.lower() in _NOT_NAMES or not NamePriors.load().is_name_like(surname.split("-")[0]):
                return None  # "Unit B RN", "Team A MD": not a surname
            return match
        if pattern.regex is _ROLE_NOUN:
            if span.split()[-1].rstrip(".") in _STREET_WORDS:
                return None  # "SW Wanamaker Rd": a south-west street, not a social worker
            priors = NamePriors.load()
            given = match.groups.get("given") or ""
            if given.isupper() or not (given.lower() in priors.first_names or priors.word_frequency(given) < 2.5):
                return None  # "nurse Practitioner Smith", "scrub Tech Jones": not a given name
        if pattern.regex is _TITLE_LOWER:
            line_start = text.rfind("\n", 0, match.start) + 1
            line_end = text.find("\n", match.end)
            line = text[line_start : match.start] + text[match.end : line_end if line_end >= 0 else None]
            if _CAPITALISED.search(line):
                # in a line with capitals, only "dr." with its dot before rare words: speech
                # recognition writes "done by dr. anand" in a sentence that has "EMG", "She"
                priors = NamePriors.load()
                words = span.split()[1:]
                if not span.startswith("dr.") or not words:
                    return None
                keep = 0
                for word in words:
                    if priors.word_frequency(word) >= 3.5 and word not in priors.first_names:
                        break
                    keep += 1
                if keep == 0:
                    return None
                end = match.start + span.index(words[keep - 1], len(span.split()[0])) + len(words[keep - 1])
                return SpanMatch(match.start, end, "PROVIDER", 0.8, match.reason)
        if (
            pattern.name in {"provider role label", "cc line"}
            and span.isupper()
            and len(span) <= 4
            and " " not in span
        ):
            # "Collector: JKD", "Tech: LP": a person's initials in a role field
            return match.retyped(score=0.7)
        if pattern.regex is _CREDENTIALED_LOWER:
            words = span.split()
            while words and words[0].strip(".,") in _NOT_NAMES | _FILLER and not re.fullmatch(r"[a-z]\.", words[0]):
                words.pop(0)  # "is included, do" -> "included"; "a. deshpande-ross" keeps its initial
            if not words:
                return None
            return SpanMatch(text.rindex(words[0], match.start, match.end), match.end, "PROVIDER", 0.8, match.reason)
        return match
