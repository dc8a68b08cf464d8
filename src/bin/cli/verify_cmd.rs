//! `kyso verify`: signed PDFs, one verdict per signature, on a terminal or as JSON.
//!
//! The human text is drawn from the typed report with the same `i18n` words as the
//! JSON (`render::verify_json`) and the page, so a verdict reads the same everywhere.

use std::io::Write;

use kyso::i18n::{self, Lang};
use kyso::input::InputFile;
use kyso::pdf::ChangeRule;
use kyso::verify::{self, CheckId, CheckStatus, Indication, TimeUsed, VerifyOptions};
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
    let out = std::io::stdout();
    let mut out = out.lock();
    let written = if args.json {
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
        print_human(&mut out, &verified, &sources, &unreadable, lang)
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("kyso: {e}");
    }
    if failed { EXIT_UNREADABLE } else { EXIT_OK }
}

/// What the report says about the changes after signing `sig`, in a few words.
///
/// Whether they were analysed at all is told by the `modifications` check: a
/// signature whose CMS cannot be read or whose coverage is unclear stops before that
/// step, and its empty list of changes means "not looked at", not "none found".
fn changes_after(sig: &verify::SignatureReport, lang: Lang) -> &'static str {
    let check = sig.checks.iter().find(|c| c.id == CheckId::Modifications);
    match check.map(|c| (c.status, c)) {
        None | Some((CheckStatus::NotChecked, _)) => i18n::text(lang, "changes_not_analysed"),
        // "Modified" only when a change that is not allowed was found: a decree
        // signed again by the agency is not a modified decree.
        Some((CheckStatus::Failed, _)) => i18n::text(lang, "cli_modified_after_signing"),
        Some((CheckStatus::Passed, _)) if sig.modified_after => {
            i18n::text(lang, "cli_only_allowed_changes_after_signing")
        }
        Some((CheckStatus::Passed, _)) => {
            i18n::text(lang, "cli_no_disallowed_change_after_signing")
        }
        // Not modified, and yet not passed (an analysis that could not be relied
        // on): the check's own words.
        Some((_, c)) => i18n::check_detail(lang, &c.detail),
    }
}

/// The reports for a terminal, drawn from the typed reports (the words are the same
/// `i18n` matches the JSON and the page use); `sources` (in the same order) is where
/// each document's evidence came from, when evidence beyond the file was asked for.
fn print_human(
    out: &mut impl Write,
    verified: &[verify::DocumentReport],
    sources: &[Option<Value>],
    unreadable: &[Unreadable],
    lang: Lang,
) -> std::io::Result<()> {
    for (doc, sources) in verified.iter().zip(sources) {
        writeln!(out, "══ {} ══", doc.file)?;
        if let Some(err) = &doc.error {
            writeln!(out, "  ✗ {}", i18n::pdf_error(lang, err))?;
            writeln!(out)?;
            continue;
        }
        writeln!(out, "  {}", i18n::summary_text(lang, doc.summary))?;
        if let Some(e) = i18n::encryption(lang, &doc.encryption) {
            writeln!(out, "  {} {e}", i18n::text(lang, "cli_encryption"))?;
        }
        for sig in &doc.signatures {
            print_signature(out, sig, lang)?;
        }
        if let Some(sources) = sources {
            super::evidence::print_human(out, sources, lang)?;
        }
        writeln!(out)?;
    }
    for u in unreadable {
        writeln!(out, "✗ {}: {}", u.file, u.detail)?;
    }
    Ok(())
}

/// One signature's lines: the verdict, the facts behind it, what changed after it,
/// and every check that did not pass.
fn print_signature(
    out: &mut impl Write,
    sig: &verify::SignatureReport,
    lang: Lang,
) -> std::io::Result<()> {
    let mark = match sig.indication {
        Indication::TotalPassed => "✓",
        Indication::TotalFailed => "✗",
        Indication::Indeterminate => "?",
    };
    writeln!(
        out,
        "  {mark} [{}] {} — {}",
        sig.field,
        i18n::verdict(lang, sig.indication),
        sig.indication.code()
    )?;
    writeln!(out, "      {}", i18n::headline(lang, sig.headline))?;
    if let Some(sub) = sig.sub_indication {
        writeln!(
            out,
            "      {} ({})",
            i18n::sub_indication(lang, sub),
            sub.code()
        )?;
    }
    writeln!(
        out,
        "      {:<20} {}",
        i18n::text(lang, "cli_integrity"),
        i18n::integrity(lang, sig.integrity)
    )?;
    if let Some(signer) = &sig.signer {
        writeln!(
            out,
            "      {:<20} {} ({} {})",
            i18n::text(lang, "cli_signer"),
            signer.common_name.as_deref().unwrap_or("—"),
            i18n::text(lang, "cli_serial"),
            signer.serial_hex
        )?;
    }
    let st = &sig.signing_time;
    writeln!(
        out,
        "      {:<20} {} ({})",
        i18n::text(lang, "cli_signing_time"),
        st.used_time.to_rfc3339(),
        if st.used == TimeUsed::Proven {
            i18n::text(lang, "cli_proven_by_a_timestamp")
        } else {
            i18n::text(lang, "cli_claimed_by_the_signer_not_proven")
        }
    )?;
    if let Some(chain) = &sig.chain {
        let anchor = super::cert_cmd::anchor_suffix(chain);
        writeln!(
            out,
            "      {:<20} {}{anchor}",
            i18n::text(lang, "cli_chain"),
            i18n::chain_status(lang, chain.status)
        )?;
        super::cert_cmd::chain_details(out, chain, lang, "      ", 20)?;
    }
    writeln!(
        out,
        "      {:<20} {} · {}",
        i18n::text(lang, "cli_coverage"),
        i18n::coverage_grade(lang, sig.coverage),
        changes_after(sig, lang)
    )?;
    if !sig.signed_after.is_empty() {
        let names: Vec<String> = sig
            .signed_after
            .iter()
            .map(|l| format!("{} [{}]", l.signer.as_deref().unwrap_or(&l.field), l.field))
            .collect();
        writeln!(
            out,
            "      {:<20} {}",
            format!("{}:", i18n::text(lang, "signed_after_by")),
            names.join(", ")
        )?;
    }
    for c in &sig.changes_after {
        if let Some(m) = &c.comment {
            let page = c.page.map_or(0, |p| p.saturating_add(1));
            writeln!(
                out,
                "        + {} {page}: {} “{}” ({})",
                i18n::text(lang, "cli_comment_page"),
                m.subtype,
                m.text,
                i18n::change_rule(lang, ChangeRule::CommentAdded)
            )?;
        }
        // Allowed changes of a later signing are summed up by the line above; the
        // list names what is not allowed, and the comments.
        if c.allowed {
            continue;
        }
        writeln!(
            out,
            "        · {} {}: {} — {} ({})",
            i18n::text(lang, "cli_revision"),
            c.revision,
            i18n::change_kind(lang, c.what),
            i18n::change_action(lang, c.action),
            i18n::text(lang, "cli_not_allowed")
        )?;
    }
    for c in sig
        .checks
        .iter()
        .filter(|c| c.status != CheckStatus::Passed)
    {
        writeln!(
            out,
            "      ! {}: {}",
            i18n::check_title(lang, c.id),
            i18n::check_detail(lang, &c.detail)
        )?;
    }
    Ok(())
}
