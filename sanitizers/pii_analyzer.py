"""PII detection for batches of texts: the registered PII recognizers plus spaCy NER, with prefilters.

Instead of Presidio's `AnalyzerEngine.analyze`, which runs every recognizer's regexes on every text,
each recognizer runs only on texts that can hold its entity (a phone number needs 7 digits, an
e-mail an "@"), and spaCy runs once per batch through `nlp.pipe` with only the components its NER
needs. NER findings in code, URLs, paths and identifiers are dropped (`ner_filters`); a value found
once is then found everywhere else in the same text (`value_repeats`). Context words are part of the recognizers'
own patterns ("date of birth: ..."), so Presidio's context enhancer is not used.
"""

import bisect
import itertools
import logging
import sys
from collections.abc import Callable, Sequence

import regex as re
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration
from spacy.language import Language

from sanitizers.address_parts import may_hold_address
from sanitizers.english_words import EnglishWords, english_words
from sanitizers.findings import Finding
from sanitizers.markdown_marks import blank_bold_marks
from sanitizers.name_lists import name_lists
from sanitizers.ner_filters import is_ner_noise, merge_spans, technical_regions
from sanitizers.nlp_engine import OfflineSpacyNlpEngine
from sanitizers.person_judge import RELABELLED as RELABELLED_LABELS
from sanitizers.person_judge import PersonJudge
from sanitizers.place_names import place_names
from sanitizers.recognizers.crypto_recognizer import may_hold_crypto
from sanitizers.recognizers.device_id_recognizer import may_hold_device_id
from sanitizers.recognizers.gps_coordinates_recognizer import may_hold_coordinates
from sanitizers.recognizers.phone_recognizer import may_hold_phone
from sanitizers.recognizers.security_code_recognizer import may_hold_security_code
from sanitizers.recognizers.user_agent_recognizer import may_hold_user_agent
from sanitizers.recognizers.vehicle_id_recognizer import may_hold_vehicle_id
from sanitizers.registry import PII_RECOGNIZERS
from sanitizers.thing_names import drop_thing_names
from sanitizers.value_repeats import add_repeats
from schemas.run_config import DetectionOptions

logger = logging.getLogger(__name__)


# spaCy labels that never become findings: numbers and quantities are not personal on their own.
NER_LABELS_TO_IGNORE = ("CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "PRODUCT", "WORK_OF_ART",
                        "LAW", "LANGUAGE", "EVENT", "FAC")
NER_ENTITIES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "NRP", "DATE_TIME"})
NER_RECOGNIZER = "SpacyRecognizer"
NER_SCORE = 0.85
# A span spaCy labelled ORG, GPE, ... whose words read as a personal name ("Paris Hilton" as ORG).
RELABELLED_SCORE = 0.7
# A known given name that no entity of spaCy's explains ("Whenever James goes").
GIVEN_NAME_SCORE = 0.65
GIVEN_NAME_RECOGNIZER = "GivenNameRecognizer"
# spaCy labels of an organisation, a place or a product: an ordinary word under them speaks for a company
# ("Target said"); NORP is left out: a nickname is often a nationality ('," Irish murmured').
_GROUP_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT"})
# The recognizer of names that the words around them give away (titles, speech, vocatives, citations).
CONTEXT_RECOGNIZER = "PersonContextRecognizer"
# A full name in capitals: "Yours, DELPHINE McHARGUE" (spaCy reads capitals poorly).
CAPITALS_NAME_RECOGNIZER = "CapitalsNameRecognizer"
# A name in a list with a found name: "Sattler, Maumill, Mabury, Jones and Lee".
LIST_MATE_SCORE = 0.6
LIST_MATE_RECOGNIZER = "ListMateRecognizer"
NLP_BATCH_SIZE = 128
# Distinct sentences whose NER entities are kept for reuse (stock phrases repeat across records).
SENTENCE_CACHE_MAX = 20_000
# A spaCy entity as (label, start, end) character offsets in its text.
_Entity = tuple[str, int, int]
# Where a text is cut into sentences for NER: after . ! ? plus spaces (not after a title such as
# "Dr." or "Ms.", which belongs with the name after it), and at line breaks.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])(?<!\b(?:Mrs|Mr|Ms|Dr|St|Prof|Jr|Sr|vs|etc|e\.g|i\.e|[A-Z])\.)[ \t]+|\n+")

_DIGITS = "0123456789"
_CAPITALISED = re.compile(r"(?<![\w'’])\p{Lu}[\p{L}'’-]*")
_I = re.compile(r"I(?:['’](?:m|ve|d|ll))?")


_CAPITALISED_RUN = re.compile(r"\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*)*")
# A handle or a URL inside a spaCy span, with the joining word before it: tweets glue them to names.
_HANDLE_OR_URL_TAIL = re.compile(r"[ \t]+(?:(?:&|and|,)[ \t]+)?(?:@\w|https?://)")
_JOINER = re.compile(r"[ \t]+(?:plus|and|or|with|&|vs\.?|versus)[ \t]+|[ \t]*,[ \t]*")


def _digit_count(text: str) -> int:
    return sum(map(text.count, _DIGITS))  # ten C-level scans beat one Python-level loop


# Which texts can hold each entity; cheap tests on the whole text, checked before any regex runs.
PREFILTERS: dict[str, Callable[[str, int], bool]] = {
    "EMAIL_ADDRESS": lambda text, digits: "@" in text,
    "PHONE_NUMBER": may_hold_phone,  # 7 digits, ASCII or not (٠٥٠…, ０９０…)
    "CREDIT_CARD": lambda text, digits: digits >= 12,  # Maestro has 12 digits
    "IBAN_CODE": lambda text, digits: digits >= 8,
    # A value after an identifier's cue word holds 2 digits at least, whatever its shape ("SSN XXX-XX-12").
    "US_SSN": lambda text, digits: digits >= 2,
    "IP_ADDRESS": lambda text, digits: digits >= 3 and ("." in text or ":" in text),
    "STREET_ADDRESS": may_hold_address,  # a digit, or a cue before a street without a number
    "DATE_OF_BIRTH": lambda text, digits: digits >= 1,
    "PASSPORT": lambda text, digits: digits >= 2,
    "DRIVER_LICENSE": lambda text, digits: digits >= 2,
    "US_BANK_NUMBER": lambda text, digits: digits >= 2,
    "ID_NUMBER": lambda text, digits: digits >= 2,
    "DEVICE_ID": may_hold_device_id,  # an IMEI's 14 digits, a MAC's 5 colons or dashes, Cisco's dotted hex
    "VEHICLE_ID": may_hold_vehicle_id,  # a 17-character run in capitals or a VIN / plate cue
    "CRYPTO": may_hold_crypto,  # a run of letters and digits as long as an address
    "GPS_COORDINATES": may_hold_coordinates,  # digits, a comma, digits (or hemispheres, "lat:")
    "SECURITY_CODE": may_hold_security_code,  # 3 digits and a CVV / PIN cue
    "USER_AGENT": may_hold_user_agent,  # "Mozilla/" or "Opera/"
}


def _always(text: str, digits: int) -> bool:
    return True


class PiiAnalyzer:
    """PII detection: project recognizers (regex, checksums, cues) and spaCy NER, offsets only."""

    def __init__(self, options: DetectionOptions):
        self.entities = frozenset(options.pii_entities)
        self.score_threshold = options.score_threshold
        self.recognizers: list[tuple[EntityRecognizer, list[str], Callable[[str, int], bool]]] = []
        for recognizer_class in PII_RECOGNIZERS:
            recognizer = recognizer_class()
            # A recognizer of several types (table columns) is asked for the wanted ones and tests the text itself.
            wanted = [entity for entity in recognizer.supported_entities if entity in self.entities]
            if wanted:
                recognizer.load()
                single = len(recognizer.supported_entities) == 1
                self.recognizers.append((recognizer, wanted, PREFILTERS.get(wanted[0], _always) if single else _always))
        self.ner_config = NerModelConfiguration(labels_to_ignore=list(NER_LABELS_TO_IGNORE))
        self.ner_entities = self.entities & NER_ENTITIES
        # Only names wanted from NER (the default): an ordinary word opening a sentence needs no NER either.
        self._person_only = self.ner_entities == {"PERSON"}
        self.nlp: Language | None = None
        self._ner_only: list[str] = []
        self._sentence_cache: dict[str, tuple[_Entity, ...]] = {}
        if self.ner_entities:
            engine = OfflineSpacyNlpEngine(options.spacy_model, self.ner_config, ner_only=True)
            engine.load()
            self.nlp = engine.get_nlp("en")
            self._ner_only = _components_ner_does_not_need(self.nlp)
        self.words: EnglishWords = english_words()
        self.judge = PersonJudge(self.words, name_lists(), place_names())

    def analyze_batch(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Findings for each text, in order."""
        recognized = [self._recognized(text) for text in texts]
        ents: list[list[_Entity]] = [[] for _ in texts]
        if self.nlp is not None:
            self._run_ner(texts, ents, recognized)
        return [self._analyze(text, found, ent) for text, found, ent in zip(texts, recognized, ents)]

    def _run_ner(self, texts: Sequence[str], ents: list[list[_Entity]], recognized: list[list[Finding]]) -> None:
        """spaCy NER per sentence, on the sentences that can name someone, each distinct one once.

        A text's sentences are run separately: in chat text most sentences hold no capital that
        could start a name, and skipping them (rather than whole texts) sends about a quarter of the
        characters through NER. Entities do not cross sentence ends; offsets are mapped back.
        """
        # Dates need no capitals: the capitals shortcut only holds for names, places, groups.
        gate = "DATE_TIME" not in self.ner_entities
        where: dict[str, list[tuple[int, int]]] = {}  # sentence -> (text index, offset) of each use
        for i, text in enumerate(texts):
            if gate and not self._may_name_someone(text):
                continue
            explained = self._explained(text, recognized[i]) if gate and recognized[i] else ()
            for offset, sentence in _sentences(text):
                if not gate or self._may_name_someone(sentence, offset, explained):
                    where.setdefault(sentence, []).append((i, offset))
        todo = [sentence for sentence in where if sentence not in self._sentence_cache]
        docs = self.nlp.pipe(todo, batch_size=NLP_BATCH_SIZE, disable=self._ner_only)
        fresh = {sentence: tuple((e.label_, e.start_char, e.end_char) for e in doc.ents)
                 for sentence, doc in zip(todo, docs)}
        for sentence, uses in where.items():
            found = fresh[sentence] if sentence in fresh else self._sentence_cache[sentence]
            for i, offset in uses:
                ents[i].extend((label, offset + start, offset + end) for label, start, end in found)
        if len(self._sentence_cache) + len(fresh) > SENTENCE_CACHE_MAX:
            self._sentence_cache.clear()
        self._sentence_cache.update(fresh)

    def _may_name_someone(self, text: str, offset: int = 0, explained: Sequence[tuple[int, int]] = ()) -> bool:
        """Whether spaCy's NER could find anything: it keys on capitals, so a text whose only capitals
        start sentences with ordinary words ("Sure, first reset it.") is skipped, which saves most of
        the time on chat text. Lower-case names are the cue recognizer's job either way. A capital
        inside an `explained` span (offsets in the whole text, `text` starting at `offset`) is already
        a finding: "Hi, this is Jennifer Callahan." needs no NER once the cue has found the name."""
        for match in _CAPITALISED.finditer(text):
            word = match.group()
            if explained:
                start, end = offset + match.start(), offset + match.end()
                if _inside(explained, start, end):
                    continue
                if _next_to(explained, text, offset, start, end):
                    return True  # "this is Brittany May": the cue stopped at a word NER may take in
            if word.isupper() and len(word) > 1 or _I.fullmatch(word) or self.words.is_stop(word):
                continue  # acronyms, "I'm", "The": nothing NER would call a person or place
            before = text[: match.start()].rstrip(" \t\"'(*-")
            if before and before[-1] not in ".!?:\n":
                return True  # a capital inside a sentence
            if not self.words.is_descriptive(word) and not (self._person_only and self._ordinary(word)):
                return True  # a sentence starting with a possible name
        return False

    def _ordinary(self, word: str) -> bool:
        """A common English word that no name list holds ("Door", "Success"). Opening a sentence with no other
        capital, spaCy labels it a group or a place at most (kept by default), or a person by mistake
        ("Skill suddenly ..."); a word that is also a name ("Hunter", "Rose") still goes through NER."""
        return self.words.is_common(word) and not self.judge.names.is_name(word)

    def _explained(self, text: str, found: list[Finding]) -> list[tuple[int, int]]:
        """Spans of the recognizers' findings that NER could only confirm, sorted: every finding but a
        context cue's one ordinary English word, which NER may still show to be a company speaking
        ('"We are pleased," Target said': `_without_named_groups`)."""
        return sorted((f.start, f.end) for f in found if not (
            f.entity_type == "PERSON" and f.recognizer == CONTEXT_RECOGNIZER
            and self.judge.is_english(text[f.start : f.end]) and not self.judge.names.is_name(text[f.start : f.end])))

    def analyze(self, text: str) -> list[Finding]:
        """Findings for one text (tests and one-off use; batches are faster)."""
        return self.analyze_batch([text])[0]

    def _recognized(self, text: str) -> list[Finding]:
        """The findings of the recognizers (patterns, checksums, cues) whose entity the text can hold; they
        read the text with bold marks blanked ("**Employee ID:** 008356"), which keeps every offset."""
        digits = _digit_count(text)
        plain = blank_bold_marks(text)
        found: list[Finding] = []
        for recognizer, wanted, may_hold in self.recognizers:
            if may_hold(text, digits):
                found.extend(_to_finding(r) for r in recognizer.analyze(plain, wanted))
        return found

    def _analyze(self, text: str, found: list[Finding], ents: list[_Entity]) -> list[Finding]:
        found = self._without_named_groups(text, found, ents)
        found.extend(self._ner_findings(text, ents))
        if "PERSON" in self.entities and ("," in text or " and " in text):
            people = [(f.start, f.end) for f in found if f.entity_type == "PERSON"]
            found.extend(Finding("PERSON", s, e, LIST_MATE_SCORE, LIST_MATE_RECOGNIZER)
                         for s, e in self.judge.list_mates(text, people) + self.judge.lower_list_mates(text, people))
        found = [f for f in found if f.score >= self.score_threshold]
        found = drop_thing_names([text], [found], self.judge)[0]  # "the Hugo job ... Hugo is down"
        return _dedupe(add_repeats([text], [found], self.words)[0])

    def _without_named_groups(self, text: str, found: list[Finding], ents: list[_Entity]) -> list[Finding]:
        """Drop a context cue's PERSON that is one ordinary English word spaCy calls an organisation or a place:
        '"We are pleased," Target said' is the company speaking; a nickname ('," said Tumble') gets no label."""
        groups = {(start, end) for label, start, end in ents if label in _GROUP_LABELS}
        if not groups:
            return found
        return [f for f in found if not (
            f.entity_type == "PERSON" and f.recognizer == CONTEXT_RECOGNIZER and (f.start, f.end) in groups
            and self.judge.is_english(text[f.start : f.end]) and not self.judge.names.is_name(text[f.start : f.end]))]

    def _joined_people(self, text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
        """The parts of a span spaCy gave another label that are people: "Audrey & Hazel" (ORG), when one part
        reads as a person's name and the others are known given names ("Hazel" alone is also a colour); none
        for "Marks & Spencer"."""
        parts = _joined_names(text, start, end)
        people = [self.judge.relabels_as_person(text, s, e, label) for s, e in parts]
        if any(people) and all(person or self.judge.names.is_given(text[s:e]) for person, (s, e) in zip(people, parts)):
            return parts
        return []

    def _ner_findings(self, text: str, ents: list[_Entity]) -> list[Finding]:
        mapping = self.ner_config.model_to_presidio_entity_mapping or {}
        wants_person = "PERSON" in self.ner_entities
        findings = []
        rejected: list[tuple[int, int]] = []
        regions: list[tuple[int, int]] | None = None
        for label, ent_start, ent_end in ents:
            entity = mapping.get(label)
            relabelled = entity != "PERSON" and wants_person and label in RELABELLED_LABELS
            if relabelled:
                entity = "PERSON"  # if its words read as a name, checked below
            elif entity not in self.ner_entities:
                continue
            if regions is None:
                regions = technical_regions(text)  # only for texts that have NER findings
            start, end = _trim(text, ent_start, ent_end)
            if end <= start or is_ner_noise(text, start, end, regions):
                continue
            if relabelled:
                if not self.judge.relabels_as_person(text, start, end, label):
                    parts = self._joined_people(text, start, end, label)
                    if parts:
                        findings.extend(Finding("PERSON", s, e, RELABELLED_SCORE, NER_RECOGNIZER) for s, e in parts)
                        continue
                    if mapping.get(label) in self.ner_entities:  # still a place or group when those are wanted
                        findings.append(Finding(mapping[label], start, end, NER_SCORE, NER_RECOGNIZER))
                    inside = self.judge.full_name_inside(text, start, end, label)  # "the Netherlands Oswin Perrault"
                    if inside is not None and not self.judge.names_thing(text, *inside):
                        findings.append(Finding("PERSON", *inside, RELABELLED_SCORE, NER_RECOGNIZER))
                    continue
            elif entity == "PERSON" and not self.judge.keeps_ner_person(text, start, end):
                # "Anthony plus Steven": names joined by a word are judged one by one
                parts = [(s, e) for s, e in _joined_names(text, start, end) if self.judge.keeps_ner_person(text, s, e)]
                findings.extend(Finding("PERSON", s, e, NER_SCORE, NER_RECOGNIZER) for s, e in parts)
                if not parts:
                    rejected.append((start, end))  # a place or product: no given name inside it either
                continue
            score = RELABELLED_SCORE if relabelled else NER_SCORE
            findings.append(Finding(entity, start, end, score, NER_RECOGNIZER))
        if wants_person:
            if regions is None:
                regions = technical_regions(text)
            taken = set(regions) | set(rejected) | {
                (s, e) for label, s, e in ents if label != "PERSON"}
            taken = merge_spans([span for span in taken
                                 if not any(f.start <= span[0] and span[1] <= f.end for f in findings)])
            found = self.judge.lone_given_names(text, taken) + self.judge.lower_case_names(text, taken)
            findings.extend(Finding("PERSON", s, e, GIVEN_NAME_SCORE, GIVEN_NAME_RECOGNIZER) for s, e in found)
            # spaCy's labels on words in capitals are noise (`is_ner_noise` drops them): only code counts here.
            findings.extend(Finding("PERSON", s, e, GIVEN_NAME_SCORE, CAPITALS_NAME_RECOGNIZER)
                            for s, e in self.judge.capitals_names(text, regions))
        return findings


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether `start`..`end` lies inside one of `spans` (sorted by start)."""
    i = bisect.bisect_right(spans, (start, sys.maxsize))
    return any(s <= start and end <= e for s, e in spans[:i])


def _next_to(spans: Sequence[tuple[int, int]], text: str, offset: int, start: int, end: int) -> bool:
    """Whether only spaces or tabs part `start`..`end` from one of `spans` (offsets in the whole text,
    `text` being the part of it from `offset`)."""
    for s, e in spans:
        if e <= start and e >= offset and not text[e - offset : start - offset].strip(" \t"):
            return True
        if end <= s <= offset + len(text) and not text[end - offset : s - offset].strip(" \t"):
            return True
    return False


def _joined_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The capitalised runs of a span whose words include a lower-case joining word ("Anthony plus
    Steven", "Mary and Jo"), or [] when it has none; name particles ("de", "van") join nothing."""
    runs = [m.span() for m in _CAPITALISED_RUN.finditer(text, start, end)]
    joined = any(_JOINER.fullmatch(text, a_end, b_start) for (_, a_end), (b_start, _) in itertools.pairwise(runs))
    return runs if joined else []


def _sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each non-blank sentence of `text`, cut at `_SENTENCE_BREAK`."""
    out = []
    start = 0
    for cut in _SENTENCE_BREAK.finditer(text):
        if text[start : cut.start()].strip():
            out.append((start, text[start : cut.start()]))
        start = cut.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return out


def _components_ner_does_not_need(nlp: Language) -> list[str]:
    """Pipeline components to skip: everything except `ner` and an embedding layer it listens to."""
    needed = {"ner"}
    for name, pipe in nlp.pipeline:
        if "ner" in (getattr(pipe, "listening_components", None) or []):
            needed.add(name)
    return [name for name in nlp.pipe_names if name not in needed]


# Words that open a message to someone and that spaCy sometimes takes into the name after them.
_GREETING_FIRST = re.compile(
    r"(?i:hi|hey|hello|dear|thanks|thank|congrats|congratulations|cheers|welcome|bye|goodbye|sorry|rip)"
    r"[ \t,!]+(?=\p{L})"
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # spaCy spans can run over a line break ("Hawkins\nUmbrella Logistics") or carry a possessive or
    # punctuation ("Maria's", "Kenji."); keep the name on the first line only.
    newline = text.find("\n", start, end)
    if newline >= 0:
        end = newline
    tail = _HANDLE_OR_URL_TAIL.search(text, start, end)
    if tail is not None:
        end = tail.start()  # "Ruairi Quinn http://t.co/...", "Halle Berry & @chriscolfer": no part of the name
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?'’\"()[]"):
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    while start < end and (text[start].isspace() or text[start] in "'’\"(["):
        start += 1
    while (greeting := _GREETING_FIRST.match(text, start, end)) is not None:
        start = greeting.end()  # "Congrats Ngozi Okafor": the greeting is no part of the name
    return start, end


def _dedupe(findings: list[Finding]) -> list[Finding]:
    # NER and a cue often find the same name: one finding per span and type, the surest one.
    best: dict[tuple[str, int, int], Finding] = {}
    for f in findings:
        key = (f.entity_type, f.start, f.end)
        if key not in best or f.score > best[key].score:
            best[key] = f
    return sorted(best.values(), key=lambda f: (f.start, f.end))


def _to_finding(result: RecognizerResult) -> Finding:
    recognizer = ""
    if result.recognition_metadata:
        recognizer = str(result.recognition_metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY, ""))
    return Finding(result.entity_type, result.start, result.end, float(result.score), recognizer)
