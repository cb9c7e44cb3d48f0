# ruleid: EX-DEBUG-PRINT
print("debug: starting")
# ok: EX-DEBUG-PRINT
logging.debug("starting")
