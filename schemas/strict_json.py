"""Strict JSON parsing: what Python's json module lets through but a fine-tuning file must not hold.

`json.loads` accepts NaN/Infinity (not JSON), keeps only the last of two equal keys (silently losing a
value) and returns strings with lone surrogates (cannot be written back as UTF-8). `loads_strict` turns
each of those into a `StrictJsonError` with a value-free explanation.

Why the json module and not a faster parser (measured for issue 12, 20 MB of chat JSONL, one core):
`loads_strict` 0.11 s, bare `json.loads` 0.05 s, orjson 3.13 0.025 s, msgspec 0.22 0.034 s. orjson
and msgspec reject NaN/Infinity and lone surrogates too, but both keep the last of two equal keys
without a word, and neither offers a hook to see them, so neither can hold the repeated-key rule;
parsing is about 4% of a secrets-only chunk, so the exact path stays.
"""

import json
import re
from typing import Any


class StrictJsonError(ValueError):
    """Text is not strict JSON. `what` says what is wrong and `fix` how to fix it; neither quotes the text."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(f"{what}; {fix}")
        self.what = what
        self.fix = fix


class _Constant(Exception):
    """Raised by the decoder on NaN, Infinity or -Infinity."""


class _DuplicateKey(Exception):
    """Raised by the decoder on an object that repeats a key."""


def _reject_constant(_name: str) -> Any:
    raise _Constant


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _DuplicateKey
    return obj


# Built once: json.loads(**kwargs) would build a new decoder on every call.
_DECODER = json.JSONDecoder(parse_constant=_reject_constant, object_pairs_hook=_unique_object)

# A \u escape in the surrogate range (D800-DFFF). Pairs are legal (ensure_ascii writers emit them for
# emoji), so a hit only triggers the exact check below.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def loads_strict(text: str) -> Any:
    """Parse `text` as strict JSON (one value, optional surrounding whitespace).

    Raises:
        StrictJsonError: syntax error, NaN/Infinity, a repeated key, a lone surrogate, nesting too deep
            for the parser, or an integer too long to convert.
    """
    try:
        value = _DECODER.decode(text)
    except _Constant:
        raise StrictJsonError(
            "holds NaN or Infinity, which JSON does not allow", "write a number or null"
        ) from None
    except _DuplicateKey:
        raise StrictJsonError(
            "has an object that repeats a key, so one of its values would be silently lost",
            "keep one of them",
        ) from None
    except json.JSONDecodeError as e:
        raise StrictJsonError(
            f"is not valid JSON ({_describe(e)} at column {e.colno})", "fix the JSON syntax"
        ) from None
    except RecursionError:
        raise StrictJsonError("nests arrays/objects too deeply to parse", "flatten the structure") from None
    except ValueError:
        # int("1" * 5000): Python refuses integers over 4300 digits.
        raise StrictJsonError("holds an integer too long to convert", "shorten it or quote it") from None
    if _SURROGATE_ESCAPE.search(text) and not _is_encodable(value):
        raise StrictJsonError(
            "has a \\u escape for a lone surrogate, which is not valid Unicode", "re-export the text as UTF-8"
        )
    return value


# The pure-Python scanner quotes the offending character in some messages ("Invalid control character
# 'x' at"); only messages made of plain words pass through.
_PLAIN_MESSAGE = re.compile(r"(?:[A-Za-z ,\\]|'[,:]')+")


def _describe(e: json.JSONDecodeError) -> str:
    # "Unterminated string starting at" ends in "at" already: the caller adds "at column N".
    return e.msg.removesuffix(" at") if _PLAIN_MESSAGE.fullmatch(e.msg) else "syntax error"


def _is_encodable(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError):
        return False
    return True
