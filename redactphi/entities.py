"""The entity types RedactPHI detects, and how they map to Safe Harbor and evaluation labels.

HIPAA Safe Harbor (45 CFR 164.514(b)(2)(i)) lists 18 identifier kinds; each one that can
appear in the text of a US clinical note has a type here. Patients, relatives and other
persons (PERSON) are kept apart from clinicians and staff (PROVIDER) so policies can treat
them differently and the coding pipeline can tell who did the procedure.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ENTITY_TYPES",
    "EntityType",
    "canonical_entity_type",
    "evaluation_label",
]


@dataclass(frozen=True, slots=True)
class EntityType:
    """One RedactPHI entity type."""

    name: str
    label: str  # evaluation label (NAME, PROVIDER, DATE, AGE, ID, ...)
    safe_harbor: str  # the Safe Harbor identifier it covers
    description: str


ENTITY_TYPES: dict[str, EntityType] = {
    e.name: e
    for e in (
        EntityType("PERSON", "NAME", "(A) names", "patient, relative or other person"),
        EntityType("PROVIDER", "PROVIDER", "(A) names", "clinician or staff member"),
        EntityType(
            "LOCATION",
            "LOCATION",
            "(B) geographic subdivisions smaller than a state",
            "street address, city, county, ZIP code",
        ),
        EntityType(
            "ORGANIZATION",
            "ORGANIZATION",
            "(B)/(R) locating and identifying names",
            "hospital, clinic, practice, laboratory, employer, school",
        ),
        EntityType("DATE", "DATE", "(C) dates", "any date more specific than a year"),
        EntityType("AGE", "AGE", "(C) ages over 89", "an age over 89"),
        EntityType("PHONE_NUMBER", "PHONE", "(D)/(E) telephone and fax", "phone, fax, pager"),
        EntityType("EMAIL_ADDRESS", "EMAIL", "(F) email addresses", "email address"),
        EntityType("US_SSN", "ID", "(G) social security numbers", "social security number"),
        EntityType(
            "MEDICAL_RECORD_NUMBER", "ID", "(H) medical record numbers", "MRN and record numbers"
        ),
        EntityType(
            "HEALTH_PLAN_ID",
            "ID",
            "(I) health plan beneficiary numbers",
            "member, group, policy, Medicare and Medicaid numbers",
        ),
        EntityType(
            "ACCOUNT_NUMBER",
            "ID",
            "(J) account numbers",
            "account, encounter, FIN and visit numbers",
        ),
        EntityType(
            "LICENSE_NUMBER",
            "ID",
            "(K) certificate/license numbers",
            "license, DEA and NPI numbers",
        ),
        EntityType("VEHICLE_ID", "ID", "(L) vehicle identifiers", "VIN and licence plates"),
        EntityType("DEVICE_ID", "ID", "(M) device identifiers", "device serial numbers and UDIs"),
        EntityType("URL", "URL", "(N) web URLs", "URL, including patient-portal links"),
        EntityType("IP_ADDRESS", "IP", "(O) IP addresses", "IPv4 and IPv6 addresses"),
        EntityType(
            "ID",
            "ID",
            "(R) any other unique identifying number",
            "accession, specimen, job and other identifying numbers",
        ),
    )
}

# Types that Presidio's own recognizers emit, folded into RedactPHI's.
_ALIASES: dict[str, str] = {
    "DATE_TIME": "DATE",
    "US_DRIVER_LICENSE": "LICENSE_NUMBER",
    "MEDICAL_LICENSE": "LICENSE_NUMBER",
    "US_NPI": "LICENSE_NUMBER",
    "US_PASSPORT": "ID",
    "US_ITIN": "ID",
    "US_BANK_NUMBER": "ACCOUNT_NUMBER",
    "CREDIT_CARD": "ACCOUNT_NUMBER",
    "IBAN_CODE": "ACCOUNT_NUMBER",
    "US_MBI": "HEALTH_PLAN_ID",
    "NRP": "ID",
    "GPE": "LOCATION",
    "ORG": "ORGANIZATION",
    "PER": "PERSON",
}


def canonical_entity_type(entity_type: str) -> str:
    """RedactPHI's name for a detector's entity type (unknown types pass through unchanged)."""
    return _ALIASES.get(entity_type, entity_type)


def evaluation_label(entity_type: str) -> str:
    """The evaluation label of an entity type; unknown types count as ID (fail closed)."""
    known = ENTITY_TYPES.get(canonical_entity_type(entity_type))
    return known.label if known else "ID"
