"""Person names next to the words people use to introduce, greet, address and sign: "my name is X",
"hi this is X", "Dear X", "Mr. X", "ask for X", "Thanks, X", "Regards,\\nX", "X here".

spaCy's small model misses lower-case names ("hi this is maria gonzalez") and many of non-English
origin; these cues catch them whatever the case or origin. The words after a cue are read one by
one: function words, chat words ("team") and, in lower case, English adjectives and verbs ("this is
urgent", "i'm stuck") end the name.
"""

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from sanitizers.english_words import EnglishWords, english_words, word_set
from sanitizers.name_lists import name_lists
from sanitizers.name_particles import PARTICLES as NAME_PARTICLES
from sanitizers.pattern_set import PatternSet
from sanitizers.person_judge import ORG_WORDS, PLACE_WORDS
from sanitizers.place_names import place_names
from sanitizers.recognizer_result import recognizer_result

# Words that make a form's "X Name:" the name of a thing: "Company Name: ...", "Merchant Name: ...".
THING_NAME_WORDS = (
    "company merchant business brand store shop bank vendor supplier firm organization organisation employer "
    "product project app application file host server domain hospital clinic school university facility venue "
    "event property building street city town country state plan team department device network package course "
    "program programme insurer carrier"
)
# Checked once "name" has matched (a look-behind before it would run at every position of every text).
_THING_NAME = rf"(?<!\b(?:{'|'.join(THING_NAME_WORDS.split())})[ \t_-]?name)"
# Cue kinds: strong cues name a person whatever follows; weak cues only when the next word looks like a name.
_STRONG = (
    rf"my\s+name\s+is|my\s+name's|name{_THING_NAME}\s*:|full\s+name\s*(?:is|:)|names?\s+is|i\s+am\s+called|"
    r"account\s+holder\s*(?:is|:)?|cardholder\s*(?:is|:)?|dear|attn\s*:?|c/o|"
    r"name\s+on\s+(?:the\s+|my\s+)?(?:account|card|booking|reservation|ticket|order)\s*(?:is|:)?|"
    r"(?:account|beneficiary|recipient|payee|passenger|guest|employee|candidate|applicant|contact|"
    r"customer|client|patient|student|traveller|traveler|sender|owner)\s+name\s*(?:is|:)?|"
    r"(?:beneficiary|recipient|payee|passenger|new\s+hire|attendee|applicant|traveller|traveler|"
    r"kontoinhaber(?:in)?|inhaber(?:in)?|titular|titulaire|empfänger|destinatario|beneficiario)\s*:|"
    r"under\s+the\s+name(?:\s+of)?|in\s+the\s+name\s+of|on\s+behalf\s+of|"
    r"(?:customer|client|user|account|contact|guest|passenger|patient)\s*:\s*name\s*:?|"
    # "name Maria Gonzalez" opening a line or following a colon (forms typed without the colon).
    r"(?:(?<=^[ \t]*)|(?<=:[ \t]*))(?:full\s+)?name(?=[ \t]+\p{L})"
)
# A sign-off on its own line: the name is on the next line ("Best,\nMaria").
_SIGN_OFF = (
    r"(?:signed|sincerely|regards|best\s+regards|kind\s+regards|warm\s+regards|yours\s+truly|cheers|"
    r"best\s+wishes|many\s+thanks|thanks|thank\s+you|best)[ \t]*[,.!]?[ \t]*\n[ \t]*"
)
_TITLE = r"(?-i:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Herr|Frau|Mme|Mlle|Sr|Sra|Srta|Sig|Sig\.ra)\.?(?=\s)|(?:mr|mrs|ms|dr)\."
# The people a speaker names after "my": family, friends and the people of their work ("my grandson Theo").
_MY_PEOPLE = (
    "wife|husband|hubby|son|sons|daughter|daughters|mother|father|mom|mum|dad|brother|brothers|sister|sisters|bro|sis|"
    "twin|grandson|grandsons|granddaughter|granddaughters|grandma|grandpa|grandmother|grandfather|granny|nana|niece|"
    "nieces|nephew|nephews|cousin|cousins|uncle|aunt|auntie|stepson|stepdaughter|fianc[eé]e?|girlfriend|boyfriend|"
    "friend|friends|bestie|bff|mate|buddy|pal|roommate|flatmate|colleague|manager|boss|partner|coworker|co-worker|"
    "assistant|landlord|tenant|neighbou?r|teacher|doctor|lawyer"
)
# Words said of those people between "my" and them: "my wonderful daughters Aldina and Pia", "my little brother".
_MY_PEOPLE_WORDS = (
    "little|big|baby|older|younger|elder|eldest|youngest|best|amazing|beautiful|lovely|dear|darling|wonderful|"
    "awesome|late|new|old|favou?rite|good|great|gorgeous|sweet|brilliant|proud|twin"
)
# Cues that also precede products and tech words ("it's Python", "by Google", "user settings") are left out.
_WEAK = (
    r"i'm|i’m|i\s+am|im|this\s+is|hi|hello|hey|thanks|thank\s+you|thx|ty|call\s+me|"
    r"(?:ask|asking|asked)\s+for|(?:speak|spoke|speaking|talk|talked|talking|chatted)\s+(?:to|with)|"
    r"contacted|emailed|messaged|"
    # Words of congratulation, thanks and mourning said to or of someone: "happy birthday Oksana",
    # "shoutout to Priyanka", "congrats to tom", "RIP robin williams".
    r"(?:congrats|congratulations|condolences|props|kudos|shout\s*-?\s*outs?|big\s+ups|thanks|thank\s+you)\s+to|"
    r"happy\s+(?:birthday|bday|b-day|anniversary)(?:\s+to)?|hbd|rip|rest\s+in\s+peace|"
    rf"my\s+(?:(?:{_MY_PEOPLE_WORDS})\s+)?(?:{_MY_PEOPLE})|"
    r"(?:customer|client|patient|tenant)(?:'s)?\s+(?:name\s+)?is|"
    r"regards|cheers|sincerely|signed|from\s*:|to\s*:"
)
_CUES = re.compile(
    rf"(?<![\w'’])(?:(?P<strong>(?:{_STRONG})(?![\w'’])|{_SIGN_OFF})|(?P<title>{_TITLE})(?![\w'’])"
    rf"|(?P<weak>{_WEAK})(?![\w'’]))",
    re.IGNORECASE,
)
# After the cue: spaces, a comma, or a colon (not a sentence end: "Thanks. Maria will call").
_GAP = re.compile(r"[ \t]*(?:[,:][ \t]*)?(?:-[ \t]+)?")
# After a strong cue the name may sit on the next line ("Name:\nMaria Gonzalez").
_STRONG_GAP = re.compile(r"[ \t]*(?:[,:][ \t]*)?(?:-[ \t]+)?(?:\n[ \t]*)?")
# A word, with inner apostrophes and hyphens (O'Brien, Jean-Luc) but not a closing quote; or an initial.
_TOKEN = re.compile(r"(?:\p{Lu}\.(?=\s)|\p{L}(?:\p{L}|['’](?=\p{L}))*(?:-\p{L}(?:\p{L}|['’](?=\p{L}))*)*)")
_SPACE = re.compile(r"[ \t]+")
_POSSESSIVE_END = re.compile(r"['’]s$")
_NEXT_WORD = re.compile(r"[ \t]*(,)?[ \t]+(\w+\.?)")
# Legal forms that follow a company's name after a comma ("Evergreen Solar, Inc."; not "Maria, office manager").
LEGAL_FORMS = word_set("inc inc. llc llc. ltd ltd. corp corp. co co. gmbh ag sa s.a. plc llp lp l.p. limited")
# Titles are cues, never part of the name ("Dear Mrs. Kowalczyk").
TITLES = word_set("mr mrs ms miss mx dr prof herr frau mme mlle sr sra srta sig sir madam")
# Name particles: "Ana de la Cruz", "Ludwig van Beethoven", "Omar bin Laden", "Ali al Farsi".
PARTICLES = NAME_PARTICLES | {"st"}
_KEBAB_CASE = re.compile(r"[\p{Ll}\d]+(?:-[\p{Ll}\d]+)+")
_LOWER_TOKEN = re.compile(r"\p{Ll}[\p{Ll}\d]*")
# The head of a line of a nested YAML mapping up to a key's value: `    name: `, `- name: `, `  - name: "`.
_NESTED_KEY = re.compile(r"(?:[ \t]+(?:-[ \t]+)?|[ \t]*-[ \t]+)[\w.-]+[ \t]*:[ \t]*[\"']?")
# A form field "Label: Firstname Lastname"; labels that name a place, company or thing are skipped.
_LABEL = re.compile(r"(?<![\w'’])(?P<label>\p{L}[\p{L}'’ ]{0,30}?)[ \t]*:[ \t]*(?=\p{L})")
_THING_NAME_SET = frozenset(THING_NAME_WORDS.split())
NON_PERSON_LABELS = word_set(
    """city town location country region state province address street destination origin from to company
    organization organisation org employer product plan tier team department project status type category
    subject title re error warning note notes tip step example language model version file path branch
    server host service product app tool role level priority stage result reason summary"""
)  # fmt: skip
# Labels after which a name is a person's even when its words are English nouns.
PERSON_LABELS = word_set(
    """name holder payee beneficiary recipient contact owner customer client employee passenger guest
    attendee applicant traveller traveler patient student signed signatory attn to from cc sender"""
)
# "transfer the deposit to Maria Gonzalez", "send it to ...": a full name after a sending verb and "to".
_SEND_TO = re.compile(
    r"\b(?:send|sent|transfer|transferred|pay|paid|wire|wired|forward|forwarded|refund|refunded|give|gave|"
    r"mail|mailed|ship|shipped|deliver|delivered|assign|assigned|address|addressed|made\s+out)\b"
    r"[^\n.!?]{0,40}?\bto[ \t]+",
    re.IGNORECASE,
)
# A key-value pair whose key names a person: `"name": "Maria Gonzalez"`, `holder='ana lima'`, `name = X`.
_PERSON_KEY = re.compile(
    r"""(?<![\w-])["']?(?P<key>(?:(?:customer|client|contact|account|card|full|first|last|given|family|display|"""
    r"""legal|holder|passenger|guest|employee|patient|recipient|sender|beneficiary|payee)[_ -]?)?"""
    r"""(?:name|surname|holder|beneficiary|recipient|payee|customer|passenger|employee|assignee|requester|"""
    r"""reporter|signatory|contact))["']?[ \t]*[:=][ \t]*["'](?P<value>[^"'\n]{2,60})["']""",
    re.IGNORECASE,
)
# A name right before other personal data: "Maria Gonzalez, passport 123456789" / "..., DOB 1988-03-04".
_BEFORE_PII = re.compile(
    # (?-i:...): with IGNORECASE, \p{Lu} would match any letter.
    r"(?P<name>(?-i:\p{Lu}[\p{L}'’-]+(?:[ ]+\p{Lu}[\p{L}'’-]+){1,3}))[ \t]*[,(][ \t]*"
    r"(?:(?:passport|pasaporte|passeport|passaporto|reisepass|paszport|pasaport|d\.?o\.?b|date\s+of\s+birth|born|"
    r"ssn|social\s+security|phone|tel|mobile|e-?mail|iban|account|card|driver'?s?\s+licen[cs]e|address)\b"
    # ... or any one word and then an ID-like number: ", pasaporte nº X1234567", ", DNI 12345678Z"
    r"|\p{L}+\.?[ \t]*(?:no\.?|nr\.?|n[º°]|#|:)?[ \t]*[a-z]{0,3}\d{6,}"
    # ... or an IBAN: "Refund please to Maria Gonzalez, BE68 5390 0754 7034"
    r"|[a-z]{2}\d{2}[ ]?[a-z0-9]{4})",
    re.IGNORECASE,
)
# A name right before an e-mail address, as mail headers, author lines and contact lists write it:
# "Maria Gonzalez <maria.g@example.org>", "Kenji Tanaka (kenji@example.jp)", "Ana Lima ana@example.org".
_BEFORE_EMAIL = re.compile(
    r"(?P<name>\p{Lu}[\p{L}'’-]+(?:[ ]+\p{Lu}[\p{L}'’-]+){1,3})[ \t]*[<(\[]?[ \t]*(?:mailto:)?"
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
# A name closing a sentence right after a number: "to my account: GB29 ... 19, Maria Gonzalez."
_AFTER_NUMBER = re.compile(r"\d[ \t]*,[ \t]*(?P<name>\p{Lu}[\p{L}'’-]+(?:[ ]+\p{Lu}[\p{L}'’-]+){1,3})[ \t]*(?=[.\n]|$)")
# A whole text that is just a name ("Maria Gonzalez" as a tool argument or a form cell).
_WHOLE = re.compile(r"\s*(?P<name>[\p{L}][\p{L}'’.-]*(?:[ ]+[\p{L}][\p{L}'’.-]*){1,3})\s*")
# "maria here, my order ..." at the start of a text or sentence.
_HERE = re.compile(
    r"(?:^|(?<=[\n.!?][ \t]{0,3}))(?:(?:hi|hey|hello)[ ,!]+)?(?P<name>[\p{L}][\p{L}'’-]+(?:[ \t]+[\p{L}][\p{L}'’-]+){0,2})"
    r"[ \t]+here\b",
    re.IGNORECASE,
)
# A last line that is only a name, after a dash ("- Maria", "-- Kenji Tanaka", "~ ana").
_DASH_SIGNATURE = re.compile(r"(?:^|\n)[ \t]*(?:--?|—|~)[ \t]*(?P<name>[^\n]{2,60})[ \t]*$")
MAX_NAME_TOKENS = 4
# The next name of a list: ", Kenji", " and rob", " & Ana".
_AND_NAME = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)(?P<name>\p{L}[\p{L}'’-]*)\b")
_CONTRACTION = re.compile(
    r"['’](?:m|re|ll|ve|d|t)$|^(?:it|that|what|there|here|he|she|let|who|where|how)['’]s$", re.IGNORECASE
)


# The patterns that find nothing in most texts: one Hyperscan pass tells which of them can match a text
# (a superset: `sanitizers.pattern_set`), and only those run. The cue pattern matches most chat turns.
_RARE = (_HERE, _LABEL, _PERSON_KEY, _BEFORE_PII, _BEFORE_EMAIL, _AFTER_NUMBER, _SEND_TO, _DASH_SIGNATURE)


class PersonCueRecognizer(LocalRecognizer):
    """PERSON names right after an introduction, greeting, title or sign-off cue, in any case.

    Known false positives: an English noun after a weak cue ("thanks Hope this helps", "this is
    Security"); known misses: a lower-case name that is also an English verb or adjective ("this is
    mark") unless a surname follows, and names with no cue at all.
    """

    def __init__(self, supported_entity: str = "PERSON", words: EnglishWords | None = None):
        self.words = words
        self.names = name_lists()
        self.places = place_names()
        self._rare = PatternSet.of(_RARE)
        super().__init__(supported_entities=[supported_entity], name="PersonCueRecognizer",
                         context=["name", "called"])

    def _may_match(self, text: str) -> set[re.Pattern]:
        """The patterns of `_RARE` that can match `text` (all of them when it is not ASCII)."""
        return set(self._rare.select(text, _RARE))

    def load(self) -> None:
        """Read the English word lists (once per process)."""
        if self.words is None:
            self.words = english_words()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Names after cues in `text`."""
        if entities and self.supported_entities[0] not in entities:
            return []
        if self.words is None:
            self.load()
        spans: list[tuple[int, int, float]] = []
        for cue in _CUES.finditer(text):
            kind = "strong" if cue.group("strong") else "title" if cue.group("title") else "weak"
            found = self._name_after(text, cue.end(), kind)
            if found:
                spans.append(found)
        may_match = self._may_match(text)
        for match in _HERE.finditer(text) if _HERE in may_match else ():
            found = self._name_at(text, match.start("name"), match.end("name"), 0.6, whole=True)
            if found:
                spans.append(found)
        for match in _LABEL.finditer(text) if _LABEL in may_match else ():
            label = [w.casefold() for w in match.group("label").split()]
            if label and label[-1] not in NON_PERSON_LABELS and not (
                    label[-1] == "name" and len(label) > 1 and label[-2] in _THING_NAME_SET):
                found = self._full_name_at(text, match.end(), len(text), 0.6, known_ok=label[-1] in PERSON_LABELS)
                if found:
                    spans.append(found)
        for match in _PERSON_KEY.finditer(text) if _PERSON_KEY in may_match else ():
            found = self._key_value_name(text, match)
            if found:
                spans.append(found)
        for pattern in (_BEFORE_PII, _BEFORE_EMAIL, _AFTER_NUMBER):
            for match in pattern.finditer(text) if pattern in may_match else ():
                found = self._full_name_at(text, match.start("name"), match.end("name"), 0.6, whole=True,
                                           known_ok=True)
                if found:
                    spans.append(found)
        for match in _SEND_TO.finditer(text) if _SEND_TO in may_match else ():
            found = self._full_name_at(text, match.end(), len(text), 0.6)
            if found:
                spans.append(found)
        whole = _WHOLE.fullmatch(text) if len(text) <= 80 else None
        if whole:
            found = self._full_name_at(text, whole.start("name"), whole.end("name"), 0.6, whole=True)
            if found:
                spans.append(found)
        for match in _DASH_SIGNATURE.finditer(text) if _DASH_SIGNATURE in may_match else ():
            found = self._name_at(text, match.start("name"), match.end("name"), 0.6, whole=True)
            if found:
                spans.append(found)
        spans += self._coordinated(text, spans)
        # "name: my-nginx-svc": an identifier, its words joined by hyphens in lower case, is nobody's name
        return [self._result(s, e, score) for s, e, score in _dedupe(spans)
                if not self._names_place(text, s, e) and not _KEBAB_CASE.fullmatch(text, s, e)
                and not self._is_key_value_identifier(text, s, e)]

    def _is_key_value_identifier(self, text: str, start: int, end: int) -> bool:
        """`    - name: nginx`: one lower-case word that no name list knows, as the value of a key in an indented or
        listed YAML mapping, names a container, a service or a package (Kubernetes names are lower case by rule)."""
        if not _LOWER_TOKEN.fullmatch(text, start, end) or self.names.is_name(text[start:end]):
            return False
        line_start = text.rfind("\n", 0, start) + 1
        return bool(_NESTED_KEY.fullmatch(text, line_start, start))

    def _names_place(self, text: str, start: int, end: int) -> bool:
        """A known place ("ship to São Paulo"); without a title before it, two or more words closed by a place
        word, the first no given name ("sent to Misselthwaite Manor", "at Hudson Terrace"; not "Grace Hill"),
        or a name a company word follows ("Attn: Legal Department", "on behalf of Evergreen Solar, Inc.").
        After a title it names a person: "Mr. Villars Howard Grove", "Miss Marjoribanks school", and one word
        after a title even when a place has that name: "Mr. Rochester", "Mrs. Chester" (not "Miss America",
        a pageant's title: a big place that is no known name after "Miss")."""
        words = text[start:end].split()
        folded = _POSSESSIVE_END.sub("", text[start:end].casefold())  # "to Santa Fe's board": the place's
        before = text[max(0, start - 8) : start].split()
        title = before[-1].rstrip(".").casefold() if before else ""
        if title in TITLES and len(words) == 1 and not (
                title == "miss" and folded in self.places.big and not self.names.is_name(folded)):
            return False
        if len(words) > 1 and folded in self.places.all or folded in self.places.big and not self.names.is_given(folded):
            return True
        if title in TITLES:
            return False
        following = _NEXT_WORD.match(text, end)
        if following and following.group(2).casefold() in (LEGAL_FORMS if following.group(1) else ORG_WORDS):
            return True
        return len(words) > 1 and words[-1].casefold() in PLACE_WORDS and not self.names.is_given(words[0])

    def _coordinated(self, text: str, spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
        """Known given names joined to a found name by "and", "&" or a comma: "talked to nadia and rob",
        "thanks Maria, Kenji and Ana". In a list of names "rob" is the name, not the verb."""
        more = []
        for _, end, score in spans:
            while (joined := _AND_NAME.match(text, end)) and self._joins_a_name(joined.group("name")):
                more.append((joined.start("name"), joined.end("name"), score))
                end = joined.end("name")
        return more

    def _joins_a_name(self, word: str) -> bool:
        assert self.words is not None
        return self.names.is_given(word) and not self.words.is_stop(word)

    def _name_after(self, text: str, pos: int, kind: str) -> tuple[int, int, float] | None:
        gap = (_STRONG_GAP if kind == "strong" else _GAP).match(text, pos)
        pos = gap.end() if gap else pos
        tokens = self._read_tokens(text, pos, kind, limit=len(text))
        if not tokens:
            return None
        first = text[tokens[0][0] : tokens[0][1]]
        lower_first = first[:1].islower()
        if kind == "strong" or kind == "title":
            score = 0.85
        elif not lower_first:
            score = 0.75
        else:
            score = 0.6
        return tokens[0][0], tokens[-1][1], score

    def _name_at(self, text: str, start: int, end: int, score: float, whole: bool = False
                 ) -> tuple[int, int, float] | None:
        tokens = self._read_tokens(text, start, "weak", limit=end)
        if not tokens or (whole and tokens[-1][1] != len(text[:end].rstrip())):
            return None
        return tokens[0][0], tokens[-1][1], score

    def _key_value_name(self, text: str, match: re.Match) -> tuple[int, int, float] | None:
        """The value of a person key when it reads as a name: letters only, 1-4 words (2+ for a bare "name")."""
        start, end = match.span("value")
        tokens = self._read_tokens(text, start, "strong", limit=end)
        if not tokens or tokens[-1][1] != len(text[:end].rstrip()) or tokens[0][0] != start:
            return None  # digits, e-mails, trailing words: not (only) a name
        bare_name = match.group("key").casefold() == "name"
        if bare_name and len(tokens) < 2:
            return None  # "name": "checkout" names a thing as often as a person
        if any(text[s:e].casefold() in ORG_WORDS for s, e in tokens):
            return None
        return start, tokens[-1][1], 0.8

    def _full_name_at(self, text: str, start: int, end: int, score: float, whole: bool = False,
                      known_ok: bool = False) -> tuple[int, int, float] | None:
        """A given name and a family name with no cue: 2-4 words, one of them no English word at all
        (or, after a label that names a person, `known_ok`, English nouns too: "Payee: Grace Hill")."""
        tokens = self._read_tokens(text, start, "weak", limit=end)
        names = [text[s:e] for s, e in tokens if text[s:e].casefold() not in PARTICLES]
        if len(names) < 2 or (whole and tokens[-1][1] != end):
            return None
        words = self.words
        assert words is not None
        if any(n.casefold() in ORG_WORDS for n in names):
            return None
        unknown = [n for n in names if not (words.is_noun(n) or words.is_descriptive(n) or words.is_stop(n))]
        nouns = all(words.is_noun(n) or n in unknown for n in names)
        if not (unknown or known_ok and nouns) or len({n[:1].isupper() for n in names}) > 1:
            return None  # all dictionary words ("Pending Review"), or mixed case ("Maria said")
        return tokens[0][0], tokens[-1][1], score

    def _read_tokens(self, text: str, pos: int, kind: str, limit: int) -> list[tuple[int, int]]:
        """Token spans of the name starting at `pos`, particles inside it included."""
        tokens: list[tuple[int, int]] = []
        pending_particles: list[tuple[int, int]] = []
        title_case: bool | None = None
        while len(tokens) < MAX_NAME_TOKENS:
            match = _TOKEN.match(text, pos)
            if match is None or match.end() > limit:
                break
            word = match.group()
            if tokens and word.casefold() in PARTICLES:
                pending_particles.append(match.span())
            elif self._accepts(word, kind, first=not tokens, title_case=title_case,
                               next_word=_peek(text, match.end())):
                tokens.extend(pending_particles)
                pending_particles = []
                tokens.append(match.span())
                if title_case is None:
                    title_case = not word[:1].islower()
            else:
                break
            space = _SPACE.match(text, match.end())
            if space is None:
                break
            pos = space.end()
        return tokens

    def _accepts(self, word: str, kind: str, first: bool, title_case: bool | None, next_word: str) -> bool:
        words = self.words
        assert words is not None
        if len(word) < 2 and not word.endswith("."):
            return False
        if word.endswith(".") and (first and kind != "title" or not word[:1].isupper()):
            return False  # an initial ("J.") only inside a Title-case name or after a title
        if words.is_stop(word.rstrip(".")) or word.rstrip(".").casefold() in TITLES:
            return False
        if _CONTRACTION.search(word):
            return False  # "i'm", "we'll", "don't"; O'Brien and D'Angelo keep their apostrophe
        is_lower = word[:1].islower()
        if word.isupper() and len(word) > 1 and kind == "weak":
            return False  # "OK", "USA", "API" after "hi"/"thanks" are not names
        if title_case is True and is_lower:
            return False  # "Maria Gonzalez called": a lower-case word ends a Title-case name
        if kind in ("strong", "title"):
            return not (is_lower and words.is_descriptive(word) and not words.is_noun(word))
        if not is_lower:
            # Title case after a weak cue: a name unless it is only an adjective/adverb/verb ("Sorry", "Trying").
            return words.is_noun(word) or not words.is_descriptive(word)
        if not words.is_descriptive(word):
            # "ask for passwords", "ask for clarification": a lower-case noun is a name only when it is a
            # known name ("talked to nadia") or a word no dictionary has ("hi this is xochitl").
            return self.names.is_name(word) or not words.is_noun_form(word)
        # "this is mark johnson": a word that is also a verb counts when a surname-like word follows.
        return (first and words.is_noun(word) and bool(next_word) and not words.is_stop(next_word)
                and not words.is_descriptive(next_word))

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return recognizer_result(self, start, end, score)


def _peek(text: str, pos: int) -> str:
    space = _SPACE.match(text, pos)
    if space is None:
        return ""
    match = _TOKEN.match(text, space.end())
    return match.group() if match else ""


def _dedupe(spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    # Two cues can point at one name ("hi, this is Maria"): keep the widest, surest span per start.
    best: dict[int, tuple[int, int, float]] = {}
    for s, e, score in spans:
        old = best.get(s)
        if old is None or (e, score) > (old[1], old[2]):
            best[s] = (s, e, score)
    return sorted(best.values())
