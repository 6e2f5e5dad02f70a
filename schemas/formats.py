"""The Together fine-tuning formats a record can have."""

from enum import StrEnum


class RecordFormat(StrEnum):
    """One format per file, as Together requires."""

    CONVERSATIONAL = "conversational"
    INSTRUCTION = "instruction"
    TEXT = "text"
    PREFERENCE = "preference"
