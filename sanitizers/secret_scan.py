"""Fast secret scanning: the registered secret recognizers behind one literal prefilter.

`SecretScanner.scan(text)` returns exactly what running every recognizer's presidio `analyze` (with
its `validate_result` / `invalidate_result`) and then `resolve_overlaps` returns — `scan_reference`
is that slow path, kept for tests and audits — but skips presidio's per-call overhead (explanations,
result objects, timing) and every recognizer whose prefilter literals are absent from the text.
Most texts hold none of the literals and cost one `casefold` plus a few substring searches.
"""

import logging
from collections.abc import Iterable, Sequence

import regex
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.pattern_recognizer import REGEX_TIMEOUT_SECONDS

from sanitizers.findings import Finding
from sanitizers.recognizers.secret_recognizer import SecretRecognizer

logger = logging.getLogger(__name__)

_MIN_SCORE = EntityRecognizer.MIN_SCORE
_MAX_SCORE = EntityRecognizer.MAX_SCORE


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Disjoint findings sorted by start: overlapping ones merge into their union.

    The union is typed by the longest member (then the highest score), and scored with the highest
    score of the group, so no part of any secret span survives partially.
    """
    groups: list[tuple[int, int, list[Finding]]] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if groups and finding.start < groups[-1][1]:
            start, end, members = groups[-1]
            members.append(finding)
            groups[-1] = (start, max(end, finding.end), members)
        else:
            groups.append((finding.start, finding.end, [finding]))
    resolved = []
    for start, end, members in groups:
        winner = max(members, key=lambda f: (f.end - f.start, f.score, f.entity_type, f.recognizer))
        score = max(f.score for f in members)
        resolved.append(Finding(winner.entity_type, start, end, score, winner.recognizer))
    return resolved


class SecretScanner:
    """Runs the secret recognizers over texts, built once (compiles every pattern up front).

    Thread-safe for concurrent `scan` calls: it holds no per-call state.
    """

    def __init__(self, recognizers: Sequence[SecretRecognizer] | None = None):
        """Use `recognizers`, or one instance of every class in `registry.SECRET_RECOGNIZERS`."""
        if recognizers is None:
            from sanitizers.registry import SECRET_RECOGNIZERS

            recognizers = [cls() for cls in SECRET_RECOGNIZERS]
        for recognizer in recognizers:
            if not isinstance(recognizer, SecretRecognizer):
                raise TypeError(
                    f"SecretScanner: {type(recognizer).__name__} is not a SecretRecognizer; "
                    "derive it from sanitizers.recognizers.secret_recognizer.SecretRecognizer"
                )
        self.recognizers: tuple[SecretRecognizer, ...] = tuple(recognizers)
        # Per recognizer: its entity and (pattern, compiled regex) pairs, compiled with the flags
        # presidio's `analyze` uses for it, so both paths match identically.
        self._compiled = [
            (
                recognizer,
                recognizer.supported_entities[0],
                [
                    (p, regex.compile(p.regex, flags=recognizer.global_regex_flags))
                    for p in recognizer.patterns
                ],
            )
            for recognizer in self.recognizers
        ]
        self._always = [i for i, r in enumerate(self.recognizers) if r.always_runs]
        self._folded: dict[str, list[int]] = {}
        self._exact: dict[str, list[int]] = {}
        for i, recognizer in enumerate(self.recognizers):
            for literal in recognizer.prefilter:
                self._folded.setdefault(literal, []).append(i)
            for literal in recognizer.prefilter_exact:
                self._exact.setdefault(literal, []).append(i)

    def candidate_indexes(self, text: str) -> list[int]:
        """Indexes (into `recognizers`) of the recognizers whose prefilter literals occur in `text`."""
        hits = set(self._always)
        for literal, owners in self._exact.items():
            if literal in text:
                hits.update(owners)
        if self._folded:
            # casefold, not lower: it folds every character that regex's IGNORECASE treats as equal
            # to an ASCII letter (e.g. the Kelvin sign, the long s), so no match is ever skipped.
            folded = text.casefold()
            for literal, owners in self._folded.items():
                if literal in folded:
                    hits.update(owners)
        return sorted(hits)

    def scan(self, text: str) -> list[Finding]:
        """Secret findings in `text`: disjoint, sorted by start, offsets only."""
        if not text:
            return []
        found: list[Finding] = []
        for index in self.candidate_indexes(text):
            recognizer, entity, patterns = self._compiled[index]
            for pattern, compiled in patterns:
                try:
                    for match in compiled.finditer(text, timeout=REGEX_TIMEOUT_SECONDS):
                        start, end = match.span()
                        if start == end:
                            continue
                        value = text[start:end]
                        # Same score rules as presidio's PatternRecognizer.__analyze_patterns.
                        score = pattern.score
                        valid = recognizer.validate_result(value)
                        if valid is not None:
                            score = _MAX_SCORE if valid else _MIN_SCORE
                        if recognizer.invalidate_result(value):
                            score = _MIN_SCORE
                        if score > _MIN_SCORE:
                            found.append(Finding(entity, start, end, score, recognizer.name))
                except TimeoutError:
                    # Pattern name and recognizer only: never the text.
                    logger.warning(
                        "secret pattern %r of %s timed out; skipped", pattern.name, recognizer.name
                    )
        return resolve_overlaps(found) if found else []

    def scan_reference(self, text: str) -> list[Finding]:
        """The slow path `scan` must equal: every recognizer's presidio `analyze`, then `resolve_overlaps`."""
        found = [
            Finding(result.entity_type, result.start, result.end, result.score, recognizer.name)
            for recognizer in self.recognizers
            for result in recognizer.analyze(text, recognizer.supported_entities)
        ]
        return resolve_overlaps(found)
