#!/usr/bin/env python3
"""Writes the input of the revocation benchmark (benches/revocation.rs): one PDF with
200 signatures whose signers come from 50 CAs, each CA with a CRL of 10,000 entries,
the 50 CRLs in the PDF's /DSS; also the root (to trust) and the CRLs as files.

Independent of kyso: Python `cryptography` makes the PKI and the CRLs, pyHanko signs
(incremental updates, one new field per signature) and writes the DSS.

usage: make_revocation_bench.py OUTDIR [SIGNATURES] [CAS] [ENTRIES]
Writes OUTDIR/bench.pdf, OUTDIR/root.pem, OUTDIR/crl/ca-NN.crl and OUTDIR/meta.json
(the validation time to use: the CRLs are current then).
"""
import datetime
import io
import json
import os
import sys

from asn1crypto import crl as a_crl
from asn1crypto import keys as a_keys
from asn1crypto import x509 as a_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.validation import DocumentSecurityStore
from pyhanko_certvalidator.registry import SimpleCertificateStore

out_dir = sys.argv[1]
n_sigs = int(sys.argv[2]) if len(sys.argv) > 2 else 200
n_cas = int(sys.argv[3]) if len(sys.argv) > 3 else 50
n_entries = int(sys.argv[4]) if len(sys.argv) > 4 else 10_000
os.makedirs(os.path.join(out_dir, "crl"), exist_ok=True)

now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
nb, na = now - datetime.timedelta(days=365), now + datetime.timedelta(days=730)


def name(cn):
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Kyso benchmark PKI"),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ])


def key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def cert(subject, issuer, pub, signing_key, ca, serial, issuer_pub=None):
    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
         .public_key(pub).serial_number(serial).not_valid_before(nb).not_valid_after(na)
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
         .add_extension(x509.KeyUsage(
             digital_signature=not ca, content_commitment=not ca, key_encipherment=False,
             data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
             encipher_only=False, decipher_only=False), critical=True)
         .add_extension(x509.SubjectKeyIdentifier.from_public_key(pub), critical=False))
    if issuer_pub is not None:
        b = b.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_pub), critical=False)
    return b.sign(signing_key, hashes.SHA256())


def der(c):
    return c.public_bytes(serialization.Encoding.DER)


root_key = key()
root = cert(name("Benchmark Root"), name("Benchmark Root"), root_key.public_key(), root_key,
            True, 1)
cas, crls = [], []
revoked_date = now - datetime.timedelta(days=30)
for i in range(n_cas):
    k = key()
    c = cert(name(f"Benchmark CA {i:02d}"), root.subject, k.public_key(), root_key, True,
             100 + i, root_key.public_key())
    b = (x509.CertificateRevocationListBuilder().issuer_name(c.subject)
         .last_update(now - datetime.timedelta(hours=1))
         .next_update(now + datetime.timedelta(days=30))
         .add_extension(x509.CRLNumber(1), critical=False))
    # Serials of certificates that are not the signers' (those are 1_000_000 + n).
    for s in range(n_entries):
        b = b.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(10_000_000 + i * n_entries + s)
            .revocation_date(revoked_date).build())
    crl = b.sign(k, hashes.SHA256())
    with open(os.path.join(out_dir, "crl", f"ca-{i:02d}.crl"), "wb") as f:
        f.write(crl.public_bytes(serialization.Encoding.DER))
    cas.append((c, k))
    crls.append(crl)

leaf_key = key()
a_leaf_key = a_keys.PrivateKeyInfo.load(leaf_key.private_bytes(
    serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
    serialization.NoEncryption()))


def minimal_pdf():
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, xref)
    return bytes(out)


pdf = minimal_pdf()
for n in range(n_sigs):
    ca, ca_key = cas[n % n_cas]
    leaf = cert(name(f"Signer {n:03d}"), ca.subject, leaf_key.public_key(), ca_key, False,
                1_000_000 + n, ca_key.public_key())
    signer = signers.SimpleSigner(
        signing_cert=a_x509.Certificate.load(der(leaf)),
        signing_key=a_leaf_key,
        cert_registry=SimpleCertificateStore.from_certs([a_x509.Certificate.load(der(ca))]),
    )
    meta = signers.PdfSignatureMetadata(field_name=f"Sig{n:03d}", md_algorithm="sha256")
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    buf = io.BytesIO()
    signers.PdfSigner(meta, signer).sign_pdf(w, output=buf)
    pdf = buf.getvalue()

buf = io.BytesIO(pdf)
DocumentSecurityStore.add_dss(
    buf, None,
    crls=[a_crl.CertificateList.load(c.public_bytes(serialization.Encoding.DER))
          for c in crls],
    certs=[a_x509.Certificate.load(der(c)) for c, _ in cas],
    force_write=True,
)
with open(os.path.join(out_dir, "bench.pdf"), "wb") as f:
    f.write(buf.getvalue())
with open(os.path.join(out_dir, "root.pem"), "wb") as f:
    f.write(root.public_bytes(serialization.Encoding.PEM))
at = (now + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
with open(os.path.join(out_dir, "meta.json"), "w") as f:
    json.dump({"at": at, "signatures": n_sigs, "cas": n_cas, "entries": n_entries}, f)
print(f"{out_dir}/bench.pdf: {n_sigs} signatures, {n_cas} CRLs x {n_entries} entries, "
      f"{len(buf.getvalue())} bytes; validate at {at}")
