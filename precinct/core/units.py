"""Units of measure shared by every domain's figures: masses said the way the ministry says them."""

from decimal import Decimal

WORDS = {
    "en": (("ton", "tons"), ("kilogram", "kilograms"), ("gram", "grams")),
    "az": (("ton", "ton"), ("kiloqram", "kiloqram"), ("qram", "qram")),
    "ru": (("т", "т"), ("кг", "кг"), ("г", "г")),
}


def mass_text(mass: Decimal | None, language: str = "en") -> str:
    """A mass as the ministry writes it: "4 tons 18 kilograms", "343 kilograms", "12 kilograms 300
    grams", "250 grams" (tons with whole kilograms; below a ton, kilograms with whole grams)."""
    if mass is None:
        return "—"
    words = WORDS.get(language, WORDS["en"])
    sign = "-" if mass < 0 else ""
    whole = abs(Decimal(mass))
    if whole >= 1_000_000:
        tons, kilograms = divmod(int((whole / 1000).quantize(Decimal(1))), 1000)
        parts = [(tons, 0), (kilograms, 1)]
    else:
        kilograms, grams_ = divmod(int(whole.quantize(Decimal(1))), 1000)
        parts = [(kilograms, 1), (grams_, 2)]
    said = [f"{amount} {words[index][amount != 1]}" for amount, index in parts if amount]
    return sign + (" ".join(said) if said else f"0 {words[2][1]}")
