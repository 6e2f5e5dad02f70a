"""Hand-written makers for structured PII: cards, IBANs, SSNs, phones, IPs, dates, documents.

Checksummed values are valid (Luhn for cards, ISO 13616 mod-97 for IBANs) so a checksum-validating
detector has no excuse to skip them; formats vary the way people type them.
"""

import datetime
import ipaddress
import random
import string

from benchmarks.eval.secret_values import chars

DIGITS = string.digits
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def luhn_complete(partial: str) -> str:
    """`partial` plus the Luhn check digit that makes it valid."""
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:  # these positions are doubled once the check digit is appended
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return partial + str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    """True when the digits of `number` pass the Luhn check."""
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def credit_card(rng: random.Random) -> str:
    """A Luhn-valid Visa, Mastercard, Amex or Discover number, grouped as people write it."""
    prefix, length = rng.choice((("4", 16), ("4", 16), ("5" + rng.choice("12345"), 16), ("2221", 16),
                                 (rng.choice(("34", "37")), 15), ("6011", 16)))
    number = luhn_complete(prefix + chars(rng, DIGITS, length - len(prefix) - 1))
    sep = rng.choice((" ", " ", "-", ""))
    groups = (4, 6, 5) if length == 15 else (4, 4, 4, 4)
    parts, pos = [], 0
    for g in groups:
        parts.append(number[pos:pos + g])
        pos += g
    return sep.join(parts)


def _iban_check(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    return f"{98 - int(numeric) % 97:02d}"


def iban_valid(iban: str) -> bool:
    """True when `iban` (spaces allowed) passes the ISO 13616 mod-97 check."""
    compact = iban.replace(" ", "")
    numeric = "".join(str(int(c, 36)) for c in compact[4:] + compact[:4])
    return int(numeric) % 97 == 1


# country: BBAN shape as (alphabet, count) runs, per the national IBAN formats
_IBAN_BBAN = {
    "DE": ((DIGITS, 18),),
    "GB": ((string.ascii_uppercase, 4), (DIGITS, 14)),
    "FR": ((DIGITS, 23),),
    "ES": ((DIGITS, 20),),
    "NL": ((string.ascii_uppercase, 4), (DIGITS, 10)),
    "IT": ((string.ascii_uppercase, 1), (DIGITS, 22)),
    "PL": ((DIGITS, 24),),
    "CH": ((DIGITS, 17),),
    "AT": ((DIGITS, 16),),
    "BE": ((DIGITS, 12),),
}


def iban(rng: random.Random, country: str | None = None) -> str:
    """A mod-97-valid IBAN, compact or grouped by four."""
    country = country or rng.choice(sorted(_IBAN_BBAN))
    bban = "".join(chars(rng, alphabet, n) for alphabet, n in _IBAN_BBAN[country])
    value = country + _iban_check(country, bban) + bban
    if rng.random() < 0.6:
        value = " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    return value


def us_ssn(rng: random.Random) -> str:
    """A valid-looking SSN: area 001-899 but not 666, group 01-99, serial 0001-9999."""
    area = rng.choice([a for a in range(1, 900) if a != 666])
    value = f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
    return value if rng.random() < 0.85 else value.replace("-", " ")


def phone(rng: random.Random, country: str | None = None) -> str:
    """A phone number in a national or international format (UK/US use the fictional ranges)."""
    d = lambda n: chars(rng, DIGITS, n)
    nz = lambda: rng.choice("23456789")
    shapes = {
        "GB": (f"+44 20 7946 0{d(3)}", f"020 7946 0{d(3)}", f"+44 7700 900{d(3)}", f"07700 900{d(3)}"),
        "US": (f"({nz()}{d(2)}) 555-01{d(2)}", f"{nz()}{d(2)}-555-01{d(2)}", f"+1 {nz()}{d(2)} 555 01{d(2)}",
               f"({nz()}{d(2)}) {nz()}{d(2)}-{d(4)}", f"+1-{nz()}{d(2)}-{nz()}{d(2)}-{d(4)}"),
        "DE": (f"+49 30 {d(7)}", f"+49 (0)89 {d(8)}", f"030 {d(8)}", f"+49 151 {d(8)}", f"0171 {d(7)}"),
        "FR": (f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}", f"06 {d(2)} {d(2)} {d(2)} {d(2)}",
               f"+33 1 {d(2)} {d(2)} {d(2)} {d(2)}"),
        "ES": (f"+34 6{d(2)} {d(3)} {d(3)}", f"6{d(2)} {d(3)} {d(3)}"),
        "IN": (f"+91 9{d(4)} {d(5)}", f"+91-9{d(9)}"),
        "PL": (f"+48 5{d(2)} {d(3)} {d(3)}", f"+48 {nz()}{d(2)}-{d(3)}-{d(3)}"),
        "JP": (f"+81 3-{d(4)}-{d(4)}", f"090-{d(4)}-{d(4)}"),
        "VN": (f"+84 9{d(1)} {d(3)} {d(4)}", f"09{d(2)} {d(3)} {d(3)}"),
        "BR": (f"+55 11 9{d(4)}-{d(4)}", f"(11) 9{d(4)}-{d(4)}"),
        "NL": (f"+31 6 {d(8)}", f"06-{d(8)}"),
    }
    country = country or rng.choice(sorted(shapes))
    return rng.choice(shapes[country])


def public_ipv4(rng: random.Random) -> str:
    """A globally routable IPv4 address (no private, loopback, documentation or multicast range)."""
    while True:
        ip = ipaddress.IPv4Address(rng.getrandbits(32))
        if ip.is_global and not ip.is_multicast and ip.packed[0] < 224:
            return str(ip)


def public_ipv6(rng: random.Random) -> str:
    """A global-unicast IPv6 address outside the 2001:db8::/32 documentation prefix."""
    while True:
        ip = ipaddress.IPv6Address((0x2 << 124) | rng.getrandbits(124) & ((1 << 125) - 1))
        if ip.is_global and not str(ip).startswith("2001:db8"):
            return str(ip)


def private_ipv4(rng: random.Random) -> str:
    """An RFC 1918 address: kept by the default policy."""
    return rng.choice((f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                       f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                       f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"))


def birth_date(rng: random.Random) -> datetime.date:
    """A birth date of an adult customer."""
    return datetime.date(1940, 1, 1) + datetime.timedelta(days=rng.randint(0, 66 * 365))


def format_date(rng: random.Random, day: datetime.date) -> str:
    """A date as people write it: 3 March 1987, March 3, 1987, 1987-03-03, 03/03/1987, 03.03.1987."""
    month = MONTHS[day.month - 1]
    return rng.choice((f"{day.day} {month} {day.year}", f"{month} {day.day}, {day.year}", day.isoformat(),
                       f"{day.month:02d}/{day.day:02d}/{day.year}", f"{day.day:02d}.{day.month:02d}.{day.year}",
                       f"{day.day} {month[:3]} {day.year}"))


def passport_number(rng: random.Random) -> str:
    """A passport number in a US, UK, German, Indian, French or Spanish shape."""
    return rng.choice((
        rng.choice("ACEFHKLMNPRSTUVWXYZ") + chars(rng, DIGITS, 8),  # US next-generation book
        rng.choice("56") + chars(rng, DIGITS, 8),  # US / UK 9 digits
        rng.choice("CFGHJK") + chars(rng, "CFGHJKLMNPRTVWXYZ0123456789", 8),  # German
        rng.choice("JKLMNPRSTUVWZ") + chars(rng, DIGITS, 7),  # Indian
        chars(rng, DIGITS, 2) + chars(rng, string.ascii_uppercase, 2) + chars(rng, DIGITS, 5),  # French
        chars(rng, string.ascii_uppercase, 3) + chars(rng, DIGITS, 6),  # Spanish
    ))


def driver_license(rng: random.Random, last_name: str) -> str:
    """A driver's licence number in a US state, UK or German shape."""
    letters = "".join(c for c in last_name.upper() if "A" <= c <= "Z")[:5].ljust(5, "9")
    d = lambda n: chars(rng, DIGITS, n)
    return rng.choice((
        rng.choice(string.ascii_uppercase) + d(7),  # California
        d(9),  # New York
        f"{rng.choice(string.ascii_uppercase)}{d(3)}-{d(3)}-{d(2)}-{d(3)}-{d(1)}",  # Florida
        d(8),  # Texas
        rng.choice(string.ascii_uppercase) + d(11),  # Illinois
        f"{letters}{d(6)}{chars(rng, string.ascii_uppercase, 2)}{d(1)}{chars(rng, string.ascii_uppercase, 2)}",
        rng.choice(string.ascii_uppercase) + d(3) + chars(rng, string.ascii_uppercase + DIGITS, 7),  # DE
    ))


# Card networks: (IIN prefixes, lengths). Luhn-valid unless asked otherwise; grouped as printed.
_CARD_NETWORKS = {
    "visa": (("4",), (13, 16, 19)),
    "mastercard": (("51", "53", "55", "2221", "2720"), (16,)),
    "amex": (("34", "37"), (15,)),
    "discover": (("6011", "65"), (16,)),
    "diners": (("36", "38", "300", "305"), (14,)),
    "jcb": (("3528", "3566", "3589"), (16,)),
    "jcb15": (("2131", "1800"), (15,)),
    "maestro": (("5018", "5020", "5038", "6304", "6759", "6761", "6763"), (12, 13, 16, 19)),
    "unionpay": (("62",), (16, 19)),
}


def card_number(rng: random.Random, network: str | None = None, luhn: bool = True) -> str:
    """A card number of any network and length (12-19 digits), plain, or grouped by 4 with spaces or dashes."""
    network = network or rng.choice(sorted(_CARD_NETWORKS))
    prefixes, lengths = _CARD_NETWORKS[network]
    prefix, length = rng.choice(prefixes), rng.choice(lengths)
    number = luhn_complete(prefix + chars(rng, DIGITS, length - len(prefix) - 1))
    if not luhn:  # a mistyped or made-up number: the last digit is off
        number = number[:-1] + str((int(number[-1]) + rng.randint(1, 9)) % 10)
    sep = rng.choice(("", " ", " ", "-"))
    return sep.join(number[i:i + 4] for i in range(0, length, 4)) if sep else number


def _grouped(digits: str, groups: tuple[int, ...], sep: str) -> str:
    parts, pos = [], 0
    for g in groups:
        parts.append(digits[pos:pos + g])
        pos += g
    return sep.join(parts)


def national_phone(rng: random.Random, country: str | None = None) -> str:
    """A phone number in a country's national layout (trunk 0, dotted, slashed, grouped), no country code."""
    d = lambda n: chars(rng, DIGITS, n)
    nz = lambda: rng.choice("23456789")
    shapes = {
        "FR": lambda: _grouped(f"0{rng.choice('1234567')}{d(8)}", (2, 2, 2, 2, 2), rng.choice((".", " "))),
        "NO": lambda: _grouped(f"{rng.choice('49')}{d(7)}", rng.choice(((2, 2, 2, 2), (3, 2, 3))), " "),
        "DK": lambda: _grouped(f"{nz()}{d(7)}", (2, 2, 2, 2), " "),
        "EE": lambda: f"5{d(3)} {d(4)}",
        "SE": lambda: f"07{rng.choice('02369')}-{d(3)} {d(2)} {d(2)}",
        "CH": lambda: f"07{rng.choice('6789')} {d(3)} {d(2)} {d(2)}",
        "AT": lambda: f"06{rng.choice(('64', '76', '99'))}/{d(7)}",
        "DE": lambda: rng.choice((f"030/{nz()}{d(7)}", f"017{rng.randint(0, 9)} {nz()}{d(6)}")),
        "HU": lambda: f"06 {rng.choice(('20', '30', '70'))} {nz()}{d(2)} {d(4)}",
        "CZ": lambda: f"{rng.choice('67')}{d(2)} {d(3)} {d(3)}",
        "IT": lambda: f"3{rng.randint(20, 49)} {d(3)} {d(4)}",
        "BE": lambda: f"04{rng.choice('6789')}{d(1)} {d(2)} {d(2)} {d(2)}",
        "FI": lambda: f"04{rng.choice('045')} {d(3)} {d(4)}",
        "AU": lambda: rng.choice((f"04{d(2)} {d(3)} {d(3)}", f"04{d(2)}.{d(3)}.{d(3)}")),
        "IE": lambda: f"08{rng.choice('35679')} {d(3)} {d(4)}",
        "HR": lambda: f"0{rng.choice('12345')}{d(1)} {d(3)} {d(3)}",
    }
    country = country or rng.choice(sorted(shapes))
    return shapes[country]()


_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def phone_in_other_digits(rng: random.Random) -> str:
    """A phone number written with Arabic-Indic or full-width digits (UAE mobile, Japanese mobile)."""
    if rng.random() < 0.5:
        return f"05{rng.choice('0245')}{chars(rng, DIGITS, 7)}".translate(_ARABIC_INDIC)
    return f"090-{chars(rng, DIGITS, 4)}-{chars(rng, DIGITS, 4)}".translate(_FULL_WIDTH)


def iban_bad_check(rng: random.Random) -> str:
    """An IBAN-shaped value whose check digits are wrong (mistyped): only a cue word says what it is."""
    compact = iban(rng).replace(" ", "")
    good = int(compact[2:4])
    bad = rng.choice([n for n in range(2, 99) if n != good])
    value = f"{compact[:2]}{bad:02d}{compact[4:]}"
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if rng.random() < 0.5 else value


def ssn_not_issued(rng: random.Random) -> str:
    """An SSN-shaped value the SSA never issues (area 000, 666 or 9xx, or the 123-45-6789 example)."""
    area = rng.choice(("000", "666", f"9{chars(rng, DIGITS, 2)}", "123"))
    if area == "123":
        return "123-45-6789"
    return f"{area}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def _dni_letter(number: int) -> str:
    return "TRWAGMYFPDXBNJZSQVHLCKE"[number % 23]


def _cpf(rng: random.Random) -> str:
    digits = [rng.randint(0, 9) for _ in range(9)]
    for size in (10, 11):
        total = sum(d * w for d, w in zip(digits, range(size, 1, -1)))
        digits.append(0 if total % 11 < 2 else 11 - total % 11)
    s = "".join(map(str, digits))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


def id_number(rng: random.Random, kind: str) -> str:
    """A personal identifier of `kind` (tax, national, patient, employee, insurance) in a country's shape."""
    d = lambda n: chars(rng, DIGITS, n)
    up = lambda n: chars(rng, string.ascii_uppercase, n)
    if kind == "tax":
        return rng.choice((f"{d(2)}-{d(7)}", f"{rng.randint(1, 9)}{d(9)}", f"{up(5)}{d(4)}{up(1)}",
                           f"{rng.randint(1, 9)}{d(10)}"))  # US EIN, UK UTR, Indian PAN, German Steuer-ID
    if kind == "national":
        number = rng.randint(10000000, 99999999)
        return rng.choice((f"{number}{_dni_letter(number)}", _cpf(rng),
                           f"{rng.randint(2, 9)}{d(3)} {d(4)} {d(4)}", f"{up(2)}{d(6)}{rng.choice('ABCD')}"))
    if kind == "patient":
        return rng.choice((d(rng.randint(7, 10)), f"PT-{d(6)}", f"{up(1)}{d(7)}", f"{d(3)} {d(3)} {d(4)}"))
    if kind == "employee":
        return rng.choice((f"EMP{d(6)}", f"E-{d(5)}", f"{up(2)}{d(5)}", d(6)))
    if kind == "insurance":
        return rng.choice((f"{up(3)}{d(9)}", f"{d(3)}-{d(3)}-{d(3)}", f"{up(1)}{d(8)}-{d(2)}"))
    raise ValueError(f"id_number: unknown kind {kind!r}; use tax, national, patient, employee or insurance")


def mac_address(rng: random.Random) -> str:
    """A unicast MAC address, colon- or dash-separated, lower or upper case."""
    octets = [rng.randint(0, 255) for _ in range(6)]
    octets[0] &= 0xFE  # unicast
    octets[1] |= 0x10  # never all zeros
    sep = rng.choice((":", ":", "-"))
    text = sep.join(f"{o:02x}" for o in octets)
    return text.upper() if rng.random() < 0.4 else text


def imei(rng: random.Random) -> str:
    """A 15-digit IMEI with a valid Luhn check digit (TAC of a common maker range)."""
    return luhn_complete(rng.choice(("35", "86", "01", "99")) + chars(rng, DIGITS, 12))


_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_VALUE = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
              **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin(rng: random.Random) -> str:
    """A 17-character VIN (no I, O, Q) with a valid North-American check digit in position 9."""
    body = list(chars(rng, _VIN_CHARS, 17))
    body[9] = rng.choice("ABCDEFGHJKLMNPRSTVWXY123456789")  # model year
    total = sum(_VIN_VALUE[c] * w for c, w in zip(body, _VIN_WEIGHTS))
    body[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(body)


def vin_valid(value: str) -> bool:
    """True when the VIN's check digit (position 9) matches its other characters."""
    total = sum(_VIN_VALUE[c] * w for c, w in zip(value, _VIN_WEIGHTS))
    return len(value) == 17 and value[8] == ("X" if total % 11 == 10 else str(total % 11))


def ethereum_address(rng: random.Random) -> str:
    """An Ethereum account: 0x + 40 hex digits, lower case or with mixed-case letters."""
    body = chars(rng, "0123456789abcdef", 40)
    if rng.random() < 0.4:
        body = "".join(c.upper() if c.isalpha() and rng.random() < 0.5 else c for c in body)
    return "0x" + body


def coordinates(rng: random.Random) -> str:
    """A latitude, longitude pair on land-ish ranges with 5 decimals."""
    lat, lon = rng.uniform(-55, 70), rng.uniform(-170, 175)
    return rng.choice((f"{lat:.5f}, {lon:.5f}", f"{lat:.5f},{lon:.5f}"))


def card_security_code(rng: random.Random, amex: bool = False) -> str:
    """A card's CVV/CVC: 3 digits (4 on Amex)."""
    return chars(rng, DIGITS, 4 if amex else 3)


def browser_user_agent(rng: random.Random) -> str:
    """A browser user-agent string (Chrome, Firefox, Safari, Edge) with a versioned platform part."""
    chrome = f"{rng.randint(100, 131)}.0.{rng.randint(4000, 6999)}.{rng.randint(10, 250)}"
    platform = rng.choice(("Windows NT 10.0; Win64; x64", "Macintosh; Intel Mac OS X 10_15_7",
                           "X11; Linux x86_64", f"Linux; Android {rng.randint(10, 14)}; Pixel {rng.randint(5, 8)}"))
    return rng.choice((
        f"Mozilla/5.0 ({platform}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Safari/537.36",
        f"Mozilla/5.0 ({platform}; rv:{rng.randint(110, 132)}.0) Gecko/20100101 Firefox/{rng.randint(110, 132)}.0",
        (f"Mozilla/5.0 (iPhone; CPU iPhone OS 17_{rng.randint(0, 6)} like Mac OS X) AppleWebKit/605.1.15 "
         f"(KHTML, like Gecko) Version/17.{rng.randint(0, 6)} Mobile/15E148 Safari/604.1"),
        (f"Mozilla/5.0 ({platform}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Safari/537.36 "
         f"Edg/{chrome}"),
    ))
