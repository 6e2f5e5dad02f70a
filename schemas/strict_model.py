"""The base of every record schema: strict types, no unknown keys, no input in error texts."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class StrictModel(BaseModel):
    """A JSON-shaped pydantic model: `"1"` is not an int, `true` is not 1, unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, strict=True)


# A record's top-level `weight` scales its loss: any finite number >= 0 (ints welcome, bools not).
SampleWeight = Annotated[float, Field(ge=0, allow_inf_nan=False)]
