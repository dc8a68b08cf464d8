//! `kyso cert`: the certificate card, on a terminal.

use std::io::Write;

use kyso::i18n::{self, Lang};
use kyso::input::InputFile;
use kyso::report::{self, CertEntry, CertOptions, CertReport, FileError};

use super::files::{self, Unreadable};
use super::{CertArgs, EXIT_OK, EXIT_UNREADABLE, usage_error};

pub fn run(args: &CertArgs) -> u8 {
    let (at, lang) = match args.trust.time_and_lang() {
        Ok(v) => v,
        Err(e) => return usage_error(&e),
    };
    let (inputs, mut unreadable) = files::read_paths(&args.paths, &files::cert_extensions());
    let trust = args.trust.load(&mut unreadable);
    let mut opts = CertOptions::at(at);
    opts.anchors = trust.anchors;
    opts.extra_certs = trust.certs;
    opts.crls = trust.crls;
    opts.require_revocation = args.require_revocation;

    // CRL files given as PATHs are inputs, not cards: hand them to the CRL list.
    let (crl_inputs, cert_inputs): (Vec<InputFile>, Vec<InputFile>) = inputs
        .into_iter()
        .partition(|f| f.name.to_ascii_lowercase().ends_with(".crl"));
    opts.crls.extend(crl_inputs);

    // Evidence beyond the files: the trust folder, the network (CRLs and issuers;
    // the certificate report has no OCSP input).
    let evidence = &args.trust.evidence;
    let mut sources = Vec::new();
    if evidence.active() {
        let (index, folder_cas) = evidence.folder_cas(lang, &mut sources);
        opts.extra_certs.extend(folder_cas);
        let certs = kyso::cert::Cert::all_in(&cert_inputs);
        let pool = super::evidence::pool(&opts.extra_certs, &opts.anchors);
        let ev = evidence.gather(index.as_ref(), &certs, &pool, at, lang, false);
        sources.extend(super::evidence::user_crls(&opts.crls));
        opts.extra_certs.extend(ev.certs);
        opts.crls.extend(ev.crls);
        sources.extend(ev.sources);
    }
    let report = report::read_certificates(&cert_inputs, &opts);
    let failed = !unreadable.is_empty() || !report.errors.is_empty();

    let out = std::io::stdout();
    let mut out = out.lock();
    let written = if args.json {
        let mut doc = kyso::render::cert_json(&report, lang);
        if evidence.active()
            && let Some(o) = doc.as_object_mut()
        {
            o.insert(
                "evidence_sources".into(),
                super::evidence::to_json(&sources, lang),
            );
        }
        if let Some(errs) = doc.get_mut("errors").and_then(|e| e.as_array_mut()) {
            for u in &unreadable {
                errs.push(serde_json::json!({
                    "file": u.file, "index": null, "code": "unreadable", "message": u.detail,
                }));
            }
        }
        serde_json::to_writer_pretty(&mut out, &doc)
            .and_then(|()| writeln!(out).map_err(serde_json::Error::io))
            .map_err(std::io::Error::other)
    } else {
        print_human(&mut out, &report, &unreadable, lang).and_then(|()| {
            super::evidence::print_human(&mut out, &super::evidence::to_json(&sources, lang), lang)
        })
    };
    if let Err(e) = written {
        // A closed pipe (`kyso cert ... | head`) is not an input problem.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("kyso: {e}");
        }
    }
    if failed { EXIT_UNREADABLE } else { EXIT_OK }
}

fn print_human(
    out: &mut impl Write,
    report: &CertReport,
    unreadable: &[Unreadable],
    lang: Lang,
) -> std::io::Result<()> {
    let vi = lang == Lang::Vi;
    for c in &report.certificates {
        print_card(out, c, lang)?;
    }
    for e in &report.errors {
        print_error(out, e, lang)?;
    }
    for u in unreadable {
        let what = if vi {
            "không đọc được"
        } else {
            "cannot read"
        };
        writeln!(out, "✗ {}: {what}: {}", u.file, u.detail)?;
    }
    let (n, m) = (
        report.certificates.len(),
        report.errors.len() + unreadable.len(),
    );
    if vi {
        writeln!(
            out,
            "Đã đọc {n} chứng thư số; {m} lỗi. Thời điểm kiểm tra: {}.",
            report.at.to_vn_display()
        )
    } else {
        writeln!(
            out,
            "Read {n} certificates; {m} errors. Validation time: {}.",
            report.at
        )
    }
}

fn print_error(out: &mut impl Write, e: &FileError, lang: Lang) -> std::io::Result<()> {
    let at = e.index.map(|i| format!(" #{i}")).unwrap_or_default();
    writeln!(
        out,
        "✗ {}{at}: {}",
        e.file,
        i18n::input_error(lang, &e.error)
    )
}

fn print_card(out: &mut impl Write, c: &CertEntry, lang: Lang) -> std::io::Result<()> {
    let f = &c.facts;
    let vi = lang == Lang::Vi;
    writeln!(out, "── {} #{} ──", c.file, c.index)?;
    writeln!(
        out,
        "  {:<22} {}",
        i18n::text(lang, "cli_name_cn"),
        f.common_name.as_deref().unwrap_or("—")
    )?;
    writeln!(
        out,
        "  {:<22} {}",
        i18n::text(lang, "cli_subject"),
        f.subject_dn
    )?;
    writeln!(
        out,
        "  {:<22} {}",
        i18n::text(lang, "cli_serial_number"),
        f.serial_hex
    )?;
    writeln!(
        out,
        "  {:<22} {}",
        i18n::text(lang, "cli_issuer"),
        f.issuer_dn
    )?;
    let status = i18n::text(lang, f.status.code());
    if vi {
        writeln!(
            out,
            "  {:<22} từ {} đến {} ({}) — {status}",
            "Hiệu lực:",
            f.not_before.to_vn_display(),
            f.not_after.to_vn_display(),
            i18n::days_left(lang, f.days_left)
        )?;
    } else {
        writeln!(
            out,
            "  {:<22} from {} to {} ({}) — {status}",
            "Validity:",
            f.not_before,
            f.not_after,
            i18n::days_left(lang, f.days_left)
        )?;
    }
    for id in &f.identifiers {
        let problem = id
            .problem
            .map(|p| format!(" ⚠ {}", i18n::text(lang, p)))
            .unwrap_or_default();
        writeln!(
            out,
            "  {:<22} {} {}{problem}",
            i18n::text(lang, "cli_identifier"),
            id.kind,
            id.value
        )?;
    }
    if let Some(t) = &f.title {
        writeln!(out, "  {:<22} {t}", i18n::text(lang, "cli_title"))?;
    }
    if !f.emails.is_empty() {
        writeln!(
            out,
            "  {:<22} {}",
            i18n::text(lang, "cli_e_mail"),
            f.emails.join(", ")
        )?;
    }
    writeln!(
        out,
        "  {:<22} {} ({})",
        i18n::text(lang, "cli_holder"),
        i18n::text(lang, f.holder_kind.code()),
        i18n::text(lang, f.holder_reason)
    )?;
    let bits = f
        .public_key
        .bits
        .map(|b| format!(" {b} bit"))
        .unwrap_or_default();
    writeln!(
        out,
        "  {:<22} {}{bits}; {}",
        i18n::text(lang, "cli_key_algorithm"),
        f.public_key.algorithm,
        f.signature_algorithm.name
    )?;
    if !f.key_usage.is_empty() {
        writeln!(
            out,
            "  {:<22} {}",
            i18n::text(lang, "cli_key_usage"),
            f.key_usage.join(", ")
        )?;
    }
    writeln!(out, "  {:<22} {}", "SHA-1:", f.sha1)?;
    writeln!(out, "  {:<22} {}", "SHA-256:", f.sha256)?;
    let chain = &c.chain;
    let anchor = anchor_suffix(chain);
    writeln!(
        out,
        "  {:<22} {}{anchor} ({})",
        i18n::text(lang, "cli_chain"),
        i18n::chain_status(lang, chain.status),
        i18n::chain_reason(lang, &chain.reason)
    )?;
    // Profile rules the chain breaks without failing (RFC 5280 §4; trust::profile).
    for w in &chain.warnings {
        writeln!(out, "  {:<22} {}", "", i18n::chain_reason(lang, w))?;
    }
    chain_details(out, chain, lang, "  ", 22)?;
    writeln!(
        out,
        "  {:<22} {}",
        i18n::text(lang, "cli_renewal_change"),
        i18n::renewal_sentence(lang, &c.renewal)
    )?;
    writeln!(out)
}

/// The kind of root a chain ends at and the CA certificate it lacks, one line each,
/// labels padded to `width` after `indent`: the same lines under a certificate
/// (`kyso cert`) and under a signature (`kyso verify`).
pub fn chain_details(
    out: &mut impl Write,
    chain: &kyso::trust::ChainResult,
    lang: Lang,
    indent: &str,
    width: usize,
) -> std::io::Result<()> {
    if let Some(a) = &chain.anchor {
        let kind = i18n::anchor_kind(lang, a.kind);
        let l = i18n::text(lang, "cli_root_kind");
        writeln!(out, "{indent}{l:<width$} {kind}")?;
    }
    if let Some(m) = &chain.missing_issuer {
        let missing = i18n::missing_issuer(lang, m);
        let l = i18n::text(lang, "cli_missing_ca");
        writeln!(out, "{indent}{l:<width$} {missing}")?;
    }
    Ok(())
}

/// " — <trust anchor's name>" after a chain's status, or nothing without an anchor
/// (the chain line of `kyso cert` and of each signer in `kyso verify`).
pub fn anchor_suffix(chain: &kyso::trust::ChainResult) -> String {
    chain
        .anchor
        .as_ref()
        .map(|a| format!(" — {}", a.name))
        .unwrap_or_default()
}
