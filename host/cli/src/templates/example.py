"""Fixture for {{NAME}}: `ruleid:` lines must fire, `ok:` lines must not."""


def short():
    # ruleid: {{PREFIX}}-TASK-NO-ISSUE
    # TODO: handle timeouts
    # ok: {{PREFIX}}-TASK-NO-ISSUE
    # TODO(#123): handle retries
    return 1


# ruleid: {{PREFIX}}-LONG-FUNCTION
def long_function():
    total = 0
    total += 1
    total += 2
    total += 3
    total += 4
    total += 5
    total += 6
    total += 7
    total += 8
    total += 9
    total += 10
    total += 11
    total += 12
    total += 13
    total += 14
    total += 15
    total += 16
    total += 17
    total += 18
    total += 19
    total += 20
    total += 21
    total += 22
    total += 23
    total += 24
    total += 25
    total += 26
    total += 27
    total += 28
    total += 29
    total += 30
    total += 31
    total += 32
    total += 33
    total += 34
    total += 35
    total += 36
    total += 37
    total += 38
    total += 39
    return total


# ok: {{PREFIX}}-LONG-FUNCTION
def another_short():
    return 2
