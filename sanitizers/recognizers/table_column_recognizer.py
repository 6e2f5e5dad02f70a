"""The cells of a table's personal columns, by the column's header (`sanitizers.table_columns`).

A pasted CSV, TSV, Markdown or fixed-column table with a "First Name", "Email" or "DOB" column: each cell
of that column with its type's shape is a finding, whatever NER makes of the cell alone. One recognizer
gives several entity types (the types of the columns), each only when asked for.
"""

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from sanitizers.name_lists import NameLists, name_lists
from sanitizers.table_columns import ENTITIES, table_cells

SCORE = 0.75


class TableColumnRecognizer(LocalRecognizer):
    """PERSON, EMAIL_ADDRESS, PHONE_NUMBER, STREET_ADDRESS, ...: cells of a table column whose header names them."""

    def __init__(self) -> None:
        super().__init__(supported_entities=list(ENTITIES), name="TableColumnRecognizer")
        self._names: NameLists | None = None

    def load(self) -> None:
        """The name lists, which tell whether a column under a header such as "Name" holds people."""
        self._names = name_lists()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """The personal cells of the tables in `text`, for `entities` (all the supported ones when empty)."""
        wanted = frozenset(entities or self.supported_entities) & frozenset(self.supported_entities)
        if not wanted:
            return []
        if self._names is None:
            self.load()
        return [
            RecognizerResult(entity_type=entity, start=start, end=end, score=SCORE, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
            for entity, start, end in table_cells(text, wanted, self._names.is_name)
        ]
