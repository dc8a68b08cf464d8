//! One signature's panel on the verify tab: the verdict, the signer, the times, the
//! chain, revocation, what changed after signing, and every check behind the verdict.
//!
//! Props are the document's report and the signature's index; the component only
//! draws (the one action it offers, the signed revision's download, slices the
//! dropped file the browser already holds).

use std::rc::Rc;

use yew::prelude::*;

use super::cert_card::{chain_view, status_code, vn_time};
use super::copy::CopyButton;
use super::download;
use super::lang::{fill, t, use_lang};
use super::verify_doc::tone_icon;
use crate::i18n::{self, Lang};
use crate::verify::{
    ChangeEntry, CheckDetail, CheckStatus, DocumentReport, Indication, RevStatus, SignatureReport,
    TimeUsed,
};

#[derive(Properties, Clone)]
pub struct SignaturePanelProps {
    pub report: Rc<DocumentReport>,
    pub index: usize,
    /// The dropped file, to offer the signed revision from (a slice of the Blob).
    #[prop_or_default]
    pub file: Option<web_sys::File>,
    /// Where the signed revision ends, when the coverage allows the download.
    #[prop_or_default]
    pub signed_end: Option<usize>,
}

impl PartialEq for SignaturePanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && self.index == other.index
            && self.signed_end == other.signed_end
    }
}

/// One signature's verdict and the evidence behind it.
#[component]
pub fn SignaturePanel(props: &SignaturePanelProps) -> Html {
    let lang = use_lang();
    let Some(s) = props.report.signatures.get(props.index) else {
        return Html::default();
    };
    // The colour follows the headline, not the bare indication: an intact
    // signature on the government chain whose revocation is unknown is amber, and
    // red is kept for what is broken, revoked or modified.
    let tone = s.headline.tone();
    let headline = i18n::headline(lang, s.headline);
    let whose = s.signer.as_ref().map(|f| f.display_name().to_string());
    let verdict = i18n::verdict(lang, s.indication);
    let sub = s
        .sub_indication
        .map(|x| (x.code(), i18n::sub_indication(lang, x)));
    let kind = t(
        lang,
        if s.kind == crate::verify::SignatureKind::DocumentTimestamp {
            "ui_kind_timestamp"
        } else {
            "ui_kind_signature"
        },
    );
    let on_download = {
        let file = props.file.clone();
        let end = props.signed_end;
        let name = signed_name(&props.report.file, props.index);
        Callback::from(move |_: MouseEvent| {
            if let (Some(file), Some(end)) = (&file, end)
                && let Ok(blob) = file.slice_with_f64_and_f64(0.0, end as f64)
                && let Err(e) = download::save_blob(&name, &blob)
            {
                web_sys::console::error_2(&"kyso: download failed".into(), &e);
            }
        })
    };
    html! {
        <section class={classes!("signature-result", tone)} data-testid="signature-result"
            data-indication={s.indication.code()} data-sub-indication={s.sub_indication.map(|x| x.code())}
            data-modified={s.modified_after.to_string()} data-coverage={s.coverage.code()}
            data-field={s.field.clone()}>
            <header class="sig-head">
                <span class={classes!("verdict-icon", tone)} aria-hidden="true">{ tone_icon(tone) }</span>
                <div>
                    <p class="headline" data-testid="headline" data-headline={s.headline.code()}>
                        <strong>{ headline }</strong>
                        if let Some(w) = &whose {
                            { fill(lang, "ui_kind_of", &[kind, w]) }
                        }
                    </p>
                    <p class="verdict" data-testid="verdict">
                        { verdict }
                        { format!(" — {kind} “{}”", s.field) }
                    </p>
                    if let Some((code, text)) = &sub {
                        <p class="sub-indication">{ *text }<span class="muted code">{ format!(" ({code})") }</span></p>
                    }
                    if !s.reachable {
                        <p class={classes!("modified", "bad")} data-testid="removed-note">
                            { match s.removed_in_revision {
                                Some(r) => fill(lang, "ui_removed_in", &[&r.to_string()]),
                                None => t(lang, "ui_removed").to_string(),
                            } }
                        </p>
                    }
                    if s.modified_after && has_disallowed(s) {
                        <p class={classes!("modified", "bad")} data-testid="modified-note">
                            { t(lang, "ui_modified_note") }
                        </p>
                    }
                    if !s.signed_after.is_empty() {
                        <p class="signed-after" data-testid="signed-after">
                            { format!("{}: ", t(lang, "signed_after_by")) }
                            { s.signed_after.iter().map(|l| fill(lang, "ui_signed_after_item",
                                &[l.signer.as_deref().unwrap_or(&l.field), &l.field, &l.revision.to_string()]))
                                .collect::<Vec<_>>().join("; ") }
                        </p>
                    }
                </div>
            </header>
            <dl class="facts">
                <dt>{ t(lang, "ui_signer") }</dt>
                <dd>{ signer(s, lang) }</dd>
                <dt>{ t(lang, "ui_signing_time") }</dt>
                <dd>{ times(s, lang) }</dd>
                <dt>{ t(lang, "ui_chain") }</dt>
                <dd>
                    { match &s.chain {
                        Some(c) => chain_view(c, lang),
                        None => html! { <span class="muted">{ t(lang, "ui_no_chain") }</span> },
                    } }
                </dd>
                <dt>{ t(lang, "ui_revocation") }</dt>
                <dd>{ revocation(s.revocation.as_ref(), lang) }</dd>
                <dt>{ t(lang, "ui_coverage") }</dt>
                <dd data-testid="coverage">
                    { i18n::coverage_grade(lang, s.coverage) }
                    if let Some(p) = s.coverage_problem {
                        <span class="warn">{ format!(" — {}", i18n::coverage_problem(lang, p)) }</span>
                    }
                    if props.signed_end.is_some() && props.file.is_some() {
                        { " " }
                        <button type="button" class="button small no-print" onclick={on_download} data-testid="download-signed">
                            { t(lang, "ui_download_signed") }
                        </button>
                    }
                </dd>
                if let Some(c) = s.certification {
                    <dt>{ t(lang, "ui_certification") }</dt>
                    <dd>{ i18n::certification(lang, c) }</dd>
                }
                <dt>{ t(lang, "ui_changes_after") }</dt>
                <dd>{ changes(s, lang) }</dd>
                if let Some(r) = &s.reason {
                    <dt>{ t(lang, "ui_reason") }</dt>
                    <dd>{ r }</dd>
                }
                if let Some(l) = &s.location {
                    <dt>{ t(lang, "ui_location") }</dt>
                    <dd>{ l }</dd>
                }
                <dt>{ t(lang, "ui_technique") }</dt>
                <dd class="muted">
                    { format!("{} · {} · {}",
                        s.sub_filter.clone().unwrap_or_else(|| "—".into()),
                        s.signature_algorithm.unwrap_or("—"),
                        s.digest_algorithm.map(|a| a.name()).unwrap_or("—")) }
                </dd>
            </dl>
            <details class="checks" open={s.indication != Indication::TotalPassed}>
                <summary>{ fill(lang, "ui_checks", &[&s.checks.len().to_string()]) }</summary>
                <ul class="check-list">
                    { for s.checks.iter().map(|c| html! {
                        <li class={classes!("check", c.status.code())} data-testid="check" data-check={c.id.code()} data-status={c.status.code()}>
                            <span class={classes!("check-status", c.status.code())}>{ t(lang, check_status_code(c.status)) }</span>
                            <strong>{ crate::i18n::check_title(lang, c.id) }</strong>
                            { ": " }{ i18n::check_detail(lang, &c.detail) }
                        </li>
                    }) }
                </ul>
            </details>
        </section>
    }
}

fn has_disallowed(s: &SignatureReport) -> bool {
    s.changes_after.iter().any(|c| !c.allowed)
}

fn signer(s: &SignatureReport, lang: Lang) -> Html {
    let Some(f) = &s.signer else {
        return html! { <span class="warn">{ i18n::check_detail(lang, &CheckDetail::SignerCertificateNotFound) }</span> };
    };
    let name = f.display_name().to_string();
    let org = f.org_line();
    let issuer = f.issuer_name().to_string();
    html! {
        <div class="signer" data-testid="signer" data-serial={f.serial_hex.clone()}>
            <strong>{ name }</strong>
            if !org.is_empty() {
                <span class="muted">{ format!(" — {}", org.join(" · ")) }</span>
            }
            <div>
                { t(lang, "ui_signer_serial") }<code class="serial">{ &f.serial_hex }</code>
                <CopyButton text={f.serial_hex.clone()} what={t(lang, "ui_serial_what")} />
            </div>
            if !f.identifiers.is_empty() {
                <div>{ f.identifiers.iter().map(|i| format!("{}: {}", i.kind, i.value)).collect::<Vec<_>>().join(" · ") }</div>
            }
            <div title={f.issuer_dn.clone()}>{ fill(lang, "ui_signer_issuer", &[&issuer]) }</div>
            <div>
                { fill(lang, "ui_signer_validity", &[&vn_time(f.not_before), &vn_time(f.not_after)]) }
                <span class={classes!("days", status_code(f.status))}>
                    { fill(lang, "ui_at_validation", &[&t(lang, status_code(f.status)).to_lowercase()]) }
                </span>
            </div>
        </div>
    }
}

fn times(s: &SignatureReport, lang: Lang) -> Html {
    let st = &s.signing_time;
    let used = t(
        lang,
        match st.used {
            TimeUsed::Proven => "ui_time_used_proven",
            TimeUsed::Claimed => "ui_time_used_claimed",
            TimeUsed::ValidationTime => "ui_time_used_none",
        },
    );
    html! {
        <div class="times" data-testid="signing-time" data-used={st.used.code()}>
            <div>
                { t(lang, "ui_time_claimed") }
                { st.claimed.map(vn_time).unwrap_or_else(|| t(lang, "ui_time_none").into()) }
                if let Some(src) = st.claimed_source {
                    <span class="muted">{ format!(" ({})", i18n::claimed_source(lang, src)) }</span>
                }
            </div>
            <div>
                { t(lang, "ui_time_proven") }
                { st.proven.map(vn_time).unwrap_or_else(|| t(lang, "ui_time_no_timestamp").into()) }
                if let Some(src) = st.proven_source {
                    <span class="muted">{ format!(" ({})", i18n::proven_source(lang, src)) }</span>
                }
            </div>
            <div class="muted">{ used }{ format!(" ({})", vn_time(st.used_time)) }</div>
        </div>
    }
}

fn revocation(r: Option<&RevStatus>, lang: Lang) -> Html {
    match r {
        Some(RevStatus::Good {
            source,
            issued,
            fresh,
            ..
        }) => html! {
            <span class="ok-text">
                { fill(lang, "ui_rev_good", &[i18n::rev_source(lang, *source), &vn_time(*issued),
                    if *fresh { "" } else { t(lang, "ui_rev_not_fresh") }]) }
            </span>
        },
        Some(RevStatus::Revoked { at, source, .. }) => html! {
            <span class="bad-text">{ fill(lang, "ui_rev_revoked", &[&vn_time(*at), i18n::rev_source(lang, *source)]) }</span>
        },
        Some(RevStatus::Stale { source, issued, .. }) => html! {
            <span class="warn">
                { fill(lang, "ui_rev_stale", &[i18n::rev_source(lang, *source), &vn_time(*issued)]) }
            </span>
        },
        Some(RevStatus::AfterExpiry { .. }) => html! {
            <span class="warn">{ i18n::check_detail(lang, &CheckDetail::RevocationSilentAfterExpiry) }</span>
        },
        Some(RevStatus::NotChecked) | None => html! {
            <span class="warn" data-testid="revocation-warning">
                { t(lang, "ui_rev_not_checked") }
            </span>
        },
    }
}

fn changes(s: &SignatureReport, lang: Lang) -> Html {
    // No "modifications" check means the analysis never ran (coverage unclear, CMS
    // unreadable): say so rather than "no change".
    if !s
        .checks
        .iter()
        .any(|c| c.id == crate::verify::CheckId::Modifications)
    {
        return html! {
            <span class="muted" data-testid="changes-not-analysed">
                { capitalise(t(lang, "changes_not_analysed")) }
            </span>
        };
    }
    if s.changes_after.is_empty() {
        return html! { { t(lang, if s.modified_after { "ui_saved_after" } else { "ui_no_change" }) } };
    }
    let comments: Vec<&ChangeEntry> = s
        .changes_after
        .iter()
        .filter(|c| c.comment.is_some())
        .collect();
    let not_allowed = s.changes_after.iter().filter(|c| !c.allowed).count();
    html! {
        <>
        if not_allowed == 0 {
            <p data-testid="changes-summary">
                { if s.signed_after.is_empty() {
                    t(lang, "ui_only_allowed").to_string()
                } else {
                    fill(lang, "ui_only_allowed_signed", &[&s.signed_after.len().to_string()])
                } }
            </p>
        }
        if !comments.is_empty() {
            <ul class="comments" data-testid="comments">
                { for comments.iter().filter_map(|c| c.comment.as_ref().map(|m| (c, m))).map(|(c, m)| html! {
                    <li class="comment-added">
                        <strong>{ t(lang, "ui_comment_added") }</strong>
                        { format!("{}{}", m.subtype, c.page.map(|p| fill(lang, "ui_page_n", &[&p.saturating_add(1).to_string()])).unwrap_or_default()) }
                        if !m.text.is_empty() {
                            { format!(" — “{}”", m.text) }
                        }
                    </li>
                }) }
            </ul>
        }
        <details class="change-details" open={not_allowed > 0}>
        <summary>{ fill(lang, "ui_change_details", &[&s.changes_after.len().to_string()]) }</summary>
        <ul class="changes" data-testid="changes">
            { for s.changes_after.iter().map(|c| html! {
                <li class={if c.allowed { "allowed" } else { "not-allowed" }} data-allowed={c.allowed.to_string()}>
                    <strong>{ t(lang, if c.allowed { "ui_allowed" } else { "ui_not_allowed" }) }</strong>
                    { i18n::change_kind(lang, c.what) }
                    { format!(" ({})", i18n::change_action(lang, c.action)) }
                    if let Some(p) = c.page {
                        // Pages count from 0 in the report.
                        { fill(lang, "ui_page_n", &[&p.saturating_add(1).to_string()]) }
                    }
                    // Revisions count from 0 (the first version of the file).
                    { fill(lang, "ui_update_n", &[&c.revision.to_string()]) }
                    <span class="muted">{ format!(" — {}", i18n::change_rule(lang, c.rule)) }</span>
                </li>
            }) }
        </ul>
        </details>
        </>
    }
}

/// The words of a check's status start with an icon: the verdict never rests on the
/// colour alone.
fn check_status_code(s: CheckStatus) -> &'static str {
    match s {
        CheckStatus::Passed => "ui_check_passed",
        CheckStatus::Failed => "ui_check_failed",
        CheckStatus::Warning => "ui_check_warning",
        CheckStatus::NotChecked => "ui_check_not_checked",
    }
}

/// The sentence with its first letter in upper case (texts are written to follow a
/// label, in lower case).
fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn signed_name(file: &str, index: usize) -> String {
    let stem = file
        .strip_suffix(".pdf")
        .or_else(|| file.strip_suffix(".PDF"))
        .unwrap_or(file);
    format!("{stem}-ban-da-ky-{}.pdf", index + 1)
}
