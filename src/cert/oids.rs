//! Display names of the object identifiers a certificate card shows: signature
//! algorithms, extended key usages, extensions and the government policy.
//!
//! Names follow OpenSSL's long names where OpenSSL has one, because that is what IT
//! staff compare against; anything not listed is shown as its dotted OID.

const NAMES: &[(&str, &str)] = &[
    // Signature algorithms (RFC 3279, 4055, 5758).
    ("1.2.840.113549.1.1.1", "rsaEncryption"),
    ("1.2.840.113549.1.1.4", "md5WithRSAEncryption"),
    ("1.2.840.113549.1.1.5", "sha1WithRSAEncryption"),
    ("1.2.840.113549.1.1.10", "rsassaPss"),
    ("1.2.840.113549.1.1.11", "sha256WithRSAEncryption"),
    ("1.2.840.113549.1.1.12", "sha384WithRSAEncryption"),
    ("1.2.840.113549.1.1.13", "sha512WithRSAEncryption"),
    ("1.2.840.113549.1.1.14", "sha224WithRSAEncryption"),
    ("1.2.840.10045.2.1", "id-ecPublicKey"),
    ("1.2.840.10045.4.1", "ecdsa-with-SHA1"),
    ("1.2.840.10045.4.3.1", "ecdsa-with-SHA224"),
    ("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"),
    ("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"),
    ("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"),
    ("1.2.840.10040.4.1", "dsaEncryption"),
    ("1.2.840.10040.4.3", "dsaWithSHA1"),
    ("2.16.840.1.101.3.4.3.2", "dsa_with_SHA256"),
    ("1.3.101.112", "ED25519"),
    ("1.3.101.113", "ED448"),
    // Extended key usages (RFC 5280 §4.2.1.12 and vendors').
    ("1.3.6.1.5.5.7.3.1", "serverAuth"),
    ("1.3.6.1.5.5.7.3.2", "clientAuth"),
    ("1.3.6.1.5.5.7.3.3", "codeSigning"),
    ("1.3.6.1.5.5.7.3.4", "emailProtection"),
    ("1.3.6.1.5.5.7.3.8", "timeStamping"),
    ("1.3.6.1.5.5.7.3.9", "OCSPSigning"),
    ("1.3.6.1.4.1.311.20.2.2", "msSmartcardLogin"),
    ("1.3.6.1.4.1.311.10.3.12", "msDocumentSigning"),
    ("1.2.840.113583.1.1.5", "adobePdfSigning"),
    ("2.5.29.37.0", "anyExtendedKeyUsage"),
    // Extensions.
    ("2.5.29.14", "subjectKeyIdentifier"),
    ("2.5.29.15", "keyUsage"),
    ("2.5.29.17", "subjectAltName"),
    ("2.5.29.18", "issuerAltName"),
    ("2.5.29.19", "basicConstraints"),
    ("2.5.29.30", "nameConstraints"),
    ("2.5.29.31", "cRLDistributionPoints"),
    ("2.5.29.32", "certificatePolicies"),
    ("2.5.29.33", "policyMappings"),
    ("2.5.29.35", "authorityKeyIdentifier"),
    ("2.5.29.36", "policyConstraints"),
    ("2.5.29.37", "extendedKeyUsage"),
    ("2.5.29.46", "freshestCRL"),
    ("2.5.29.54", "inhibitAnyPolicy"),
    ("1.3.6.1.5.5.7.1.1", "authorityInfoAccess"),
    ("1.3.6.1.5.5.7.1.3", "qcStatements"),
    ("2.16.840.1.113730.1.1", "nsCertType"),
    ("2.16.840.1.113730.1.4", "nsCaRevocationUrl"),
    ("2.16.840.1.113730.1.13", "nsComment"),
    ("1.3.6.1.4.1.311.20.2", "msCertificateTemplateName"),
    ("1.3.6.1.4.1.311.21.1", "msCaVersion"),
    // Policies.
    ("2.5.29.32.0", "anyPolicy"),
    (
        "2.16.704.1.1.1.1.1",
        "VGCA G2 (chính sách chứng thư số chuyên dùng Chính phủ)",
    ),
];

/// The display name of a dotted OID, if we know it.
pub fn name(dotted: &str) -> Option<&'static str> {
    NAMES.iter().find(|(o, _)| *o == dotted).map(|(_, n)| *n)
}

/// The display name, or the dotted OID itself.
pub fn name_or_oid(dotted: &str) -> String {
    name(dotted).map_or_else(|| dotted.to_string(), str::to_string)
}
