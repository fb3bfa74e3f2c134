from __future__ import annotations

import redactphi


def test_public_names_are_pinned() -> None:
    # Changing the public surface is a deliberate act: update this list with it.
    assert sorted(redactphi.__all__) == sorted(
        [
            "ENTITY_TYPES",
            "ConfigurationError",
            "DecodeError",
            "EntityType",
            "Finding",
            "InputError",
            "Keyring",
            "KeyringError",
            "ModelNotInstalledError",
            "PRESETS",
            "Policy",
            "PolicyError",
            "RedactPHIError",
            "RedactionResult",
            "Redactor",
            "RedactorConfig",
            "ReidentificationError",
            "Replacement",
            "TokenVault",
            "UnsupportedFormatError",
            "__version__",
            "evaluation_label",
        ]
    )
    for name in redactphi.__all__:
        assert hasattr(redactphi, name), name


def test_every_safe_harbor_text_identifier_has_a_type() -> None:
    labels = {e.label for e in redactphi.ENTITY_TYPES.values()}
    assert labels == {
        "NAME", "PROVIDER", "DATE", "AGE", "ID", "PHONE", "EMAIL", "URL", "IP", "LOCATION", "ORGANIZATION"
    }
    assert redactphi.evaluation_label("PERSON") == "NAME"
    assert redactphi.evaluation_label("US_DRIVER_LICENSE") == "ID"
    assert redactphi.evaluation_label("SOMETHING_NEW") == "ID"  # unknown types fail closed
