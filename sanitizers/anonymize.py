"""Apply findings to a text: each merged span is replaced through the record's ReplacementBook."""

from collections.abc import Iterable

from sanitizers.findings import Finding
from sanitizers.replacement_book import ReplacementBook
from sanitizers.spans import merge_overlaps


def anonymize_text(text: str, findings: Iterable[Finding], book: ReplacementBook) -> tuple[str, list[Finding]]:
    """The text with every finding replaced.

    Returns the new text and the applied findings with offsets into the *new* text, so callers can
    point at replacements (excerpts) and tell their own replacements from residual findings.
    """
    spans = merge_overlaps(findings)
    if not spans:
        return text, []
    parts: list[str] = []
    applied: list[Finding] = []
    cursor = 0
    out_len = 0
    for span in spans:
        before = text[cursor : span.start]
        replacement = book.replacement(span.entity_type, text[span.start : span.end])
        parts.append(before)
        out_len += len(before)
        parts.append(replacement)
        applied.append(Finding(span.entity_type, out_len, out_len + len(replacement), span.score, span.recognizer))
        out_len += len(replacement)
        cursor = span.end
    parts.append(text[cursor:])
    return "".join(parts), applied
