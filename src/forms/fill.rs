//! Rows from certificate files: what the CA wrote into the certificate, so the clerk
//! no longer retypes serial numbers from the Windows dialog.

use crate::cert::holder::HolderKind;
use crate::report::CertEntry;
use crate::rules::ids::IdKind;

use super::model::{CertSource, FormKind, Row};
use super::nfc::nfc;

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
    CertSource {
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
                personal_id = match k {
                    // A 9-digit CMND or a passport reads unambiguously; a 12-digit
                    // CMND is marked so that the rules judge it as one.
                    IdKind::Cmnd if id.value.len() == 12 => format!("CMND:{}", id.value),
                    _ => id.value.clone(),
                };
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

/// Rows for every certificate that is not a CA certificate (a `.p7b` carries the CA
/// chain too; those are not holders).
pub fn rows_from_certs(kind: FormKind, entries: &[CertEntry]) -> Vec<Row> {
    entries
        .iter()
        .filter(|e| !e.facts.basic_constraints.is_some_and(|b| b.ca))
        .map(|e| row_from_cert(kind, e))
        .collect()
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
