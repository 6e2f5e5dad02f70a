"""A witness expression for a regex: matches wherever the regex matches, and keeps what its lookaheads ask.

Hyperscan's prefilter mode drops lookarounds, so `(?i:token)[ \\t]{1,10}(?=["'])` reads as "token and a
blank" and most prose becomes a candidate. For a prefilter only one thing matters: wherever the regex
matches at a position, the prefilter expression must match at that same position, while it may end
anywhere within the text. That allows cutting a match at a positive lookahead: the text up to the
lookahead, then what the lookahead looks at, consumed (`(?i:token)[ \\t]{1,10}["']`), and nothing after.

`witness(source)` builds such an expression from the regex's structure:
- F(node): a superset of the node's complete matches (lookarounds and `\\K` as empty, possessive and
  lazy repeats as greedy, atomic groups as plain groups, counted ranges wider than 16 unbounded);
- W(node): a witness of the node's matches: a sequence n1..nk is witnessed by F(n1..n(i-1)) W(ni) for
  any i (every match passes through ni), a positive lookahead `(?=X)` by F(X), a repeat with a minimum
  of m by F(child){m-1} W(child), an alternation by its branches' witnesses. Any choice is
  correct; the one taken demands the rarest characters (in chat text), so it rejects the most texts.

The result is a superset for existence on ASCII texts, the only texts `PatternSet` scans. Syntax the
parser does not know (back-references, conditionals, global inline flags, POSIX classes...) raises
`Unsupported`: the caller keeps its plain rewrite for that pattern.
"""

import math
import re
from dataclasses import dataclass

# A counted repeat whose range is wider than this is widened to unbounded (`{0,40}` -> `{0,}`): a
# superset, and Hyperscan compiles it much faster.
WIDEST_COUNTED_RANGE = 16
_QUANTIFIER = re.compile(r"\*|\+|\?|\{(\d*)(?:(,)(\d*))?\}")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZz")
_FIXED_ESCAPES = {"x": 2, "u": 4, "U": 8}
_GROUP_FLAGS = re.compile(r"\(\?[aiLmsux]*(?:-[imsx]+)?:")


class Unsupported(ValueError):
    """The regex uses syntax this module does not model; use another superset."""


@dataclass(frozen=True, slots=True)
class _Node:
    kind: str  # atom, seq, alt, group, look, keep, quant
    text: str = ""  # atom: its source; group: its opening ("(?:", "(?i:"); quant: the normalised quantifier
    width: int = 0  # atom: 1 for a character, 0 for an anchor; quant: its minimum count
    children: tuple["_Node", ...] = ()
    positive_ahead: bool = False  # look: `(?=...)`
    positive_behind: bool = False  # look: `(?<=...)`


def witness(source: str, ignorecase: bool = False) -> str:
    """The witness expression of `source` (see the module docstring); raises Unsupported."""
    node, end = _parse_alternation(source, 0)
    if end != len(source):
        raise Unsupported(f"unbalanced ')' at offset {end}")
    return _witness(node, ignorecase)[0]


def behind(source: str) -> list[str]:
    """F of each positive look-behind that every match of `source` passes, in its enclosing groups: text that
    occurs in any text where `source` matches (raises Unsupported).

    A witness cannot keep a look-behind (it reads the text before where the match starts), but what the
    look-behind saw is in the text all the same. Mandatory means outside any alternation, optional repeat
    or negative look-around: `key(?<=(?:access|app)[_.-]?key)` gives `(?:(?:access|app)[_.-]?key)`, so a
    text with "key" and no qualifier before one is no candidate of the qualified key.
    """
    node, end = _parse_alternation(source, 0)
    if end != len(source):
        raise Unsupported(f"unbalanced ')' at offset {end}")
    found: list[str] = []
    _collect_behind(node, (), found)
    return found


def _collect_behind(node: _Node, openings: tuple[str, ...], found: list[str]) -> None:
    kind = node.kind
    if kind == "seq":
        for child in node.children:
            _collect_behind(child, openings, found)
    elif kind == "group":
        _collect_behind(node.children[0], (*openings, node.text), found)
    elif kind == "quant" and node.width >= 1:
        _collect_behind(node.children[0], openings, found)
    elif kind == "look" and node.positive_behind:
        inner = _full(node.children[0])
        if inner:
            found.append("".join(openings) + f"(?:{inner})" + ")" * len(openings))


def full(source: str) -> str:
    """F(source): a superset of the regex's complete matches, with lookarounds read as empty."""
    node, end = _parse_alternation(source, 0)
    if end != len(source):
        raise Unsupported(f"unbalanced ')' at offset {end}")
    return _full(node)


# --- parsing -------------------------------------------------------------------------------------


def _parse_alternation(s: str, i: int) -> tuple[_Node, int]:
    branches = []
    while True:
        branch, i = _parse_sequence(s, i)
        branches.append(branch)
        if i < len(s) and s[i] == "|":
            i += 1
            continue
        break
    return (branches[0] if len(branches) == 1 else _Node("alt", children=tuple(branches))), i


def _parse_sequence(s: str, i: int) -> tuple[_Node, int]:
    items: list[_Node] = []
    while i < len(s) and s[i] not in "|)":
        item, i = _parse_item(s, i)
        item, i = _parse_quantifier(s, i, item)
        items.append(item)
    return _Node("seq", children=tuple(items)), i


def _parse_item(s: str, i: int) -> tuple[_Node, int]:
    ch = s[i]
    if ch == "(":
        return _parse_group(s, i)
    if ch == "[":
        return _parse_class(s, i)
    if ch == "\\":
        return _parse_escape(s, i)
    if ch in "^$":
        return _Node("atom", ch, 0), i + 1
    if ch in "*+?" or (ch == "{" and _QUANTIFIER.match(s, i)):
        raise Unsupported(f"quantifier without a target at offset {i}")
    return _Node("atom", ch, 1), i + 1


def _parse_group(s: str, i: int) -> tuple[_Node, int]:
    if s.startswith("(?", i):
        look = next((p for p in ("(?=", "(?!", "(?<=", "(?<!") if s.startswith(p, i)), None)
        if look is not None:
            child, end = _parse_alternation(s, i + len(look))
            return (_Node("look", children=(child,), positive_ahead=look == "(?=", positive_behind=look == "(?<="),
                    _close(s, end))
        if s.startswith("(?:", i) or s.startswith("(?>", i):
            opening, start = "(?:", i + 3
        elif (named := re.compile(r"\(\?P?<[A-Za-z_][A-Za-z0-9_]*>").match(s, i)) is not None:
            opening, start = "(?:", named.end()  # capture groups become plain: nothing refers to them
        elif (flags := _GROUP_FLAGS.match(s, i)) is not None and "x" not in flags.group():
            opening, start = flags.group(), flags.end()
        else:
            raise Unsupported(f"group syntax at offset {i}")
    else:
        opening, start = "(?:", i + 1
    child, end = _parse_alternation(s, start)
    return _Node("group", opening, children=(child,)), _close(s, end)


def _close(s: str, i: int) -> int:
    if i >= len(s) or s[i] != ")":
        raise Unsupported(f"missing ')' at offset {i}")
    return i + 1


def _parse_class(s: str, i: int) -> tuple[_Node, int]:
    j = i + 1
    if j < len(s) and s[j] == "^":
        j += 1
    if j < len(s) and s[j] == "]":
        j += 1  # a leading ] is a character of the class
    while j < len(s) and s[j] != "]":
        if s[j] == "\\":
            j += 2
            continue
        if s[j] == "[" and j + 1 < len(s) and s[j + 1] in ":=.":
            raise Unsupported(f"POSIX class at offset {j}")
        j += 1
    if j >= len(s):
        raise Unsupported(f"unterminated class at offset {i}")
    return _Node("atom", s[i : j + 1], 1), j + 1


def _parse_escape(s: str, i: int) -> tuple[_Node, int]:
    if i + 1 >= len(s):
        raise Unsupported("trailing backslash")
    ch = s[i + 1]
    if ch == "K":
        return _Node("keep"), i + 2
    if ch in _ZERO_WIDTH_ESCAPES:
        return _Node("atom", s[i : i + 2], 0), i + 2
    if ch in _FIXED_ESCAPES:
        end = i + 2 + _FIXED_ESCAPES[ch]
        return _Node("atom", s[i:end], 1), end
    if ch.isdigit() or ch in "gGpPNkXLlUuEQhHRmM":
        raise Unsupported(f"escape \\{ch} at offset {i}")
    return _Node("atom", s[i : i + 2], 1), i + 2


def _parse_quantifier(s: str, i: int, item: _Node) -> tuple[_Node, int]:
    match = _QUANTIFIER.match(s, i) if i < len(s) else None
    if match is None:
        return item, i
    end = match.end()
    if end < len(s) and s[end] in "?+":
        end += 1  # lazy or possessive: the same or fewer matches than greedy
    if item.kind in ("keep",) or (item.kind == "atom" and item.width == 0):
        raise Unsupported(f"quantified zero-width item at offset {i}")
    text = match.group()
    if text == "*":
        low, quantifier = 0, "*"
    elif text == "+":
        low, quantifier = 1, "+"
    elif text == "?":
        low, quantifier = 0, "?"
    else:
        low = int(match.group(1) or 0)
        if match.group(2) is None:
            quantifier = f"{{{low}}}"
        elif match.group(3):
            high = int(match.group(3))
            quantifier = f"{{{low},}}" if high - low > WIDEST_COUNTED_RANGE else f"{{{low},{high}}}"
        else:
            quantifier = f"{{{low},}}"
    return _Node("quant", quantifier, low, (item,)), end


# --- F and W -------------------------------------------------------------------------------------


def _full(node: _Node) -> str:
    kind = node.kind
    if kind == "atom":
        return node.text
    if kind == "seq":
        return "".join(_full(child) for child in node.children)
    if kind == "alt":
        return "|".join(_full(child) for child in node.children)
    if kind == "group":
        inner = _full(node.children[0])
        return f"{node.text}{inner})" if inner else ""
    if kind == "quant":
        return _repeat(node.children[0], node.text)
    return ""  # look, keep: empty


def _repeat(child: _Node, quantifier: str) -> str:
    inner = _full(child)
    if not inner:
        return ""
    return inner + quantifier  # the child is one item: an atom or a group


def _score_full(node: _Node, folded: bool) -> float:
    """Bits of evidence that the least demanding complete match of `node` carries (see `_atom_bits`)."""
    kind = node.kind
    if kind == "atom":
        return _atom_bits(node.text, folded) if node.width else 0.0
    if kind == "seq":
        return sum(_score_full(child, folded) for child in node.children)
    if kind == "alt":
        return min(_score_full(child, folded) for child in node.children)
    if kind == "group":
        return _score_full(node.children[0], _folds(node.text, folded))
    if kind == "quant":
        return node.width * _score_full(node.children[0], folded)
    return 0.0


def _witness(node: _Node, folded: bool = False) -> tuple[str, float]:
    """(W(node), the bits of evidence of its least demanding match)."""
    kind = node.kind
    if kind == "look":
        if not node.positive_ahead:
            return "", 0.0
        inner = _full(node.children[0])
        return (f"(?:{inner})" if inner else ""), _score_full(node.children[0], folded)
    if kind == "group":
        inner, bits = _witness(node.children[0], _folds(node.text, folded))
        return (f"{node.text}{inner})" if inner else ""), bits
    if kind == "alt":
        branches = [_witness(child, folded) for child in node.children]
        return "|".join(text for text, _ in branches), min(bits for _, bits in branches)
    if kind == "seq":
        return _witness_sequence(node.children, folded)
    if kind == "quant":
        child = node.children[0]
        whole = (_full(node), _score_full(node, folded))
        if node.width == 0:
            return whole
        inner, bits = _witness(child, folded)
        head = _repeat(child, f"{{{node.width - 1}}}") if node.width > 1 else ""
        cut = (head + (f"(?:{inner})" if inner else ""), (node.width - 1) * _score_full(child, folded) + bits)
        return cut if cut[1] > whole[1] else whole
    return _full(node), _score_full(node, folded)  # atom, keep


def _witness_sequence(items: tuple[_Node, ...], folded: bool) -> tuple[str, float]:
    best: tuple[str, float] = ("", 0.0)
    prefix, prefix_bits = "", 0.0
    for item in items:
        text, bits = _witness(item, folded)
        if prefix_bits + bits >= best[1]:  # ties: the later cut, which keeps more of the regex
            best = (prefix + text, prefix_bits + bits)
        prefix += _full(item)
        prefix_bits += _score_full(item, folded)
    return best


def _folds(opening: str, folded: bool) -> bool:
    """Whether a group opening such as `(?i:` or `(?-i:` turns case folding on or off inside it."""
    on, _, off = opening[2:-1].partition("-")
    return False if "i" in off else (True if "i" in on else folded)


# How often each ASCII character occurs in chat and code text, roughly: the bits a character class
# carries is -log2 of the share of characters it accepts. Only used to choose among witnesses (every
# choice is correct; rarer characters reject more texts).
_LETTER_SHARES = dict(zip("etaoinsrhldcumfpgwybvkxjqz", (
    12.0, 9.1, 8.2, 7.5, 7.0, 6.7, 6.3, 6.0, 6.1, 4.0, 4.3, 2.8, 2.8, 2.4, 2.2, 1.9, 2.0, 2.4, 2.0, 1.5, 1.0,
    0.8, 0.2, 0.15, 0.1, 0.07)))
_SHARES = {chr(c): 0.0002 for c in range(128)}
_SHARES.update({ch: 0.55 * share / 100 for ch, share in _LETTER_SHARES.items()})
_SHARES.update({ch.upper(): 0.04 * share / 100 for ch, share in _LETTER_SHARES.items()})
_SHARES.update({str(d): 0.004 for d in range(10)})
_SHARES.update({" ": 0.16, ".": 0.01, ",": 0.01, "\n": 0.005, "-": 0.004, "'": 0.003, "_": 0.002, "/": 0.002,
                ":": 0.002, "(": 0.001, ")": 0.001, '"': 0.001})
_BITS_CACHE: dict[tuple[str, bool], float] = {}


def _atom_bits(text: str, folded: bool) -> float:
    key = (text, folded)
    bits = _BITS_CACHE.get(key)
    if bits is None:
        try:
            accepts = re.compile(text, re.IGNORECASE if folded else 0).fullmatch
            share = sum(p for ch, p in _SHARES.items() if accepts(ch))
        except re.error:  # syntax of the `regex` module only: count it as any character
            share = 1.0
        bits = _BITS_CACHE[key] = -math.log2(min(1.0, max(share, 1e-6)))
    return bits
