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
    text = "Customer Name,Tel,DOB\nHalvor Nygaard,+47 912 34 567,1990-05-17\n"
    assert _found(TableColumnRecognizer().analyze(text, []), text) == [
        ("PERSON", "Halvor Nygaard"), ("PHONE_NUMBER", "+47 912 34 567"), ("DATE_OF_BIRTH", "1990-05-17")]


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
    narrow = PiiAnalyzer(DetectionOptions(pii_entities=("DATE_OF_BIRTH",)))
    text = "Full Name\tDOB\nAurelio Bassi\t1979-03-21\n"
    assert [(f.entity_type, text[f.start : f.end]) for f in narrow.analyze(text)] == [
        ("DATE_OF_BIRTH", "1979-03-21")]


def test_finds_personal_values_of_rows_written_as_json_objects():
    text = '[{"fname": "Oriane", "lname": "Delacourt", "passport_no": "X4471203"}]'
    assert _found(TableColumnRecognizer().analyze(text, []), text) == [
        ("PERSON", "Oriane"), ("PERSON", "Delacourt"), ("PASSPORT", "X4471203")]


def test_finds_personal_values_of_sql_inserts_and_html_tables():
    sql = "INSERT INTO staff (full_name, dob) VALUES ('Anouk Verbeek', '1988-04-12');"
    html = "<table><tr><th>Surname</th><th>Town</th></tr><tr><td>Oberhuber</td><td>Graz</td></tr></table>"
    recognizer = TableColumnRecognizer()
    assert _found(recognizer.analyze(sql, []), sql) == [("PERSON", "Anouk Verbeek"), ("DATE_OF_BIRTH", "1988-04-12")]
    assert _found(recognizer.analyze(html, []), html) == [("PERSON", "Oberhuber")]
