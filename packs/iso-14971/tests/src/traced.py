"""Dose limits; implements SRS-14."""  # ok: ISO14971-UNIT-TRACED
def limit():
    return 5
