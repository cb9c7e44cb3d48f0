"""Weak hashes, ciphers and random values, through aliases; the hardened forms stay quiet."""
import hashlib
import hashlib as hl
import random
import random as rnd
import secrets
from hashlib import md5, sha256
from random import choice, randint

import pyDes
from Crypto.Cipher import AES, ARC4, DES3
from Crypto.Cipher import Blowfish as BF
from Cryptodome.Cipher import DES as DomeDES
from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from M2Crypto import EVP


class Digest:
    # ok: PY-WEAK-HASH
    def md5(self, data):
        # ok: PY-WEAK-HASH
        return hashlib.sha256(data).hexdigest()

    def checksum(self, data):
        # ok: PY-WEAK-HASH
        return self.md5(data)


def digests(password, body, data, name):
    # ruleid: PY-WEAK-HASH
    a = hl.md5(password.encode()).hexdigest()
    # ruleid: PY-WEAK-HASH
    b = md5(data).digest()
    # ruleid: PY-WEAK-HASH
    c = hashlib.sha1(data)
    # ruleid: PY-WEAK-HASH
    d = hashlib.new("md5", data)
    # ruleid: PY-WEAK-HASH
    e = hl.new('SHA1')
    # ok: PY-WEAK-HASH
    etag = hashlib.md5(body.encode("utf-8"), usedforsecurity=False).hexdigest()
    # ok: PY-WEAK-HASH
    f = hashlib.new("sha256", data)
    # ok: PY-WEAK-HASH
    g = sha256(data).hexdigest()
    # ok: PY-WEAK-HASH
    h = hashlib.new(name, data)
    # ok: PY-WEAK-HASH
    note = "hashlib.md5(password) is not a password hash"
    return a, b, c, d, e, etag, f, g, h, note


def ciphers(key, iv):
    # ruleid: PY-WEAK-CIPHER
    c1 = DES3.new(key, DES3.MODE_CBC, iv)
    # ruleid: PY-WEAK-CIPHER
    c2 = ARC4.new(key)
    # ruleid: PY-WEAK-CIPHER
    c3 = BF.new(key, BF.MODE_CBC, iv)
    # ruleid: PY-WEAK-CIPHER
    c4 = DomeDES.new(key, DomeDES.MODE_OFB)
    # ruleid: PY-WEAK-CIPHER
    c5 = AES.new(key, AES.MODE_ECB)
    # ruleid: PY-WEAK-CIPHER
    c6 = AES.new(key, mode=AES.MODE_ECB)
    # ruleid: PY-WEAK-CIPHER
    c7 = Cipher(algorithms.TripleDES(key), modes.CBC(iv))
    # ruleid: PY-WEAK-CIPHER
    c8 = Cipher(algorithms.AES(key), modes.ECB())
    # ruleid: PY-WEAK-CIPHER
    c9 = Cipher(TripleDES(key), modes.CBC(iv))
    # ruleid: PY-WEAK-CIPHER
    c10 = pyDes.triple_des(key, pyDes.CBC, iv)
    # ruleid: PY-WEAK-CIPHER
    c11 = EVP.Cipher(alg="des_ede3_cbc", key=key, iv=iv, op=1)
    # ruleid: PY-WEAK-CIPHER
    c12 = EVP.Cipher("aes_128_ecb", key, iv, 1)
    # ruleid: PY-WEAK-CIPHER
    c13 = EVP.Cipher("bf_cbc", key, iv, 0)
    # ok: PY-WEAK-CIPHER
    g1 = AES.new(key, AES.MODE_GCM)
    # ok: PY-WEAK-CIPHER
    g2 = Cipher(algorithms.AES(key), modes.GCM(iv))
    # ok: PY-WEAK-CIPHER
    g3 = EVP.Cipher(alg="aes_256_cbc", key=key, iv=iv, op=1)
    # ok: PY-WEAK-CIPHER
    g4 = EVP.Cipher("aes_128_gcm", key, iv, 1)
    # ok: PY-WEAK-CIPHER
    note = "DES.new(key) and AES.MODE_ECB are weak"
    # ok: PY-WEAK-CIPHER
    # cipher = ARC4.new(key) in a comment
    return c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, g1, g2, g3, g4, note


def tokens(user, chars, rows):
    # ruleid: PY-WEAK-RANDOM, PY-RANDOM-IN-SECURITY-CODE
    reset_token = "".join(random.choice(chars) for _ in range(32))
    # ruleid: PY-WEAK-RANDOM, PY-RANDOM-IN-SECURITY-CODE
    user.password = "".join(rnd.choices(chars, k=16))
    # ruleid: PY-WEAK-RANDOM, PY-RANDOM-IN-SECURITY-CODE
    otp = "%06d" % randint(0, 999999)
    # ruleid: PY-WEAK-RANDOM, PY-RANDOM-IN-SECURITY-CODE
    pin_code = f"{random.randint(0, 9999):04d}"
    # ruleid: PY-WEAK-RANDOM, PY-RANDOM-IN-SECURITY-CODE
    salt = random.getrandbits(128)
    # ruleid: PY-WEAK-RANDOM, PY-RANDOM-IN-SECURITY-CODE
    send_invite(user, token=str(random.random()))
    # ruleid: PY-WEAK-RANDOM, PY-RANDOM-IN-SECURITY-CODE
    session = {"csrf_token": "".join([choice(chars) for _ in range(24)])}
    password = ""
    for _ in range(12):
        # ruleid: PY-WEAK-RANDOM, PY-RANDOM-IN-SECURITY-CODE
        password += random.choice(chars)
    # ok: PY-WEAK-RANDOM
    api_key = secrets.token_urlsafe(32)
    # ok: PY-WEAK-RANDOM
    nonce = random.SystemRandom().getrandbits(64)
    # ok: PY-WEAK-RANDOM
    delay = random.uniform(0.5, 1.5)  # ruleid: PY-RANDOM-IN-SECURITY-CODE
    # ok: PY-WEAK-RANDOM
    token = secrets.choice(chars)
    # ok: PY-WEAK-RANDOM
    sample_rows = random.sample(rows, 10)  # ruleid: PY-RANDOM-IN-SECURITY-CODE
    # ok: PY-WEAK-RANDOM
    message = "token = random.choice(chars) is predictable"
    return reset_token, otp, pin_code, salt, session, password, api_key, nonce, delay, token, sample_rows, message


def generate_token(length=32):
    # ruleid: PY-WEAK-RANDOM, PY-RANDOM-IN-SECURITY-CODE
    return "".join(random.choice(ALPHABET) for _ in range(length))


def pick_colour(colours):
    # ok: PY-WEAK-RANDOM
    return random.choice(colours)  # ruleid: PY-RANDOM-IN-SECURITY-CODE
