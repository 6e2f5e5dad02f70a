"""What one generated record carries: planted values, benign strings and near-miss secrets.

Builders call `plan.pii(...)`, `plan.secret(...)`, `plan.benign(...)` and `plan.near_miss(...)` as they
write text, so the labels are recorded at the moment a value is placed. A benign-only plan refuses any
planted value, which makes "benign-only" true by construction rather than by inspection.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Planted:
    """One planted value: `value` is written verbatim; `core` is the part that must not survive."""

    entity: str
    value: str
    core: str
    variant: str = ""  # which shape of the entity (legacy_hex, fine_grained, ...), for per-shape scores
    same_as: str = ""  # a partial repeat of a name: the full name whose placeholder it must share


@dataclass
class RecordPlan:
    """Accumulates the labels of the record being built."""

    rng: random.Random
    benign_only: bool
    deal_secret_kind: Callable[[], str]  # next secret maker key, dealt evenly across the whole set
    planted_values: list[tuple[str, Planted]] = field(default_factory=list)  # (kind, value)
    benign_strings: list[tuple[str, str]] = field(default_factory=list)  # (benign class, string)
    near_miss_strings: list[tuple[str, str]] = field(default_factory=list)  # (mimicked entity, string)

    def pii(self, entity: str, value: str, variant: str = "", same_as: str = "") -> str:
        """Record a PII value (of shape `variant`, for per-shape scores) and return it for the text.

        `same_as`: the full name a partial repeat ("Bartholomew") belongs to; the scorer checks both
        got the same placeholder.
        """
        return self._plant("pii", Planted(entity, value, value, variant, same_as))

    def secret(self, planted: Planted) -> str:
        """Record a fake secret and return its text."""
        return self._plant("secret", planted)

    def benign(self, cls: str, value: str) -> str:
        """Record a string that must survive sanitizing verbatim and return it."""
        self.benign_strings.append((cls, value))
        return value

    def near_miss(self, entity: str, value: str) -> str:
        """Record a string that looks like an `entity` secret but is not one, and return it."""
        self.near_miss_strings.append((entity, value))
        return value

    def _plant(self, kind: str, planted: Planted) -> str:
        if self.benign_only:
            raise ValueError(f"benign-only record asked for a {planted.entity} value: a builder bug")
        self.planted_values.append((kind, planted))
        return planted.value
