"""Protect clinical content, settle overlaps and tell patients from providers.

This is where precision is won: a statistical NER tags "Foley", "Crohn" or "Kocher" as
people, and "PREOPERATIVE DIAGNOSIS" as an organisation. A finding that lies on clinical
vocabulary is dropped unless a person cue (a title, a credential, a name field) made it.
Every decision keeps the recognizer and reason; no text is stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from presidio_analyzer import RecognizerResult

from .entities import canonical_entity_type
from .findings import Finding
from .lexicon import ClinicalLexicon
from redactphi_recognizers import KnownPlaces, NamePriors
from redactphi_recognizers.place_patterns import STATE_NAME
from redactphi_recognizers.span_pattern import PRODUCT_LABEL_BEFORE

__all__ = ["FindingResolver"]

_NAME_TYPES = frozenset({"PERSON", "PROVIDER"})
# Recognizers whose findings come from a structural cue strong enough to beat the lexicon.
# Rule findings whose cue already decided: a listed national organisation, a gazetteer
# city after a travel or address cue ("old address in Hutchinson", also an eponym).
_LISTED_REASONS = frozenset(
    {
        "national pharmacy, lab, plan or care company",
        "known city after a travel or address cue",
        "known city after an institution",
        "known city before a country",
        "rare known town after a preposition",
    }
)
_TOWN_AFTER_PREPOSITION = "rare known town after a preposition"
# A law firm or company the maker's name opens: "Hollister, Grant & Abernathy LLP".
_FIRM_AFTER = re.compile(
    r"[ \t,&]*(?:(?:and[ \t]+)?[A-Z][A-Za-z'’\-]+[ \t,&]*){0,4}(?:LLP|LLC|PLLC|P\.?C\.?|Inc\.?|Ltd\.?)(?![\w])"
)
# Words that make a maker's name an institution ("Olympus Medical Center" would be a place).
_NOT_A_MAKER_WORDS = frozenset(
    "hospital hospitals center centre clinic clinics health healthcare medical university college school "
    "institute foundation pharmacy laboratory laboratories lab labs associates group practice partners "
    "physicians surgery surgical care services home county city regional memorial llp llc inc corp co "
    "company ltd pllc pc lines freight trucking transport logistics law attorneys bank church".split()
)
# A brand or eponym before the device it names: "Bledsoe hip brace", "Huber needle".
_DEVICE_NOUN_AFTER = re.compile(
    r"[ \t]+(?:[a-z]+[ \t]+)?(?:brace|boot|splint|needle|catheter|pump|device|sling|collar|walker|stockings?|mask"
    r"|tube|valve|stent|clamp|retractor|forceps|scissors|drain|lift|bed|chair|dressing|system|protocol|technique)s?\b"
)
_CUED_RECOGNIZERS = frozenset({"ProviderNameRecognizer", "PersonNameRecognizer"})
_NER = "SpacyRecognizer"
# Safe Harbor keeps states; a statistical LOCATION that is only a state is not PHI (a
# street, city or ZIP next to it is found by other means). Other countries are redacted:
# a country of origin narrows who a patient is.
_STATES_AND_COUNTRIES = frozenset(
    s.lower()
    for s in (
        "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida "
        "Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland "
        "Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio "
        "Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington "
        "Wisconsin Wyoming America USA US U.S. U.S.A."
    ).split()
) | frozenset(
    (
        "new hampshire", "new jersey", "new mexico", "new york", "north carolina",
        "north dakota", "rhode island", "south carolina", "south dakota", "west virginia",
        "district of columbia", "united states", "united states of america", "puerto rico",
    )
)
_PERSON_CUE_BEFORE = re.compile(
    r"(?:\b(?:Dr|DR|Doctor|Mr|Mrs|Ms|Miss|MR|MRS|MS)\.?|\b(?:wife|husband|son|daughter|mother|father|sister|brother))\s*$"
)
# "MS Contin", "MR imaging": an upper-case honorific cues only an upper-case name.
_UPPER_HONORIFIC_BEFORE = re.compile(r"\b(?:MR|MRS|MS)\.?\s*$")
_CREDENTIAL_AFTER = re.compile(r"^\s*,?\s*(?:MD|M\.D\.|DO|RN|PA-C|NP|CRNA|FACS|PhD)\b")
_NAME_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-])+")
_PARTICLES = frozenset("de del della da di du van von der den la le st".split())


class FindingResolver:
    """Turns raw recognizer results into the final, non-overlapping findings."""

    def __init__(
        self,
        lexicon: ClinicalLexicon,
        *,
        propagate_names: bool = True,
        priors: NamePriors | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.propagate_names = propagate_names
        self.priors = priors or NamePriors.load()
        self.places = KnownPlaces.load()

    def resolve(self, text: str, results: Iterable[RecognizerResult]) -> list[Finding]:
        findings = [_trim_ner(text, _to_finding(r), self.priors) for r in results]
        findings = [f for f in findings if f.end > f.start]
        protected = self.lexicon.phrase_spans(text)
        kept = [f for f in findings if not self._is_not_phi(text, f, protected)]
        if self.propagate_names:
            kept.extend(self._propagate(text, kept, protected))
            kept.extend(self._propagate_organizations(text, kept, protected))
        return _join_adjacent(text, _merge([_widen(text, self._with_site(text, f)) for f in kept]))

    def _with_site(self, text: str, f: Finding) -> Finding:
        """A site after a dash, a numbered district or a court division closes an institution
        a rule found: "WorkWell Occupational Health - Eastgate", "Chicago Police Department
        16th District"; not a department ("- Pediatric Surgery", "- Fabrication Dept")."""
        if f.entity_type != "ORGANIZATION" or f.recognizer == _NER:
            return f
        branch = _ORG_BRANCH.match(text, f.end)
        if branch is None:
            return f
        words = branch.group("branch").strip(" \t-–,").split()
        site = " ".join(words)
        known_site = site in self.places or site.title() in self.places or site.lower() in self.places.us_towns
        if branch.group("branch").lstrip(" \t")[:1] in "-–" and not known_site and any(
            w.lower() in _DEPARTMENT_WORDS
            or self.lexicon.is_clinical(w)
            or (self.priors.word_frequency(w) >= 4.0 and w not in self.places and w.title() not in self.places)
            for w in words
        ):
            return f
        return Finding(f.start, branch.end("branch"), f.entity_type, f.score, f.recognizer, f.reason)

    def _is_not_phi(self, text: str, f: Finding, protected: Sequence[tuple[int, int]]) -> bool:
        """Whether a name, organisation or place finding is really clinical content or
        an artefact of the statistical NER. Checks run from the most certain down."""
        span = text[f.start : f.end]
        if f.entity_type == "PHONE_NUMBER" and f.recognizer == "PhoneRecognizer":
            # libphonenumber's lenient matcher takes CPT ranges ("99203-99205") for numbers
            # and blood pressures ("168/92") for short local numbers
            digits = sum(c.isdigit() for c in span)
            if PRODUCT_LABEL_BEFORE.search(text, max(0, f.start - 24), f.start):
                return True  # "catalog number 02.124.009": a product's number
            return _CODE_RANGE.fullmatch(span.strip(" \t()[]")) is not None or digits < 7
        if f.entity_type == "URL" and _ICD_SHAPE.match(span):
            return True  # "W01.XXXA": an ICD-10-CM code with placeholder Xs, not the .xxx domain
        if f.entity_type == "URL" and f.end < len(text) and text[f.end].isalnum() and "/" not in span:
            return True  # "p.Gl" of "p.Glu23Valfs*17": a host cut inside a word is no host
        if f.reason.startswith("letter-digit identifier (weak)") and self._after_product(text, f.start):
            return True  # "Optiflux F180NR", "Medtronic 6935M", "Arthrex AR-8925DS": a model number
        if f.entity_type not in _NAME_TYPES | {"ORGANIZATION", "LOCATION"}:
            return False
        if (
            f.entity_type == "ORGANIZATION"
            and (f.recognizer == _NER or f.reason == "affiliation in brackets after a person")
            and self._is_manufacturer(span)
            and not _FIRM_AFTER.match(text, f.end)
        ):
            return True  # "Jared Walker (Arthrex)", "Medtronic IPC microdebrider": a maker and its product
        if f.reason in _LISTED_REASONS:
            # "Foundation Medicine", "Anthem Blue Cross", "address in Hutchinson"; a small town
            # after "in" or "from" still yields to the lexicon ("positive in Kawasaki")
            return f.reason == _TOWN_AFTER_PREPOSITION and (
                self.lexicon.is_clinical(span.strip(" .,;:()"))
                or any(s < f.end and f.start < e for s, e in protected)  # "in Huber needle"
                or _DEVICE_NOUN_AFTER.match(text, f.end) is not None  # "placed in Bledsoe hip brace"
                or _EPONYM_HEAD_AFTER.match(text, f.end) is not None
            )
        if (
            f.entity_type == "PROVIDER"
            and text[f.start - 1 : f.start] == "("
            and text[f.end : f.end + 1] == ")"
            and self.lexicon.is_product(span)
        ):
            return True  # "Jared Walker (Arthrex)": the representative's maker, not a person
        if f.recognizer in _CUED_RECOGNIZERS:
            # weak cued findings (initials in a role field) yield to clinical vocabulary
            return f.score < 0.7 and self.lexicon.is_clinical(span, word_by_word=False)
        word = span.strip(" .,;:()")
        if f.recognizer == _NER:
            if _implausible_ner_span(span, f.entity_type, self.places):
                return True
            if text[f.end : f.end + 2].lstrip(" \t")[:1] == ":" and (
                span.isupper() or self._generic_words(span, common_names=True)
            ):
                return True  # "SURGEON:", "Date of Service:": a field label

        if f.entity_type in {"LOCATION", "PERSON"} and word.lower() in _STATES_AND_COUNTRIES:
            return True  # Safe Harbor keeps states ("Nevada" is also a first name)
        cued = f.entity_type in _NAME_TYPES and bool(
            _PERSON_CUE_BEFORE.search(text[max(0, f.start - 12) : f.start])
            and not (_UPPER_HONORIFIC_BEFORE.search(text[max(0, f.start - 5) : f.start]) and not span.isupper())
            or _CREDENTIAL_AFTER.match(text[f.end : f.end + 8])
        )
        if cued:
            return False
        if (
            f.recognizer == _NER
            and f.entity_type in {"ORGANIZATION", "LOCATION"}
            and word.isupper()
            and " " in word
            and (
                any(len(w) > 2 and self.lexicon.is_product(w) for w in _NAME_TOKEN.findall(word))
                or self.lexicon.is_clinical(_NAME_TOKEN.findall(word)[0])
            )
        ):
            return True  # "DIURESED W LASIX", "CXR BILAT PLEURAL": the NER guessing in a capitals printout
        if f.recognizer == _NER and " " not in word and _SCORE_AFTER.match(text, f.end):
            return True  # "Padua 4.", "Caprini 5;", "Braden 18)": a named score and its value
        if f.recognizer in _GUESSING_RECOGNIZERS and _EPONYM_OF_BEFORE.search(text, max(0, f.start - 24), f.start):
            return True  # "lines of Zahn", "triangle of Calot", "pouch of Douglas"
        if f.recognizer in _GUESSING_RECOGNIZERS and re.search(r"\banti-[A-Za-z]{1,3}\d?[ \t]*\($", text[max(0, f.start - 12) : f.start]):
            return True  # "anti-K (Kell)": the blood group an antibody is named for
        if f.recognizer == _NER and f.entity_type == "PERSON" and any(c.isdigit() for c in span):
            return True  # "Ber-EP4", "MF-1": stains and grades; names hold no digits
        if (
            f.recognizer == _NER
            and f.entity_type == "ORGANIZATION"
            and re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]+", word)
            and re.match(r"[ \t]+\d{3,5}\b", text[f.end : f.end + 8])
        ):
            return True  # "NovaSeq 6000": a product and its model number
        if f.recognizer in _GUESSING_RECOGNIZERS and _EPONYM_HEAD_AFTER.match(text, f.end):
            return True  # "(Sydney protocol)", "Sister Mary Joseph nodule", "Paris 0-Is"
        if f.recognizer == _NER and (
            _CLASSIFIED.match(word) if f.entity_type != "PERSON" else _CLASSIFIED_STRICT.match(word)
        ):
            return True  # "Barbeau B", "Prague C0M1", "Paris 0-Ip", "Nyhus IIIA": a class or grade
        if f.recognizer == _NER and _EPONYM_HEAD_INSIDE.search(span):
            return True  # "Ponsky-type", "Dorr type B canal": the eponym with its head
        if f.recognizer == _NER and _LAB_ISOTYPE.fullmatch(word):
            return True  # "IgA nephropathy", "pH", "HbA": lab shorthand, not organisations
        if f.recognizer == _NER and _CLINICAL_INSTRUMENT_NAME.search(word):
            return True  # "Cincinnati Prehospital Stroke Scale", "GWTG-Stroke registry"
        if f.recognizer == _NER and " " in word:
            parts = _NAME_TOKEN.findall(word)
            adjectives = [w for w in parts if _MEDICAL_ADJECTIVE.fullmatch(w)]
            if adjectives and all(w in adjectives or self.lexicon.is_clinical(w) for w in parts):
                return True  # "Subfascial Hemovac", "Intracardiac Echo": adjective and product
        if f.recognizer == _NER and " " not in word and _MEDICAL_ADJECTIVE.fullmatch(word):
            return True  # "Intravascular ultrasound", "Transthoracic echo"
        if f.recognizer == _NER and " " not in word and _COMPOUND_AFTER.match(text, f.end):
            return True  # "Cone-beam CT": the first part of a lower-case compound
        if f.recognizer == _NER and _NOT_A_NAME_SHAPE.search(word):
            return True  # "MSS/pMMR", "ER+/PR+/HER2-", "Date/Time of Procedure:"
        if (
            f.recognizer == _NER
            and " " not in word
            and word.isupper()
            and len(word) <= 5
            and word not in self.places
            and not (_INSTITUTION_ACRONYM.match(word) and not self.lexicon.is_clinical(word))
        ):
            if f.entity_type != "LOCATION" or not self.priors.is_known_name(word):
                return True  # "HIPAA", "SBAR", "LMSW": acronyms, not names
        if f.recognizer == _NER and " " not in word and word.lower().endswith(_NOT_PLACE_SUFFIXES):
            return True  # "Electronically", "Requesting": adverbs and verbs
        if (
            f.recognizer == _NER
            and f.entity_type in {"LOCATION", "ORGANIZATION"}
            and " " not in word
            and word.lower().endswith(_MEDICAL_SUFFIXES)
            and word not in self.places
        ):
            return True  # "Myasthenia", "Cholecystitis": diseases, not places
        if (
            f.recognizer == _NER
            and f.entity_type == "PERSON"
            and " " not in word
            and word.lower().endswith(_MEDICAL_SUFFIXES)
            and not self.priors.is_known_name(word)
        ):
            return True  # "Bronchoscope", "Guidewire", "Holosystolic": instruments and signs
        if (
            f.recognizer == _NER
            and " " not in word
            and text[f.end : f.end + 2].lstrip(" \t")[:1] == ":"
            and not self.priors.is_known_name(word)
            and word not in self.places
        ):
            return True  # "Dispo:", "Lang:": a field label the NER took for a name
        if f.recognizer == _NER and " " not in word:
            frequency = self.priors.word_frequency(word)
            common = (
                frequency >= 3.0
                and (not self.priors.is_known_name(word) or frequency >= 4.8 and f.entity_type != "PERSON")
                and not any(self.priors.is_known_name(p) for p in word.split("-") if "-" in word)
            )  # "Taylor-Jones" is a firm of two surnames
            if f.entity_type == "ORGANIZATION" and common:
                return True  # "Resume", "Diet", "Phone": one ordinary word is no organisation
            if f.entity_type == "LOCATION" and common and word not in self.places:
                return True  # "Requesting", "Home", "Lumbar": not a known city or county
        if f.recognizer == _NER and f.entity_type == "ORGANIZATION" and self._generic_words(word):
            return True  # "the Emergency Department", "Referral Coordinator": descriptions
        if f.recognizer == _NER and f.entity_type == "PERSON" and not self.priors.has_name_like_token(span):
            return True  # "Discharge", "Analgesia": capitalised ordinary words
        if self._on_clinical_phrase(text, f, protected):
            return True
        if f.recognizer == _NER and "-" in word and " " not in word:
            halves = word.split("-")
            if any(self.lexicon.is_clinical(h) for h in halves) and all(
                self.lexicon.is_clinical(h) or self.priors.is_known_name(h) for h in halves
            ):
                return True  # "Wright-Giemsa": a stain named for two people, one of them listed
        parts = [p.strip() for p in re.split(r"[,;/]|\band\b|&", span) if p.strip()]
        if (
            f.entity_type == "ORGANIZATION"
            and len(parts) > 1
            and all(self.lexicon.is_clinical(p, word_by_word=False) and p not in self.places for p in parts)
        ):
            return True  # "Bassini, McVay": a list of eponyms, each a lexicon term
        # "Mass General", "Mayo Clinic": institutions are named with clinical words, so only
        # a person's name is judged word by word.
        return self.lexicon.is_clinical(span, word_by_word=f.entity_type in _NAME_TYPES)

    def _after_product(self, text: str, start: int) -> bool:
        """Whether the word or two words just before `start`, on the same line, name a
        drug, device or manufacturer (the lexicon's drugs and devices files)."""
        line_start = text.rfind("\n", 0, start) + 1
        words = re.findall(r"[A-Za-z][\w\-]*", text[max(line_start, start - 40) : start])
        if not words:
            return False
        last = words[-1]
        if len(last) > 2 and self.lexicon.is_product(last):
            return True
        return len(words) >= 2 and self.lexicon.is_product(" ".join(words[-2:]))

    def _is_manufacturer(self, span: str) -> bool:
        """A device or drug maker from the lexicon, alone or before its product's model words
        ("NuVasive CoRoent Small Contoured"), and no institution word after it."""
        words = _NAME_TOKEN.findall(span)
        if not words or not self.lexicon.is_product(words[0]):
            return False
        if self.lexicon.is_product(" ".join(words)) or len(words) == 1:
            return True
        return not any(w.lower() in _NOT_A_MAKER_WORDS for w in re.findall(r"[A-Za-z]+", span)[1:])

    def _on_clinical_phrase(self, text: str, f: Finding, protected: Sequence[tuple[int, int]]) -> bool:
        """Whether the finding is a lexicon phrase plus nothing that could be PHI: "Clinical
        Frailty Scale 5", "Fr Blake" (drains), "Stewart incision"."""
        overlapping = [(s, e) for s, e in protected if s < f.end and f.start < e]
        if not overlapping:
            return False
        residual = list(text[f.start : f.end])
        for s, e in overlapping:
            for i in range(max(s, f.start), min(e, f.end)):
                residual[i - f.start] = " "
        rest = "".join(residual)
        words = [w for w in _NAME_TOKEN.findall(rest)]
        return (
            not words
            or all(len(w) <= 2 for w in words)
            or self.lexicon.is_clinical(rest)
            # "Treitz marks" (from the statistical NER): the rest is ordinary English
            or f.recognizer == _NER
            and all(
                len(w) <= 2
                or (self.priors.word_frequency(w) >= 3.0 and not self.priors.is_known_name(w) and w not in self.places)
                # "Subfascial Hemovac": a medical adjective before the product
                or _MEDICAL_ADJECTIVE.fullmatch(w) is not None
                for w in words
            )
        )

    def _generic_words(self, span: str, *, common_names: bool = False) -> bool:
        """Every word is common English (or clinical) and none is a known name or place."""
        words = [w for w in _NAME_TOKEN.findall(span) if w.lower() not in {"the", "of", "and", "for"}]
        if span.isupper():
            words = [part for w in words for part in w.split("-") if part]  # "FLUOROSCOPY-GUIDED"
        if not words:
            return True
        upper = span.isupper() or common_names
        if any(w.lower() in _INSTITUTION_WORDS for w in words):
            return False  # "General Hospital", "Methodist Hospital": named institutions
        for w in words:
            frequency = self.priors.word_frequency(w)
            # "Service", "Lower", "Center" are Census surnames too, and among the commonest
            # words: they do not make "Date of Service" or "KNEE SCOOTER" a name
            if upper and frequency >= 4.0 and (frequency >= 4.8 or w not in self.places):
                continue  # all-caps headings and labels: "KNEE SCOOTER", "Date of Service:"
            if span.isupper() and not self.priors.is_known_name(w) and (
                frequency >= 2.5 or w.lower().endswith(_MEDICAL_SUFFIXES) or _MEDICAL_ADJECTIVE.fullmatch(w)
            ):
                continue  # "NM LUNG VENTILATION AND PERFUSION IMAGING": a procedure title
            if self.priors.is_known_name(w) or w in self.places:
                return False
            if frequency < 3.0 and not self.lexicon.is_clinical(w) and not w.lower().endswith(_MEDICAL_SUFFIXES):
                return False
        return True

    def _propagate(
        self, text: str, findings: Sequence[Finding], protected: Sequence[tuple[int, int]]
    ) -> list[Finding]:
        """A name found with a strong cue is PHI wherever else it appears in the note."""
        names: dict[str, str] = {}
        lower_sources: set[str] = set()  # names dictated in lower case
        for f in findings:
            if f.entity_type not in _NAME_TYPES or f.score < 0.8:
                continue
            span = text[f.start : f.end]
            nicknames = set(_QUOTED_NICKNAME.findall(span))
            for token in _NAME_TOKEN.findall(span):
                key = token.strip("'’-")
                if len(key) < 3 or key.lower() in _PARTICLES or key.isupper() and len(key) <= 3:
                    continue
                if key in nicknames and not self.lexicon.is_clinical(key):
                    names.setdefault(key.lower(), f.entity_type)  # 'Skyler "Sky" Bramwell'
                    continue
                if self.lexicon.is_clinical(key) and f.recognizer not in _CUED_RECOGNIZERS:
                    continue
                if not self.priors.is_name_like(key) or key.lower() in _TITLE_WORDS:
                    continue  # "Discharge", "Surgery": not worth repeating note-wide
                names.setdefault(key.lower(), f.entity_type)
                if key.islower():
                    lower_sources.add(key)
        if not names:
            return []
        pattern = re.compile(
            r"(?<![\w'’\-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w\-])",
            re.IGNORECASE,
        )
        added = []
        for m in pattern.finditer(text):
            token = m.group(1)
            key = token.lower()
            if not token[0].isupper() and not (key in lower_sources and self.priors.word_frequency(key) < 4.0):
                continue  # "rose", "banks", "field" in lower case are words, not names
            start, end = m.span(1)
            if _inside_any(start, end, protected):
                continue
            if (
                _EPONYM_OF_BEFORE.search(text, max(0, start - 24), start)
                or re.search(r"\banti-[A-Za-z]{1,3}\d?[ \t]*\($", text[max(0, start - 12) : start])
            ) and not self._person_context(text, start, end, pattern):
                continue  # "lines of Zahn", "anti-K (Kell)", although Dr. Zahn signed
            if (
                self.lexicon.is_clinical(token)
                and _DEVICE_BEFORE.search(text, max(0, start - 24), start)
                and not self._person_context(text, start, end, pattern)
            ):
                continue  # "Chronic indwelling 16 Fr Foley", "the Foley": the device, although Dr. Foley signed
            if (
                (self.lexicon.is_clinical(token) or _STRICT_EPONYM_USE.match(text, end))
                and (_EPONYM_USE.match(text, end) or _EPONYM_HEAD_AFTER.match(text, end))
                and not self._person_context(text, start, end, pattern)
            ):
                continue  # "Cushing's was excluded": the eponym, although Dr. Cushing signed
            added.append(
                Finding(start, end, names[token.lower()], 0.8, "NamePropagation", "name seen elsewhere in note")
            )
        return added

    def _propagate_organizations(
        self, text: str, findings: Sequence[Finding], protected: Sequence[tuple[int, int]]
    ) -> list[Finding]:
        """An organisation found in full is PHI wherever the note names it again for short:
        by its distinctive first word ("RiverBend Kidney Care" -> "RiverBend", "riverbend"
        in a portal message) or by its initials ("Elliott Bay Medical Center" -> "EBMC",
        "Texas Department of Criminal Justice" -> "TDCJ")."""
        words: set[str] = set()
        pairs: set[str] = set()
        acronyms: set[str] = set()
        for f in findings:
            if f.entity_type != "ORGANIZATION" or f.score < 0.6:
                continue
            tokens = _ORG_TOKEN.findall(text, f.start, f.end)
            if not tokens or self.lexicon.is_clinical(text[f.start : f.end]):
                continue  # "MEDIAL FEMORAL CONDYLE" a statistical NER called an organisation
            if (
                f.recognizer != _NER
                and len(tokens) >= 3
                and tokens[2].lower() in _SYSTEM_HEADS
                and all(t[0].isupper() and t.lower() not in _ORG_GLUE and t.lower() not in _ORG_HEADS for t in tokens[:2])
                and not self.lexicon.is_clinical(" ".join(tokens[:2]))
                and min(self.priors.word_frequency(t) for t in tokens[:2]) < 4.0
            ):
                pairs.add(" ".join(tokens[:2]).lower())  # "Canyon Sky Health" -> "CANYON SKY"
            first = tokens[0]
            if (
                len(tokens) > 1
                and len(first) >= 4
                and not first.isupper()
                and self.priors.word_frequency(first) < _RARE_ORG_WORD_ZIPF
                and not self.lexicon.is_clinical(first)
                and first not in self.places
                and first.lower() not in _ORG_HEADS
            ):
                words.add(first.lower())
            named = [t for t in tokens if t.lower() not in _ORG_GLUE]
            if f.recognizer == _NER or len(named) < 3 or any(not t[0].isupper() for t in named):
                continue  # initials only of names a rule found with an institution's head
            # the whole name's initials, or those up to a head word: "Memphis Police
            # Department Airways Station" -> "MPD"
            cuts = {len(named)} | {i + 1 for i, t in enumerate(named) if t.lower() in _ACRONYM_HEADS}
            # a hyphenated name gives a letter per part too: "Brighton-Longwood Medical Center" -> "BLMC"
            split = [p for t in named for p in t.split("-") if p[:1].isupper()]
            initials = [("".join(t[0] for t in named[:k])) for k in cuts]
            hyphenated = [p for t in named if "-" in t for p in t.split("-") if p]
            # only a name's parts, not "School-Based Health Center" (SBHC is a kind of clinic)
            if len(split) > len(named) and all(self.priors.word_frequency(p) < 4.0 for p in hyphenated):
                initials.append("".join(t[0] for t in split))
            for acronym in initials:
                if (
                    len(acronym) >= 3
                    and acronym not in _CREDENTIAL_ACRONYMS
                    and not self.lexicon.is_clinical(acronym)
                    and self.priors.word_frequency(acronym) < 3.5
                ):
                    acronyms.add(acronym)
        added: list[Finding] = []
        if words:
            pattern = re.compile(
                r"(?<![\w@.'’\-])(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w@\-]|\.\w)",
                re.IGNORECASE,
            )
            for m in pattern.finditer(text):
                token = m.group(1)
                if token.islower() and self.priors.word_frequency(token) >= 2.5:
                    continue  # a lower-case ordinary word
                if not _inside_any(m.start(1), m.end(1), protected):
                    added.append(
                        Finding(m.start(1), m.end(1), "ORGANIZATION", 0.7, "NamePropagation", "organisation seen elsewhere in note")
                    )
        if pairs:
            pattern = re.compile(
                r"(?<![\w@.'’\-])(" + "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in sorted(pairs, key=len, reverse=True)) + r")(?![\w@\-])",
                re.IGNORECASE,
            )
            for m in pattern.finditer(text):
                if not m.group(1)[0].isupper() or _inside_any(m.start(1), m.end(1), protected):
                    continue
                added.append(
                    Finding(m.start(1), m.end(1), "ORGANIZATION", 0.7, "NamePropagation", "organisation seen elsewhere in note")
                )
        if acronyms:
            pattern = re.compile(r"(?<![\w@.\-])(" + "|".join(sorted(acronyms, key=len, reverse=True)) + r")(?![\w@\-]|\.\w)")
            for m in pattern.finditer(text):
                if not _inside_any(m.start(1), m.end(1), protected):
                    added.append(
                        Finding(m.start(1), m.end(1), "ORGANIZATION", 0.7, "NamePropagation", "initials of an organisation in the note")
                    )
        return added

    @staticmethod
    def _person_context(text: str, start: int, end: int, names: re.Pattern[str]) -> bool:
        """A title before the word, or another of the note's names right next to it."""
        if _PERSON_CUE_BEFORE.search(text[max(0, start - 12) : start]):
            return True
        # \Z, not $: "$" would also match before a line break and read the line above
        before = re.search(r"([A-Za-z][\w'’\-]*)[ \t]*,?[ \t]*\Z", text[max(0, start - 30) : start])
        after = re.match(r"[ \t]*,?[ \t]*([A-Za-z][\w'’\-]*)", text[end : end + 30])
        return any(m is not None and names.fullmatch(m.group(1)) is not None for m in (before, after))


# Organisation names: their words, the glue words their initials skip, the head nouns that
# say nothing alone, and how rare a first word must be to name the organisation by itself.
_ORG_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
# Heads after which the two words before them name a health system on their own ("Canyon Sky
# Health" -> "CANYON SKY chart"); a lab or a department's words do not ("Pulmonary Function Lab").
_SYSTEM_HEADS = frozenset(
    "health healthcare hospital hospitals medical regional university clinic clinics memorial community general".split()
)
_ORG_GLUE = frozenset("of the and for at in on de del la las los y du".split())
_ORG_HEADS = frozenset(
    "hospital clinic center centre health medical care services service associates group "
    "department county city state university college school community regional general "
    "memorial national american united first saint".split()
)
_RARE_ORG_WORD_ZIPF = 3.0
_ACRONYM_HEADS = frozenset(
    "department hospital center centre clinic services office agency authority institute "
    "university college school system network program".split()
)
# Credentials after a name ("LaToya Dubose, RN, CCM") are not an organisation's initials.
_CREDENTIAL_ACRONYMS = frozenset(
    "CCM CRNA CNM CNS CPNP FNP ANP AGNP PMHNP DNP MSN BSN RNC CEN CCRN CPN CNOR CWOCN LCSW LMSW "
    "MSW LPC LMFT CADC OTR COTA DPT RRT CRT CPT CST CSFA RDMS RVT RCIS CCT CHW CMA RMA CPC CCS "
    "RHIA RHIT CDIP FACS FACP FACC FAAP FACOG FRCS MPH MBA PHD".split()
)

# A quoted nickname inside a person's name: 'Skyler "Sky" Bramwell'. It is the name the note
# uses for the person afterwards, however ordinary the word.
_QUOTED_NICKNAME = re.compile(r"[\"“]([A-Z][a-z]+)[\"”]")
# What follows an eponym used as one: a possessive or a clinical head noun.
_EPONYM_USE = re.compile(
    r"['’]s?\b|[ \t\-]+(?:syndrome|disease|sign|procedure|operation|repair|maneuver|manoeuvre|"
    r"incision|triad|test|score|scale|criteria|classification|catheter|drain|clamp|retractor|"
    r"forceps|scissors|tube|pouch|point|position|technique|fashion|ligament|fascia|space|node|"
    r"lymphoma|tumou?r|ulcer|fracture|reflex|phenomenon|law|line|stitch|suture|stapler|needle|"
    r"diverticulum|disorder|anomaly|type|grade|stage|class|index|formula|rule|method|resection|reversal|"
    r"deformity|hook|approach|flap|anastomosis|bunionectomy|pacing|template|osteotomy|protocol|surgeon|surgery"
    r"|micrographic|hemorrhoidectomy|hemorrhoid|exam|examination|hysterotomy|[a-z]+otomy|[a-z]+ectomy)\b"
    # a bracketed note between: "Kerr (low transverse) hysterotomy"
    r"|[ \t]+\([^)\n]{1,30}\)[ \t]+(?:incision|hysterotomy|[a-z]+otomy|[a-z]+ectomy|repair|procedure)\b"
    # a grade after the eponym: "LACHMAN 1A", "Nyhus IIIB", "Outerbridge III"
    r"|[ \t]+(?:[0-4][A-Ca-c]?|I{1,3}[A-Ca-c]?|IV[A-Ca-c]?)(?![\w/])",
    re.IGNORECASE,
)
# Nouns that make the word before them an eponym even when the lexicon does not list it.
_STRICT_EPONYM_USE = re.compile(
    r"[ \t]+(?:protocol|stage|classification|criteria|score|sign|syndrome|disease|maneuver|manoeuvre|test|grade"
    r"|blood[ \t]+group|antibod(?:y|ies)|antigens?|lines?)\b",
    re.IGNORECASE,
)
# What follows a name used as the name of a method, sign or classification; a statistical
# or first-name guess right before one of these is the eponym, not a person or a place.
_EPONYM_HEAD_AFTER = re.compile(
    # up to two lower-case modifiers between: "Lancaster lid speculum", "Hana post-less
    # traction table", "Bledsoe hip brace"
    # (nouns and adjectives only: "Jane Roe tolerated the procedure" is a person)
    r"(?:['’]s)?[ \t\-]+(?:sliding[ \t]+)?"
    r"(?:(?!(?:the|a|an|and|or|of|to|in|on|at|by|for|with|from|was|is|were|are|has|had|have|will|would|did|does"
    r"|her|his|their|our|my|your|its|this|that|then|also|well|who|which)\b)(?![a-z\-]*ed\b)[a-z][a-z\-]{1,14}[ \t]+){0,2}?"
    r"(?:hook|brace|boot|walker|table|board"
    r"|frame|stirrups?|template|kit|wrap|mattress|splint|collar|sling|pump|deformity|resection|reversal"
    r"|bunionectomy|pacing|mapping|microfoam|coupler|connector|sheath|guidewire|plate|screw|nail|cage|valve"
    r"|stent|graft|patch|dressing|sealant|mesh|clip|balloon|lens|implant|prosthesis|injury|blood[ \t]+group"
    r"|antibod(?:y|ies)|antigens?|phenotype|stain|filter|signs|line|probe|point|elevator|dissector|pin|knife|mesher"
    r"|dermatome|valvulotome|curette|rongeur|osteotome|speculum|dilator|canal|type|syndrome|disease|sign|procedure|operation|repair|maneuver|manoeuvre|incision"
    r"|triad|test|score|scale|criteria|classification|catheter|drain|clamp|retractor|forceps"
    r"|scissors|tube|pouch|position|technique|fashion|ligament|fascia|node|nodule|lymphoma"
    r"|tumou?r|ulcer|fracture|reflex|phenomenon|stitch|suture|stapler|needle|diverticulum"
    r"|protocol|anastomosis|regimen|approach|osteotomy|flap|staging|equation|shunt|hernia"
    r"|0-I[sp]|0-II[abc]?)\b",
    re.IGNORECASE,
)
_CLINICAL_INSTRUMENT_NAME = re.compile(
    r"[ \t](?:Scale|Score|Criteria|Classification|Index|Protocol|Registry|Questionnaire|Inventory"
    r"|Assessment|Test|Rule|Staging|System)$"
)
_MEDICAL_ADJECTIVE = re.compile(
    r"(?i:intra|inter|trans|peri|sub|supra|hyper|hypo|endo|retro|post|pre|anti|poly|para|extra|infra"
    r"|epi|percutaneous|laparoscopic)[a-z]+(?:al|ar|ic|ac|ous|ary|ive|oid|eal|ial)"
)
_DEVICE_BEFORE = re.compile(
    r"(?i:\b\d+[ \t]*(?:Fr|French|F|mm|cm|gauge|g)|\b(?:the|a|an|his|her|their|its|indwelling|chronic|new|old|replace|"
    r"replaced|remove|removed|placed|place|insert|inserted|via|per|no|positive|negative))[ \t]+\Z"
)
_EPONYM_OF_BEFORE = re.compile(
    r"\b(?:lines?|triangle|space|pouch|ligament|canal|node|sign|law|crypts?|islets?|duct|foramen|fossa|circle|loop"
    r"|organ|bod(?:y|ies)|ampulla|sphincter|angle|band|bundle|capsule|column|fascia|gland|plexus|tubercle)"
    r"[ \t]+of[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_COMPOUND_AFTER = re.compile(r"-[a-z]")

_EPONYM_HEAD_INSIDE = re.compile(
    r"^[A-Z][a-z]+(?:[ \t]*&[ \t]*[A-Z][a-z]+[ \t]+(?:Class|Grade|Type|Stage)[ \t]+[IVX0-9]+[A-Ca-c]?"
    r"|-type|[ \t]+type[ \t]+[A-Z0-9]+(?:[ \t]+canal)?"
    # "Beath pin", "Sydney classification": one capitalised word and its device or method noun
    r"|[ \t]+(?:pin|wire|retractor|clamp|forceps|speculum|hook|elevator|knife|needle|catheter|drain|tube|stitch"
    r"|suture|maneuver|incision|procedure|classification|criteria|score|scale|sign|test|position|approach))$"
)
# One capitalised word and a class, grade or stage code: the eponymous classification.
_CLASSIFIED_STRICT = re.compile(
    r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?[ \t]+(?:C\dM\d|0-I{1,2}[a-z]{0,2}|[0-4][A-Ca-c]|[IV]{2,4}[A-Ca-c](?:/[IV]{1,4}[A-Ca-c]?)?)$"
)
_CLASSIFIED = re.compile(
    r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?[ \t]+(?:[A-D]|C\dM\d|0-I{1,2}[a-z]{0,2}|[0-4][A-Ca-c]?|[IV]{1,4}[A-Ca-c]?(?:/[IV]{1,4}[A-Ca-c]?)?)$"
)
_ICD_SHAPE = re.compile(r"[A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}$")
_SCORE_AFTER = re.compile(r"[ \t]+(?:score[ \t]+(?:of[ \t]+)?)?\d{1,2}(?:/\d{1,2})?[ \t]*(?:[.,;)]|$|points?\b)", re.MULTILINE)
_GUESSING_RECOGNIZERS = frozenset({"SpacyRecognizer", "FirstNameRecognizer"})
_LAB_ISOTYPE = re.compile(r"[A-Z]?[a-z]{1,3}[A-Z]{1,2}")
# Words that make a run of common words the name of a place of care or study.
_INSTITUTION_WORDS = frozenset(
    "hospital hospitals university college school academy institute infirmary laboratories "
    "laboratory labs pediatrics general memorial presbyterian methodist baptist lutheran "
    "catholic adventist county regional med children's childrens veterans sanitarium hospice".split()
)
_NOT_A_NAME_SHAPE = re.compile(r"(?<! )/(?! )|[+:=<>@]")
_FIELD_SEPARATOR = re.compile(r"\n|[ \t]{3,}|\t|:[ \t]|[ \t]/[ \t]")
# Acronyms shaped like institutions: UCSF, UPMC, UWMC, OHSU, BIDMC.
_INSTITUTION_ACRONYM = re.compile(r"^(?:U[A-Z]{2,4}|[A-Z]{1,4}MC|[A-Z]{2,3}SU)$")
_MEDICAL_SUFFIXES = (
    "ia", "osis", "itis", "ectomy", "otomy", "ostomy", "plasty", "scopy", "graphy", "emia",
    "oma", "algia", "pathy", "ology", "uria", "rrhea", "esis", "lysis", "cele", "trophy",
    "scope", "scopic", "wire", "systolic", "diastolic", "meter", "gram", "tomy",
    # anatomical adjectives, alone or compounded ("TIBIOTALAR", "costovertebral")
    "talar", "tibial", "femoral", "humeral", "radial", "ulnar", "carpal", "tarsal", "sacral", "iliac",
    "costal", "sternal", "thoracic", "lumbar", "cervical", "patellar", "scapular", "clavicular",
    "fibular", "pelvic", "vertebral", "condylar",
)
_NOT_PLACE_SUFFIXES = ("ly", "ing", "tion", "ment", "ness", "ous", "ive", "ation")
_CODE_RANGE = re.compile(r"\d{4}[0-9FTU][ \t]*[-–/][ \t]*\d{4}[0-9FTU]")
_DECIMAL = re.compile(r"\d[.:]\d")
_TITLE_WORDS = frozenset("dr doctor mr mrs ms miss prof professor".split())
_TRAILING_CREDENTIALS = re.compile(
    r"(?:[ \t]*,?[ \t]*(?:M\.?D\.?|D\.?O\.?|R\.?N\.?|PA-C|CRNA|N\.?P\.?|FACS|FACP|PhD|BSN|MSN|PGY-?\d*|MBBS|DPM))+[ \t,.]*$"
)


_TRAILING_NON_NAME = re.compile(r"[ \t,]+(?:on|at|since|dated|from)[ \t,]+[^\n]*\d[^\n]*$", re.IGNORECASE)
_NER_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-])*(?:(?<=\b[A-Z])\.)?")


_FIELD_LABELS = frozenset("DOB MRN SSN FIN CSN DOS ACCT AGE SEX MR DOD DOA DOI NPI DEA".split())
_TRAILING_FIELD_LABEL = re.compile(r"[ \t]+(?:" + "|".join(sorted(_FIELD_LABELS)) + r")[ \t:#]*$")


def _name_or_initial(word: str, priors: NamePriors) -> bool:
    """Whether an edge word of a statistical PERSON span stays: initials, known names,
    and capitalised words that are not common English ("Khalid" stays, "Discuss" goes)."""
    word = word.rstrip(".")
    if word.upper() in _FIELD_LABELS and not word.islower():
        return False  # "Castellanos-Reid  DOB": the next field's label
    if len(word) == 1 or priors.is_known_name(word):
        return True
    if not word[0].isupper():
        return False
    return priors.word_frequency(word) < 4.0


def _trim_ner(text: str, f: Finding, priors: NamePriors) -> Finding:
    """Cut credentials off statistical NER spans ("Ellen Cook, MD, FACS") and, for
    people, ordinary words at either end ("Discuss Hartmann", "TPN via")."""
    if f.recognizer != _NER:
        return f
    start, end = f.start, f.end
    if f.entity_type == "PERSON" and any(c.isdigit() for c in text[start:end]):
        # names hold no digits: "Ber-EP4" goes; "Denise 555-012-5560" keeps "Denise"
        first = re.search(r"[^\s/]*\d", text[start:end])
        end = start + len(text[start : start + first.start()].rstrip(" \t/,;:-")) if first else end
    separator = _FIELD_SEPARATOR.search(text, start, end)
    if separator and separator.start() > start:
        # a name or organisation does not run across lines or fields ("CCHT\n\nTransportation",
        # "Merriweather    DOB:")
        end = separator.start()
    inside = text[start:end]
    if inside.count("(") != inside.count(")"):
        # "MA (Yesenia", "Vein (left": a bracket opened or closed inside is a boundary;
        # keep the side with the name
        cut = start + max(inside.rfind("("), inside.rfind(")"))
        before = [w for w in _NER_WORD.findall(text, start, cut) if len(w) > 3 or not w.isupper()]
        after = _NER_WORD.findall(text, cut + 1, end)
        if not any(priors.is_name_like(w) for w in before) and any(priors.is_name_like(w) for w in after):
            start = cut + 1 + len(text[cut + 1 : end]) - len(text[cut + 1 : end].lstrip())
        else:
            end = cut
            while end > start and text[end - 1] in " \t":
                end -= 1
    if f.entity_type == "PERSON" and re.match(r"[A-Z]\.[ \t]", text[start : start + 3]) and re.search(
        r"\d[ \t]*$", text[max(0, start - 6) : start]
    ):
        return Finding(start, start, f.entity_type, f.score, f.recognizer, f.reason)  # "20 J. Weaned": joules
    label = _TRAILING_FIELD_LABEL.search(text, start, end)
    if label and label.end() == end and label.start() > start:
        end = label.start()  # "Amara Castellanos-Reid  DOB" tagged as one organisation
    cut = _TRAILING_CREDENTIALS.search(text, start, end)
    if cut and cut.end() == end and cut.start() > start:
        end = cut.start()
    # "Johns Hopkins on 09/12/2022": a trailing date or number and the words that lead to
    # it are not part of an organisation's or place's name
    tail = _TRAILING_NON_NAME.search(text, start, end)
    if tail and tail.end() == end and tail.start() > start and f.entity_type != "PERSON":
        end = tail.start()
    if f.entity_type == "PERSON":
        words = list(_NER_WORD.finditer(text, start, end))
        while words and not _name_or_initial(words[0].group(), priors):
            words.pop(0)
        while words and not _name_or_initial(words[-1].group(), priors):
            words.pop()
        if not words:
            return Finding(start, start, f.entity_type, f.score, f.recognizer, f.reason)
        start, end = max(start, words[0].start()), min(end, words[-1].end())
    if (start, end) == (f.start, f.end):
        return f
    return Finding(start, end, f.entity_type, f.score, f.recognizer, f.reason)


def _implausible_ner_span(span: str, entity_type: str, places: KnownPlaces | None = None) -> bool:
    """Statistical NER output that cannot be a name: codes, numbers, short capitals."""
    stripped = span.strip(" .,;:()")
    if entity_type in _NAME_TYPES and any(c.isdigit() for c in stripped):
        return True
    alnum = [c for c in stripped if c.isalnum()]
    digits = sum(c.isdigit() for c in alnum)
    if _DECIMAL.search(stripped) or (alnum and digits / len(alnum) >= 0.25):
        return True  # "INR 1.2", "G1P1", "02:10 - NG": values and codes, not names or places
    if len(stripped) <= 3 and stripped.isupper() and not _INSTITUTION_ACRONYM.match(stripped):
        return True  # MD, RN, ICU, OR: credentials and units, not places or people
    if not any(c.isupper() for c in stripped) and entity_type != "PERSON":
        # "ketorolac", "anesthesia": organisations are written capitalised; a place in
        # lower case must be a known one ("bahrain"); lower-case people are judged by
        # their words (name priors and the lexicon) like any other
        return places is None or stripped not in places
    return not any(c.isalpha() for c in stripped)


def _to_finding(r: RecognizerResult) -> Finding:
    meta = r.recognition_metadata or {}
    recognizer = str(meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, "unknown"))
    reason = str(meta.get("reason") or (r.analysis_explanation.pattern_name if r.analysis_explanation else "") or "")
    return Finding(r.start, r.end, canonical_entity_type(r.entity_type), float(r.score), recognizer, reason)


def _inside_any(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) lies within one of the (sorted or not) spans."""
    return any(s <= start and end <= e for s, e in spans)


# A clock time written before a date ("at 2140 on 11/28", "8:15 AM Wednesday May 7"), the
# end of a time range after one ("March 31, 2025, 08:15–10:52") and a weekday in brackets
# after one ("05/28/2025 (Wed)") belong to the date.
_TIME_BEFORE = re.compile(
    r"(?:(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?|(?<=\bat[ \t])(?:[01]\d|2[0-3])[0-5]\d)"
    r"[ \t]+(?:on[ \t]+)?$"
)
_AFTER_DATE = re.compile(
    r"[ \t]*[–-][ \t]*(?:[01]?\d|2[0-3]):[0-5]\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?![\d:])"
    # "Tue 01/21/2025 16:00-16:53": a clock time or a time range right after the date
    r"|[ \t]+(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
    r"(?:[ \t]*[–-][ \t]*(?:[01]?\d|2[0-3]):[0-5]\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?)?(?![\d:])"
    r"|[ \t]*\((?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day)?\)"
)
# "July 20-25, 2025": the year after a month's range of days
_DAY_RANGE = re.compile(r"[A-Za-z]{3,}\.?[ \t]+\d{1,2}[ \t]*[–-][ \t]*\d{1,2}")
_YEAR_AFTER = re.compile(r",?[ \t]+(?:19|20)\d\d(?![\d/])")


_KIN_NAME_BEFORE = re.compile(
    r"(?<![\w'’])(?:Mama|Mamma|Momma|Papa|Pappa|Nana|Nanna|Granny|Grandma|Grandpa|Gramma|Grampa|Meemaw|Mawmaw"
    r"|Pawpaw|Mimi|Auntie|Tía|Tío|Abuela|Abuelo|Doña|Don|Tita|Tito|Lola|Lolo|Md\.|Mohd\.)[ \t]+\Z"
)
_NAME_OF_BEFORE = re.compile(
    r"(?<![\w'’.\-])(?P<words>(?:(?:[A-Z][a-z]+|St\.|Ste\.)[ \t]+){1,3})(?:of|on)[ \t]+(?:the[ \t]+)?\Z"
)
_NOT_NAME_OF = frozenset(
    "Department Division Director Section Chief Head Member Members Staff President Office Part Most All Some "
    "One None Each Any Many Both Care Behalf Instead Because Out Top End Front Back Board Dean Professor "
    "Chair Vice Manager Coordinator Nurse Physician Doctor Resident Fellow Patient Patients Records "
    "Copy Copies Release Review Letter Summary Report Results Name Names Director's The This That Start Rights "
    "Date Time Plan Goals Notice Statement Certificate Proof Type Level Place Point Notice Change".split()
)
_SECOND_SURNAME_AFTER = re.compile(
    r"[ \t]+(?:y|Y)[ \t]+[A-ZÁÉÍÓÚÑ][A-Za-záéíóúñü'’\-]+(?=[ \t]*(?:\n|\Z|[,;|(]|[ \t]{2}))"
)
_WIDOW_OF_AFTER = re.compile(r"[ \t]+(?:Vda\.?|VDA\.?|[Vv]iuda)[ \t]+(?:de|DE)[ \t]+[A-ZÁÉÍÓÚÑ][A-Za-záéíóúñü'’\-]+")
_NICKNAME_TAIL = re.compile(
    r"[ \t]*(?:\(|(?:a/k/a|a\.k\.a\.|aka|AKA|A/K/A|goes[ \t]+by|nicknamed|nickname)[ \t]*:?[ \t]*)?[\"“]"
    r"[A-Z][A-Za-z'’\-]{0,14}(?:[ \t][A-Z][A-Za-z'’\-]{0,14})?[\"”]\)?"
)
_OF_STATE_AFTER = re.compile(rf"[ \t]+(?:of|OF)[ \t]+(?:the[ \t]+|THE[ \t]+)?{STATE_NAME}(?![\w'’])")
_PLAN_TYPE_AFTER = re.compile(r"[ \t]*\((?:HMO|PPO|EPO|POS|PFFS|SNP|D-SNP|C-SNP|MAPD|HMO-POS|HMO[ \t]SNP|HMO-SNP)\)")
_INITIAL_BEFORE = re.compile(
    r"(?<![\w.])(?:(?:Ofc|OFC|Officer|Det|Sgt|Dr|Mr|Mrs|Ms)\.?[ \t]+)?(?<![A-Za-z])[A-Z]\.[ \t]?\Z"
)
# Titles of non-staff persons that the name rules leave outside a found surname.
_TITLE_BEFORE = re.compile(r"(?<![\w.])(?:Fr|Rev|P\.O|Ofc|Det|Sgt|Cpl|Tpr|Msgr)\.[ \t]?\Z|(?<![\w.])(?:Father|Pastor|Officer|Chief|Deacon|Imam|Rabbi)[ \t]\Z")
# The words after "LAST, FIRST" that finish the name: "GOODNIGHT, ETHEL MAE", "YAZZIE, TOMAS
# REDHOUSE", "Hebert,Julien A", "FERNANDEZ,ROSARIO DEL CARMEN".
_LAST_FIRST = re.compile(r"[A-Za-zÀ-ÿ'’\-]+[ \t]*,[ \t]*[A-Za-zÀ-ÿ'’\-]+(?:[ \t][A-Za-zÀ-ÿ'’\-]+\.?)?\Z")
_NEXT_NAME_WORD = re.compile(r"[ \t](?P<word>(?:(?:DEL|DE|LA|DA|DOS|VAN|VON|del|de|la|da|van|von)[ \t])?(?:[A-Z][A-Za-z'’\-]*|[A-Z]\.?))(?=[ \t]*(?:$|[ \t,;|(]))", re.MULTILINE)
_PLAIN_CREDENTIAL_AFTER = re.compile(r"[ \t](?:MD|DO|NP|PA-C|DPM|CRNA|CNM|DDS)(?![\w,\-])")
_TRAILING_LABEL = re.compile(r"[ \t]+(?:MRN|DOB|AGE|Age|SEX|Sex|ACCT|Acct|FIN|CSN|ADM|REG|LOC|UNIT|ROOM|Room)\Z")
_NOT_MIDDLE = frozenset(
    "MD DO RN NP PA PHD DDS DMD DPM OD CRNA CNM LPN MA PT OT MRN DOB AGE SEX ACCT FIN CSN MR DR "
    "JR SR II III IV M F MALE FEMALE ADM REG LOC UNIT ROOM".split()
)


def _middle_names(text: str, start: int, end: int) -> int:
    """The end of a "LAST, FIRST" name, taking up to two further name words or initials in
    the same case (capitals after capitals) that are no credential, label or common word."""
    if not _LAST_FIRST.fullmatch(text, start, end):
        return end
    upper = text[start:end].isupper()
    for _ in range(2):
        m = _NEXT_NAME_WORD.match(text, end)
        if m is None:
            break
        word = m.group("word")
        core = word.split()[-1].rstrip(".")
        if core.upper() in _NOT_MIDDLE or (upper and not word.isupper()) or (not upper and len(core) > 1 and not core[1:].islower()):
            break
        if len(core) > 1 and NamePriors.word_frequency(core) >= 4.5 and not NamePriors.load().is_known_name(core):
            break
        end = m.end("word")
    return end


_THE_BEFORE = re.compile(r"(?:\b[a-z]+[ \t]+|\()The[ \t]+$")


def _widen(text: str, f: Finding) -> Finding:
    """Take in what belongs to a finding but no rule saw: "The" before an institution, a
    clock time before a date, a time range or a bracketed weekday after one."""
    if (
        f.entity_type in {"ORGANIZATION", "LOCATION"}
        and " " not in text[f.start : f.end]
        and (nick := _NICKNAME_TAIL.match(text, f.end)) is not None
        and "(" in nick.group()
    ):
        # 'Kingston ("King") is a previously healthy ...': one word with a quoted nickname is a person
        return Finding(f.start, nick.end(), "PERSON", f.score, f.recognizer, f.reason)
    if f.entity_type in {"ORGANIZATION", "LOCATION"}:
        # "lives in a senior apartment at The Willows at Magnolia Park": a capital "The"
        # mid-sentence is part of the name
        start, end = f.start, f.end
        the = _THE_BEFORE.search(text, max(0, f.start - 24), f.start)
        if the is not None:
            start = f.start - 4 - (f.start - the.end())
        elif f.entity_type == "ORGANIZATION" and (of := _NAME_OF_BEFORE.search(text, max(0, f.start - 40), f.start)) is not None:
            if not set(of.group("words").split()) & _NOT_NAME_OF:
                start = of.start()  # "Our Lady of the Bayou Pediatric Clinic", "Garden of the Gods Imaging"
        if f.entity_type == "ORGANIZATION" and (plan := _PLAN_TYPE_AFTER.match(text, end)) is not None:
            end = plan.end()  # "Sawtooth Senior Advantage (HMO)"
        if f.entity_type == "ORGANIZATION" and (state := _OF_STATE_AFTER.match(text, end)) is not None:
            end = state.end()  # "Blue Cross Blue Shield of Texas": the state names the plan
        if f.entity_type == "LOCATION" and text[start : start + 1].isdigit():
            # the building, floor or bay before a street address belongs to it: "Building B,
            # 2nd Floor, 9350 E Arapahoe Rd", "Cedar Glen Apartments, Building 7, Apt 312, 880 ..."
            while (unit := _UNIT_BEFORE.search(text, max(0, start - 60), start)) is not None:
                start = unit.start("unit")
        if (start, end) == (f.start, f.end):
            return f
        return Finding(start, end, f.entity_type, f.score, f.recognizer, f.reason)
    if f.entity_type in _PERSON_TYPES:
        start, end = f.start, f.end
        # "(K. Asante)", "Interpreter log: G. Yoon", "Ofc. R. Lewis", "Fr. Wisniewski": an
        # initial or a title a rule left out
        if text[f.start : f.start + 1].isupper():
            initial = _INITIAL_BEFORE.search(text, max(0, f.start - 16), f.start)
            if initial is None:
                initial = _TITLE_BEFORE.search(text, max(0, f.start - 16), f.start)
            if initial is None:
                initial = _KIN_NAME_BEFORE.search(text, max(0, f.start - 12), f.start)  # "Mama Jo", "Doña Remedios"
            if initial is not None:
                start = initial.start()
        end = _middle_names(text, start, end)
        if (second := _SECOND_SURNAME_AFTER.match(text, end)) is not None:
            end = second.end()  # "Héctor Manuel Del Valle y Colón   DOB": the second surname closes the field
        if (widow := _WIDOW_OF_AFTER.match(text, end)) is not None:
            end = widow.end()  # "Nereida Socorro Maldonado Vda. de Quiles"
        if (nick := _NICKNAME_TAIL.match(text, end)) is not None:
            end = nick.end()  # 'Hatfield, Brandy Nicole ("BeeBee")', 'Hollins, Terrence D. a/k/a "T-Bone"'
        if f.entity_type == "PROVIDER" and "," in text[start:end] and (cred := _PLAIN_CREDENTIAL_AFTER.match(text, end)):
            end = cred.end()  # "Hebert,Julien A MD": an EHR's name field holds the credential
        label = _TRAILING_LABEL.search(text, start, end)
        if label is not None and label.start() > start:
            end = label.start()  # "Smith, John MRN 4482913": the field label after the name
        if (start, end) == (f.start, f.end):
            return f
        return Finding(start, end, f.entity_type, f.score, f.recognizer, f.reason)
    if f.entity_type != "DATE":
        return f
    start, end = f.start, f.end
    before = _TIME_BEFORE.search(text, max(0, start - 16), start)
    if before is not None:
        start = before.start()
    after = _AFTER_DATE.match(text, end)
    if after is not None:
        end = after.end()
    elif _DAY_RANGE.fullmatch(text, start, end) and (year := _YEAR_AFTER.match(text, end)) is not None:
        end = year.end()
    if (start, end) == (f.start, f.end):
        return f
    return Finding(start, end, f.entity_type, f.score, f.recognizer, f.reason)


_UNIT_BEFORE = re.compile(
    r"(?<![\w\-])(?P<unit>"
    r"(?:Building|BUILDING|Bldg\.?|BLDG\.?|Bay|BAY|Suite|SUITE|Ste\.?|Unit|UNIT|Apt\.?|APT\.?"
    r"|Apartment|Lot|LOT|Room|Rm\.?|Wing|Tower|Floor|Level)[ \t]*#?[ \t]*[A-Z0-9][A-Z0-9\-]{0,5}"
    r"|(?:\d{1,2}(?:st|nd|rd|th)|Ground|Lower|Upper|Main)[ \t]+(?:Floor|FLOOR|Fl\.?|Level|LEVEL)"
    r"|(?:[A-Z][a-z]+[ \t]+){1,3}(?:Pavilion|Apartments|Apts\.?|Tower|Towers|Building|Plaza|Commons|Annex)"
    r")[ \t]*,[ \t]*\Z"
)
_DEPARTMENT_WORDS = frozenset(
    "dept department division unit service services office billing records lab laboratory "
    "pharmacy radiology admissions admitting main floor clinic center surgery medicine "
    "registration scheduling finance nursing administration".split()
)
_ORG_BRANCH = re.compile(
    r"(?P<branch>[ \t]+[-–][ \t]+(?:[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?|[A-Z]{3,}(?:[ \t][A-Z]{3,})?)"
    r"|[ \t]+\d{1,3}(?:st|nd|rd|th)[ \t]+(?:District|Precinct|Ward|Division)"
    r"|,[ \t]+(?:Probate|Family|Juvenile|Criminal|Civil|Law|Chancery)[ \t]+Division)"
    r"(?=[ \t]*(?:$|[,;.)(|\n]|[ \t]\d)|[ \t]{2,})",
    re.MULTILINE,
)


# Two institution names joined into one: "Women & Infants Pavilion at Grace Memorial",
# "Prairie Rose Health - Wichita West Clinic"; and a LAST, FIRST found in two pieces.
_INSTITUTION_JOIN = re.compile(r"[ \t]+(?:at|of|[-–—|])[ \t]+")


_NAME_JOIN = re.compile(r"(?:[ \t]+(?:MD|DO|NP|PA-C|RN|DPM))?[ \t]*,[ \t]*")  # "RAGHUNATHAN MD, PRIYANKA"
_PERSON_TYPES = frozenset({"PERSON", "PROVIDER"})
_UNIT_BETWEEN = re.compile(
    r"[ \t]*,[ \t]*(?:Ste\.?|STE\.?|Suite|SUITE|Apt\.?|APT\.?|Unit|UNIT|Bldg\.?|BLDG\.?|Building|Floor|Fl\.?|Rm\.?|Room|Lot|LOT|Space|Site|Pad|Slip|Trlr|#)"
    r"[ \t]*#?[ \t]*[A-Za-z0-9\-]{1,6}[ \t]*,[ \t]*"
)
# "AARP Medicare Advantage from UnitedHealthcare": a plan and its carrier
_PLAN_FROM = re.compile(r"[^\n]*(?:Advantage|Plan|Supplement|Medigap|Part[ \t]D)[ \t]+(?:from|by|through)[ \t]+")
# Spanish double surnames and widows' names, and a surname's particles between two pieces:
# "Del Valle y Colón", "Quiñones Vda. de Maysonet", 'Dorothea "Dottie" Van der Linden'
_SURNAME_JOIN = re.compile(r"[ \t]+(?:y|Y|Vda\.?[ \t]+de|VDA\.?[ \t]+DE|[Vv]iuda[ \t]+de|der|den|de|del|da|di|du|la|le|van|von)[ \t]+")
_COMMA_BETWEEN = re.compile(r"[ \t]*,[ \t]*")
_AND_BETWEEN = re.compile(r"[ \t]+(?:and|&)[ \t]+")


def _join_adjacent(text: str, findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    for f in findings:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.entity_type in _PERSON_TYPES
            and f.entity_type in _PERSON_TYPES | {"LOCATION"}
            and " " not in text[prev.start : prev.end].strip()
            and _NAME_JOIN.fullmatch(text, prev.end, f.start) is not None
        ):
            # "BEGAY" + "LORETTA J", "FOX" + "DANA L": one LAST, FIRST found in two pieces
            out[-1] = Finding(prev.start, f.end, prev.entity_type, max(prev.score, f.score), prev.recognizer, prev.reason)
            continue
        if (
            prev is not None
            and prev.entity_type == f.entity_type == "LOCATION"
            and (_UNIT_BETWEEN.fullmatch(text, prev.end, f.start) is not None or _COMMA_BETWEEN.fullmatch(text, prev.end, f.start) is not None)
        ):
            # "8765 E. Via Linda" + "Ste 204, " + "Scottsdale, AZ 85258": one address
            out[-1] = Finding(prev.start, f.end, "LOCATION", max(prev.score, f.score), prev.recognizer, prev.reason)
            continue
        if (
            prev is not None
            and prev.entity_type in _PERSON_TYPES
            and f.entity_type in _PERSON_TYPES
            and " " not in text[prev.start : prev.end].strip()
            and " " in text[f.start : f.end].strip()
            and _AND_BETWEEN.fullmatch(text, prev.end, f.start) is not None
        ) or (
            prev is not None
            and prev.entity_type in _PERSON_TYPES
            and (f.entity_type in _PERSON_TYPES or f.entity_type == "ORGANIZATION" and "," in text[f.start : f.end])
            and _SURNAME_JOIN.fullmatch(text, prev.end, f.start) is not None
        ):
            # "Héctor Manuel Del Valle y Colón", "Quiñones Vda. de Maysonet": one Spanish name
            # "Renée and Adrián Sandoval": two given names sharing one surname
            out[-1] = Finding(prev.start, f.end, prev.entity_type, max(prev.score, f.score), prev.recognizer, prev.reason)
            continue
        join = _INSTITUTION_JOIN.fullmatch(text, prev.end, f.start) if prev is not None else None
        if (
            prev is not None
            and join is not None
            and prev.entity_type == "ORGANIZATION"
            # "Bayside Heart Center at Mercy Harbor": after "at", the NER's guess is the site
            and (f.entity_type == "ORGANIZATION" or join.group().strip() == "at" and text[f.start].isupper())
            or prev is not None
            and prev.entity_type == f.entity_type == "ORGANIZATION"
            and _PLAN_FROM.fullmatch(text, prev.start, f.start) is not None
        ):
            out[-1] = Finding(prev.start, f.end, "ORGANIZATION", max(prev.score, f.score), prev.recognizer, prev.reason)
            continue
        out.append(f)
    return out


def _merge(findings: list[Finding]) -> list[Finding]:
    """Union overlapping findings; the merged span takes the strongest finding's type."""
    if not findings:
        return []
    ordered = sorted(findings, key=lambda f: (f.start, -f.end))
    merged: list[Finding] = []
    group = [ordered[0]]
    group_end = ordered[0].end
    for f in ordered[1:]:
        if f.start < group_end:
            group.append(f)
            group_end = max(group_end, f.end)
            continue
        merged.append(_combine(group, group_end))
        group, group_end = [f], f.end
    merged.append(_combine(group, group_end))
    return merged


def _combine(group: list[Finding], end: int) -> Finding:
    if len(group) == 1:
        return group[0]
    best = max(group, key=lambda f: (f.score, f.recognizer in _CUED_RECOGNIZERS, len(f)))
    return Finding(group[0].start, end, best.entity_type, best.score, best.recognizer, best.reason)


