"""Stable reason codes.

A reason code names why a line was quarantined or why a record was changed. The values are part of the
output contract (quarantine files, report.json, tests): add new ones, never rename existing ones.
"""

from enum import StrEnum


class Reason(StrEnum):
    """Why a line went to quarantine."""

    INVALID_UTF8 = "invalid_utf8"
    INVALID_JSON = "invalid_json"
    NOT_AN_OBJECT = "not_an_object"
    UNKNOWN_FORMAT = "unknown_format"
    AMBIGUOUS_FORMAT = "ambiguous_format"
    FORMAT_MISMATCH = "format_mismatch"
    UNKNOWN_FIELD = "unknown_field"
    SCHEMA_ERROR = "schema_error"
    INVALID_ROLE = "invalid_role"
    ROLE_ORDER = "role_order"
    NO_ASSISTANT = "no_assistant_message"
    EMPTY_CONTENT = "empty_content"
    MIXED_CONTENT = "mixed_content"
    INVALID_TOOL_CALL = "invalid_tool_call"
    INVALID_WEIGHT = "invalid_weight"
    INVALID_IMAGE = "invalid_image"
    TOO_MANY_IMAGES = "too_many_images"
    IMAGE_TOO_LARGE = "image_too_large"
    INVALID_PREFERENCE = "invalid_preference"
    LINE_TOO_LONG = "line_too_long"
    RESIDUAL_SECRET = "residual_secret"
    DETECTION_TIMEOUT = "detection_timeout"
    SECRET_IN_STRUCTURE = "secret_in_structure"
