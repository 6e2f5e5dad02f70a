"""The cells of a table's personal columns, by the column's header (`sanitizers.table_columns`).

A pasted CSV, TSV, Markdown or fixed-column table with a "First Name", "Email" or "DOB" column: each cell
of that column with its type's shape is a finding, whatever NER makes of the cell alone. Rows written as
JSON objects or Python dicts carry the header as keys (`sanitizers.keyed_values`: `{"fname": "Ann"}`), and
SQL INSERT statements name the columns their rows fill (`sanitizers.sql_rows`); HTML tables have a header row
too (`sanitizers.html_tables`). One recognizer gives several entity types (the types of the columns), each
only when asked for.
"""

import functools

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from sanitizers.html_tables import html_table_cells, may_hold_html_table
from sanitizers.keyed_values import keyed_values, may_hold_keyed_values
from sanitizers.sql_rows import may_hold_sql_rows, sql_row_values
from sanitizers.table_columns import ENTITIES, NameEvidence, table_cells

SCORE = 0.75


class TableColumnRecognizer(LocalRecognizer):
    """PERSON, EMAIL_ADDRESS, PHONE_NUMBER, STREET_ADDRESS, ...: cells of a table column whose header names them."""

    def __init__(self) -> None:
        super().__init__(supported_entities=list(ENTITIES), name="TableColumnRecognizer")
        self._names: NameEvidence | None = None

    def load(self) -> None:
        """The name lists and English words, which tell whether a column under a header such as "Name" holds
        people or things."""
        self._names = NameEvidence.from_word_lists()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """The personal cells of the tables and keyed rows in `text`, for `entities` (all supported when empty)."""
        if not _may_hold_rows(text):
            return []
        wanted = _wanted(tuple(entities or self.supported_entities))
        if not wanted:
            return []
        if self._names is None:
            self.load()
        return [
            RecognizerResult(entity_type=entity, start=start, end=end, score=SCORE, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
            for entity, start, end in [*table_cells(text, wanted, self._names), *keyed_values(text, wanted, self._names),
                                       *sql_row_values(text, wanted, self._names),
                                       *html_table_cells(text, wanted, self._names)]
        ]


def _may_hold_rows(text: str) -> bool:
    """A line break (tables, HTML), a quoted key (JSON rows) or an INSERT: true of every text with a finding."""
    return ("\n" in text or may_hold_keyed_values(text) or may_hold_sql_rows(text)
            or may_hold_html_table(text))


@functools.lru_cache(maxsize=64)
def _wanted(entities: tuple[str, ...]) -> frozenset[str]:
    return frozenset(entities) & frozenset(ENTITIES)
