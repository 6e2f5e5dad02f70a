from sanitizers.anonymize import anonymize_text
from sanitizers.findings import Finding
from sanitizers.replacement_book import ReplacementBook


def test_replaces_each_span_and_reports_new_offsets_when_findings_given():
    text = "Mail ana@example.org or call Ana"
    findings = [Finding("EMAIL_ADDRESS", 5, 20, 1.0, "email"), Finding("PERSON", 29, 32, 0.85, "spacy")]
    new, applied = anonymize_text(text, findings, ReplacementBook())
    assert new == "Mail <EMAIL_ADDRESS_1> or call <PERSON_1>"
    assert [new[a.start : a.end] for a in applied] == ["<EMAIL_ADDRESS_1>", "<PERSON_1>"]


def test_returns_text_unchanged_when_nothing_found():
    assert anonymize_text("plain text", [], ReplacementBook()) == ("plain text", [])


def test_shares_book_across_texts_when_same_record():
    book = ReplacementBook()
    a, _ = anonymize_text("I am Ana", [Finding("PERSON", 5, 8, 0.85, "spacy")], book)
    b, _ = anonymize_text("Ana again", [Finding("PERSON", 0, 3, 0.85, "spacy")], book)
    assert a.endswith("<PERSON_1>") and b.startswith("<PERSON_1>")
