"""Dates as US clinical notes write them, validated against the calendar.

Safe Harbor removes every date element more specific than the year. Bare years
("appendectomy in 2009"), durations, "POD 3" and values that look like dates
(BP 132/84, pain 7/10, strength 5/5) are not dates; numeric dates without a year are
accepted only after a date cue ("on 3/14", "DOS 3/14").
"""

from __future__ import annotations

import re

from .span_pattern import SpanMatch, SpanPattern, SpanPatternRecognizer, preceding_words, table_column_header

__all__ = ["ClinicalDateRecognizer"]

_MONTH_NAMES = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Capitalised or upper-case month names only: "may" and "march" are also ordinary words.
_MONTH = (
    r"(?:Jan(?:uary)?|JAN(?:UARY)?|Feb(?:ruary)?|FEB(?:RUARY)?|Mar(?:ch)?|MAR(?:CH)?|Apr(?:il)?|APR(?:IL)?"
    r"|May|MAY|June?|JUNE?|July?|JULY?|Aug(?:ust)?|AUG(?:UST)?|Sep(?:t(?:ember)?)?|SEP(?:T(?:EMBER)?)?"
    r"|Oct(?:ober)?|OCT(?:OBER)?|Nov(?:ember)?|NOV(?:EMBER)?|Dec(?:ember)?|DEC(?:EMBER)?)\.?"
)
# Lower-case dictation writes "june 30th"; "may" and "march" stay excluded in lower case.
_MONTH_LOWER = r"(?:january|february|april|june|july|august|september|october|november|december)"
_WEEKDAY = (
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+"
)
# A time zone after the clock time belongs to it: "16:02 HST", "9:31 AM ET".
_ZONE = r"(?:\s+(?:(?:[ECMP]|AK|H)[SD]?T|UTC|GMT)\b)?"
_TIME = (
    rf"(?:(?:,?\s+(?:at\s+|@\s*|~\s*|approx\.?\s*|approximately\s+)?|,?\s*@\s*)(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*[AaPp]\.?[Mm]\.?|[ap]\b)?"
    # "@ 1642" (military after an at-sign), "@ 10am", "at 3 PM" (an hour alone)
    rf"|(?<=@)\s*(?:[01]\d|2[0-3])[0-5]\d(?!\d)|(?:1[0-2]|0?[1-9])\s*[AaPp](?:\.[Mm]\.|[Mm]\b))"
    rf"{_ZONE}(?:\s+(?:hrs|hours))?)?"
)
_MILITARY = r"(?:(?:\s+(?:at\s+|AT\s+|~\s*|approx\.?\s*|approximately\s+)?|\s*@\s*)(?:[01]\d|2[0-3])[0-5]\d(?:\s*hrs?)?(?![\d/])(?:\s+(?:(?:[ECMP]|AK|H)[SD]?T|UTC|GMT)\b)?)?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR4 = r"(?:1[89]\d\d|20\d\d)"

# A dash may join two dates into a range ("10/02/2023-01/15/2024").
_NUMERIC = re.compile(
    rf"(?<![\w/.])(?P<phi>(?:{_WEEKDAY})?(?P<m>\d{{1,2}})(?P<sep>[/.\-])(?P<d>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}}){_TIME}{_MILITARY})(?![\w/]|\.\d|-(?!\d{{1,2}}/\d))"
)
_ISO = re.compile(
    rf"(?<![\w/.\-])(?P<phi>(?:{_WEEKDAY})?(?P<y>{_YEAR4})(?P<sep>[\-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+\-]\d\d:?\d\d)?{_ZONE})?)(?![\w/]|[.\-]\d)"
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?<![\w])(?P<phi>(?:{_WEEKDAY})?(?P<mon>{_MONTH})\s*(?P<d>\d{{1,2}}){_ORD}(?:,?\s*|\s+of\s+)(?P<y>{_YEAR4}|'\d\d){_TIME}{_MILITARY})(?!\w)"
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\w\-])(?P<phi>(?:{_WEEKDAY})?(?:the\s+)?(?:\d{{1,2}}[-–](?=\d{{1,2}}\s+[A-Z]))?(?P<d>\d{{1,2}}){_ORD}(?:\s+day)?(?:\s+of)?[\s\-/]*(?P<mon>{_MONTH})[\s\-/,]*(?P<y>{_YEAR4}|\d\d)?{_TIME}{_MILITARY})(?![\w])"
)
_MONTH_DAY = re.compile(
    rf"(?<![\w])(?P<phi>(?:{_WEEKDAY})?(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD}"
    # a range of days: "June 24-25", "Feb 16-19"
    rf"(?:[-–](?:[12]\d|3[01]|0?[1-9]){_ORD}(?![\d/]|[:.]\d))?"
    rf"(?!\s*[:.]?\d(?!\d?:[0-5]\d|\d?/\d))(?![\w%])(?:{_TIME}))"
)
_MONTH_DAY_LOWER = re.compile(
    rf"(?<![\w])(?P<phi>(?P<mon>{_MONTH_LOWER})\s+(?P<d>\d{{1,2}}){_ORD}(?:,?\s+(?P<y>{_YEAR4}))?"
    # "march 14 2024", "may 2nd, 2023": the verbs need a day and a year after them
    rf"|(?P<mon2>march|may)\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>{_YEAR4})"
    # abbreviations with a day and a year: "ct aug 2 2025", "sept 14, 2024"
    rf"|(?P<mon3>jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?[ \t]+(?P<d3>\d{{1,2}}){_ORD},?[ \t]+(?P<y3>{_YEAR4})"
    # a weekday makes the verbs months: "on monday march 17th"
    rf"|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+(?P<mon4>march|may)[ \t]+(?P<d4>\d{{1,2}}){_ORD})(?![\w%])"
)
# "on may 2", "since march 3rd": the verbs are months after a preposition and before a day.
_VERB_MONTH_DAY = re.compile(
    r"\b(?:on|since|by|until|from|before|after|of)[ \t]+(?P<phi>(?P<mon>may|march)[ \t]+(?P<d>\d{1,2})(?:st|nd|rd|th)?)"
    r"(?![\w%/:]|\.\d)(?![ \t]*(?:mg|ml|mcg|units?|times|x|hours?|days?|weeks?|%)\b)"
)
# Dictation in lower case: "date of birth the 9th of june 1971".
_LOWER_DAY_MONTH_YEAR = re.compile(
    r"(?<![\w])(?P<phi>(?:the[ \t]+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?"
    r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december),?"
    rf"[ \t]+(?P<y>{_YEAR4}))(?![\w])"
)
_MONTH_YEAR = re.compile(rf"(?<![\w])(?P<phi>(?:(?:[Mm]id|[Ee]arly|[Ll]ate)-)?(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR4}))(?![\w])")
# "SAB 2023-06", "naproxen 2023-09 to present": a year and a month, ISO style.
_ISO_MONTH = re.compile(r"(?<![\w/.\-])(?P<phi>(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2]))(?![\w/]|[.\-]\d)")
_NUM_MONTH_YEAR = re.compile(
    r"(?<![\w/.])(?P<phi>(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d))(?![\w/]|\.\d|-(?!\d{1,2}/\d))"
)
# "3/14-3/17" is a range of two dates: a dash may join two of them.
_NUM_MONTH_DAY = re.compile(
    r"(?<![\w/.:])(?P<phi>(?P<m>\d{1,2})/(?P<d>\d{1,2}))(?![\w/]|\.\d|-(?!\d{1,2}/\d)|:\d)"
)
_ORDINAL_DAY = re.compile(
    r"\b(?:on|since|until|till|by|from|before|after|of|through|thru|tentatively|scheduled|planned"
    r"|set[ \t]+for|booked[ \t]+for|around)\s+(?P<phi>the\s+(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th))\b"
    # "the 2nd and 3rd MCP joints", "the 4th ventricle": ordinals of anatomy and series
    r"(?![ \t]*(?:and|or|to|through|-|–)[ \t]*\d)(?![ \t]+(?:(?-i:[A-Z]{2,4})\b|rib|ribs|toe|toes|finger|fingers"
    r"|digit|digits|metacarpal|metatarsal|intercostal|web|cranial|degree|trimester|percentile|grade"
    r"|lumbar|cervical|thoracic|sacral|space|floor|line|dose|doses|cycle|round|generation|ventricle"
    r"|compartment|portion|part|segment|branch|layer|time|attempt|visit|day|week|month|year|pregnancy))",
    re.IGNORECASE,
)
# A month named alone after a time preposition: "last SI was in January", "started in
# July", "since early March". "May" needs the same cue and a capital, so "may" the verb
# never matches; a capitalised word after it ("in June Smith's care") means a name.
_MONTH_ALONE = re.compile(
    r"\b(?:in|since|until|till|during|by|through|thru|early|mid|late|last|this|next|of|before|after)"
    r"[ \t-]+(?P<phi>(?P<mon>January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Sept|january|february|april|june|july|august|september|october|november"
    r"|december|(?:may|march)(?=[ \t]*[.,;])))(?![\w'’-])(?![ \t]+[A-Z][a-z])(?![ \t,]*\d)"
)
# A weekday makes a short date certain: "Friday the 8th", "Friday 8/16", "Tue 3/4".
_WEEKDAY_SHORT = re.compile(
    rf"(?<![\w])(?P<phi>{_WEEKDAY}(?:the[ \t]+(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)"
    r"|(?P<m>\d{1,2})/(?P<d2>\d{1,2}))(?![\w/]|\.\d))"
)
# A yearless m/d with a clock time after it: "by secure chat on 8/27 10:12".
_NUM_MONTH_DAY_TIME = re.compile(
    r"(?<![\w/.:])(?P<phi>(?P<m>\d{1,2})/(?P<d>\d{1,2})[ \t]+(?:at[ \t]+|@[ \t]*)?"
    r"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
    # "repeat lytes on 3/14 at 0600 were": "at" makes a four-digit clock time
    r"|(?<=at[ \t]|.@[ \t]|..@)(?:[01]\d|2[0-3])[0-5]\d(?![\d:])(?![ \t]*(?:mg|mL|ml|units?|cc|g)\b)"
    # "last dose 12/23 2000": a four-digit clock time, not a dose or a count
    r"|(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]*[);,]|[ \t]*$|\.(?!\d))(?![ \t]*(?:mg|mL|ml|units?|cc|g)\b)))(?![\w/]|:\d)"
)
# Holidays name a day of a year ("the Friday before Christmas", "over Memorial Day
# weekend", "on the Fourth of July"); "Christmas disease" and "Christmas factor" are not.
_HOLIDAY_NAMES = (
    r"New[ \t]+Year'?s(?:[ \t]+(?:Day|Eve))?|Christmas(?:[ \t]+(?:Day|Eve))?|Xmas"
    r"|Thanksgiving(?:[ \t]+Day)?|Easter(?:[ \t]+(?:Sunday|Monday))?|Good[ \t]+Friday"
    r"|Hallowe'?en|Memorial[ \t]+Day|Labou?r[ \t]+Day|Independence[ \t]+Day"
    r"|(?:the[ \t]+)?(?:Fourth|4th)[ \t]+of[ \t]+July|July[ \t]+(?:4th|Fourth)|Veterans'?[ \t]+Day"
    r"|Columbus[ \t]+Day|Presidents'?[ \t]+Day|(?:Martin[ \t]+Luther[ \t]+King|MLK)(?:,?[ \t]+Jr\.?)?[ \t]+Day"
    r"|Valentine'?s[ \t]+Day|Mother'?s[ \t]+Day|Father'?s[ \t]+Day|St\.?[ \t]+Patrick'?s[ \t]+Day"
    r"|Juneteenth|Mardi[ \t]+Gras|Passover|Rosh[ \t]+Hashanah|Yom[ \t]+Kippur|Hanukk?ah|Chanukk?ah"
    r"|Diwali|Eid(?:[ \t]+al-(?:Fitr|Adha))?|(?:Lunar|Chinese)[ \t]+New[ \t]+Year|Kwanzaa|Super[ \t]+Bowl[ \t]+Sunday"
)
_WEEKDAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_HOLIDAY = re.compile(
    rf"(?<![\w'’])(?P<phi>(?:(?:last|this|next|Last|This|Next)[ \t]+)?"
    rf"(?:{_WEEKDAY_NAME}[ \t]+(?:before|after|of)[ \t]+)?(?:{_HOLIDAY_NAMES})(?:[ \t]+weekend)?)"
    r"(?![\w'’])(?![ \t]+(?:disease|factor|tree|cactus|lily|rose)s?\b)"
)
# Dictated notes write them in lower case: "since halloween".
_HOLIDAY_LOWER = re.compile(
    r"(?<![\w'’])(?P<phi>christmas(?:[ \t]+(?:day|eve))?|thanksgiving|halloween|easter|new[ \t]+year'?s(?:[ \t]+(?:day|eve))?)"
    r"(?![\w'’])(?![ \t]+(?:disease|factor)s?\b)"
)
# A weekday alone after a time word: "since Saturday", "family meeting planned Monday",
# "bed possible Thursday". Schedules ("Tuesday-Thursday-Saturday", "Saturday dose",
# "Mondays") are not dates.
_WEEKDAY_ALONE = re.compile(
    r"\b(?:on|since|by|until|till|last|this|past|next|planned|possible|scheduled|expected|before"
    r"|after|from|early|late|arriving|starting|through|for|round|rounds|see|call|return|returns)[ \t]+"
    # a capitalised weekday, or a lower-case or abbreviated one ("by monday", "out on wed")
    rf"(?P<phi>{_WEEKDAY_NAME}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|mon|tue|wed|thu|fri|sat|sun)(?=[ \t]*[.,;)(]))"
    r"(?![\w'’\-/–])(?![ \t]*[-–/&])(?![ \t]+(?:(?:and|or|to|through|thru)[ \t]+(?:mon|tue|wed|thu|fri|sat|sun|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    r"|dose|doses|schedule|clinic|dialysis)\b)"
)
# A weekday standing alone names one day of the note's week: "drinking at a party Friday",
# "sugar was high Sat.", "Resume HD Wed via catheter". Plurals, ranges and schedules
# ("Tuesdays", "Tuesday-Thursday-Saturday", "every Friday") are habits, not dates.
_WEEKDAY_BARE = re.compile(
    rf"(?<![\w'’\-/–])(?<!every[ \t])(?<!Every[ \t])(?<!each[ \t])(?<!other[ \t])"
    rf"(?P<phi>{_WEEKDAY_NAME}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?=\.?[ \t]*(?:[.,;)]|$)|[ \t]+(?:via|for|re|at)\b))"
    r"(?=['’]s\b|(?![\w'’\-/–]))(?![ \t]*[-–/&][ \t]*[A-Z])(?![ \t]+(?:and|or|to|through|thru|dose|doses|schedule|shift|clinic|dialysis|and/or)\b)"
    r"(?![ \t]*,?[ \t]*(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|\d))"
)
# A range of months in one year: "(Aug-Oct 2024)", "June-July 2023".
_MONTH_RANGE_YEAR = re.compile(
    rf"(?<![\w])(?P<phi>{_MONTH}[ \t]*[-–][ \t]*{_MONTH},?[ \t]+(?P<y>{_YEAR4}))(?![\w])"
)
# A month written in lower case with its year: "colonoscopy march 2023 by doctor ...".
_LOWER_MONTH_YEAR = re.compile(
    r"(?<![\w])(?P<phi>(?:january|february|march|april|may|june|july|august|september|october|november"
    rf"|december),?[ \t]+(?:of[ \t]+)?(?P<y>{_YEAR4}))(?![\w])"
)
# Spanish with a weekday and no year: "jueves 27 de junio 10:30 AM".
_SPANISH_WEEKDAY = re.compile(
    r"(?<![\w])(?P<phi>(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo),?[ \t]+(?P<d>\d{1,2})[ \t]+de[ \t]+"
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
    r"(?:[ \t]+(?:de[ \t]+)?(?:19|20)\d\d)?(?:,?[ \t]+(?:a[ \t]+las[ \t]+)?(?:[01]?\d|2[0-3]):[0-5]\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?)?)(?![\w])",
    re.IGNORECASE,
)
# A weekday named with the part of the day or a clock time after it: "Saturday night was
# rough", "resolved ~Saturday 0200", "Sunday morning".
_WEEKDAY_PART = re.compile(
    rf"(?<![\w'’])(?P<phi>(?:{_WEEKDAY_NAME}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"(?:[ \t]+(?:at[ \t]+)?(?:(?:[01]\d|2[0-3])[0-5]\d|(?:[01]?\d|2[0-3]):[0-5]\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?)(?![\d:]))?)"
    r"(?=[ \t]+(?:night|morning|evening|afternoon|overnight|noon|a\.?m\.?|p\.?m\.?)\b|(?<=\d))"
)
# "NOV-02-2024 SAT 06:14" (fax headers): month, day and year joined by dashes.
_MON_DAY_YEAR_DASHED = re.compile(
    rf"(?<![\w\-])(?P<phi>(?P<mon>{_MONTH})-(?P<d>\d{{1,2}})-(?P<y>{_YEAR4})"
    r"(?:[ \t]+(?:MON|TUE|WED|THU|FRI|SAT|SUN|Mon|Tue|Wed|Thu|Fri|Sat|Sun))?"
    r"(?:[ \t]+(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?)(?![\w\-])"
)
# Spanish, as notes from Puerto Rico write it: "14 de marzo de 2024".
_SPANISH = re.compile(
    r"(?<![\w])(?P<phi>(?P<d>\d{1,2})[ \t]+de[ \t]+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto"
    r"|septiembre|setiembre|octubre|noviembre|diciembre)(?:[ \t]+del?[ \t]+(?P<y>(?:19|20)\d\d))?"
    # or a month and its year: "desde febrero de 2021"
    r"|(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
    r"[ \t]+del?[ \t]+(?P<y2>(?:19|20)\d\d))(?![\w])",
    re.IGNORECASE,
)
# Spanish abbreviated months between dashes: "FECHA/DATE: 14-ago-2024".
_SPANISH_DASHED = re.compile(
    r"(?<![\w\-])(?P<phi>(?P<d>\d{1,2})-(?:ene|feb|mar|abr|may|jun|jul|ago|sep|sept|oct|nov|dic)\.?-(?P<y>(?:19|20)\d\d))(?![\w\-])",
    re.IGNORECASE,
)
# Compact: "Signed: FOX, DANA L MAJ MC  20240507 1433" (military and lab systems).
_COMPACT = re.compile(
    r"(?<![\w./\-])(?P<phi>(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
    r"(?:[ \t]+(?:[01]\d|2[0-3])[0-5]\d)?)(?![\w./\-])"
)
_SEASON_YEAR = re.compile(r"(?<![\w])(?P<phi>(?:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter|[Ee]arly|[Mm]id|[Ll]ate)[- ](?P<y>(?:19|20)\d\d))(?![\w])")

# Words after which "7/10" or "132/84" is a clinical value, not a date.
_VALUE_CUES = frozenset(
    "pain bp blood pressure score scale strength motor grade ratio rated of out x "
    "dose mg mcg ml mmhg pulse sbp dbp map fio2 peep vent settings rate ratios power reflexes "
    "gcs apgar sensation murmur heart tone fraction titer dilution odds vision acuity day "
    "intensity severity level range times q apgar apgars segment segments levels cycle cycles "
    "grades stage ct ef ef% scores rating rated mismatch mismatched match matched hla antigen "
    "nodes node position section rev revision".split()
)
_DATE_CUES = frozenset(
    "on since dated date dos d t from until till through thru by of admitted discharged seen "
    "visit surgery procedure operated performed onset last started stopped born dob exam "
    "collected received reported signed transcribed dictated scheduled returned effective as "
    "before after between and to started taken obtained followed injury accident admission "
    "discharge service week ending".split()
)


# Scales and ventilator settings written as acronyms; procedure acronyms ("THA 3/14",
# "PICC 10/21", "BMP 2/27") are followed by dates, so only these are values.
_ACRONYM_BEFORE = re.compile(
    # a scale's acronym with a hyphen or its item count: "STOP-BANG 7/8", "GDS-15 3/15", "MNA-SF 10/14"
    r"\b[A-Z]{2,6}-[A-Z0-9]{1,4}[ \t:]+$|"
    r"\b(?:CAS|PSV|PS|PEEP|MMT|GCS|NIHSS|CPAP|BiPAP|BIPAP|IPAP|EPAP|NRS|VAS|MRC|ECOG|KPS|PHQ-?\d*|GAD-?\d*"
    r"|CDAI|BASDAI|APACHE|SOFA|MELD|IOP|VA|BCVA|BIMS|MoCA|MOCA|MMSE|SLUMS|CAM|RASS|CPOT|FLACC|PEG|AUDIT-?C?"
    r"|NPRS|NPS|IADLs?|ADLs?|FIM|PPS|BPI|ODI|NDI|DASH|QuickDASH|KOOS|WOMAC|PSFS|LEFS|EPDS|PCL-?5?|AIMS|CIWA(?:-Ar)?|COWS|TUG|DGI|BBS|MMT"
    r"|POMA|MNA|GDS|ESS|STOP-?BANG|AHI|ODI)[ \t:]+$"
)
_FRACTIONS = frozenset({(1, 2), (1, 3), (1, 4), (2, 3), (3, 4), (1, 8), (3, 8)})
_PART_OF_DAY_AFTER = re.compile(r"[ \t]+(?:AM|PM|am|pm|a\.m\.|p\.m\.|morning|evening|night|afternoon)\b")
_PROCEDURE_ENDINGS = ("ectomy", "ostomy", "otomy", "plasty", "scopy", "graphy", "pexy", "desis", "rrhaphy")
_TIME_NOUNS = frozenset(
    "week weekend evening morning night afternoon beginning end middle day date dates".split()
)
_APGAR_CUES = frozenset("apgar apgars".split())
_STRONG_DATE_CUES = frozenset(
    "on dated date dos procedure surgery admitted discharged since until lmp edd edc cath "
    "delivered drawn collected obtained met started stopped injected forward start starts starting "
    "resume resumes resuming begin begins beginning "
    # care events: "removed 3/5", "extubated 3/4", "narrowed to ceftriaxone ... 3/4" is not one
    "removed placed inserted extubated intubated transferred discontinued restarted changed "
    "narrowed switched upsized downsized exchanged".split()
)
_AFTER_VALUE = re.compile(
    r"\s*(?:%|mm|cm|mg|mcg|ml|tab|tabs|tablet|cap|inch|strength|pain|of\b|scale|score|motor|"
    r"reflex|power|ns\b|normal|dilution|times|x\b|nodes?|lymph|positive|cores?|blocks?|slides?|fields?|hpf|lpf|"
    r"vision|sats?|units?|doses?|views?|fr\b|french|gauge|ga\b|wks?\b|weeks?\b|murmurs?|systolic|diastolic|holosystolic|sem\b|hsm\b|esm\b|ejection|harsh|blowing"
    r"|crescendo|decrescendo|mid-?systolic|pansystolic|vertebra|ribs?|teeth|fingers|toes|\+"
    r"|regional|total\b|stations?|bottles?|sets?\b|specimens?|sites?\b)",
    re.IGNORECASE,
)


def _valid_day(month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


_FULL_DATE_MONTH = re.compile(r"(?<![\w/.])(\d{1,2})/\d{1,2}/(?:\d{4}|\d{2})(?![\w/])|(?<![\w\-])(?:19|20)\d\d-(\d\d)-\d\d(?!\d)")
_MONTHS_CACHE: tuple[str, frozenset[int]] | None = None
_RANGE_TO_FULL_DATE = re.compile(r"[ \t]*(?:to|-|–|through|thru)[ \t]*\d{1,2}/\d{1,2}/\d{2,4}")
# A test or treatment named by capitals before the day: "CT 3/11", "BCx 1/8", "IV 1/10".
_TEST_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{1,5}x?[ \t]+\Z")


def _note_months(text: str) -> frozenset[int]:
    """The months of the note's dates written with a year, cached for the note being read
    (one (note, months) pair, replaced whole, so threads never mix notes)."""
    global _MONTHS_CACHE
    cached = _MONTHS_CACHE
    if cached is None or cached[0] is not text:
        months = {int(m.group(1) or m.group(2)) for m in _FULL_DATE_MONTH.finditer(text)}
        cached = (text, frozenset(v for v in months if 1 <= v <= 12))
        _MONTHS_CACHE = cached
    return cached[1]


def _yearless_is_value(text: str, match: SpanMatch, before: list[str]) -> bool:
    m, d = int(match.groups.get("m") or 0), int(match.groups.get("d") or 0)
    raw = text[match.start : match.end]
    if d and re.match(rf"[ \t]*(?:->|→)[ \t]*\d{{1,2}}/{d}(?!\d)", text[match.end : match.end + 16]):
        return True  # "Tinetti POMA: 9/28 -> 17/28": a score and its change, out of the same total
    if _RANGE_TO_FULL_DATE.match(text, match.end):
        return False  # "(3/12 to 4/23/2024)": the start of a dated range
    if _AFTER_VALUE.match(text, match.end) is None and not (before and before[-1] in _VALUE_CUES - {"ct", "day"}):
        if re.match(r"0\d/|\d{1,2}/0\d", raw) and not re.match(r"0/", raw):
            return False  # "d/c 04/05", "(03/04-03/06)": a zero-padded day is written as a date
        if m in _note_months(text) and (
            _TEST_ACRONYM_BEFORE.search(text, max(0, match.start - 16), match.start) or before[-1:] == ["day"]
        ) and not _ACRONYM_BEFORE.search(text, max(0, match.start - 16), match.start) and not (d == 5 and m < 5) and d != 10:
            return False  # "Post-op CT 3/11", "BCx 1/8" in a note dated in March or January
    strong = (
        bool(set(before[-1:]) & _STRONG_DATE_CUES)
        or before[-2:] == ["last", "dose"]
        or before[-2:] == ["forward", "from"]
        # "TSH 2.1 (last 3/4)": a previous result's date, closing its bracket or clause
        or before[-1:] == ["last"] and re.match(r"[ \t]*[).;,]", text[match.end : match.end + 2]) is not None
        # "Last injected 3/15", "last dose AM of 9/16": the last time something happened
        or "last" in before[-4:-1] and bool(set(before[-3:]) & {"injected", "used", "dose", "drink", "seen", "of", "on"})
        # "the evening of 9/3", "week of 12/16": a time of day or a week, then the date
        or before[-1:] == ["of"] and bool(set(before[-2:-1]) & _TIME_NOUNS)
        # "proceed 3/3 AM": a part of the day after it
        or _PART_OF_DAY_AFTER.match(text, match.end) is not None and not (before and before[-1] in _VALUE_CUES)
        # "s/p percutaneous cholecystostomy 2/5", "PPD #2 5/10": a procedure or a day count before it
        or bool(before)
        and (
            before[-1].endswith(_PROCEDURE_ENDINGS)
            or before[-1] in {"ppd", "pod", "hd"}
            or before[-1] == "#" and before[-2:-1] in (["ppd"], ["pod"], ["hd"])
        )
        and not _AFTER_VALUE.match(text, match.end)
    )
    if strong and not _AFTER_VALUE.match(text, match.end):
        return False  # "LMP 6/10", "Cath 9/10", "last dose 12/18", "delivered 9/9"
    if (
        m == d
        and not _AFTER_VALUE.match(text, match.end)
        and not _ACRONYM_BEFORE.search(text, max(0, match.start - 16), match.start)
        and _chronology_in_line(text, match, m)
    ):
        return False  # "dark urine 9/8; jaundice 9/9. Presented 9/10/2024": a run of dates
    counted = re.search(r"(?i)\bx\d+[ \t]+$", text[max(0, match.start - 8) : match.start]) is not None
    if m == d and m <= 8 or (before and before[-1] in _VALUE_CUES and not counted):
        return True  # 5/5 strength, 2/2 bottles, Allred 8/8, pain 7/10; "Blood cx x2 4/15": a count, then its date
    if _ACRONYM_BEFORE.search(text, max(0, match.start - 16), match.start):
        return True  # "CAS 3/7", "PSV 8/5", "MMT 4/5": a scale or a setting named by its acronym
    if not strong and ((m, d) in _FRACTIONS or (d == 5 and m < 5)):
        return True  # "1/2 ppd", "1/2 bottles", hip abduction 4/5: halves and strength grades
    if not strong and set(before[-4:]) & _APGAR_CUES:
        return True  # "Apgar at 1 and 5 minutes (e.g. 8/9)"
    if d == 10 and m <= 10 and not (set(before[-1:]) & _STRONG_DATE_CUES):
        return True  # "improved from 6/10", "rated 8/10": scores out of ten, not June 10
    return bool(_AFTER_VALUE.match(text, match.end))


_DATE_COLUMN = re.compile(r"(?i)\b(?:dates?|last|dos|taken|given|fill(?:ed)?|seen|due|next|started|stopped|onset)\b")


def _chronology_in_line(text: str, match: SpanMatch, month: int) -> bool:
    """Another date of the same month on the line, one not of the n/n shape itself."""
    line_start = text.rfind("\n", 0, match.start) + 1
    line_end = text.find("\n", match.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    for other in _SIBLING_DATE.finditer(line):
        if line_start + other.start() == match.start:
            continue
        m, d = int(other.group("m")), int(other.group("d"))
        if m == month and m != d and 1 <= d <= 31:
            return True
    return False


_SIBLING_DATE = re.compile(r"(?<![\w/.:])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/(?P<y>\d{2}(?:\d{2})?))?(?![\w/]|\.\d)")


# "LOT HUGB1845, exp 2026-10-31", "Use by: 2029-02-28" on an implant sticker.
_EXPIRY_LABEL = re.compile(r"(?i)\b(?:exp(?:iration|iry|ires)?(?:[ \t]+date)?|use[ \t\-]+by)[ \t]*[.:#]?[ \t]*$")
_DEVICE_CONTEXT = re.compile(
    r"\b(?:REF|LOT|Lot|lot|SN|S/N|Serial|SERIAL|UDI|Cat(?:alog)?|CAT|[Ii]mplant|IMPLANT"
    r"|[Pp]ens?|[Kk]its?|[Vv]ials?|[Ss]yringes?|[Cc]artridges?|[Aa]uto-?injectors?|EpiPen|[Ii]nhalers?)\b"
)
_EXPIRY_HEADER = re.compile(r"(?i)^(?:exp(?:iration|iry)?(?:[ \t]+date)?|use[ \t]+by)\.?$")


def _device_expiry(text: str, start: int) -> bool:
    """Whether the date at `start` is a device's expiry: after an "exp"/"use by" label on a
    line (or just after a line) naming a REF, LOT, serial or implant, or in the "Exp" column
    of a pipe-separated implant table."""
    line_start = text.rfind("\n", 0, start) + 1
    if _EXPIRY_LABEL.search(text, max(line_start, start - 24), start):
        context = text[max(0, line_start - 200) : start]
        return _DEVICE_CONTEXT.search(context) is not None
    before = text[line_start:start]
    if "|" not in before:
        return _aligned_expiry_column(text, line_start, start)
    # the cell's header: the nearest digit-free line above, in the same block of pipe rows
    header = table_column_header(text, start)
    return header is not None and _EXPIRY_HEADER.match(header) is not None


_EXPIRY_WORD = re.compile(r"(?i)\bexp(?:ires|iry|iration|\.)?(?:[ \t]+date)?\b")


def _aligned_expiry_column(text: str, line_start: int, start: int) -> bool:
    """Whether the date sits under an "Expires" heading of a space-aligned table (blood
    units, implant logs): in a row of wide-gapped cells, below a heading line of the same
    block whose "Expires" starts within a few columns of the date, or where both the date
    and the heading close their lines (tables whose heading is wider than their rows)."""
    column = start - line_start
    line_end = text.find("\n", start)
    rest = text[start : line_end if line_end >= 0 else len(text)]
    last_cell = re.fullmatch(r"\S+(?:[ \t]\S+){0,2}[ \t]*", rest) is not None
    row = text[line_start : line_end if line_end >= 0 else len(text)]
    if len(re.findall(r"\S[ \t]{2,}\S", row)) < 2:
        return False  # not a row of a space-aligned table
    pos = line_start - 1
    for _ in range(12):
        if pos <= 0:
            return False
        header_start = text.rfind("\n", 0, pos) + 1
        header = text[header_start:pos]
        if len(re.findall(r"\S[ \t]{2,}\S", header)) < 2:
            return False  # a blank or ordinary line ends the table without a heading
        for m in _EXPIRY_WORD.finditer(header):
            if abs(m.start() - column) <= 6 or last_cell and not header[m.end() :].strip():
                return True
        pos = header_start - 1
    return False


def _month_number(name: str) -> int:
    return _MONTH_NAMES.get(name.lower().rstrip(".")[:3], 0)


# "Failed VFSS x2 (03/24 and 03/31/2025)": yearless days listed with a full date share its year.
_MD = r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
_LISTED_BEFORE_FULL = re.compile(
    rf"(?<![\d/.\-])(?P<phi>{_MD})(?![\d/])"
    rf"(?=(?:[ \t]*,[ \t]*{_MD}(?![\d/]))*[ \t]*(?:,|and|&|or|to|through|thru|-|–)[ \t]*(?:and[ \t]+)?{_MD}/(?:19|20)?\d\d(?!\d))"
)


class ClinicalDateRecognizer(SpanPatternRecognizer):
    """Dates more specific than a year (entity type DATE)."""

    ENTITIES = ("DATE",)
    PATTERNS = (
        SpanPattern("date m/d/y (strong)", _NUMERIC, 0.9),
        SpanPattern("date ISO (strong)", _ISO, 0.95),
        SpanPattern("date Month d, y (strong)", _MONTH_DAY_YEAR, 0.95),
        SpanPattern("date d Month y", _DAY_MONTH_YEAR, 0.85),
        SpanPattern("date Month d", _MONTH_DAY, 0.7),
        SpanPattern("date month d, lower case", _MONTH_DAY_LOWER, 0.75),
        SpanPattern("date may/march d after a preposition", _VERB_MONTH_DAY, 0.7, gate=re.compile(r"(?:may|march) \d")),
        SpanPattern("date Month y", _MONTH_YEAR, 0.8),
        SpanPattern("date m/yyyy", _NUM_MONTH_YEAR, 0.6),
        SpanPattern("date yyyy-mm", _ISO_MONTH, 0.7, gate=re.compile(r"(?:19|20)\d\d-[01]\d")),
        SpanPattern("date m/d (weak)", _NUM_MONTH_DAY, 0.3),
        SpanPattern("date m/d listed before a full date", _LISTED_BEFORE_FULL, 0.75, gate=re.compile(r"\d/\d{1,2}/(?:19|20)?\d\d")),
        SpanPattern("date ordinal day (weak)", _ORDINAL_DAY, 0.6),
        SpanPattern("date season year", _SEASON_YEAR, 0.6, gate=re.compile(r"(?i)(?:spring|summer|fall|autumn|winter|early|mid|late)[- ](?:19|20)")),
        SpanPattern("date month alone after cue", _MONTH_ALONE, 0.6),
        SpanPattern("date weekday with short date", _WEEKDAY_SHORT, 0.85),
        SpanPattern("date m/d with time", _NUM_MONTH_DAY_TIME, 0.8),
        SpanPattern("date holiday", _HOLIDAY, 0.7, gate=re.compile(r"(?i)christmas|thanksgiving|easter|new year|independence|memorial|labor|labour|veterans|halloween|hanukkah|passover|ramadan|eid|diwali|super bowl|valentine|mother's|father's|4th of july|fourth of july|juneteenth|mlk|martin luther|presidents|columbus")),
        SpanPattern("date holiday, lower case", _HOLIDAY_LOWER, 0.6, gate=re.compile(r"christmas|thanksgiving|easter|new year|july|halloween|valentine")),
        SpanPattern("date weekday after time word", _WEEKDAY_ALONE, 0.6),
        SpanPattern("date in Spanish", _SPANISH, 0.8, gate=re.compile(r"(?i) de ")),
        SpanPattern("date weekday with part of day or time", _WEEKDAY_PART, 0.7),
        SpanPattern("date weekday alone", _WEEKDAY_BARE, 0.5),
        SpanPattern("date month range and year", _MONTH_RANGE_YEAR, 0.85, gate=re.compile(r"[a-zA-Z][ \t]*[-–][ \t]*[A-Z]")),
        SpanPattern("date d month y, lower case", _LOWER_DAY_MONTH_YEAR, 0.8, gate=re.compile(r"\d(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")),
        SpanPattern("date month year, lower case", _LOWER_MONTH_YEAR, 0.75, gate=re.compile(r"(?:uary|march|april|may|june|july|ugust|ember|tober) \d")),
        SpanPattern("date in Spanish with weekday", _SPANISH_WEEKDAY, 0.85, gate=re.compile(r"(?i)lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo")),
        SpanPattern("date dd-mes-yyyy in Spanish", _SPANISH_DASHED, 0.9, gate=re.compile(r"(?i)-(?:ene|abr|ago|dic)")),
        SpanPattern("date MON-dd-yyyy", _MON_DAY_YEAR_DASHED, 0.9, gate=re.compile(r"[A-Za-z]-\d")),
        SpanPattern("date yyyymmdd", _COMPACT, 0.6, gate=re.compile(r"(?:19|20)\d{6}")),
    )

    def confirm(self, text: str, match: SpanMatch, pattern: SpanPattern) -> SpanMatch | None:
        groups = match.groups
        if pattern.regex is _WEEKDAY_SHORT and groups.get("d2"):
            m, d = int(groups["m"] or 0), int(groups["d2"])
            return match if _valid_day(m, d) else None
        month = groups.get("m")
        mon = groups.get("mon")
        day = groups.get("d")
        month_n = int(month) if month else (_month_number(mon) if mon else 0)
        if month is not None and int(month) == 0:
            return None  # "0/3" nodes
        if day is not None:
            d = int(day)
            if month_n:
                if not _valid_day(month_n, d):
                    # 14/03/2024: accept day-first when it is the only valid reading (with a
                    # year: "24/7" alone is round the clock)
                    if not (month and groups.get("y") and _valid_day(d, month_n)):
                        return None
            elif not 1 <= d <= 31:
                return None
        elif month_n and not 1 <= month_n <= 12:
            return None
        year = groups.get("y")
        if year and len(year) == 4 and not 1880 <= int(year) <= 2100:
            return None
        if pattern.regex is _NUM_MONTH_YEAR and re.search(r"(?i)\b(?:rev|revision|version|ver|edition|ed)\.?[ \t]*$", text[max(0, match.start - 12) : match.start]):
            return None  # "Form CH-1002 (Rev. 03/2022)": the form's revision, not the patient's date
        if pattern.regex is _NUM_MONTH_YEAR and month == "1" and text[max(0, match.start - 2) : match.start].strip()[-1:] in {"~", "≈", "<", ">"}:
            return None  # "endophthalmitis ~1/2000": a risk, one in two thousand
        if _device_expiry(text, match.start):
            return None  # an implant's use-by date: the device's, not the patient's
        before = preceding_words(text, match.start, 25)
        if pattern.regex is _NUM_MONTH_DAY:
            return self._confirm_yearless(text, match, before)
        if pattern.regex is _NUM_MONTH_DAY_TIME and before[-2:] != ["last", "dose"] and (
            before and before[-1] in _VALUE_CUES
            or month == day and int(month) <= 8
            and not (before and (before[-1].endswith("ed") or before[-1] in _DATE_CUES or before[-1] in {"rn", "md", "dr"}))
        ):
            return None  # "pain 7/10 at 10:00", "5/5 10:00"
        if pattern.regex is _NUMERIC and groups.get("sep") in {".", "-"} and year and len(year) == 2:
            # 1.5.10 or 3-4-12 is too often a version, a ratio or a dose schedule
            if not (set(before[-3:]) & _DATE_CUES):
                return None
        if pattern.regex is _DAY_MONTH_YEAR and not year:
            if not (set(before[-2:]) & _DATE_CUES) and "the" not in text[match.start : match.end].lower():
                return match.retyped(score=0.6)
        return match

    def _confirm_yearless(self, text: str, match: SpanMatch, before: list[str]) -> SpanMatch | None:
        """A yearless m/d ("LMP 2/28", "follow-up 3/29") is a date unless it reads as a
        clinical value: a value cue before it, a unit or scale after it, or n/n."""
        header = table_column_header(text, match.start)
        if header is not None and _DATE_COLUMN.search(header) and not _AFTER_VALUE.match(text, match.end):
            return match.retyped(score=0.75)  # "| Last dose (per son) | ... | 2/3 AM |"
        if _yearless_is_value(text, match, before):
            return None
        cued = bool(set(before[-3:]) & _DATE_CUES)
        return match.retyped(score=0.75 if cued else 0.55)
