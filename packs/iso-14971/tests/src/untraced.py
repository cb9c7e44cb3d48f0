"""Dose calculation."""  # ruleid: ISO14971-UNIT-TRACED
def dose(weight):
    return weight * 2
