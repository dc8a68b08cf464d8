//! The certificate report as JSON (`kyso cert --json`, the page's export).

use crate::report::*;

/// The JSON document of `kyso cert --json` and of the page's "export JSON": the
/// report as data, with every error also worded in `lang` (`message`), the chain's
/// anchor reduced to its display name (or null; the object is `anchor_info`), and the
/// kind of root and the missing CA worded (`anchor_kind_text`, `missing_issuer_text`).
pub fn cert_json(report: &CertReport, lang: crate::i18n::Lang) -> serde_json::Value {
    use serde_json::{Value, json};
    let certificates: Vec<Value> = report
        .certificates
        .iter()
        .map(|c| {
            let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
            if let Some(obj) = v.as_object_mut() {
                obj.insert(
                    "renewal_text".into(),
                    Value::String(crate::i18n::renewal_sentence(lang, &c.renewal)),
                );
                if let Some(chain) = obj.get_mut("chain").and_then(Value::as_object_mut) {
                    let anchor_name = chain
                        .get("anchor")
                        .and_then(|a| a.get("name"))
                        .cloned()
                        .unwrap_or(Value::Null);
                    if let Some(a) = chain.remove("anchor") {
                        chain.insert("anchor_info".into(), a);
                    }
                    chain.insert("anchor".into(), anchor_name);
                    for (k, v) in crate::i18n::chain_texts(lang, &c.chain) {
                        chain.insert(k.into(), v.map_or(Value::Null, Value::String));
                    }
                }
            }
            v
        })
        .collect();
    let errors: Vec<Value> = report
        .errors
        .iter()
        .map(|e| {
            json!({
                "file": e.file,
                "index": e.index,
                "code": e.code(),
                "message": crate::i18n::input_error(lang, &e.error),
                "detail": e.error,
            })
        })
        .collect();
    json!({
        "at": report.at,
        "certificates": certificates,
        "errors": errors,
        "crl_count": report.crl_count,
    })
}
