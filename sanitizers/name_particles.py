"""Particles that stand inside personal names: "Ana de la Cruz", "Ludwig van Beethoven", "Omar bin Laden"."""

PARTICLES = frozenset(
    ("de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "des", "la", "le", "van", "von",
     "ter", "ten", "bin", "binti", "ibn", "al", "el", "y")
)
