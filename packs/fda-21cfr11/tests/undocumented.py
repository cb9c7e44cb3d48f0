import os  # ruleid: CFR11-UNIT-DOCUMENTED
def run():
    return os.getpid()
