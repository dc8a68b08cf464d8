//! kyso's verdicts against two independent verifiers, on every signed-PDF fixture.
//!
//! `tests/fixtures/signed/make.py` records in `independent.json` what poppler's
//! `pdfsig -nocert` and pyHanko 0.38's validator say of each file. This test verifies
//! each file as `verify_fixtures.rs` does (the validation time, the anchors and the
//! user CRLs of `expected.json`, no pinned government roots) and compares, signature
//! by signature, on what each tool judges:
//!
//! - `signatures`: how many signatures the tool found;
//! - `integrity`: `intact` (the signed bytes and the signature value check out),
//!   `broken` (a digest or signature mismatch) or `refused` (the signature could not
//!   be checked at all: unreadable CMS, missing /ByteRange, a structure refused);
//!   both tools;
//! - `trust`: `trusted`, `untrusted` or `revoked` (the signer's certificate: chain,
//!   validity, algorithms, revocation); pyHanko only, since `pdfsig -nocert` checks no
//!   certificate and no revocation;
//! - `timestamp`: the signature time-stamp token, `none`, `trusted`, `untrusted` or
//!   `revoked`; pyHanko only;
//! - `modifications` after signing: `untouched`, `allowed` or `illegal`; pyHanko only.
//!
//! Trust, time-stamp and modifications are compared only where both tools found the
//! signature intact. Every difference must be in [`KNOWN`], with the reason; a new
//! difference fails, and so does an entry of [`KNOWN`] that no longer occurs (the
//! list stays true).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeSet;

use kyso::i18n::Lang;
use kyso::verify::{self, VerifyOptions};
use serde_json::Value;

/// A known disagreement: on `file`, signature `field` (`-` for the file as a whole),
/// `tool` judges `axis` as `other` where kyso says `kyso`.
struct Known {
    file: &'static str,
    field: &'static str,
    tool: &'static str,
    axis: &'static str,
    kyso: &'static str,
    other: &'static str,
    #[allow(dead_code)] // read by people: why the two differ, and who is right
    why: &'static str,
}

// The reasons, shared by the entries they explain.

/// pdfsig (poppler) does not verify RFC 3161 document time-stamps: it prints
/// "Signature Type: unknown" and "Signature has not yet been verified" for the
/// ETSI.RFC3161 /DocTimeStamp. kyso verifies the token over the byte range.
const PDFSIG_NO_DOC_TIMESTAMPS: &str = "pdfsig does not verify ETSI.RFC3161 document time-stamps";

/// `adbe.pkcs7.detached` whose CMS carries the content anyway (openssl without
/// -detach): kyso and pyHanko refuse the structure (a detached signature must not
/// encapsulate content: FORMAT_FAILURE); pdfsig hashes it and reports a digest
/// mismatch. All three refuse the signature; they differ only in the word.
const PDFSIG_DETACHED_WITH_CONTENT: &str = "detached signature carrying content: kyso refuses the structure, pdfsig calls it a digest mismatch";

/// pyHanko 0.38 does not know the `adbe.pkcs7.sha1` SubFilter ("not a recognized
/// SubFilter type; ignoring") and lists no signature; kyso verifies it (the CMS
/// signs the SHA-1 digest of the byte range) and then refuses SHA-1 without a proof
/// of existence (INDETERMINATE, CRYPTO_CONSTRAINTS_FAILURE_NO_POE).
const PYHANKO_NO_PKCS7_SHA1: &str = "pyHanko ignores the adbe.pkcs7.sha1 SubFilter";

/// make.py ran pyHanko in certvalidator's legacy "hard-fail" revocation mode, which
/// checks revocation only for certificates that name a CRL distribution point or an
/// OCSP responder ("cached CRLs will not be checked if the certificate does not list
/// any distribution points"). The test certificates name none, so pyHanko never read
/// the CRL it was given: it calls a revoked signer, and one with no revocation
/// evidence at all, TRUSTED. kyso requires revocation evidence for the signer and
/// finds the revocation in the CRL (REVOKED / REVOKED_NO_POE), or none (TRY_LATER).
const PYHANKO_HARD_FAIL_NO_CRL_DP: &str =
    "pyHanko's hard-fail mode skips revocation for certificates without a CRL distribution point";

/// SHA-1 signature and certificate, with a SHA-256 time-stamp from 2018: kyso
/// accepts SHA-1 because the time-stamp proves the signature existed before SHA-1
/// was retired (proof of existence, as in ETSI EN 319 102-1); pyHanko's algorithm
/// policy refuses sha1_rsa at any time (CRYPTO_CONSTRAINTS_FAILURE).
const PYHANKO_SHA1_NEVER: &str = "pyHanko refuses SHA-1 whatever the proof of existence";

/// A time-stamp token whose own digest is SHA-1: pyHanko calls the token untrusted
/// (its SHA-1 is refused); kyso verifies the token (signature, TSA chain) and then,
/// in its algorithms check, refuses it as a proof of existence for the SHA-1
/// signature (sha1_no_poe). Both refuse the signature (INDETERMINATE).
const PYHANKO_SHA1_TOKEN: &str =
    "SHA-1 token: pyHanko distrusts the token, kyso trusts it but refuses it as proof of existence";

/// A TSA revoked for keyCompromise after the token's time: RFC 3161 §4 — once a
/// TSA's key is compromised, none of its tokens can be trusted, whenever they say
/// they were made. kyso applies it (REVOKED_NO_POE for a document time-stamp,
/// SIG_CONSTRAINTS_FAILURE for a signature time-stamp); pyHanko accepts a token
/// made before the revocation date whatever the reason (a TSA retired for
/// cessationOfOperation, tsa_retired_later_signature_timestamp.pdf, stays valid in
/// both).
const PYHANKO_NO_RFC3161_S4: &str = "pyHanko does not apply RFC 3161 §4 to a compromised TSA";

/// A certification signature with DocMDP P=3, then a comment (annotation) added. ISO 32000 allows annotations under P=3 and kyso allows
/// them (and lists them); pyHanko's difference policy has no rule for annotation
/// changes and flags the page's rewritten /Annots as unexplained ("There are
/// unexplained xrefs in revision 2").
const PYHANKO_NO_ANNOTATION_RULE: &str =
    "pyHanko's diff policy does not whitelist comments under P=3";

/// Every disagreement known today. Keep each with its reason; remove an entry when
/// the disagreement goes away (the test says so).
const KNOWN: &[Known] = &[
    // Without a timestamp the revocation evidence must speak for the validation
    // time (EN 319 102-1 §5.2.5; issue 9's back-dating case): these files carry OCSP
    // answers that ran out before it. pyHanko was asked at the claimed signing time
    // (see pyhanko_context), where they were current.
    Known {
        file: "ocsp_good_ca_archival.pdf",
        field: "Sig1",
        tool: "pyhanko",
        axis: "trust",
        kyso: "untrusted",
        other: "trusted",
        why: "pyHanko judged at the claimed time; kyso needs evidence current now without a timestamp",
    },
    Known {
        file: "ocsp_good_responder_dss.pdf",
        field: "Sig1",
        tool: "pyhanko",
        axis: "trust",
        kyso: "untrusted",
        other: "trusted",
        why: "pyHanko judged at the claimed time; kyso needs evidence current now without a timestamp",
    },
    // Timestamped files: kyso validates the chain and revocation at the time the
    // token proves; pyHanko's basic validation judges at the validation time, when
    // the signer has expired (OUT_OF_BOUNDS_NO_POE) or the TSA's evidence is old.
    Known {
        file: "fresh_expired_archive_crl.pdf",
        field: "Sig1",
        tool: "pyhanko",
        axis: "trust",
        kyso: "trusted",
        other: "untrusted",
        why: "pyHanko judges at the validation time, kyso at the time the timestamp proves",
    },
    Known {
        file: "fresh_timestamped_before_revocation.pdf",
        field: "Sig1",
        tool: "pyhanko",
        axis: "trust",
        kyso: "trusted",
        other: "untrusted",
        why: "pyHanko judges at the validation time, kyso at the time the timestamp proves",
    },
    Known {
        file: "fresh_timestamped_before_revocation.pdf",
        field: "Sig1",
        tool: "pyhanko",
        axis: "timestamp",
        kyso: "trusted",
        other: "untrusted",
        why: "pyHanko judges the TSA at the validation time, kyso at the token's time",
    },
    // A signer whose key usage forbids signing: pyHanko folds its key usage policy
    // into path validation (the path is "untrusted"); kyso keeps the chain itself
    // trusted and fails the separate signer_key_usage check (INDETERMINATE,
    // CHAIN_CONSTRAINTS_FAILURE). The same refusal on another axis: that both refuse
    // is asserted from the file's KU_POLICY line.
    Known {
        file: "ku_key_encipherment_only.pdf",
        field: "Sig1",
        tool: "pyhanko",
        axis: "trust",
        kyso: "trusted",
        other: "untrusted",
        why: "pyHanko refuses the key usage in path validation, kyso in its own check",
    },
    // pdfsig and document time-stamps.
    Known {
        file: "doc_timestamp.pdf",
        field: "DocTS",
        tool: "pdfsig",
        axis: "integrity",
        kyso: "intact",
        other: "refused",
        why: PDFSIG_NO_DOC_TIMESTAMPS,
    },
    Known {
        file: "sig_then_doc_timestamp.pdf",
        field: "DocTS",
        tool: "pdfsig",
        axis: "integrity",
        kyso: "intact",
        other: "refused",
        why: PDFSIG_NO_DOC_TIMESTAMPS,
    },
    Known {
        file: "tsa_revoked_doc_timestamp.pdf",
        field: "DocTS",
        tool: "pdfsig",
        axis: "integrity",
        kyso: "intact",
        other: "refused",
        why: PDFSIG_NO_DOC_TIMESTAMPS,
    },
    Known {
        file: "tsa_compromised_later_doc_timestamp.pdf",
        field: "DocTS",
        tool: "pdfsig",
        axis: "integrity",
        kyso: "intact",
        other: "refused",
        why: PDFSIG_NO_DOC_TIMESTAMPS,
    },
    Known {
        file: "openssl_detached_with_content_ber.pdf",
        field: "Sig1",
        tool: "pdfsig",
        axis: "integrity",
        kyso: "refused",
        other: "broken",
        why: PDFSIG_DETACHED_WITH_CONTENT,
    },
    // pyHanko.
    Known {
        file: "openssl_pkcs7_sha1.pdf",
        field: "-",
        tool: "pyhanko",
        axis: "signatures",
        kyso: "1",
        other: "0",
        why: PYHANKO_NO_PKCS7_SHA1,
    },
    Known {
        file: "pkcs7_rsa_sha256_norev.pdf",
        field: "Sig1",
        tool: "pyhanko",
        axis: "trust",
        kyso: "untrusted",
        other: "trusted",
        why: PYHANKO_HARD_FAIL_NO_CRL_DP,
    },
    Known {
        file: "revoked_signer.pdf",
        field: "Sig1",
        tool: "pyhanko",
        axis: "trust",
        kyso: "revoked",
        other: "trusted",
        why: PYHANKO_HARD_FAIL_NO_CRL_DP,
    },
    Known {
        file: "revoked_signer_timestamped.pdf",
        field: "Sig1",
        tool: "pyhanko",
        axis: "trust",
        kyso: "revoked",
        other: "trusted",
        why: PYHANKO_HARD_FAIL_NO_CRL_DP,
    },
    Known {
        file: "sha1_g1_timestamped_2018.pdf",
        field: "Sig1",
        tool: "pyhanko",
        axis: "trust",
        kyso: "trusted",
        other: "untrusted",
        why: PYHANKO_SHA1_NEVER,
    },
    Known {
        file: "sha1_g1_sha1_timestamp_2018.pdf",
        field: "Sig1",
        tool: "pyhanko",
        axis: "timestamp",
        kyso: "trusted",
        other: "untrusted",
        why: PYHANKO_SHA1_TOKEN,
    },
    Known {
        file: "tsa_compromised_later_doc_timestamp.pdf",
        field: "DocTS",
        tool: "pyhanko",
        axis: "trust",
        kyso: "revoked",
        other: "trusted",
        why: PYHANKO_NO_RFC3161_S4,
    },
    Known {
        file: "tsa_compromised_later_signature_timestamp.pdf",
        field: "Sig1",
        tool: "pyhanko",
        axis: "timestamp",
        kyso: "revoked",
        other: "trusted",
        why: PYHANKO_NO_RFC3161_S4,
    },
    Known {
        file: "certify_p3_then_annotation.pdf",
        field: "Sig1",
        tool: "pyhanko",
        axis: "modifications",
        kyso: "allowed",
        other: "illegal",
        why: PYHANKO_NO_ANNOTATION_RULE,
    },
];

use common::signed::{dir, file, json};

/// One tool's (or kyso's) judgement of one signature; `None` where it says nothing.
#[derive(Clone, Debug, Default)]
struct Verdict {
    field: Option<String>,
    integrity: &'static str,
    trust: Option<&'static str>,
    timestamp: Option<&'static str>,
    modifications: Option<&'static str>,
}

// ------------------------------------------------------------------ kyso

fn checks<'a>(sig: &'a Value, id: &str) -> Vec<&'a Value> {
    sig["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["id"] == id)
        .collect()
}

fn failed(sig: &Value, id: &str) -> bool {
    checks(sig, id).iter().any(|c| c["status"] == "failed")
}

fn passed(sig: &Value, id: &str) -> bool {
    let c = checks(sig, id);
    !c.is_empty() && c.iter().all(|c| c["status"] == "passed")
}

/// kyso's report of one signature, in the tools' terms.
fn kyso_verdict(sig: &Value) -> Verdict {
    let integrity = if failed(sig, "format") || failed(sig, "coverage") {
        "refused"
    } else if failed(sig, "integrity") || failed(sig, "signature") {
        "broken"
    } else if passed(sig, "integrity") && passed(sig, "signature") {
        "intact"
    } else {
        "unchecked"
    };
    let trust = if failed(sig, "revocation") {
        "revoked"
    } else if [
        "certificate_chain",
        "validity_at_signing_time",
        "algorithms",
        "revocation",
    ]
    .iter()
    .all(|id| passed(sig, id))
    {
        "trusted"
    } else {
        "untrusted"
    };
    let timestamp = (sig["kind"] == "signature").then(|| {
        let ts = checks(sig, "timestamp");
        if failed(sig, "timestamp_revocation") {
            "revoked"
        } else if ts.iter().any(|c| c["detail"] == "no_timestamp") {
            "none"
        } else if passed(sig, "timestamp") {
            "trusted"
        } else {
            "untrusted"
        }
    });
    let modifications =
        checks(sig, "modifications")
            .first()
            .map(|c| match c["detail"].as_str().unwrap() {
                "no_changes_after_signing" => "untouched",
                "only_allowed_changes" | "comments_added" => "allowed",
                "changes_not_allowed" => "illegal",
                "changes_analysis_unreliable" => "unreliable",
                other => panic!("modifications detail {other}: map it here"),
            });
    Verdict {
        field: sig["field"].as_str().map(str::to_string),
        integrity,
        trust: Some(trust),
        timestamp,
        modifications,
    }
}

// ------------------------------------------------------------------ pdfsig

/// `pdfsig -nocert`'s lines for one file: one "Signature Validation" per signature,
/// in file order; a field without a signature is one line of its own.
fn pdfsig_verdicts(lines: &[Value]) -> Vec<Verdict> {
    let lines: Vec<&str> = lines.iter().map(|l| l.as_str().unwrap()).collect();
    if let [only] = lines.as_slice()
        && only.contains("The signature form field is not signed")
    {
        return vec![Verdict {
            integrity: "refused",
            ..Verdict::default()
        }];
    }
    lines
        .iter()
        .filter_map(|l| l.strip_prefix("- Signature Validation: "))
        .map(|v| Verdict {
            integrity: match v {
                "Signature is Valid." => "intact",
                "Digest Mismatch." | "Signature is Invalid." => "broken",
                "Signature has not yet been verified." | "Unknown Validation Failure." => "refused",
                other => panic!("pdfsig said {other:?}: map it here"),
            },
            ..Verdict::default()
        })
        .collect()
}

// ------------------------------------------------------------------ pyHanko

/// pyHanko's status summary, e.g. `Sig1: INTACT:TRUSTED,TIMESTAMP_TOKEN<INTACT:
/// TRUSTED>,EXTENDED_WITH_LTA_UPDATES,ACCEPTABLE_MODIFICATIONS [AdESIndeterminate.
/// TRY_LATER]`, or `Sig1: error ...`, or (the file unreadable) `error ...`.
fn pyhanko_verdict(line: &str) -> Verdict {
    let (field, rest) = match line.split_once(": ") {
        Some((f, r)) if !line.starts_with("error ") => (Some(f.to_string()), r),
        _ => (None, line),
    };
    let refused = |field| Verdict {
        field,
        integrity: "refused",
        ..Verdict::default()
    };
    if rest.starts_with("error ") {
        return refused(field);
    }
    // Drop the bracketed AdES indication; the status proper has no spaces.
    let status = rest.split(' ').next().unwrap();
    if status.starts_with("INVALID") {
        return Verdict {
            field,
            integrity: "broken",
            ..Verdict::default()
        };
    }
    let mut items = split_items(status).into_iter();
    let head = items.next().unwrap();
    let trust = match head.as_str() {
        "INTACT:TRUSTED" => "trusted",
        "INTACT:UNTRUSTED" => "untrusted",
        "INTACT:REVOKED" => "revoked",
        other => panic!("pyHanko status {other:?}: map it here"),
    };
    let mut v = Verdict {
        field,
        integrity: "intact",
        trust: Some(trust),
        timestamp: Some("none"),
        modifications: None,
    };
    for item in items {
        match item.as_str() {
            "UNTOUCHED" => v.modifications = Some("untouched"),
            "ACCEPTABLE_MODIFICATIONS" => v.modifications = Some("allowed"),
            "ILLEGAL_MODIFICATIONS" => v.modifications = Some("illegal"),
            s if s.starts_with("EXTENDED_WITH_") => {}
            s if s.starts_with("TIMESTAMP_TOKEN<") => {
                v.timestamp = Some(match s {
                    "TIMESTAMP_TOKEN<INTACT:TRUSTED>" => "trusted",
                    "TIMESTAMP_TOKEN<INTACT:UNTRUSTED>" => "untrusted",
                    "TIMESTAMP_TOKEN<INTACT:REVOKED>" => "revoked",
                    other => panic!("pyHanko token {other:?}: map it here"),
                });
            }
            other => panic!("pyHanko item {other:?}: map it here"),
        }
    }
    v
}

/// Splits at commas outside `<...>`.
fn split_items(s: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '<' => depth += 1,
            '>' => depth -= 1,
            ',' if depth == 0 => {
                out.push(String::new());
                continue;
            }
            _ => {}
        }
        out.last_mut().unwrap().push(c);
    }
    out
}

// ------------------------------------------------------------------ comparison

/// A difference found: (file, field, tool, axis, kyso, other).
type Diff = (String, String, &'static str, &'static str, String, String);

fn compare(
    file: &str,
    tool: &'static str,
    ours: &[Verdict],
    theirs: &[Verdict],
    diffs: &mut Vec<Diff>,
    compared: &mut usize,
) {
    let mut push = |field: &str, axis: &'static str, k: &str, o: &str| {
        diffs.push((
            file.to_string(),
            field.to_string(),
            tool,
            axis,
            k.to_string(),
            o.to_string(),
        ));
    };
    // A whole-file error from pyHanko: it vouches for none of the signatures.
    let whole_file_error = theirs.len() == 1 && theirs[0].field.is_none() && tool == "pyhanko";
    if ours.len() != theirs.len() && !whole_file_error {
        push(
            "-",
            "signatures",
            &ours.len().to_string(),
            &theirs.len().to_string(),
        );
        return;
    }
    for (i, k) in ours.iter().enumerate() {
        let o = if whole_file_error {
            &theirs[0]
        } else {
            &theirs[i]
        };
        let field = k.field.as_deref().unwrap_or("?");
        if let Some(of) = &o.field {
            assert_eq!(
                of, field,
                "{file}: {tool} lists signatures in another order"
            );
        }
        *compared += 1;
        if k.integrity != o.integrity {
            push(field, "integrity", k.integrity, o.integrity);
        }
        if k.integrity != "intact" || o.integrity != "intact" {
            continue;
        }
        for (axis, kv, ov) in [
            ("trust", k.trust, o.trust),
            ("timestamp", k.timestamp, o.timestamp),
            ("modifications", k.modifications, o.modifications),
        ] {
            if let (Some(kv), Some(ov)) = (kv, ov)
                && kv != ov
            {
                push(field, axis, kv, ov);
            }
        }
    }
}

#[test]
fn verdicts_agree_with_pdfsig_and_pyhanko_or_the_difference_is_known() {
    let common::signed::Expected {
        json: expected,
        at,
        anchors,
    } = common::signed::expected();
    let independent = json("independent.json");
    let files = independent.as_object().unwrap();
    assert!(
        files.len() >= 45,
        "independent.json shrank: {}",
        files.len()
    );
    let mut diffs: Vec<Diff> = Vec::new();
    let mut compared = 0;
    for (name, rec) in files {
        let e = &expected["files"][name.as_str()];
        assert!(
            e.is_object(),
            "{name} is in independent.json, not in expected.json"
        );
        let mut opts = VerifyOptions::at(at);
        opts.pins = false;
        opts.file_name = name.clone();
        opts.anchors = anchors.clone();
        if let Some(crls) = e.get("user_crls").and_then(Value::as_array) {
            opts.crls = crls.iter().map(|c| file(c.as_str().unwrap())).collect();
        }
        let report = verify::verify_pdf(&common::read(&dir().join(name)), &opts);
        let got = kyso::render::verify_json(&report, Lang::En);
        let ours: Vec<Verdict> = got["signatures"]
            .as_array()
            .unwrap()
            .iter()
            .map(kyso_verdict)
            .collect();
        let pdfsig = pdfsig_verdicts(rec["pdfsig"].as_array().unwrap());
        let lines: Vec<&str> = rec["pyhanko"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        // make.py's `keyusage` mode also asks pyHanko whether the signer's
        // certificate passes kyso's key usage policy: a line of its own, which
        // must agree with kyso's two key usage checks.
        let (policy, lines): (Vec<&str>, Vec<&str>) = lines
            .into_iter()
            .partition(|l| l.starts_with("KU_POLICY: "));
        if let Some(p) = policy.first() {
            let pyhanko_refuses = p.contains("InvalidCertificateError");
            let kyso_refuses = got["signatures"].as_array().unwrap().iter().any(|s| {
                s["checks"].as_array().unwrap().iter().any(|c| {
                    matches!(
                        c["id"].as_str(),
                        Some("signer_key_usage" | "signer_extended_key_usage")
                    ) && c["status"] == "failed"
                })
            });
            assert_eq!(
                kyso_refuses, pyhanko_refuses,
                "{name}: key usage policy, pyHanko says {p:?}"
            );
            compared += 1;
        }
        let pyhanko: Vec<Verdict> = lines.into_iter().map(pyhanko_verdict).collect();
        compare(name, "pdfsig", &ours, &pdfsig, &mut diffs, &mut compared);
        compare(name, "pyhanko", &ours, &pyhanko, &mut diffs, &mut compared);
    }
    assert!(compared >= 90, "only {compared} signature comparisons");

    let is_known = |d: &Diff, k: &Known| {
        (
            d.0.as_str(),
            d.1.as_str(),
            d.2,
            d.3,
            d.4.as_str(),
            d.5.as_str(),
        ) == (k.file, k.field, k.tool, k.axis, k.kyso, k.other)
    };
    let mut failures = Vec::new();
    for d in &diffs {
        let known = KNOWN.iter().any(|k| is_known(d, k));
        println!(
            "{} {}/{}: {} {}: kyso {}, {} {}",
            if known { "known" } else { "NEW  " },
            d.0,
            d.1,
            d.2,
            d.3,
            d.4,
            d.2,
            d.5
        );
        if !known {
            failures.push(format!(
                "{}/{}: {} says {} is {:?}, kyso {:?} (a new disagreement: fix it, or add it \
                 to KNOWN with the reason)",
                d.0, d.1, d.2, d.3, d.5, d.4
            ));
        }
    }
    for k in KNOWN {
        if !diffs.iter().any(|d| is_known(d, k)) {
            failures.push(format!(
                "{}/{}: the known disagreement with {} on {} (kyso {}, {} {}) no longer \
                 occurs: remove it from KNOWN",
                k.file, k.field, k.tool, k.axis, k.kyso, k.tool, k.other
            ));
        }
    }
    let unique: BTreeSet<_> = KNOWN
        .iter()
        .map(|k| (k.file, k.field, k.tool, k.axis))
        .collect();
    assert_eq!(unique.len(), KNOWN.len(), "KNOWN lists an entry twice");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The readers of the recorded outputs, on the shapes they must understand.
#[test]
fn the_recorded_outputs_are_read_as_meant() {
    let v = pyhanko_verdict(
        "Sig1: INTACT:REVOKED,TIMESTAMP_TOKEN<INTACT:TRUSTED>,EXTENDED_WITH_LTA_UPDATES,\
         ACCEPTABLE_MODIFICATIONS [AdESIndeterminate.REVOKED_NO_POE]",
    );
    assert_eq!(v.field.as_deref(), Some("Sig1"));
    assert_eq!(
        (v.integrity, v.trust, v.timestamp, v.modifications),
        ("intact", Some("revoked"), Some("trusted"), Some("allowed"))
    );
    let v = pyhanko_verdict("DocTS: INTACT:TRUSTED");
    assert_eq!((v.trust, v.modifications), (Some("trusted"), None));
    assert_eq!(pyhanko_verdict("Sig1: INVALID").integrity, "broken");
    let v = pyhanko_verdict("error PdfReadError: Could not read /ByteRange entry in signature");
    assert_eq!((v.field, v.integrity), (None, "refused"));
    let v = pyhanko_verdict("Sig1: error TypeError: 'NullObject' object is not iterable");
    assert_eq!((v.field.as_deref(), v.integrity), (Some("Sig1"), "refused"));

    let lines: Vec<Value> = [
        "- Signature Type: adbe.pkcs7.detached",
        "- Signature Validation: Signature is Valid.",
        "- Signature Type: unknown",
        "- Signature Validation: Signature has not yet been verified.",
    ]
    .iter()
    .map(|s| Value::from(*s))
    .collect();
    let v: Vec<_> = pdfsig_verdicts(&lines)
        .iter()
        .map(|v| v.integrity)
        .collect();
    assert_eq!(v, ["intact", "refused"]);
}
