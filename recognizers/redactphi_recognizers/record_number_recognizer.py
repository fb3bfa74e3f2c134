"""Record, account, plan, licence, device and other identifying numbers.

With a label ("MRN: 4829137", "Acct# A100293847", "Member ID ...") the label decides the
type and the match is strong. Without one, only shapes that are rarely anything else
(long digit runs, letter-digit mixes like S24-10234) are proposed, at a weak score, and
codes the coding pipeline needs (CPT 44120, ICD-10 K57.30, modifiers) are never taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .name_priors import NamePriors
from .span_pattern import (
    SpanMatch,
    SpanPattern,
    SpanPatternRecognizer,
    aligned_table_cells,
    preceding_words,
    table_column_header,
)

__all__ = ["RecordNumberRecognizer"]

# label regex -> entity type; order matters (first match wins for a label).
_LABELS: tuple[tuple[str, str], ...] = (
    (r"MRN|HRN|CHART(?=\s*:)|MR\s*#|MR\s+(?:NO|NUMBER)|MEDICAL\s+RECORD(?:\s+(?:NO|NUMBER|#))?|(?:UNIT|HOSPITAL|CHART|PATIENT|PT)\s*(?:ID|#|NO|NUMBER)|RECORD\s*(?:#|NO|NUMBER)|MED\.?\s*REC(?:ORD)?S?\.?\s*(?:#|NO|NUMBER)|EMPI|MPI|HAR", "MEDICAL_RECORD_NUMBER"),
    (r"SSN(?:\s*\(LAST\s*(?:4|FOUR)\))?|LAST\s*(?:4|FOUR)(?=\s*:)|SOCIAL\s+SECURITY(?:\s+(?:NO|NUMBER|#))?|SS\s*#", "US_SSN"),
    (r"(?:ACCOUNT|ACCT|ACC|PATIENT\s+ACCOUNT)\s*(?:#|NO|NUMBER|ID)?|BILLING\s*(?:#|NO|NUMBER|ID)|FIN(?:\s*(?:#|NO|NBR|NUMBER))?|ENCOUNTER(?:\s*(?:#|NO|ID|NUMBER|CSN))?|ENC\s*(?:#|ID)?|CSN|VISIT\s*(?:#|NO|ID|NUMBER)|ADMISSION\s*(?:#|NO|ID|NUMBER)|CASE\s*(?:#|NO|ID|NUMBER)|CLAIM\s*(?:#|NO|ID|NUMBER)?|INVOICE\s*(?:#|NO)?|ORDER\s*(?:#|NO|ID|NUMBER)|REQUISITION\s*(?:#|NO)?", "ACCOUNT_NUMBER"),
    (r"(?:MEMBER|SUBSCRIBER|POLICY|INSURANCE|PLAN|BENEFICIARY|HEALTH\s+PLAN|INSURED)\s*(?:ID|#|NO|NUMBER)|GROUP(?:\s*(?:#|NO|NUMBER|ID))?|MEMBER|GRP\s*#?|MEDICARE(?:\s+(?:ID|#|NO|NUMBER|MBI|BENEFICIARY\s+ID))?|MBI|HICN|MEDICAID(?:\s+(?:ID|#|NO|NUMBER))?|MEDI-CAL(?:\s+ID)?|BCBS\s*(?:ID|#)|ID\s+CARD|RX\s*(?:GROUP|GRP|BIN|PCN)(?:\s*(?:#|NO|ID))?", "HEALTH_PLAN_ID"),
    (r"NPI(?:\s*(?:#|NO|NUMBER))?|DEA(?:\s*(?:#|NO|NUMBER))?|(?:MEDICAL\s+|STATE\s+|PROFESSIONAL\s+|NURSING\s+)?LICEN[SC]E\s*(?:#|NO|NUMBER)?|LIC\s*#|LIC\.?(?=[ \t]*[A-Z]{0,3}\.?\d)|CDL(?:\s*(?:#|NO|NUMBER))?|DL\s*#|DRIVER'?S?\s+LICEN[SC]E(?:\s*(?:#|NO|NUMBER))?|CERTIFICATE\s*(?:#|NO|NUMBER)|PASSPORT(?:\s*(?:#|NO|NUMBER))?|BOARD\s+CERT(?:IFICATION)?\s*#?", "LICENSE_NUMBER"),
    (r"VIN|VEHICLE\s*(?:ID|#|NO|IDENTIFICATION\s+NUMBER)|(?:LICEN[SC]E\s+)?PLATE(?:\s*(?:#|NO|NUMBER))?|TAG\s*#", "VEHICLE_ID"),
    (r"(?:EVIDENCE|PROPERTY)\s+TAG(?:\s*(?:#|NO|NUMBER))?|CIN|REQ\.?(?=\s)|SESSION(?:\s*(?:ID|#))?", "ID"),
    (r"(?:DEVICE\s+)?SERIAL(?:\s*(?:#|NO|NUMBER))?|S/N|SN\s*#|(?-i:SN)(?=[ \t])|UDI(?:-?DI)?|DEVICE\s*(?:ID|#|IDENTIFIER)|LOT(?:\s*(?:#|NO|NUMBER))?|IMPLANT\s*(?:ID|#)|MODEL\s*/\s*SERIAL|PACEMAKER\s+ID|REF\s*#", "DEVICE_ID"),
    (r"ACCESSION(?:\s*(?:#|NO|NUMBER))?|ACC\s*#|SPECIMEN(?:\s*(?:#|NO|ID|NUMBER))|SURGICAL\s+PATHOLOGY\s*(?:#|NO|NUMBER)|PATH(?:OLOGY)?\s*(?:#|NO|NUMBER|CASE)|CYTOLOGY\s*(?:#|NO)|JOB(?:\s*(?:#|NO|ID|NUMBER))?|(?:POLICE\s+|INCIDENT\s+|CASE\s+)?REPORT\s*(?:#|NO|NUMBER)|ALIAS|REFERENCE(?:\s*(?:#|NO|NUMBER))?|REF\s*(?:#|NO)|DOCUMENT\s*(?:#|ID|NO)|DOC\s*(?:#|ID)|WORKSTATION(?:\s*(?:ID|#|NAME))?|HOSTNAME|TERMINAL\s*(?:ID|#)|BATCH\s*(?:#|NO|ID)?(?=\s*[:#])|REPORT\s*(?:#|ID|NO)|CONFIRMATION\s*(?:#|NO|NUMBER)|HC\s*#|EXPEDIENTE|LICENCIA(?:\s+M[EÉ]DICA)?(?:\s+[A-Z]{2})?\s*N[UÚ]M|(?:CMS\s+)?CERTIFICATION\s+(?:#|NO|NUMBER)|CCN|APPROVAL\s*(?:CODE|#|NO|NUMBER)|(?:CMM\s+|PA\s+)?KEY(?=[ \t]*:[ \t]*(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,10}\b)|CONF\s*#|REFERRAL\s*(?:#|ID|NO)|AUTH(?:ORIZATION)?\s*(?:#|NO|NUMBER)|AUTH(?:ORIZATION)?(?=[ \t]*:?[ \t]*(?=[A-Z0-9\-]{6,})(?=[A-Z0-9\-]*[A-Z])[A-Z0-9\-]*\d)|PRIOR\s+AUTH\s*#?|EMPLOYEE\s*(?:ID|#|NO)|BADGE(?:\s*(?:#|NO))?|(?:ACTIVATION|ACCESS|GATE|KEYPAD|LOCKBOX|DOOR|ALARM|ENTRY|PORTAL)\s+CODE|DOCKET(?:\s*(?:#|NO|NUMBER))?|PIN(?=\s*[:#]?\s*\d)|(?:FACILITY|MQSA\s+FACILITY|CLIA|CAP|PROVIDER|TRIBAL|ENROLLMENT|CENSUS)\s*(?:ID|#|NO|NUMBER)|(?:ARM|WRIST)?BAND\s*(?:#|NO|ID)?(?:\s*\([A-Za-z]+\))?(?=\s*:)|STUDENT\s*(?:ID|#)|TRACKING(?:\s*(?:#|NO|NUMBER))?(?=\s*[:#]?\s*[A-Z0-9]*\d)|(?:USPS|UPS|FEDEX|COURIER)\s+TRACKING(?:\s*(?:#|NO|NUMBER))?|FLIGHT(?:\s*(?:#|NO))?|(?:ATTY|ATTORNEY|BAR|NOTARY(?:\s+COMMISSION)?|COMMISSION)\s*(?:#|NO|NUMBER)|STUDY\s*(?:ID|#)|EXAM\s*(?:#|ID)|IMAGE\s*#|DICTATION\s*(?:#|ID)|VOICE\s*(?:ID|#)|ID\s*(?:#|NO|NUMBER)|(?-i:ID|Id)(?=[ \t]*:?[ \t]+(?:[A-Z]{2,5}[ \t]+)?[A-Z0-9\-]*\d)|(?:STUDY\s+|SERIES\s+|SOP\s+INSTANCE\s+)?UID|IDENTIFIER|#", "ID"),
)
_LABEL_TYPES = [(re.compile(rf"^(?:{rx})$", re.I), t) for rx, t in _LABELS]
_ANY_LABEL = "|".join(f"(?:{rx})" for rx, _ in _LABELS[:-1]) + "|" + _LABELS[-1][0]
# The value: a token with digits, letters, dashes, dots or spaces between digit groups.
# A facility prefix ("NMH 3381924") and digit groups ("CCH 4410 2298 01") belong to the value.
_VALUE = (
    r"(?P<phi>(?:(?-i:[A-Z]{2,5})[ \t](?=\d)|(?-i:[a-z][ \t]){2,4}(?=\d{3}))?(?=[A-Z0-9\-_]*(?:\.[A-Z0-9])?[A-Z0-9\-_]*\d)[A-Z0-9]"
    # a short letter group between digit groups: "Case No. 2025 MI 000418"
    r"(?:[A-Z0-9]|[\-._](?=[A-Z0-9])|[ \t](?=\d{2,}(?:\b|-))|(?<=\d)[ \t](?=(?-i:[A-Z]{1,3})[ \t]\d{3,}))*)(?![/\d])"
)
# Each separator is "spaces, token": the spaces between two tokens belong to one iteration.
# As "(spaces, token, spaces)*" every run of spaces could split two ways, which backtracked
# exponentially ("MRN #   #   # ..." took seconds at ten repeats). At most six of them
# ("MRN number is: # 123" has four): unbounded, every "#" of a long run rescanned the rest.
_LABELLED = re.compile(
    rf"(?<![A-Za-z])(?P<label>{_ANY_LABEL})\.?(?:\s*(?:#|:|no\.|number|is|was|of|=|-|given|provided|issued|\((?:MBI|HICN|SSN|MRN|NPI|DEA|EIN|TIN|FIN|CSN|ID|UDI|VIN)\)(?=\s*:)|\.{{3,}}:?)){{0,6}}\s*{_VALUE}",
    re.IGNORECASE,
)
# Right before a value: a catalogue label ("REF 42-5022-009-02", "Cat. #", "Model").
_ICD_DOTTED = re.compile(r"(?i)[A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}")
# An ICD-10-PCS code (seven characters, no I or O, a section digit or letter first) in a
# coding context; a trial's registry number; a range of two HCPCS or CPT codes.
_PCS_CODE = re.compile(r"[0-9B-DFGHX][0-9A-HJ-NP-Z]{6}")
_TRIAL_REGISTRY = re.compile(r"(?i)NCT\d{8}|ISRCTN\d{8}|EudraCT[ \-]?\d{4}-\d{6}-\d{2}")
_CODE_RANGE_VALUE = re.compile(r"(?P<a>[A-V])(?P<x>\d{4})-(?P=a)(?P<y>\d{4})|(?P<x2>\d{5})-(?P<y2>\d{5})")


def _is_code_range(value: str) -> bool:
    """"G8908-G8911", "99203-99205": two codes of one kind, the second a little above the first."""
    m = _CODE_RANGE_VALUE.fullmatch(value)
    if m is None:
        return False
    low, high = (int(m.group("x")), int(m.group("y"))) if m.group("x") else (int(m.group("x2")), int(m.group("y2")))
    return 0 < high - low <= 100
# Policy and remittance codes named by their kind: "LCD L34538", "RARC N657", "CARC CO-50".
_POLICY_CUES = frozenset("lcd ncd rarc carc remark group-code reason".split())
# "Visa ending 4417", "SSN (last 4 on file): 4327", "card ending in 0921".
_LAST_FOUR = re.compile(
    r"(?i:\b(?:visa|mastercard|amex|discover|card|debit|credit|account|acct|checking|ssn|social[ \t]+security(?:[ \t]+number)?"
    r"|licen[cs]e|DL|passport|ID[ \t]+card)"
    r"[^\n\d]{0,25}?(?:ending(?:[ \t]+in)?|last[ \t]*(?:4|four)(?:[ \t]+digits)?[^\n\d:]{0,15}:?))[ \t]*[#:]?[ \t]*(?P<phi>\d{4})(?!\d)"
)
# "staff interpreter #117", "Interpreter ID 20441".
_INTERPRETER_NUMBER = re.compile(r"(?i:\binterpreter)[ \t]*(?:#|ID[ \t]*#?|no\.?|number)[ \t]*:?[ \t]*(?P<phi>\d{2,8})(?!\d)")
# "posting on social media under @autumnjoyrising": a handle alone, not an e-mail's tail.
_HANDLE = re.compile(r"(?<![\w.@])(?P<phi>@[A-Za-z][A-Za-z0-9_.]{3,29}[A-Za-z0-9_])(?![\w@])")
# A CPT code with two or more of the common modifiers: "66982-54-RT" (one alone is too
# like a job or case number: "88213-05", "44012-SC").
_MODIFIER = r"(?:2[2-6]|4[7-9]|5[0-9]|6[236]|7[6-9]|8[0-2]|9[0-1]|LT|RT|TC|X[EPSU]|G[AYZ]|KX|QW|F[1-9A]|T[1-9A]|E[1-4]|AS|SA|SG|LC|LD|RC|RI|LM)"
_STREET_BEFORE_HASH = re.compile(r"\b(?:Calle|CALLE|Avenida|Ave\.?|Carr\.?|Apt\.?|Apartment|Suite|Ste\.?|Unit)\b[^\n#:]{0,14}#[ \t]*\Z")
_CPT_WITH_MODIFIERS = re.compile(rf"\d{{4}}[0-9FTU](?:-{_MODIFIER}){{2,4}}")
_NDC_SHAPE = re.compile(r"\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2}|\d{11}")
# "IMPAIRMENT GROUP: 01.2", "blood group", "age group": groups that are no health plan's.
_NOT_PLAN_GROUP = frozenset("impairment age blood risk study support control diagnosis drg treatment".split())
_CATALOGUE_HEADER = re.compile(r"(?i)^(?:ref|ref\s*#|cat(?:alog(?:ue)?)?\.?(?:\s*(?:#|no\.?|number))?|model|part\s*#?|sku|item\s*#?|product\s*(?:code|#)?)$")
_CATALOGUE_LABEL = re.compile(
    r"(?<!call[ \t])(?<!case[ \t])(?<!claim[ \t])(?<!auth[ \t])\b(?:REF|Ref|CAT|Cat|[Tt]axonomy|TAXONOMY|[Cc]atalog(?:ue)?|CATALOG(?:UE)?|[Pp]art|SKU|[Mm]odel)"
    r"(?:[ \t]+(?:number|no\.?|NUMBER|NO\.?))?[ \t]*#?[ \t]*[:.]?[ \t]*$"
)
# The next item of a comma-separated list of values.
_LIST_NEXT = re.compile(r"[ \t]*(?:,|;|,?[ \t]+and)[ \t]*(?P<phi>[A-Za-z0-9][A-Za-z0-9\-.]*[A-Za-z0-9])(?![\w\-])")
_SHAPE_LETTER = re.compile(r"[A-Za-z]")
_SHAPE_DIGIT = re.compile(r"\d")


def _shape(value: str) -> str:
    return _SHAPE_DIGIT.sub("9", _SHAPE_LETTER.sub("A", value))


# Unlabelled: 7+ digits, or letters and digits mixed (S24-10234, A100293847, 1EG4-TE5-MK72).
_LONG_DIGITS = re.compile(r"(?<![\w.\-/$,])(?P<phi>\d{7,}|\d{3}-\d{2}-\d{4}|\d{2,4}-\d{4,}(?:-\d+)*)(?![\w/]|[.,]\d)")
_ALNUM = re.compile(
    r"(?<![\w.\-/])(?P<phi>(?=[A-Z0-9\-]*\d)(?=[A-Z0-9\-]*[A-Z])[A-Z0-9]{1,5}(?:-?[A-Z0-9]{2,}|-[A-Z](?=-[A-Z0-9]{2,})){1,4})(?![\w/]|[.\-]\w)"
)
# The visible digits of a masked SSN ("xxx-xx-4321", "***-**-4321") still identify.
# the mask is taken with the digits: the whole "xxx-xx-4321" is what a reader sees as the SSN
_MASKED_SSN = re.compile(r"(?<![\w*])(?P<phi>(?:[Xx]{3}|\*{3})-(?:[Xx]{2}|\*{2})-\d{4})(?![\w])")
# A Medicare Beneficiary Identifier by its shape alone (CMS format: 11 characters, letters
# without S, L, O, I, B, Z, in fixed positions; dashes optional): "1EG4-TE5-MK72".
_MBI_LETTER = "[AC-HJKMNP-RT-Y]"
_MBI = re.compile(
    rf"(?<![\w\-])(?P<phi>[1-9]{_MBI_LETTER}[{_MBI_LETTER[1:-1]}0-9]\d-?{_MBI_LETTER}[{_MBI_LETTER[1:-1]}0-9]\d-?{_MBI_LETTER}{{2}}\d{{2}})(?![\w\-])"
)
# Code shapes that must survive: CPT (5 digits, or 4 digits + F/T/U), HCPCS (letter + 4 digits),
# ICD-10-CM (letter, 2 digits, optional dot and up to 4 more), modifiers (-59, -LT, -RT).
# An abbreviation used as a label before a long number ("HBN: 789-456-123"): an identifier
# whatever the abbreviation, since clinical values after labels are short or have units.
_ABBREVIATION_LABEL = re.compile(r"(?<![A-Za-z])[A-Z]{2,6}[ \t]*[:#][ \t]*(?P<phi>\d(?:\d|-(?=\d)){6,}\d)(?![\w/.]|\.\d)")
# GS1 UDI: (01) device identifier, then (17) expiry, (10) lot, (21) serial.
# A UDI's serial or lot written alone with its application identifier: "(21)PV44810392".
_GS1_PART = re.compile(r"(?<![\w)])(?P<phi>\((?:21|10)\)[A-Z0-9\-]{4,20})(?![\w\-])")
_GS1_UDI = re.compile(r"(?<![\w)])(?P<phi>\(01\)\d{14}(?:\((?:10|11|17|21|240)\)[A-Z0-9\-]{1,20})*)")
_CLINICAL_CODE = re.compile(
    r"^(?:\d{4}[0-9FTU](?:-[0-9A-Z]{2}){2,4}|\d{4}[0-9FTU]|[A-V]\d{4}|[A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?|\d{5}-[0-9A-Z]{2}|[A-Z]\d{2}\.\d{1,4}[A-Z]?)$"
)
# Tokens that look like IDs but are clinical: units, stations, gauges, sizes, staging.
_CLINICAL_TOKEN = re.compile(
    # ISBT 128 product codes ("E0382V00"), blood-component codes, not units or donors
    r"^(?:E\d{4}[A-Z0-9]\d{2}|T[0-4][a-d]?N[0-3][a-c]?M[01][a-c]?|[pyc]?T[0-4x](?:is)?[a-d]?(?:N[0-3x][a-c]?)?(?:M[01x])?|[CTLS]\d{1,2}(?:-[CTLS]?\d{1,2})?|\d+-?(?:FR|F|G|CM|MM|MG|ML|L|MCG|MEQ|CC|KG)"
    r"|V\d|[ACDEFGHIKLMNPQRSTVWY]\d{1,4}[ACDEFGHIKLMNPQRSTVWY]|COVID-19|SARS-COV-2|HIV-?\d?|HLA-[A-Z0-9]+|CA-?\d{2,3}|CD\d+|IL-?\d+|BRCA\d|HER-?2|G\d+P\d+(?:-?\d+)*|ICD-?\d+(?:-CM)?|[A-Z]{2,5}-\d{1,2}|[A-Z]{5,10}-\d{1,3})$",
    re.I,
)
_RANGE = re.compile(r"(?:19|20)\d\d-(?:19|20)\d\d|(?:[01]\d|2[0-4])[0-5]\d-(?:[01]\d|2[0-4])[0-5]\d")
_CODE_CUES = frozenset(
    "cpt icd icd-10 icd-10-cm icd10 hcpcs code codes coding dx diagnosis diagnoses modifier drg rvu "
    "procedure billing".split()
)


# The VA's last-initial-and-last-four identifier after a LAST,FIRST header name:
# "PATIENT: BEGAY,HARRISON T   B4321   ICN: ...".
_VA_SHORT_ID = re.compile(
    r"(?P<last>[A-Z])[A-Z'\-]+,[ ]?[A-Z][A-Z'\-]+(?:[ \t][A-Z][A-Z'\-]*){0,2}[ \t]+(?P<phi>(?P=last)\d{4})(?![\w\-])"
)
# An ISBT 128 blood-unit (donation) number as printed: facility letter and code, year,
# serial ("W0362 24 018337", "W0420 24 118832 7").
_ISBT_UNIT = re.compile(r"(?<![\w\-])(?P<phi>[A-Z]\d{4}[ \t]\d{2}[ \t]\d{6}(?:[ \t][0-9A-Z])?)(?![\w\-])")
# A licence plate written in two groups: "OR plate 418 KZJ", "plate ABC 1234", "tag # 7GHT 219".
_PLATE = re.compile(
    r"\b(?i:plate|tag)[ \t]*(?:#|no\.?|number)?[ \t:]*(?P<phi>(?:[A-Z]{2}[ \t]+)?[A-Z0-9]{1,4}[ \t\-][A-Z0-9]{2,4})(?![\w\-])"
)
# A system user name in an audit or sign-off trail: "created by mjordan2 10/17/2024 08:41",
# "by HABARA at workstation SVH-PACU-06", "User: tokonkwor".
_USERNAME = re.compile(
    r"(?:\b(?:[Cc]reated|[Mm]odified|[Ee]dited|[Uu]pdated|[Ee]ntered|[Aa]ccessed|[Vv]iewed|[Pp]rinted|[Rr]esponse"
    r"|[Rr]eviewed|[Ss]igned|[Rr]eleased|[Ee]xported|[Ff]iled|[Ll]ogged|viewed[ \t]+from[ \t]+[\d.]+"
    r"|[Ss]canned|[Ii]ndexed|[Cc]onfirmed|[Rr]ecorded|[Dd]ocumented|[Cc]ompleted|[Aa]ssigned|[Cc]aptured|[Rr]outed|[Qq]ueued"
    r"|[Cc]losed|CLOSED|PRINTED|SCANNED|INDEXED|ENTERED|SIGNED|REVIEWED|VERIFIED|RECORDED|DOCUMENTED|COMPLETED)"
    r"(?:[ \t]+(?:ELECTRONICALLY|[Ee]lectronically))?:?(?:[ \t]+[\d/:\-]{4,10}(?:[ \t]+[\d:]{4,8})?)?[ \t]+(?:by|BY):?[ \t]+(?:user[ \t]+)?"
    r"(?P<phi>[A-Za-z][A-Za-z0-9._\\]{2,24})(?=[ \t]+(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d\d-\d\d|at[ \t]+workstation|from[ \t]+\d|on[ \t]+\d|\(\d|[ \t])|[ \t]*(?:\n|$))"
    r"|\b(?:(?:[Pp]ortal[ \t]+)?[Uu]ser(?:[ \t]*(?:name|ID|id))?|USER(?:[ \t]*(?:NAME|ID))?|[Ll]ogin|LOGIN|[Uu]serid|USERID"
    r"|Assigned|Assignee|Owner|Reviewer[ \t]+sign-off|Signature[ \t]+captured(?:[ \t]+electronically)?)(?:[ \t]*[:=#][ \t]*|(?<=[Pp]ortal[ \t]user)[ \t]+)"
    r"(?P<user>[A-Za-z][A-Za-z0-9._]{2,19})(?![\w@]))"
)
_USERNAME_PATTERN = SpanPattern("system user name", _USERNAME, 0.75, "ID")


def _usernames(text: str) -> Iterator[tuple[SpanMatch, SpanPattern]]:
    """User names in audit trails: lower case with a digit or 5+ letters, or capitals."""
    for m in _USERNAME.finditer(text):
        group = "phi" if m.group("phi") else "user"
        value = m.group(group)
        if group == "phi" and value[0].isupper() and not value.isupper():
            continue  # "Signed by Smith 10/17/2024": a name, the name recognizers' job
        if not any(c.isdigit() for c in value) and NamePriors.word_frequency(value) >= 1.5:
            continue  # "signed by caseworker on 12/12/25", "User: admin": words, not user names
        start, end = m.span(group)
        yield SpanMatch(start, end, "ID", 0.75, _USERNAME_PATTERN.name), _USERNAME_PATTERN


# A login name made of a first initial and a surname, in lower case or capitals, with an
# optional number and a department prefix: "mtorres", "jkowalski2", "RMCALLISTER",
# "CDI.HWILLIAMS", "npci\\praghunathan".
_LOGIN = re.compile(
    r"(?<![\w@./\\\-])(?P<phi>(?:[A-Za-z]{2,8}[.\\])?(?P<core>[a-z]{5,24}|[A-Z]{5,24})\d{0,3})(?![\w@\-]|\.\w)"
)
# below 0.7: a clinical word of that shape ("tscherne") yields to the lexicon
_LOGIN_PATTERN = SpanPattern("login name: initial and surname", _LOGIN, 0.65, "ID")


def _is_surname(word: str, priors: NamePriors) -> bool:
    """`word` is a known surname (two run together are not tried: "sophagram" splits)."""
    return len(word) >= 4 and word in priors.surnames


def _login_names(text: str) -> Iterator[tuple[SpanMatch, SpanPattern]]:
    """First initial + surname tokens that are no English word: user names in stamps."""
    priors = NamePriors.load()
    for m in _LOGIN.finditer(text):
        core = m.group("core").lower()
        if NamePriors.word_frequency(core) >= 1.0 or core in priors.surnames or core in priors.first_names:
            continue  # "stone", "blake": words and names in their own right
        after_clock = re.search(r"\d{1,2}:\d\d[ \t]+\Z", text[max(0, m.start() - 10) : m.start()]) is not None
        if m.group("core").isupper() and m.group("phi").startswith(m.group("core")) and not after_clock:
            continue  # "TREITZ", "ESMARCH": capitals alone are words of a capitals printout
            # ("01/14/2026 16:06  AFONTAINE  attested": a user after a clock time is taken)
        if not _is_surname(core[1:], priors):
            continue
        start, end = m.span("phi")
        yield SpanMatch(start, end, "ID", 0.65, _LOGIN_PATTERN.name), _LOGIN_PATTERN


# A form's number before the word "form" or a report title: "HHS-687 form", "WC164 Physician's Report".
_FORM_AFTER = re.compile(r"[ \t)]*(?:form|Form|FORM|[A-Z][a-z']+[ \t]+Report)\b")
_CATALOGUE_COLUMN = re.compile(
    r"(?i)ref(?:erence)?(?:[ \t]*(?:#|no\.?))?|cat(?:alog(?:ue)?)?\.?(?:[ \t]*(?:#|no\.?|number))?|part(?:[ \t]*(?:#|no\.?))?"
    r"|sku|item[ \t]*#|product(?:[ \t]*(?:code|#|no\.?))?|model(?:[ \t]*(?:#|no\.?))?"
)


def _catalogue_cells(text: str) -> list[tuple[int, int]]:
    """Cells under a REF or catalogue column of the note's space-aligned tables, cached for
    the note being read (one (note, cells) pair, replaced whole, so threads never mix notes)."""
    global _CATALOGUE_CACHE
    cached = _CATALOGUE_CACHE
    if cached is None or cached[0] is not text:
        cached = (text, [(s, e) for _, s, e in aligned_table_cells(text, _CATALOGUE_COLUMN)])
        _CATALOGUE_CACHE = cached
    return cached[1]


_CATALOGUE_CACHE: tuple[str, list[tuple[int, int]]] | None = None


# A pipe-separated table whose header names an identifier column: "| LOT | Serial No. |".
_ID_HEADER = re.compile(
    # "LOT / Serial": one column for either
    r"(?i)^(?:(?:lot|serial|s/n|sn)(?:[ \t]*(?:#|no\.?|number))?(?:[ \t]*/[ \t]*(?:lot|serial|s/n|sn)(?:[ \t]*(?:#|no\.?|number))?)?|udi|device[ \t]+id"
    r"|mrn|acct(?:[ \t]*#)?|account(?:[ \t]*#)?|accession(?:[ \t]*#)?|specimen[ \t]*(?:#|id)|fin|csn|member[ \t]*id)$"
)
_TABLE_VALUE = re.compile(r"[ \t]*(?P<phi>(?=[^|\n]*\d)[A-Za-z0-9][A-Za-z0-9\-./()]{2,39})[ \t]*$")
_TABLE_PATTERN = SpanPattern("value in an identifier column of a table", re.compile(r"(?!)"), 0.85, "DEVICE_ID")


def _table_column_ids(text: str) -> Iterator[tuple[SpanMatch, SpanPattern]]:
    """Cells under an identifier column's header, in pipe or space-aligned rows below it."""
    for _, start, end in aligned_table_cells(text, _ID_HEADER):
        if _TABLE_VALUE.fullmatch(text[start:end]):
            yield SpanMatch(start, end, "DEVICE_ID", 0.85, _TABLE_PATTERN.name), _TABLE_PATTERN
    if "|" not in text:
        return
    pos = 0
    for header in re.finditer(r"^[^\n]*\|[^\n]*$", text, re.MULTILINE):
        if header.start() < pos:
            continue
        cells = header.group().split("|")
        columns = {i for i, c in enumerate(cells) if _ID_HEADER.match(c.strip())}
        if not columns:
            continue
        row_start = header.end() + 1
        while row_start < len(text):
            row_end = text.find("\n", row_start)
            row_end = len(text) if row_end < 0 else row_end
            row = text[row_start:row_end]
            if "|" not in row:
                break
            offset = row_start
            for i, cell in enumerate(row.split("|")):
                if i in columns and (m := _TABLE_VALUE.match(cell)) is not None:
                    start, end = offset + m.start("phi"), offset + m.end("phi")
                    yield SpanMatch(start, end, "DEVICE_ID", 0.85, _TABLE_PATTERN.name), _TABLE_PATTERN
                offset += len(cell) + 1
            row_start = row_end + 1
        pos = row_start


class RecordNumberRecognizer(SpanPatternRecognizer):
    """Identifying numbers with and without labels (MRN, account, plan, licence, device, other)."""

    ENTITIES = (
        "MEDICAL_RECORD_NUMBER",
        "ACCOUNT_NUMBER",
        "HEALTH_PLAN_ID",
        "LICENSE_NUMBER",
        "VEHICLE_ID",
        "DEVICE_ID",
        "US_SSN",
        "ID",
    )
    PATTERNS = (
        SpanPattern("labelled identifier (strong)", _LABELLED, 0.95),
        SpanPattern("GS1 UDI (strong)", _GS1_UDI, 0.95, "DEVICE_ID", gate=re.compile(r"\(01\)")),
        SpanPattern("GS1 serial or lot (strong)", _GS1_PART, 0.9, "DEVICE_ID", gate=re.compile(r"\((?:21|10)\)")),
        SpanPattern("number after an abbreviation label", _ABBREVIATION_LABEL, 0.7, "ID"),
        SpanPattern("masked SSN, last four", _MASKED_SSN, 0.85, "US_SSN", gate=re.compile(r"[Xx*]{3}-")),
        SpanPattern("Medicare beneficiary identifier by its shape", _MBI, 0.85, "HEALTH_PLAN_ID", gate=re.compile(r"[1-9][A-Z][A-Z0-9]\d-?[A-Z]")),
        SpanPattern("licence plate in two groups", _PLATE, 0.9, "VEHICLE_ID", gate=re.compile(r"(?i)plate|tag")),
        SpanPattern("VA last initial and last four", _VA_SHORT_ID, 0.85, "ID", gate=re.compile(r"[A-Z],[ ]?[A-Z]")),
        SpanPattern("ISBT 128 unit number", _ISBT_UNIT, 0.9, "ID", gate=re.compile(r"[A-Z]\d{4} \d\d \d")),
        SpanPattern("card or SSN last four", _LAST_FOUR, 0.85, "ID", gate=re.compile(r"(?i)ending|last[ \t]*(?:4|four)")),
        SpanPattern("interpreter's number", _INTERPRETER_NUMBER, 0.8, "ID", gate=re.compile(r"(?i)interpreter")),
        SpanPattern("social media handle", _HANDLE, 0.8, "ID", gate=re.compile(
            r"(?i)social media|instagram|tiktok|twitter|facebook|snapchat|handle|posting|username|x\.com|threads")),
        SpanPattern("long digit run (weak)", _LONG_DIGITS, 0.5, "ID"),
        SpanPattern("letter-digit identifier (weak)", _ALNUM, 0.45, "ID"),
    )

    def candidates(self, text: str) -> Iterator[tuple[SpanMatch, SpanPattern]]:
        for match, pattern in super().candidates(text):
            yield match, pattern
            if pattern.regex is not _LABELLED:
                continue
            # A list after one label: "LOT N4L21K, N4L22A, N4L19M". Each further value of the
            # same shape (letters, digits and punctuation in the same places) is one too.
            shape = _shape(text[match.start : match.end])
            pos = match.end
            while (nxt := _LIST_NEXT.match(text, pos)) is not None:
                start, end = nxt.span("phi")
                if _shape(text[start:end]) != shape:
                    break
                groups = dict(match.groups, phi=text[start:end])
                yield SpanMatch(start, end, match.entity_type, match.score, match.reason, groups), pattern
                pos = end

        yield from _table_column_ids(text)
        yield from _usernames(text)
        yield from _login_names(text)

    def confirm(self, text: str, match: SpanMatch, pattern: SpanPattern) -> SpanMatch | None:
        value = text[match.start : match.end]
        if pattern.regex in (_LOGIN, _MBI, _MASKED_SSN):
            return match  # shapes whose generators already decided
        if pattern.regex is _VA_SHORT_ID or pattern.regex is _ISBT_UNIT:
            return match  # "B4321" after a header name: shaped like HCPCS, but the VA's identifier
        before = preceding_words(text, match.start, 30)
        if _ICD_DOTTED.fullmatch(value):
            return None  # "E03.9", "Z13.1": a dotted ICD-10-CM code is never a record number
        if _CLINICAL_CODE.match(value) and (set(before[-3:]) & _CODE_CUES or pattern.regex is not _LABELLED):
            return None
        if pattern.regex is _PLATE:
            return match if re.search(r"\d", value) else None
        if pattern.regex in (_GS1_UDI, _ABBREVIATION_LABEL):
            return match
        if _TRIAL_REGISTRY.fullmatch(value) or _is_code_range(value):
            return None  # "NCT05512378": the trial's, not the patient's; "G8908-G8911": codes
        if before and before[-1] in _POLICY_CUES:
            return None
        if _CPT_WITH_MODIFIERS.fullmatch(value):
            return None  # "Surgeon claim 66982-54-RT": a CPT code and its modifiers, however labelled
        if _NDC_SHAPE.fullmatch(value) and "ndc" in before[-4:]:
            return None  # "NDC morphine 0054-3785-44": the product's national drug code
        if pattern.regex is _LABELLED and (match.groups.get("label") or "").strip() == "#" and before[-2:-1] == ["model"]:
            return None  # "Model #: 2074697": the product's model, like its catalogue number
        form_number = len(re.findall(r"\d", value)) <= 5
        if form_number and (_FORM_AFTER.match(text, match.end) or (before and before[-1] == "form" and pattern.regex is not _LABELLED)):
            return None  # "consent form (HHS-687)", "WC164 Physician's Report": a form's number, not a filled form's
        if pattern.regex is _LABELLED:
            label = re.sub(r"\s+", " ", (match.groups.get("label") or "").strip())
            if label.lower().startswith("group") and before[-2:-1] and before[-2] in _NOT_PLAN_GROUP:
                return None  # "IMPAIRMENT GROUP: 01.2"
            if label == "#" and _STREET_BEFORE_HASH.search(text, max(0, match.start - 24), match.start):
                return None  # "Calle 31 SO #1784": a house number, the address recognizer's
            if label == "#" and not re.search(r"\d{4,}", value) and len(re.findall(r"\d", value)) < 6:
                return None  # "# 3" is a count, "#10 blade" an instrument size
            if len(re.sub(r"\W", "", value)) < 3:
                return None
            if re.fullmatch(r"\d{1,2}[wWdDmM]\d{1,2}", value):
                return None  # "SN 3w2, 2w6": home-health visit frequencies after "skilled nursing"
            if label == "ID" and len(re.findall(r"\d", value)) < 3:
                return None  # "ID 2 days"; an interpreter's "ID 7710-42" has its digits
            for regex, entity_type in _LABEL_TYPES:
                if regex.match(label):
                    return match.retyped(entity_type)
            return match.retyped("ID")
        if _CLINICAL_TOKEN.match(value):
            return None
        if before and before[-1] in {"cpt", "icd", "icd-10", "hcpcs", "code", "ndc", "loinc", "snomed"}:
            return None
        if _CATALOGUE_LABEL.search(text, max(0, match.start - 16), match.start):
            return None  # "REF 42-5022-009-02": a product's catalogue number, not a serial
        if _PCS_CODE.fullmatch(value) and re.search(r"\d", value) and re.search(r"[A-Z]", value) and (
            text[match.start - 1 : match.start] == "(" or set(before[-4:]) & {"pcs", "icd-10-pcs", "root", "operation"}
        ):
            return None  # "Bypass stomach to jejunum (0D164ZA)": an ICD-10-PCS code
        if any(start <= match.start and match.end <= end for start, end in _catalogue_cells(text)):
            return None  # the REF column of a space-aligned implant table
        header = table_column_header(text, match.start)
        if header is not None and _CATALOGUE_HEADER.match(header):
            return None  # the REF or catalogue column of an implant table
        if pattern.regex is _ALNUM and not re.search(r"\d{3,}", value):
            return None
        if _RANGE.fullmatch(value):
            return None  # 2016-2021, 0700-1900: year and time ranges
        if re.fullmatch(r"\d{3}-\d{2}-\d{4}", value):
            return match.retyped("US_SSN", 0.85)
        return match
