"""Dose limits; implements SRS-14."""  # ok: IEC62304-UNIT-TRACED
def limit():
    return 5
