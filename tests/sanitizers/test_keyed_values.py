import functools

from sanitizers.keyed_values import keyed_values, may_hold_keyed_values
from sanitizers.table_columns import ENTITIES, NameEvidence

ALL = frozenset(ENTITIES)


@functools.cache
def evidence():
    return NameEvidence.from_word_lists()


def _values(text, wanted=ALL):
    return [(entity, text[start:end]) for entity, start, end in keyed_values(text, wanted, evidence())]


def test_finds_the_values_of_personal_keys_in_a_json_array_of_rows():
    text = ('[{"fname": "Rosalind", "lname": "Achterberg", "ssn": "219-09-9999", "city": "Utrecht"},\n'
            ' {"fname": "Emeka", "lname": "Nwachukwu", "ssn": "078-05-1120", "city": "Leeds"}]')
    assert _values(text) == [
        ("PERSON", "Rosalind"), ("PERSON", "Achterberg"), ("US_SSN", "219-09-9999"),
        ("PERSON", "Emeka"), ("PERSON", "Nwachukwu"), ("US_SSN", "078-05-1120"),
    ]


def test_reads_python_dicts_camel_case_keys_and_bare_numbers():
    text = "{'customerName': 'Ilse Varga', 'accountNumber': 40817810099910004312, 'status': 'active'}"
    assert _values(text) == [("PERSON", "Ilse Varga"), ("US_BANK_NUMBER", "40817810099910004312")]


def test_leaves_names_of_functions_products_and_places():
    tool = '{"name": "get_weather", "description": "Current weather", "parameters": {"type": "object"}}'
    products = '[{"name": "Aero Lamp", "price": 39.9}, {"name": "Desk Organizer", "price": 14.5}]'
    places = '[{"name": "Baldwin County", "fips": "01003"}, {"name": "Calhoun County", "fips": "01015"}]'
    assert _values(tool) == _values(products) == _values(places) == []


def test_finds_people_under_a_name_key_when_most_values_read_as_names():
    text = '[{"name": "Margit Szabo", "role": "admin"}, {"name": "Kofi Mensah", "role": "dev"}]'
    assert _values(text) == [("PERSON", "Margit Szabo"), ("PERSON", "Kofi Mensah")]


def test_gives_only_the_wanted_types_and_needs_a_quoted_key():
    text = '{"email": "halvor@example.no", "phone": "+47 912 34 567"}'
    assert _values(text, frozenset({"PHONE_NUMBER"})) == [("PHONE_NUMBER", "+47 912 34 567")]
    assert not may_hold_keyed_values("email: halvor@example.no")


def test_needs_rows_or_a_personal_sibling_key_for_a_lone_name_key():
    jwt_payload = '{"sub": "1234567890", "name": "Jon Doe", "iat": 1516239022}'
    record = '{"customer_id": "c-77", "name": "Devika Raman", "phone": "+91 98450 12345"}'
    assert _values(jwt_payload) == []
    assert _values(record) == [("PERSON", "Devika Raman"), ("PHONE_NUMBER", "+91 98450 12345")]
