"""The redaction filter on log handlers: the second line of defence against a mistaken log call."""

import logging

from pipelines.redaction import RedactingFilter

KEY = "tgp_v1_" + "FAKElogTEST" + "q8Lm2Vn5Rw9Tz3Yb7Kc4Xd6Hf1Jg0PaZ"  # 43 after the prefix


def record(msg: str, *args) -> logging.LogRecord:
    return logging.LogRecord("pipelines.test", logging.INFO, __file__, 1, msg, args, None)


def test_masks_secret_when_logged_by_mistake():
    r = record("calling with key=%s now", KEY)
    assert RedactingFilter().filter(r) is True
    assert KEY not in r.getMessage() and "[REDACTED:TOGETHER_API_KEY]" in r.getMessage()


def test_masks_configured_key_when_value_is_not_key_shaped(monkeypatch):
    monkeypatch.setenv("TOGETHER_API_KEY", "plain-but-secret-value-1234")
    r = record("env said %s", "plain-but-secret-value-1234")
    RedactingFilter().filter(r)
    assert "plain-but-secret" not in r.getMessage()


def test_keeps_message_when_it_holds_no_secret():
    r = record("%d records, %d quarantined", 10, 2)
    RedactingFilter().filter(r)
    assert r.getMessage() == "10 records, 2 quarantined"


def test_drops_record_when_it_cannot_be_checked():
    class Broken(RedactingFilter):
        def _scan(self, text: str) -> str:
            raise RuntimeError("scanner unavailable")

    assert Broken().filter(record(f"token {KEY}")) is False


def test_drops_nested_record_when_logged_during_filtering():
    f = RedactingFilter()
    seen = []

    class Nested(RedactingFilter):
        def _scan(self, text: str) -> str:
            seen.append(f_inner.filter(record("inner")))
            return text

    f_inner = Nested()
    f_inner._busy.active = False
    outer = Nested()
    f_inner = outer  # the nested call goes to the same filter instance
    assert outer.filter(record("outer")) is True and seen == [False]
    assert f.filter(record("after")) is True


def test_masks_key_inside_traceback_when_exception_text_quotes_it():
    try:
        raise ValueError(f"server said: bad key {KEY}")
    except ValueError:
        import sys

        r = logging.LogRecord("pipelines.test", logging.DEBUG, __file__, 1, "upload failed", None, sys.exc_info())
    RedactingFilter().filter(r)
    text = logging.Formatter().format(r)
    assert KEY not in text and "ValueError" in text and "Traceback" in text


def test_masks_remembered_key_when_it_came_from_a_secret_block():
    from pipelines.redaction import remember_secret

    value = "block-held-value-" + "9" * 12
    remember_secret(value)
    r = record("echo: %s", value)
    RedactingFilter().filter(r)
    assert value not in r.getMessage()
