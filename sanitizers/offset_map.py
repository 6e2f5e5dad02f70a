"""A rewritten text and the map from its offsets back to the text it was made from.

A rewrite is a sequence of pieces: copied runs (one character for one, so offsets map exactly) and
substitutions (any number of new characters standing for a range of the source: a full-width letter
for its ASCII form, a decoded base64 run for the run). A span of the rewritten text maps back to the
smallest source span that covers it: a span that touches a substitution covers its whole source
range, and source characters dropped between two pieces (zero-width characters) fall inside.
"""

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Piece i starts at `starts[i]` in the rewritten text and stands for `sources[i]` of the source;
    `copied[i]`: the piece maps character for character (a copied run, or a one-for-one substitution)."""

    starts: tuple[int, ...]
    sources: tuple[tuple[int, int], ...]
    copied: tuple[bool, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span covering the rewritten span [start, end) (end > start)."""
        i = bisect_right(self.starts, start) - 1
        j = bisect_right(self.starts, end - 1) - 1
        first, last = self.sources[i], self.sources[j]
        source_start = first[0] + (start - self.starts[i]) if self.copied[i] else first[0]
        source_end = last[0] + (end - self.starts[j]) if self.copied[j] else last[1]
        return source_start, source_end


class Rewriter:
    """Builds a rewrite of `source` left to right: `put` substitutions, the gaps are copied."""

    def __init__(self, source: str):
        self.source = source
        self._parts: list[str] = []
        self._starts: list[int] = []
        self._sources: list[tuple[int, int]] = []
        self._copied: list[bool] = []
        self._length = 0
        self._cursor = 0
        self.changed = False

    def put(self, start: int, end: int, text: str, *, one_for_one: bool = False) -> None:
        """Write `text` for source[start:end] (start at or after the previous end); "" drops the range.

        `one_for_one`: `text` has one character for each source character (folded digits, full-width
        letters), so offsets inside it map back exactly, as in a copied run.
        """
        if text == self.source[start:end]:
            return  # nothing changes: the range is copied with the gap around it
        self._copy(start)
        self.changed = True
        if text:
            self._piece(text, start, end, copied=one_for_one and len(text) == end - start)
        self._cursor = end

    def finish(self) -> tuple[str, OffsetMap]:
        """The rewritten text and its map back to the source."""
        self._copy(len(self.source))
        text = "".join(self._parts)
        return text, OffsetMap(tuple(self._starts), tuple(self._sources), tuple(self._copied))

    def _copy(self, upto: int) -> None:
        if upto > self._cursor:
            self._piece(self.source[self._cursor : upto], self._cursor, upto, copied=True)
            self._cursor = upto

    def _piece(self, text: str, start: int, end: int, *, copied: bool) -> None:
        self._parts.append(text)
        self._starts.append(self._length)
        self._sources.append((start, end))
        self._copied.append(copied)
        self._length += len(text)
