"""The detector: secrets and PII for batches of texts, built once per process.

`Detector.detect_batch` is the one entry every stage uses. Repeated texts (system prompts, stock
replies) are detected once per run through a bounded cache keyed by the text itself, held in memory only.
Every text is also read through its normalised shadows (`sanitizers.shadow_text`: invisible characters,
full-width forms, look-alike letters, other scripts' digits, encoded runs), in both secrets-only and
full mode; a finding there is mapped back to the original span. Most texts have no shadow.
"""

import functools
import logging
from collections.abc import Sequence

from sanitizers.findings import Finding
from sanitizers.shadow_text import Shadow, build_shadows, may_have_shadows
from schemas.run_config import DetectionOptions, Detectors

logger = logging.getLogger(__name__)

CACHE_MAX_TEXTS = 50_000
CACHE_MAX_CHARS = 20_000  # longer texts are rarely repeated; caching them costs memory
# Structure strings found clean (ids, function names, schema titles): short, and names repeat per record.
CLEAN_MAX_TEXTS = 20_000
CLEAN_MAX_CHARS = 256
# The one-pass read of a record (`detect_records`) pays where most records hold nothing: measured in
# instructions (callgrind), -3.6% on the bench's realistic file (1 record in 20 with a credential), +3.2% on
# its dense one (most records, each read twice). It is used while the records it read lately were clean at
# least this often, and tried on every PROBE_EVERY-th record otherwise, to notice when they are again
# (this took the dense file's cost 2% down again, the realistic one's unchanged).
JOINED_MIN_CLEAN_SHARE = 0.4
PROBE_EVERY = 16
# Secrets only, storing texts in the cache costs about 1 us a text (measured: 0.07 of 1.33 CPU s of detection on
# a 20 MB file of unique chats), and a hit saves a scan of 10-20 us: fresh texts are stored while at least this
# share of the texts looked up lately (CACHE_WINDOW of them) were hits, and on every CACHE_PROBE_EVERY-th call
# otherwise, so that texts that start to repeat are noticed. PII detection costs far more: its texts are always stored.
CACHE_MIN_HIT_SHARE = 0.02
CACHE_WINDOW = 4096
CACHE_PROBE_EVERY = 8


class Detector:
    """Runs the configured detector families over texts and returns offsets, never values."""

    def __init__(self, options: DetectionOptions):
        self.options = options
        self._secrets = None
        self._pii = None
        if Detectors.SECRETS in options.detectors:
            from sanitizers.secret_scan import SecretScanner

            self._secrets = SecretScanner()
        if Detectors.PII in options.detectors:
            from sanitizers.pii_analyzer import PiiAnalyzer  # imports spaCy: only when PII is wanted

            self._pii = PiiAnalyzer(options)
        self._cache: dict[str, list[Finding]] = {}
        self._clean: set[str] = set()  # strings `secret_findings` found no secret in
        self.cache_hits = 0
        self._storing = True  # whether detect_batch stores fresh texts (see CACHE_MIN_HIT_SHARE)
        self._window_texts = self._window_hits = 0
        self._calls = 0
        self._clean_share = 1.0  # running share of records the one-pass read found clean
        self._records_seen = 0

    def detect_batch(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Findings for each text, in the order given."""
        cached = [self._cache.get(text) for text in texts]  # None: not seen yet
        todo = list(dict.fromkeys(text for text, found in zip(texts, cached) if found is None))
        hits = len(texts) - cached.count(None)
        self.cache_hits += hits
        store = self._store(len(texts), hits)
        if not todo:
            return cached
        fresh = dict(zip(todo, self._detect_uncached(todo)))
        out = [found if found is not None else fresh[text] for text, found in zip(texts, cached)]
        if not store:
            return out
        if len(self._cache) + len(fresh) > CACHE_MAX_TEXTS:
            self._cache.clear()
        for text, findings in fresh.items():
            if len(text) <= CACHE_MAX_CHARS:
                self._cache[text] = findings
        return out

    def _store(self, looked_up: int, hits: int) -> bool:
        """Whether this call's fresh texts go into the cache (CACHE_MIN_HIT_SHARE); only speed depends on it."""
        if self._pii is not None:
            return True
        self._calls += 1
        self._window_texts += looked_up
        self._window_hits += hits
        if self._window_texts >= CACHE_WINDOW:
            self._storing = self._window_hits >= CACHE_MIN_HIT_SHARE * self._window_texts
            self._window_texts = self._window_hits = 0
        return self._storing or self._calls % CACHE_PROBE_EVERY == 0

    def detect_records(self, records: Sequence[Sequence[str]]) -> list[list[Finding]]:
        """Findings for each text of each record (one list per text, records flattened in order).

        The same as `detect_batch` over all the texts. In secrets-only mode a record is first read in one
        pass (`SecretScanner.none_can_match`): when no pattern can match in any of its texts, only the
        texts that may have a shadow (an encoded run) are scanned, and the others have no finding. Most
        records of a chat file hold no credential, and this spares them a scan per text. Where most
        records do hold one, the first pass is mostly skipped (JOINED_MIN_CLEAN_SHARE): findings are the
        same either way.
        """
        texts = [text for record in records for text in record]
        if self._pii is not None or self._secrets is None:
            return self.detect_batch(texts)
        needed: list[bool] = []
        for record in records:
            self._records_seen += 1
            clean = False
            if self._clean_share >= JOINED_MIN_CLEAN_SHARE or self._records_seen % PROBE_EVERY == 0:
                clean = self._secrets.none_can_match(record)
                self._clean_share += (clean - self._clean_share) / PROBE_EVERY
            if clean:
                # One test for the whole record first ("\n" is no base64 character: no run crosses texts).
                if may_have_shadows("\n".join(record)):
                    needed.extend(may_have_shadows(text) for text in record)
                else:
                    needed.extend(False for _ in record)
            else:
                needed.extend(True for _ in record)
        found = iter(self.detect_batch([text for text, need in zip(texts, needed) if need]))
        return [next(found) if need else [] for need in needed]

    def findings_outside(self, texts: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[list[Finding]]:
        """For each (text, spans): what `detect_batch` finds in the text, less the findings inside one of the
        spans (disjoint (start, end), e.g. the replacements just written into it: the re-scan's residuals).

        In secrets-only mode an ASCII text without an encoded run (no shadow) that is not cached is first
        asked whether any finding lies outside the spans (`SecretScanner.finds_outside`, which does not
        judge the matches inside them): most re-scanned texts hold only their replacements, and have none.
        Any other text goes through `detect_batch`.
        """
        out: list[list[Finding] | None] = [None] * len(texts)
        if self._pii is None and self._secrets is not None:
            cheap = [i for i, (text, _) in enumerate(texts) if text not in self._cache and not may_have_shadows(text)]
            for i, outside in zip(cheap, self._secrets.finds_outside([texts[i] for i in cheap])):
                if not outside:
                    out[i] = []
        todo = [i for i, found in enumerate(out) if found is None]
        for i, found in zip(todo, self.detect_batch([texts[i][0] for i in todo])):
            spans = texts[i][1]
            out[i] = [f for f in found if not any(a <= f.start and f.end <= b for a, b in spans)]
        return out

    def secret_findings(self, text: str) -> list[Finding]:
        """Secret findings in `text` and its shadows (original offsets); [] when secrets are not detected.

        For strings outside the text slots (ids, names, keys, image text) and joined turns; strings found
        clean are remembered (function names and schema titles repeat in every record of a tools dataset).
        """
        if self._secrets is None or text in self._clean:
            return []
        found = self._scan_secrets(text)
        if not found and len(text) <= CLEAN_MAX_CHARS:
            if len(self._clean) >= CLEAN_MAX_TEXTS:
                self._clean.clear()
            self._clean.add(text)
        return found

    def _scan_secrets(self, text: str) -> list[Finding]:
        if self._secrets is None:
            return []
        return self._with_shadows(text, self._secrets.scan(text))

    def _with_shadows(self, text: str, found: list[Finding]) -> list[Finding]:
        """`found` (the secrets in `text`) plus those its shadows show, at their original offsets."""
        # Encoded runs inside a secret already found are not decoded: it is replaced whole anyway.
        for shadow in build_shadows(text, found=[(f.start, f.end) for f in found] if found else ()):
            found = _with_mapped(found, shadow, self._secrets.scan(shadow.text))
        return found

    def _detect_uncached(self, texts: list[str]) -> list[list[Finding]]:
        if self._pii is None:
            if self._secrets is None:
                return [[] for _ in texts]
            return [self._with_shadows(text, found) for text, found in zip(texts, self._secrets.scan_batch(texts))]
        results: list[list[Finding]] = [[] for _ in texts]
        # Spelled-out e-mail addresses are PII: only PII runs write them plainly.
        shadows = [build_shadows(text, addresses=True) for text in texts]  # [] for most texts
        if self._secrets is not None:
            for i, found in enumerate(self._secrets.scan_batch(texts)):
                results[i].extend(found)
                for shadow in shadows[i]:
                    results[i] = _with_mapped(results[i], shadow, self._secrets.scan(shadow.text))
        if texts:
            pii_texts = [(i, t, None) for i, t in enumerate(texts) if _may_hold_pii(t)]
            pii_texts += [(i, s.text, s) for i, found in enumerate(shadows) for s in found if _may_hold_pii(s.text)]
            for (i, _, shadow), found in zip(pii_texts, self._pii.analyze_batch([t for _, t, _ in pii_texts])):
                results[i] = results[i] + found if shadow is None else _with_mapped(results[i], shadow, found)
        return results


def _with_mapped(found: list[Finding], shadow: Shadow, in_shadow: list[Finding]) -> list[Finding]:
    """`found` plus the shadow's findings at their original offsets, leaving out spans already found."""
    if not in_shadow:
        return found
    seen = {(f.entity_type, f.start, f.end) for f in found}
    out = list(found)
    for f in in_shadow:
        start, end = shadow.original_span(f.start, f.end)
        if (f.entity_type, start, end) not in seen:
            seen.add((f.entity_type, start, end))
            out.append(Finding(f.entity_type, start, end, f.score, f.recognizer))
    return out


def _may_hold_pii(text: str) -> bool:
    # Every PII type we detect needs at least two letters or digits; skip punctuation-only strings.
    return sum(ch.isalnum() for ch in text[:64]) >= 2 or len(text) > 64


@functools.lru_cache(maxsize=4)
def get_detector(options: DetectionOptions) -> Detector:
    """The process-wide Detector for `options`: models and recognizers are built once per process."""
    return Detector(options)
