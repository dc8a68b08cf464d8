//! `kyso verify`: signed PDFs, one verdict per signature, on a terminal or as JSON.
//!
//! The human text is drawn from the same worded JSON (`verify::to_json`) that the
//! page exports, so a verdict reads the same everywhere.

use std::io::Write;

use kyso::i18n::Lang;
use kyso::input::InputFile;
use kyso::verify::{self, CheckId, CheckStatus, VerifyOptions};
use serde_json::Value;

use super::files::{self, Unreadable};
use super::record_out;
use super::{EXIT_OK, EXIT_UNREADABLE, VerifyArgs, usage_error};

const PDF_EXTENSIONS: &[&str] = &["pdf"];

pub fn run(args: &VerifyArgs) -> u8 {
    let (at, lang) = match args.trust.time_and_lang() {
        Ok(v) => v,
        Err(e) => return usage_error(&e),
    };
    let (docs, mut unreadable) = files::read_paths(&args.paths, PDF_EXTENSIONS);
    let trust = args.trust.load(&mut unreadable);
    let evidence = &args.trust.evidence;
    let mut folder_problems = Vec::new();
    let (index, folder_cas) = evidence.folder_cas(lang, &mut folder_problems);

    // Each document's report, and where its evidence came from when evidence beyond
    // the file was asked for (`evidence_sources` in the JSON).
    let (verified, sources): (Vec<verify::DocumentReport>, Vec<Option<Value>>) = docs
        .iter()
        .map(|d: &InputFile| {
            let mut opts = VerifyOptions {
                file_name: d.name.clone(),
                extra_certs: trust.certs.clone(),
                anchors: trust.anchors.clone(),
                crls: trust.crls.clone(),
                ..VerifyOptions::at(at)
            };
            // Evidence beyond the file: the trust folder, the network.
            let mut sources = folder_problems.clone();
            if evidence.active() {
                opts.extra_certs.extend(folder_cas.iter().cloned());
                let plan = verify::plan(&d.bytes);
                let pool = super::evidence::pool(&opts.extra_certs, &opts.anchors);
                let ev =
                    evidence.gather(index.as_ref(), &plan.certificates(), &pool, at, lang, true);
                opts.extra_certs.extend(ev.certs);
                opts.crls.extend(ev.crls);
                opts.ocsps = ev.ocsps;
                sources.extend(super::evidence::embedded_and_user(&plan, &trust.crls));
                sources.extend(ev.sources);
            }
            let report = verify::verify_pdf(&d.bytes, &opts);
            let sources = evidence
                .active()
                .then(|| super::evidence::to_json(&sources, lang));
            (report, sources)
        })
        .collect();
    let failed = !unreadable.is_empty() || verified.iter().any(|r| r.error.is_some());
    if let Some(path) = &args.record
        && let Err(code) = record_out::write_record(path, &docs, &verified, lang)
    {
        return code;
    }
    if let Some(format) = &args.summary {
        return record_out::print_summary(format, &verified, &unreadable, lang)
            .unwrap_or(if failed { EXIT_UNREADABLE } else { EXIT_OK });
    }
    let reports: Vec<Value> = verified
        .iter()
        .zip(sources)
        .map(|(r, sources)| {
            let mut json = kyso::render::verify_json(r, lang);
            if let (Some(s), Some(o)) = (sources, json.as_object_mut()) {
                o.insert("evidence_sources".into(), s);
            }
            json
        })
        .collect();

    let out = std::io::stdout();
    let mut out = out.lock();
    let written = if args.json {
        let mut errors: Vec<Value> = Vec::new();
        for u in &unreadable {
            errors.push(
                serde_json::json!({"file": u.file, "code": "unreadable", "message": u.detail}),
            );
        }
        let doc = serde_json::json!({ "documents": reports, "errors": errors });
        serde_json::to_writer_pretty(&mut out, &doc)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(out))
    } else {
        print_human(&mut out, &reports, &verified, &unreadable, lang)
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("kyso: {e}");
    }
    if failed { EXIT_UNREADABLE } else { EXIT_OK }
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// What the report says about the changes after signing `sig`, in a few words.
///
/// Whether they were analysed at all is told by the `modifications` check: a
/// signature whose CMS cannot be read or whose coverage is unclear stops before that
/// step, and its empty list of changes means "not looked at", not "none found".
fn changes_after(sig: &verify::SignatureReport, lang: Lang) -> &'static str {
    let vi = lang == Lang::Vi;
    let label = |v: &'static str, e: &'static str| if vi { v } else { e };
    let check = sig.checks.iter().find(|c| c.id == CheckId::Modifications);
    match check.map(|c| (c.status, c)) {
        None | Some((CheckStatus::NotChecked, _)) => kyso::i18n::text(lang, "changes_not_analysed"),
        // "Modified" only when a change that is not allowed was found: a decree
        // signed again by the agency is not a modified decree.
        Some((CheckStatus::Failed, _)) => label(
            "TÀI LIỆU ĐÃ BỊ SỬA ĐỔI SAU KHI KÝ",
            "MODIFIED AFTER SIGNING",
        ),
        Some((CheckStatus::Passed, _)) if sig.modified_after => label(
            "sau khi ký chỉ có thay đổi được phép",
            "only allowed changes after signing",
        ),
        Some((CheckStatus::Passed, _)) => label(
            "không có sửa đổi trái phép sau khi ký",
            "no disallowed change after signing",
        ),
        // Not modified, and yet not passed (an analysis that could not be relied
        // on): the check's own words.
        Some((_, c)) => kyso::i18n::check_detail(lang, &c.detail),
    }
}

/// The reports for a terminal: `reports` are their JSON documents (`verified`, in the
/// same order, is what the typed words are taken from).
fn print_human(
    out: &mut impl Write,
    reports: &[Value],
    verified: &[verify::DocumentReport],
    unreadable: &[Unreadable],
    lang: Lang,
) -> std::io::Result<()> {
    let vi = lang == Lang::Vi;
    let label = |v: &'static str, e: &'static str| if vi { v } else { e };
    for (r, doc) in reports.iter().zip(verified) {
        writeln!(out, "══ {} ══", s(&r["file"]))?;
        if let Some(err) = r["error"].as_object() {
            writeln!(out, "  ✗ {}", s(&err["message"]))?;
            writeln!(out)?;
            continue;
        }
        writeln!(out, "  {}", s(&r["summary_text"]))?;
        if let Some(e) = r["encryption_text"].as_str() {
            writeln!(out, "  {} {e}", label("Mã hóa:", "Encryption:"))?;
        }
        let typed = doc.signatures.iter();
        for (sig, typed) in r["signatures"].as_array().into_iter().flatten().zip(typed) {
            let mark = match s(&sig["indication"]) {
                "TOTAL_PASSED" => "✓",
                "TOTAL_FAILED" => "✗",
                _ => "?",
            };
            writeln!(
                out,
                "  {mark} [{}] {} — {}",
                s(&sig["field"]),
                s(&sig["verdict"]),
                s(&sig["indication"])
            )?;
            writeln!(out, "      {}", s(&sig["headline_text"]))?;
            if let Some(sub) = sig["sub_indication_text"].as_str() {
                writeln!(out, "      {} ({})", sub, s(&sig["sub_indication"]))?;
            }
            writeln!(
                out,
                "      {:<20} {}",
                label("Toàn vẹn:", "Integrity:"),
                kyso::i18n::integrity(lang, typed.integrity)
            )?;
            if let Some(signer) = sig["signer"].as_object() {
                let cn = signer.get("common_name").map(s).unwrap_or("—");
                let serial = signer.get("serial_hex").map(s).unwrap_or("");
                writeln!(
                    out,
                    "      {:<20} {cn} ({} {serial})",
                    label("Người ký:", "Signer:"),
                    label("số hiệu", "serial")
                )?;
            }
            let st = &sig["signing_time"];
            writeln!(
                out,
                "      {:<20} {} ({})",
                label("Thời điểm ký:", "Signing time:"),
                s(&st["used_time"]),
                if s(&st["used"]) == "proven" {
                    label(
                        "được chứng minh bằng dấu thời gian",
                        "proven by a timestamp",
                    )
                } else {
                    label(
                        "do người ký tự khai, chưa được chứng minh",
                        "claimed by the signer, not proven",
                    )
                }
            )?;
            if let Some(chain) = sig["chain"].as_object() {
                let anchor = chain
                    .get("anchor")
                    .and_then(|a| a.get("name"))
                    .map(s)
                    .map(|n| format!(" — {n}"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "      {:<20} {}{anchor}",
                    label("Chuỗi chứng thực:", "Chain:"),
                    kyso::i18n::text(lang, chain.get("status").map(s).unwrap_or(""))
                )?;
                if let Some(kind) = chain.get("anchor_kind_text").and_then(Value::as_str) {
                    writeln!(
                        out,
                        "      {:<20} {kind}",
                        label("Loại CA gốc:", "Root kind:")
                    )?;
                }
                if let Some(m) = chain.get("missing_issuer_text").and_then(Value::as_str) {
                    writeln!(
                        out,
                        "      {:<20} {m}",
                        label("CA còn thiếu:", "Missing CA:")
                    )?;
                }
            }
            writeln!(
                out,
                "      {:<20} {} · {}",
                label("Phạm vi ký:", "Coverage:"),
                kyso::i18n::coverage_grade(lang, typed.coverage),
                changes_after(typed, lang)
            )?;
            let later = sig["signed_after"].as_array().cloned().unwrap_or_default();
            if !later.is_empty() {
                let names: Vec<String> = later
                    .iter()
                    .map(|l| {
                        let who = l["signer"].as_str().unwrap_or(s(&l["field"]));
                        format!("{who} [{}]", s(&l["field"]))
                    })
                    .collect();
                writeln!(
                    out,
                    "      {:<20} {}",
                    format!("{}:", kyso::i18n::text(lang, "signed_after_by")),
                    names.join(", ")
                )?;
            }
            for c in sig["changes_after"].as_array().into_iter().flatten() {
                if let Some(m) = c["comment"].as_object() {
                    let page = c["page"].as_u64().map_or(0, |p| p + 1);
                    writeln!(
                        out,
                        "        + {} {page}: {} “{}” ({})",
                        label("ghi chú, trang", "comment, page"),
                        m.get("subtype").map(s).unwrap_or(""),
                        m.get("text").map(s).unwrap_or(""),
                        kyso::i18n::text(lang, "rule_comment_added")
                    )?;
                }
                // Allowed changes of a later signing are summed up by the line
                // above; the list names what is not allowed, and the comments.
                if c["allowed"].as_bool() == Some(true) {
                    continue;
                }
                let ok = if c["allowed"].as_bool() == Some(true) {
                    label("được phép", "allowed")
                } else {
                    label("KHÔNG được phép", "NOT allowed")
                };
                writeln!(
                    out,
                    "        · {} {}: {} — {} ({ok})",
                    label("bản cập nhật", "revision"),
                    c["revision"],
                    kyso::i18n::text(lang, &format!("change_{}", s(&c["what"]))),
                    kyso::i18n::text(lang, &format!("action_{}", s(&c["action"]))),
                )?;
            }
            for c in typed
                .checks
                .iter()
                .filter(|c| c.status != CheckStatus::Passed)
            {
                writeln!(
                    out,
                    "      ! {}: {}",
                    kyso::i18n::check_title(lang, c.id),
                    kyso::i18n::check_detail(lang, &c.detail)
                )?;
            }
        }
        super::evidence::print_human(out, &r["evidence_sources"], lang)?;
        writeln!(out)?;
    }
    for u in unreadable {
        writeln!(out, "✗ {}: {}", u.file, u.detail)?;
    }
    Ok(())
}
