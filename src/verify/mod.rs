//! The signed-PDF report: PDF structure ([`crate::pdf`]) + CMS ([`crate::cms`]) +
//! trust ([`crate::trust`]) → one ETSI EN 319 102-1 indication per signature, the
//! checks behind it as codes, and a one-line summary for the document.
//!
//! The work is split so that a browser can hash large files itself, in chunks:
//!
//! ```text
//! plan(bytes) ──▶ Plan { per signature: byte ranges + digest algorithms }
//!        caller hashes the ranges (WebCrypto, streaming) ──▶ Vec<Digests>
//! finish(&plan, &digests, &opts) ──▶ DocumentReport
//! ```
//!
//! [`verify_pdf`] does the three steps with the crate's own hashes.
//!
//! A verdict is never better than the evidence: TOTAL_PASSED needs an exact
//! coverage, a matching digest, a valid signature by a found certificate, a chain to
//! an anchor at the signing time, revocation evidence for the signer, acceptable
//! algorithms and no disallowed change after signing.

mod detail;
mod evaluate;
mod report;
mod revocation_checks;

pub use detail::CheckDetail;
pub use report::*;

use crate::cert::Cert;
use crate::cms::{self, CmsError, Content, Digests, SignedCms};
use crate::crypto::HashAlg;

use crate::input::InputFile;
use crate::pdf::{self, Document, PdfError, SigKind};
use crate::time::Instant;
use crate::trust::revocation::{Evidence, EvidenceStats, Origin};
use crate::trust::{Crl, TrustStore};

pub use crate::trust::revocation::{RevSource, RevStatus};

/// Everything besides the PDF that the verdict depends on.
#[derive(Clone, Debug)]
pub struct VerifyOptions {
    /// The validation time ("now"), supplied by the caller.
    pub at: Instant,
    /// A name for the file in the report.
    pub file_name: String,
    /// Extra certificates for finding signers and building chains.
    pub extra_certs: Vec<InputFile>,
    /// Anchors the user trusts on top of the pinned government CAs.
    pub anchors: Vec<InputFile>,
    /// CRL files the user supplies.
    pub crls: Vec<InputFile>,
    /// OCSP responses obtained besides the file (DER; `kyso verify --online`).
    pub ocsps: Vec<Vec<u8>>,
    /// Use the pinned government anchors (true except in conformance tests).
    pub pins: bool,
}

impl VerifyOptions {
    pub fn at(at: Instant) -> Self {
        VerifyOptions {
            at,
            file_name: String::new(),
            extra_certs: Vec::new(),
            anchors: Vec::new(),
            crls: Vec::new(),
            ocsps: Vec::new(),
            pins: true,
        }
    }
}

/// One signature's share of the work before hashing.
#[derive(Clone, Debug)]
pub struct PlannedSignature {
    pub index: usize,
    /// The signed ranges as half-open `(start, end)` pairs; `None` when coverage is
    /// unclear (nothing should be hashed).
    pub ranges: Option<[(usize, usize); 2]>,
    /// The digests of the concatenated ranges that [`finish`] needs.
    pub digests: Vec<HashAlg>,
    pub content: Content,
    cms: Result<SignedCms, CmsError>,
}

/// What must be hashed before [`finish`].
#[derive(Clone, Debug)]
pub struct Plan {
    doc: Result<Document, PdfError>,
    pub signatures: Vec<PlannedSignature>,
}

impl Plan {
    /// Every certificate the document carries: in each signature's CMS, in the
    /// time-stamp tokens of its unsigned attributes, and in the DSS. What a caller
    /// that fetches revocation evidence (the page's trust folder, `--online`) must
    /// look up; verification itself gathers its material in [`finish`].
    pub fn certificates(&self) -> Vec<Cert> {
        let mut out: Vec<Cert> = Vec::new();
        let mut add = |c: &Cert| {
            if !out.iter().any(|o| o.sha256() == c.sha256()) {
                out.push(c.clone());
            }
        };
        for p in &self.signatures {
            if let Ok(cms) = &p.cms {
                cms.certificates.iter().for_each(&mut add);
                for si in &cms.signers {
                    for token in
                        si.unsigned_attr_values(&crate::cms::oids::SIGNATURE_TIME_STAMP_TOKEN)
                    {
                        if let Ok(t) = crate::cms::parse(token) {
                            t.certificates.iter().for_each(&mut add);
                        }
                    }
                }
            }
        }
        if let Ok(doc) = &self.doc {
            for c in doc
                .dss()
                .certs
                .iter()
                .filter_map(|d| Cert::from_der(d).ok())
            {
                add(&c);
            }
        }
        out
    }

    /// The CRLs and OCSP responses (DER) the document carries: in the signatures'
    /// CMS and in the DSS. For a report that says where evidence came from.
    pub fn embedded_revocation(&self) -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
        let (mut crls, mut ocsps) = (Vec::new(), Vec::new());
        if let Ok(doc) = &self.doc {
            let dss = doc.dss();
            crls.extend(dss.crls.iter().cloned());
            ocsps.extend(dss.ocsps.iter().cloned());
        }
        for c in self.signatures.iter().filter_map(|p| p.cms.as_ref().ok()) {
            crls.extend(c.crls.iter().cloned());
            ocsps.extend(c.ocsp_responses.iter().cloned());
        }
        crls.sort();
        crls.dedup();
        ocsps.sort();
        ocsps.dedup();
        (crls, ocsps)
    }
}

/// Reads the PDF and every signature's CMS; says what to hash.
pub fn plan(bytes: &[u8]) -> Plan {
    let doc = pdf::open(bytes);
    let mut signatures = Vec::new();
    if let Ok(d) = &doc {
        for (index, sig) in d.signatures().iter().enumerate() {
            let cov = d.coverage(sig);
            let ranges = if cov.grade == pdf::CoverageGrade::Unclear {
                None
            } else {
                d.byte_ranges(sig)
            };
            let content = content_kind(sig);
            let cms = cms::parse(&sig.contents);
            let digests = match (&cms, ranges) {
                (Ok(c), Some(_)) => c.required_digests(content),
                _ => Vec::new(),
            };
            signatures.push(PlannedSignature {
                index,
                ranges,
                digests,
                content,
                cms,
            });
        }
    }
    Plan { doc, signatures }
}

fn content_kind(sig: &pdf::SignatureInfo) -> Content {
    match (sig.kind, sig.sub_filter.as_deref()) {
        (SigKind::DocTimestamp, _) | (_, Some("ETSI.RFC3161")) => Content::DocTimestamp,
        (_, Some("adbe.pkcs7.sha1")) => Content::Sha1Encapsulated,
        _ => Content::Detached,
    }
}

/// Hashes every planned range with the crate's hashes and finishes.
pub fn verify_pdf(bytes: &[u8], opts: &VerifyOptions) -> DocumentReport {
    let p = plan(bytes);
    let digests: Vec<Digests> = p
        .signatures
        .iter()
        .map(|s| match s.ranges {
            Some([(a0, a1), (b0, b1)]) => match (bytes.get(a0..a1), bytes.get(b0..b1)) {
                (Some(x), Some(y)) => Digests::compute(&s.digests, &[x, y]),
                _ => Digests::default(),
            },
            None => Digests::default(),
        })
        .collect();
    finish(&p, &digests, opts)
}

/// The material shared by all signatures of a document.
pub(crate) struct Material {
    pub pool: Vec<Cert>,
    /// CRLs and OCSP responses from the user, the DSS and every signature, each
    /// kept once (the revocation engine's store).
    pub evidence: Evidence,
    pub store: TrustStore,
}

/// Combines the plan and the digests (one [`Digests`] per planned signature, in
/// order) into the report.
pub fn finish(plan: &Plan, digests: &[Digests], opts: &VerifyOptions) -> DocumentReport {
    let mut report = DocumentReport {
        file: opts.file_name.clone(),
        at: opts.at,
        error: None,
        revisions: 0,
        encrypted: false,
        encryption: pdf::Encryption::None,
        signatures: Vec::new(),
        summary: Summary::PdfError,
        input_problems: Vec::new(),
        evidence: EvidenceStats::default(),
    };
    let doc = match &plan.doc {
        Ok(d) => d,
        Err(e) => {
            report.error = Some(e.clone());
            return report;
        }
    };
    report.revisions = doc.revisions().len();
    report.encrypted = doc.is_encrypted();
    report.encryption = doc.encryption();
    let unreadable = report.encrypted && !doc.encryption().is_decrypted();

    // Certificates, CRLs, OCSP: user files, the DSS, every signature's CMS.
    let mut m = Material {
        pool: Vec::new(),
        evidence: Evidence::new(),
        store: if opts.pins {
            TrustStore::new()
        } else {
            TrustStore::without_pins()
        },
    };
    let add_cert = |pool: &mut Vec<Cert>, c: Cert| {
        if !pool.iter().any(|p| p.sha256() == c.sha256()) {
            pool.push(c);
        }
    };
    // The user's files, read as the certificate tab reads them.
    let mut user_crls: Vec<(String, Crl)> = Vec::new();
    let user_files = (opts.extra_certs.iter().map(|f| (f, false, false)))
        .chain(opts.crls.iter().map(|f| (f, true, false)))
        .chain(opts.anchors.iter().map(|f| (f, false, true)));
    for (f, as_crl, anchor) in user_files {
        let read = crate::report::read_user_file(f, as_crl);
        report
            .input_problems
            .extend(read.errors.into_iter().map(|e| e.error));
        for (_, c) in read.certs {
            if anchor {
                m.store.add_anchor(c.clone());
            }
            add_cert(&mut m.pool, c);
        }
        user_crls.extend(read.crls.into_iter().map(|c| (f.name.clone(), c)));
    }
    // OCSP responses the caller brings (fetched with `--online`): evidence from
    // outside the file, like a user's CRL; the CLI's `evidence_sources` list says
    // where each came from.
    for d in &opts.ocsps {
        m.evidence.add_ocsp_der(d, Origin::User);
    }
    let dss = doc.dss();
    for c in dss.certs.iter().filter_map(|d| Cert::from_der(d).ok()) {
        add_cert(&mut m.pool, c);
    }
    for p in &plan.signatures {
        if let Ok(c) = &p.cms {
            for cert in &c.certificates {
                add_cert(&mut m.pool, cert.clone());
            }
        }
    }
    // With every certificate at hand, the user's CRLs first (they are checked
    // against their issuers), then the file's own.
    let problems = crate::report::add_user_crls(user_crls, &mut m.evidence, &m.pool, &m.store);
    report
        .input_problems
        .extend(problems.into_iter().map(|e| e.error));
    for d in &dss.crls {
        m.evidence.add_crl_der(d, Origin::Embedded);
    }
    for d in &dss.ocsps {
        m.evidence.add_ocsp_der(d, Origin::Embedded);
    }
    for p in &plan.signatures {
        if let Ok(c) = &p.cms {
            for d in &c.crls {
                m.evidence.add_crl_der(d, Origin::Embedded);
            }
            for d in &c.ocsp_responses {
                m.evidence.add_ocsp_der(d, Origin::Embedded);
            }
        }
    }

    let sigs = doc.signatures();
    for p in &plan.signatures {
        let Some(sig) = sigs.get(p.index) else {
            continue;
        };
        let d = digests.get(p.index).cloned().unwrap_or_default();
        report
            .signatures
            .push(evaluate::signature(doc, sig, p, &d, &mut m, opts));
    }
    let later: Vec<(usize, LaterSignature)> = report
        .signatures
        .iter()
        .map(|s| {
            (
                s.revision,
                LaterSignature {
                    field: s.field.clone(),
                    kind: s.kind,
                    signer: s.signer.as_ref().map(|f| f.display_name().to_string()),
                    revision: s.revision,
                },
            )
        })
        .collect();
    for s in &mut report.signatures {
        s.signed_after = later
            .iter()
            .filter(|(r, _)| *r > s.revision)
            .map(|(_, l)| l.clone())
            .collect();
        s.headline = Headline::of(s);
    }
    report.evidence = m.evidence.stats();
    report.summary = if unreadable && !report.signatures.is_empty() {
        // Not decrypted (a password is needed, or another handler): the changes
        // after signing could not be read, so no signature can pass, and the
        // summary says why before anything else.
        Summary::EncryptedDocument
    } else {
        summary(&report.signatures)
    };
    report
}

fn summary(sigs: &[SignatureReport]) -> Summary {
    if sigs.is_empty() {
        return Summary::NoSignatures;
    }
    let disallowed = sigs.iter().any(|s| {
        s.checks
            .iter()
            .any(|c| c.id == CheckId::Modifications && c.status == CheckStatus::Failed)
    });
    if disallowed {
        return Summary::ModifiedAfterSigning;
    }
    if sigs.iter().any(|s| s.indication == Indication::TotalFailed) {
        return Summary::SomeSignatureInvalid;
    }
    if sigs
        .iter()
        .any(|s| s.indication == Indication::Indeterminate)
    {
        return Summary::SignaturesIndeterminate;
    }
    if sigs.iter().any(|s| s.modified_after) {
        return Summary::ValidWithAllowedChanges;
    }
    Summary::AllSignaturesValid
}
