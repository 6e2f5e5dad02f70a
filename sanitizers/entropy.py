"""Is this string random enough to be a real secret? Entropy, character classes, placeholder shapes.

Secret recognizers call these from `invalidate_result` to drop documentation placeholders
(`sk-xxxx`, `YOUR_API_KEY`, `${TOKEN}`, `********`), fillers (`aaaa...`, `1234567890abcdef`) and
code references (`os.environ.get`, `settings.SECRET_KEY`) while keeping real, random-looking values.
Every function here looks at one candidate value and returns a number or a bool; none logs or raises.
"""

import functools
import math
import operator
import re
from collections import Counter

# Markers that only occur in docs and masks: symbols never occur in a base62/base64url body.
_SYMBOL_MARKERS: tuple[str, ...] = (
    "****",
    "...",
    "\u2026",  # a typographic ellipsis: "sk-…"
)
# Template expressions, matched only when well formed (`${NAME}`, `{{ name }}`, `<your-key>`,
# `%(name)s`, `$(cmd)`, `<%= ... %>`, `{% ... %}`, `&lt;...&gt;`): a brace or bracket inside a random
# password ("m{{h}o)p${e]x") is part of the password, not a template.
_TEMPLATE = re.compile(
    r"\$\{[ \t]{0,3}[A-Za-z_][A-Za-z0-9_.:-]{0,80}(?::?[-=?+][^{}\r\n]{0,80})?[ \t]{0,3}\}"
    r"|\{\{[^{}\r\n]{1,120}\}\}"
    r"|\{%[^{}\r\n]{1,120}%\}"
    r"|<%[^\r\n]{0,120}?%>"
    r"|%\([A-Za-z_][A-Za-z0-9_]{0,60}\)[sdr]"
    r"|\$\([ \t]{0,3}[A-Za-z_./][^()\r\n]{0,120}\)"
    r"|<\|?[A-Za-z_][A-Za-z0-9_ .:/|-]{0,80}>"
    r"|&lt;[^&\r\n]{1,80}&gt;"
)
# Words that only occur in docs and templates. Five or more fixed letters turn up by chance about
# n * 3e-8 times in an n-char random body; they count as a marker when written as a word of their own,
# or glued to a value whose rest is no long random run (`YOUR_KEY_HERE`, `AKIA...EXAMPLE`). A long
# random body with a marker glued on ("...Rk8vQ2Dummy", "...9fXXXX") is a real key someone tagged:
# the marker does not override the body (see `_random_besides`).
_WORD_MARKERS: tuple[str, ...] = (
    "example",
    "placeholder",
    "redacted",
    "dummy",
    "changeme",
    "change_me",
    "insert",
    "replace",
    "fixme",
)
_HERE_MARKERS: tuple[str, ...] = ("_here", "-here", " here")
# Four-letter markers are not that rare: a 100-char base62 key holds "your" in some mix of case
# about once in 10,000 keys, a 342-char RS256 signature one of them about once in 1,500. They count
# only as people write them, in one case ("your", "YOUR", "Your"; "YOuR" or "ToDo" is chance).
_SHORT_WORD_MARKERS: tuple[str, ...] = ("your", "todo")
# Masks ("sk_live_51Hx" + "x" * 20) show part of a real key on purpose: a marker in one case.
_MASK_MARKERS: tuple[str, ...] = ("xxxx", "XXXX")
# A body of mask letters and separators only ("xxxx-xxxx", "XXXXXXXX"): a filler, not a mask over a key.
_FILLER_ONLY = re.compile(r"^[xX_.-]+$")
# Values documentation publishes as examples (AWS's access key pair, its IAM docs' second pair):
# public, so they authenticate nothing, whatever their shape.
_DOCUMENTED_EXAMPLES: frozenset[str] = frozenset(
    {
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "AKIAI44QH8DHBEXAMPLE",
        "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
    }
)
_DOCUMENTED_EXAMPLE_HEADS: frozenset[str] = frozenset(example[:16] for example in _DOCUMENTED_EXAMPLES)
# Word chunks of a value: a capitalised or lowercase word, an uppercase run, a digit run.
_CHUNK = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
# ASCII lowercase, uppercase, digits, and anything else: the four classes `char_classes` counts.
_CHAR_CLASSES = (re.compile(r"[a-z]"), re.compile(r"[A-Z]"), re.compile(r"[0-9]"), re.compile(r"[^a-zA-Z0-9]"))
# The marker lists as single patterns: one C-level search per value instead of a loop of `in` tests.
_ANY_SYMBOL_MARKER = re.compile("|".join(map(re.escape, _SYMBOL_MARKERS)))
_ANY_WORD_MARKER = re.compile("|".join(map(re.escape, _WORD_MARKERS + _HERE_MARKERS)), re.IGNORECASE)
# The same words searched in an ASCII value lowered: lowering ASCII keeps every offset, and no ASCII
# letter folds to another ASCII letter than its other case, so the spans are the same; a case-blind
# search cannot skip ahead by the first letters and costs several times more.
_ANY_LOWER_WORD_MARKER = re.compile("|".join(map(re.escape, _WORD_MARKERS + _HERE_MARKERS)))
# Every marker above and below in lower case: in an ASCII value lowered, no match means no marker of
# either kind (most values), found with one search.
_ANY_MARKER_LOWERED = re.compile(
    "|".join(
        map(re.escape, _WORD_MARKERS + _HERE_MARKERS + tuple(sorted({m.lower() for m in _SHORT_WORD_MARKERS + _MASK_MARKERS})))
    )
)
# Each short word marker in lowercase, uppercase and title case, and the masks as written. No
# spelling of one overlaps another, so `finditer` finds every occurrence a `find` loop would.
_SINGLE_CASE_WORD = re.compile(
    "|".join(
        sorted({w for m in _SHORT_WORD_MARKERS for w in (m.lower(), m.upper(), m.title())} | set(_MASK_MARKERS))
    )
)

# Whole values that are obviously not a secret (compared case-insensitively, trailing digits and
# punctuation stripped: "password123!" -> "password"). Default credentials such as admin/admin give an
# attacker nothing they did not know, and in training text they are almost always examples.
_PLACEHOLDER_WORD_LIST = """
    password passwd pass pwd passphrase secret token key apikey api_key changeme example test testing
    admin administrator root user username guest demo default foo bar baz foobar qwerty letmein welcome
    none null nil undefined empty string str value mypassword yourpassword mysecret yoursecret mytoken
    yourtoken secretkey sample abc abcd abcdef xyz hunter true false required optional
    postgres postgresql mysql mongodb mongo redis rabbitmq oracle mssql sa
"""
_PLACEHOLDER_WORDS: frozenset[str] = frozenset(_PLACEHOLDER_WORD_LIST.split())
_LONGEST_PLACEHOLDER_WORD = max(map(len, _PLACEHOLDER_WORDS))

_TRAILING_NOISE = re.compile(r"[0-9!@#$%^&*._-]+$")
# What `_TRAILING_NOISE` may remove at most: its characters, and a final newline before which `$` matches.
_NOISE_OR_NEWLINE = "0123456789!@#$%^&*._-\n"
# Leetspeak spellings of stock words ("P@ssw0rd", "s3cr3t").
_LEET = str.maketrans({"@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o", "$": "s", "5": "s", "7": "t"})
# A name as people write one in code, YAML or a shell: snake/kebab case in one case, camelCase,
# PascalCase (digits only at the end). Random strings switch case or mix in digits inside a word
# ("ZFaVafOKBrj", "Xk9aPq2Zx7") and seldom read as one (~2% of 10-char base62 strings), so a
# password that merely starts with `$`, `%`, `&` or `*` is told from a variable, anchor or alias.
_IDENTIFIER = re.compile(
    r"^_?(?:[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*"
    r"|[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*"
    r"|[a-z]+(?:[A-Z][a-z]+)+[0-9]*"
    r"|(?:[A-Z][a-z]+)+(?:[_-](?:[A-Z][a-z]+)+)*[0-9]*)$"
)
# `${NAME}`, `$(NAME)`, `%NAME%` (and their unclosed heads); bare `$NAME`/`%NAME` need a real name.
_ENV_REFERENCE = re.compile(r"^(?:\$\{|\$\()[A-Za-z_][A-Za-z0-9_]*[})]?$|^%[A-Za-z_][A-Za-z0-9_]*%$")
_BARE_VARIABLE = re.compile(r"^[$%](.+)$")
_WINDOWS_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")
_WRAPPED = re.compile(r"^(?:<.*>|\[.*\]|\{.*\}|\(.*\))$", re.DOTALL)
# Code that names a value instead of holding one: os.environ.get, settings.SECRET_KEY, self.token.
# Not when it ends in 2+ digits or a symbol ("Willow.Harbor696" is a password, not an attribute).
_DOTTED_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+(?<![0-9]{2})$")
_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]+$")
_SNAKE_NAME = re.compile(r"^[a-z]+(?:[_-][a-z0-9]+)+$|^[a-z]+$")
_CAMEL_NAME = re.compile(r"^[A-Za-z][a-z]+(?:[A-Z][a-z]+)*[0-9]?$")
# A version, alone or after the words of a package name: `v2.3.1`, `jjwt-jackson-0.11.2`,
# `rc0.15.0_20231217-SNAPSHOT`, `node@18.2.0`. Base64 and base62 keys hold no dot; the words before
# must read as words (letters, then digits), so a random run glued to a number is no version.
_VERSION = re.compile(r"^(?:[A-Za-z]+[0-9]*[-_.:@/])*[vV]?[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}(?:[-+_.~][A-Za-z0-9]+)*$")


# Per length, the term n / length * log2(n / length) of every count n: the same floats the sum adds,
# looked up instead of computed. Only short lengths (the many keys and passwords) get a table.
_ENTROPY_TERMS: dict[int, list[float]] = {}
_LONGEST_TABLED = 512


def _entropy_terms(length: int) -> list[float]:
    terms = _ENTROPY_TERMS.get(length)
    if terms is None:
        terms = [0.0] + [n / length * math.log2(n / length) for n in range(1, length + 1)]
        _ENTROPY_TERMS[length] = terms
    return terms


@functools.lru_cache(maxsize=512)
def shannon_entropy(value: str) -> float:
    """Bits of Shannon entropy per character (0.0 for an empty string)."""
    if not value:
        return 0.0
    length = len(value)
    counts = Counter(value).values()  # in first-seen order: the same sum, to the last bit, either way
    if length > _LONGEST_TABLED:
        return -sum(n / length * math.log2(n / length) for n in counts)
    return -sum(map(_entropy_terms(length).__getitem__, counts))


def has_few_characters(value: str) -> bool:
    """True when `value` holds at most two distinct characters ("aaaa", "0000", "abab", "").

    Reads only up to the third distinct character (a few for a key) instead of building the set of all.
    """
    if not value:
        return True
    rest = value.lstrip(value[0])  # from the second distinct character on
    return not rest or not rest.strip(value[0] + rest[0])  # something left: a third character


def char_classes(value: str) -> int:
    """How many of lowercase, uppercase, digit and other characters occur in `value`."""
    return sum(1 for pattern in _CHAR_CLASSES if pattern.search(value))


# Each byte's successor and predecessor, for ASCII text: 0x7F's successor and 0x00's predecessor are
# no ASCII bytes, so they never equal the next byte.
_NEXT_BYTE = bytes((code + 1) & 0xFF for code in range(256))
_PREVIOUS_BYTE = bytes((code - 1) & 0xFF for code in range(256))


def _equal_bytes(first: bytes, second: bytes) -> int:
    """How many positions hold the same byte in `first` and `second` (of equal length): the zero bytes
    of their XOR, read as two big numbers (all in C, no Python step per byte)."""
    return (int.from_bytes(first, "big") ^ int.from_bytes(second, "big")).to_bytes(len(first), "big").count(0)


def is_sequential(value: str) -> bool:
    """True for fillers built from runs like `abcdef`, `123456` or `ababab` (steps of +/-1)."""
    if len(value) < 6:
        return False
    if value.isascii():
        raw = value.encode("ascii")
        head, tail = raw[:-1], raw[1:]
        steps = _equal_bytes(head.translate(_NEXT_BYTE), tail) + _equal_bytes(head.translate(_PREVIOUS_BYTE), tail)
    else:
        codes = list(map(ord, value))
        differences = list(map(operator.sub, codes[1:], codes))
        steps = differences.count(1) + differences.count(-1)
    # A random base62 string steps by one about 3% of the time; fillers do it most of the time.
    return steps / (len(value) - 1) > 0.45


def is_repetitive(value: str) -> bool:
    """True when a short unit repeats through the value (`a1B2a1B2...`, `abcabcabc`)."""
    if len(value) < 12:
        return False
    trigrams = len(value) - 2
    # Each character but the last two starts a trigram: at least (distinct characters - 2) distinct
    # trigrams, enough for most keys to pass without building them.
    if 2 * (len(set(value)) - 2) >= trigrams:
        return False
    # Random 20+ char keys have nearly all-distinct trigrams; a repeated unit of length k has ~k.
    return len(set(zip(value, value[1:], value[2:]))) / trigrams < 0.5


def _marker_hits(value: str) -> list[tuple[int, int]]:
    """Spans of word markers (any case) and of short word markers and masks written in one case."""
    if value.isascii():
        lowered = value.lower()
        if not _ANY_MARKER_LOWERED.search(lowered):
            return []
        spans = [m.span() for m in _ANY_LOWER_WORD_MARKER.finditer(lowered)]
    else:
        spans = [m.span() for m in _ANY_WORD_MARKER.finditer(value)]
    return spans + [m.span() for m in _SINGLE_CASE_WORD.finditer(value)]


def _random_besides(value: str, spans: list[tuple[int, int]]) -> bool:
    """True when `value` without `spans` is a long random run, as no placeholder is.

    16+ letters and digits, short word chunks (random base62 averages under 2 characters a chunk,
    words like "StripeSecretKeyGoesHere" over 4) and entropy near the maximum for the length.
    """
    kept = list(value)
    for start, end in spans:
        kept[start:end] = " " * (end - start)
    rest = "".join(kept)
    alnum = "".join(ch for ch in rest if ch.isascii() and ch.isalnum())
    if len(alnum) < 16:
        return False
    chunks = _CHUNK.findall(rest)
    return (
        sum(map(len, chunks)) / len(chunks) <= 3.0
        and shannon_entropy(alnum) >= min(4.5, 0.8 * math.log2(len(alnum)))
        and not is_sequential(alnum)
        and not is_repetitive(alnum)
    )


def has_placeholder_marker(value: str) -> bool:
    """True when `value` holds a template marker such as `xxxx`, `<...>`, `${...}`, `...` or `YOUR`.

    A word marker counts when written as a word of its own ("your_key_...", "sk-todo-..."); glued to
    a long random run ("...Rk8vQ2XXXX", "...Dummy") it is a tag on a real key, or chance, and does not
    count (see `_WORD_MARKERS`).
    """
    if _ANY_SYMBOL_MARKER.search(value) or _TEMPLATE.search(value):
        return True
    hits = _marker_hits(value)
    if not hits:
        return False
    if any(start == 0 or not value[start - 1].isalnum() for start, _ in hits):
        return True  # a word of its own: written, not chance
    return not _random_besides(value, hits)


def is_documented_example(value: str) -> bool:
    """True for credentials that vendor documentation publishes as examples (`AKIAIOSFODNN7EXAMPLE`),
    also cut or edited after their first 16 characters."""
    return value in _DOCUMENTED_EXAMPLES or (len(value) >= 16 and value[:16] in _DOCUMENTED_EXAMPLE_HEADS)


def is_placeholder_word(value: str) -> bool:
    """True for stock words like `password`, `changeme`, `admin` (also `password123`, `Secret!`, `P@ssw0rd`)."""
    folded = value.casefold()
    if len(folded.rstrip(_NOISE_OR_NEWLINE)) > _LONGEST_PLACEHOLDER_WORD:
        return False  # each spelling below is at least this long: longer than every stock word
    stripped = _TRAILING_NOISE.sub("", folded)
    return any(
        word in _PLACEHOLDER_WORDS for word in (folded, stripped, stripped.translate(_LEET), folded.translate(_LEET))
    )


def looks_like_identifier(name: str) -> bool:
    """True when `name` reads as a variable, anchor or setting name (`db_pass`, `DB_PASS`, `dbPass`)."""
    return bool(_IDENTIFIER.match(name))


def is_variable_reference(value: str) -> bool:
    """True for a shell or Windows variable written bare: `$DB_PASSWORD`, `$dbPass`, `%APPDATA`.

    Windows variables are named in upper case: `%xfyoAtyYhyv` is a password that starts with `%`.
    """
    match = _BARE_VARIABLE.match(value)
    if not match or not looks_like_identifier(match.group(1)):
        return False
    return value[0] == "$" or bool(_WINDOWS_NAME.match(match.group(1)))


@functools.lru_cache(maxsize=512)
def looks_like_placeholder(value: str) -> bool:
    """True for documentation placeholders, template variables and single-character fillers."""
    if not value:
        return True
    if has_few_characters(value):  # "aaaa", "0000", "-----", "abab"
        return True
    return (
        has_placeholder_marker(value)
        or is_documented_example(value)
        or is_placeholder_word(value)
        or bool(_ENV_REFERENCE.match(value))
        or is_variable_reference(value)
        or bool(_WRAPPED.match(value))
    )


def looks_like_code_reference(value: str) -> bool:
    """True when `value` names a variable, setting or env var rather than holding a secret.

    A dotted value is a reference when each part reads as a name (`settings.SECRET_KEY`), not when a
    part is random (`s.Z4bTMtngfLeQ18AqVo`, a Vault token).
    """
    dotted = "." in value and _DOTTED_NAME.match(value) and all(
        len(part) <= 2 or looks_like_identifier(part) for part in value.split(".")
    )
    return bool(
        dotted
        or _ENV_NAME.match(value)
        or _SNAKE_NAME.match(value)
        or (_CAMEL_NAME.match(value) and _average_word(value) >= 4)
    )


def looks_like_version(value: str) -> bool:
    """True for a version string (`v2.3.1`, `jjwt-jackson-0.11.2`, `1.4.2-beta`): it names a release, not a secret."""
    return "." in value and bool(_VERSION.match(value))


def _average_word(value: str) -> float:
    """Average length of the word chunks of `value`: names in code use words ("getPassword": 5.5),
    random letters that happen to alternate case use short ones ("xfyoAtyYhyv": 3.7)."""
    chunks = [c for c in _CHUNK.findall(value) if not c.isdigit()]
    return sum(map(len, chunks)) / len(chunks) if chunks else 0.0


def is_template_body(value: str) -> bool:
    """True when `value` is a template, an elision, a mask over part of a key or a placeholder written
    as words, never a value: `<key>`, `${KEY}`, `****`, `...`, `YOUR_KEY_HERE`, `sMb96O1b` + `X` * 24,
    and documentation's published examples.

    Fillers are not templates: a body made only of a filler (`xxxx...`, `ZZZZ...`) or counting run
    (`abcd1234...`) at a vendor's exact length is how test suites and docs write a key of that shape,
    and is reported (recall first).
    """
    if not value or _ANY_SYMBOL_MARKER.search(value) or _TEMPLATE.search(value) or _WRAPPED.match(value):
        return True
    if is_documented_example(value) or _ENV_REFERENCE.match(value) or is_variable_reference(value):
        return True
    hits = _marker_hits(value)
    if _FILLER_ONLY.match(value):
        hits = [span for span in hits if value[span[0]:span[1]] not in _MASK_MARKERS]  # all filler: no mask
    if not hits:
        return False
    if any(start == 0 or not value[start - 1].isalnum() for start, _ in hits):
        return True  # a marker word of its own ("YOUR_KEY", "key-goes-here")
    return not _random_besides(value, hits)  # a marker glued on: a template unless the rest is random


def is_fake_token_body(value: str) -> bool:
    """True when a token body is a template, a filler or a counting run (`xxxx...`, `0123...`).

    For shapes whose fillers are documentation, not keys (password hashes, JWT signatures). Vendor key
    recognizers judge their bodies with `is_template_body`: fillers at a vendor's exact shape are how
    docs and every scanner's test suite write a key, and are reported.
    """
    return looks_like_placeholder(value) or shannon_entropy(value) < 1.5 or is_sequential(value)


def looks_random(value: str, *, min_entropy: float, min_classes: int = 2) -> bool:
    """True when `value` has the entropy and character mix of a generated secret, and no filler shape."""
    return (
        shannon_entropy(value) >= min_entropy
        and char_classes(value) >= min_classes
        and not is_sequential(value)
        and not is_repetitive(value)
        and not looks_like_placeholder(value)
    )
