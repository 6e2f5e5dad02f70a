"""Obvious encodings undone: %XX escapes, and base64 or hex runs that decode to text.

A key written `tgp_v1_%41%42…`, or base64- or hex-encoded whole, has none of the shapes the detectors
look for. `decode_runs` rewrites a text with each such run replaced by what it decodes to, when that is
printable text (ASCII for base64 and hex, UTF-8 for %XX; random bytes, hashes, ids and identifiers
decode to non-text and stay as they are);
the map sends a finding in decoded text back to the whole encoded run. One level only: a run
encoded twice is decoded once.

Cost: ASCII text without "%" and without a run of 24 base64 characters is decided by one byte
translation and one substring search (~5 ns per character), so ordinary prose pays almost nothing.
"""

import binascii
import re
import string
from collections.abc import Sequence

from sanitizers.offset_map import OffsetMap, Rewriter

MIN_RUN = 24  # base64 of 18 bytes: shorter than any key this tool recognises, longer than most words
MAX_DECODE_CHARS = 1_000_000  # a longer run is not a pasted key; decoding it would only cost time

_RUN_CHARS = string.ascii_letters + string.digits + "+/_-"
# Bytes of base64 (standard and URL-safe) to "a", anything else to " ": a run of MIN_RUN "a"s is a gate.
_GATE_TABLE = bytes(0x61 if chr(b) in _RUN_CHARS else 0x20 for b in range(256))
_GATE_NEEDLE = b"a" * MIN_RUN

_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_ENCODED_RUN = re.compile(rf"[A-Za-z0-9+/_-]{{{MIN_RUN},}}={{0,2}}")
_HEX = re.compile(r"(?:[0-9A-Fa-f]{2})+")
# An ASCII byte (< 0x80) makes the first base64 character of its 3-byte group one of these (values 0-31).
_TEXT_QUAD_STARTS = string.ascii_uppercase + "abcdef"
_TEXT_CONTROLS = "\n\r\t"
_DROP_CONTROLS = {ord(c): None for c in _TEXT_CONTROLS}


def may_hold_encoded(text: str) -> bool:
    """Cheap test: could `decode_runs` change `text`? (False for most prose and code.)"""
    return "%" in text or _GATE_NEEDLE in text.encode("utf-8", "surrogatepass").translate(_GATE_TABLE)


def decode_runs(text: str, *, gate_passed: bool = False, found: Sequence[tuple[int, int]] = ()
                ) -> tuple[str, OffsetMap] | None:
    """`text` with %XX runs and base64/hex runs that decode to text replaced by their decoding; None if none.

    `gate_passed`: the caller has just seen `may_hold_encoded(text)` true (saves a second check).
    `found`: spans of `text` already detected (and so replaced whole): a base64 or hex run inside one is
    not decoded (a JWT's base64 segments, for one).
    """
    if not gate_passed and not may_hold_encoded(text):
        return None
    rewriter = Rewriter(text)
    edits: list[tuple[int, int, str]] = []
    if "%" in text:
        for match in _PERCENT_RUN.finditer(text):
            decoded = _as_text(bytes.fromhex(match.group().replace("%", "")))
            if decoded is not None:
                edits.append((match.start(), match.end(), decoded))
    for run_start, run_end in _encoded_runs(text):
        if found and any(start <= run_start and run_end <= end for start, end in found):
            continue
        decoded = _decode_run(text[run_start:run_end])
        if decoded is not None:
            edits.append((run_start, run_end, decoded))
    if not edits:
        return None
    edits.sort()
    cursor = 0
    for start, end, decoded in edits:
        if start >= cursor:  # a %XX run inside a base64 run cannot happen ("%" is not base64); be safe
            rewriter.put(start, end, decoded)
            cursor = end
    if not rewriter.changed:
        return None
    return rewriter.finish()


def _encoded_runs(text: str) -> list[tuple[int, int]]:
    """The spans `_ENCODED_RUN.finditer(text)` gives: each run of MIN_RUN or more base64 characters, with up to
    two "=" after it.

    On ASCII text found with byte searches in the gate translation (a run of "a"s), not a regex that tries
    every character of every word: the first MIN_RUN "a"s found start a run (an earlier start would have been
    found first), which ends at the next " ".
    """
    if not text.isascii():
        return [match.span() for match in _ENCODED_RUN.finditer(text)]
    gate = text.encode("ascii").translate(_GATE_TABLE)
    spans: list[tuple[int, int]] = []
    start = gate.find(_GATE_NEEDLE)
    while start >= 0:
        end = gate.find(b" ", start + MIN_RUN)
        if end < 0:
            end = len(gate)
        padding = text[end : end + 2]
        end += 2 if padding == "==" else 1 if padding[:1] == "=" else 0
        spans.append((start, end))
        start = gate.find(_GATE_NEEDLE, end)
    return spans


def _decode_run(run: str) -> str | None:
    """The text a base64 or hex run encodes, or None when it is not text."""
    if len(run) > MAX_DECODE_CHARS:
        return None
    # The first hex digit of a text byte (tab, line break, or 0x20-0x7e) is 0 or 2-7: a hash fails at once.
    if _HEX.fullmatch(run) and not run[0::2].strip("0234567"):
        decoded = _as_text(bytes.fromhex(run))
        if decoded is not None:
            return decoded
    decoded = _base64_text(run)
    if decoded is None and "/" in run:
        # A path or URL glues segments to an encoded one ("/v1/keys/dGdw..."): try each long segment.
        parts = run.split("/")
        texts = [_base64_text(part) if len(part) >= MIN_RUN else None for part in parts]
        if any(t is not None for t in texts):
            return "/".join(part if t is None else t for part, t in zip(parts, texts))
    return decoded


def _base64_text(run: str) -> str | None:
    body = run.rstrip("=")
    if "-" in body or "_" in body:
        if "+" in body or "/" in body:
            return None  # mixes the two alphabets: not base64
        body = body.replace("-", "+").replace("_", "/")
    if len(body) % 4 == 1:
        return None  # no base64 text has this length
    if body[0::4].strip(_TEXT_QUAD_STARTS):
        return None  # some group's first byte is not ASCII: not the encoding of ASCII text
    try:
        data = binascii.a2b_base64(body + "=" * (-len(body) % 4), strict_mode=False)
    except binascii.Error:
        return None
    return _as_text(data)


def _as_text(data: bytes) -> str | None:
    """`data` as UTF-8 text if it is printable text (tabs and line breaks allowed), else None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text or not (text.isprintable() or text.translate(_DROP_CONTROLS).isprintable()):
        return None
    return text

