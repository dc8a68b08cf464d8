//! One certificate as a card: what a clerk reads first (name, serial number,
//! validity, issuer, renewal), then the chain, then the technical details folded away.

use std::rc::Rc;

use yew::prelude::*;

use super::copy::CopyButton;
use super::lang::{fill, t, use_lang};
use crate::cert::facts::ValidityStatus;
use crate::cert::holder::HolderKind;
use crate::i18n::{self, Lang, chain_reason};
use crate::report::CertEntry;
use crate::time::Instant;
use crate::trust::{ChainReason, ChainResult, RevocationOutcome};

#[derive(Properties, Clone)]
pub struct CertCardProps {
    pub entry: Rc<CertEntry>,
}

impl PartialEq for CertCardProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.entry, &other.entry)
    }
}

#[component]
pub fn CertCard(props: &CertCardProps) -> Html {
    let lang = use_lang();
    let e = &*props.entry;
    let f = &e.facts;
    let title = f.display_name().to_string();
    let status = status_code(f.status);
    let org_line = f.org_line();
    let issuer = f.issuer_name().to_string();
    let source = if e.index == 0 {
        e.file.clone()
    } else {
        fill(
            lang,
            "ui_cert_index",
            &[&e.file, &(e.index + 1).to_string()],
        )
    };

    html! {
        <article class={classes!("cert-card", status)} data-testid="cert-card"
            data-serial={f.serial_hex.clone()} data-status={status}
            data-chain={e.chain.status.code()}>
            <header class="card-head">
                <div class="card-title">
                    <h3>{ title }</h3>
                    if !org_line.is_empty() {
                        <p class="org">{ org_line.join(" · ") }</p>
                    }
                </div>
                <div class="badges">
                    <span class={classes!("badge", status)}>{ t(lang, status) }</span>
                    <span class="badge kind" title={t(lang, f.holder_reason).to_owned()}>
                        { t(lang, holder_code(f.holder_kind)) }
                    </span>
                </div>
            </header>

            <dl class="facts">
                <dt>{ t(lang, "ui_serial") }</dt>
                <dd>
                    <code class="serial" data-testid="serial">{ &f.serial_hex }</code>
                    <CopyButton text={f.serial_hex.clone()} what={t(lang, "ui_serial_what")} />
                </dd>

                <dt>{ t(lang, "ui_validity") }</dt>
                <dd>
                    { t(lang, "ui_from") }<time title={f.not_before.to_rfc3339()}>{ vn_time(f.not_before) }</time>
                    { t(lang, "ui_to") }<time title={f.not_after.to_rfc3339()}>{ vn_time(f.not_after) }</time>
                    <span class={classes!("days", status)} data-testid="days-left">
                        { days_text(f.status, f.days_left, lang) }
                    </span>
                </dd>

                <dt>{ t(lang, "ui_subject") }</dt>
                <dd>
                    { f.common_name.clone().unwrap_or_else(|| f.subject_dn.clone()) }
                    if let Some(t) = &f.title {
                        <span class="muted">{ format!(" — {t}") }</span>
                    }
                </dd>

                if !f.identifiers.is_empty() {
                    <dt>{ t(lang, "ui_identifiers") }</dt>
                    <dd>
                        <ul class="plain">
                            { for f.identifiers.iter().map(|id| html! {
                                <li>
                                    <span class="id-kind">{ format!("{}: ", id_label(&id.kind, &id.prefix, lang)) }</span>
                                    <code>{ &id.value }</code>
                                    if let Some(p) = id.problem {
                                        <span class="warn">{ format!(" — {}", t(lang, p)) }</span>
                                    }
                                </li>
                            }) }
                        </ul>
                    </dd>
                }

                if !f.emails.is_empty() {
                    <dt>{ t(lang, "ui_email") }</dt>
                    <dd>{ f.emails.join(", ") }</dd>
                }

                <dt>{ t(lang, "ui_issuer") }</dt>
                <dd title={f.issuer_dn.clone()}>{ issuer }</dd>

                <dt>{ t(lang, "ui_renewal") }</dt>
                <dd class={classes!("renewal", e.renewal.eligible.then_some("ok"))} data-testid="renewal">
                    { i18n::renewal_sentence(lang, &e.renewal) }
                </dd>

                <dt>{ t(lang, "ui_chain") }</dt>
                <dd><Chain chain={Rc::clone(&props.entry)} /></dd>
            </dl>

            <details class="tech">
                <summary>{ t(lang, "ui_technical") }</summary>
                <dl class="facts">
                    <dt>{ t(lang, "ui_sha1") }</dt>
                    <dd>
                        <code class="hex" data-testid="sha1">{ &f.sha1 }</code>
                        <CopyButton text={f.sha1.clone()} what={t(lang, "ui_sha1_what")} />
                    </dd>
                    <dt>{ t(lang, "ui_sha256") }</dt>
                    <dd>
                        <code class="hex" data-testid="sha256">{ &f.sha256 }</code>
                        <CopyButton text={f.sha256.clone()} what={t(lang, "ui_sha256_what")} />
                    </dd>
                    <dt>{ t(lang, "ui_subject_dn") }</dt>
                    <dd class="dn">{ &f.subject_dn }</dd>
                    <dt>{ t(lang, "ui_issuer_dn") }</dt>
                    <dd class="dn">{ &f.issuer_dn }</dd>
                    <dt>{ t(lang, "ui_public_key") }</dt>
                    <dd>{ key_text(f) }</dd>
                    <dt>{ t(lang, "ui_signature_algorithm") }</dt>
                    <dd>{ &f.signature_algorithm.name }</dd>
                    if !f.key_usage.is_empty() {
                        <dt>{ t(lang, "ui_key_usage") }</dt>
                        <dd>{ f.key_usage.join(", ") }</dd>
                    }
                    if !f.extended_key_usage.is_empty() {
                        <dt>{ t(lang, "ui_extended_key_usage") }</dt>
                        <dd>{ f.extended_key_usage.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ") }</dd>
                    }
                    if let Some(bc) = f.basic_constraints {
                        <dt>{ t(lang, "ui_basic_constraints") }</dt>
                        <dd>{ basic_constraints_text(bc.ca, bc.path_len, lang) }</dd>
                    }
                    if !f.policies.is_empty() {
                        <dt>{ t(lang, "ui_policies") }</dt>
                        <dd>
                            <ul class="plain">
                                { for f.policies.iter().map(|p| html! {
                                    <li><code>{ &p.oid }</code>{ p.name.map(|n| format!(" ({})", policy_name(&p.oid, n, lang))).unwrap_or_default() }</li>
                                }) }
                            </ul>
                        </dd>
                    }
                    if !f.crl_distribution_points.is_empty() {
                        <dt>{ t(lang, "ui_crl_dp") }</dt>
                        <dd><ul class="plain url">{ for f.crl_distribution_points.iter().map(|u| html! { <li>{ u }</li> }) }</ul></dd>
                    }
                    if !f.authority_info_access.is_empty() {
                        <dt>{ t(lang, "ui_aia") }</dt>
                        <dd>
                            <ul class="plain url">
                                { for f.authority_info_access.iter().map(|a| html! {
                                    <li>{ format!("{}: {}", aia_label(&a.method, lang), a.location) }</li>
                                }) }
                            </ul>
                        </dd>
                    }
                    if !f.extension_errors.is_empty() {
                        <dt>{ t(lang, "ui_extension_errors") }</dt>
                        <dd class="warn">
                            { for f.extension_errors.iter().map(|x| html! { <div>{ format!("{}: {}", x.oid, x.detail) }</div> }) }
                        </dd>
                    }
                    <dt>{ t(lang, "ui_file") }</dt>
                    <dd>{ source }</dd>
                </dl>
            </details>
        </article>
    }
}

#[derive(Properties, Clone)]
struct ChainProps {
    chain: Rc<CertEntry>,
}

impl PartialEq for ChainProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.chain, &other.chain)
    }
}

/// The chain verdict in one line, the reason, and the path leaf → anchor.
#[component]
fn Chain(props: &ChainProps) -> Html {
    let lang = use_lang();
    chain_view(&props.chain.chain, lang)
}

/// A chain verdict: status in words, reason, anchor (government CA or not),
/// revocation and the path leaf → anchor. Shared with the signature panels.
pub fn chain_view(c: &ChainResult, lang: Lang) -> Html {
    let code = c.status.code();
    let anchor = c.anchor.as_ref().map(|a| {
        let level = if a.intermediate {
            t(lang, "ui_anchor_intermediate")
        } else {
            ""
        };
        fill(
            lang,
            "ui_anchor",
            &[&a.name, i18n::anchor_kind(lang, a.kind), level],
        )
    });
    let anchor_kind = c.anchor.as_ref().map_or("", |a| a.kind.code());
    let missing = c.missing_issuer.as_ref();
    html! {
        <div class={classes!("chain", code)} data-testid="chain">
            <div class="chain-status">{ i18n::chain_status(lang, c.status) }</div>
            if c.reason != ChainReason::Ok {
                <div class="chain-reason">{ chain_reason(lang, &c.reason) }</div>
            }
            // Profile rules the chain breaks without failing (trust::profile).
            { for c.warnings.iter().map(|w| html! {
                <div class="chain-warning muted" data-testid="chain-warning" data-code={w.code()}>
                    { chain_reason(lang, w) }
                </div>
            }) }
            if let Some(a) = anchor {
                <div class="chain-anchor" data-testid="chain-anchor" data-anchor-kind={anchor_kind}>{ a }</div>
            }
            if let Some(m) = missing {
                <div class="chain-missing warn" data-testid="missing-issuer" data-code={m.code}>
                    { i18n::missing_issuer(lang, m) }
                </div>
            }
            if !matches!(c.revocation, RevocationOutcome::Anchor) {
                <div class="muted">{ revocation_text(&c.revocation, lang) }</div>
            }
            if c.path.len() > 1 {
                <ol class="path">
                    { for c.path.iter().map(|p| html! {
                        <li title={format!("SHA-256 {}", p.sha256)}>{ &p.subject_dn }</li>
                    }) }
                </ol>
            }
        </div>
    }
}

/// `31/01/2024 19:00` in Viet Nam time (UTC+7), the time on the clerk's desk.
pub fn vn_time(t: Instant) -> String {
    t.to_vn_local_display()
}

fn days_text(status: ValidityStatus, days: i64, lang: Lang) -> String {
    match status {
        ValidityStatus::NotYetValid => t(lang, "not_yet_valid").to_owned(),
        _ => i18n::days_left(lang, days),
    }
}

/// The i18n code of a validity status (its serde name).
pub fn status_code(s: ValidityStatus) -> &'static str {
    match s {
        ValidityStatus::Valid => "valid",
        ValidityStatus::Expired => "expired",
        ValidityStatus::NotYetValid => "not_yet_valid",
    }
}

/// The i18n code of a holder kind (its serde name).
pub fn holder_code(k: HolderKind) -> &'static str {
    match k {
        HolderKind::Individual => "individual",
        HolderKind::Organization => "organization",
        HolderKind::Device => "device",
        HolderKind::Ca => "ca",
        HolderKind::Unknown => "unknown",
    }
}

fn id_label<'a>(kind: &'a str, prefix: &'a str, lang: Lang) -> &'a str {
    match kind {
        "CCCD" => t(lang, "ui_id_cccd"),
        "CMND" => t(lang, "ui_id_cmnd"),
        "HC" => t(lang, "ui_id_hc"),
        "MST" => t(lang, "ui_id_mst"),
        "MNS" => t(lang, "ui_id_mns"),
        _ => prefix,
    }
}

/// A policy's name in the page's language, when `i18n` has it ("policy_<OID>").
fn policy_name(oid: &str, name: &'static str, lang: Lang) -> String {
    let code = format!("policy_{oid}");
    match t(lang, &code) {
        w if w == code => name.to_owned(),
        w => w.to_owned(),
    }
}

fn aia_label(method: &str, lang: Lang) -> &str {
    match method {
        "ocsp" => "OCSP",
        "ca_issuers" => t(lang, "ui_aia_ca_issuers"),
        other => other,
    }
}

fn key_text(f: &crate::cert::facts::CertFacts) -> String {
    let k = &f.public_key;
    match (k.bits, &k.curve) {
        (_, Some(curve)) => format!("{} {curve}", k.algorithm),
        (Some(bits), None) => format!("{} {bits} bit", k.algorithm),
        (None, None) => k.algorithm.clone(),
    }
}

fn basic_constraints_text(ca: bool, path_len: Option<u8>, lang: Lang) -> String {
    match (ca, path_len) {
        (true, Some(n)) => fill(lang, "ui_is_ca_path", &[&n.to_string()]),
        (true, None) => t(lang, "ui_is_ca").to_owned(),
        (false, _) => t(lang, "ui_not_ca").to_owned(),
    }
}

fn revocation_text(r: &RevocationOutcome, lang: Lang) -> String {
    match r {
        RevocationOutcome::Good { crl_this_update } => {
            fill(lang, "ui_not_revoked_crl", &[&vn_time(*crl_this_update)])
        }
        RevocationOutcome::Revoked { at, .. } => fill(lang, "ui_revoked_since", &[&vn_time(*at)]),
        RevocationOutcome::NotChecked => t(lang, "revocation_not_checked").to_owned(),
        RevocationOutcome::Unknown { reason } => {
            fill(lang, "ui_revocation_unknown", &[chain_reason(lang, reason)])
        }
        RevocationOutcome::Anchor => String::new(),
    }
}
