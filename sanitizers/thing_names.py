"""A word the record itself uses as a product's, a company's or a place's name is not a person's there.

Detection reads one text at a time, and a lone name-like word can look like a person in one turn ("Quick
one about Hugo: is it down?") while another turn of the same record says what it is ("The Hugo job
failed", "Hugo 4.2", "support for Hugo", "the framework Hugo", "class Hugo(Base):"). The same word in one record is almost
always the same referent, so that evidence is read record-wide: a PERSON finding that is that single word,
found by a detector that judged the word alone (spaCy, the lone-name and list passes, a repeat), is
dropped in every text of the record. Findings that the words around them call a person's ("Mr. Hugo",
"said Hugo") are kept, and so is a word that is part of a full name found in the record ("Henry Ford
... Ford Motor Company ... Ford said" keeps "Ford": the record names that person).
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex as re

from sanitizers.findings import Finding
from sanitizers.name_memory import RECOGNIZER as NAME_MEMORY
from sanitizers.value_repeats import RECOGNIZER as VALUE_REPEAT

if TYPE_CHECKING:  # person_judge imports word lists: only records with a lone PERSON word need them
    from sanitizers.person_judge import PersonJudge

# Detectors that judged a word on its own, without a person's context around it: spaCy, the lone-name and
# list passes, a repeat of a value found elsewhere, the chunk's name memory (a vote over other records).
LONE_WORD_RECOGNIZERS = frozenset({"SpacyRecognizer", "GivenNameRecognizer", "ListMateRecognizer", VALUE_REPEAT,
                                   NAME_MEMORY})
_NAME_WORD = re.compile(r"\p{L}[\p{L}'’-]*")
# A word used as an identifier: after "class", "import", "new" or a dot, or before a call or an attribute.
_CODE_BEFORE = re.compile(r"(?:(?<![\w'’])(?:class|import|new|extends|implements)[ \t]+|(?<=\w)\.)$")
# The host of a web address: "https://api.cloudflare.com/v4", "www.groq.com" (not an e-mail's domain).
_URL_HOST = re.compile(r"(?i:https?://|www\.)((?:[a-z0-9-]{1,63}\.){0,8}[a-z0-9-]{1,63}\.[a-z]{2,24})(?![\w@-])")
_CODE_AFTER = re.compile(r"\((?!s\))|\.(?![\w.+-]*@)\w")  # not an e-mail address: "Maria.Lopez@acme.test"


def drop_thing_names(texts: Sequence[str], findings: Sequence[list[Finding]], judge: "PersonJudge | None" = None
                     ) -> list[list[Finding]]:
    """`findings` without the lone-word PERSON findings of words that `texts` (one record) use as things."""
    if not any(_lone_word(f) for found in findings for f in found):
        return [list(found) for found in findings]  # most records, and every secrets-only one: nothing to drop
    findings = _without_domain_names(texts, findings)
    candidates = {
        texts[i][f.start : f.end].casefold()
        for i, found in enumerate(findings) for f in found
        if _lone_word(f) and _NAME_WORD.fullmatch(texts[i][f.start : f.end])
    }
    if not candidates:
        return [list(found) for found in findings]
    full_name_words = {
        word.casefold()
        for i, found in enumerate(findings) for f in found
        if f.entity_type == "PERSON" and " " in texts[i][f.start : f.end].strip()
        for word in _NAME_WORD.findall(texts[i][f.start : f.end])
    }
    candidates -= full_name_words
    if not candidates:
        return [list(found) for found in findings]
    if judge is None:
        from sanitizers.english_words import english_words
        from sanitizers.name_lists import name_lists
        from sanitizers.person_judge import PersonJudge
        from sanitizers.place_names import place_names

        judge = PersonJudge(english_words(), name_lists(), place_names())
    things = {word for word in candidates if any(_used_as_thing(text, word, judge) for text in texts)}
    if not things:
        return [list(found) for found in findings]
    return [[f for f in found if not (_lone_word(f) and text[f.start : f.end].casefold() in things)]
            for text, found in zip(texts, findings)]


def _lone_word(f: Finding) -> bool:
    """A PERSON finding of a detector that judged the word alone (see LONE_WORD_RECOGNIZERS)."""
    return f.entity_type == "PERSON" and f.recognizer in LONE_WORD_RECOGNIZERS


def _without_domain_names(texts: Sequence[str], findings: Sequence[list[Finding]]) -> Sequence[list[Finding]]:
    """Drop lone-word PERSON findings that hold the name of a web address's domain in the record: a company's
    own address ("Valid Cloudflare URL ... https://api.cloudflare.com"). Only the domain's own label counts,
    not a subdomain ("https://jane.github.io" says nothing about Jane)."""
    domains = {host.casefold().split(".")[-2] for text in texts if "." in text for host in _URL_HOST.findall(text)}
    if not domains:
        return findings
    return [[f for f in found
             if not (_lone_word(f) and any(w.casefold() in domains for w in _NAME_WORD.findall(text[f.start : f.end])))]
            for text, found in zip(texts, findings)]


def _used_as_thing(text: str, word: str, judge: "PersonJudge") -> bool:
    """Whether some capitalised mention of `word` in `text` has a product's, company's or place's context."""
    from sanitizers.person_judge import after_place_preposition  # loaded with `judge`

    for match in _NAME_WORD.finditer(text):
        if match.group().casefold() != word or not match.group()[:1].isupper():
            continue
        start, end = match.span()
        if judge.is_product_or_company(text, start, end) or judge.names_thing(text, start, end):
            return True
        if _CODE_BEFORE.search(text, max(0, start - 8), start) or _CODE_AFTER.match(text, end):
            return True  # an identifier in code: "class Config(BaseSettings)", "Config.load()"
        if word in judge.places.big and after_place_preposition(text, start, end):
            return True  # a big place after "in": "a wonderful start in Jackson" (not "in Jackson's words")
    return False
