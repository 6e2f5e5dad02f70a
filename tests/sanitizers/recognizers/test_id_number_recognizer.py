import pytest

from sanitizers.recognizers.id_number_recognizer import IdNumberRecognizer
from tests.sanitizers.recognizers.gates import rejecting_gates

REC = IdNumberRecognizer()


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in REC.analyze(text, ["ID_NUMBER"])]


# Made-up values in the shapes people and synthetic data sets write.
FOUND = [
    ("Patient ID KLM-204817 was attached to the wrong chart", ["KLM-204817"]),  # letters-dash-digits
    ("insurance policy #55102-QT were updated", ["55102-QT"]),  # hash, digits-dash-letters
    ("The Tax ID 58-3301947 under the company name", ["58-3301947"]),  # EIN shape
    ("his PAN card number 'QWERT6612K' and", ["QWERT6612K"]),  # quoted, PAN card
    ("Voter ID 'VTR5522019384' was", ["VTR5522019384"]),  # quoted voter ID
    ("Sure, my employee ID is EMP402215.", ["EMP402215"]),  # "is", sentence end
    ("Customer ID: H301-K5520-Qa\nStreet", ["H301-K5520-Qa"]),  # form label, mixed case
    ("confidential tax ID ATIN: 550123987Z along", ["550123987Z"]),  # inner label inside the value
    ("stored under ID number 55130642M, which", ["55130642M"]),  # generic ID number
    ("Aadhaar number 4021 8830 1756 on file", ["4021 8830 1756"]),  # digit groups
    ("NINO: QQ 12 34 56 C", ["QQ 12 34 56 C"]),  # UK national insurance number
    ("medical record number MRN_550219873, and", ["MRN_550219873"]),  # underscore
    ("Medical file #QTZ-771204 and", ["QTZ-771204"]),  # medical file
    ("claim submitted by Policyholder ID 5521907 was", ["5521907"]),  # digits only
    ("suspect identification number 550219873-XQ, including", ["550219873-XQ"]),  # police
    ("Patient Identifier PID_55021XQZ, whose", ["PID_55021XQZ"]),  # patient identifier
    ("unique customer identification number is K770-5521-93.", ["K770-5521-93"]),  # dotted end
    ("Her SIN is 046 454 286 and", ["046 454 286"]),  # Canadian social insurance number
    ("DNI 55021987K", ["55021987K"]),  # Spanish national ID
    ("student ID no. S2024-0917", ["S2024-0917"]),  # student
    ("Member ID: XKQ550219873", ["XKQ550219873"]),  # insurance member
    ("federal tax identification number 55-0219873", ["55-0219873"]),  # long cue
    ("personnummer 850709-9805", ["850709-9805"]),  # Swedish shape
    ("national insurance number AB551027C", ["AB551027C"]),  # no spaces
    ("employee numbers such as EMP-55021 and", ["EMP-55021"]),  # plural, "such as"
    ("Social Number: 550 219 873", ["550 219 873"]),  # as generated data sets name it
    ("ID Card: 550219873", ["550219873"]),  # form label
    ("from the hospital database: PID 550219873. Cross", ["550219873"]),  # HL7 patient identification
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_value_when_id_cue_precedes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Order ID: 5502198",  # an order's number
        "Ticket ID number 55021987",  # a ticket's number
        "order #A12345 shipped",  # no personal cue
        "transaction ID number 987654321",  # a transaction
        "my employee ID is on the badge",  # no value
        "customer ID 12",  # too short
        "Tax ID 2023-04-01",  # a date
        "patient ID 05/11/2024 visit",  # a date
        "the tax rate is 19.5% in 2024",  # no cue word for an identifier
        "user ID 55021",  # a user id is no cue
        "Client ID: 0oa1b2c3d4e5f6g7h8",  # an OAuth client is no person
        "see RFC 7231 section 6",  # acronyms in capitals only, and not RFC
        "a pan 24cm wide",  # "pan" the object
        "customer service number 1-800-555-0199",  # a phone number, not a customer's
        "employee ID XKQ550219873550219873550",  # longer than 20 characters
        "version 1.20.3 of the patient ID module",  # version before the cue
        "write to chiara99@example.org",  # a cue word ("chi") inside a word
        "passport no. PAN511568",  # "PAN" inside a value
        "killed PID 4821930 after the hang",  # a process id: 7 digits at most
    ],
)
def test_finds_nothing_when_no_personal_identifier(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_passes_each_pattern_gate_when_the_pattern_matches(text, expected):
    assert rejecting_gates(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_selects_the_pattern_when_it_matches(text, expected):
    # The Hyperscan pre-pass may skip a pattern only where it cannot match.
    names = [pattern.name for pattern, _, _ in REC._pattern_set.select(text, REC._compiled)]
    assert "value_after_id_cue" in names
