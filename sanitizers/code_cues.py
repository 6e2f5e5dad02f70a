"""Cue words that announce a device, vehicle, wallet, card-security or bank code (rules as data).

One table, `CODE_CUES`: kind -> cue words (regex sources, matched in any case unless a row says
`(?-i:...)`). Each recognizer builds its cued patterns with `cued_regex(kind, value)`: a cue, optional
number words ("number", "no.", "#", "code", "address"), separators ("is", ":", "=", a quote, an
opening bracket), then the kind's own value shape. A value after its cue is taken on the cue's word
alone, whatever its checksum: synthetic and test data write IMEIs, VINs and wallet addresses that no
validator accepts, and a cue word naming the code is the evidence. Without a cue, each recognizer asks
for its shape and its checksum where it has one (Luhn for an IMEI, the VIN check digit, base58check).
"""

CODE_CUES: dict[str, tuple[str, ...]] = {
    # A phone's or modem's IMEI (15 digits, 16 for IMEISV) and the MEID of CDMA phones.
    "IMEI": (r"imei(?:sv)?|meid",),
    # A vehicle's identification number; "chassis number" and "frame number" in other markets.
    "VIN": (r"(?-i:VIN)|vin\s+(?:number|no\.?|#|code)|vehicle\s+identifi(?:cation|er)(?:\s+number)?|chassis\s+(?:number|no\.?)",),
    # A registration plate: "license plate", "number plate", "plate number", "vehicle registration", the UK's VRM.
    "PLATE": (
        (r"(?:licen[cs]e|number|registration|reg\.?|car|vehicle)\s+plates?|plate\s+(?:number|no\.?|#)|"
        r"vehicle\s+registration(?:\s+(?:number|no\.?|mark))?|(?-i:VRM|VRN)"),
    ),
    # A cryptocurrency address: the coin's name or ticker, "wallet", "crypto address".
    "CRYPTO": (
        (r"(?:bitcoin|btc|ethereum|ether|eth|litecoin|ltc|dogecoin|doge|crypto(?:currency)?|usdt|usdc)"
        r"(?:\s+(?:wallet|address|addr|account))*"),
        r"(?:wallet|receiving|sending|deposit|withdrawal|payout)\s+(?:wallet\s+)?(?:address|addr|id)",
        r"wallet",
    ),
    # A payment card's verification value, under each network's name.
    "CVV": (
        (r"cvv2?|cvc2?|cvn|cav2|cid\s+code|card\s+(?:verification|security|validation)\s+(?:code|value|number)|"
        r"security\s+code|(?-i:CSC)"),
    ),
    # A PIN; "PIN code" is also India's postal code (6 digits), so a PIN after "code" has 4 or 5 digits.
    "PIN": (r"(?:(?-i:PIN)|(?:atm|card|debit|credit|bank|account|secret|my|your|the|his|her|their|our)\s+pin)(?![\s-]*code)(?:\s*(?:number|no\.?|#))?",),
    "PIN_CODE": (r"(?:(?-i:PIN)|(?:atm|card|debit|credit|bank|account|secret)\s+pin)[\s-]*code|pincode",),
    # A bank's BIC / SWIFT code, and India's IFSC (the branch code of an account, written with it).
    "BIC": (r"(?:bic|swift)(?:\s*/\s*(?:bic|swift))?|ifsc",),
    # A place given as a latitude and longitude.
    "COORDINATES": (
        (r"coordinates?|co-ordinates|coords|gps|geo(?:-?location|tag)?|lat(?:itude)?\s*[/,&]\s*lo?ng?(?:itude)?|"
        r"latitude\s+and\s+longitude|location|located\s+at|position|pinned\s+at"),
    ),
}

# Number words and separators between a cue and its value: "number", "no.", "#", "code"; "is", ":", "of".
_NUMBER_WORDS = r"(?:[\s-]*(?:number|num|no\.?|nr\.?|#|id|code|address|addr|details|value))*"
_SEPARATORS = r"(?:\s*(?:is|was|reads|of|:|-|–|=|#|\(|at|on|to))*\s*[\"'‘“(\[]?\s*"
# Whose or what the code is, between the cue and "is" or ":" in prose: "the license plate number for the
# vehicle is ...". (Not in `identifier_cues`: there it made Hyperscan's witness of the ungated ID_NUMBER
# pattern pass half of all texts.)
_OWNER = (
    r"(?:\s+(?:for|of|on)\s+(?:(?:the|this|that|my|your|his|her|their|our|its|each)\s+)?[a-z]+(?:[ -][a-z]+)?"
    r"(?=\s+(?:is|was)\b|\s*:))?"
)


def cued_regex(kind: str, value: str) -> str:
    """The regex of a `value` (its own shape) right after one of `kind`'s cue words; the value is its `value` group."""
    cues = "|".join(CODE_CUES[kind])
    return rf"(?<![\w/-])(?:{cues})(?:'s)?\b{_NUMBER_WORDS}{_OWNER}{_SEPARATORS}(?P<value>{value})"
