"""Drop NER noise in technical text: spaCy tags `KeyError`, `parse_config` or `Client` as people and places.

Statistical NER findings (PERSON, LOCATION, ...) are dropped when they fall inside a technical region
(code fences, `inline code`, URLs, file paths, UUIDs, hashes, versions, dotted or snake_case or
CamelCase identifiers) or when their own text looks like an identifier. Pattern findings (an e-mail
in a code block, a card number in JSON) are never dropped here: a value in code is still a value.
"""

import functools

import regex as re

from sanitizers.pattern_set import PatternSet

# Words of the Latin filler text typesetters and templates use ("Lorem ipsum", Cicero's "Sed ut perspiciatis").
_FILLER_WORDS = (
    "lorem", "ipsum", "consectetur", "adipiscing", "adipisci", "eiusmod", "incididunt", "voluptate", "voluptatem",
    "voluptas", "laudantium", "doloremque", "perspiciatis", "accusantium", "consequuntur", "exercitationem",
    "laboriosam", "aspernatur", "nesciunt", "quisquam", "ullamco", "laboris", "cupidatat", "occaecat", "pariatur",
)
# One pattern per kind of region: as one alternation the regex engine loses its per-pattern shortcuts and
# turns quadratic on long hyphenated runs ("Abc-Abc-..."); each alone is linear.
_REGIONS_ANY_CASE = tuple(re.compile(pattern, re.DOTALL | re.IGNORECASE) for pattern in (
    r"```.*?(?:```|\Z)",  # fenced code block (an unclosed fence runs to the end)
    r"`[^`\n]+`",  # inline code
    r"\b(?:https?|ftp|file|s3|gs|ssh|git)://[^\s<>\"'`]+",  # URL (credentials are the secret scanner's)
    r"\bwww\.[\w-]+\.[^\s<>\"'`]+",  # bare www URL
    r"(?<![\w/])(?:~|\.{1,2})?(?:/[\w.@+-]+){2,}/?",  # POSIX path with 2+ components
    r"\b[a-z]:\\(?:[\w .-]+\\?)+",  # Windows path
    r"\b[\w-]+(?:/[\w.-]+)+\.[a-z0-9]{1,5}\b",  # relative path with an extension: src/app/main.py
    r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b",  # UUID
    r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,128}\b",  # git SHA, hex digest
    r"\bv?\d+(?:\.\d+){1,3}(?:[-+.]?[\w.]+)?\b",  # version: 2.31.0, v1.2.3-rc1
    # dotted name: os.environ, client.models.list() (not initials run together: "O.J. Simpson", "K.C.")
    r"\b(?-i:(?!(?:\p{Lu}\.){1,3}\p{Lu}\b))\w+(?:\.\w+)+(?:\(\))?",
    r"\b\w*_\w*",  # snake_case, _private, CONSTANT_NAME
    r"\"[\w.-]+\"\s*:",  # JSON key
    r"\b\w+\(",  # a call or constructor, "(" glued: Gitalk({...}), render(x)
    # A name a declaration introduces, keyword in lower case ("let" and "new" are left out: "let Maria
    # know", "a new Mary Poppins film" are English; a constructor call is a call).
    r"(?-i:\b(?:const|var|val|def|func|function|fn|struct|enum|interface|typeof)[ \t]+[A-Za-z_$][\w$]*\b)",
    r"\b\w+[ \t]*(?:<=?|>=?|[!=]==?)[ \t]*(?=[\w(\"'])",  # an operand: if (len < ulen)
    # A line of Latin filler text ("Lorem ipsum dolor sit amet, consectetur ..."): spaCy reads its word pairs
    # as names. Each word below is Latin only, in no English dictionary or name list.
    r"(?:^|(?<=\n))[^\n]*?\b(?:" + "|".join(_FILLER_WORDS) + r")\b[^\n]*",
))
# Surnames with an inner capital (McDonald, DeAndre, LaToya, VanDyke; McHARGUE in a signature in capitals) are
# names, not CamelCase.
_NAME_PREFIX = r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|St)(?:\p{Lu}\p{Ll}+|\p{Lu}{2,})\b)"
_REGIONS_CASED = re.compile(
    r"\b\p{Ll}+\p{Lu}\w*"  # camelCase
    rf"|\b{_NAME_PREFIX}\p{{Lu}}\p{{Ll}}+(?:\p{{Lu}}\p{{Ll}}*)+\b"  # CamelCase with 2+ humps: KeyError
)
_IDENTIFIER = re.compile(
    r"[\w.]*[_./\\@#$=<>(){}\[\]:;|][\w./\\]*"  # joined by code punctuation
    rf"|\p{{Ll}}+\p{{Lu}}\w*|{_NAME_PREFIX}\p{{Lu}}\p{{Ll}}+(?:\p{{Lu}}\p{{Ll}}*)+"  # camelCase, CamelCase
    r"|\S*\d\S*"  # any word with a digit: ab12, x86_64, TCK-2024-118 (names hold no digits)
    r"|\p{Lu}{2,}"  # all capitals: HTTP, SQL
)


_REGIONS = (*_REGIONS_ANY_CASE, _REGIONS_CASED)


@functools.cache
def _region_set() -> PatternSet:
    """Which region patterns can match a text, in one Hyperscan pass (built once per process)."""
    return PatternSet.of(_REGIONS)


def technical_regions(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that are code, URLs, paths, identifiers, versions or digests, sorted and disjoint."""
    # Most prose holds none of them: only the patterns the pass reports (a superset) run; all of them
    # on a text that is not ASCII.
    return merge_spans([m.span() for pattern in _region_set().select(text, _REGIONS) for m in pattern.finditer(text)])


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` sorted, with overlapping or touching ones merged: the sorted, disjoint form `overlaps` expects."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# An initial or a short abbreviation inside a name: "William T. Sherman", "Lt. Gen. Early", "Jr.", "St.", or
# initials run together: "R.J. Quennell"
_ABBREVIATION = re.compile(r"\p{Lu}\p{Ll}{0,3}\.|(?:\p{Lu}\.){2,4}")


def looks_like_identifier(value: str) -> bool:
    """True when a span's text reads as code rather than a name: `parse_config`, `KeyError`, `SQL`, `x86`."""
    return any(_IDENTIFIER.fullmatch(token) and not _ABBREVIATION.fullmatch(token) for token in value.split())


def overlaps(start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    """True when [start, end) shares a character with any of the sorted, disjoint `regions`."""
    lo, hi = 0, len(regions)
    while lo < hi:  # first region ending after `start`
        mid = (lo + hi) // 2
        if regions[mid][1] <= start:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(regions) and regions[lo][0] < end


def is_ner_noise(text: str, start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    """True when an NER finding at [start, end) is technical noise and must be dropped."""
    return overlaps(start, end, regions) or looks_like_identifier(text[start:end])
