"""What each quarantine reason code means, in words a reviewer reads next to the code (never content).

One row per `schemas.reasons.Reason`; tests/pipelines/test_reason_explanations.py fails when a code has
no explanation. Shown in report.html's quarantine table.
"""

from schemas.reasons import Reason

EXPLANATIONS: dict[Reason, str] = {
    Reason.INVALID_UTF8: "The line is not valid UTF-8 text.",
    Reason.INVALID_JSON: "The line is not one valid JSON value (also NaN, repeated keys, lone surrogates).",
    Reason.NOT_AN_OBJECT: "The line is JSON but not an object ({...}).",
    Reason.UNKNOWN_FORMAT: "The record matches none of Together's formats (conversational, instruction, "
                           "text, preference).",
    Reason.AMBIGUOUS_FORMAT: "The record's keys fit more than one format.",
    Reason.FORMAT_MISMATCH: "The record is in another format than the file's (set by its first valid record).",
    Reason.UNKNOWN_FIELD: "The record has a field Together's format does not know (--unknown-fields drop "
                          "removes such fields instead).",
    Reason.SCHEMA_ERROR: "A field has the wrong type or shape for the format.",
    Reason.INVALID_ROLE: "A message role is not system, user, assistant or tool.",
    Reason.ROLE_ORDER: "The messages are not in an order Together accepts (e.g. system not first).",
    Reason.NO_ASSISTANT: "The conversation has no assistant message to train on.",
    Reason.EMPTY_CONTENT: "A message or field that must hold text is empty.",
    Reason.MIXED_CONTENT: "Content mixes plain text and content parts where one kind is required.",
    Reason.INVALID_TOOL_CALL: "A tool call is malformed (arguments not JSON, missing id or name).",
    Reason.INVALID_WEIGHT: "A weight is not 0 or 1.",
    Reason.INVALID_IMAGE: "An image part is not a valid data-URL image.",
    Reason.TOO_MANY_IMAGES: "The record holds more images than Together allows.",
    Reason.IMAGE_TOO_LARGE: "An image is larger than Together allows.",
    Reason.INVALID_PREFERENCE: "The preference (DPO) record lacks a valid preferred/non-preferred pair.",
    Reason.LINE_TOO_LONG: "The line is longer than the limit.",
    Reason.RESIDUAL_SECRET: "A secret was still found after sanitizing: the record is held back.",
    Reason.DETECTION_TIMEOUT: "Detection did not finish within its time limit, so the record was not "
                              "passed unscanned.",
    Reason.SECRET_IN_STRUCTURE: "A secret sits in a key, id or other structural field that cannot be "
                                "replaced without breaking the record.",
}


def explain(reason: str) -> str:
    """The explanation of a reason code; an unknown code (a newer report) gets a pointer to the README."""
    try:
        return EXPLANATIONS[Reason(reason)]
    except (ValueError, KeyError):
        return "See the reason codes in the README."
