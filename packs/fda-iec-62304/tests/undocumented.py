import os  # ruleid: IEC62304-UNIT-DOCUMENTED
def run():
    return os.getpid()
