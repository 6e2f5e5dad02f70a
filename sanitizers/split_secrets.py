"""Secrets split across consecutive texts of one record: `tgp_v1_Ab3…` ending one turn, `…x9Q` starting the next.

Each text alone holds only half a key, which no recognizer accepts (or one accepts the first half
only and the rest leaks). `split_findings` joins the last token of each text with the first token of
the next one and scans the join; a finding that crosses the seam becomes two findings, one per text,
so both halves are replaced. Only texts that end and begin inside a token (a letter, digit, `_` or `-`
on both sides of the seam) are joined, so prose turns ending in punctuation or a space cost nothing. Limits: a key split over three or more texts, or with other text between the halves, is not
rejoined.
"""

from collections.abc import Callable, Sequence

from sanitizers.findings import Finding

MAX_TOKEN = 256  # longer than any key; a longer run at a seam is cut to this many characters
MAX_WORD = 12  # a head token of at most this many letters and no digit reads as a word, not a key's rest
MIN_JOINED = 16  # shorter than any key a recognizer finds (the shortest prefixed tokens have 20+)
_SEAM_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_TOKEN_CHARS = _SEAM_CHARS | frozenset("+/=.")  # key bodies hold these too (base64, SendGrid's dots)
_TOKEN_STRING = "".join(sorted(_TOKEN_CHARS))  # for str.strip, which runs in C


def split_findings(texts: Sequence[str], scan: Callable[[str], list[Finding]],
                   found: Sequence[Sequence[Finding]] | None = None) -> list[list[Finding]] | None:
    """Findings (one list per text) for secrets that cross the seam between texts i and i+1; None if none.

    `found[i]`: what detection already found in text i. A turn that ends in a secret already found,
    followed by a turn starting with a short plain word ("… sk-… " / "Your key …"), is not joined: the
    secret is replaced either way, and scanning such keyword-heavy seams again is the costly case.
    """
    out: list[list[Finding]] | None = None
    for i in range(len(texts) - 1):
        before, after = texts[i], texts[i + 1]
        if not before or not after or before[-1] not in _SEAM_CHARS or after[0] not in _SEAM_CHARS:
            continue
        tail = _tail_token(before)
        head = _head_token(after)
        if len(tail) + len(head) < MIN_JOINED:
            continue  # "Thanks" + "You": too short to hold any key
        if found is not None and head.isalpha() and len(head) <= MAX_WORD and any(
            f.end == len(before) for f in found[i]
        ):
            continue
        for f in scan(tail + head):
            if f.start < len(tail) < f.end and not _starts_prose(head[: f.end - len(tail)]):
                if out is None:
                    out = [[] for _ in texts]
                out[i].append(Finding(f.entity_type, len(before) - len(tail) + f.start, len(before), f.score,
                                      f.recognizer))
                out[i + 1].append(Finding(f.entity_type, 0, f.end - len(tail), f.score, f.recognizer))
    return out


def _starts_prose(part: str) -> bool:
    """True when the next turn's part of a finding is one capitalised word ("Noted.", "Thanks"): a reply
    that starts with a word, not the rest of a key (a random key half reads so about once in 100)."""
    word = part.rstrip(".!,")
    return word.isalpha() and len(word) <= MAX_WORD and word[0].isupper() and word[1:].islower()


def _tail_token(text: str) -> str:
    """The run of token characters that ends `text`, at most MAX_TOKEN of them."""
    window = text[-MAX_TOKEN:]
    return window[len(window.rstrip(_TOKEN_STRING)):]


def _head_token(text: str) -> str:
    """The run of token characters that starts `text`, at most MAX_TOKEN of them."""
    window = text[:MAX_TOKEN]
    return window[: len(window) - len(window.lstrip(_TOKEN_STRING))]
