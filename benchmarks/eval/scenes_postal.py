"""Support and banking scenes for addresses, cards and phones as people in many countries write them.

Addresses are planted by part (street line, unit, postcode; variant = the part) so a half-replaced
address shows as a leaked part; blocks come on separate lines or joined by " / ", in each country's
order. Cards come after a card cue in every network's length, some not Luhn-valid; phones after a phone
cue in national layouts. Order numbers, amounts and versions sit next to them as benign strings.
"""

import random

from benchmarks.eval import benign_values as bv
from benchmarks.eval import pii_values as pv
from benchmarks.eval.dialog import Dialog, Turn
from benchmarks.eval.people import People
from benchmarks.eval.plan import RecordPlan
from benchmarks.eval.postal_addresses import PostalAddress, PostalAddresses, street_without_number

ADDRESSES = PostalAddresses()


def _plant_address(plan: RecordPlan, address: PostalAddress) -> PostalAddress:
    """Label the street line, the unit and the postcode as STREET_ADDRESS parts."""
    plan.pii("STREET_ADDRESS", address.street, variant="street")
    if address.unit:
        plan.pii("STREET_ADDRESS", address.unit, variant="unit")
    plan.pii("STREET_ADDRESS", address.postcode, variant="postcode")
    return address


def _written(rng: random.Random, address: PostalAddress) -> str:
    """The address as one line, as a block of lines, or as a block joined by " / "."""
    lines = address.lines(with_country=rng.random() < 0.6)
    style = rng.random()
    if style < 0.4:
        return ", ".join(lines)
    if style < 0.8:
        return "\n".join(lines)
    return " / ".join(lines)


def address_block(plan: RecordPlan, people: People) -> Dialog:
    """A customer moves or ships abroad and writes the new address as a block or on one line."""
    rng = plan.rng
    address = _plant_address(plan, ADDRESSES.address(rng))
    written = _written(rng, address)
    order = plan.benign("ticket_id", bv.ticket_id(rng))
    user = rng.choice((
        f"Hi, I moved. Please send the replacement card to:\n{written}\nThanks!",
        f"Please ship order {order} to this address:\n\n{written}\n\nThe courier can leave it with a neighbour.",
        f"Update my billing address to {written}. Order {order} should still go to the old one.",
        f"Shipping address\n{written}\n\nCan you confirm the delivery date for {order}?",
    ))
    answer = ("Thanks, the address on your account is updated. Orders placed from now on ship there; open "
              f"orders such as {order} keep the address they were placed with.")
    rejected = f"Sure, {order} goes to {address.street}, {address.city_line()}."
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected, None,
                  extract={"street": address.street, "postcode": address.postcode})


def street_name_only(plan: RecordPlan, people: People) -> Dialog:
    """An address cue and a street without a house number ("I live on Elm Street")."""
    rng = plan.rng
    street = plan.pii("STREET_ADDRESS", street_without_number(rng), variant="no_number")
    city = plan.benign("city", bv.city(rng))
    user = rng.choice((
        f"I live on {street} in {city} and the parcel never arrived.",
        f"The courier says he was at my door but I'm located on {street}, not the next street.",
        f"ship to: {street}, the house with the green door. I'm travelling to {city} next week.",
    ))
    answer = "I've asked the courier to call you before the next delivery attempt."
    return Dialog([Turn("user", user), Turn("assistant", answer)], f"We'll try {street} again.", None,
                  extract={"street": street})


def block_card(plan: RecordPlan, people: People) -> Dialog:
    """A lost or stolen card: its number after a card cue, any network, sometimes not Luhn-valid."""
    rng, person = plan.rng, people.person(plan.rng)
    luhn = rng.random() < 0.8
    card = plan.pii("CREDIT_CARD", pv.card_number(rng, luhn=luhn), variant="after_cue" if luhn else "no_luhn")
    ticket = plan.benign("ticket_id", bv.ticket_id(rng))
    email = plan.pii("EMAIL_ADDRESS", person.email)
    user = rng.choice((
        f"please block card {card}, I lost my wallet. My email is {email}.",
        f"My card number is {card} and it was stolen yesterday. Ticket {ticket} says to write here.",
        f"Bitte sperren Sie meine Kreditkarte {card}. Vorgang {ticket}.",
        f"Pouvez-vous bloquer ma carte {card} ? Référence {ticket}.",
        f"card no.: {card}\nproblem: charged twice for {ticket}\nemail: {email}",
    ))
    answer = (f"The card is blocked and a replacement is on its way. Reference {ticket}. Please don't share "
              "full card numbers in chat.")
    rejected = f"Blocked card {card} for {email}."
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected, None,
                  extract={"card": card, "email": email})


def national_phone(plan: RecordPlan, people: People) -> Dialog:
    """A callback request with a phone number in a national layout, or in non-ASCII digits."""
    rng = plan.rng
    value = pv.national_phone(rng) if rng.random() < 0.85 else pv.phone_in_other_digits(rng)
    phone = plan.pii("PHONE_NUMBER", value, variant="national")
    version = plan.benign("version", bv.version(rng))
    user = rng.choice((
        f"The app ({version}) keeps logging me out. Please call me back, my phone number is {phone}.",
        f"Tél. : {phone} — je suis joignable après 18h.",
        f"ring me on {phone} after work, the update to {version} broke my login",
        f"Kontakt: Tel. {phone}",
        f"You can reach me on {phone}. I'm on version {version}.",
    ))
    answer = "A colleague will call you back within one business day."
    return Dialog([Turn("user", user), Turn("assistant", answer)], f"We'll call {phone}.", None,
                  extract={"phone": phone})


POSTAL_SCENES = (address_block, address_block, street_name_only, block_card, national_phone)
