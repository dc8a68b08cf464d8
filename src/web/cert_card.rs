//! One certificate as a card: what a clerk reads first (name, serial number,
//! validity, issuer, renewal), then the chain, then the technical details folded away.

use std::rc::Rc;

use yew::prelude::*;

use super::copy::CopyButton;
use crate::cert::facts::ValidityStatus;
use crate::cert::holder::HolderKind;
use crate::i18n::{self, Lang};
use crate::report::CertEntry;
use crate::time::Instant;
use crate::trust::{ChainResult, RevocationOutcome};

const LANG: Lang = Lang::Vi;

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
    let e = &*props.entry;
    let f = &e.facts;
    let title = f.display_name().to_string();
    let status = status_code(f.status);
    let org_line = f.org_line();
    let issuer = f.issuer_name().to_string();
    let source = if e.index == 0 {
        e.file.clone()
    } else {
        format!("{} (chứng thư thứ {})", e.file, e.index + 1)
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
                    <span class={classes!("badge", status)}>{ i18n::text(LANG, status) }</span>
                    <span class="badge kind" title={i18n::text(LANG, f.holder_reason).to_owned()}>
                        { i18n::text(LANG, holder_code(f.holder_kind)) }
                    </span>
                </div>
            </header>

            <dl class="facts">
                <dt>{ "Số hiệu chứng thư" }</dt>
                <dd>
                    <code class="serial" data-testid="serial">{ &f.serial_hex }</code>
                    <CopyButton text={f.serial_hex.clone()} what="số hiệu chứng thư" />
                </dd>

                <dt>{ "Hiệu lực" }</dt>
                <dd>
                    { "từ " }<time title={f.not_before.to_rfc3339()}>{ vn_time(f.not_before) }</time>
                    { " đến " }<time title={f.not_after.to_rfc3339()}>{ vn_time(f.not_after) }</time>
                    <span class={classes!("days", status)} data-testid="days-left">
                        { days_text(f.status, f.days_left) }
                    </span>
                </dd>

                <dt>{ "Chủ thể" }</dt>
                <dd>
                    { f.common_name.clone().unwrap_or_else(|| f.subject_dn.clone()) }
                    if let Some(t) = &f.title {
                        <span class="muted">{ format!(" — {t}") }</span>
                    }
                </dd>

                if !f.identifiers.is_empty() {
                    <dt>{ "Mã định danh" }</dt>
                    <dd>
                        <ul class="plain">
                            { for f.identifiers.iter().map(|id| html! {
                                <li>
                                    <span class="id-kind">{ format!("{}: ", id_label(&id.kind, &id.prefix)) }</span>
                                    <code>{ &id.value }</code>
                                    if let Some(p) = id.problem {
                                        <span class="warn">{ format!(" — {}", i18n::text(LANG, p)) }</span>
                                    }
                                </li>
                            }) }
                        </ul>
                    </dd>
                }

                if !f.emails.is_empty() {
                    <dt>{ "Thư điện tử" }</dt>
                    <dd>{ f.emails.join(", ") }</dd>
                }

                <dt>{ "Đơn vị cấp" }</dt>
                <dd title={f.issuer_dn.clone()}>{ issuer }</dd>

                <dt>{ "Gia hạn / thay đổi" }</dt>
                <dd class={classes!("renewal", e.renewal.eligible.then_some("ok"))} data-testid="renewal">
                    { i18n::renewal_sentence(LANG, &e.renewal) }
                </dd>

                <dt>{ "Chuỗi chứng thực" }</dt>
                <dd><Chain chain={Rc::clone(&props.entry)} /></dd>
            </dl>

            <details class="tech">
                <summary>{ "Thông tin kỹ thuật" }</summary>
                <dl class="facts">
                    <dt>{ "Dấu vân tay SHA-1" }</dt>
                    <dd>
                        <code class="hex" data-testid="sha1">{ &f.sha1 }</code>
                        <CopyButton text={f.sha1.clone()} what="dấu vân tay SHA-1" />
                    </dd>
                    <dt>{ "Dấu vân tay SHA-256" }</dt>
                    <dd>
                        <code class="hex" data-testid="sha256">{ &f.sha256 }</code>
                        <CopyButton text={f.sha256.clone()} what="dấu vân tay SHA-256" />
                    </dd>
                    <dt>{ "Tên đầy đủ của chủ thể" }</dt>
                    <dd class="dn">{ &f.subject_dn }</dd>
                    <dt>{ "Tên đầy đủ của đơn vị cấp" }</dt>
                    <dd class="dn">{ &f.issuer_dn }</dd>
                    <dt>{ "Khóa công khai" }</dt>
                    <dd>{ key_text(f) }</dd>
                    <dt>{ "Thuật toán ký" }</dt>
                    <dd>{ &f.signature_algorithm.name }</dd>
                    if !f.key_usage.is_empty() {
                        <dt>{ "Mục đích của khóa" }</dt>
                        <dd>{ f.key_usage.join(", ") }</dd>
                    }
                    if !f.extended_key_usage.is_empty() {
                        <dt>{ "Mục đích mở rộng" }</dt>
                        <dd>{ f.extended_key_usage.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ") }</dd>
                    }
                    if let Some(bc) = f.basic_constraints {
                        <dt>{ "Ràng buộc cơ bản" }</dt>
                        <dd>{ basic_constraints_text(bc.ca, bc.path_len) }</dd>
                    }
                    if !f.policies.is_empty() {
                        <dt>{ "Chính sách" }</dt>
                        <dd>
                            <ul class="plain">
                                { for f.policies.iter().map(|p| html! {
                                    <li><code>{ &p.oid }</code>{ p.name.map(|n| format!(" ({n})")).unwrap_or_default() }</li>
                                }) }
                            </ul>
                        </dd>
                    }
                    if !f.crl_distribution_points.is_empty() {
                        <dt>{ "Nơi công bố CRL" }</dt>
                        <dd><ul class="plain url">{ for f.crl_distribution_points.iter().map(|u| html! { <li>{ u }</li> }) }</ul></dd>
                    }
                    if !f.authority_info_access.is_empty() {
                        <dt>{ "Thông tin CA (AIA)" }</dt>
                        <dd>
                            <ul class="plain url">
                                { for f.authority_info_access.iter().map(|a| html! {
                                    <li>{ format!("{}: {}", aia_label(&a.method), a.location) }</li>
                                }) }
                            </ul>
                        </dd>
                    }
                    if !f.extension_errors.is_empty() {
                        <dt>{ "Phần mở rộng lỗi" }</dt>
                        <dd class="warn">
                            { for f.extension_errors.iter().map(|x| html! { <div>{ format!("{}: {}", x.oid, x.detail) }</div> }) }
                        </dd>
                    }
                    <dt>{ "Tệp" }</dt>
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
    chain_view(&props.chain.chain)
}

/// A chain verdict: status in words, reason, anchor (government CA or not),
/// revocation and the path leaf → anchor. Shared with the signature panels.
pub fn chain_view(c: &ChainResult) -> Html {
    let code = c.status.code();
    let reason = c.reason.code();
    let anchor = c.anchor.as_ref().map(|a| {
        let level = if a.intermediate {
            "; CA trung gian được tin cậy trực tiếp"
        } else {
            ""
        };
        format!(
            "Điểm tin cậy: {} ({}{level})",
            a.name,
            i18n::text(LANG, a.kind.code())
        )
    });
    let anchor_kind = c.anchor.as_ref().map_or("", |a| a.kind.code());
    let missing = c.missing_issuer.as_ref();
    html! {
        <div class={classes!("chain", code)} data-testid="chain">
            <div class="chain-status">{ i18n::text(LANG, code) }</div>
            if reason != "ok" {
                <div class="chain-reason">{ i18n::text(LANG, reason) }</div>
            }
            // Profile rules the chain breaks without failing (trust::profile).
            { for c.warnings.iter().map(|w| html! {
                <div class="chain-warning muted" data-testid="chain-warning" data-code={w.code()}>
                    { i18n::text(LANG, w.code()) }
                </div>
            }) }
            if let Some(a) = anchor {
                <div class="chain-anchor" data-testid="chain-anchor" data-anchor-kind={anchor_kind}>{ a }</div>
            }
            if let Some(m) = missing {
                <div class="chain-missing warn" data-testid="missing-issuer" data-code={m.code}>
                    { i18n::missing_issuer(LANG, m) }
                </div>
            }
            if !matches!(c.revocation, RevocationOutcome::Anchor) {
                <div class="muted">{ revocation_text(&c.revocation) }</div>
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

fn days_text(status: ValidityStatus, days: i64) -> String {
    match status {
        ValidityStatus::NotYetValid => i18n::text(LANG, "not_yet_valid").to_owned(),
        _ => i18n::days_left(LANG, days),
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

fn id_label<'a>(kind: &'a str, prefix: &'a str) -> &'a str {
    match kind {
        "CCCD" => "Căn cước công dân",
        "CMND" => "Chứng minh nhân dân",
        "HC" => "Hộ chiếu",
        "MST" => "Mã số thuế",
        "MNS" => "Mã quan hệ ngân sách",
        _ => prefix,
    }
}

fn aia_label(method: &str) -> &str {
    match method {
        "ocsp" => "OCSP",
        "ca_issuers" => "Chứng thư CA",
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

fn basic_constraints_text(ca: bool, path_len: Option<u8>) -> String {
    match (ca, path_len) {
        (true, Some(n)) => format!("Là CA (được cấp tiếp tối đa {n} cấp CA)"),
        (true, None) => "Là CA".to_owned(),
        (false, _) => "Không phải CA".to_owned(),
    }
}

fn revocation_text(r: &RevocationOutcome) -> String {
    match r {
        RevocationOutcome::Good { crl_this_update } => format!(
            "Chưa bị thu hồi theo CRL ngày {}",
            vn_time(*crl_this_update)
        ),
        RevocationOutcome::Revoked { at, .. } => {
            format!("Đã bị thu hồi từ {}", vn_time(*at))
        }
        RevocationOutcome::NotChecked => i18n::text(LANG, "revocation_not_checked").to_owned(),
        RevocationOutcome::Unknown { code } => {
            format!(
                "Không xác định được tình trạng thu hồi: {}",
                i18n::text(LANG, code)
            )
        }
        RevocationOutcome::Anchor => String::new(),
    }
}
