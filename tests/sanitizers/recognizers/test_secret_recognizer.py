"""The presidio-free base of the secret recognizers, and its presidio adapter."""

import pytest
import regex
from presidio_analyzer import AnalyzerEngine, PatternRecognizer, RecognizerRegistry

from sanitizers.nlp_engine import OfflineSpacyNlpEngine
from sanitizers.pattern import Pattern
from sanitizers.recognizers.github_token_recognizer import GitHubTokenRecognizer
from sanitizers.recognizers.secret_recognizer import SecretRecognizer
from sanitizers.recognizers.together_key_recognizer import TogetherKeyRecognizer
from sanitizers.registry import SECRET_RECOGNIZERS
from schemas.run_config import DetectionOptions
from tests.sanitizers.recognizers.fakes import URLSAFE, fake

KEY = "tgp_v1_" + fake(43, URLSAFE, seed=21)


def test_rejects_score_outside_unit_interval_when_pattern_is_built():
    with pytest.raises(ValueError, match="outside 0..1"):
        Pattern("too sure", r"x", 1.5)


def test_requires_entity_and_patterns_when_recognizer_is_built():
    with pytest.raises(ValueError, match="needs an entity"):
        SecretRecognizer()


@pytest.mark.parametrize("cls", SECRET_RECOGNIZERS, ids=lambda cls: cls.__name__)
def test_gives_presidio_the_same_patterns_flags_and_name_when_adapted(cls):
    ours = cls()
    adapted = ours.as_presidio()
    assert isinstance(adapted, PatternRecognizer)
    assert adapted.name == ours.name == cls.__name__
    assert adapted.supported_entities == ours.supported_entities
    assert [(p.name, p.regex, p.score) for p in adapted.patterns] == [(p.name, p.regex, p.score) for p in ours.patterns]
    assert adapted.global_regex_flags == ours.global_regex_flags == regex.MULTILINE
    assert adapted.context == ours.context


def test_applies_our_validation_rules_when_presidio_runs_the_adapter():
    rec = TogetherKeyRecognizer()
    placeholder = "tgp_v1_" + ("your_together_key_" * 3)[:43]  # invalidated by the recognizer's own rule
    assert [r.entity_type for r in rec.as_presidio().analyze(f"key {KEY}", ["TOGETHER_API_KEY"])] == [
        "TOGETHER_API_KEY"
    ]
    assert rec.as_presidio().analyze(f"key {placeholder}", ["TOGETHER_API_KEY"]) == []


def test_finds_keys_when_adapter_is_registered_in_analyzer_engine():
    adapters = [TogetherKeyRecognizer().as_presidio(), GitHubTokenRecognizer().as_presidio()]
    nlp_engine = OfflineSpacyNlpEngine(DetectionOptions().spacy_model)
    nlp_engine.load()
    engine = AnalyzerEngine(registry=RecognizerRegistry(recognizers=adapters), nlp_engine=nlp_engine,
                            supported_languages=["en"])
    text = f"export TOGETHER_API_KEY={KEY}"
    (result,) = engine.analyze(text, language="en")
    assert (result.entity_type, text[result.start : result.end]) == ("TOGETHER_API_KEY", KEY)
