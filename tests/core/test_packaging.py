"""The wheel must hold every package and data file a non-editable install needs."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]


def _config() -> dict:  # type: ignore[type-arg]
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def test_every_package_directory_is_listed() -> None:
    config = _config()
    roots = {name: ROOT / path for name, path in config["package-dir"].items()}
    found = set()
    for name, root in roots.items():
        for init in root.rglob("__init__.py"):
            relative = init.parent.relative_to(root).parts
            found.add(".".join((name, *relative)))
    assert found == set(config["packages"])


def test_every_data_file_is_matched_by_package_data() -> None:
    config = _config()
    roots = {name: ROOT / path for name, path in config["package-dir"].items()}
    for name, root in roots.items():
        patterns = config["package-data"].get(name, [])
        for file in root.rglob("*"):
            if file.is_dir() or file.suffix in {".py", ".pyc"} or "__pycache__" in file.parts:
                continue
            relative = file.relative_to(root)
            assert any(relative.match(p) or _glob_match(relative, p) for p in patterns), (name, relative)


def _glob_match(relative: Path, pattern: str) -> bool:
    if "**" in pattern:
        prefix = pattern.split("**")[0].rstrip("/")
        return str(relative).startswith(prefix)
    return False
