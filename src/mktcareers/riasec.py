"""The six RIASEC interest areas (Holland codes) as O*NET names them, in O*NET's order."""

RIASEC = ("R", "I", "A", "S", "E", "C")
RIASEC_NAMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
