"""The Detector: families chosen by options, batches, and the cache of repeated texts."""

import base64
import subprocess
import sys

import pytest

from sanitizers.engine import CACHE_WINDOW, Detector
from sanitizers.findings import Finding
from schemas.run_config import DetectionOptions, Detectors
from tests.fake_keys import github_token

KEY = "ghp_" + "FAKEengineTEST" + "q8Lm2Vn5Rw9Tz3Yb7Kc4Xd"  # 36 after the prefix


def test_loads_no_spacy_model_when_only_secrets_are_detected(tmp_path):
    code = (
        "from schemas.run_config import DetectionOptions, Detectors\n"
        "from sanitizers.engine import Detector\n"
        "from sanitizers.nlp_engine import load_spacy\n"
        "import spacy.util\n"
        "d = Detector(DetectionOptions(detectors=frozenset({Detectors.SECRETS})))\n"
        f"print(d.detect_batch(['token {KEY}'])[0][0].entity_type)\n"
        "print(load_spacy.cache_info().currsize, d._pii is None)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["GITHUB_TOKEN", "0", "True"]


def test_imports_no_presidio_spacy_or_faker_when_a_secrets_only_batch_is_sanitized():
    # What a secrets-only worker process runs: its start-up is then a fraction of a second, not ~2 s.
    code = (
        "import sys\n"
        "from pipelines.stages.run_stats import RunStats\n"
        "from pipelines.stages.sanitize_records import RecordSanitizer\n"
        "from pipelines.stages.validate_records import RecordValidator\n"
        "from pipelines.stages.load_jsonl import RawLine\n"
        "from sanitizers.engine import Detector\n"
        "from sanitizers.replacement_book import book_factory\n"
        "import sanitizers.registry\n"
        "from schemas.run_config import DetectionOptions, Detectors\n"
        "options = DetectionOptions(detectors=frozenset({Detectors.SECRETS}))\n"
        "line = ('{\"messages\": [{\"role\": \"user\", \"content\": \"token %s\"}, '\n"
        "        '{\"role\": \"assistant\", \"content\": \"revoke it\"}]}')\n"
        f"record = RecordValidator().validate(RawLine(1, (line % '{KEY}').encode()))\n"
        "sanitizer = RecordSanitizer(Detector(options), RunStats(), book_factory(options))\n"
        "(out,) = sanitizer.sanitize_batch([record], [line])\n"
        "print('<GITHUB_TOKEN_1>' in out.json_line)\n"
        "print(sorted(m for m in ('presidio_analyzer', 'presidio_anonymizer', 'spacy', 'faker') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["True", "[]"]


def test_gives_each_text_its_findings_in_order_when_batched(full_detector):
    texts = ["nothing here", f"my token {KEY}", "mail ana.lima@example.org", "nothing here"]
    found = full_detector.detect_batch(texts)
    assert found[0] == found[3] == []
    assert [f.entity_type for f in found[1]] == ["GITHUB_TOKEN"]
    assert [f.entity_type for f in found[2]] == ["EMAIL_ADDRESS"]
    assert all(isinstance(f, Finding) for fs in found for f in fs)


def test_answers_repeated_text_from_cache_when_seen_before():
    detector = Detector(DetectionOptions(detectors=frozenset({Detectors.SECRETS})))
    first = detector.detect_batch([f"cache me {KEY}"])
    again = detector.detect_batch([f"cache me {KEY}"])
    assert first == again and detector.cache_hits == 1


def test_stores_texts_only_while_they_repeat_when_only_secrets_are_detected():
    detector = Detector(DetectionOptions(detectors=frozenset({Detectors.SECRETS})))
    unique = [f"nothing to see in line {i}" for i in range(CACHE_WINDOW)]
    found = detector.detect_batch(unique)  # a whole window of texts that never repeat: storing stops
    assert detector.detect_batch(unique[:10]) == found[:10] and detector.cache_hits == 0
    repeated = [f"the same system prompt, and {KEY}"] * 64
    for _ in range(2 * CACHE_WINDOW // len(repeated)):  # a probe stores it, then hits bring storing back
        assert detector.detect_batch(repeated) == detector.detect_batch(repeated[:1]) * len(repeated)
    assert detector.cache_hits > CACHE_WINDOW
    detector.detect_batch([f"new {KEY}"])
    hits = detector.cache_hits
    detector.detect_batch([f"new {KEY}"])
    assert detector.cache_hits == hits + 1  # stored at once again


@pytest.mark.parametrize("detector_name", ["secrets_detector", "full_detector"])
def test_gives_what_detect_batch_gives_when_texts_come_as_records(detector_name, request):
    detector = request.getfixturevalue(detector_name)
    records = [
        ["Hello, my build fails.", "Which step?", "The deploy step."],  # nothing to find
        ["Here it is:", f"token {KEY}", "thanks"],  # a key: the record is read text by text
        ["encoded, no keyword:", base64.b64encode(HIDDEN.encode()).decode()],  # only a shadow holds the key
        ["café au lait", "ana.lima@example.org"],  # not ASCII
        [],
    ]
    found = detector.detect_records(records)
    assert found == detector.detect_batch([text for record in records for text in record])
    assert [f.entity_type for f in found[4]] == ["GITHUB_TOKEN"]
    assert [f.entity_type for f in found[7] if f.is_secret] == ["GITHUB_TOKEN"]


def test_reads_records_text_by_text_when_most_hold_a_credential():
    from sanitizers.engine import JOINED_MIN_CLEAN_SHARE, Detector
    from schemas.run_config import DetectionOptions, Detectors

    detector = Detector(DetectionOptions(detectors=frozenset({Detectors.SECRETS})))
    dirty = [["Here it is:", f"token {github_token(seed)}"] for seed in range(40)]
    clean = [["Hello, my build fails.", "Which step?"] for _ in range(40)]
    found = detector.detect_records(dirty)
    assert detector._clean_share < JOINED_MIN_CLEAN_SHARE  # the one-pass read is now mostly skipped
    assert [f.entity_type for fs in found[1::2] for f in fs] == ["GITHUB_TOKEN"] * 40
    assert detector.detect_records(clean) == [[]] * 80
    assert detector._clean_share >= JOINED_MIN_CLEAN_SHARE  # the probes noticed clean records again


@pytest.mark.parametrize("detector_name", ["secrets_detector", "full_detector"])
def test_gives_findings_outside_spans_as_detect_batch_does_when_rescanning(detector_name, request):
    detector = request.getfixturevalue(detector_name)
    placeholder = "<GITHUB_TOKEN_1>"
    b64 = base64.b64encode(HIDDEN.encode()).decode()
    texts = [
        (f"token {placeholder} done", [(6, 6 + len(placeholder))]),  # only the replacement: nothing left
        (f"token {placeholder} and {KEY}", [(6, 6 + len(placeholder))]),  # a key outside the replacement
        (f"token {KEY}", [(6, 6 + len(KEY))]),  # the key is the span
        (f"token {KEY}", [(0, 3)]),  # the span misses it
        (f"token {placeholder}, then {b64}", [(6, 6 + len(placeholder))]),  # a shadow holds the key
        (f"café {placeholder} ana.lima@example.org", [(5, 5 + len(placeholder))]),  # not ASCII
        ("", []),
    ]
    outside = detector.findings_outside(texts)  # first: these texts are not in the detector's cache yet
    expected = [[f for f in found if not any(a <= f.start and f.end <= b for a, b in spans)]
                for found, (_, spans) in zip(detector.detect_batch([t for t, _ in texts]), texts)]
    assert outside == expected
    assert [bool(found) for found in expected[:5]] == [False, True, False, True, True]


# Shadows: hidden values are found and mapped back to the original span ------------------------------

HIDDEN = github_token(21)
_FULL = {c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))}


@pytest.mark.parametrize(
    "hidden",
    [
        HIDDEN[:10] + "\u200b" + HIDDEN[10:],  # zero-width space
        "".join(_FULL[c] for c in HIDDEN),  # full-width forms
        HIDDEN[:2] + "\u0440" + HIDDEN[3:],  # Cyrillic look-alike
        base64.b64encode(HIDDEN.encode()).decode(),  # base64
    ],
    ids=["zero-width", "full-width", "look-alike", "base64"],
)
@pytest.mark.parametrize("detector_name", ["secrets_detector", "full_detector"])
def test_finds_hidden_key_at_its_original_span_in_both_modes(hidden: str, detector_name: str, request) -> None:
    detector = request.getfixturevalue(detector_name)
    text = f"here: {hidden} -- bye"
    [found] = [f for f in detector.detect_batch([text])[0] if f.is_secret]
    assert found.entity_type == "GITHUB_TOKEN"
    assert (found.start, found.end) == (6, 6 + len(hidden))


def test_finds_hidden_key_when_scanning_one_structure_string(secrets_detector) -> None:
    [found] = secrets_detector.secret_findings(HIDDEN[:5] + "\u2060" + HIDDEN[5:])
    assert (found.entity_type, found.start, found.end) == ("GITHUB_TOKEN", 0, len(HIDDEN) + 1)


def test_finds_pii_written_to_dodge_detectors_when_pii_is_detected(full_detector) -> None:
    arabic = str.maketrans("0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")
    full_width = str.maketrans("0123456789", "０１２３４５６７８９")
    texts = [
        "write to ana.lima [at] example [dot] com now",
        "mail: kenji (at) firma dot de",
        "call me at " + "+44 20 7946 0958".translate(arabic),
        "call me at " + "(415) 555-0132".translate(full_width),
    ]
    found = full_detector.detect_batch(texts)
    spans = [[(f.entity_type, t[f.start : f.end]) for f in fs] for t, fs in zip(texts, found)]
    assert ("EMAIL_ADDRESS", "ana.lima [at] example [dot] com") in spans[0]
    assert ("EMAIL_ADDRESS", "kenji (at) firma dot de") in spans[1]
    assert ("PHONE_NUMBER", texts[2][len("call me at ") :]) in spans[2]
    assert ("PHONE_NUMBER", texts[3][len("call me at ") :]) in spans[3]


def test_reports_nothing_beyond_offsets_when_shadow_finds_a_key(secrets_detector) -> None:
    [found] = secrets_detector.detect_batch([HIDDEN[:10] + "\u200b" + HIDDEN[10:]])[0]
    assert Finding.__slots__ == ("entity_type", "start", "end", "score", "recognizer")
    assert HIDDEN[4:10] not in repr(found)
