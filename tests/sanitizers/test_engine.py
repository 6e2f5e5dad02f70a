"""The Detector: families chosen by options, batches, and the cache of repeated texts."""

import subprocess
import sys

from sanitizers.findings import Finding

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


def test_answers_repeated_text_from_cache_when_seen_before(secrets_detector):
    before = secrets_detector.cache_hits
    first = secrets_detector.detect_batch([f"cache me {KEY}"])
    again = secrets_detector.detect_batch([f"cache me {KEY}"])
    assert first == again and secrets_detector.cache_hits == before + 1
