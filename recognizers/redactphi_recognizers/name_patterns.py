"""Regex building blocks for personal names as they are written in US clinical notes."""

from __future__ import annotations

__all__ = [
    "CREDENTIALS",
    "LOWER_LETTERS",
    "UPPER_LETTERS",
    "FULL_NAME",
    "LAST_FIRST",
    "NAME_WORD",
    "HONORIFICS",
    "SURNAME",
    "TITLES",
    "TITLE_NAME",
]

# One capitalised name word: Cook, O'Connor, McDonald, DeBakey, Fernandez-Ruiz, ALL CAPS too.
# Latin letters with diacritics (Hyvönen, Kozłowski, Þórðarson, Ivanković) count as letters.
# Latin-1 and Extended-A; Ơ/Ư and the Latin Extended Additional block carry Vietnamese
# ("Phạm Văn Hùng", "Trần Bảo Ngọc"), whose upper- and lower-case letters alternate there.
_VIET_UPPER = "ƠƯ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA, 2))
_VIET_LOWER = "ơư" + "".join(chr(c) for c in range(0x1EA1, 0x1EFA, 2))
_U = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ" + _VIET_UPPER
_L = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž" + _VIET_LOWER
_CAP = (
    rf"(?:[{_U}](?:[{_L}]+|['’][{_U}][{_L}]+)(?:[{_U}][{_L}]+)?(?:[-'’][{_U}][{_L}]+(?:[{_U}][{_L}]+)?)*"
    # given names joined by a hyphen, the second part in lower case: Hyun-woo, Min-jun
    rf"(?:-[{_L}]{{2,4}}(?![{_L}\-]))?)"
)
_UPPER = rf"(?:[{_U}](?:['’]?[{_U}]){{1,}}(?:-[{_U}]{{2,}})*)"
NAME_WORD = rf"(?:{_CAP}|{_UPPER})"
# The same letters for character classes elsewhere: "[{UPPER_LETTERS}][{LOWER_LETTERS}]+".
UPPER_LETTERS = _U
LOWER_LETTERS = _L
_INITIAL = r"(?:[A-Z]\.?)"
# Surname particles written in lower case: de Vries, van der Berg, da Silva, St. John.
_PARTICLE = r"(?:(?:[dD]e|[dD]el|[dD]ella|[dD]a|[dD]i|[dD]u|[vV]an|[vV]on|[dD]er|[dD]en|[lL]a|[lL]e|St\.?|bin|ibn|bint|al|abu|DE|DEL|DA|DI|DU|VAN|VON|DER|DEN|LA|LE)[ \t]+)"
SURNAME = rf"(?:{_PARTICLE}{{0,2}}{NAME_WORD})"
# An initial standing for a surname ("Dr. Sarah P."): a capital with a period, or one
# that ends the name before punctuation.
_TRAILING_INITIAL = r"(?:[A-Z](?:\.|(?=[ \t]*(?:[,;:)?\n]|$))|(?=['’]s\b)|(?=[ \t]+(?:at|on|in|to|for|and|was|is|said|placed|saw|called|paged|notified|aware|cell|phone|pager|office|ext)\b)))"
# Field labels that follow a name on a header line; never a middle name or a surname.
_FIELD_WORDS = r"(?:MRN|DOB|SSN|ACCT|FIN|CSN|DOS|AGE|SEX|MR|ID|Age|Sex|DOB|MRN|Acct|Room|Rm|Bed|Gender|Encounter|Visit|Account|Phone|Tel|Cell)"
# Words of one name are never more than three blanks apart: a wider gap separates fields.
_GAP = rf"[ \t]{{1,3}}(?!{_FIELD_WORDS}\b)"
# First [Middle|M.] Last, or a single surname after a title.
FULL_NAME = rf"(?:{NAME_WORD}(?:{_GAP}(?:{_INITIAL}|{NAME_WORD}))?{_GAP}{SURNAME})"
TITLE_NAME = (
    rf"(?:{FULL_NAME}|{_INITIAL}[ \t]+(?:{_INITIAL}[ \t]+)?{SURNAME}|{NAME_WORD}[ \t]+{_TRAILING_INITIAL}|{SURNAME}"
    rf"|{_TRAILING_INITIAL})"
)
# LAST, FIRST [MIDDLE|M] ["NICK"] as in patient header blocks and signature lines.
LAST_FIRST = (
    # one space before a middle name: "SMITH, JOHN   MRN: ..." ends at JOHN; a field label
    # is never a middle name
    rf"(?:{SURNAME},[ \t]*{NAME_WORD}(?:[ \t]+[\"“][A-Za-z.]+[\"”])?(?:[ \t](?!{_FIELD_WORDS}\b)(?:{NAME_WORD}|{_INITIAL}(?![a-z])))?"
    # a nickname and a generational suffix: 'Hill, Wilhelmina "Billie" R.', "O'BRIEN, PATRICK J JR"
    rf"(?:[ \t]+[\"'“(][A-Za-z.]+[\"'”)])?(?:,?[ \t]+(?:JR|SR|II|III|IV|Jr|Sr)\.?(?![\w]))?)"
)
# Forms of address that belong to the name's span: "Dr. Smith" is redacted whole.
TITLES = r"(?:Dr|DR|Dra|Doctor|DOCTOR|Doctora|Drs|Prof|Professor)\.?"
HONORIFICS = r"(?:Mr|Mrs|Ms|Miss|Mx|MR|MRS|MS|MISS|Master|Sr|Sra|Srta)\.?"

CREDENTIALS = (
    r"(?:M\.?D\.?|D\.?O\.?|R\.?N\.?|PA-C|P\.?A\.?|CRNA|N\.?P\.?|FNP(?:-[BC]+)?|APRN|ARNP|CNM"
    r"|Ph\.?D\.?|DPM|DDS|DMD|MBBS|FACS|FACP|FACC|FACOG|FRCS|LPN|CNA|CST|RRT|PharmD|DNP"
    r"|MSN|BSN|CCRN|MPH|MS|LCSW|PT|OT|DPT|ST|AGACNP-BC|ACNP|NNP|CNP|PNP|WHNP|AGNP|ANP|GNP|RNFA|CNS|CRNP"
    # imaging, therapy and allied-health credentials: "D. Quarles, RT(R)(VI)", "OTR/L"
    r"|RT(?:\([A-Z]{1,3}\))*|RDMS|RVT|RDCS|CNMT|ARRT|RPh|LMFT|LPC|PsyD|LICSW|MSW|CCC-SLP|OTR(?:/L)?"
    r"|ATC|CDCES|NRP|CRT|CPFT|RPFT|RPSGT|RCS|RCIS|MLS|MLT|HTL|CLS|CCHT|CDN|CNN|CHPN|CWOCN|CWON|OCN|CEN|CPEN|IBCLC|RNC(?:-OB)?|C-EFM|CNOR|CPAN|CAPA|CNRN"
    r"|PMHNP(?:-BC)?|LICSW|CCDS|CDIP|RHIT|RHIA|CPC|CCS|CNIM|CSFA|CFA|PharmD|BCPS|BCOP|RD|LD|RDN|CSW|LMHC|LADC|CADC|CPhT)"
)
