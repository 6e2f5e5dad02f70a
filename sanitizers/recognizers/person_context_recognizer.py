"""Person names that the words around them give away, in prose: titles, speech, citations, family and life.

spaCy's small model misses many names it has never seen ("Durbeyfield", "Maumill") or calls them an
organisation. What surrounds a name says "person" in ways that hold across genres:
- a title before it: "Captain Eldridge", "Aunt Polly", "Lt. Gen. Jubal Early", "Professor Quilis";
- speech and gesture: "said Bartleby", "Tuppence nodded", "Morel laughed";
- a citation: "Quilis (1993)", "(Bavelier et al., 2006)", "Smith and Jones 2001";
- family and life: "Durbeyfield's wife", "Bunzel (born 1828)", "Citrone was born";
- initials before it: "C. Spearman", "J. R. Oyelaran"; a country in brackets after it: "Urska Horvat (Slovenia)".
A candidate must read as a name: capitalised words that are known given or family names or no ordinary
English word, and not the name of a known place unless it is also a person's name.
"""

from collections.abc import Callable

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from sanitizers.english_words import english_words, word_set
from sanitizers.name_lists import name_lists
from sanitizers.name_particles import PARTICLES
from sanitizers.person_judge import ARTICLES, PLACE_WORDS, PersonJudge
from sanitizers.place_names import place_names
from sanitizers.recognizer_result import recognizer_result

SCORE = 0.7
# A capitalised name word (O'Hara, McBride, Lizzie-boy, ÉVARISTE) or an initial ("T.").
# Bounded lengths and a word start keep every pattern linear on any input ("Abc-Abc-..." repeated).
_WORD = r"(?<![\p{L}\p{N}'’.-])(?:\p{Lu}\.|\p{Lu}(?:\p{L}|['’](?=\p{L}\p{L})){0,40}(?:-\p{L}{1,40}){0,3})"
_PARTICLE = "|".join(sorted(PARTICLES))
# Up to four name words, with particles between them: "Ana de la Cruz", "William T. Sherman".
_NAME = rf"(?P<name>{_WORD}(?:[ \t]+(?:(?:{_PARTICLE})[ \t]+)*{_WORD}){{0,3}})"
# Titles in Title case or capitals; abbreviations with their dot.
_TITLES = (
    "Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Madam|Madame|Mme|Mlle|Monsieur|Mademoiselle|"
    "Master|Mistress|Squire|Aunt|Auntie|Uncle|Cousin|Grandma|Grandpa|Granny|Father|Brother|Sister|Mother|"
    "Captain|Capt|Colonel|Col|Major|Maj|General|Gen|Lieutenant|Lt|Sergeant|Sgt|Corporal|Cpl|Private|"
    "Admiral|Adm|Commander|Cmdr|Commodore|Marshal|Brigadier|Ensign|King|Queen|Prince|Princess|Duke|"
    "Duchess|Earl|Count|Countess|Baron|Baroness|Viscount|Marquis|Emperor|Empress|Tsar|Czar|Sultan|Shah|"
    "Pope|Bishop|Archbishop|Cardinal|Reverend|Rev|Pastor|Rabbi|Imam|Sheikh|Saint|Deacon|Elder|Judge|"
    "Justice|President|Senator|Sen|Governor|Gov|Mayor|Minister|Ambassador|Chancellor|Inspector|Detective|"
    "Officer|Constable|Coach|Dean|Herr|Frau|Fräulein|Señor|Señora|Señorita|Don|Doña|Signor|Signora"
)
TITLE_WORDS = frozenset(_TITLES.split("|"))  # as written before a name: "Captain", "Mme"
_TITLE = re.compile(rf"(?<![\w'’])(?:(?i:{_TITLES})\.?)(?:[ \t]+(?i:{_TITLES})\.?)*[ \t]+{_NAME}")
# Verbs of speech and gesture, said of people.
_SPEECH = (
    "said|says|asked|asks|replied|replies|answered|cried|exclaimed|whispered|shouted|muttered|murmured|"
    "added|continued|rejoined|remarked|observed|repeated|retorted|responded|sobbed|laughed|sighed|groaned|"
    "smiled|nodded|shrugged|frowned|grinned|wept|gasped|stammered|screamed|yelled|protested|insisted|"
    "declared|admitted|explained|thought|wondered|whined|growled|snapped|called|interrupted|"
    "glanced|gazed|stared|leaned|leant|paused|hesitated|blushed|winked|smirked|chuckled|giggled|"
    "recalled|remembered|hurried|listened|waited|kissed|embraced|married|beckoned|"
    # what people do with their bodies and minds, said of people far more often than of things
    "regarded|watched|looked|stood|sat|knelt|walked|strolled|wandered|ran|rushed|climbed|jumped|dug|lay|slept|"
    "woke|awoke|dressed|ate|drank|sang|danced|wrote|felt|knew|saw|heard|noticed|realized|realised|"
    "understood|decided|hoped|wished|loved|hated|feared|trembled|shivered|blinked|coughed|hesitated|"
    "celebrated|entered|returned|followed|glared|scowled|pondered|mused|reflected|hastened|fled|wept|"
    "died|resigned|retired|graduated|studied|taught|joined|grew|became"
)
# A name spoken to, in dialogue or chat: "Yes, Curtis;", "Hullo, Wilson!", "Oh, Meg.", "Good night, Jo".
_VOCATIVE = re.compile(
    rf"(?<![\w'’])(?i:yes|no|oh|ah|well|now|come|hullo|hello|hi|hey|good\s+(?:morning|night|evening|bye)|"
    rf"goodbye|good-bye|farewell|thanks|thank\s+you|dear|dearest|my\s+dear|sorry|please|listen|look)"
    rf"[ \t]*,[ \t]*{_NAME}[ \t]*(?=[,;:!?.”\"’]|[ \t]+[-–—])"
)
# A name that opens or closes quoted speech, set off by a comma: "“Siddy, I'll lick you”", "up there, Huck;”".
_OPENERS = "(?i:in|on|at|by|for|from|with|the|a|an|and|but|so|if|when|then|yes|no|well|oh|now|this|that|my|our|your)"
_QUOTED_VOCATIVE = re.compile(
    rf"[“\"‘][ \t]*(?!{_OPENERS}\b){_NAME}[ \t]*,[ \t]+(?=\p{{Ll}}|I\b)|,[ \t]*{_NAME}[ \t]*[,;:!?.]?[ \t]*[”\"’]"
)
_SPEECH_BEFORE = re.compile(rf"(?<![\w'’])(?:{_SPEECH})[ \t]+{_NAME}")
# The speaker of a line of dialogue, right after its closing quote: '," said Tumble', '," Tumble murmured'.
_QUOTE_SPEAKER = re.compile(
    rf"[,!?][ \t]*[”\"’][ \t]+(?:(?:{_SPEECH})[ \t]+{_NAME}(?![\w'’])|{_NAME}[ \t]+(?:{_SPEECH})(?![\w'’]))"
)
_SPEECH_AFTER = re.compile(rf"{_NAME}[ \t]*,?[ \t]+(?:{_SPEECH})(?![\w'’])")
# Family, body and life: "Durbeyfield's wife", "Bunzel (born 1828)", "Citrone was born", "Galois died".
_RELATIONS = (
    "wife|husband|son|sons|daughter|daughters|father|mother|brother|brothers|sister|sisters|uncle|aunt|"
    "cousin|nephew|niece|widow|widower|children|child|parents|family|fiancé|fiancée|friend|friends|"
    "face|eyes|hand|hands|voice|heart|head|arm|arms|lips|mind|hair|birth|death|funeral|grave|wedding|"
    # a body's and a life's: "Tarrowby's illness", "Quennell's memoirs", "Varhaug's troops"
    "shoulder|shoulders|cheek|cheeks|forehead|brow|illness|sickness|deathbed|deaths|memoirs|diary|"
    "reign|army|troops|soldiers|followers|household|servants|patron|mistress|lover|bride|companion"
)
_POSSESSIVE = re.compile(rf"{_NAME}['’]s?[ \t]+(?:\w+[ \t]+)?(?:{_RELATIONS})(?![\w'’])")
_LIFE = re.compile(
    rf"{_NAME}[ \t]*(?:\([ \t]*(?:born|b\.|née|nee|died|d\.|c\.|ca\.)?[ \t]*(?:\d{{1,2}}[ \t]+\p{{L}}+[ \t]+)?"
    rf"(?:1[0-9]|20)\d\d\b|,?[ \t]+(?:was|is|were)?[ \t]*(?:born|died|married)(?![\w'’]))"
)
# Citations: "Quilis (1993)", "Quilis 1993:45" inside brackets, "Bavelier et al.", "(Smith and Jones, 2001)",
# "Quennell's (1971) group" (a possessive before the year).
_CITATION = re.compile(
    rf"{_NAME}(?:[ \t]+(?:and|&)[ \t]+(?P<name>{_WORD}(?:[ \t]+{_WORD})?))?(?:[ \t]+et[ \t]+al\.?)?(?:['’]s?)?"
    rf"[ \t]*,?[ \t]*"
    rf"(?:\([ \t]*(?:1[6-9]|20)\d\d[a-z]?\b|(?<=\([^()\n]{{0,80}}?)(?:1[6-9]|20)\d\d[a-z]?\b)"
    rf"|{_NAME}[ \t]+et[ \t]+al\.?"
)
# A list of authors before a year or a reference number: "(Thorell, Nutley, Bohlin, & Klingberg, 2009)",
# "Carrano & Nida [7]", "Lee, Park and Cho (2011)". A year after a comma counts inside brackets only.
_AUTHOR = rf"(?P<name>{_WORD}(?:[ \t]+{_WORD})?)"
_CITATION_LIST = re.compile(
    rf"{_AUTHOR}(?:(?:,[ \t]+(?:(?:and|&)[ \t]+)?|[ \t]+(?:and|&)[ \t]+){_AUTHOR}){{1,12}}(?:[ \t]+et[ \t]+al\.?)?"
    rf"(?:,[ \t]*(?<=\([^()\n]{{0,400}})(?:1[6-9]|20)\d\d[a-z]?\b|[ \t]*\[\d{{1,3}}(?:[,–-]\d{{1,3}})*\]"
    rf"|[ \t]*\([ \t]*(?:1[6-9]|20)\d\d[a-z]?\b)"
)
# One item of a bracketed group of citations, between the bracket or a semicolon and the next: "(Stone, 2017;
# Varhaug, 2009)", "(Tarrow, 1987)". The shape says "author": an ordinary English word is a family name there too.
_CITATION_ITEM = re.compile(
    rf"(?:(?<=\([ \t]{{0,3}})|(?<=;[ \t]{{0,3}})){_AUTHOR}(?:[ \t]+et[ \t]+al\.?)?,[ \t]*(?:1[6-9]|20)\d\d[a-z]?"
    rf"(?=[ \t]*[;)])"
)
# A bibliography entry, family name first: "Austen, Jane. Pride and Prejudice" (the given name is checked).
_INVERTED = re.compile(rf"(?m)^[ \t]*(?P<name>{_WORD}),[ \t]+(?P<name>{_WORD}(?:[ \t]+{_WORD})?)\.(?=[ \t]|$)")
# A signature in a filed document: "By: /s/ Charles E. Brinley".
_SIGNED = re.compile(rf"/s/[ \t]*{_NAME}")
# A family name after initials, each set off by a blank: "C. Spearman", "J. R. Oyelaran" (scorecards, author
# lines, reports); one word only ("P. R. China Attn:" is no name). A middle initial after a given name is the
# other patterns' and spaCy's ("Charles E. Brinley").
# Glued initials ("U.S. Bancorp", "A.S. Ostravia") are an abbreviation's as often, so they do not count.
_INITIALED = re.compile(
    rf"(?<![\p{{L}}\p{{N}}'’.-])(?=\p{{Lu}}\.[ \t])(?<!\p{{Lu}}[\p{{L}}'’-]{{0,40}}[ \t]+)"
    rf"(?P<name>(?:\p{{Lu}}\.[ \t]+){{1,3}}{_WORD})"
)
# A competitor's nationality in brackets after the name, as results, rosters and standings list them:
# "Urska Horvat (Slovenia) 108", "2. Warwara Zelenskaja ( Russia )". The bracket must hold a known big place.
_NATIONALITY = re.compile(
    rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{1,2}})[ \t]*\([ \t]*(?P<place>\p{{Lu}}[\p{{L}}.]*(?:[ \t]+\p{{Lu}}[\p{{L}}.]*)?)[ \t]*\)"
)
# A lower-case known given name before a verb of speech: "ok so maria said yes", "brandy is on it".
_LOWER_SPEECH = re.compile(rf"(?<![\w'’@#/.-])(?P<lower>\p{{Ll}}[\p{{Ll}}'’-]{{2,30}})[ \t]+(?:{_SPEECH}|is on it)(?![\w'’])")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?i:the|a|an)[ \t]+$")
_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?i:a|an|the|this|that|his|her|my|our|their|its|your|every|each)[ \t]+$")
_PATTERNS = (_TITLE, _SPEECH_BEFORE, _SPEECH_AFTER, _POSSESSIVE, _LIFE, _CITATION, _CITATION_LIST, _CITATION_ITEM,
             _INVERTED, _SIGNED, _INITIALED, _NATIONALITY, _VOCATIVE, _QUOTED_VOCATIVE, _QUOTE_SPEAKER)
# Where the shape says "a person" even of an ordinary word: someone spoken to, the speaker of a quoted line.
_SPOKEN = frozenset({_VOCATIVE, _QUOTED_VOCATIVE, _QUOTE_SPEAKER})
_TOKEN = re.compile(rf"{_WORD}")
# What each pattern needs in a text, tested before it runs (most texts need none of them). A cue word
# the patterns need ("said", "wife", "et") is a whole run of word characters in any match, so the set
# of a text's runs answers for all of them; the rest are plain characters. Never false where the
# pattern matches (tests run every example through its gate).
_RUN = re.compile(r"[\w'’]+")
_UPPER = re.compile(r"\p{Lu}")  # every _NAME starts with a capital
_SPEECH_WORDS = frozenset(_SPEECH.split("|"))
_RELATION_WORDS = frozenset(_RELATIONS.split("|"))
_TITLES_LOWER = frozenset(title.lower() for title in _TITLES.split("|"))
_LIFE_WORDS = ("(", "born", "died", "married")


def _has_title(text: str, runs: set[str]) -> bool:
    # Titles match in any case; on a non-ASCII text case folding has more forms than lower(): run it.
    return not text.isascii() or not _TITLES_LOWER.isdisjoint(map(str.lower, runs))


_GATES: dict[re.Pattern, Callable[[str, set[str]], bool]] = {
    _TITLE: _has_title,
    _SPEECH_BEFORE: lambda text, runs: not runs.isdisjoint(_SPEECH_WORDS),
    _SPEECH_AFTER: lambda text, runs: not runs.isdisjoint(_SPEECH_WORDS),
    _POSSESSIVE: lambda text, runs: not runs.isdisjoint(_RELATION_WORDS),
    _LIFE: lambda text, runs: any(word in text for word in _LIFE_WORDS),
    _CITATION: lambda text, runs: "(" in text or "et" in runs,
    _CITATION_ITEM: lambda text, runs: "," in text and ("(" in text or ";" in text),
    _INVERTED: lambda text, runs: "," in text and "." in text,
    _CITATION_LIST: lambda text, runs: ("(" in text or "[" in text) and ("," in text or "&" in text or "and" in runs),
    _SIGNED: lambda text, runs: "/s/" in text,
    _INITIALED: lambda text, runs: ". " in text or ".\t" in text,
    _NATIONALITY: lambda text, runs: "(" in text and ")" in text,
    _VOCATIVE: lambda text, runs: "," in text,
    _QUOTED_VOCATIVE: lambda text, runs: "," in text and any(q in text for q in "“”\"‘’"),
    _QUOTE_SPEAKER: lambda text, runs: not runs.isdisjoint(_SPEECH_WORDS) and any(q in text for q in "”\"’"),
    _LOWER_SPEECH: lambda text, runs: "is" in runs or not runs.isdisjoint(_SPEECH_WORDS),
}
# Pronouns and determiners that the patterns can catch in title case ("said He", "The wife").
NOT_NAME_WORDS = word_set(
    """i he she it we they you his her its our their my your this that these those there here the a an who
    what which when where why how then now so but and or yet one all each every some any no none"""
)


SEASONS = word_set("spring summer autumn fall winter")
_SAID_AGAIN = re.compile(r"[ \t]*,[ \t]*(\w+)")
# How people are addressed when not by name: "Yes, Sir", "Come, Darling", '," said Mum'.
ADDRESS_WORDS = word_set(
    """sir sirs madam ma'am miss mister boss chief kid kids child children boy boys girl girls lad lads lass man men
    woman women gentlemen ladies lady sweetheart sweetie darling dear dearest honey love baby babe buddy pal mate
    friend friends fellow fellows comrade comrades son daughter dad daddy papa pa mom mommy mum mummy mama ma
    grandpa grandma granny gran doc doctor nurse god lord heaven heavens jesus christ everybody everyone folks guys sister
    brother mother father children"""
)


class PersonContextRecognizer(LocalRecognizer):
    """PERSON names given away by titles, speech verbs, citations, family words and life dates."""

    def __init__(self, supported_entity: str = "PERSON", judge: PersonJudge | None = None):
        self.judge = judge
        super().__init__(supported_entities=[supported_entity], name="PersonContextRecognizer")

    def load(self) -> None:
        """Read the word, name and place lists (once per process)."""
        if self.judge is None:
            self.judge = PersonJudge(english_words(), name_lists(), place_names())

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Names with a giveaway context in `text`."""
        if entities and self.supported_entities[0] not in entities:
            return []
        if self.judge is None:
            self.load()
        found: dict[tuple[int, int], RecognizerResult] = {}
        runs = set(_RUN.findall(text))
        for pattern in _PATTERNS if _UPPER.search(text) else ():
            if not _GATES[pattern](text, runs):
                continue
            for match in pattern.finditer(text):
                if match.group().casefold() in self.judge.places.all:
                    continue  # "Saint Louis", "General Santos": the whole match names a place
                if pattern is _INVERTED and not self._given_not_place(match.captures("name")[1].split()[0]):
                    continue  # "Paris, Texas.": only a given name that is no place makes it an entry
                if pattern is _INITIALED and not self._family_after_initials(match.group("name").split()[-1]):
                    continue  # "P. R. China", "Appendix B. Research": a place or a word after a letter
                if pattern is _NATIONALITY and not self._competitor(match.group("name"), match.group("place")):
                    continue  # "Juventus (Italy)", "Bayern Munich (Germany)": a club, a place
                if (pattern is _CITATION_ITEM or pattern is _CITATION and len(match.captures("name")) == 1
                        ) and self._dates_or_places(match.captures("name")[0]):
                    continue  # "(March, 2010)", "(London, 1851)": when or where, not who
                cited = pattern is _INVERTED or pattern is _CITATION_LIST and self._mostly_names(
                    match.captures("name"), "&" in match.group())
                # A lone citation item keeps the place check ("(London, 1851)" names where, not who).
                titled = pattern is _TITLE or cited
                cited = cited or pattern is _CITATION_ITEM
                for start, end in match.spans("name"):
                    span = self._name_span(text, start, end, titled=titled, cited=cited, spoken=pattern in _SPOKEN)
                    if span and span not in found:
                        found[span] = self._result(*span)
        for match in _LOWER_SPEECH.finditer(text) if _GATES[_LOWER_SPEECH](text, runs) else ():
            word = match.group("lower")
            if (self.judge.names.is_given(word) and not self.judge.words.is_stop(word)
                    and not _DETERMINER_BEFORE.search(text, max(0, match.start() - 8), match.start())):
                span = match.span("lower")  # not "a man called", "the ridge called": a determiner's noun
                found.setdefault(span, self._result(*span))
        return sorted(found.values(), key=lambda r: (r.start, r.end))

    def _mostly_names(self, items: list[str], ampersand: bool = False) -> bool:
        """More than half of an author list's items hold a known name or a word no dictionary has: then its
        ordinary words are family names too ("Boot, Kramer, & Gratton"), unlike a title ("Nature, Development
        and Origin (1922)", "Park and Ride [1]"). An ampersand is how authors are joined, not words of a title:
        with one, half is enough ("Stone & Varhaug, 2010")."""
        judge = self.judge
        assert judge is not None
        named = sum(any(judge.names.is_name(w) or not judge.is_english(w) for w in item.split()) for item in items)
        return named * 2 > len(items) or ampersand and named * 2 >= len(items)

    def _nickname(self, text: str, match: re.Match) -> bool:
        """An ordinary word that can name the one spoken to or speaking: no function or chat word, no form of
        address or title ("Sir", "Mother", "Captain"), no acronym, no big place ("Goodbye, London!"), not said
        twice ("Nonsense, nonsense!"), opening a quote no verb or adjective ("Listen, old fellow"), and closing one
        only before a stop ("That you, Tumble?")."""
        judge = self.judge
        assert judge is not None
        word, folded = match.group(), match.group().casefold()
        if (judge.words.is_stop(word) or folded in ADDRESS_WORDS or folded in _TITLES_LOWER or word.isupper()
                or folded in judge.places.big):
            return False
        if text[: match.start()].rstrip(" \t")[-1:] in ("“", '"', "‘") and judge.words.is_descriptive_lemma(word):
            return False  # opening a quote, a verb or adjective is the line's first word: "‘Listen, old fellow’"
        if text[match.end() :].lstrip(" \t")[:1] in ("”", '"', "’"):
            return False  # a quote closing on the word with no stop is a label: 'the file "Config, Main"'
        return not _SAID_AGAIN.match(text, match.end()) or _SAID_AGAIN.match(text, match.end()).group(1).casefold() != folded

    def _dates_or_places(self, item: str) -> bool:
        """A bracketed "X, 1851" item that says when or where: a month, weekday or season, or a big place."""
        judge = self.judge
        assert judge is not None
        first = item.split()[0].casefold()
        return judge.words.is_stop(first) or first in SEASONS or item.casefold() in judge.places.big

    def _family_after_initials(self, word: str) -> bool:
        """A word that can be the family name after initials: no known place, and a known family name or no
        ordinary English word ("Spearman", "Oyelaran", "Young"; not "China", "Research")."""
        judge = self.judge
        assert judge is not None
        if word.casefold() in judge.places.all:
            return False
        return judge.names.is_family(word) or not judge.is_english(word)

    def _competitor(self, name: str, place: str) -> bool:
        """A given name and a family name before a bracketed country: two or three words, none a known place or an
        ordinary English word unless a known name, the first a known given name or no dictionary word ("Urska
        Horvat (Slovenia)"; not "Juventus (Italy)", one word, nor "Ajax Amsterdam (Netherlands)", a place in it)."""
        judge = self.judge
        assert judge is not None
        if place.casefold() not in judge.places.big:
            return False
        words = name.split()
        if any(w.casefold() in judge.places.all or judge.is_english(w) and not judge.names.is_name(w) for w in words):
            return False
        return judge.names.is_given(words[0]) or not judge.is_english(words[0])

    def _given_not_place(self, word: str) -> bool:
        judge = self.judge
        assert judge is not None
        return judge.names.is_given(word) and word.casefold() not in judge.places.all

    def _name_span(self, text: str, start: int, end: int, titled: bool = False, cited: bool = False, spoken: bool = False
                   ) -> tuple[int, int] | None:
        """The longest run of the candidate's words that reads as a name, or None.

        A lone word that is a place is no name ("in Tacoma, said"), unless a title comes before it
        ("Captain Lennox"): the titled places ("Saint Louis") were left out with their whole match. In an
        author list of mostly names or a bibliography entry (`cited`), an ordinary English word is a family
        name too ("Boot", "Twain")."""
        judge = self.judge
        assert judge is not None
        if judge.is_org_like(text, start, end) or judge.names_thing(text, start, end):
            return None  # "the project called Nimbus", "Governor of Virginia, said"
        tokens = list(_TOKEN.finditer(text, start, end))
        if tokens and tokens[0].group().casefold() in ARTICLES and len(tokens) > 1:
            return None  # a title that opens with an article names a work: "A Single Man (2009)"
        # Someone spoken to or speaking is named even by an ordinary word ("Hullo, Tumble!"), unless it is how
        # people are addressed ("Yes, Sir", '," said Mother').
        cited = cited or spoken and len(tokens) == 1 and self._nickname(text, tokens[0])
        while tokens and (tokens[0].group().casefold() in NOT_NAME_WORDS or not cited
                          and judge.is_english(tokens[0].group()) and not judge.names.is_given(tokens[0].group())):
            tokens.pop(0)  # "As Quilis (1993)": a sentence's first word is no part of the name
        kept = []
        for m in tokens:
            word = m.group()
            if word.casefold() in NOT_NAME_WORDS:
                break
            # An ordinary word counts only as a given name ("Grace"): "Street", "Glass" are family names too.
            if word.endswith(".") or word.casefold() in PARTICLES or judge.names.is_given(word.rstrip("'’")):
                kept.append(m)
                continue
            if judge.is_english(word.rstrip("'’")) and not cited:
                break
            kept.append(m)
        while kept and (kept[-1].group().casefold() in PARTICLES or kept[-1].group().endswith(".")
                        and len(kept) > 1 and len(kept[-1].group()) > 2):
            kept.pop()
        if not kept:
            return None
        names = [m.group() for m in kept if m.group().casefold() not in PARTICLES and not m.group().endswith(".")]
        if not names:
            return None
        if len(names) > 1 and names[-1].casefold() in PLACE_WORDS and not judge.names.is_given(names[0]):
            return None  # "a ridge called Norcombe Hill": a place word closes it
        if len(names) == 1 and not titled:
            word = names[0]
            if word.casefold() in judge.places.all and not judge.names.is_name(word):
                return None
            if word.isupper() and len(word) > 1 and not judge.names.is_name(word):
                return None  # an acronym speaks for an agency: 'said KCNA'
            if _ARTICLE_BEFORE.search(text, max(0, kept[0].start() - 8), kept[0].start()):
                return None  # "Elevator to the Gallows (1958)": an article makes it a thing
        return kept[0].start(), kept[-1].end()

    def _result(self, start: int, end: int) -> RecognizerResult:
        return recognizer_result(self, start, end, SCORE)
