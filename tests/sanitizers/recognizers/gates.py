"""The gate check every pattern recognizer's tests run: a gate is a necessary condition of its pattern."""


def rejecting_gates(recognizer, text: str) -> list[str]:
    """The names of `recognizer`'s patterns that match `text` but whose gate rejects it (a gate that is false
    where its pattern matches would hide a value)."""
    return [pattern.name for pattern, compiled, gate in recognizer._compiled
            if gate is not None and compiled.search(text) and not gate(text)]
