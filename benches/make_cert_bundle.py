#!/usr/bin/env python3
"""Writes N distinct government-shaped leaf certificates (one PEM bundle) for the
certificate-reading benchmark. Independent of kyso: Python `cryptography` builds and
signs them. One CA key signs all; leaves share one key (reading cost does not depend
on the key) but differ in serial, name, identifiers and e-mail.

usage: make_cert_bundle.py N OUT.pem
"""
import datetime
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

n = int(sys.argv[1])
out = sys.argv[2]
ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
leaf_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
ca_name = x509.Name([
    x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
    x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ban Cơ yếu Chính phủ (thử nghiệm)"),
    x509.NameAttribute(NameOID.COMMON_NAME, "CA thử nghiệm hiệu năng G2"),
])
nb = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
na = datetime.datetime(2029, 1, 1, tzinfo=datetime.timezone.utc)
ca = (
    x509.CertificateBuilder()
    .subject_name(ca_name).issuer_name(ca_name)
    .public_key(ca_key.public_key()).serial_number(1)
    .not_valid_before(nb).not_valid_after(na)
    .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
    .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
    .sign(ca_key, hashes.SHA256())
)
UID = x509.ObjectIdentifier("0.9.2342.19200300.100.1.1")
with open(out, "wb") as f:
    f.write(ca.public_bytes(serialization.Encoding.PEM))
    for i in range(n - 1):
        name = x509.Name([
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, "Hà Nội"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "UBND tỉnh Thử Nghiệm"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"Phòng số {i % 50}"),
            x509.NameAttribute(NameOID.TITLE, "Chuyên viên"),
            x509.NameAttribute(NameOID.COMMON_NAME, f"Nguyễn Văn Thử {i}"),
            x509.NameAttribute(UID, f"CCCD:{1088000000 + i:012d}"),
        ])
        cert = (
            x509.CertificateBuilder()
            .subject_name(name).issuer_name(ca_name)
            .public_key(leaf_key.public_key()).serial_number(0x1000 + i)
            .not_valid_before(nb).not_valid_after(na)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, True, False, False, False, False, False, False), critical=True)
            .add_extension(x509.SubjectAlternativeName([x509.RFC822Name(f"thu{i}@thunghiem.gov.vn")]), critical=False)
            .add_extension(x509.CertificatePolicies([x509.PolicyInformation(x509.ObjectIdentifier("2.16.704.1.1.1.1.1"), None)]), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        f.write(cert.public_bytes(serialization.Encoding.PEM))
