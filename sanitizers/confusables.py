"""Look-alike letters and digits (Unicode confusables) mapped to the ASCII character they imitate.

Data only: the letters of other scripts that render like a Latin letter or digit in common fonts,
chosen from Unicode's confusables list (UTS #39, `confusables.txt`) for the targets a-z, A-Z, 0-9 and
"-". Used by `shadow_text` to read `ghр_…` (Cyrillic `р`) as `ghp_…`, and only next to ASCII letters
and digits, so prose in Cyrillic or Greek keeps its own letters. Limits: confusables that NFKC already
folds (full-width and mathematical letters) are not repeated here; rarer scripts (Cherokee, Canadian
syllabics) are not covered; the en dash is left out on purpose ("2019–2020" is prose, not an evasion).
"""

# Cyrillic small and capital letters.
_CYRILLIC = {
    "а": "a", "ԁ": "d", "е": "e", "һ": "h", "і": "i", "ј": "j", "к": "k", "о": "o", "р": "p", "ԛ": "q",
    "г": "r", "ѕ": "s", "ѵ": "v", "ԝ": "w", "х": "x", "у": "y", "ӏ": "l", "ү": "y", "с": "c",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K", "М": "M", "О": "O",
    "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y", "Ԁ": "D", "Ԍ": "G", "Ԛ": "Q", "Ԝ": "W",
    "Ӏ": "I", "З": "3",
}
# Greek small and capital letters.
_GREEK = {
    "α": "a", "ϲ": "c", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "γ": "y", "ω": "w",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "Ϲ": "C", "Ϳ": "J",
}
# Armenian, Latin extensions and letter-like symbols that read as ASCII.
_OTHER = {
    "օ": "o", "ս": "u", "ց": "g", "հ": "h", "ո": "n", "զ": "q", "Տ": "S", "Օ": "O",
    "ı": "i", "ȷ": "j", "ɑ": "a", "ɡ": "g", "ɩ": "i", "ʏ": "y", "ᴀ": "A", "ᴄ": "c", "ᴏ": "o", "ᴠ": "v",
    "ᴡ": "w", "ᴢ": "z", "ℓ": "l", "℮": "e", "ǀ": "l", "‐": "-", "‑": "-", "−": "-", "˗": "-",
    "ꓲ": "I", "ꓳ": "O", "ꓴ": "U", "ꓖ": "G",
}

CONFUSABLES: dict[str, str] = {**_CYRILLIC, **_GREEK, **_OTHER}
