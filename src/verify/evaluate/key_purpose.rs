//! Whether the signer's key may sign a document: keyUsage and extendedKeyUsage,
//! with the list of accepted purposes and where each comes from. Separate because
//! the list and its reasons are long and are reviewed on their own.

use super::Verdict;
use crate::cert::Cert;
use crate::verify::{CheckDetail, CheckId, CheckStatus, SubIndication};

/// Key purposes that let a certificate sign a document when its extendedKeyUsage
/// extension is critical. RFC 5280 §4.2.1.12: with the extension present, "the
/// certificate MUST only be used for one of the purposes indicated"; we enforce that
/// only when the CA marked it critical, because many CAs put TLS-client or e-mail
/// purposes, non-critical, on certificates meant for signing (pyHanko's
/// `KeyUsageConstraints.extd_key_usage` documentation says the same of practice),
/// and a false alarm on a genuine document is as costly as a missed forgery.
///
/// The list, and where each comes from:
/// - `anyExtendedKeyUsage` 2.5.29.37.0 — RFC 5280 §4.2.1.12: no restriction;
/// - `id-kp-documentSigning` 1.3.6.1.5.5.7.3.36 — RFC 9336, the purpose made for it;
/// - `id-kp-emailProtection` 1.3.6.1.5.5.7.3.4 — RFC 5280; CMS/S-MIME signing
///   certificates, what the Vietnamese CAs issue to signers (the real G1/G2 leaves
///   carry it) and what Adobe Acrobat accepts for signing;
/// - Adobe Authentic Documents Trust 1.2.840.113583.1.1.5 — Adobe's PDF-signing
///   purpose (AATL certificates);
/// - Microsoft Document Signing 1.3.6.1.4.1.311.10.3.12 — `szOID_KP_DOCUMENT_SIGNING`;
/// - `id-kp-codeSigning` 1.3.6.1.5.5.7.3.3 — kept because Adobe Acrobat's signing
///   certificate requirements accept it beside the four above (RFC 9336 §1 regrets
///   that practice, but refusing what the common reader accepts would flag genuine
///   documents).
///
/// Not accepted: serverAuth, clientAuth, timeStamping, OCSPSigning and anything else.
pub(super) const DOCUMENT_SIGNING_PURPOSES: &[const_oid::ObjectIdentifier] = &[
    const_oid::ObjectIdentifier::new_unwrap("2.5.29.37.0"),
    const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.36"),
    const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.4"),
    const_oid::ObjectIdentifier::new_unwrap("1.2.840.113583.1.1.5"),
    const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.4.1.311.10.3.12"),
    const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.3"),
];

/// May the signer's key sign a document? Two checks, each its own line in the report:
///
/// - `signer_key_usage` — RFC 5280 §4.2.1.3: when keyUsage is present, a signature
///   on anything but certificates and CRLs needs digitalSignature or nonRepudiation
///   (contentCommitment);
/// - `signer_extended_key_usage` — a critical extendedKeyUsage must name a purpose of
///   [`DOCUMENT_SIGNING_PURPOSES`]; a non-critical one that does not is a warning.
///
/// Either failing is CHAIN_CONSTRAINTS_FAILURE: the signing certificate does not meet
/// the constraints of the X.509 validation (ETSI EN 319 102-1 §5.2.6, applied to the
/// signer as a validation constraint, §5.2.8), which the standard's table of
/// indications (§5.1.3) files under INDETERMINATE, not TOTAL_FAILED.
pub(super) fn signer_key_purpose(v: &mut Verdict, leaf: &Cert) {
    use x509_cert::ext::pkix::{ExtendedKeyUsage, KeyUsage};
    let tbs = leaf.x509().tbs_certificate();
    match tbs.get_extension::<KeyUsage>() {
        Ok(None) => v.check(
            CheckId::SignerKeyUsage,
            CheckStatus::Passed,
            CheckDetail::KeyUsageAbsent,
        ),
        Ok(Some((_, ku))) if ku.digital_signature() || ku.non_repudiation() => v.check(
            CheckId::SignerKeyUsage,
            CheckStatus::Passed,
            CheckDetail::KeyUsageAllowsSigning,
        ),
        Ok(Some(_)) => {
            v.check(
                CheckId::SignerKeyUsage,
                CheckStatus::Failed,
                CheckDetail::KeyUsageExcludesSigning,
            );
            v.doubt(SubIndication::ChainConstraintsFailure);
        }
        Err(_) => {
            v.check(
                CheckId::SignerKeyUsage,
                CheckStatus::Failed,
                CheckDetail::KeyUsageMalformed,
            );
            v.doubt(SubIndication::ChainConstraintsFailure);
        }
    }
    match tbs.get_extension::<ExtendedKeyUsage>() {
        Ok(None) => v.check(
            CheckId::SignerExtendedKeyUsage,
            CheckStatus::Passed,
            CheckDetail::EkuAbsent,
        ),
        Ok(Some((_, eku))) if eku.0.iter().any(|p| DOCUMENT_SIGNING_PURPOSES.contains(p)) => v
            .check(
                CheckId::SignerExtendedKeyUsage,
                CheckStatus::Passed,
                CheckDetail::EkuAllowsSigning,
            ),
        Ok(Some((false, _))) => v.check(
            CheckId::SignerExtendedKeyUsage,
            CheckStatus::Warning,
            CheckDetail::EkuNotCriticalOtherPurposes,
        ),
        Ok(Some((true, _))) => {
            v.check(
                CheckId::SignerExtendedKeyUsage,
                CheckStatus::Failed,
                CheckDetail::EkuExcludesSigning,
            );
            v.doubt(SubIndication::ChainConstraintsFailure);
        }
        Err(_) => {
            v.check(
                CheckId::SignerExtendedKeyUsage,
                CheckStatus::Failed,
                CheckDetail::EkuMalformed,
            );
            v.doubt(SubIndication::ChainConstraintsFailure);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert(rel: &str) -> Cert {
        let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let der = match der::pem::decode_vec(&bytes) {
            Ok((_, d)) => d,
            Err(_) => bytes,
        };
        Cert::from_der(&der).unwrap()
    }

    fn purpose(
        rel: &str,
    ) -> (
        Vec<(&'static str, CheckStatus, &'static str)>,
        Option<SubIndication>,
    ) {
        let mut v = Verdict::default();
        signer_key_purpose(&mut v, &cert(rel));
        let checks = v
            .checks
            .iter()
            .map(|c| (c.id.code(), c.status, c.detail.code()))
            .collect();
        (checks, v.result().1)
    }

    #[test]
    fn what_the_signers_key_may_do() {
        use CheckStatus::*;
        // A real G2 leaf: digitalSignature + nonRepudiation, a non-critical EKU that
        // names e-mail protection among client purposes.
        let (c, sub) = purpose("../shared/fixtures/real-certs/leaf-g2-cpcag2-tongcucthue.pem");
        assert_eq!(
            c,
            [
                ("signer_key_usage", Passed, "key_usage_allows_signing"),
                ("signer_extended_key_usage", Passed, "eku_allows_signing"),
            ]
        );
        assert_eq!(sub, None);
        let (c, sub) = purpose("tests/fixtures/signed/pki/ku/encipher.cer");
        assert_eq!(
            c[0],
            ("signer_key_usage", Failed, "key_usage_excludes_signing")
        );
        assert_eq!(sub, Some(SubIndication::ChainConstraintsFailure));
        let (c, sub) = purpose("tests/fixtures/signed/pki/ku/server.cer");
        assert_eq!(
            c[1],
            ("signer_extended_key_usage", Failed, "eku_excludes_signing")
        );
        assert_eq!(sub, Some(SubIndication::ChainConstraintsFailure));
        let (c, sub) = purpose("tests/fixtures/signed/pki/ku/nonrep.cer");
        assert_eq!(
            c[0],
            ("signer_key_usage", Passed, "key_usage_allows_signing")
        );
        assert_eq!(c[1], ("signer_extended_key_usage", Passed, "eku_absent"));
        assert_eq!(sub, None);
        // A non-critical EKU for another purpose (an OCSP responder's): said, not held
        // against the signature.
        let (c, sub) = purpose("tests/fixtures/signed/pki/rev/responder.cer");
        assert_eq!(
            c[1],
            (
                "signer_extended_key_usage",
                Warning,
                "eku_not_critical_other_purposes"
            )
        );
        assert_eq!(sub, None);
    }
}
