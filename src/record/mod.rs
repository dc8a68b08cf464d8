//! What a clerk files after checking signed PDFs: the verification record of one
//! document ("Phiếu kết quả kiểm tra chữ ký số", this module) and the summary of a
//! batch ([`summary`], written as CSV/TSV there and as XLSX by [`xlsx`]).
//!
//! The record is a [`forms::doc::Doc`], the same layout model as the Decree 68
//! letters, so it is written by the letters' DOCX and PDF writers with their embedded
//! serif and follows the same Decree 30/2020 conventions: the agency and the national
//! motto at the top, a centred bold title, numbered sections, the place and date, the
//! signature block of the person who checked. Like [`crate::verify::to_json`] it is a
//! render layer: it takes the report and words its codes with [`i18n`]; it is pure
//! (no clock: the validation time is the report's, no I/O: the file's SHA-256 comes
//! in with [`RecordInput`]).
//!
//! What it shows per signature follows the steps of Articles 30–32 of Decree
//! 68/2024/NĐ-CP as `../shared/seeds/001` cites them (check the signature, the
//! certificate's validity at the signing time, the certification path), plus what
//! the page shows: the verdict with its headline, the signer, the claimed and proven
//! times, the chain and its root, the revocation source and the changes after
//! signing. The text of Circular 15/2025/TT-BKHCN is not among the domain documents,
//! so no item is attributed to it.

pub mod summary;
pub mod xlsx;

use crate::cert::CertFacts;
use crate::forms::doc::{self, Align, Doc, Para, Signature, Span, Table};
use crate::i18n::{self, Lang};
use crate::time::Instant;
use crate::verify::{
    CheckDetail, DocumentReport, RevSource, RevStatus, SignatureKind, SignatureReport, TimeUsed,
};

/// What the record needs besides the report: facts about the file that only the
/// caller, who holds its bytes, knows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordInput {
    /// SHA-256 of the whole file, hex.
    pub sha256: String,
    pub size: u64,
    /// The checking agency, for the header (upper-cased); blank lines when empty.
    pub agency: String,
    /// Its superior body, above it; nothing when empty.
    pub superior: String,
    /// The place in "Hà Nội, ngày …"; dots when empty.
    pub place: String,
}

impl RecordInput {
    /// The facts of the file `bytes` (its SHA-256 and size), no agency or place.
    pub fn of(bytes: &[u8]) -> RecordInput {
        RecordInput {
            sha256: crate::cert::hex_upper(&crate::crypto::HashAlg::Sha256.digest(bytes)),
            size: bytes.len() as u64,
            ..RecordInput::default()
        }
    }
}

/// The record of `report` as a document, ready for `forms::docx::render` and
/// `forms::pdf::render`.
pub fn build(report: &DocumentReport, input: &RecordInput, lang: Lang) -> Doc {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let mut before = vec![Para::body(vec![Span::plain(t("record_intro"))])];

    before.push(heading(&t("record_section_file")));
    let mut file_lines = vec![
        (t("record_file_name"), report.file.clone()),
        (
            t("record_file_size"),
            format!("{} {}", input.size, t("record_bytes")),
        ),
        (t("record_revisions"), report.revisions.to_string()),
        (t("record_validation_time"), when(report.at, lang)),
    ];
    if let Some(words) = i18n::encryption(lang, &report.encryption) {
        file_lines.push((t("record_encryption"), words.to_string()));
    }
    let conclusion = match &report.error {
        Some(e) => format!("{}: {}", t("pdf_error"), i18n::pdf_error(lang, e)),
        None => i18n::summary_text(lang, report.summary).to_string(),
    };
    file_lines.push((t("record_conclusion"), conclusion));
    for (label, value) in file_lines {
        before.push(line(&label, &value, false));
    }
    before.push(line(&t("record_file_sha256"), "", false));
    before.push(Para {
        spans: vec![Span::bold(input.sha256.to_ascii_uppercase())],
        align: Align::Left,
        first_indent_mm: 10.0,
        size: 11.0,
        space_after: 3.0,
    });
    before.push(heading(&t("record_section_summary")));

    let table = summary_table(report, lang);

    let mut after = Vec::new();
    if !report.signatures.is_empty() {
        after.push(heading(&t("record_section_details")));
    }
    for (i, s) in report.signatures.iter().enumerate() {
        signature_details(i, s, lang, &mut after);
    }
    after.push(heading(&t("record_section_notes")));
    after.push(Para::body(vec![Span::plain(format!(
        "- {}",
        t("record_note_time")
    ))]));
    after.push(Para::body(vec![Span::plain(format!(
        "- {}",
        t("record_note_hash")
    ))]));

    let place = input.place.trim();
    let date = report.at.to_vn_local_date();
    let date_line = match lang {
        Lang::Vi => format!(
            "{}, {}",
            if place.is_empty() { "……" } else { place },
            doc::date_words(&date)
        ),
        Lang::En => format!("{}, {date}", if place.is_empty() { "……" } else { place }),
    };
    Doc {
        landscape: false,
        form_label: String::new(),
        superior: doc::upper(&input.superior),
        managing: if input.agency.trim().is_empty() {
            t("record_agency_blank")
        } else {
            doc::upper(&input.agency)
        },
        number_line: t("record_number_line"),
        subject_line: None,
        date_line,
        title: Some(t("record_title")),
        addressee: None,
        before_table: before,
        table,
        after_table: after,
        recipients: None,
        signatures: vec![Signature {
            title: t("record_checker"),
            note: t("record_sign_note"),
            name: String::new(),
        }],
    }
}

/// `31/01/2024 19:00 (giờ Việt Nam)`: the time on the clerk's desk.
fn when(at: Instant, lang: Lang) -> String {
    format!(
        "{} ({})",
        at.to_vn_local_display(),
        i18n::text(lang, "record_vn_time")
    )
}

fn heading(text: &str) -> Para {
    Para {
        spans: vec![Span::bold(text)],
        align: Align::Left,
        first_indent_mm: 10.0,
        size: doc::BODY_PT,
        space_after: 2.0,
    }
}

/// "- Label: value" (the value bold when it is the verdict a reader looks for).
fn line(label: &str, value: &str, strong: bool) -> Para {
    let mut spans = vec![Span::plain(format!("- {label}: "))];
    if !value.is_empty() {
        spans.push(if strong {
            Span::bold(value)
        } else {
            Span::plain(value)
        });
    }
    Para {
        spans,
        align: Align::Left,
        first_indent_mm: 10.0,
        size: doc::BODY_PT,
        space_after: 1.0,
    }
}

/// The verdict of a signature in words: "Chữ ký hợp lệ", or with its reason.
pub fn verdict_words(s: &SignatureReport, lang: Lang) -> String {
    let verdict = i18n::verdict(lang, s.indication);
    match s.sub_indication {
        Some(sub) => format!("{verdict} ({})", i18n::sub_indication(lang, sub)),
        None => verdict.to_string(),
    }
}

/// Whether a change that is not allowed was found after `s`; `None` when the
/// changes were not analysed (unreadable CMS, unclear coverage): that is not "no".
pub fn changes_code(s: &SignatureReport) -> &'static str {
    let analysed = s
        .checks
        .iter()
        .any(|c| c.id == crate::verify::CheckId::Modifications);
    if s.changes_after.iter().any(|c| !c.allowed) || !s.reachable {
        "modified_yes"
    } else if !analysed {
        "modified_not_analysed"
    } else if s.modified_after {
        "modified_allowed_only"
    } else {
        "modified_no"
    }
}

fn signer_name(s: &SignatureReport, lang: Lang) -> String {
    s.signer.as_ref().map_or_else(
        || i18n::check_detail(lang, &CheckDetail::SignerCertificateNotFound).to_string(),
        |f| f.display_name().to_string(),
    )
}

fn summary_table(report: &DocumentReport, lang: Lang) -> Table {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let rows: Vec<Vec<Vec<String>>> = if report.signatures.is_empty() {
        vec![vec![
            vec!["—".into()],
            vec![t("record_no_signature_row")],
            vec![report.error.as_ref().map_or_else(
                || i18n::summary_text(lang, report.summary).to_string(),
                |e| i18n::pdf_error(lang, e).to_string(),
            )],
            vec![String::new()],
            vec![String::new()],
        ]]
    } else {
        report
            .signatures
            .iter()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    vec![(i + 1).to_string()],
                    vec![signer_name(s, lang)],
                    vec![verdict_words(s, lang)],
                    vec![s.signing_time.used_time.to_vn_local_display()],
                    vec![t(changes_code(s))],
                ]
            })
            .collect()
    };
    Table {
        headers: [
            "record_col_no",
            "record_col_signer",
            "record_col_verdict",
            "record_col_time",
            "record_col_changes",
        ]
        .iter()
        .map(|c| t(c))
        .collect(),
        groups: Vec::new(),
        weights: vec![6, 30, 34, 16, 16],
        centered: vec![true, false, false, true, false],
        rows,
        total: None,
        size: 11.0,
    }
}

fn signer_lines(f: &CertFacts, lang: Lang, out: &mut Vec<Para>) {
    let t = |code: &str| i18n::text(lang, code).to_string();
    out.push(line(&t("record_signer"), f.display_name(), true));
    let org = f.org_line();
    if !org.is_empty() {
        out.push(line(&t("record_organization"), &org.join(", "), false));
    }
    out.push(line(&t("record_serial"), &f.serial_hex, false));
    if !f.identifiers.is_empty() {
        let ids: Vec<String> = f
            .identifiers
            .iter()
            .map(|i| format!("{}: {}", i.kind, i.value))
            .collect();
        out.push(line(&t("record_identifiers"), &ids.join("; "), false));
    }
    out.push(line(&t("record_issuer"), f.issuer_name(), false));
    out.push(line(
        &t("record_cert_validity"),
        &format!(
            "{} {} {} {}",
            t("record_from"),
            f.not_before.to_vn_local_display(),
            t("record_to"),
            f.not_after.to_vn_local_display()
        ),
        false,
    ));
}

fn revocation_words(r: Option<&RevStatus>, lang: Lang) -> String {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let source =
        |s: &RevSource| format!("{} {}", t("record_rev_source"), i18n::rev_source(lang, *s));
    match r {
        Some(RevStatus::Good {
            source: s,
            issued,
            fresh,
            ..
        }) => {
            let mut w = format!(
                "{} ({}, {} {})",
                t("record_rev_good"),
                source(s),
                t("record_rev_issued"),
                when(*issued, lang)
            );
            if !fresh {
                w.push_str(&format!("; {}", t("record_rev_older")));
            }
            w
        }
        Some(RevStatus::Revoked { at, source: s, .. }) => format!(
            "{} {} ({})",
            t("record_rev_revoked"),
            when(*at, lang),
            source(s)
        ),
        Some(RevStatus::Stale {
            source: s, issued, ..
        }) => format!(
            "{} ({}, {} {})",
            t("record_rev_stale"),
            source(s),
            t("record_rev_issued"),
            when(*issued, lang)
        ),
        Some(RevStatus::AfterExpiry { source: s, .. }) => {
            let words = i18n::check_detail(lang, &CheckDetail::RevocationSilentAfterExpiry);
            format!("{words} ({})", source(s))
        }
        Some(RevStatus::NotChecked) | None => t("record_rev_not_checked"),
    }
}

fn signature_details(i: usize, s: &SignatureReport, lang: Lang, out: &mut Vec<Para>) {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let n = i + 1;
    let kind = if s.kind == SignatureKind::DocumentTimestamp {
        format!(", {}", t("record_document_timestamp"))
    } else {
        String::new()
    };
    out.push(heading(&format!(
        "3.{n}. {} {n} ({} «{}»{kind}; {} {})",
        t("record_signature"),
        t("record_field"),
        s.field,
        t("record_revision"),
        s.revision
    )));
    out.push(line(&t("record_verdict"), &verdict_words(s, lang), true));
    out.push(line(
        &t("record_headline"),
        i18n::headline(lang, s.headline),
        false,
    ));
    match &s.signer {
        Some(f) => signer_lines(f, lang, out),
        None => out.push(line(
            &t("record_signer"),
            i18n::check_detail(lang, &CheckDetail::SignerCertificateNotFound),
            true,
        )),
    }
    let st = &s.signing_time;
    let with_source = |time: Option<Instant>, src: Option<&str>, none: &str| match time {
        Some(time) => match src {
            Some(src) => format!("{} ({src})", when(time, lang)),
            None => when(time, lang),
        },
        None => t(none),
    };
    let claimed_source = st.claimed_source.map(|s| i18n::claimed_source(lang, s));
    out.push(line(
        &t("record_claimed_time"),
        &with_source(st.claimed, claimed_source, "record_none"),
        false,
    ));
    let proven_source = st.proven_source.map(|s| i18n::proven_source(lang, s));
    out.push(line(
        &t("record_proven_time"),
        &with_source(st.proven, proven_source, "record_no_timestamp"),
        false,
    ));
    out.push(line(
        &t("record_used_time"),
        &format!(
            "{} ({})",
            when(st.used_time, lang),
            t(match st.used {
                TimeUsed::Proven => "record_used_proven",
                TimeUsed::Claimed => "record_used_claimed",
                TimeUsed::ValidationTime => "record_used_validation_time",
            })
        ),
        false,
    ));
    if let Some(c) = &s.chain {
        out.push(line(
            &t("record_chain"),
            i18n::chain_status(lang, c.status),
            true,
        ));
        if let Some(a) = &c.anchor {
            out.push(line(
                &t("record_root"),
                &format!("{} ({})", a.name, i18n::anchor_kind(lang, a.kind)),
                false,
            ));
        }
        if let Some(m) = &c.missing_issuer {
            out.push(line(
                &t("record_chain"),
                &i18n::missing_issuer(lang, m),
                false,
            ));
        }
        if !c.path.is_empty() {
            let path: Vec<&str> = c.path.iter().map(|p| p.subject_dn.as_str()).collect();
            out.push(line(&t("record_path"), &path.join(" → "), false));
        }
    }
    out.push(line(
        &t("record_revocation"),
        &revocation_words(s.revocation.as_ref(), lang),
        false,
    ));
    out.push(line(
        &t("record_coverage"),
        i18n::coverage_grade(lang, s.coverage),
        false,
    ));
    if let Some(c) = s.certification {
        out.push(line(
            &t("record_certification"),
            i18n::certification(lang, c),
            false,
        ));
    }
    if let Some(r) = s.reason.as_deref().filter(|r| !r.trim().is_empty()) {
        out.push(line(&t("record_reason"), r, false));
    }
    if let Some(l) = s.location.as_deref().filter(|l| !l.trim().is_empty()) {
        out.push(line(&t("record_location"), l, false));
    }
    changes_lines(s, lang, out);
    let open: Vec<String> = s
        .checks
        .iter()
        .filter(|c| c.status != crate::verify::CheckStatus::Passed)
        .map(|c| {
            format!(
                "{}: {}",
                crate::i18n::check_title(lang, c.id),
                i18n::check_detail(lang, &c.detail)
            )
        })
        .collect();
    if !open.is_empty() {
        out.push(line(&t("record_open_checks"), "", false));
        for o in open {
            out.push(sub_line(&o));
        }
    }
}

/// "+ text", indented under the line above.
fn sub_line(text: &str) -> Para {
    Para {
        spans: vec![Span::plain(format!("+ {text}"))],
        align: Align::Left,
        first_indent_mm: 15.0,
        size: doc::BODY_PT,
        space_after: 1.0,
    }
}

fn changes_lines(s: &SignatureReport, lang: Lang, out: &mut Vec<Para>) {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let code = changes_code(s);
    let summary = match code {
        "modified_yes" => t("record_changes_disallowed"),
        "modified_no" => t("record_changes_none"),
        "modified_allowed_only" => t("record_changes_allowed_only"),
        _ => t("changes_not_analysed"),
    };
    out.push(line(&t("record_changes"), &summary, code == "modified_yes"));
    if let Some(r) = s.removed_in_revision {
        out.push(sub_line(&format!("{} {r}", t("record_removed"))));
    }
    if !s.signed_after.is_empty() {
        let names: Vec<String> = s
            .signed_after
            .iter()
            .map(|l| format!("{} [{}]", l.signer.as_deref().unwrap_or(&l.field), l.field))
            .collect();
        out.push(sub_line(&format!(
            "{}: {}",
            t("signed_after_by"),
            names.join(", ")
        )));
    }
    // The changes a reader must see: those not allowed, and comments (not part of
    // what was signed). The allowed objects of a later signing are summed up above.
    for c in s
        .changes_after
        .iter()
        .filter(|c| !c.allowed || c.comment.is_some())
    {
        let mut w = format!(
            "{} {}: {} ({})",
            t("record_update"),
            c.revision,
            i18n::change_kind(lang, c.what),
            i18n::change_action(lang, c.action)
        );
        if let Some(p) = c.page {
            w.push_str(&format!(", {} {}", t("record_page"), p.saturating_add(1)));
        }
        if let Some(m) = &c.comment {
            w.push_str(&format!(", {} {}", t("record_comment"), m.subtype));
            if !m.text.is_empty() {
                w.push_str(&format!(" “{}”", m.text));
            }
        }
        w.push_str(&format!(
            " — {}",
            if c.allowed {
                t("record_allowed")
            } else {
                t("record_not_allowed")
            }
        ));
        out.push(sub_line(&w));
    }
}
