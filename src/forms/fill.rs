//! Rows from certificate files: what the CA wrote into the certificate, so the clerk
//! no longer retypes serial numbers from the Windows dialog.

use crate::cert::holder::HolderKind;
use crate::report::CertEntry;
use crate::rules::ids::{self, IdKind};
use crate::rules::{provinces, renewal};

use super::model::{CertSource, FormKind, Row};
use super::nfc::nfc;
use serde::Serialize;

/// The agency a certificate names: the organisation itself for an agency's
/// certificate (its CN), otherwise the OUs from the most specific up, then O
/// ("Phòng Tổ chức, Sở Nội vụ, UBND tỉnh ...").
pub fn agency_of(e: &CertEntry) -> String {
    let f = &e.facts;
    if f.holder_kind == HolderKind::Organization
        && let Some(cn) = &f.common_name
    {
        return nfc(cn);
    }
    let mut parts: Vec<&str> = f
        .organizational_units
        .iter()
        .rev()
        .map(String::as_str)
        .collect();
    if let Some(o) = &f.organization {
        parts.push(o);
    }
    nfc(&parts.join(", "))
}

/// What the rules need to re-judge the 30-day rule at the letter's date.
pub fn source_of(e: &CertEntry) -> CertSource {
    let f = &e.facts;
    let names = f
        .organization
        .iter()
        .chain(f.organizational_units.iter())
        .chain(
            ["L", "ST"]
                .iter()
                .flat_map(|k| f.subject.get(*k).into_iter().flatten()),
        )
        .map(String::as_str);
    CertSource {
        subject_dn: f.subject_dn.clone(),
        key_id: f.subject_key_id.clone().unwrap_or_default(),
        renewed_by: String::new(),
        stale_names: provinces::stale_names(names),
        file: e.file.clone(),
        serial_hex: e.facts.serial_hex.clone(),
        not_before: e.facts.not_before.unix(),
        not_after: e.facts.not_after.unix(),
        not_after_text: e.facts.not_after.to_vn_date(),
        is_ca: e.facts.basic_constraints.is_some_and(|b| b.ca),
        chain: e.chain.status.code().to_string(),
        days_left: e.facts.days_left,
        renewal: e.renewal.reason.code().to_string(),
    }
}

/// The chain status a row carries (saved in the draft as its code). A code this
/// version does not know — a draft edited by hand or saved by a later version — is
/// read as `Invalid`, which blocks renewal: a row must not become renewable because
/// its evidence could not be read.
pub(crate) fn chain_from_code(code: &str) -> crate::trust::ChainStatus {
    crate::trust::ChainStatus::from_code(code).unwrap_or(crate::trust::ChainStatus::Invalid)
}

/// One row of `kind` from one certificate. Every form gets what it can hold:
/// 04/05/06/07/08/09 the certificate's own row; 01 the old serial beside the
/// holder's name and ID; 02/03 the agency's codes.
pub fn row_from_cert(kind: FormKind, e: &CertEntry) -> Row {
    let f = &e.facts;
    let cn = f.common_name.as_deref().map(nfc).unwrap_or_default();
    let email = f.emails.first().cloned().unwrap_or_default();
    let mut row = Row {
        source: Some(source_of(e)),
        ..Row::default()
    };
    let mut personal_id = String::new();
    for id in &f.identifiers {
        match id.id_kind() {
            Some(k) if k.is_personal() && personal_id.is_empty() => {
                personal_id = ids::write_personal(k, &id.value);
            }
            Some(IdKind::Mst) if row.tax_code.is_empty() => row.tax_code = id.value.clone(),
            Some(IdKind::Mns) if row.budget_code.is_empty() => row.budget_code = id.value.clone(),
            _ => {}
        }
    }
    let agency = agency_of(e);
    match kind {
        FormKind::F01 => {
            row.full_name = cn;
            row.id_number = personal_id;
            row.email = email;
            row.agency = agency;
            row.title = f.title.as_deref().map(nfc).unwrap_or_default();
            row.province = province_of(e);
            row.old_serial = f.serial_hex.clone();
        }
        FormKind::F02 => {
            row.org_name = cn;
            row.email = email;
            row.province = province_of(e);
            row.old_serial = f.serial_hex.clone();
        }
        FormKind::F03 => {
            row.device_name = cn;
            row.agency = agency;
            row.email = email;
            row.province = province_of(e);
        }
        FormKind::F04 => {
            row.cert_name = cn;
            row.serial = f.serial_hex.clone();
            row.email = email;
        }
        FormKind::F05 => {
            row.cert_name = cn;
            row.serial = f.serial_hex.clone();
            row.email = email;
            row.id_number = personal_id;
        }
        FormKind::F06 | FormKind::F08 => {
            row.cert_name = cn;
            row.agency = agency;
            row.email = email;
            row.serial = f.serial_hex.clone();
        }
        FormKind::F07 | FormKind::F09 => {
            row.cert_name = cn;
            row.agency = agency;
            row.serial = f.serial_hex.clone();
        }
    }
    // Keep only the fields the form prints (plus the source).
    let keep = kind.fields();
    let mut out = Row {
        source: row.source.take(),
        ..Row::default()
    };
    for fld in keep {
        out.set(fld, row.get(fld).to_string());
    }
    out
}

/// A certificate that did not become a row, and why (`code`, worded by `i18n`):
/// `fill_left_out_ca` (a CA certificate from a `.p7b`), `fill_left_out_kind` (the
/// holder is of another kind than the form's), `fill_left_out_unknown` (the kind
/// could not be told, so it is not guessed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    pub file: String,
    pub name: String,
    pub holder: HolderKind,
    pub code: &'static str,
}

/// Rows from certificates, and the certificates left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Filled {
    pub rows: Vec<Row>,
    pub left_out: Vec<LeftOut>,
}

/// The holder kind a form is for: 01 persons, 02 agencies, 03 devices; the other
/// forms act on existing certificates of any holder.
pub fn form_holder(kind: FormKind) -> Option<HolderKind> {
    match kind {
        FormKind::F01 => Some(HolderKind::Individual),
        FormKind::F02 => Some(HolderKind::Organization),
        FormKind::F03 => Some(HolderKind::Device),
        _ => None,
    }
}

/// Rows for the certificates whose holder is of the form's kind (`cert::holder`
/// infers it); the others are listed in `left_out` with the reason, so an agency's
/// certificate never becomes a "Họ và tên" row of Mẫu 01. Each row's source notes
/// a later certificate of the same subject and key (it was already renewed) and the
/// names that are stale since 01/7/2025.
pub fn fill_from_certs(kind: FormKind, entries: &[CertEntry]) -> Filled {
    let mut out = Filled::default();
    let keys: Vec<(&str, &str, crate::time::Instant, &str)> = entries
        .iter()
        .filter_map(|e| {
            let f = &e.facts;
            let key = f.subject_key_id.as_deref()?;
            Some((
                f.subject_dn.as_str(),
                key,
                f.not_after,
                f.serial_hex.as_str(),
            ))
        })
        .collect();
    for e in entries {
        let holder = e.facts.holder_kind;
        let code = if holder == HolderKind::Ca || e.facts.basic_constraints.is_some_and(|b| b.ca) {
            Some("fill_left_out_ca")
        } else {
            match form_holder(kind) {
                Some(_) if holder == HolderKind::Unknown => Some("fill_left_out_unknown"),
                Some(want) if want != holder => Some("fill_left_out_kind"),
                _ => None,
            }
        };
        if let Some(code) = code {
            out.left_out.push(LeftOut {
                file: e.file.clone(),
                name: e.facts.display_name().to_string(),
                holder,
                code,
            });
            continue;
        }
        let mut row = row_from_cert(kind, e);
        if let (Some(src), Some(key)) = (row.source.as_mut(), e.facts.subject_key_id.as_deref()) {
            let others: Vec<(&str, &str, crate::time::Instant)> =
                keys.iter().map(|(s, k, na, _)| (*s, *k, *na)).collect();
            if renewal::already_renewed(&e.facts.subject_dn, key, e.facts.not_after, &others) {
                src.renewed_by = keys
                    .iter()
                    .filter(|(s, k, na, _)| {
                        *s == e.facts.subject_dn && *k == key && *na > e.facts.not_after
                    })
                    .map(|(.., serial)| (*serial).to_string())
                    .next()
                    .unwrap_or_default();
            }
        }
        out.rows.push(row);
    }
    out
}

/// The rows of [`fill_from_certs`], without the list of left-out certificates.
pub fn rows_from_certs(kind: FormKind, entries: &[CertEntry]) -> Vec<Row> {
    fill_from_certs(kind, entries).rows
}

/// The province: ST, else L.
fn province_of(e: &CertEntry) -> String {
    let s = &e.facts.subject;
    s.get("ST")
        .or_else(|| s.get("L"))
        .and_then(|v| v.first())
        .map(|v| nfc(v))
        .unwrap_or_default()
}

/// Normalised serial for comparisons: hex digits only, upper case, leading zeros
/// dropped ("00:a1 b2" = "A1B2").
pub fn serial_key(s: &str) -> String {
    let hex: String = s
        .chars()
        .filter(char::is_ascii_hexdigit)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let trimmed = hex.trim_start_matches('0');
    if trimmed.is_empty() && !hex.is_empty() {
        "0".to_string()
    } else {
        trimmed.to_string()
    }
}

/// Adds `extra` rows (from a list) to `base` rows (from certificates): a listed row
/// whose serial matches a certificate's row completes it (empty fields, ticks)
/// instead of adding a second line; the others are appended. Nothing in `base` is
/// overwritten.
pub fn merge_rows(mut base: Vec<Row>, extra: Vec<Row>) -> Vec<Row> {
    for e in extra {
        let key = serial_key(if e.serial.is_empty() {
            &e.old_serial
        } else {
            &e.serial
        });
        let target = (!key.is_empty())
            .then(|| {
                base.iter_mut().find(|b| {
                    b.source.is_some()
                        && serial_key(if b.serial.is_empty() {
                            &b.old_serial
                        } else {
                            &b.serial
                        }) == key
                })
            })
            .flatten();
        match target {
            Some(b) => {
                for f in super::model::ALL_FIELDS {
                    if f.is_flag() {
                        if !b.get(f).is_empty() || !e.get(f).is_empty() {
                            b.set(f, "x".into());
                        }
                    } else if b.get(f).trim().is_empty() && !e.get(f).trim().is_empty() {
                        b.set(f, e.get(f).to_string());
                    }
                }
            }
            None => base.push(e),
        }
    }
    base
}
