"""What a detector reports: a typed span, never the matched value."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    """One detected span in one text.

    Holds offsets, never the value: printing or logging a Finding leaks nothing.
    """

    entity_type: str
    start: int
    end: int
    score: float
    recognizer: str

    @property
    def is_secret(self) -> bool:
        from sanitizers.entities import is_secret_entity

        return is_secret_entity(self.entity_type)
