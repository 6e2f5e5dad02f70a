"""Which of many regexes can match a text, in one pass: a Hyperscan database used as a prefilter.

`PatternSet(sources)` compiles every regex (and every literal) into one Hyperscan database in
prefilter mode: for each pattern Hyperscan matches a *superset* of what the `regex` module matches
(it drops or approximates what it cannot run exactly: lookarounds, `\\K`, possessive quantifiers),
so a pattern it does not report cannot match. `candidates(text)` returns the reported indexes; the
caller then runs the real `regex` on those only, so results are exactly those of running every
pattern. Patterns Hyperscan cannot compile even as an approximation come back in `uncompiled`: the
caller must treat them as always possible (or gate them its own way). What a pattern's mandatory
look-behinds see goes in as more expressions (conjuncts, `regex_witness.behind`): a pattern is a candidate
only when they are all reported too.

The superset holds for ASCII texts, where Hyperscan's byte semantics and the `regex` module's string
semantics agree (`\\s`, `\\w`, `\\d`, `.`, `$`, case-insensitive letters). `candidates` returns None
for any other text, and the caller takes its slower exact path: one non-ASCII character is enough
for `(?i)k` to match the Kelvin sign or `\\w` a letter with an accent.
"""

import hashlib
import re
import threading
from collections.abc import Sequence
from typing import TypeVar

import hyperscan
import regex

from sanitizers import hyperscan_cache
from sanitizers.list_cache import cached
from sanitizers.regex_witness import Unsupported, behind, witness

T = TypeVar("T")

# `regex` flags that have a Hyperscan equivalent; UNICODE and ASCII change nothing on ASCII texts.
_FLAG_MAP = {regex.MULTILINE: hyperscan.HS_FLAG_MULTILINE, regex.IGNORECASE: hyperscan.HS_FLAG_CASELESS,
             regex.DOTALL: hyperscan.HS_FLAG_DOTALL}
_NEUTRAL_FLAGS = regex.UNICODE | regex.ASCII | regex.VERSION0
# Every pattern: report once per scan (we only ask whether it can match), approximate what Hyperscan
# cannot run exactly, and accept patterns that can match the empty string (reported: a candidate).
_BASE_FLAGS = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
# A bounded repeat whose range is wider than this is widened to unbounded for Hyperscan (`{0,40}`
# -> `{0,}`): a superset, and compiling stays fast (wide counted repeats cost seconds: measured 2.6 s -> 1.2 s
# for the keyword-credential patterns at 64 -> 16).
_WIDEST_COUNTED_RANGE = 16
_COUNTED = re.compile(r"\{(\d+),(\d+)\}")
# Syntax that Hyperscan would read differently from the `regex` module, so its "superset" could miss
# a match: global inline flags (`regex` applies `(?i)` to the whole pattern wherever it stands,
# PCRE from that point on), verbose mode, fuzzy matching (`{e<=1}`), and escapes that are `regex`'s
# own or mean something else in PCRE. Over-matching here only sends a pattern to the fallback.
_NOT_PORTABLE = re.compile(r"\(\?[a-zA-Z-]*\)|\(\?[a-zA-Z-]*x|\{[^}]*[<>=]|\\[GmMXNLlUuEQhHRKk]|\\p|\\P")


def hyperscan_flags(flags: int) -> int | None:
    """Hyperscan flags for `regex` `flags`, or None when one of them has no equivalent (VERBOSE...)."""
    out = _BASE_FLAGS
    rest = flags & ~_NEUTRAL_FLAGS
    for flag, hs_flag in _FLAG_MAP.items():
        if rest & flag:
            out |= hs_flag
            rest &= ~flag
    return None if rest else out


def superset_source(source: str) -> str:
    """`source` rewritten for Hyperscan so that it matches wherever `source` does.

    `\\K` only moves the reported start, so it is dropped; counted repeats with a wide range become
    unbounded. Escapes and character classes are copied as they are.
    """
    out: list[str] = []
    i, n, in_class = 0, len(source), False
    while i < n:
        ch = source[i]
        if ch == "\\" and i + 1 < n:
            if source[i + 1] == "K" and not in_class:
                i += 2
                continue
            out.append(source[i : i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            # A `]` first in a class (after an optional `^`) is a literal, not the end.
            if i < n and source[i] == "^":
                out.append("^")
                i += 1
            if i < n and source[i] == "]":
                out.append("]")
                i += 1
            continue
        if ch == "{":
            counted = _COUNTED.match(source, i)
            if counted:
                low, high = int(counted.group(1)), int(counted.group(2))
                out.append(f"{{{low},}}" if high - low > _WIDEST_COUNTED_RANGE else counted.group(0))
                i = counted.end()
                continue
        out.append(ch)
        i += 1
    return "".join(out)


# Any ASCII character: what a Unicode property class (`\p{Lu}`, `\P{L}`) becomes, a superset on ASCII text.
_ANY_ASCII = r"\x00-\x7f"


def widen_properties(expression: str) -> str:
    r"""`expression` with every Unicode property (`\p{..}`, `\P{..}`, `\pL`) widened to any ASCII character.

    Hyperscan takes no `\p`; on the ASCII texts `PatternSet` scans, "any character" matches wherever the
    property does. In a negated class the property is dropped instead (the class then excludes less),
    and a negated class left empty becomes "any character".
    """
    if "\\p" not in expression and "\\P" not in expression:
        return expression
    out: list[str] = []
    i, n = 0, len(expression)
    class_start = -1  # index in `out` where the current class's items start; -1 outside a class
    negated = False
    while i < n:
        ch = expression[i]
        if ch == "\\" and i + 1 < n:
            if expression[i + 1] in "pP":
                end = expression.index("}", i) + 1 if expression[i + 2 : i + 3] == "{" else i + 3
                if class_start < 0:
                    out.append(f"[{_ANY_ASCII}]")
                elif not negated:
                    out.append(_ANY_ASCII)
                i = end
                continue
            out.append(expression[i : i + 2])
            i += 2
            continue
        if class_start >= 0:
            if ch == "]":
                if negated and len(out) == class_start:  # nothing left to exclude: any character
                    del out[class_start - 1 :]
                    out.append(f"[{_ANY_ASCII}]")
                else:
                    out.append("]")
                class_start = -1
            else:
                out.append(ch)
            i += 1
            continue
        if ch == "[":
            negated = expression[i + 1 : i + 2] == "^"
            out.append("[^" if negated else "[")
            i += 2 if negated else 1
            class_start = len(out)
            if i < n and expression[i] == "]":  # a `]` first in a class is a literal
                out.append("]")
                i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _expression(source: str, flags: int) -> tuple[bytes, int | None]:
    """The Hyperscan expression and flags for one pattern; flags None when it must not go to Hyperscan."""
    try:
        expression = witness(source)
    except Unsupported:
        expression = superset_source(source)
    expression = widen_properties(expression)
    if _NOT_PORTABLE.search(expression):
        return expression.encode("utf-8"), None
    return expression.encode("utf-8"), hyperscan_flags(flags)


def _behind_expressions(source: str) -> list[bytes]:
    """Hyperscan expressions for what the pattern's mandatory look-behinds see (`regex_witness.behind`):
    each occurs in any text the pattern matches, so a text missing one is no candidate of it."""
    try:
        found = [widen_properties(expression) for expression in behind(source)]
    except Unsupported:
        return []
    return [expression.encode("utf-8") for expression in found if not _NOT_PORTABLE.search(expression)]


_Derived = tuple[list[tuple[bytes, int | None]], list[list[bytes]]]


def _derived(patterns: Sequence[tuple[str, int]], cache_name: str | None) -> _Derived:
    """Each pattern's Hyperscan expression and flags (`_expression`) and its look-behind conjuncts
    (`_behind_expressions`), from the disk cache when `cache_name` is given."""

    def derive() -> _Derived:
        return ([_expression(source, flags) for source, flags in patterns],
                [_behind_expressions(source) for source, _ in patterns])

    if cache_name is None:
        return derive()
    key = hashlib.sha256(repr([(source, int(flags)) for source, flags in patterns]).encode("utf-8")).hexdigest()
    return cached(f"pattern_set-{cache_name}", derive, key)


def _compiles(expression: bytes, flags: int) -> bool:
    try:
        hyperscan.Database().compile(expressions=[expression], ids=[0], elements=1, flags=[flags])
    except hyperscan.error:
        return False
    return True


def _database(expressions: list[bytes], flags: list[int]) -> hyperscan.Database:
    return hyperscan_cache.compiled(expressions, flags)  # compiled once per machine, then loaded


# A literal gate: (text, case-insensitive?).
Gate = tuple[str, bool]


class PatternSet:
    """Which of `patterns` (regex source, `regex` flags) may match a text, found in one pass.

    `gates[i]` names literals of which pattern i needs one (case-insensitively when flagged), or None
    when it has none; they are only used for a pattern Hyperscan cannot compile (`uncompiled`): such a
    pattern is a candidate when one of its literals occurs, or always when it has none.
    """

    @classmethod
    def of(cls, patterns: Sequence[regex.Pattern]) -> "PatternSet":
        """The set of compiled `regex` patterns, with no literal gates (one Hyperscan cannot take is always
        a candidate)."""
        return cls([(pattern.pattern, pattern.flags) for pattern in patterns], [None] * len(patterns))

    def __init__(self, patterns: Sequence[tuple[str, int]], gates: Sequence[Sequence[Gate] | None],
                 cache_name: str | None = None):
        """`cache_name`: keep the Hyperscan expressions derived from `patterns` on disk under that name
        (`list_cache`, keyed by the detection code and the patterns): deriving them parses every regex in
        Python, about 0.5 s for the ~300 secret patterns at every process start."""
        if len(gates) != len(patterns):
            raise ValueError(f"PatternSet: {len(patterns)} patterns but {len(gates)} gates; give one per pattern")
        converted, behinds = _derived(patterns, cache_name)
        usable = [i for i, (_, flags) in enumerate(converted) if flags is not None]
        # What a pattern's look-behinds see, each scanned as one more expression (a conjunct): the pattern
        # is a candidate only when its own expression and all of its conjuncts are reported.
        conjuncts = [(expression, converted[i][1], i) for i in usable for expression in behinds[i]]
        wanted = [converted[i][0] for i in usable] + [c[0] for c in conjuncts]
        wanted_flags = [converted[i][1] for i in usable] + [c[1] for c in conjuncts]
        bad = hyperscan_cache.known_uncompilable(wanted, wanted_flags)
        database = None
        if bad is None:
            try:  # the usual case: everything compiles at once
                database = _database(wanted, wanted_flags)
                bad = []
            except hyperscan.error:  # find which do not, once per machine (checking each takes seconds)
                bad = [k for k, (expression, flags) in enumerate(zip(wanted, wanted_flags)) if not _compiles(expression, flags)]
                hyperscan_cache.remember_uncompilable(wanted, wanted_flags, bad)
        dropped = set(bad)  # ids into `wanted`: the patterns' expressions first, then the conjuncts
        usable = [i for k, i in enumerate(usable) if k not in dropped]
        kept = set(usable)
        conjuncts = [c for k, c in enumerate(conjuncts, start=len(wanted) - len(conjuncts))
                     if k not in dropped and c[2] in kept]
        uncompiled = [i for i in range(len(patterns)) if i not in kept]
        # Report id -> the pattern indexes it makes candidates (a pattern's own id, or a gate literal's);
        # a conjunct's id makes none.
        self._targets: list[tuple[int, ...]] = [(i,) for i in usable] + [() for _ in conjuncts]
        # Pattern index -> the report ids of its conjuncts.
        needs: dict[int, list[int]] = {}
        for report, (_, _, i) in enumerate(conjuncts, start=len(usable)):
            needs.setdefault(i, []).append(report)
        self._needs: dict[int, tuple[int, ...]] = {i: tuple(reports) for i, reports in needs.items()}
        self._always: tuple[int, ...] = tuple(i for i in uncompiled if not gates[i])
        literal_targets: dict[Gate, list[int]] = {}
        for i in uncompiled:
            for gate in gates[i] or ():
                literal_targets.setdefault(gate, []).append(i)
        literal_expressions = [re.escape(text).encode("utf-8") for text, _ in literal_targets]
        literal_flags = [_LITERAL_FLAGS | (hyperscan.HS_FLAG_CASELESS if caseless else 0)
                         for _, caseless in literal_targets]
        self._targets += [tuple(targets) for targets in literal_targets.values()]
        main_expressions = [converted[i][0] for i in usable] + [c[0] for c in conjuncts]
        main_flags = [converted[i][1] for i in usable] + [c[1] for c in conjuncts]
        if database is None or literal_expressions:
            expressions = main_expressions + literal_expressions
            flags = main_flags + literal_flags
            database = _database(expressions, flags) if expressions else None
        self.uncompiled: tuple[int, ...] = tuple(uncompiled)
        self._database = database
        # Texts may be scanned joined by "\n" (`none_can_match`) when no expression can tell a text's
        # edge from a line's: `^` and `$` match at line ends (MULTILINE), and none anchors to the buffer.
        all_flags = main_flags + literal_flags
        all_expressions = main_expressions + literal_expressions
        self._joinable = database is not None and not self._always and all(
            (flags & hyperscan.HS_FLAG_MULTILINE or not _LINE_ANCHOR.search(expression))
            and not _BUFFER_ANCHOR.search(expression)
            for expression, flags in zip(all_expressions, all_flags)
        )
        self._local = threading.local()  # per-thread scratch space: Hyperscan's is single-threaded
        self._found_for: dict[tuple[int, ...], tuple[int, ...]] = {}  # see `_found`

    def none_can_match(self, texts: Sequence[str]) -> bool:
        """True when no pattern can match in any of `texts`, found in one pass over them joined by "\n".

        False means "look at each text": a pattern may match, or the texts are not all ASCII.
        Sound because each pattern goes in as a superset (module docstring) and a match inside one text
        is also a match of the joined texts: "\n" before and after a text reads as the start and end of a
        line, and `_joinable` holds only when no expression can see more than that. A match across the
        seam of two texts only sends the texts to the per-text path.
        """
        if not self._joinable:
            return False
        joined = "\n".join(texts)
        return joined.isascii() and not self._found(self._reports(joined))

    def candidates(self, text: str) -> list[int] | None:
        """Sorted indexes of the patterns that may match `text`.

        None when `text` is not ASCII (see the module docstring): the caller must decide another way.
        """
        if not text.isascii():
            return None
        if self._database is None:
            return list(self._always)
        reports = self._reports(text)
        if not reports and not self._always:
            return reports
        return self._found(reports)

    def candidates_of(self, texts: Sequence[str]) -> list[list[int] | None]:
        """`candidates` of each of `texts`, in order: one scratch lookup and bound scan for them all
        (most texts of a batch report nothing, and the per-call costs were a third of the pass)."""
        if self._database is None:
            return [list(self._always) if text.isascii() else None for text in texts]
        scan, scratch, found, always = self._database.scan, self._scratch(), self._found, self._always
        out: list[list[int] | None] = []
        for text in texts:
            if not text.isascii():
                out.append(None)
                continue
            reports: list[int] = []
            scan(text.encode("ascii"), _collect, 0, reports, scratch)  # data, handler, flags, context, scratch
            out.append(found(reports) if reports or always else reports)
        return out

    def _found(self, reports: list[int]) -> list[int]:
        """Sorted indexes of the patterns that `reports` make candidates (with all of their conjuncts).

        A pure function of `reports`, kept per report sequence (`_FOUND_CACHE` of them): texts share few
        (525 sequences for the 15,000 of 75,000 chat turns of a dense file that report anything), and
        working one out was 8% of a dense scan.
        """
        key = tuple(reports)
        known = self._found_for.get(key)
        if known is None:
            known = tuple(self._work_out(reports))
            if len(self._found_for) >= _FOUND_CACHE:
                self._found_for.clear()
            self._found_for[key] = known
        return list(known)

    def _work_out(self, reports: list[int]) -> list[int]:
        """`_found(reports)`, worked out."""
        found = set(self._always)
        targets = self._targets
        for report in reports:
            found.update(targets[report])
        needs = self._needs
        if needs and not needs.keys().isdisjoint(found):
            present = set(reports)
            found = {i for i in found if all(report in present for report in needs.get(i, ()))}
        return sorted(found)

    def select(self, text: str, items: Sequence[T]) -> Sequence[T]:
        """`items[i]` for each pattern i that may match `text` (`items` parallel to the patterns), in order;
        all of `items` when `text` is not ASCII."""
        found = self.candidates(text)
        return items if found is None else [items[i] for i in found]

    def _reports(self, ascii_text: str) -> list[int]:
        """The report ids of one scan of `ascii_text`, with this thread's scratch space."""
        reports: list[int] = []
        self._database.scan(ascii_text.encode("ascii"), match_event_handler=_collect, context=reports,
                            scratch=self._scratch())
        return reports

    def _scratch(self) -> hyperscan.Scratch:
        """This thread's scratch space (Hyperscan's is single-threaded)."""
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = hyperscan.Scratch(self._database)
        return scratch


# What makes an expression see the edge of the scanned buffer: `^` or `$` without MULTILINE (checked
# only then), or a buffer anchor. Textual and so conservative: `[^...]` or `\$` count too.
_LINE_ANCHOR = re.compile(rb"[$^]")
_BUFFER_ANCHOR = re.compile(rb"\\[AzZG]")

# Report sequences whose candidates `_found` keeps (then it starts over): a few hundred in practice.
_FOUND_CACHE = 4096

# Literal gates: reported once per scan, matched as written (or caselessly).
_LITERAL_FLAGS = hyperscan.HS_FLAG_SINGLEMATCH


def _collect(report: int, _start: int, _end: int, _flags: int, reports: list[int]) -> None:
    reports.append(report)
