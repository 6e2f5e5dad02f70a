"""ft-sanitizer's pipeline: `from pipelines import sanitize_file` is the notebook API.

Exports load on first use (PEP 562), so `import pipelines` stays cheap for the CLI: no polars, no
Prefect, no spaCy until asked for. `pipelines.sanitize_file` is the notebook function of
pipelines/api.py, not the stage module pipelines/stages/sanitize_file.py. Importing the package
sets ft-sanitizer's Prefect defaults where the user set nothing (pipelines/prefect_defaults.py).
"""

from typing import Any

from pipelines.prefect_defaults import apply_prefect_defaults

apply_prefect_defaults()  # before anything imports Prefect: analytics off, a patient ephemeral server

_EXPORTS = {
    "sanitize_file": ("pipelines.api", "sanitize_file"),
    "SanitizeResult": ("pipelines.api", "SanitizeResult"),
    "sanitize_dataset": ("pipelines.flow", "sanitize_dataset"),
}

__all__ = ["SanitizeResult", "sanitize_dataset", "sanitize_file"]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pipelines' has no attribute {name!r}")
    import importlib

    module, attr = _EXPORTS[name]
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
