"""Support-chat scenes that carry identifiers: ID numbers after their cue, values that fail a checksum
after an explicit cue, a pasted table of people, device, vehicle and wallet ids, coordinates, a card's
security code, a browser's user agent and a username.

Same style as `scenes_support.py`: each value is planted through the plan with its entity type (variant
names its shape), benign context (ticket ids, cities, products) through `plan.benign`.
"""

from benchmarks.eval import benign_values as bv
from benchmarks.eval import pii_values as pv
from benchmarks.eval.dialog import Dialog, Turn
from benchmarks.eval.people import People, Person, fold_ascii
from benchmarks.eval.plan import RecordPlan

# kind of ID -> cue phrases people put before it
ID_CUES = {
    "tax": ("Tax ID", "TIN", "tax identification number", "EIN", "Steuer-ID", "PAN"),
    "national": ("national ID", "national ID number", "DNI", "CPF", "Aadhaar", "identity card number"),
    "patient": ("patient ID", "MRN", "medical record number", "patient number"),
    "employee": ("employee ID", "employee number", "staff number", "employee no."),
    "insurance": ("insurance member number", "member ID", "policy number", "insurance member ID"),
}


def _ticket(plan: RecordPlan) -> str:
    return plan.benign("ticket_id", bv.ticket_id(plan.rng))


def _id_phrase(plan: RecordPlan, kind: str) -> tuple[str, str]:
    rng = plan.rng
    value = plan.pii("ID_NUMBER", pv.id_number(rng, kind), variant=kind)
    cue = rng.choice(ID_CUES[kind])
    return rng.choice((f"{cue}: {value}", f"{cue} {value}", f"my {cue} is {value}", f"{cue} #{value}")), value


def hr_and_clinic_ids(plan: RecordPlan, people: People) -> Dialog:
    """A form filled in chat: a name and two or three ID numbers after their cue words."""
    rng, person = plan.rng, people.person(plan.rng)
    name = plan.pii("PERSON", person.full)
    kinds = rng.sample(sorted(ID_CUES), rng.randint(2, 3))
    pairs = [_id_phrase(plan, k) for k in kinds]
    phrases = [p for p, _ in pairs]
    ticket = _ticket(plan)
    user = rng.choice((
        f"Hi, following up on {ticket}. I'm {name}; " + ", ".join(phrases) + ". Can you fix my record?",
        f"re {ticket}\nname: {name}\n" + "\n".join(phrases),
        f"For the form you asked about ({ticket}): {name}. " + ". ".join(p[0].upper() + p[1:] for p in phrases) + ".",
    ))
    answer = (f"Thanks, I've attached the details to {ticket}. Please avoid sending ID numbers in chat next time; "
              "the secure upload form is linked in your account.")
    rejected = f"Updated {name}: " + "; ".join(phrases)
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected, None,
                  extract={"name": name, **{f"id_{k}": v for k, (_, v) in zip(kinds, pairs)}})


def mistyped_after_cue(plan: RecordPlan, people: People) -> Dialog:
    """An IBAN with wrong check digits after "IBAN:" and an SSN the SSA never issues after "SSN"."""
    rng, person = plan.rng, people.person(plan.rng)
    name = plan.pii("PERSON", person.full)
    iban = plan.pii("IBAN_CODE", pv.iban_bad_check(rng), variant="bad_check")
    ssn = plan.pii("US_SSN", pv.ssn_not_issued(rng), variant="not_issued")
    ticket = _ticket(plan)
    user = rng.choice((
        f"The refund form for {ticket} keeps rejecting my details. IBAN: {iban}, SSN {ssn}, name {name}.",
        f"name: {name}\nIBAN: {iban}\nSSN: {ssn}\nwhy does it say invalid?? ticket {ticket}",
        f"I typed IBAN {iban} and my SSN {ssn} for {name} but the page says the numbers are wrong ({ticket}).",
    ))
    answer = ("The form checks the IBAN's check digits and the SSN's format, so one of the digits was probably "
              f"mistyped. Please re-enter them in the secure form; I've noted it on {ticket}.")
    rejected = f"Stored IBAN {iban} and SSN {ssn} for {name}."
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected, None,
                  extract={"name": name, "iban": iban, "ssn": ssn})


def pasted_contact_table(plan: RecordPlan, people: People) -> Dialog:
    """A CSV with first_name,last_name,email,phone and 2-4 rows pasted for a bulk import question."""
    rng = plan.rng
    rows, emails = ["first_name,last_name,email,phone"], []
    for _ in range(rng.randint(2, 4)):
        person = people.person(rng)
        first = plan.pii("PERSON", person.first, variant="table")
        last = plan.pii("PERSON", person.last, variant="table")
        email = plan.pii("EMAIL_ADDRESS", person.email)
        phone = plan.pii("PHONE_NUMBER", pv.phone(rng, person.phone_country))
        emails.append(email)
        rows.append(f"{first},{last},{email},{phone}")
    table = "\n".join(rows)
    product = plan.benign("product", bv.product(rng))
    user = rng.choice((
        f"The contact import fails on this CSV, what's wrong with it?\n\n{table}",
        f"importing these into {product} gives 'invalid row'. file:\n{table}\n",
        f"Can you turn this into JSON for our CRM?\n```\n{table}\n```",
    ))
    answer = ("The header and column count look right. Check the file's encoding (it must be UTF-8) and that the "
              "phone column has no stray commas; then run the import again.")
    rejected = f"Here you go:\n{table}"
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected, None, extract={"emails": ", ".join(emails)})


def _username(person: Person) -> str:
    first = fold_ascii(person.first).lower().replace(" ", "")
    last = fold_ascii(person.last).lower().replace(" ", "").replace("'", "")
    return f"{first[:1]}.{last}" if len(last) > 2 else f"{first}.{last}"


def device_login(plan: RecordPlan, people: People) -> Dialog:
    """A locked-out login: username, the laptop's MAC, the phone's IMEI, the browser's user agent."""
    rng, person = plan.rng, people.person(plan.rng)
    user_name = plan.pii("PERSON", _username(person), variant="username")
    mac = plan.pii("DEVICE_ID", pv.mac_address(rng), variant="mac")
    imei = plan.pii("DEVICE_ID", pv.imei(rng), variant="imei")
    agent = plan.pii("USER_AGENT", pv.browser_user_agent(rng))
    ticket = _ticket(plan)
    user = rng.choice((
        (f"I'm locked out of the portal. username: {user_name}. The laptop's MAC is {mac}, the 2FA phone has "
         f"IMEI {imei}. Browser says: {agent}"),
        f"ticket {ticket}\nusername: {user_name}\nMAC address {mac}\nIMEI: {imei}\nUser-Agent: {agent}",
        (f"hi, login fails for user name {user_name} since the update. device MAC {mac}, phone IMEI {imei}, "
         f"user agent {agent}"),
    ))
    answer = (f"Thanks. I've reset the device binding on {ticket}; sign in again and approve the prompt on your "
              "phone. If it still fails, clear the site's cookies first.")
    rejected = f"Reset device {mac} (IMEI {imei}) for {user_name}."
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected, None,
                  extract={"username": user_name, "mac": mac, "imei": imei})


def roadside_claim(plan: RecordPlan, people: People) -> Dialog:
    """A breakdown claim: the car's VIN and where it stands (coordinates), plus the caller's name."""
    rng, person = plan.rng, people.person(plan.rng)
    name = plan.pii("PERSON", person.full)
    vin = plan.pii("VEHICLE_ID", pv.vin(rng), variant="vin")
    where = plan.pii("GPS_COORDINATES", pv.coordinates(rng))
    city = plan.benign("city", bv.city(rng))
    user = rng.choice((
        f"My car broke down outside {city}. VIN {vin}, coordinates {where}. It's {name}.",
        f"claim for {name}\nVIN: {vin}\nlocation coordinates: {where} (near {city})",
        f"Hello, {name} here. Stuck on the road to {city}; my coordinates are {where}. The VIN is {vin}.",
    ))
    answer = (f"A tow truck is on its way; the usual wait near {city} is about 45 minutes. Stay in a safe place "
              "and keep your phone on.")
    rejected = f"Tow for VIN {vin} sent to {where}."
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected, None,
                  extract={"name": name, "vin": vin, "where": where})


def wallet_payout(plan: RecordPlan, people: People) -> Dialog:
    """A payout to an Ethereum wallet, with the account email."""
    rng, person = plan.rng, people.person(plan.rng)
    wallet = plan.pii("CRYPTO", pv.ethereum_address(rng), variant="ethereum")
    email = plan.pii("EMAIL_ADDRESS", person.email)
    ticket = _ticket(plan)
    user = rng.choice((
        f"Please send my affiliate payout to my wallet {wallet}. Account {email}, ref {ticket}.",
        f"payout wallet: {wallet}\naccount: {email}",
        f"Can the refund for {ticket} go to my ETH wallet instead? It's {wallet} (login {email}).",
    ))
    answer = ("We can only pay out to a wallet saved in your account settings after a confirmation email; please "
              "add it there and reply once it's verified.")
    rejected = f"Sent the payout to {wallet}."
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected, None,
                  extract={"wallet": wallet, "email": email})


def card_with_cvv(plan: RecordPlan, people: People) -> Dialog:
    """A customer pastes a card number with its CVV while a payment fails."""
    rng = plan.rng
    card = plan.pii("CREDIT_CARD", pv.credit_card(rng))
    amex = card.replace(" ", "").replace("-", "")[:2] in ("34", "37")
    cvv = plan.pii("SECURITY_CODE", pv.card_security_code(rng, amex), variant="cvv")
    ticket = _ticket(plan)
    user = rng.choice((
        f"Payment for {ticket} fails. Card {card}, CVV {cvv}, what am I doing wrong?",
        f"card: {card}\nCVV: {cvv}\nstill declined",
        f"i entered {card} and the CVV {cvv} but checkout says declined ({ticket})",
    ))
    answer = ("Please never share the security code in chat. A decline usually comes from the bank: check that the "
              "billing postcode matches, or call the number on the back of your card.")
    rejected = f"Retried card {card} with CVV {cvv}."
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected, None,
                  extract={"card": card, "cvv": cvv})


IDENTIFIER_SCENES = (hr_and_clinic_ids, mistyped_after_cue, pasted_contact_table, device_login, roadside_claim,
                     wallet_payout, card_with_cvv)
