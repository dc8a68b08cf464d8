//! The signed-PDF report as JSON (`kyso verify --json`, the page's export): the
//! report as data, every code also worded.

use crate::crypto::HashAlg;
use crate::i18n::{self, Lang};
use crate::time::Instant;
use crate::verify::*;

/// The JSON document of `kyso verify --json` and the page's export: the report as
/// data, every code also worded in `lang`.
pub fn verify_json(report: &DocumentReport, lang: Lang) -> serde_json::Value {
    use serde_json::{Value, json};
    let time = |i: Option<Instant>| i.map_or(Value::Null, |i| Value::String(i.to_rfc3339()));
    let signatures: Vec<Value> = report
        .signatures
        .iter()
        .map(|s| {
            let checks: Vec<Value> = s
                .checks
                .iter()
                .map(|c| {
                    json!({
                        "id": c.id,
                        "status": c.status.code(),
                        "detail": c.detail,
                        "title": i18n::check_title(lang, c.id),
                        "message": i18n::check_detail(lang, &c.detail),
                    })
                })
                .collect();
            let changes: Vec<Value> = s
                .changes_after
                .iter()
                .map(|c| {
                    json!({
                        "revision": c.revision,
                        "allowed": c.allowed,
                        "what": c.what.code(),
                        "action": c.action.code(),
                        "rule": c.rule.code(),
                        "page": c.page,
                        "object": [c.object.0, c.object.1],
                        "comment": c.comment,
                    })
                })
                .collect();
            let sub = s.sub_indication.map(SubIndication::code);
            json!({
                "field": s.field,
                "revision": s.revision,
                "headline": s.headline.code(),
                "headline_text": i18n::headline(lang, s.headline),
                "signed_after": s.signed_after,
                "kind": s.kind,
                "sub_filter": s.sub_filter,
                "indication": s.indication.code(),
                "sub_indication": sub,
                "verdict": i18n::verdict(lang, s.indication),
                "sub_indication_text": s.sub_indication.map(|x| i18n::sub_indication(lang, x)),
                "integrity": s.integrity,
                "coverage": s.coverage,
                "coverage_problem": s.coverage_problem,
                "modified_after": s.modified_after,
                "changes_after": changes,
                "reachable": s.reachable,
                "removed_in_revision": s.removed_in_revision,
                "certification": s.certification.map(|p| p.code()),
                "signer": s.signer.as_ref().map(|f| serde_json::to_value(f).unwrap_or(Value::Null)),
                "signing_time": {
                    "claimed": time(s.signing_time.claimed),
                    "claimed_source": s.signing_time.claimed_source.map(ClaimedSource::code),
                    "proven": time(s.signing_time.proven),
                    "proven_source": s.signing_time.proven_source.map(ProvenSource::code),
                    "used": s.signing_time.used.code(),
                    "used_time": s.signing_time.used_time.to_rfc3339(),
                },
                "signature_algorithm": s.signature_algorithm,
                "digest_algorithm": s.digest_algorithm.map(HashAlg::name),
                "chain": s.chain.as_ref().map(|c| {
                    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
                    if let Some(obj) = v.as_object_mut() {
                        for (k, text) in i18n::chain_texts(lang, c) {
                            obj.insert(k.into(), text.map_or(Value::Null, Value::String));
                        }
                    }
                    v
                }),
                "revocation": s.revocation.as_ref().map(|r| serde_json::to_value(r).unwrap_or(Value::Null)),
                "reason": s.reason,
                "location": s.location,
                "checks": checks,
            })
        })
        .collect();
    json!({
        "file": report.file,
        "at": report.at.to_rfc3339(),
        "error": report.error.as_ref().map(|e| json!({"code": e.code(), "message": i18n::pdf_error(lang, e)})),
        "revisions": report.revisions,
        "encrypted": report.encrypted,
        "encryption": report.encryption.code(),
        "encryption_text": i18n::encryption(lang, &report.encryption),
        "summary": report.summary,
        "summary_text": i18n::summary_text(lang, report.summary),
        "input_problems": report.input_problems.iter().map(crate::input::InputError::code).collect::<Vec<_>>(),
        "evidence": report.evidence,
        "signatures": signatures,
    })
}
