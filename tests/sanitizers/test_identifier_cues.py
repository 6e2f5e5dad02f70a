"""The cue table: every entity it names is removed by default, and values are checked for their shape only."""

import pytest
import regex as re

from sanitizers.identifier_cues import (
    IDENTIFIER_CUES,
    cued_iban_ok,
    cued_iban_regex,
    cued_value_ok,
    cued_value_regex,
)
from sanitizers.value_group import DEFAULT_FLAGS
from schemas.run_config import DEFAULT_PII_ENTITIES


def value_after(entity: str, text: str) -> str | None:
    match = re.search(cued_value_regex(entity), text, flags=DEFAULT_FLAGS)
    return match["value"] if match else None


def test_names_only_entities_removed_by_default():
    assert set(IDENTIFIER_CUES) <= set(DEFAULT_PII_ENTITIES)


@pytest.mark.parametrize("entity", sorted(IDENTIFIER_CUES))
def test_compiles_each_cue_on_its_own(entity):
    for cue in IDENTIFIER_CUES[entity]:
        re.compile(cue, flags=DEFAULT_FLAGS)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("AB-12", False),  # 4 letters and digits: too short
        ("AB-123", True),  # 5, 3 of them digits
        ("ABCDE1", False),  # one digit
        ("12345678901234567890", True),  # 20
        ("123456789012345678901", False),  # 21
        ("QQ 12 34 56 C", True),  # spaces and dashes do not count
    ],
)
def test_checks_length_and_digits_when_value_follows_a_cue(value, ok):
    assert cued_value_ok(value) is ok


def test_checks_iban_length_when_value_follows_iban_cue():
    assert cued_iban_ok("GB12 3456 7890 12") and not cued_iban_ok("GB12 3456") and not cued_iban_ok("GB" + "1" * 33)


@pytest.mark.parametrize(
    ("entity", "text", "value"),
    [
        ("ID_NUMBER", "Tax ID: 'ATIN: 55021987Z'", "55021987Z"),  # quotes and an inner label
        ("ID_NUMBER", "patient number is 5502-1987.", "5502-1987"),  # a sentence's full stop is no part of it
        ("US_SSN", "SSN#912-22-8174", "912-22-8174"),  # glued "#"
        ("US_BANK_NUMBER", "acct. no. 55021987-01", "55021987-01"),  # abbreviated cue
        ("US_BANK_NUMBER", "account details like 5502198701 were", "5502198701"),  # "details", "like"
        ("US_BANK_NUMBER", "my bank routing number, 552103874, for", "552103874"),  # a comma after the cue
        ("ID_NUMBER", "enclosed my biometric identifier F7283946519 for", "F7283946519"),
        ("ID_NUMBER", "Health Plan Beneficiary Number: A1B5-4M9-PT83", "A1B5-4M9-PT83"),
        ("ID_NUMBER", "my passport, 12 photos; tax ID, 2023", None),  # a comma, then too short a value
        ("ID_NUMBER", "Tax ID 2023-04-01", None),  # a date is no identifier
        ("ID_NUMBER", "Tax ID 12/05/1990", None),  # nor in day-first order
        ("ID_NUMBER", "xtax ID 55021987", None),  # the cue starts a word
        ("ID_NUMBER", "employee ID 55021987-QWERTYUIOPASDFGHJ-KL9", None),  # never cut inside a longer code
        # a cue whose value would be the next cue's word ("health plan" + "beneficiary") leaves the next cue its value
        ("ID_NUMBER", "the health plan beneficiary number is Q7731802-05.", "Q7731802-05"),
        ("ID_NUMBER", "Medical ID QQ 12 34 56 C", "QQ 12 34 56 C"),  # spaced groups after 1-3 letters
    ],
)
def test_reads_value_after_cue(entity, text, value):
    found = value_after(entity, text)
    if value is None:
        assert found is None or not cued_value_ok(found)
    else:
        assert found == value and cued_value_ok(found)


def test_reads_iban_after_its_cue_in_groups():
    match = re.search(cued_iban_regex(), "IBAN: FR12 3456 7890 1234 5678 90 thanks", flags=DEFAULT_FLAGS)
    assert match["value"] == "FR12 3456 7890 1234 5678 90"
