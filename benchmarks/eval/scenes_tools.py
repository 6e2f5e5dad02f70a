"""Function-calling scenes: PII in tool-call arguments (JSON strings) and in tool results.

The assistant's call carries values inside `arguments`, a JSON string, and the tool result is a JSON
document: a detector has to read inside both. One benign scene (weather lookup) carries none.
"""

import json

from benchmarks.eval import benign_values as bv
from benchmarks.eval import pii_values as pv
from benchmarks.eval.dialog import Dialog, Turn, tool_call, tool_spec
from benchmarks.eval.people import People
from benchmarks.eval.plan import RecordPlan
from benchmarks.eval.secret_values import ALNUM, chars

CRM_TOOLS = [
    tool_spec("lookup_customer", "Find a customer account by email address.", {"email": "Account email"}),
    tool_spec("update_address", "Change the shipping address of a customer.",
              {"customer_id": "Customer id", "street": "Street and number", "city": "City and postcode"}),
    tool_spec("issue_refund", "Refund an order to a bank account.",
              {"order_id": "Order", "iban": "Destination IBAN", "account_holder": "Name on the account"}),
]


def _call_id(plan: RecordPlan) -> str:
    return "call_" + chars(plan.rng, ALNUM, 12)


def lookup_and_update(plan: RecordPlan, people: People) -> Dialog:
    """Lookup by email, tool result with the customer's record, then an address update call."""
    rng, person = plan.rng, people.person(plan.rng)
    addr = people.address(rng, person.locale)
    email = plan.pii("EMAIL_ADDRESS", person.email)
    name = plan.pii("PERSON", person.full)
    phone = plan.pii("PHONE_NUMBER", pv.phone(rng, person.phone_country))
    street = plan.pii("STREET_ADDRESS", addr.street)
    customer_id = plan.benign("uuid", bv.uuid4(rng))
    order = plan.benign("ticket_id", bv.ticket_id(rng))
    first_id, second_id = _call_id(plan), _call_id(plan)
    user = f"Hi, I need to change where my order goes. My account is {email}, new address {street}, {addr.city_line}."
    lookup = Turn("assistant", tool_calls=[tool_call(first_id, "lookup_customer", json.dumps({"email": email}))])
    result = json.dumps({"customer_id": customer_id, "name": name, "phone": phone, "open_orders": [order],
                         "tier": rng.choice(("standard", "plus"))}, ensure_ascii=False)
    update_args = json.dumps({"customer_id": customer_id, "street": street, "city": addr.city_line},
                             ensure_ascii=False)
    turns = [
        Turn("user", user),
        lookup,
        Turn("tool", result, tool_call_id=first_id),
        Turn("assistant", tool_calls=[tool_call(second_id, "update_address", update_args)]),
        Turn("tool", json.dumps({"ok": True}), tool_call_id=second_id),
        Turn("assistant", f"All set: order {order} will ship to the new address."),
    ]
    rejected = f"Done, {name}. I'll text {phone} when {order} ships to {street}."
    return Dialog(turns, rejected, "You are a support agent with CRM tools.", CRM_TOOLS)


def refund_tool(plan: RecordPlan, people: People) -> Dialog:
    """A refund call whose arguments carry an IBAN and the holder's name."""
    rng, person = plan.rng, people.person(plan.rng)
    name = plan.pii("PERSON", person.full)
    iban = plan.pii("IBAN_CODE", pv.iban(rng))
    order = plan.benign("ticket_id", bv.ticket_id(rng))
    call_id = _call_id(plan)
    # half the time the arguments escape non-ASCII (\u00fc), as json.dumps does by default
    args = json.dumps({"order_id": order, "iban": iban, "account_holder": name}, ensure_ascii=rng.random() < 0.5)
    turns = [
        Turn("user", f"Refund {order} to my account please: {iban}, {name}."),
        Turn("assistant", tool_calls=[tool_call(call_id, "issue_refund", args)],
             reasoning=f"The customer wants a bank refund for {order}; I have the IBAN and holder name."),
        Turn("tool", json.dumps({"status": "queued", "eta_days": rng.randint(2, 7)}), tool_call_id=call_id),
        Turn("assistant", "Your refund is queued and should arrive within a week."),
    ]
    rejected = f"Refund for {order} is going to {iban} ({name})."
    return Dialog(turns, rejected, None, CRM_TOOLS)


def weather_lookup(plan: RecordPlan, people: People) -> Dialog:
    """Benign tool use: a city in the arguments, numbers in the result."""
    rng = plan.rng
    city = plan.benign("city", bv.city(rng))
    call_id = _call_id(plan)
    tools = [tool_spec("get_weather", "Current weather for a city.", {"city": "City name"})]
    temp = rng.randint(-5, 35)
    turns = [
        Turn("user", f"Do I need an umbrella in {city} today?"),
        Turn("assistant", tool_calls=[tool_call(call_id, "get_weather", json.dumps({"city": city},
                                                                                  ensure_ascii=False))]),
        Turn("tool", json.dumps({"temp_c": temp, "rain_mm": rng.choice((0, 0, 2, 8))}), tool_call_id=call_id),
        Turn("assistant", f"It's about {temp} °C in {city}; pack an umbrella if rain is forecast later."),
    ]
    return Dialog(turns, "I can't check the weather.", None, tools)


PII_TOOL_SCENES = (lookup_and_update, refund_tool)
