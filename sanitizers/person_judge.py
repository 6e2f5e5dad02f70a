"""Whether a span of text names a person: spaCy's label weighed against positive evidence.

Recall comes first. A span spaCy labels PERSON stays a person unless there is evidence that it is not:
a company or product word in or right after it ("Northwind Analytics", "Acme Cloud"), or, for a lone
word, an ordinary English word that is no known name ("Sure", "Regards"). A span spaCy labels something
else (ORG, GPE, NORP, WORK_OF_ART, ...) is a person when its words read as a personal name: a known given
name with family names or unknown capitalised words after it ("Paris Hilton", "Nikita Mikhalkov"), or a
known given name alone that is no English word and names no place ("Stephen" tagged GPE).
"""

from collections.abc import Callable
from dataclasses import dataclass

import regex as re

from sanitizers.english_words import COMMON_ZIPF, EnglishWords, word_set
from sanitizers.name_lists import NameLists
from sanitizers.name_particles import PARTICLES
from sanitizers.ner_filters import overlaps
from sanitizers.place_names import PlaceNames
from sanitizers.subject_verbs import acts
from sanitizers.thing_context import (
    CLOSING_THINGS,
    OPENING_HEADS,
    in_place_name,
    is_place_mate,
    is_quoted_title,
    names_thing,
)

# Words before a span that make it a thing or a place rather than a person: "the Arno", "a Lusitania".
ARTICLES = frozenset({"the", "a", "an"})

# Words that make a Title-case span an organisation or a product, not a person: legal forms, industry
# words and product tiers. spaCy's small model tags "Northwind Analytics" or "Acme Cloud" as PERSON.
ORG_WORDS = word_set(
    """inc inc. llc ltd ltd. limited corp corp. corporation co co. company gmbh ag sa s.a. sas sarl bv nv
    plc llp lp group holdings labs lab technologies technology tech systems solutions software services
    networks industries enterprises partners associates consulting analytics logistics media studios
    studio games health healthcare pharma pharmaceuticals bank banking capital ventures insurance
    airlines airways motors energy foods foundation institute university college school academy hospital
    clinic cloud data ai digital security robotics bio biotech therapeutics dynamics works hub platform
    app apps pay payments markets retail store stores shop supply trading traders global international
    worldwide agency council ministry department office club press news times journal bakery cafe
    restaurant hotel hotels pro plus mini ultra lite premium enterprise edition suite server desktop
    mobile docs connect api sdk cli os finance financial investment investments hospitality venture trust
    fund funds realty properties securities advisors equity police constabulary fc afc united rovers
    athletic wanderers"""
)
# Words after a name that make it a product's or a company's: "Contoso help desk", "Kafka consumer", "Ostrava's
# board" (a company's board, chairman, shareholders or stock).
PRODUCT_WORDS = word_set(
    """help helpdesk desk support customers users employees staff website portal dashboard dashboards
    console cluster clusters pipeline pipelines plugin plugins integration instance instances release
    releases version versions upgrade subscription subscriptions documentation consumer consumers
    producer broker brokers notebook notebooks kernel extension extensions driver drivers container
    containers deployment headquarters hq brand products build builds job jobs item items mirror mirrors repo
    repository branch migration rollout board shareholders chairman ceo stock"""
)
# Nouns that follow names as often as things: "Maria today", "gave Maria time", "Tom tonight".
NOT_MODIFIER_NOUNS = word_set("today tonight tomorrow yesterday time tomorrow morning evening night week year")
OBJECT_PRONOUNS = word_set("it them this that these those me us him")
# Articles that open an object after a verb: "Mark the flaky test as skipped", "Bill a client".
OBJECT_ARTICLES = word_set("the a an all every each")
# After a name, "plus" in lower case joins two people ("Ullrich plus Nicholas"); "Acme Plus" is a tier.
_COMPANY_WORDS_AFTER = (ORG_WORDS | PRODUCT_WORDS) - {"plus"}
# Words that make a span a place: "Lake Charles", "Port Elizabeth", "Victoria Station".
PLACE_WORDS = word_set(
    """street st road rd avenue ave boulevard blvd lane square park bridge station airport port harbour
    harbor lake river mount mountain mountains island islands bay valley county city town village
    district province state republic kingdom church cathedral castle palace tower museum gallery
    stadium arena centre center falls springs beach coast north south east west upper lower greater new
    san santa sao drive hall mall manor abbey grove hill hills gables corner place court gardens garden
    house lodge farm row terrace crescent dock docks cemetery railroad railway field fields inn wharf
    quay heights canal creek forest wood woods point heath moor moors common downs fen fens wolds gorge canyon
    cove cliffs"""
)
# "Saint" in the languages of place names: "Santo Spirito", "São Bento" are no one's given name there.
SAINTS = word_set("saint st st. ste ste. sainte san santa santo são sankt")
# Suffixes that may close a name: "John Smith Jr."
SUFFIXES = word_set("jr jr. sr sr. ii iii iv")
_WORD = re.compile(r"\p{L}[\p{L}'’-]*\.?|\p{Lu}\.")
_NEXT_WORD = re.compile(r"(?:['’]s)?[\s,]*([\w.]+)")
_POSSESSIVE_AFTER = re.compile(r"['’]s?(?!\w)")
# One capitalised word ending in a company word: "Wikinews", "Worksoft", "Nordtech" (not "Bennet": a name).
_COMPANY_COMPOUND = re.compile(r"\p{Lu}\p{Ll}{2,}(?:news|soft|tech|media|labs|data|systems|corp)")
_TIGHT_NEXT_WORD = re.compile(r"(?:['’]s)?[ \t]+(\w+)")
_CAPITALISED_RUN = re.compile(r"(?:[ \t]+\p{Lu}[\p{L}&-]{0,30}\.?){1,5}")
# A version number right after a span ("Grafana 4.23", "Kafka to v6.15") or just before it ("1.39 on Django").
_VERSION_AFTER = re.compile(r"[ \t]+(?:\p{Ll}+[ \t]+){0,2}v?\d+\.\d+")
# The word right after a span, lower-case and after one space only ("Florence office", not "Maria, office").
_BARE_NEXT_WORD = re.compile(r"[ ]([a-z]+)\b(?![-'’]|://)")  # not a URL's scheme ("Marnie http://...")
# A role or a group of people before "for/at/of/from": what follows is their company ("assistant for Contoso").
_ROLE_BEFORE = re.compile(
    r"\b(?:assistant|agent|bot|chatbot|representative|rep|specialist|support|team|desk|helpdesk|staff|employees?|"
    r"customers?|users|engineers?|developers?)[ \t]+(?:for|at|of|from|with)[ \t]+$",
    re.IGNORECASE,
)
# A full name, then "from" or "at": what follows is where they work ("Kathleen Turner from Initech").
_NAME_FROM_BEFORE = re.compile(r"(?<![\p{L}'’-])\p{Lu}\p{Ll}+[ \t]+\p{Lu}\p{Ll}+[ \t]+(?:from|at)[ \t]+$")
_PREVIOUS_SPAN = re.compile(r"(\p{Lu}[\p{L}'’-]*)$")
# The capitalised word right before or after a span, one blank between: "São | Paulo", "Santa | Ana".
_LAST_CAPITALISED = re.compile(r"(?<![\p{L}'’-])(\p{Lu}[\p{L}'’-]*)[ \t]$")
_NEXT_CAPITALISED = re.compile(r"[ \t](\p{Lu}[\p{L}'’-]*)")
# Capitalised words (and initials) joined by single blanks: the runs inside a spaCy span.
_NAME_RUN = re.compile(r"\p{Lu}[\p{L}'’.-]*(?:[ \t]\p{Lu}[\p{L}'’.-]*)*")
# The capitalised words joined to a span by single blanks after it.
_RUN_AFTER = re.compile(r"\G[ \t](\p{Lu}[\p{L}'’-]{0,40})(?![\p{L}'’-])")
# A lower-case word of three letters or more, not glued to code or an address.
_LOWER_WORD = re.compile(r"(?<![\w@#/.'’-])\p{Ll}[\p{Ll}'’-]{2,30}(?![\w@/'’-])")
_VERSION_BEFORE = re.compile(r"\bv?\d+\.\d+\S*[ \t]+(?:on|of|in|for|with)[ \t]+$")
# The word before a span, past emphasis markup: "the _Lusitania_", "the *Dunkeld*".
_PREVIOUS_WORD = re.compile(r"([^\W_]+)[ \t]+(?:[_*]+[ \t]*)?$")
# Blanks or a YAML list dash from a line start up to a key; then an operator and one token holding a digit or a
# symbol, alone up to the line end: a config value, no words.
_LINE_HEAD = re.compile(r"[ \t]*(?:-[ \t]+)?")
_TECHNICAL_VALUE = re.compile(r"[ \t]*[:=][ \t]*[\"']?(?=[^\s\"']*[\d_/.@+-])[^\s\"']+[\"']?[ \t]*(?:\r?\n|$)")
# A line opened by a code comment's marker and blanks only: `# Prefix inside...`, `// Placeholder for...`,
# `-- Makefile targets`; the word after it starts a sentence of the comment.
_COMMENT_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:#+|//+|--|;+|/\*+|<!--|%+|REM)[ \t]+$")
# Prepositions of place before a word no list knows: "in Raveloe", "near Ottershaw" (not "at", "to", "from":
# people are looked at, written to and heard from).
PLACE_PREPOSITIONS = word_set("in near into via across throughout")
# Verbs of going before "to": what follows is where ("came to Tarrowby", "fled again to Quennell"), unlike
# "wrote to", "said to", "according to" ("from" is left out: "a letter came from Durnford" is his).
MOTION_VERBS = word_set(
    """come came comes coming go goes went gone going return returns returned returning travel travels
    travelled traveled travelling traveling journey journeyed move moves moved moving flee flees fled fleeing
    retreat retreats retreated retreating relocate relocated relocating shift shifted emigrate emigrated
    immigrate immigrated migrate migrated drive drives drove driven driving ride rides rode riding sail sails
    sailed sailing fly flies flew flown flying walk walks walked walking march marched marching head heads
    headed heading commute commuted ferry ferries bus buses train trains flight flights route routes"""
)
_MOTION_BEFORE = re.compile(
    r"(?<![\w'’])(\p{L}+)[ \t]+(?:(?:up|down|back|over|out|on|again|away|off|home|there)[ \t]+)?"
    r"(?:to|towards|toward)[ \t]+$",
    re.IGNORECASE,
)
# Words ending so name a region: "Derbyshire", "Dorsetshire".
_REGION_WORD = re.compile(r"\p{L}{3,}shire", re.IGNORECASE)
# A list of capitalised names: "Sattler, Maumill, Mabury and Lee", "Toots and Ysabel" (bounded, linear).
_ITEM = r"\p{Lu}[\p{L}'’-]{1,40}(?:[ \t]+\p{Lu}\.?[\p{L}'’-]{0,40}){0,3}"
_SEPARATOR = r"(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]+)?|[ \t]+(?:and|&)[ \t]+)"
_LIST = re.compile(rf"(?<![\p{{L}}'’-]){_ITEM}(?:{_SEPARATOR}{_ITEM}){{1,30}}")
_LIST_ITEM = re.compile(rf"(?<![\p{{L}}'’-]){_ITEM}")
# A capitalised word, also after an opening quote ('Edith!), a sign-off's dash ("thanks all -Edith") or before a
# possessive ("Renata's"), but not inside O'Brien, Jean-Luc or an address.
_CAPITALISED = re.compile(r"(?<![\w@#/.])(?<!\S-)(?<!\w['’])\p{Lu}\p{Ll}+(?![\w@-])(?!['’](?!s(?![\w'’])))")
# Nothing but marks or emoji left on the line.
_LINE_END = re.compile(r"[^\w\n]*(?:\n|$)")
# A possessive, then a word: "Renata's garden", "Varga's History".
_NOUN_AFTER_POSSESSIVE = re.compile(r"['’]s[ \t]+\p{L}")
# A word in capitals ("TALLBRIDGE", "McHARGUE", "O'HARA") or an initial ("M."), and runs of them: headings,
# signatures and letters in capitals ("Yours, DELPHINE McHARGUE", "THE WALTER GRISBY HOME") that spaCy misses.
_CAPS_WORD = r"(?:\p{Lu}\.|(?:Mc|Mac)?\p{Lu}(?:\p{Lu}|['’-](?=\p{Lu})){1,30})"
_CAPS_RUN = re.compile(rf"(?<![\p{{L}}\p{{N}}'’.-]){_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{1,12}}(?![\p{{L}}\p{{N}}'’-])")
_CAPS_TOKEN = re.compile(_CAPS_WORD)
# spaCy labels that can hide a person ("Paris Hilton" as ORG); DATE, MONEY and the like cannot.
RELABELLED = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
# Prepositions before a place: an unknown word after them is no name ("near Grimpen", "of Glamorganshire").
LOCATIVES = word_set("in at near from into to of across towards toward through around outside inside via on")
# Words that place the next word on a map: a known place's name after them is the place ("nearby Colón").
NEARBY_WORDS = word_set(
    """nearby neighbouring neighboring downtown central northern southern eastern western northeastern
    northwestern southeastern southwestern"""
)
# Nouns said of a person before "of": what follows is someone ("the widow of Tarrowby", "the plays of Quennell",
# "the body of Varhaug"), not a place ("the parish of Tarrowby"). Realms' nouns ("army", "court", "reign") are
# left out: fiction gives them places as often ("the army of Gondor").
PEOPLE_OF_HEADS = word_set(
    """son sons daughter daughters wife husband widow widower father mother brother brothers sister sisters
    children child heir heirs nephew niece cousin grandson granddaughter friend friends servant servants
    followers disciples pupils successor predecessor biographer works writings plays poems novels paintings
    portrait portraits letters memoirs biography body murder assassination funeral grave tomb arrival advent
    departure intention intentions wishes help request possession life death birth"""
)
_OF_HEAD = re.compile(r"(?<![\p{L}'’-])(\p{Ll}+)[ \t]+of[ \t]+$")
# Below this wordfreq Zipf frequency a capitalised word mid-sentence that no list knows is taken for a name.
UNKNOWN_ZIPF = 2.5
# A lower-case given name this common in English text is more often a word than a name ("june", "will" are
# dictionary words already; no given name that is no dictionary, stop or chat word reaches it: "william",
# the most frequent, is at 4.9).
LOWER_NAME_ZIPF = 5.0
# Words before and after a lower-case name that say it is someone: "with sarah", "kevin said". Words that
# also sit next to things ("to", "for", "is", "and": "connect to cassandra", "hugo is down") are left out.
PEOPLE_BEFORE = word_set(
    """with call tell told ask asked text texted saw met meet meeting love miss missed hug thank thanks congrats hi hey
    yo dear bye dm ping pinged cc"""
)
PEOPLE_AFTER = word_set(
    """said says told tells asked asks texted called thinks thought knows knew loves wants wanted went came replied
    mentioned emailed messaged wrote"""
)
_PERSON_AFTER = re.compile(r"[ \t]*,?[ \t]+(\w+)")
# "me and sarah", "sarah and i": a lower-case name coordinated with the speaker.
_WITH_ME_BEFORE = re.compile(r"(?<![\w'’])(?:me|i|you|him|her)[ \t]+(?:and|&)[ \t]+$", re.IGNORECASE)
_WITH_ME_AFTER = re.compile(r"[ \t]+(?:and|&)[ \t]+(?:me|i)(?![\w'’])", re.IGNORECASE)
# A lower-case name spoken to: set off by a comma at the end of a sentence ("up your game, jacob!"), or asked
# something ("ted did you eat yet?", "sarah are u coming").
_VOCATIVE_BEFORE = re.compile(r",[ \t]*$")
_VOCATIVE_AFTER = re.compile(r"[ \t]*(?:[!?.]+|$)(?:\s|$)")
_ASKED_AFTER = re.compile(
    r"[ \t]+(?:did|do|does|are|were|can|could|will|would|have|had|should|r)[ \t]+(?:you|u|ya)(?![\w'’])", re.IGNORECASE
)
# A lower-case word joined to a name by "and", "&" or a comma: "emma and kaite", "nadia, rob".
_LOWER_MATE_AFTER = re.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)(\p{Ll}[\p{Ll}'’-]{2,30})(?![\w@/'’-])")
# A lower-case word right after another, one blank between: the family name of "malachai parker".
_LOWER_FAMILY = re.compile(r"[ ](\p{Ll}[\p{Ll}'’-]{2,30})(?![\w@/'’-])")
# Shorter given names written only as names are abbreviations as often ("max", "jan", "ed").
MIN_ONLY_NAME_CHARS = 4
# Labels that say "a place": a lone given name under them is a person only when it names no known place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _is_config_key(text: str, start: int, end: int) -> bool:
    """True for a key of a config line whose value is one technical token: `okta: 00QCj4-Xb...`, `nadia=9f2c...`
    (a chat speaker's label is followed by words: "nadia: are you coming?")."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_LINE_HEAD.fullmatch(text, line_start, start) and _TECHNICAL_VALUE.match(text, end))


def opens_comment(text: str, start: int) -> bool:
    """True when only a code comment's marker and blanks come before `start` on its line (`# Makefile ...`)."""
    head = max(0, start - 13)
    if not text[head:start].rstrip(" \t").endswith(("#", "/", "-", ";", "*", "%", "M")):
        return False  # most words: no marker right before them
    line_start = text.rfind("\n", head, start) + 1 or (0 if head == 0 else -1)
    return line_start >= 0 and bool(_COMMENT_OPENING.search(text, max(0, line_start - 1), start))


@dataclass(frozen=True)
class PersonJudge:
    """Decides PERSON spans from spaCy's label, English word lists and given/family name lists."""

    words: EnglishWords
    names: NameLists
    places: PlaceNames

    def is_english(self, word: str) -> bool:
        """An ordinary English word ("Stone", "Billing", "Sure"), not a rare dictionary entry ("Galois")."""
        return self.words.is_common(word.rstrip("."))

    def is_org_like(self, text: str, start: int, end: int) -> bool:
        """A company or product: a company word in the span or after it ("Northwind Analytics", "Acme Cloud",
        "Contoso's help desk"), or a version number next to it ("upgrading Grafana to 4.23", "1.39 on Django")."""
        if any(t.casefold() in ORG_WORDS for t in text[start:end].split()):
            return True
        word = text[start:end]
        if _COMPANY_COMPOUND.fullmatch(word) and not self.names.is_name(word):
            return True  # a company word grown into one word: "Wikinews", "Worksoft", "Datalabs"
        following = _NEXT_WORD.match(text, end)
        # A full name's possessive before "staff" or "store" is still a person's: "Walter Grisby's staff".
        if (following and (following.group(1).casefold().rstrip(".") in _COMPANY_WORDS_AFTER
                           or following.group(1) == "Plus")  # "Ostrava's board." at a sentence's end too
                and not (following.group().startswith(("'s", "’s")) and self.is_full_name(_name_words(word)))):
            return True
        single = " " not in text[start:end].strip()
        if single and not self.names.is_given(text[start:end]) and (
                _ROLE_BEFORE.search(text[max(0, start - 40) : start])
                or _NAME_FROM_BEFORE.search(text[max(0, start - 40) : start])):
            return True  # "support assistant for Contoso", "Kathleen Turner from Initech" (not "for Maria")
        if single and self.is_modifier(text, end):
            return True  # one word before a noun: "the Florence office" (a full name before a noun is still one)
        return bool(_VERSION_AFTER.match(text, end) or _VERSION_BEFORE.search(text[max(0, start - 24) : start]))

    def is_product_or_company(self, text: str, start: int, end: int) -> bool:
        """A stricter `is_org_like` for one word, read record-wide (`thing_names`): a company or product word
        right after it ("the Hugo job", "Contoso's help desk"), a version next to it, a role before it."""
        following = _TIGHT_NEXT_WORD.match(text, end)
        if following and (following.group(1).casefold() in _COMPANY_WORDS_AFTER or following.group(1) == "Plus"):
            return True
        company = _CAPITALISED_RUN.match(text, end)  # "Worksoft Creative Software Technology Ltd."
        if company and any(w.casefold().rstrip(".") in ORG_WORDS for w in company.group().split()[-2:]):
            return True
        window = text[max(0, start - 40) : start]
        if not self.names.is_given(text[start:end]) and (_ROLE_BEFORE.search(window) or _NAME_FROM_BEFORE.search(window)):
            return True
        return bool(_VERSION_AFTER.match(text, end) or _VERSION_BEFORE.search(text[max(0, start - 24) : start]))

    def lower_case_names(self, text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Given names written in lower case that no dictionary knows: "ok so lekha said yes, tripti maybe"; one
        that dictionaries list only with a capital next to words said of people ("dinner with sarah", "taylor
        said"); a given name and such a family name ("bonnie bennett"). A lower-case given name that is also
        an English word ("mark", "grace", "melissa" the herb) needs a cue or a verb of speech (the cue and
        context recognizers)."""
        spans = []
        for match in _LOWER_WORD.finditer(text):
            word = match.group()
            if not self.names.is_given(word) or self.words.is_stop(word):
                continue
            family = self._lower_family_after(text, match.end())
            if family is not None:  # "malachai parker cared", "bonnie bennett": a full name
                if not overlaps(match.start(), family, taken) and not _is_config_key(text, match.start(), family):
                    spans.append((match.start(), family))
                continue
            if self.words.is_descriptive(word):
                continue
            if ((self.words.is_noun_form(word) or self.words.zipf(word) >= LOWER_NAME_ZIPF)
                    and not self._only_a_person(text, *match.span()) and not _spoken_to(text, *match.span())):
                continue
            if not overlaps(*match.span(), taken) and not _is_config_key(text, *match.span()):
                spans.append(match.span())
        return spans

    def _lower_family_after(self, text: str, end: int) -> int | None:
        """The end of a lower-case family name right after a given name, when no dictionary lists it in lower case
        ("parker", "bennett"; not "smith", "kelly", "rose") and it is no big place."""
        following = _LOWER_FAMILY.match(text, end)
        if following is None:
            return None
        word = following.group(1)
        if not self.names.is_family(word) or not self._only_a_name(word) or self.words.is_stop(word):
            return None
        return following.end(1)

    def _only_a_name(self, word: str) -> bool:
        """A name that dictionaries list only with a capital ("sarah", "kevin", "bennett"; WordNet has many among
        its nouns), no inflection of a word ("miles"), no big place ("london"), no short word ("max", "jan")."""
        return (len(word) >= MIN_ONLY_NAME_CHARS and self.names.is_only_name(word) and not self.words.is_inflection(word)
                and word.casefold() not in self.places.big)

    def _only_a_person(self, text: str, start: int, end: int) -> bool:
        """A lower-case word that is a name only, among people's words, and no thing's name ("with cassandra
        cluster": a name before a noun names a thing)."""
        return (self._only_a_name(text[start:end]) and self._among_people(text, start, end)
                and not self.is_modifier(text, end) and not self.is_org_like(text, start, end))

    @staticmethod
    def _among_people(text: str, start: int, end: int) -> bool:
        """Words that sit next to a person: "with sarah", "me and kevin", "taylor said", "told john"."""
        if _previous_word(text, start) in PEOPLE_BEFORE or _WITH_ME_BEFORE.search(text, max(0, start - 12), start):
            return True
        if _WITH_ME_AFTER.match(text, end):
            return True
        following = _PERSON_AFTER.match(text, end)
        return following is not None and following.group(1).casefold() in PEOPLE_AFTER

    def is_modifier(self, text: str, end: int) -> bool:
        """A span right before a noun in its base form names a kind of thing, not a person: "the Florence
        office", "the Hugo migration", "Ada compiler", "Grace period". A person's name is followed by a verb
        ("Maria builds"), a possessive or punctuation, rarely by a bare noun."""
        following = _BARE_NEXT_WORD.match(text, end)
        if following is None:
            return False
        span = _PREVIOUS_SPAN.search(text[max(0, end - 40) : end])
        if span and self.names.is_family(span.group(1)) and not self.names.is_given(span.group(1)):
            return False  # "the Haraldsen novel", "the Rivera trilogy": a family's
        word = following.group(1)
        # A word that is also a verb ("saw", "led", "felt", "base", "goes") is more often the name's verb.
        if word.endswith("s") and not word.endswith("ss"):
            return False
        return (self.words.is_noun(word) and not self.words.is_descriptive(word) and not self.words.is_stop(word)
                and not self.names.is_given(word) and word not in NOT_MODIFIER_NOUNS)

    def is_family_attribute(self, text: str, start: int, end: int) -> bool:
        """A family name before a noun, after "the": "the Rivera trilogy", "the Haraldsen estate"."""
        word = text[start:end]
        following = _BARE_NEXT_WORD.match(text, end)
        return (following is not None and self.words.is_noun(following.group(1)) and self.names.is_family(word)
                and not self.names.is_given(word) and word.casefold() not in self.places.big)

    def is_imperative(self, text: str, end: int) -> bool:
        """A given name that is a verb, with an object after it: "Mark it as done", "Bill them", "Mark the
        flaky test as skipped" (an article and a lower-case word: "Mark the Evangelist" is a name)."""
        following = _BARE_NEXT_WORD.match(text, end)
        if following is None:
            return False
        if following.group(1) in OBJECT_ARTICLES:
            return _BARE_NEXT_WORD.match(text, following.end()) is not None
        return following.group(1) in OBJECT_PRONOUNS

    def names_thing(self, text: str, start: int, end: int) -> bool:
        """The words around the span say it names a thing or a place: "the band Gigi", "University of
        Alberta", "Sandy Hook, Maryland" (`thing_context`)."""
        return names_thing(text, start, end, self.places, self.names.is_given)

    def keeps_ner_person(self, text: str, start: int, end: int) -> bool:
        """spaCy said PERSON: keep it unless something says it is a company, a place or a thing.

        Evidence against: a company or product word ("Acme Cloud"), an article before it ("the Arno"), a
        known place that is no known name ("Exeter"), a place word closing it after a word that is no given
        name ("Riverside Drive"), only ordinary English words ("Killing Joke"), one English non-name word.
        """
        if self.is_org_like(text, start, end) or self.names_thing(text, start, end):
            return False
        tokens = _name_words(text[start:end])
        if _previous_word(text, start) in ARTICLES and not self.is_family_attribute(text, start, end) and not (
                self.is_full_name(tokens) and not _NEXT_CAPITALISED.match(text, end)):
            return False  # "the Arno", but "an Oswin Perrault exhibit": a full name is someone's after an article
        if not tokens:
            return False
        if len(tokens) == 1:
            word = tokens[0]
            if self.words.is_descriptive_lemma(word) and self.is_imperative(text, end):
                return False  # "Mark it as done"
            if is_quoted_title(text, start, end):
                return False  # the story "Umoregi", tracks like "Valhalla"

            if word.casefold() in self.places.all and _previous_word(text, start) in NEARBY_WORDS:
                return False  # "shot at nearby Colón", "in northern Hindley": only places lie nearby or north
            if self.names.is_name(word):
                if word.casefold() in self.places.big and text[start - 1 : start] == "#":
                    return False  # "#Sydney", "#Georgia": a tag of a big place is the place's
                return word.casefold() not in self.places.big or not _previous_word(text, start) in LOCATIVES
            if self.words.is_noun(word) and opens_comment(text, start):
                return False  # "# Prefix inside another word": a noun opening a code comment
            if _REGION_WORD.fullmatch(word) or after_place_preposition(text, start, end, self.names.is_name):
                return False  # "in Raveloe", "Derbyshire" ("in Durnford's eyes" is his)
            if is_place_mate(text, start, end, self.places, self.names.is_name):
                return False  # "Portchester and Fareham"
            return not (self.is_english(word) or word.casefold() in self.places.all)
        if text[start:end].casefold() in self.places.all:
            return False
        if tokens[-1].casefold() in PLACE_WORDS and not self.names.is_given(tokens[0]):
            return False
        if self.is_thing_word(tokens[-1]) or tokens[0].casefold() in OPENING_HEADS and not self.names.is_name(tokens[0]):
            return False  # "Tommy Solomon Statue", "Hakim Mosque", "Cyclone Phailin"
        return not all(self.is_english(t) and not self.names.is_given(t) for t in tokens)

    def is_thing_word(self, word: str) -> bool:
        """A word that closes a thing's or a building's name and is no known name: "Statue", "Mosque",
        "Trophy", "League" (place words such as "Hill" or "Temple" can be family names: see PLACE_WORDS)."""
        return word.casefold() in CLOSING_THINGS and not self.names.is_name(word)

    def in_thing_phrase(self, text: str, start: int, end: int) -> bool:
        """The word opens or is inside a run of capitalised words that a thing word closes ("Ivy League",
        "Tommy Solomon Statue"), or a head such as "Cyclone" or "Lake" opens it right before ("Cyclone Nadia").
        Words before it do not close its phrase: "Washington State University Simon Ličen" names Simon."""
        after = [m.group(1) for m in _RUN_AFTER.finditer(text, end, min(len(text), end + 80))]
        if any(self.is_thing_word(word) for word in after[:4]):
            return True
        before = _LAST_CAPITALISED.search(text, max(0, start - 40), start)
        return before is not None and before.group(1).casefold() in OPENING_HEADS and not self.names.is_name(before.group(1))

    def relabels_as_person(self, text: str, start: int, end: int, label: str) -> bool:
        """spaCy said ORG, GPE, NORP, ...: a person when the words read as a personal name."""
        if label not in RELABELLED or self.is_org_like(text, start, end) or self.names_thing(text, start, end):
            return False
        tokens = _name_words(text[start:end])
        if not tokens or any(t.casefold() in PLACE_WORDS for t in tokens):
            return False
        if text[start:end].casefold() in self.places.all and (len(tokens) > 1 or not self.names.is_given(tokens[0])):
            return False  # a known place, unless a lone given name that spaCy did not call a place ("Alice")
        if any(not t[:1].isupper() for t in tokens):
            return False
        if len(tokens) == 1:
            word = tokens[0]
            if _previous_word(text, start) in ARTICLES and not self.is_family_attribute(text, start, end):
                return False  # "The Alexa build": a thing
            # WordNet lists famous people ("alice", "james"): for a given name only a verb or adjective counts.
            if self.words.is_descriptive_lemma(word) or word.isupper() or word.casefold() in self.places.big:
                return False
            if _after_people_of(text, start) and self._is_unknown_word(word):
                return True  # "the possession of Varhaug", "the plays of Quennell": someone's, whatever the label
            if label in PLACE_LABELS:  # spaCy calls unknown names places: a given name that names none is a person
                return (self.names.is_given(word) and word.casefold() not in self.places.all
                        or self.is_subject_name(text, start, end))  # "Okafor attacks" (GPE)
            if self.is_english(word) and not self.names.is_given(word):
                return False
            # A family name alone is also a town often enough ("Cowley", "Sherman"): only when it names no place.
            return self.names.is_given(word) or self.names.is_family(word) and word.casefold() not in self.places.all
        if label in PLACE_LABELS and not self.names.is_family(tokens[-1]) and not (
                len(tokens) == 2 and self._is_unknown_word(tokens[1]) and self.names.is_given(tokens[0])
                and tokens[0].casefold() not in self.places.all):
            # "Nova Scotia", "Santa Clara": under a place label only a known family name counts, or a word no list
            # knows after a given name that names no place ("Siobhan Lynam")
            return False
        return self.reads_as_full_name(tokens)

    def is_full_name(self, tokens: list[str], family_last: bool = False) -> bool:
        """A known given name and a family name that no other reading explains: `reads_as_full_name`, opening with
        a given name that is no ordinary English word ("Green", "West") or big place ("Texas"), ending in a word that
        is no ordinary English word and no known place ("Oswin Perrault", "Walter J. Grisby"); with `family_last`,
        a known family name ("Nova Scotia" under a place label is no one's)."""
        if len(tokens) < 2 or _is_initial(tokens[-1]):
            return False
        first, last = tokens[0], tokens[-1]
        folded = first.casefold()
        if not self.names.is_given(first) or self.words.is_descriptive_lemma(first) or folded in self.places.big:
            return False  # "Green", "West", "Rice" (a verb too), "Texas"
        if folded in PLACE_WORDS or folded in ORG_WORDS or folded in OPENING_HEADS or folded in SAINTS:
            return False  # "River Ouse", "Santa Catarina"
        if self._ordinary(last) or last.casefold() in self.places.all or family_last and not self.names.is_family(last):
            return False
        return self.reads_as_full_name(tokens)

    def full_name_inside(self, text: str, start: int, end: int, label: str = "") -> tuple[int, int] | None:
        """A full name (`is_full_name`) that opens or closes a longer span: "the Netherlands Oswin Perrault",
        "Oswin Perrault for Food Standards Agency" (spaCy glues a name to what stands next to it). Inside a run
        of capitalised words it is a title's or a company's ("the Oswin Perrault Photographic Program"), after "of"
        a place's ("the Liberal Party of Nova Scotia")."""
        for run in _NAME_RUN.finditer(text, start, end):
            if _previous_word(text, run.start()) == "of":
                continue  # "the Liberal Party of Nova Scotia": what follows "of" in a name is its place
            words = [m.span() for m in _WORD.finditer(text, *run.span())]
            for i in range(max(0, len(words) - 4), len(words) - 1):  # the longest window closing the run first
                if i > 0 and text[words[i - 1][0] : words[i - 1][1]].casefold() not in self.places.all:
                    continue  # glued to a place ("the Netherlands Oswin Perrault"), not to a word ("Black Robin ...")
                if self.is_full_name(_name_words(text[words[i][0] : words[-1][1]]), family_last=label in PLACE_LABELS):
                    return words[i][0], words[-1][1]
        return None

    def reads_as_full_name(self, tokens: list[str]) -> bool:
        """A known given name (or an initial) first, then family names or words no dictionary knows."""
        first, rest = tokens[0], tokens[1:]
        if not (self.names.is_given(first) or _is_initial(first)):
            return False
        if not any(self.names.is_family(t) or not self.is_english(t) for t in rest if not _is_initial(t)):
            return False
        return all(_is_initial(t) or self.names.is_name(t) or not self.is_english(t) for t in rest)


    def is_subject_name(self, text: str, start: int, end: int) -> bool:
        """A known name that dictionaries list only with a capital and that names no known place, as the subject
        of a verb: "Okafor attacks", "Lena confirms", "Renata will" (not "Grace is", "Chelsea wins")."""
        word = text[start:end]
        return (self.names.is_only_name(word) and word.casefold() not in self.places.all and not self.words.is_stop(word)
                and acts(text, end, self.words))

    def lone_given_names(self, text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Known given names that nothing else explains ("Whenever James goes"), as (start, end) spans.

        `taken` are the sorted spans spaCy gave another label (ORG, GPE, ...) or that are code: a given name
        inside them is that entity's ("Linguistic Society of America"). A name is left when it has another
        reading: a verb or adjective ("Will", "Mark"), an English noun at a sentence start ("Grace is"),
        a place ("Paris"), capitals ("JAMES", a heading), an article before it ("the Victoria").
        """
        spans = []
        for match in _CAPITALISED.finditer(text):
            word = match.group()
            if word.isupper() or self.words.is_stop(word):
                continue
            start, end = match.span()
            if text[start - 1 : start] == "-" and not (self.names.is_given(word) and _LINE_END.match(text, end)):
                continue  # a sign-off's "-Edith" closes its line; "-Recurse", "-Force" are a command's switches
            if text.startswith(("'", "’"), end) and not self._personal_possessive(text, start, end):
                continue
            before = text[max(0, start - 12) : start].rstrip(" \t\"'“‘(")
            starts_sentence = not before or before[-1] in ".!?:\n" or opens_comment(text, start)
            if self.names.is_given(word):
                if self.words.is_descriptive_lemma(word) or word.casefold() in self.places.big:
                    continue
                if self.is_modifier(text, end) or self.is_org_like(text, start, end):
                    continue  # "the Hugo migration", "Grace period", "Siri upgrade"
                if self.words.is_noun(word) and starts_sentence and not self.is_subject_name(text, start, end):
                    continue  # "Grace is", but "Lena confirms"
            elif (starts_sentence and not self.is_subject_name(text, start, end) or _after_locative(text, start)
                  or not self._is_unknown_word(word) or self.is_org_like(text, start, end)):
                continue  # an unknown word after "in", "at", "near" is more often a place ("in Grimpen")
            if _previous_word(text, start) in ARTICLES or overlaps(start, end, taken):
                continue
            if self.names_thing(text, start, end) or in_place_name(text, start, end, self.places) or is_quoted_title(text, start, end):
                continue
            if self.in_thing_phrase(text, start, end):
                continue
            spans.append((start, end))
        return spans

    def _personal_possessive(self, text: str, start: int, end: int) -> bool:
        """A name's possessive before a noun: "Renata's garden"; not an ordinary word's ("for Heaven's sake") nor a
        shop's, whose possessive stands alone before a verb or a stop ("Haverford's was added", "at Marlowe's.")."""
        word = text[start:end]
        if self.is_english(word) and not self.names.is_only_name(word):
            return False
        return _NOUN_AFTER_POSSESSIVE.match(text, end) is not None and not acts(text, end + 2, self.words)

    def capitals_names(self, text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Full names written in capitals: "Yours truly, DELPHINE McHARGUE", "WALTER GRISBY, DALESFORD".

        Within a run of words in capitals, a known given name (or an initial) starts a name that goes on
        with family names, initials or words no dictionary has, as `reads_as_full_name` reads them in Title
        case; one word alone is an acronym or a shout ("USA", "STOP"), and a known place, a company or place
        word, or an ordinary word after the given name ("OLIVER STREET", "GRACE PERIOD") leaves the run."""
        spans = []
        for run in _CAPS_RUN.finditer(text):
            tokens = [m.span() for m in _CAPS_TOKEN.finditer(text, *run.span())]
            i = 0
            while i < len(tokens) - 1:
                end = self._capitals_name_end(text, tokens, i)
                if end is None:
                    i += 1
                    continue
                start, stop = tokens[i][0], tokens[end][1]
                if not overlaps(start, stop, taken):
                    spans.append((start, stop))
                i = end + 1
        return spans

    def _capitals_name_end(self, text: str, tokens: list[tuple[int, int]], i: int) -> int | None:
        """The index of the last token of a full name that starts at token `i`, or None."""
        words = [text[s:e].title() for s, e in tokens]
        if not (self.names.is_given(words[i]) or _is_initial(words[i])) or self.words.is_stop(words[i]):
            return None
        end = i
        for j in range(i + 1, min(len(words), i + 4)):
            word = words[j]
            folded = word.casefold()
            if folded in ORG_WORDS or folded in PLACE_WORDS:
                return None  # "NIELS HARTWOOD VENTURES", "GRACE HILL ROAD": a company's or a place's name
            if self.words.is_stop(word) or not (_is_initial(word) or self.names.is_name(word) or not self._ordinary(word)):
                break
            end = j
        while end > i and _is_initial(words[end]):
            end -= 1  # "OSWIN PERRAULT P.": a trailing initial is a postscript's, not hers
        name = words[i : end + 1]
        if len(name) < 2 or " ".join(name).casefold() in self.places.all:
            return None
        return end if self.reads_as_full_name(name) else None

    def _ordinary(self, word: str) -> bool:
        """An ordinary English word or an inflected one ("Periods", "Tangled"): capitals hide no case to tell."""
        return self.is_english(word) or (self.words.is_noun_form(word) or self.words.is_descriptive(word)) and (
            self.words.zipf(word) >= COMMON_ZIPF)

    def _is_unknown_word(self, word: str) -> bool:
        """A word no list explains: no English word of any frequency, no place; a family name at most."""
        folded = word.casefold()
        if folded in self.places.all or self.words.zipf(folded) >= UNKNOWN_ZIPF:
            return self.names.is_family(word) and not self.is_english(word) and folded not in self.places.all
        return not (self.words.is_noun(folded) or self.words.is_descriptive(folded))


    def lower_list_mates(self, text: str, people: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A lower-case word joined by "and", "&" or a comma to a found lower-case name, when no dictionary, place or
        word list knows it or it is a name written only as a name: "<emma> and kaite", "<nadia>, rob and jo" (the
        word's own reading is what the list would otherwise lack)."""
        spans = []
        for start, end in people:
            if not text[start:end].islower() or " " in text[start:end]:
                continue
            while (mate := _LOWER_MATE_AFTER.match(text, end)) is not None and self._lower_mate(mate.group(1)):
                spans.append(mate.span(1))
                start, end = mate.span(1)
        return spans

    def _lower_mate(self, word: str) -> bool:
        if self.words.is_stop(word) or self.words.is_descriptive(word) or word in self.places.all:
            return False
        if self.names.is_given(word):
            return self.names.is_only_name(word) or not self.words.is_noun_form(word)
        return not self.words.is_noun_form(word) and self.words.zipf(word) < UNKNOWN_ZIPF

    def list_mates(self, text: str, people: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The other items of a list made mostly of found names: "Sattler, <Maumill>, <Mabury>, Jones and <Lee>".

        An item must read as a name on its own terms too: capitalised words that are no ordinary English
        words, no known place and no company or place words ("Sattler, Maumill and London" leaves London).
        """
        if not people:
            return []
        spans = []
        for match in _LIST.finditer(text):
            items = [m.span() for m in _LIST_ITEM.finditer(text, match.start(), match.end())]
            named = sum(any(s <= ps and pe <= e for ps, pe in people) for s, e in items)
            if named < 2 or 2 * named < len(items):
                continue  # one name in a list of places is more often the mistake than the rule
            for start, end in items:
                if any(ps < end and start < pe for ps, pe in people) or not self._reads_as_list_name(text, start, end):
                    continue
                spans.append((start, end))
        return spans

    def _reads_as_list_name(self, text: str, start: int, end: int) -> bool:
        tokens = _name_words(text[start:end])
        if not tokens or self.is_org_like(text, start, end) or any(t.casefold() in PLACE_WORDS for t in tokens):
            return False
        if self.names_thing(text, start, end):
            return False
        place = text[start:end].casefold()
        if place in self.places.big or place in self.places.all and not (len(tokens) == 1 and self.names.is_name(place)):
            return False  # a known place, unless a small one that is a name too ("Lee" among names)
        return not all(self.is_english(t) and not self.names.is_given(t) for t in tokens)


def after_place_preposition(text: str, start: int, end: int, is_name: Callable[[str], bool] | None = None) -> bool:
    """A preposition of place right before the span and no possessive after it: "in Tarrowby", "near Quennell"
    are places, "in Varhaug's eyes" is his. Given `is_name`, also "to" after a verb of going before a word
    that is no known name: "came to Tarrowby" (but "the estate goes to Harvey")."""
    if _POSSESSIVE_AFTER.match(text, end):
        return False
    if _previous_word(text, start) in PLACE_PREPOSITIONS:
        return True
    if is_name is None or is_name(text[start:end]):
        return False
    motion = _MOTION_BEFORE.search(text, max(0, start - 40), start)
    return motion is not None and motion.group(1).casefold() in MOTION_VERBS


def _spoken_to(text: str, start: int, end: int) -> bool:
    """A word addressed as someone: after a comma and closing its sentence ("nice try, jacob!"), or asked
    something ("ted did you eat yet?")."""
    if _ASKED_AFTER.match(text, end):
        return True
    return bool(_VOCATIVE_BEFORE.search(text, max(0, start - 4), start) and _VOCATIVE_AFTER.match(text, end))


def _after_people_of(text: str, start: int) -> bool:
    """ "of" right before `start`, after a noun said of a person: "the widow of Tarrowby", "the plays of Quennell"."""
    head = _OF_HEAD.search(text, max(0, start - 40), start)
    return head is not None and head.group(1) in PEOPLE_OF_HEADS


def _after_locative(text: str, start: int) -> bool:
    """A preposition of place right before `start`, unless it is "of" after a noun said of a person ("the
    widow of Tarrowby", not "the parish of Tarrowby")."""
    return _previous_word(text, start) in LOCATIVES and not _after_people_of(text, start)


def _previous_word(text: str, start: int) -> str:
    match = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    return match.group(1).casefold() if match else ""


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _name_words(span: str) -> list[str]:
    """The words of a span, without particles, suffixes and a possessive ending."""
    out = []
    for word in _WORD.findall(span):
        word = word.removesuffix("'s").removesuffix("’s")
        if word and word.casefold() not in PARTICLES and word.casefold() not in SUFFIXES:
            out.append(word)
    return out
