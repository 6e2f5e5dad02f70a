import pytest

from sanitizers.pii_analyzer import PiiAnalyzer
from sanitizers.recognizers.table_column_recognizer import TableColumnRecognizer
from schemas.run_config import DetectionOptions

CSV = ('"Given Name","Surname","Age","City"\n'
       '"Rosalind","Achterberg",41,"Utrecht"\n'
       '"Emeka","Nwachukwu",29,"Leeds"\n'
       '"Ingrid","Solheim",35,"Bergen"\n')


def _found(results, text):
    return [(r.entity_type, text[r.start : r.end]) for r in results]


def test_finds_the_cells_of_personal_columns_with_recognizer_name_and_score():
    results = TableColumnRecognizer().analyze(CSV, ["PERSON"])
    assert {text for _, text in _found(results, CSV)} == {
        "Rosalind", "Achterberg", "Emeka", "Nwachukwu", "Ingrid", "Solheim"}
    assert all(r.recognition_metadata["recognizer_name"] == "TableColumnRecognizer" for r in results)
    assert all(r.score >= 0.5 for r in results)


def test_gives_every_supported_type_when_no_entity_is_named():
    text = "Customer Email,Tel\nhalvor@example.no,+47 912 34 567\n"
    assert _found(TableColumnRecognizer().analyze(text, []), text) == [
        ("EMAIL_ADDRESS", "halvor@example.no"), ("PHONE_NUMBER", "+47 912 34 567")]


def test_gives_nothing_for_types_not_asked_for():
    assert TableColumnRecognizer().analyze(CSV, ["EMAIL_ADDRESS"]) == []
    assert TableColumnRecognizer().analyze(CSV, ["LOCATION"]) == []


@pytest.fixture(scope="module")
def analyzer() -> PiiAnalyzer:
    return PiiAnalyzer(DetectionOptions())


def test_every_cell_of_a_name_column_is_a_finding_of_the_analyzer_and_cities_stay(analyzer):
    found = {(f.entity_type, CSV[f.start : f.end]) for f in analyzer.analyze(CSV)}
    names = {"Rosalind", "Achterberg", "Emeka", "Nwachukwu", "Ingrid", "Solheim"}
    assert {("PERSON", name) for name in names} <= found
    assert not any(CSV[f.start : f.end] in {"Utrecht", "Leeds", "Bergen"} for f in analyzer.analyze(CSV))


def test_the_analyzer_asks_only_for_the_configured_types():
    narrow = PiiAnalyzer(DetectionOptions(pii_entities=("EMAIL_ADDRESS",)))
    text = "Full Name\tE-mail\nAurelio Bassi\taurelio.b@example.it\n"
    assert [(f.entity_type, text[f.start : f.end]) for f in narrow.analyze(text)] == [
        ("EMAIL_ADDRESS", "aurelio.b@example.it")]
