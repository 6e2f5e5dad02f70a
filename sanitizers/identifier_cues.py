"""Cue words that announce a personal identifier, and which entity each announces (rules as data).

One table, `IDENTIFIER_CUES`: entity -> cue words. The recognizer of each entity builds one pattern
from its rows with `cued_value_regex`: the cue, optional number words ("number", "no.", "#", "card"),
separators ("is", ":", "of", a quote), an optional short inner label ("ATIN:", "DL:"), then a
code-shaped value: 5-20 letters and digits with at least 2 digits, joined by dashes, dots, slashes
or underscores, or digit groups parted by single spaces ("1234 5678 9012"). The value is taken on the
cue's word alone, whatever its country's shape or check digits: synthetic and test data are full of
IDs that no validator accepts, and a cue word naming a personal identifier is the evidence.

A cue here is a word people use for an identifier of a person (a tax, national, patient, insurance,
employee or customer number). Identifiers of things (order, ticket, case, invoice, tracking, device,
session numbers) are no cue, and a bare "ID" is none either: "Order ID: 12345" names an order.
"""

# Qualifiers that make a following "ID number" an identifier of a thing ("order ID number 123456").
_THING_WORDS = (
    r"order|ticket|case|invoice|tracking|reference|ref|transaction|txn|product|item|part|model|serial|device|"
    r"session|request|job|batch|build|process|event|message|error|app|application|tenant|project|org|"
    r"organization|shipment|parcel|booking|confirmation|reservation|claim|incident|bug|issue|task|file|"
    r"asset|record|vehicle|vendor|supplier|merchant|store|branch|client|user|group|account|bank|card"
)

IDENTIFIER_CUES: dict[str, tuple[str, ...]] = {
    "ID_NUMBER": (
        # Tax numbers: "Tax ID", "federal tax ID number", "taxpayer identification number", "tax file number".
        (r"(?:federal\s+|state\s+|personal\s+)?tax(?:payer)?[\s-]*(?:id(?:entification|entifier)?|file|"
        r"reference|registration|code|numbers?|no\.?|#)"),
        # Acronyms of tax, national, social and medical numbers, in capitals only ("PAN" is also a pan).
        (r"(?-i:TIN|EIN|ITIN|ATIN|UTR|TFN|PAN|NINO|NIN|SIN|DNI|NIE|NIF|CPF|BSN|PPSN?|MRN|NHI|PESEL|AHV|"
        r"UIDAI|CURP|CUIL|CUIT|NRIC|HKID|UAN|SVNR|AMKA|OIB|EGN|JMBG)"),
        r"pan\s+(?:card|numbers?|no\.?)",
        r"aadh?aa?r(?:\s+card)?",
        r"voter(?:'?s)?\s*(?:id(?:entity)?|identification|registration|card)",
        # "national ID", "citizen ID card", "national insurance number", "personal identification number".
        (r"(?:national|citizen(?:ship)?|resident|residence|personal|government|state|alien|green\s+card)\s+"
        r"(?:id(?:entity|entification)?|insurance|registration|number|card)"),
        r"identity\s+(?:card|document|numbers?|no\.?)",
        r"social\s+(?:insurance|number|id)",
        # Other languages' national and tax numbers.
        (r"personnummer|personal\s+number|henkilötunnus|fødselsnummer|codice\s+fiscale|steuer-?id|"
        r"steueridentifikationsnummer|sozialversicherungsnummer|burgerservicenummer|"
        r"n[uú]mero\s+de\s+identifica[cç][aiã]o|c[eé]dula|carte\s+d'identit[eé]|"
        r"num[eé]ro\s+de\s+s[eé]curit[eé]\s+sociale|documento\s+de\s+identidad"),
        # Medical: "patient ID", "patient identifier", "medical record number", "MRN", "NHS number".
        r"patient(?:'s)?\s*(?:id(?:entifier|entification)?|numbers?|no\.?|#|record|file|chart)",
        r"(?:medical|health)\s*(?:record|file|chart|id|card|insurance|plan)",
        r"(?:medicare|medicaid|nhs|chi)(?:\s+(?:card|numbers?|no\.?|id|#))?",
        r"chart\s+(?:numbers?|no\.?|#)",
        # HL7's "PID" (patient identification) with a value of 8+ characters: a process id has 7 digits at most.
        r"(?-i:PID)(?=[\s:#]*[\"']?[a-z0-9_-]{8})",
        # Insurance: "insurance policy #", "insurance ID", "policy number", "member ID", "subscriber number".
        r"insurance(?:\s+(?:policy|card|member|plan))?\s*(?:id|numbers?|no\.?|#|code)",
        r"(?:health\s+plan\s+)?(?:policy(?:holder)?|member(?:ship)?|subscriber|beneficiary)\s*(?:id|numbers?|no\.?|#)",
        # A biometric record's identifier ("biometric identifier BIO-7841", "biometric ID: F7283946").
        r"biometric\s+(?:id(?:entifier)?|template|record)",
        # People in an organisation's books: "employee ID", "staff number", "student ID", "customer ID".
        (r"(?:employee|employer|staff|personnel|payroll|badge|student|pupil|matriculation|customer|"
        r"officer|police|inmate|military|veteran)\s*(?:id(?:entification|entifier)?|numbers?|no\.?|#)"),
        # "client number"; a "client ID" is as often an OAuth client's, which is no person's.
        r"client\s*(?:numbers?|no\.?|#)",
        # A generic "ID number" / "identification number" / "ID card", unless a thing's word precedes it.
        rf"(?<!\b(?:{_THING_WORDS})[\s_-]?)(?:id(?:entification|entity)?)\s*(?:numbers?|no\.?|#|card)",
    ),
    "US_SSN": (
        r"ssn|social\s+security(?:\s+(?:numbers?|no\.?|#|card))?|ss\s*#",
    ),
    "PASSPORT": (
        r"passport|passeport|pasaporte|passaporto|passaporte|reisepass|paspoort|paszport|pasaport",
    ),
    "DRIVER_LICENSE": (
        r"(?:driver'?s?'?|driver’s|drivers’|driving)\s+(?:licen[cs]e|lic\.?|permit)",
    ),
    "IBAN_CODE": (
        r"iban",
    ),
    "US_BANK_NUMBER": (
        # "account number", "bank account no.", "acct #", "ACC:", "ACCNUM:", "A/C", "BBAN", "routing", "sort code".
        (r"(?:bank\s+|checking\s+|savings\s+|chequing\s+|current\s+|personal\s+|recipient\s+|beneficiary\s+)?"
        r"(?:account|acct|acc)\.?\s*(?:number|num|no\.?|nr\.?|#|details)"),
        r"(?-i:ACC|ACCT|ACCNUM|ACCNO)\s*:",
        r"acct|a/c\.?\s*(?:numbers?|no\.?|#|:)",
        r"bban|routing(?:\s+(?:numbers?|no\.?|#|code))?|sort\s*code",
        # A loan or mortgage is a person's account too; "CIF" is a bank's customer information file number.
        r"(?:loan|mortgage)(?:\s+account)?\s*(?:numbers?|no\.?|#|id)|(?-i:CIF)",
    ),
}

# Number words and separators between a cue and its value: "number", "no.", "#", "card"; "is", ":", ",", "of", "like".
_NUMBER_WORDS = r"(?:[\s-]*(?:numbers?|num|nos?\.?|nr\.?|n[º°]|#|id|card|code|details))*"
_SEPARATORS = r"(?:\s*(?:is|was|reads|of|such\s+as|like|:|,|-|–|=|#))*\s*[\"'‘“(]?\s*(?:e\.g\.,?\s*)?"
# A short inner label repeated inside the value's quotes: "tax ID ATIN: 9876", "license 'DL: D1234'".
_INNER_LABEL = r"(?:(?-i:[A-Z]{2,5})\s*:\s*)?"
# Letters and digits joined by single dashes, dots, slashes or underscores, holding 2 digits, then
# more digit groups parted by single spaces ("1234 5678 9012", "AB 12 34 56 C"); never a date.
_VALUE = (
    r"(?!(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})(?![\w-]))"
    # 2 digits in the first token, or in the spaced groups after it: never a digit of a later word ("health
    # plan beneficiary number is H9283-02" took "beneficiary" as the value, then skipped the real one).
    r"(?=(?:[a-z./_-]*\d){2}|(?:[a-z]{1,3}|[a-z0-9./_-]*\d[a-z0-9./_-]*)[ ]\d{2})"
    # Spaced digit groups only after a first token with a digit or of 1-3 letters ("unit 12000" is none).
    r"(?:(?:[a-z]{1,3}|(?=[a-z./_-]*\d)[a-z0-9]+(?:[-./_][a-z0-9]+)*)(?:[ ]\d{2,6}(?:[ ][a-z](?!\w))?)+"
    r"|[a-z0-9]+(?:[-./_][a-z0-9]+)*)"
)
# An IBAN after its cue: country, check digits, then letters and digits, compact or in groups that hold a digit.
_IBAN_VALUE = r"[a-z]{2}\d{2}[ ]?[a-z0-9]{2,30}(?:[ ](?=[a-z]*\d)[a-z0-9]{1,30}){0,7}"
_END = r"(?![\w]|[-./_][a-z0-9])"
MIN_CHARS, MAX_CHARS = 5, 20
MIN_IBAN_CHARS, MAX_IBAN_CHARS = 12, 34


def cued_value_regex(entity: str, value: str = _VALUE) -> str:
    """The regex of a value after one of `entity`'s cue words; the value is its `value` group."""
    cues = "|".join(IDENTIFIER_CUES[entity])
    # The cue is a whole word: "chi" (a Scottish CHI number) is no cue inside "chiara99", "PAN" none in "PAN511568".
    return (rf"(?<![\w/-])(?:{cues})(?:\b|(?<=\W))(?:'s)?{_NUMBER_WORDS}{_SEPARATORS}{_INNER_LABEL}"
            rf"(?P<value>{value}){_END}")


def cued_iban_regex() -> str:
    """The regex of an IBAN after its cue, any length and check digits."""
    return cued_value_regex("IBAN_CODE", _IBAN_VALUE)


def cued_value_ok(value: str) -> bool:
    """5-20 letters and digits, 2 of them digits: an identifier's length in every country's shape."""
    chars = sum(ch.isalnum() for ch in value)
    return MIN_CHARS <= chars <= MAX_CHARS and sum(ch.isdigit() for ch in value) >= 2


def cued_iban_ok(value: str) -> bool:
    """12-34 letters and digits: between the shortest BBAN with its country and the longest IBAN."""
    return MIN_IBAN_CHARS <= sum(ch.isalnum() for ch in value) <= MAX_IBAN_CHARS
