"""Presidio's AnalyzerEngine over the offline spaCy model, fed in batches.

Batches go through `nlp.pipe` once; each text's NLP artifacts are then handed to `analyze`, so spaCy
never runs twice on a text and Presidio never builds its own model.
"""

import ipaddress
import logging
from collections.abc import Sequence

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration

from sanitizers.findings import Finding
from sanitizers.nlp_engine import OfflineSpacyNlpEngine
from sanitizers.registry import PII_RECOGNIZERS
from schemas.run_config import DetectionOptions

logger = logging.getLogger(__name__)

# Presidio's own loggers put matched text in some messages (IBAN validation errors, context words at
# DEBUG). Nothing of theirs is needed at run time, so they are switched off, whatever the log level.
for _name in ("presidio-analyzer", "presidio-anonymizer"):
    logging.getLogger(_name).disabled = True

# spaCy labels that never become findings: numbers and quantities are not personal on their own.
NER_LABELS_TO_IGNORE = ("CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "PRODUCT", "WORK_OF_ART",
                        "LAW", "LANGUAGE", "EVENT", "FAC")

NLP_BATCH_SIZE = 128


def is_public_ip(value: str) -> bool:
    """True for globally routable addresses; private, loopback and documentation ranges stay."""
    try:
        return ipaddress.ip_address(value.strip("[]")).is_global
    except ValueError:
        return True  # unparseable but matched: err on the side of removing it


class PiiAnalyzer:
    """PII detection: Presidio pattern recognizers, project recognizers and spaCy NER."""

    def __init__(self, options: DetectionOptions):
        self.entities = list(options.pii_entities)
        self.score_threshold = options.score_threshold
        ner_config = NerModelConfiguration(labels_to_ignore=list(NER_LABELS_TO_IGNORE))
        self.nlp_engine = OfflineSpacyNlpEngine(options.spacy_model, ner_config)
        self.nlp_engine.load()
        registry = RecognizerRegistry(supported_languages=["en"])
        for recognizer_class in PII_RECOGNIZERS:
            registry.add_recognizer(recognizer_class())
        registry.add_nlp_recognizer(nlp_engine=self.nlp_engine)
        self.analyzer = AnalyzerEngine(
            registry=registry, nlp_engine=self.nlp_engine, supported_languages=["en"]
        )

    def analyze_batch(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Findings for each text, in order."""
        results: list[list[Finding]] = []
        artifacts = self.nlp_engine.process_batch(list(texts), "en", batch_size=NLP_BATCH_SIZE)
        for text, nlp_artifacts in artifacts:
            found = self.analyzer.analyze(
                text,
                language="en",
                entities=self.entities,
                nlp_artifacts=nlp_artifacts,
                score_threshold=self.score_threshold,
            )
            results.append([_to_finding(r) for r in found if _keep(text, r)])
        return results


def _keep(text: str, result: RecognizerResult) -> bool:
    if result.entity_type == "IP_ADDRESS":
        return is_public_ip(text[result.start : result.end])
    return True


def _to_finding(result: RecognizerResult) -> Finding:
    recognizer = ""
    if result.recognition_metadata:
        recognizer = str(result.recognition_metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY, ""))
    return Finding(result.entity_type, result.start, result.end, float(result.score), recognizer)
