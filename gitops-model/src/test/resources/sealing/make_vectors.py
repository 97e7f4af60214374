#!/usr/bin/env python3
"""Makes the known-answer vectors of SealingKnownAnswerTest with an implementation independent of
ours: Python `cryptography` (Debian package python3-cryptography 48.0.0, OpenSSL 3.0 underneath).

It mirrors bitnami-labs/sealed-secrets pkg/crypto/crypto.go HybridEncrypt: a 32-byte random
AES-256-GCM session key, 12 zero bytes of nonce, no AAD; the session key wrapped with RSA-OAEP
(SHA-256, MGF1-SHA-256, label); output = uint16_be(len(rsa)) || rsa || aes-ciphertext-with-tag,
then standard base64.

The RSA key is a throwaway made for these tests only (FAKE, never used anywhere else). Run from
this folder: python3 make_vectors.py  (it rewrites every file it writes).
"""
import base64, datetime, json, os, struct
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa, padding, ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

key = rsa.generate_private_key(public_exponent=65537, key_size=4096)
with open("fake-test-only-private-key.pem", "wb") as f:
    f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()))
with open("fake-test-only-public-key.pem", "wb") as f:
    f.write(key.public_key().public_bytes(serialization.Encoding.PEM,
                                          serialization.PublicFormat.SubjectPublicKeyInfo))

def cert(k, pub, not_before, not_after, path):
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fake-test-only sealed-secrets")])
    c = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(pub)
         .serial_number(1).not_valid_before(not_before).not_valid_after(not_after)
         .sign(k, hashes.SHA256()))
    with open(path, "wb") as f:
        f.write(c.public_bytes(serialization.Encoding.PEM))

utc = datetime.timezone.utc
# Valid from 2026-01-01 to 2036-01-01 (the controller's certificates last 10 years).
cert(key, key.public_key(), datetime.datetime(2026, 1, 1, tzinfo=utc), datetime.datetime(2036, 1, 1, tzinfo=utc),
     "fake-test-only-cert.pem")
eck = ec.generate_private_key(ec.SECP256R1())
cert(eck, eck.public_key(), datetime.datetime(2026, 1, 1, tzinfo=utc), datetime.datetime(2036, 1, 1, tzinfo=utc),
     "fake-test-only-ec-cert.pem")

def seal(plaintext, label):
    session = os.urandom(32)
    wrapped = key.public_key().encrypt(session, padding.OAEP(mgf=padding.MGF1(hashes.SHA256()),
                                                              algorithm=hashes.SHA256(), label=label))
    sealed = AESGCM(session).encrypt(b"\x00" * 12, plaintext, None)
    return base64.b64encode(struct.pack(">H", len(wrapped)) + wrapped + sealed).decode()

vectors = []
for scope, ns, name, label, plaintext in [
    ("strict", "payments", "db-credentials", b"payments/db-credentials", b"kat-strict-value"),
    ("namespace-wide", "payments", "db-credentials", b"payments", b"kat-namespace-wide-value"),
    ("cluster-wide", "payments", "db-credentials", b"", b"kat-cluster-wide-value"),
    ("strict", "payments", "binary", b"payments/binary", bytes(range(256))),
    ("strict", "payments", "empty", b"payments/empty", b""),
]:
    vectors.append({"scope": scope, "namespace": ns, "name": name, "plaintextHex": plaintext.hex(),
                    "sealed": seal(plaintext, label)})
with open("vectors.json", "w") as f:
    json.dump(vectors, f, indent=2)
    f.write("\n")
