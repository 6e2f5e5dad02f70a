"""Personal identifiers after their own cue word: tax, national, patient, insurance, employee, customer numbers.

"Tax ID 12-3456789", "patient ID QRS-123456", "PAN card number 'ABCDE1234F'", "employee ID is EMP123456":
the cue words are a table (`identifier_cues.IDENTIFIER_CUES["ID_NUMBER"]`), the value any code-shaped token
of 5-20 letters and digits with 2 digits at least, whatever its country's format.
"""

from collections.abc import Callable
from typing import ClassVar

from sanitizers.identifier_cues import cued_value_ok, cued_value_regex
from sanitizers.pattern import Pattern
from sanitizers.value_group import ValueGroupRecognizer


class IdNumberRecognizer(ValueGroupRecognizer):
    """A code-shaped value right after a cue word that names a person's identifier.

    Limits: a bare "ID" is no cue ("Order ID 12345" names an order), nor is "client ID" (OAuth clients)
    or "user ID"; an identifier with no cue word before it is missed.
    """

    PATTERNS: ClassVar[list[Pattern]] = [Pattern("value_after_id_cue", cued_value_regex("ID_NUMBER"), 0.8)]
    CONTEXT: ClassVar[list[str]] = ["id", "number", "tax", "patient", "insurance", "employee", "customer"]
    CUED_PATTERNS: ClassVar[dict[str, Callable[[str], bool]]] = {"value_after_id_cue": cued_value_ok}

    def __init__(self, patterns: list[Pattern] | None = None, supported_entity: str = "ID_NUMBER"):
        super().__init__(supported_entity, patterns or self.PATTERNS, name="IdNumberRecognizer",
                         context=self.CONTEXT)
