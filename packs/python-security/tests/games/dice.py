# A dice game: random is the right tool here.
import random


def roll():
    return random.randint(1, 6)  # ok: PY-RANDOM-IN-SECURITY-CODE
