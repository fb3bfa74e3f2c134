"""Identifiers as raw speech recognition writes them: numbers, dates and names in words.

Unedited dictation drafts spell out what a typist would have written in digits: "medical
record number two two four nine one zero six", "date of birth april seventeenth nineteen
seventy two", a phone as ten digit words, and names spelled letter by letter ("demetrius
grant that's d e m e t r i u s grant"). None of the digit or date rules see these.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from .known_places import KnownPlaces
from .name_priors import NamePriors
from .span_pattern import SpanMatch, SpanPattern, SpanPatternRecognizer

__all__ = ["SpokenIdentifierRecognizer"]

_DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# Five or more digit words in a row, optionally after up to three spoken letters ("n c zero
# four four ..."; "u seven seven ..."): a record, member, license or phone number. Counting
# ("two or three times", "one fifty to two twenty") never runs five digit words together.
_DIGITS = re.compile(
    rf"(?<![\w'’])(?P<phi>(?:[a-z][ \t]){{0,3}}{_DIGIT}(?:[ \t,-]+{_DIGIT}){{4,}})(?![\w'’])",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
_UNITS = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_ORDINAL = (
    rf"(?:{_UNITS}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    rf"|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|(?:twenty|thirty)[ \t-]+{_UNITS})"
)
_SMALL = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_YEAR = (
    rf"(?:(?:nineteen|twenty)[ \t-]+(?:{_TENS}(?:[ \t-]+{_SMALL})?|{_SMALL}|oh[ \t-]+{_SMALL}|hundred)"
    rf"|two[ \t]+thousand(?:[ \t]+and)?(?:[ \t-]+(?:{_TENS}(?:[ \t-]+{_SMALL})?|{_SMALL}))?"
    # "may fourteenth 2024": a spoken day with the year in digits
    rf"|(?:19|20)\d\d(?!\d))"
)
# A month with a day in words, the year optional: "april seventeenth nineteen seventy two".
_DATE = re.compile(
    rf"(?<![\w'’])(?P<phi>{_MONTHS}[ \t]+(?:the[ \t]+)?{_ORDINAL}(?:,?[ \t]+{_YEAR})?)(?![\w'’])",
    re.IGNORECASE,
)
# A name followed by its spelling: "demetrius grant that's d e m e t r i u s grant".
_SPELLED = re.compile(
    r"(?<![\w'’])(?P<name>[a-z][a-z'’\-]+(?:[ \t]+[a-z][a-z'’\-]+)?)[ \t,]+"
    r"(?:that's|that[ \t]+is|spelled|spelling)[ \t,]+"
    r"(?P<spelled>(?:[a-z][ \t\-]){2,}[a-z](?:[ \t]+[a-z][a-z'’\-]+)?)(?![\w'’])",
    re.IGNORECASE,
)
# "mister grant is a fifty two year old": a title before a lower-case surname.
_TITLED = re.compile(
    r"(?<![\w'’])(?P<phi>(?:mister|missus|mr|mrs|ms|miss)\.?[ \t]+[a-z][a-z'’\-]+(?:[ \t]+[a-z][a-z'’\-]+)?)"
    r"(?=[ \t]*[,;]|[ \t]+(?:is|was|has|had|who|and|comma|period|presents|returns|states|reports|says)\b)"
)
# "end of dictation. ellen r cook m d.": a lower-case name before a spoken credential.
_SPOKEN_CREDENTIAL = re.compile(
    r"(?<![\w'’])(?P<phi>[a-z][a-z'’\-]+(?:[ \t]+[a-z])?[ \t]+[a-z][a-z'’\-]+)[ \t,]+"
    r"(?:m[ \t]?d|d[ \t]?o|r[ \t]?n|n[ \t]?p|p[ \t]?a)\b(?![ \t]+[a-z]\b)"
)
# Characters read out one by one: "medical record number b h 4 4 0 9 1 7", "claim number w c
# 2 3 dash 1 1 8 0 4 7", "films from 2 14 24". Five or more digits, single-spaced.
_CHARACTERS = re.compile(
    r"(?<![\w'’])(?P<phi>(?:[a-z][ \t]){0,3}\d{1,2}(?:[ \t]+(?:\d{1,2}|dash|hyphen|slash)){3,})(?![\w'’])"
)
# "patient name dmitri volkov-king medical record number ...": a spoken field label.
_SPOKEN_LABEL = re.compile(
    r"\b(?:patient(?:'s)?[ \t]+name|name[ \t]+of[ \t]+patient)(?:[ \t]+is)?[ \t]+"
    r"(?P<phi>[a-z][a-z'’]+(?:[ \t\-]+[a-z][a-z'’]+){1,2})(?=[ \t]+(?:medical|mrn|m[ \t]r[ \t]n|date|dob|d[ \t]o[ \t]b|age|is|who)\b)"
)
# A relation or role word and a lower-case first and last name: "his fiance tessa green",
# "adjuster gail mason". The first word must be a Census first name (checked in confirm).
_SPOKEN_RELATION = re.compile(
    r"\b(?:wife|husband|fianc[eé]e?|son|daughter|mother|father|sister|brother|girlfriend|boyfriend"
    r"|partner|friend|neighbor|adjuster|supervisor|manager|caseworker|interpreter|coach|teacher)"
    r"[ \t]+(?P<phi>(?P<first>[a-z][a-z'’]+)[ \t]+[a-z][a-z'’\-]+)\b"
)
# Dictation names the patient right before the date of birth or record number: "a follow up
# visit on manuel fernandez-ruiz, date of birth ...", "an operative report on vang, yer,
# medical record number ...", "for patient wendell p okonkwo last name spelled ...".
_NAME_BEFORE_FIELDS = re.compile(
    r"\b(?:on|for|of|patient|regarding|name)[ \t]+(?:patient[ \t]+)?"
    r"(?P<phi>(?!name\b|is\b)[a-z][a-z'’\-]+,?(?:[ \t]+[a-z]\.?)?(?:[ \t]+[a-z][a-z'’\-]+){1,2})"
    r"(?=[ \t]*,?\s+(?:date[ \t]+of[ \t]+birth|dob|d[ \t]o[ \t]b|medical\s+record|mrn|m[ \t]r[ \t]n"
    r"|date[ \t]+of[ \t]+(?:surgery|service|procedure|admission)|dos"
    r"|last[ \t]+name|first[ \t]+name|age[ \t]+\w+|a[ \t]+\w+[ \t-]+year)\b)"
)
# A lower-case first and last name after "with", "by" or "to" before a place or clause end:
# "doing therapy with kara banks at bay state hand therapy". The first word must be a Census
# first name that is not a common word (checked in confirm).
_LOWER_WITH_NAME = re.compile(
    r"\b(?:with|by|to|from|per|saw|see|called|told)[ \t]+(?P<phi>(?P<first>[a-z][a-z'’]+)[ \t]+[a-z][a-z'’\-]+)"
    r"(?=[ \t]*[.,;]|[ \t]+(?:at|in|on|from|who|and|today|yesterday|last|this|period|comma)\b)"
)
# A state in lower case after a town: "in new bern north carolina".
_LOWER_STATE = (
    r"[ \t]+(?:(?:north|south|west|new|rhode)[ \t]+)?(?:carolina|dakota|virginia|hampshire|jersey|mexico|york|island"
    r"|alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois"
    r"|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri"
    r"|montana|nebraska|nevada|ohio|oklahoma|oregon|pennsylvania|tennessee|texas|utah|vermont|washington|wisconsin|wyoming)\b"
)
# A lower-case town from the gazetteer after a place preposition, in dictation: "at a job
# site in cedar falls" (the gazetteer and the word's rarity decide, in confirm).
_LOWER_PLACE = re.compile(
    r"\b(?:in|from|near|outside(?:[ \t]+of)?|to)[ \t]+(?P<phi>[a-z][a-z'’\-]+(?:[ \t]+[a-z][a-z'’\-]+){0,2})"
    # or the state after the town: "in new bern north carolina"
    rf"(?=[ \t]*[.,;]|\s+(?:and|who|where|when|he|she|they|for|on|at|with|area|county|comma|period)\b|{_LOWER_STATE})"
)
# A lower-case institution in dictation: "at lakeshore regional", "seen at northern nevada
# urgent care sparks", "mri at cache valley open mri", "operator for the oglala sioux tribe".
_LOWER_INSTITUTION = re.compile(
    r"\b(?:at|to|from|with|for|by|via)[ \t]+(?:the[ \t]+)?(?P<phi>(?P<name>(?:[a-z][a-z'’\-]+[ \t]+){1,4})"
    r"(?P<head>surgery[ \t]+center|medical[ \t]+center|regional(?:[ \t]+(?:hospital|medical[ \t]+center))?|hospital"
    r"|clinic|institute|urgent[ \t]+care|open[ \t]+mri|imaging|pt|physical[ \t]+therapy|plant|tribe|health"
    r"|healthcare|orthopedics|orthopaedics|pharmacy|cancer[ \t]+center|family[ \t]+practice|medical[ \t]+group)"
    r"(?:[ \t]+(?P<town>[a-z]+(?:[ \t][a-z]+)?))?)(?![\w'’\-])"
)
_GENERIC_INSTITUTION_WORDS = frozenset(
    "local outside nearby community general regional county state university city area main downtown new "
    "emergency urgent family outpatient inpatient rural private public walk-in surgical medical physical "
    "cancer heart children's childrens women's womens veterans va our their his her this that same another "
    "primary specialty dialysis rehab rehabilitation psychiatric behavioral orthopedic orthopaedic eye".split()
)
_LOWER_STATE_AFTER = re.compile(_LOWER_STATE)
# A spoken or typed number after its label, in groups: "claim number wc 2025 003318",
# "serial number sn 7730 1942 88".
_LOWER_LABELLED_NUMBER = re.compile(
    r"\b(?:claim|member|policy|account|serial|lot|case|group|record|confirmation|authorization)[ \t]+"
    r"(?:number|no\.?|#)[ \t]+(?P<phi>(?:[a-z]{1,3}[ \t]+)?\d{2,}(?:[ \t-]+\d{2,}){1,3})(?![\w])"
)
# "on the twenty sixth" and "d three slash eight slash twenty five" in dictation.
_SPOKEN_NUMBER = (
    rf"(?:{_SMALL}|{_TENS}(?:[ \t-]+(?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_SPOKEN_DAY = re.compile(
    rf"\b(?:on|since|until|by|from)[ \t]+(?P<phi>the[ \t]+{_ORDINAL})(?![\w'’])"
    # a day, not "on the second floor": nothing but an end, a time or a month may follow
    r"(?=[ \t]*(?:[.,;:)\n]|$|at\b|and\b|when\b|of[ \t]+[a-z]+[ \t]*(?:[.,;]|$)))"
)
_SPOKEN_SLASH_DATE = re.compile(
    rf"(?<![\w'’])(?P<phi>{_SPOKEN_NUMBER}[ \t]+slash[ \t]+{_SPOKEN_NUMBER}[ \t]+slash[ \t]+(?:{_SPOKEN_NUMBER}|{_YEAR}))(?![\w'’])"
)
# "as slash mh": author and typist initials read out.
_SPOKEN_INITIALS = re.compile(r"^[ \t]*(?P<phi>[a-z]{2,3})[ \t]+slash[ \t]+(?P<second>[a-z]{2,3})\b", re.MULTILINE)
# Patients signing their own portal messages: "its becky, i had ...", "thanks\nbecky".
_SELF_NAMED = re.compile(r"\b(?i:it'?s|this[ \t]+is|i'?m)[ \t]+(?P<phi>[A-Za-z][a-z]+)(?=[ \t]*[,.!])")
_SIGN_OFF = re.compile(
    r"(?:^|\n)[ \t]*(?:[-–—~][ \t]*)?(?P<phi>[A-Za-z][a-z]+)[ \t]*(?=\n[ \t]*(?:sent from my|$)|$)",
)
# "- becky" on a line of its own, anywhere in a message.
_DASH_SIGN_OFF = re.compile(r"(?:^|\n)[ \t]*[-–—~][ \t]*(?P<phi>[A-Za-z][a-z]+)[ \t]*(?=\n|$)")
_MESSAGE_CUE = re.compile(r"(?i)\b(?:thanks|thank you|thx|sincerely|regards|love|cheers)\b|\n[ \t]*[-–—~]?[ \t]*$")
_SPOKEN_FILLERS = frozenset("period comma says said called came present here there today".split())
_NOT_NAME_START = frozenset("the a an by with and per signed dictated seen this of to for".split())
_LETTERS = re.compile(r"\b[a-z]\b", re.IGNORECASE)


class SpokenIdentifierRecognizer(SpanPatternRecognizer):
    """Numbers, dates and spelled names as words (entity types ID, DATE and PERSON)."""

    ENTITIES = ("ID", "DATE", "PERSON", "PROVIDER")
    PATTERNS = (
        SpanPattern("digits in words", _DIGITS, 0.6, entity_type="ID"),
        SpanPattern("date in words", _DATE, 0.75, entity_type="DATE"),
        SpanPattern("title before a lower-case name", _TITLED, 0.6, entity_type="PERSON"),
        SpanPattern("name before a spoken credential", _SPOKEN_CREDENTIAL, 0.6, entity_type="PROVIDER"),
        SpanPattern("characters read out one by one", _CHARACTERS, 0.6, entity_type="ID"),
        SpanPattern("spoken patient name label", _SPOKEN_LABEL, 0.7, entity_type="PERSON"),
        SpanPattern("relation and a lower-case name", _SPOKEN_RELATION, 0.6, entity_type="PERSON"),
        SpanPattern("lower-case name before birth date or record number", _NAME_BEFORE_FIELDS, 0.75, entity_type="PERSON"),
        SpanPattern("lower-case first and last name after 'with'", _LOWER_WITH_NAME, 0.6, entity_type="PERSON"),
        SpanPattern("lower-case town after a place word", _LOWER_PLACE, 0.6, entity_type="LOCATION"),
        SpanPattern("lower-case institution with its head", _LOWER_INSTITUTION, 0.6, entity_type="ORGANIZATION"),
        SpanPattern("lower-case number after its label", _LOWER_LABELLED_NUMBER, 0.75, entity_type="ID"),
        SpanPattern("spoken ordinal day", _SPOKEN_DAY, 0.6, entity_type="DATE"),
        SpanPattern("spoken slashed date", _SPOKEN_SLASH_DATE, 0.75, entity_type="DATE"),
        SpanPattern("patient naming themself", _SELF_NAMED, 0.6, entity_type="PERSON"),
        SpanPattern("first name signing a message", _SIGN_OFF, 0.6, entity_type="PERSON"),
        SpanPattern("first name after a dash, signing", _DASH_SIGN_OFF, 0.6, entity_type="PERSON"),
    )

    def confirm(self, text: str, match: SpanMatch, pattern: SpanPattern) -> SpanMatch | None:
        if pattern.regex is _CHARACTERS:
            digits = sum(c.isdigit() for c in text[match.start : match.end])
            return match if digits >= 5 else None  # "2 3 4" is a list, not a number
        if pattern.regex is _SPOKEN_CREDENTIAL and text[match.start : match.end].split()[0] in _NOT_NAME_START:
            return None
        if pattern.regex is _LOWER_PLACE:
            words = text[match.start : match.end].split()
            # the longest prefix that the gazetteer knows: "cedar falls", not "cedar falls who"
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n])
                if name in KnownPlaces.load() and (n > 1 or self.priors.word_frequency(name) < 3.7):
                    if any(w in STOP_WORDS for w in words[:n]):
                        return None
                    end = match.start + len(text[match.start : match.end].split(words[n - 1], 1)[0]) + len(words[n - 1])
                    state = _LOWER_STATE_AFTER.match(text, end)
                    if state is not None:
                        end = state.end()  # "new bern north carolina": the town's state with it
                    return SpanMatch(match.start, end, "LOCATION", match.score, match.reason)
            return None
        if pattern.regex is _LOWER_INSTITUTION:
            name = (match.groups.get("name") or "").split()
            places = KnownPlaces.load()
            if any(w in STOP_WORDS for w in name) or all(w in _GENERIC_INSTITUTION_WORDS for w in name):
                return None  # "at the local hospital", "to the emergency department"
            if not any(self.priors.word_frequency(w) < 3.5 or w in places or w in places.us_towns for w in name):
                return None  # ordinary words only: "at the spine and joint clinic"
            end = match.end
            town = match.groups.get("town")
            if town:
                words = town.split()
                town_start = match.end - len(town)
                end = len(text[:town_start].rstrip(" \t"))  # no known town after the head: it ends there
                for n in range(len(words), 0, -1):
                    name_t = " ".join(words[:n])
                    if name_t in places or name_t in places.us_towns:
                        end = town_start + len(name_t)
                        break
            return SpanMatch(match.start, end, "ORGANIZATION", match.score, match.reason)
        if pattern.regex is _NAME_BEFORE_FIELDS:
            words = re.findall(r"[a-z][a-z'’\-]+", text[match.start : match.end])
            if any(w in STOP_WORDS or w in _SPOKEN_FILLERS for w in words):
                return None  # "on his right, date of birth": words, not a name
            return match
        if pattern.regex is _LOWER_WITH_NAME:
            first = match.groups.get("first") or ""
            last = text[match.start : match.end].split()[-1]
            if first not in self.priors.first_names or self.priors.word_frequency(first) >= 4.5:
                return None  # "with will power", "to mark the site"
            if last in STOP_WORDS or last in _SPOKEN_FILLERS or self.priors.word_frequency(last) >= 5.0:
                return None
            return match
        if pattern.regex is _SPOKEN_RELATION:
            last = text[match.start : match.end].split()[-1]
            if last in STOP_WORDS or last in _SPOKEN_FILLERS:
                return None  # "her son james was here"
            return match if (match.groups.get("first") or "") in self.priors.first_names else None
        if pattern.regex in (_SELF_NAMED, _SIGN_OFF, _DASH_SIGN_OFF):
            word = text[match.start : match.end].lower()
            # a known first name that is not an ordinary word ("its fine", "thanks")
            if word not in self.priors.first_names or self.priors.word_frequency(word) >= 4.5:
                return None
            if pattern.regex is _SIGN_OFF and not _MESSAGE_CUE.search(text, max(0, match.start - 120), match.start):
                return None
        return match

    def __init__(self) -> None:
        super().__init__()
        self.priors = NamePriors.load()

    def candidates(self, text: str):  # type: ignore[no-untyped-def]
        yield from super().candidates(text)
        initials = SpanPattern("spoken initials", _SPOKEN_INITIALS, 0.6, entity_type="PROVIDER")
        for m in _SPOKEN_INITIALS.finditer(text):
            for group in ("phi", "second"):
                start, end = m.span(group)
                yield SpanMatch(start, end, "PROVIDER", 0.6, initials.name), initials
        pattern = SpanPattern("name and its spelling", _SPELLED, 0.8, entity_type="PERSON")
        for m in _SPELLED.finditer(text):
            spelled = "".join(_LETTERS.findall(m.group("spelled"))).lower()
            words = m.group("name").lower().split()
            # The letters spell the first (or only) word before them.
            if not words or spelled != words[-1] and not spelled.startswith(words[0]):
                continue
            for group in ("name", "spelled"):
                start, end = m.span(group)
                yield SpanMatch(start, end, "PERSON", 0.8, pattern.name), pattern
