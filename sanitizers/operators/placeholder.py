"""Typed placeholders: `<EMAIL_ADDRESS_2>`."""

from presidio_anonymizer.operators import Operator, OperatorType
from pydantic import BaseModel, ConfigDict, Field

from sanitizers.placeholder_text import placeholder_text


class PlaceholderParams(BaseModel):
    """Which entity type and which number within the record."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)
    entity_type: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    index: int = Field(ge=1)


class Placeholder(Operator):
    """Replaces a value by `<TYPE_n>`; the value itself plays no part in the result."""

    def operate(self, text: str | None = None, params: dict | None = None) -> str:
        p = PlaceholderParams.model_validate(params or {})
        return placeholder_text(p.entity_type, p.index)

    def validate(self, params: dict | None = None) -> None:
        PlaceholderParams.model_validate(params or {})

    def operator_name(self) -> str:
        return "placeholder"

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize
