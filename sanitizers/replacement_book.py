"""Per-record memory of replacements: the same value gets the same replacement in every turn."""

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

import regex as re

from sanitizers.entities import is_secret_entity
from sanitizers.name_particles import PARTICLES
from sanitizers.placeholder_text import placeholder_text

if TYPE_CHECKING:
    from presidio_anonymizer.operators import Operator


# A word of a name, with inner apostrophes and hyphens (O'Brien, Okonkwo-Lindqvist); initials are no part.
_NAME_PART = re.compile(r"\p{L}[\p{L}'’-]*\p{L}")


class ReplacementBook:
    """Maps (entity type, value) to a replacement within one record; values live only in memory.

    Secrets always get a placeholder, whatever operator is chosen for PII: a key-shaped fake would look
    like a leak to every reviewer and scanner downstream. `pii_operator` (a presidio Operator) replaces
    PII; without one PII gets placeholders too, and presidio is never imported.
    """

    def __init__(self, pii_operator: "Operator | None" = None):
        self._pii_operator = pii_operator
        self._by_value: dict[tuple[str, str], str] = {}
        self._counters: defaultdict[str, int] = defaultdict(int)
        self._name_owner: dict[str, str] = {}  # a part of a full name -> the full name (link_names)

    def link_names(self, names: Iterable[str]) -> None:
        """Let a part of a full name share the full name's replacement: after "Bartholomew Okonkwo-Lindqvist"
        (or before it) "Bartholomew" and "Okonkwo-Lindqvist" are the same person. A part that belongs to two
        different full names of the record ("Maria" of "Maria Lopez" and "Maria Chen") keeps its own."""
        owners: dict[str, set[str]] = defaultdict(set)
        for name in names:
            full = _normalise("PERSON", name)
            parts = [part for part in _NAME_PART.findall(full) if part not in PARTICLES]
            if len(parts) > 1:
                for part in parts:
                    owners[part].add(full)
        self._name_owner = {part: next(iter(fulls)) for part, fulls in owners.items() if len(fulls) == 1}

    def replacement(self, entity_type: str, value: str) -> str:
        """The replacement for `value`, numbered in order of first appearance per type."""
        key = (entity_type, _normalise(entity_type, value))
        if entity_type == "PERSON" and self._name_owner:
            owners = {self._name_owner.get(part) for part in _NAME_PART.findall(key[1]) if part not in PARTICLES}
            if len(owners) == 1 and None not in owners:
                key = (entity_type, owners.pop())
        found = self._by_value.get(key)
        if found is None:
            self._counters[entity_type] += 1
            index = self._counters[entity_type]
            if self._pii_operator is None or is_secret_entity(entity_type):
                found = placeholder_text(entity_type, index)
            else:
                found = self._pii_operator.operate(text=key[1], params={"entity_type": entity_type, "index": index})
            self._by_value[key] = found
        return found

    def __repr__(self) -> str:
        return f"ReplacementBook({len(self._by_value)} values)"


def _normalise(entity_type: str, value: str) -> str:
    # "Jane Doe" and "jane  doe", or an email in two cases, are the same person.
    if entity_type in ("PERSON", "EMAIL_ADDRESS"):
        return " ".join(value.split()).casefold()
    return value


def book_factory(options: "DetectionOptions") -> "Callable[[], ReplacementBook]":  # noqa: F821
    """A factory of per-record books using the PII operator `options` asks for."""
    from schemas.run_config import Operator as OperatorChoice

    if options.operator == OperatorChoice.SURROGATE:
        from sanitizers.operators.surrogate import Surrogate

        surrogate = Surrogate()
        return lambda: ReplacementBook(surrogate)
    return ReplacementBook
