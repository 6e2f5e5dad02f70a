"""Every quarantine reason code has an explanation for the report."""

from pipelines.reason_explanations import EXPLANATIONS, explain
from schemas.reasons import Reason


def test_explains_every_reason_code_when_listed() -> None:
    assert set(EXPLANATIONS) == set(Reason)
    assert all(text.endswith(".") and len(text) < 160 for text in EXPLANATIONS.values())


def test_points_to_readme_when_code_unknown() -> None:
    assert explain("invalid_json") == EXPLANATIONS[Reason.INVALID_JSON]
    assert "README" in explain("a_code_from_a_newer_version")
