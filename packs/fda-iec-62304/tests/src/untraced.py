"""Dose calculation."""  # ruleid: IEC62304-UNIT-TRACED
def dose(weight):
    return weight * 2
