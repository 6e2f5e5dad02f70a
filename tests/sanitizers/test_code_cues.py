"""The cue table of device, vehicle, wallet, security and bank codes."""

import pytest
import regex as re

from sanitizers.code_cues import CODE_CUES, cued_regex
from sanitizers.value_group import DEFAULT_FLAGS


@pytest.mark.parametrize("kind", sorted(CODE_CUES))
def test_compiles_each_cue_on_its_own(kind):
    for cue in CODE_CUES[kind]:
        re.compile(cue, flags=DEFAULT_FLAGS)


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        ("IMEI", "handset IMEI number: 351207443019283", "351207443019283"),
        ("CVV", "security code is (417)", "417"),
        ("CRYPTO", "BTC wallet address - 1Abc", "1Abc"),
        ("PLATE", "license plate 482 KTW", "482"),
        ("COORDINATES", "located at 48.2", "48.2"),
    ],
)
def test_reads_value_after_cue_number_words_and_separators(kind, text, value):
    match = re.search(cued_regex(kind, r"[\w.]+"), text, flags=DEFAULT_FLAGS)
    assert match is not None and match["value"] == value


@pytest.mark.parametrize(("kind", "text"), [("PIN", "spin 1234"), ("BIC", "bicycle 12345678"), ("VIN", "vinyl ABC")])
def test_takes_cue_only_as_a_whole_word(kind, text):
    assert re.search(cued_regex(kind, r"\w+"), text, flags=DEFAULT_FLAGS) is None
