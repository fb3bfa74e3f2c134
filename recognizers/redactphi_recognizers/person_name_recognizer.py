"""Names of patients, relatives and other persons, from field labels and forms of address."""

from __future__ import annotations

import re

from .name_patterns import (
    FULL_NAME,
    HONORIFICS,
    LAST_FIRST,
    LOWER_LETTERS,
    NAME_WORD,
    SURNAME,
    TITLE_NAME,
    TITLES,
    UPPER_LETTERS,
)
from .name_priors import NamePriors
from .span_pattern import SpanMatch, SpanPattern, SpanPatternRecognizer

__all__ = ["PersonNameRecognizer"]

_PERSON_LABEL = (
    r"(?:PATIENT(?:'S)?(?:\s+(?:FULL\s+|LEGAL\s+)?NAME)?|(?:CHILD|PATIENT|MEMBER|CLIENT|CONSUMER|RESIDENT|PARTICIPANT|INFANT|MOTHER|FATHER|GUARDIAN|SPOUSE|PARENT)(?:'?S)?\s+(?:LEGAL\s+|FULL\s+)?NAME|LEGAL\s+NAME|PT(?:\.|\s+NAME)?|NAME|IN\s+RE|IN\s+THE\s+MATTER\s+OF|RE|SUBJECT|MOTHER|FATHER|GUARDIAN"
    r"|PARENT|SPOUSE|EMERGENCY\s+CONTACT|NEXT\s+OF\s+KIN|NOK|CONTACT|INFORMANT|HEALTH\s+CARE\s+PROXY"
    r"|HCP|POA|POWER\s+OF\s+ATTORNEY|CAREGIVER|INSURED|SUBSCRIBER|GUARANTOR|DONOR|VETERAN|PACIENTE"
    r"|BENEFICIARY|MEMBER(?:\s+NAME)?|CLIENT|CONSUMER|RESIDENT|DECEDENT|DECEASED|INFANT|NEWBORN|BABY|CHILD"
    r"|CLAIMANT|EMPLOYEE|STUDENT|NOMBRE|PARTICIPANT|PREFERRED(?:\s+NAME)?|NICKNAME|GOES\s+BY|AKA|A\.K\.A\."
    r"|RECIPIENT|(?:CREW\s+)?FOREMAN|SUPERVISOR|ADJUSTER|CASE\s*WORKER|ATTORNEY|ADMISSIONS|LIAISON|DETECTIVE)"
)
# An upper-case word before an upper-case LAST, FIRST: "TWO BULLS, HARLAN J", "RAMÍREZ DE LA
# TORRE, ANA LUCÍA" (two-word and compound surnames in a labelled field).
_UPPER_WORD = r"[A-ZÀ-ÖØ-Þ]{2,}(?=[ \t]+[A-ZÀ-ÖØ-Þ]{2,}[ \t]*,|[ \t]+(?:DE|DEL|LA|DA|VAN|VON)[ \t])"
# The first of two title-case surnames before a comma: "Rivera Ortiz, María del Carmen".
_U, _L = UPPER_LETTERS, LOWER_LETTERS
_TITLE_SURNAME_FIRST = rf"[{_U}][{_L}]+(?=[ \t]+[{_U}][{_L}]+,[ \t]*[{_U}])"
# At a line start, or mid-line after a gap or a pipe ("Accession #: S24-4417    Patient: ...");
# a bracketed hint may follow the label ("Name (Last, First MI): BEGAY, LORETTA J").
_LABELLED = re.compile(
    rf"(?im)(?:^[ \t]*|(?<=[ \t]{{2}})|(?<=\|)[ \t]?){_PERSON_LABEL}(?:[ \t]*/[ \t]*{_PERSON_LABEL})?"
    rf"(?:[ \t]*\([^)\n]{{0,30}}\))?[ \t]*(?::|\.{{2,}}:?)[ \t]*[\"“]?"
    rf"(?-i:(?P<phi>(?:{_UPPER_WORD}[ \t]+|{_TITLE_SURNAME_FIRST}[ \t]+)?{LAST_FIRST}(?:[ \t]+(?:del|de|la)[ \t]+{NAME_WORD})?"
    rf"|{FULL_NAME}|{NAME_WORD}))"
)
# A report header laid out in columns, the label and its value parted by spaces only:
# "PATIENT          Haugland, Gunnar E            REPORT ID  ...".
_LABELLED_SPACED = re.compile(
    rf"(?im)^[ \t]*{_PERSON_LABEL}(?:[ \t]{{3,}}|[ \t]*\|[ \t]*)(?-i:(?P<phi>(?:{_TITLE_SURNAME_FIRST}[ \t]+)?{LAST_FIRST}"
    rf"(?:[ \t]+(?:de|del|la|las|los|y)(?:[ \t]+(?:la|las|los))?[ \t]+{NAME_WORD})?|{FULL_NAME}))(?=[ \t]{{2,}}|[ \t]*$|[ \t]*\|)"
)
_PARTICLE_WORDS = frozenset("del della las los van von der den".split())
_COLUMN_WORD = re.compile(r"[A-Za-z][a-z'’\-]{2,}")
# Lower-case dictation: "patient: szymanski, agnieszka   mrn ...".
_LABELLED_LOWER = re.compile(
    rf"(?im)^[ \t]*{_PERSON_LABEL}[ \t]*:[ \t]*(?-i:(?P<phi>[a-z][a-z'’\-]+(?:,?[ \t]+[a-z][a-z'’\-]+){{1,2}}(?:[ \t]+[a-z]\b\.?)?))"
    r"(?=[ \t]{2,}|[ \t]*$|[ \t]*[;(])"
)
# An upper-case honorific takes an upper-case name ("MR GARCIA"): "MS Contin" is morphine.
_HONORIFIC = re.compile(rf"\b(?!(?:MS|MR|MRS)[ \t]+[A-Z][a-z])(?P<phi>{HONORIFICS}[ \t]+{TITLE_NAME})")
_RELATIVE = re.compile(
    r"(?i:\b(?:his|her|their|the\s+patient'?s|pt'?s|patient'?s|maternal|paternal)\s+"
    r"(?:wife|husband|spouse|partner|son|daughter|mother|father|mom|dad|sister|brother|"
    r"niece|nephew|aunt|uncle|grandson|granddaughter|grandmother|grandfather|friend|"
    r"fianc[eé]e?|boyfriend|girlfriend|caregiver|neighbor|roommate|guardian|stepson|stepdaughter|"
    r"son-in-law|daughter-in-law|cousin))"
    rf",?[ \t]+(?P<phi>{FULL_NAME}|{NAME_WORD})"
)
# Family history lists: "Sister, Paloma Fernandez-Ruiz, has ulcerative colitis."
_RELATIVE_FIELD = re.compile(
    r"\b(?:Sister|Brother|Mother|Father|Wife|Husband|Spouse|Son|Daughter|Partner|Grandmother|Grandfather"
    r"|Granddaughter|Grandson|Niece|Nephew|Aunt|Uncle|Cousin|Friend|Neighbor|Neighbour|Caregiver|Fianc[eé]e?)"
    rf"[ \t]*[,:][ \t]*(?P<phi>{FULL_NAME})"
)
# A relation word opening a list item, then a full name: "home 555-0126; daughter Corinne
# Walker-Field 555-0127", "(son Tomas Reyes)". Two name words are required without the
# possessive.
_RELATIVE_ITEM = re.compile(
    r"(?:^|(?<=[;(])|(?<=[;(][ \t])|(?<=\band[ \t]))(?:[Ww]ife|[Hh]usband|[Ss]pouse|[Pp]artner|[Ss]on|[Dd]aughter"
    r"|[Mm]other|[Ff]ather|[Ss]ister|[Bb]rother|[Nn]iece|[Nn]ephew|[Aa]unt|[Uu]ncle|[Gg]randson"
    r"|[Gg]randdaughter|[Gg]uardian|[Cc]aregiver|[Nn]eighbou?r|[Ff]riend)"
    rf",?[ \t]+(?P<phi>{FULL_NAME})",
    re.MULTILINE,
)
# A relation word and one given name, bracketed or quoted or closing its clause: "Mother
# (Rosa) reached by phone", "Wife Min-ji at bedside", "mother-in-law Folake helping",
# "grandmother (Doña Ofelia)". The word must be a known or a rare one (checked in confirm).
_RELATIVE_GIVEN = re.compile(
    r"\b(?:[Ww]ife|[Hh]usband|[Ss]pouse|[Pp]artner|[Ss]on|[Dd]aughter|[Mm]other|[Ff]ather|[Mm]om|[Dd]ad"
    r"|[Ss]ister|[Bb]rother|[Nn]iece|[Nn]ephew|[Aa]unt|[Uu]ncle|[Gg]randson|[Gg]randdaughter"
    r"|[Gg]randmother|[Gg]randfather|[Gg]uardian|[Cc]aregiver|[Ff]ianc[eé]e?|[Bb]oyfriend|[Gg]irlfriend"
    r"|(?:[Mm]other|[Ff]ather|[Ss]on|[Dd]aughter|[Bb]rother|[Ss]ister)-in-law|[Ss]tep(?:son|daughter|mother|father)"
    r"|esposo|esposa|hijo|hija|madre|padre)"
    r"[ \t]*,?[ \t]*[(\"“]?[ \t]*"
    r"(?P<phi>(?:(?:Do[nñ]a|Don|Se[nñ]ora|Se[nñ]or|Sra?\.|Auntie|Nana|T[ií]a|T[ií]o)[ \t]+)?"
    rf"[{_U}][{_L}]+(?:-[A-Za-z][a-z]+)?(?:[ \t]+[{_U}][{_L}]+(?:-[A-Z][a-z]+)?){{0,2}}(?:[ \t]+(?:Jr|Sr|II|III)\.?)?)"
    r"(?=[)\"”]|[ \t]*[,;:.]|[ \t]+\(?\d{3}|[ \t]+(?:at|is|was|reached|helping|present|called|who|and|will|to|has|had|"
    r"can|may|lives|visits|visited|brought|drove|stays|plans)\b)"
)
# Two people sharing a surname after a plural relation word: "parents Anders and Claire
# Petersen", "Foster parents: Glenn and Patrice Ashworth" (the first given name is checked).
_COUPLE = re.compile(
    r"\b(?:[Pp]arents|PARENTS|[Gg]randparents|[Gg]uardians|[Cc]aregivers|[Ff]oster[ \t]+(?:parents|family)"
    r"|[Ss]ons|[Dd]aughters|[Cc]hildren|[Kk]ids|[Ss]iblings|[Bb]rothers|[Ss]isters)[ \t]*[:,(]?[ \t]*"
    rf"(?P<phi>(?P<given>[{_U}][{_L}]+(?:-[A-Z][a-z]+)?)[ \t]+(?:and|&)[ \t]+{FULL_NAME})"
)
# A specimen container's label: 'Received in formalin labeled "Field, Margaret"'.
_LABELED_CONTAINER = re.compile(
    rf"\b(?:labell?ed|LABELL?ED|labell?ed[ \t]+with)[ \t]*[:\-]?[ \t]*[\"“'](?P<phi>{LAST_FIRST}|{FULL_NAME})[\"”']"
)
# "COOK, ELLEN R presented": an upper-case surname, a comma and an upper-case given name that
# the Census lists as a first name (checked in confirm; "CBC, BMP" is no name).
# Also "McCOY, DALTON", "NGUYỄN, BẢO NGỌC" (a second given name closing its field) and, in
# sign-out lists, a title-case given name: "PEREIRA, Joaquim | Rm 1142-B".
_CAPS_LAST_FIRST = re.compile(
    rf"(?<![\w'’\-,])(?P<phi>(?P<last>(?:Mc|Mac)?[{_U}][{_U}'’\-]{{1,}})[ \t]*,[ \t]*(?P<first>[{_U}]{{2,}}|[A-Z][a-z]{{2,}})"
    rf"(?:[ \t][A-Z]\b\.?|[ \t][{_U}]{{2,}}(?=[ \t]*(?:$|[|;(]|[ \t]{{2}})))?)"
    r"(?![\w'’\-])(?![ \t]*,[ \t]*[A-Z]{2,}[ \t]*,)",
    re.MULTILINE,
)
# Children listed with their ages: "two children, Oliver (9) and June (6)".
_CHILD_WITH_AGE = re.compile(
    r"(?<![\w'’\-])(?P<phi>[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)[ \t]+\((?:age[ \t]+|she'?s[ \t]+|he'?s[ \t]+)?\d{1,2}"
    r"(?:[ \t]*(?:y|yo|yrs?))?(?:\)|[ \t]+and\b)"
)
_CHILDREN_CUE = re.compile(
    r"(?i)\b(?:children|kids|sons|daughters|siblings|grandchildren|twins|child|youngest|oldest|baby|brother|sister"
    r"|son|daughter|nephew|niece|cousin|grandson|granddaughter)\b"
)
# A quoted nickname between two name words is a person: 'Wojciech "Walt" Kaminski'.
_NICKNAME = re.compile(
    rf"(?<![\w'’\-])(?P<phi>{NAME_WORD}[ \t]+(?:[\"“](?:[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?|(?:[A-Z]\.){{1,3}})[\"”]"
    # or a given name in its own language in brackets: "Walter (Wojciech) Nowak"
    rf"|\({NAME_WORD}\))[ \t]+{NAME_WORD})(?![\w'’\-])"
)
# Three dotted initials stand for a person ("listed as J.A.B."); a few are abbreviations.
_DOTTED_INITIALS = re.compile(r"(?<![\w.])(?P<phi>[A-Z]\.[A-Z]\.[A-Z]\.)(?![\w])")
_DOTTED_NOT_NAMES = frozenset({"U.S.A.", "P.O.B.", "N.P.O.", "A.S.A.", "R.I.P.", "C.B.C.", "E.K.G.", "B.M.P."})
# Clergy, police and other titled non-staff persons: "Officer Dana Kowalczyk", "Sgt. Miles
# Brennan", "Rev. Theodora Banks". Words that are also nouns ("Father", "Bishop") need a
# full name after them.
_TITLED = re.compile(
    rf"\b(?P<phi>(?:(?-i:PVT|PFC|SPC|CPL|SGT|SSG|SFC|MSG|1SG|SGM|2LT|1LT|MAJ|LTC|COL|LCDR|CDR|CAPT|ENS|LTJG|HM[1-3C])"
    rf"|SSgt|TSgt|MSgt|SMSgt|CMSgt|SrA|A1C|Amn|LCpl|Cpl\.?|Pvt\.?|Spc\.?|Maj\.|Col\.|Cmdr\.|CPT|Airman|Seaman|Corporal"
    rf"|Officer|Sgt\.?|Sergeant|Deputy|Detective|Det\.|Trooper|Lt\.|Lieutenant|Capt\.|Captain"
    rf"|Rev\.?|Reverend|Pastor|Rabbi|Imam|Sheikh|Shaykh|Monsignor|Msgr\.|Minister|Judge|Coach|Atty\.?|Attorney|Chaplain|Kahu|Hon\.|Honorable|Magistrate|Bro\.|Sis\.|(?<![\-/])LTJG|(?<![\-/])LT(?=[ ][A-Z][a-z]))[ \t]+"
    rf"(?!(?:Rev|Reverend|Father|Fr|Sister|Pastor|Rabbi|Imam|Dr)\b){TITLE_NAME}"
    rf"|(?<!\d[ \t])(?<!\d)(?:Father|Fr\.|Sister|Brother|Bishop|Deacon|Elder)[ \t]+{FULL_NAME}"
    # "Father Lavoie will give the Anointing": a surname alone with a verb after it
    rf"|(?<!\d[ \t])(?<!\d)(?<![Hh]is[ \t])(?<![Hh]er[ \t])(?:Father|Fr\.)[ \t]+[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?(?=[ \t]+(?:will|is|was|visited|came|gave|gives|to|from|at|has|had)\b|[ \t]*[,;.)]))"
)
# A police title in a capitals printout before a first and last name: "MPD DETECTIVE SHAUNA
# PIERCE GIVEN ONLY..." (the first word must be a census first name, checked in confirm).
_CAPS_TITLED = re.compile(
    r"\b(?:OFFICER|DETECTIVE|SERGEANT|DEPUTY|TROOPER|SGT\.?|DET\.?|CPL\.?)[ \t]+(?P<phi>(?P<given>[A-Z][A-Z'’\-]+)[ \t]+[A-Z][A-Z'’\-]+)(?![A-Za-z])"
)
# A Navy or Coast Guard rating with its class before a full name: "roommate YN3 Kaitlyn Gray".
_RATING = re.compile(
    rf"(?<![\w/\-])(?P<phi>(?-i:[A-Z]{{2,3}}[1-3C]|[A-Z]{{2}}CS|[A-Z]{{2}}CM|PO|Ofc\.?|OFC\.?|CO|Cpl\.|Tpr\.?)[ \t]+(?P<given>{NAME_WORD})[ \t]+{SURNAME})"
)
# "Ofc. Rucker": a police title before a surname alone.
_OFFICER_ALONE = re.compile(rf"(?<![\w/\-])(?P<phi>(?:Ofc\.|OFC\.|Tpr\.)[ \t]+{SURNAME})(?![\w'’\-])")
# HL7-style names with carets: "KOWALCZYK^DENISE^R", "Halvorsen^Ingrid^L".
_HL7_NAME = re.compile(
    r"(?<![\w^])(?P<phi>[A-Z][A-Za-z'’\-]+\^[A-Z][A-Za-z'’\-]+(?:\^[A-Za-z'’\-.]*){0,3})(?![\w^])"
)
# Newborns before they are named: "BABY BOY TSOSIE", "Baby Girl A Ruiz", "Tsosie, Boy A",
# "Bebé Niña Rivera".
_NEWBORN = re.compile(
    rf"(?<![\w'’])(?P<phi>(?:BABY|Baby|Bebé|Bebe|BEBÉ)[ \t]+(?:BOY|GIRL|Boy|Girl|Niña|Niño|NIÑA|NIÑO)(?:[ \t]+[A-C]\b)?[ \t]+{SURNAME}"
    rf"|{SURNAME},[ \t]*(?:Boy|Girl|BOY|GIRL|Baby[ \t]+(?:Boy|Girl))(?:[ \t]+[A-C]\b)?)"
)
# A quoted nickname after a labelled full name: 'Name: Talalelei Faleafa   ("Lei")'.
_NICKNAME_AFTER = re.compile(
    rf"(?<![\w'’])(?:{FULL_NAME}|{LAST_FIRST}|(?:{HONORIFICS}|{TITLES})[ \t]+{SURNAME})[ \t]+\(?(?:(?:prefers|goes[ \t]+by|called|known[ \t]+as|nickname:?|aka|a\.k\.a\.)[ \t]+)?[\"“](?P<phi>[A-Z][a-z]+|[A-Z]{{2,3}})[\"”]\)?"
)
# A lower-case self-introduction in a portal message: "hey this is niecy barnwell. had my baby".
_LOWER_SELF_INTRO = re.compile(
    r"\b(?:this[ \t]+is|my[ \t]+name[ \t]+is|it'?s|its)[ \t]+(?P<phi>(?P<first>[a-z][a-z'’\-]{1,15})[ \t]+(?P<last>[a-z][a-z'’\-]{2,20}))"
    r"(?=[ \t]*[.,!;]|[ \t]+(?:and|here|from|calling|again)\b)"
)
# A name in its own script beside the romanised one: "CHOI SOONJA / 최순자", "Chen Jianhua
# 陈建华", "AKTER, NASRIN  /  নাসরিন আক্তার", "(पासाङ डोल्मा शेर्पा)". Up to four words of a non-Latin
# letter script in an English note.
_SCRIPT = (
    "\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff"
    "\u1200-\u137f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
)
_NATIVE_SCRIPT_NAME = re.compile(
    rf"(?<![{_SCRIPT}])(?P<phi>[{_SCRIPT}]+(?:[ \t][{_SCRIPT}]+){{0,3}})(?![{_SCRIPT}，。！？、：；])"
)
_NATIVE_NEAR = re.compile(r"(?:[A-Z][A-Za-z'’\-]*\.?[\"”]?[ \t]*(?:/|\(|,|;)?|\(|:|[/|\-–])[ \t]*\Z")
# "registered as NGUYEN, HOA THI", "chart lists LONG DO", "legal name KANG JI YOUNG".
_UNQUOTED_ALIAS = re.compile(
    r"\b(?:registered(?:[ \t]+also)?[ \t]+as|listed[ \t]+as|chart[ \t]+lists|legal[ \t]+name(?:[ \t]+is)?|"
    r"also[ \t]+registered[ \t]+as)[ \t]*:?[ \t]*"
    r"(?P<phi>[A-Z][A-Z'’\-]+(?:,?[ \t]+[A-Z][A-Z'’\-]*\.?){1,3})(?![\w'’\-])"
)
# A person known only by a quoted name: 'sponsor named "Big Mike"', 'a friend called "Chuy"'.
_QUOTED_PERSON = re.compile(
    r"\b(?i:sponsor|friend|boyfriend|girlfriend|partner|cousin|roommate|neighbou?r|dealer|uncle|aunt|man|woman|guy|someone)"
    r"[ \t]+(?i:named|called|nicknamed|known[ \t]+as|who[ \t]+goes[ \t]+by)[ \t]+[\"“]"
    r"(?P<phi>[A-Z][A-Za-z'’\-]{1,14}(?:[ \t][A-Z][A-Za-z'’\-]{1,14})?)[\"”]"
)
# "RE: URGENT referral - Medeiros, Joaquim P.  DOB 04/25/1979": LAST, FIRST before a DOB.
_LAST_FIRST_DOB = re.compile(
    rf"(?P<phi>{LAST_FIRST}\.?)(?=[ \t]{{2,}}[A-Z]{{1,4}}-?\d{{5,}}[ \t]{{2,}}\d{{1,2}}/\d{{1,2}}/\d{{4}}|[ \t,;(|]*(?:\(?[\"“][^\"”\n]{{1,20}}[\"”]\)?[ \t,;|]*)?(?:DOB|D\.O\.B\.|MRN|Age|age|born|Acct|ACCT|FIN|CSN)\b)"
)
# Lower-case dictation: "she and her husband piotr szymanski wished to proceed".
_RELATIVE_LOWER = re.compile(
    r"\b(?:his|her|their|the[ \t]+patient'?s)[ \t]+(?:wife|husband|spouse|partner|son|daughter|mother|father"
    r"|sister|brother|granddaughter|grandson|niece|nephew|friend|caregiver),?[ \t]+"
    r"(?P<phi>[a-z][a-z'’\-]+(?:[ \t]+[a-z][a-z'’\-]+)?)"
)
# A lower-case honorific with its dot before a lower-case surname, in any line: speech
# recognition writes "the patient, mrs. wood, is a 58-year-old" between capitalised words.
_HONORIFIC_LOWER = re.compile(
    r"(?<![\w.])(?<!\d[ \t])(?P<phi>(?:mr|mrs|ms|miss)\.[ \t]+(?!(?:and|or|the|a|an|is|was|in|on|at|to|of|with|for)\b)"
    r"[a-z][a-z'’\-]+)(?=[ \t]*[,;.]|[ \t]+(?:is|was|has|had|who|and|presents|returns|states|reports|says|will|to|asked"
    r"|called|said|wants|requested|agreed|came|brought|stated|noted|drove|would|can|should|declined|prefers)\b)"
)
# A lower-case first and last name before a role in apposition: "a note to linda price, the
# claims adjuster". The first word must be a Census first name (checked in confirm).
_LOWER_APPOSITION = re.compile(
    r"(?<![\w'’\-])(?P<phi>(?P<given>[a-z][a-z'’]+)[ \t]+[a-z][a-z'’\-]+),[ \t]+(?:the|her|his|their|our|my|a)[ \t]+"
    r"(?:[a-z\-]+[ \t]+)?(?:adjuster|manager|caseworker|worker|nurse|attorney|lawyer|friend|neighbor|neighbour"
    r"|sister|brother|daughter|son|wife|husband|mother|father|partner|supervisor|employer|teacher|counselor"
    r"|guardian|caregiver|aide|coordinator|officer|pastor|interpreter)\b"
)
# A name written again in its own script or spelling, in brackets after the English form:
# "Hung V. Pham (Phạm Văn Hùng)", "NGUYEN, LAN THI (Nguyễn Thị Lan)" (checked in confirm).
_NAME_IN_BRACKETS = re.compile(
    rf"(?<![\w'’])(?:{FULL_NAME}|{LAST_FIRST})[ \t]*\((?P<phi>{FULL_NAME})\)"
)
# The same in Chinese, Japanese or Korean characters: "Chan, Wing Kee (陳永基)", "LIU, ZHIQIANG (刘志强)".
_CJK_NAME_IN_BRACKETS = re.compile(
    rf"(?<![\w'’])(?:{FULL_NAME}|{LAST_FIRST})[ \t]*\((?P<phi>[\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u3040-\u30ff]{{2,6}})\)"
)
# A name spelled out letter by letter in dictation: "john banks that's banks b a n k s",
# "spelled S-Z-Y-M-A-N-S-K-I".
_SPELLED_OUT = re.compile(
    r"(?i:\b(?:that'?s|that[ \t]+is|spelled|spelling|spells|spelt))[ \t]*:?[ \t]+"
    r"(?P<phi>(?:[A-Za-z][a-z'’\-]+[ \t]+)?(?:[A-Za-z](?:[ \t]|-|\.[ \t]?)){2,}[A-Za-z]\b\.?)"
)
# A trauma alias or a registration name in quotes: 'registered on arrival as "TRAUMA, ZEBRA"'.
_ALIAS_QUOTED = re.compile(
    r"\b(?i:registered|identified|listed|entered|admitted|known)(?:[ \t]+[a-z]+){0,3}[ \t]+(?i:as)[ \t]+[\"“]"
    rf"(?P<phi>{LAST_FIRST}|{FULL_NAME})[\"”]"
)
# "Married to Venkatesh Raghunathan", "widow of Harold Pike".
_MARRIED_TO = re.compile(
    rf"\b(?i:married[ \t]+to|widow(?:er)?[ \t]+of|engaged[ \t]+to|divorced[ \t]+from|separated[ \t]+from)[ \t]+(?P<phi>{FULL_NAME})"
)
# Speech recognition in lower case: "dictating a clinic note on maria elena hernandez date of
# birth ...". The first word must be a Census first name (checked in confirm).
_NOTE_ON_LOWER = re.compile(
    r"\b(?:note|report|letter|dictation|visit|consult(?:ation)?|summary)[ \t]+(?:on|for|regarding|re)[ \t]+"
    r"(?P<phi>(?P<given>[a-z][a-z'’\-]+)(?:[ \t]+(?!(?:date|dob|mrn|medical|who|age|is|was|a|an|the)\b)[a-z][a-z'’\-]+){1,3})"
    r"(?=[ \t]+(?:date|dob|mrn|medical|who|age|a|an|is|was)\b|[ \t]*[,.;]|[ \t]*$)",
    re.MULTILINE,
)
_DEAR = re.compile(
    rf"(?m)^[ \t]*(?:Dear|Hi|Hello|Hey|Good[ \t]+(?:morning|afternoon|evening))[ \t]+"
    rf"(?P<phi>(?:(?:{TITLES}|{HONORIFICS})[ \t]+)?(?:{FULL_NAME}|{NAME_WORD}))[ \t]*[,:!]"
)
_NOT_NAMES = frozenset(
    ("unknown", "none", "na", "n/a", "same", "self", "patient", "colleague", "doctor", "sir",
     "madam", "provider", "team", "deceased", "not", "declined", "all", "there", "everyone", "both",
     "folks", "again", "friends", "colleagues", "nurse", "doc", "mom", "dad")
)


# All-caps documents (EMS run sheets, trauma flow sheets): a relative, caller or witness and a
# FIRST LAST name right after the word.
_CAPS_RELATIVE_NAME = re.compile(
    r"\b(?:WIFE|HUSBAND|SPOUSE|PARTNER|MOTHER|FATHER|MOM|DAD|SON|DAUGHTER|SISTER|BROTHER|AUNT|UNCLE"
    r"|NIECE|NEPHEW|COUSIN|GRANDMOTHER|GRANDFATHER|GRANDSON|GRANDDAUGHTER|GUARDIAN|FIANCEE?"
    r"|GIRLFRIEND|BOYFRIEND|ROOMMATE|NEIGHBOU?R|FRIEND|CALLER|BYSTANDER|WITNESS|COWORKER|CO-WORKER"
    # staff roles in all-caps flow sheets: "XR TECH AMIR SHAHIDI; CHAPLAIN REV. JOAN EKWUEME"
    r"|TECH|TECHNOLOGIST|CHAPLAIN|INTERPRETER|SCRIBE|RECORDER|SOCIAL[ \t]+WORK(?:ER)?|PHARMACIST"
    r"|PARAMEDIC|MEDIC|NURSE|CHARGE[ \t]+RN|RN|RT|LPN|CNA|EMT|ATTENDING|RESIDENT|SURGEON)"
    r"(?:[ \t]*[:/,\-][ \t]*|[ \t]+)(?:(?:WAS|IS|IDENTIFIED[ \t]+AS)[ \t]+)?"
    r"(?P<phi>(?:(?:REV|DR|FR|SR|SGT|OFC|DET)\.?[ \t]+)?(?P<given>[A-Z]{2,}(?:-[A-Z]{2,})?)(?:[ \t]+[A-Z]\.?)?[ \t]+[A-Z](?:['’][A-Z])?[A-Z]+(?:-[A-Z]{2,})?)(?![\w'’])"
)


class PersonNameRecognizer(SpanPatternRecognizer):
    """Names of patients, relatives and other persons (entity type PERSON)."""

    ENTITIES = ("PERSON",)
    PATTERNS = (
        SpanPattern("upper-case relative or witness and a full name", _CAPS_RELATIVE_NAME, 0.8),
        SpanPattern("person field label (strong)", _LABELLED, 0.9),
        SpanPattern("person honorific (strong)", _HONORIFIC, 0.9),
        SpanPattern("person field label, lower case", _LABELLED_LOWER, 0.8),
        SpanPattern("person field label, columns", _LABELLED_SPACED, 0.85),
        SpanPattern("relative mention", _RELATIVE, 0.85),
        SpanPattern("relative opening a list item", _RELATIVE_ITEM, 0.8),
        SpanPattern("police title and name in capitals", _CAPS_TITLED, 0.8, gate=re.compile(r"OFFICER|DETECTIVE|SERGEANT|DEPUTY|TROOPER|SGT|DET\.?|CPL")),
        SpanPattern("name with quoted nickname", _NICKNAME, 0.85, gate=re.compile(r"[\"“(]")),
        SpanPattern("three dotted initials", _DOTTED_INITIALS, 0.6, gate=re.compile(r"[A-Z]\.[A-Z]\.[A-Z]\.")),
        SpanPattern("relative field", _RELATIVE_FIELD, 0.85),
        SpanPattern("relative mention, lower case", _RELATIVE_LOWER, 0.8),
        SpanPattern("salutation", _DEAR, 0.85),
        SpanPattern("titled person", _TITLED, 0.85),
        SpanPattern("LAST, FIRST before DOB", _LAST_FIRST_DOB, 0.85),
        SpanPattern("relative and a given name", _RELATIVE_GIVEN, 0.85),
        SpanPattern("child listed with age", _CHILD_WITH_AGE, 0.7, gate=re.compile(r"\(")),
        SpanPattern("name on a specimen label", _LABELED_CONTAINER, 0.85, gate=re.compile(r"(?i)label")),
        SpanPattern("upper-case LAST, FIRST with a known first name", _CAPS_LAST_FIRST, 0.7),
        SpanPattern("two relatives sharing a surname", _COUPLE, 0.85, gate=re.compile(r"(?i)parents|guardians|caregivers|foster|sons|daughters|children|kids|siblings|brothers|sisters")),
        SpanPattern("lower-case honorific and surname", _HONORIFIC_LOWER, 0.75, gate=re.compile(r"(?:mr|mrs|ms|miss)\. [a-z]")),
        SpanPattern("rating before a full name", _RATING, 0.75, gate=re.compile(r"[A-Z]{2}[1-3CSM] [A-Z]|\b(?:PO|CO|Ofc\.?|OFC\.?|Cpl\.|Tpr\.?) [A-Z]")),
        SpanPattern("newborn before naming", _NEWBORN, 0.85, gate=re.compile(r"BABY|Baby|Beb|BEB|Boy\b|Girl\b|BOY|GIRL")),
        SpanPattern("HL7 name with carets", _HL7_NAME, 0.85, gate=re.compile(r"\^")),
        SpanPattern("police title before a surname", _OFFICER_ALONE, 0.85, gate=re.compile(r"Ofc|OFC|Tpr")),
        SpanPattern("name again in brackets, own spelling", _NAME_IN_BRACKETS, 0.8, gate=re.compile(r"[^\x00-\x7f]")),
        SpanPattern("name spelled out letter by letter", _SPELLED_OUT, 0.85, gate=re.compile(r"(?i)that'?s|that is|spell")),
        SpanPattern("alias in quotes", _ALIAS_QUOTED, 0.85, gate=re.compile(r"(?i) as [\"“]")),
        SpanPattern("name in its own script", _NATIVE_SCRIPT_NAME, 0.8, gate=re.compile(f"[{_SCRIPT}]")),
        SpanPattern("alias after 'registered as'", _UNQUOTED_ALIAS, 0.85, gate=re.compile(r"(?i)registered|listed as|chart lists|legal name")),
        SpanPattern("lower-case self-introduction", _LOWER_SELF_INTRO, 0.75, gate=re.compile(r"this is [a-z]|my name is [a-z]|it'?s [a-z]")),
        SpanPattern("quoted name after a person noun", _QUOTED_PERSON, 0.8, gate=re.compile(r"(?i)named|called|known as|goes by")),
        SpanPattern("spouse after 'married to'", _MARRIED_TO, 0.85, gate=re.compile(r"(?i)married|widow|engaged|divorced|separated")),
        SpanPattern("lower-case name after 'note on'", _NOTE_ON_LOWER, 0.75, gate=re.compile(r"(?:note|report|letter|dictation|visit|consult\w*|summary) (?:on|for|regarding|re) [a-z]")),
        SpanPattern("name in CJK characters in brackets", _CJK_NAME_IN_BRACKETS, 0.85, gate=re.compile(r"\([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")),
        SpanPattern("quoted nickname after a full name", _NICKNAME_AFTER, 0.8, gate=re.compile(r"[\"“]")),
        SpanPattern("lower-case name before a role in apposition", _LOWER_APPOSITION, 0.7, gate=re.compile(r", (?:the|her|his|their|our|my|a) ")),
    )

    def __init__(self) -> None:
        super().__init__()
        self.priors = NamePriors.load()

    def confirm(self, text: str, match: SpanMatch, pattern: SpanPattern) -> SpanMatch | None:
        span = text[match.start : match.end].strip()
        if span.lower() in _NOT_NAMES:
            return None
        if pattern.regex is _SPELLED_OUT:
            return match
        if pattern.regex is _CAPS_TITLED:
            given = (match.groups.get("given") or "").lower()
            return match if given in self.priors.first_names and self.priors.word_frequency(given) < 5.0 else None
        if pattern.regex is _NICKNAME and "(" in span:
            words = span.replace("(", " ").replace(")", " ").split()
            if words[0].lower() not in self.priors.first_names or not self.priors.is_name_like(words[-1]):
                return None  # "Medicaid (ForwardHealth) ID": a plan in brackets, not a second given name
            return match
        if pattern.regex is _CAPS_RELATIVE_NAME:
            # "WIFE KATARZYNA KOWALCZYK", not "WIFE REACHED VIA": a census first name leads
            given = (match.groups.get("given") or "").lower()
            last = span.split()[-1].title()
            if given in _NOT_NAMES or not (
                given in self.priors.first_names
                or self.priors.word_frequency(given) < 3.5
                and self.priors.is_name_like(last)
                and self.priors.word_frequency(last) < 3.5
            ):
                return None
            return match
        if (
            pattern.regex is _RELATIVE_GIVEN
            and text[max(0, match.start - 2) : match.start].strip()[-1:] in {'"', "“"}
            and text[match.end : match.end + 1] in {'"', "”"}
        ):
            return match  # 'aunt "Cookie"': a nickname in quotes, however ordinary the word
        if (
            pattern.regex is _DEAR
            and " " not in span
            and (self.priors.is_known_name(span) or self.priors.word_frequency(span) < 5.5)
        ):
            return match  # "Hi Ha,", "Hello Grace!": a greeting's single word is the reader's name
        if " " not in span and not self.priors.is_name_like(span) and self.priors.word_frequency(span) >= 3.5:
            return None  # "RE: URGENT referral": a single ordinary word is not a name
        if pattern.regex is _DOTTED_INITIALS and span in _DOTTED_NOT_NAMES:
            return None
        if pattern.regex is _NATIVE_SCRIPT_NAME:
            if len(span) > 30 or not _NATIVE_NEAR.search(text, max(0, match.start - 30), match.start):
                return None  # a sentence in another language, not a name beside its romanisation
            return match
        if pattern.regex is _UNQUOTED_ALIAS:
            words = [w.strip(",.'’-").lower() for w in span.split()]
            if not any(len(w) >= 3 and (w in self.priors.given_names or w in self.priors.surnames) for w in words):
                return None  # "code status listed as DNR DNI": abbreviations, not an alias
            return match
        if pattern.regex is _LOWER_SELF_INTRO:
            first, last = match.groups.get("first") or "", match.groups.get("last") or ""
            # a census surname, rare as a word, after a word that is no common one
            if last in self.priors.surnames and self.priors.word_frequency(last) < 3.0 and self.priors.word_frequency(first) < 4.0:
                return match
            return None
        if pattern.regex is _LABELLED_SPACED and not all(self.priors.is_name_like(w) or w.lower() in self.priors.given_names for w in _COLUMN_WORD.findall(span) if w not in _PARTICLE_WORDS):
            return None  # "CONTACT          Isolation Precautions": a column of ordinary words
        if pattern.regex is _CAPS_LAST_FIRST:
            first, last = match.groups.get("first") or "", match.groups.get("last") or ""
            if not (first + last).isascii() and len(first) >= 2:
                return match  # "NGUYỄN, BẢO": diacritics in capitals are a name, not an abbreviation
            if first.isupper() and first.lower() in self.priors.first_names and self.priors.is_name_like(last):
                return match
            # "LITTLEJOHN, Ruby" in a sign-out list: a title-case given name needs a surname
            # (not a score: "MELD, Ranson")
            # "PATEL, RAVI", "HADDAD, NABIL F": a given name the 1990 census lists lack, with
            # a census surname or a long, very rare one before it; short words stay out ("CBC,
            # ANA"), and so do medical words ("ADENOCARCINOMA, GLEASON": Zipf 2.5)
            if (
                len(first) >= 4 - (not first.isupper())
                and first.lower() in self.priors.given_names
                and (
                    any(part in self.priors.surnames for part in re.split(r"[-'’]", last.lower()) if len(part) > 2)
                    or (len(last) >= 6 and self.priors.word_frequency(last) < 2.0)
                )
            ):
                return match
            return None  # "CBC, BMP", "NPO, IVF": abbreviations
        if pattern.regex is _RELATIVE_GIVEN or pattern.regex is _CHILD_WITH_AGE:
            words = span.split()
            if len(words) > 1 and words[-1].rstrip(".") in {"Jr", "Sr", "II", "III"}:
                words = words[:-1]  # "son Eddie Jr.": the given name is before the suffix
            given = words[-1]
            parts = given.split("-")
            if not any(self.priors.is_known_name(w) or self.priors.word_frequency(w) < 3.5 for w in (given, parts[0])):
                return None  # "Mother (Deceased)", "son Has": ordinary words; "Min-ji" passes
            bracketed = text[max(0, match.start - 2) : match.start].strip()[-1:] in {"(", '"', "“"}
            if not bracketed and self.priors.word_frequency(given) >= 5.5:
                return None  # "Daughter Well at this time": a very common word
            if pattern.regex is _CHILD_WITH_AGE and not _CHILDREN_CUE.search(
                text, max(0, match.start - 80), match.start
            ):
                return None
            return match
        if pattern.regex is _NAME_IN_BRACKETS:
            words = span.split()
            if not any(ord(ch) > 127 for ch in span) or not all(
                self.priors.is_known_name(w) or self.priors.word_frequency(w) < 3.0 for w in words
            ):
                return None  # "Dr. Ruiz (Cardiology Associates)": a practice, not the name again
            return match
        if pattern.regex is _NOTE_ON_LOWER:
            given = match.groups.get("given") or ""
            if given not in self.priors.first_names or self.priors.word_frequency(given) >= 5.0:
                return None  # "a note on tuesday morning": no given name
            return match
        if pattern.regex is _RATING:
            return match if (match.groups.get("given") or "").lower() in self.priors.first_names else None
        if pattern.regex is _LOWER_APPOSITION:
            given = match.groups.get("given") or ""
            if given not in self.priors.first_names or self.priors.word_frequency(given) >= 5.0:
                return None
            return match
        if pattern.regex is _COUPLE:
            given = match.groups.get("given") or ""
            frequency = self.priors.word_frequency(given)
            if not (given.lower() in self.priors.first_names or frequency < 3.0 or self.priors.is_known_name(given) and frequency < 4.5):
                return None  # "parents Both and ...": an ordinary word
            return match
        if pattern.regex is _RELATIVE_ITEM:
            first = span.split()[0]
            if not (self.priors.is_known_name(first) or self.priors.word_frequency(first) < 3.0):
                return None  # "son Has Asthma": an ordinary word, not a given name
        if pattern.regex is _RELATIVE_LOWER:
            # keep the leading words that are names or rare ("piotr szymanski"), stop at
            # an ordinary word ("her husband was present")
            end = match.start
            for word in re.finditer(r"\S+", text[match.start : match.end]):
                if not (self.priors.is_known_name(word.group()) or self.priors.word_frequency(word.group()) < 3.0):
                    break
                end = match.start + word.end()
            if end == match.start:
                return None
            return SpanMatch(match.start, end, "PERSON", match.score, match.reason)
        return match
