//! One row of section 2 and where it came from ([`CertSource`]): reading and writing
//! its fields by [`Field`]. Separate from the letterhead and contact sections, which
//! change for different reasons.

use serde::{Deserialize, Serialize};

use super::{Field, FormKind, is_false};

/// Where a row filled from a certificate came from: what the 30-day rule needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CertSource {
    pub file: String,
    /// The subject as the certificate writes it, and its key identifier (the CA
    /// derives it from the public key, RFC 5280 §4.2.1.2): together they find a
    /// renewal, which keeps the key pair.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub subject_dn: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key_id: String,
    /// The serial of a later certificate of the same subject and key, read together
    /// with this one: this certificate was already renewed (renewal is once only).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub renewed_by: String,
    /// Names in the certificate (O, OU, L, ST) that carry a district or a merged
    /// province: stale since 01/7/2025 (`rules::provinces`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stale_names: Vec<String>,
    pub serial_hex: String,
    /// Seconds since 1970 (UTC).
    pub not_before: i64,
    pub not_after: i64,
    /// `dd/mm/yyyy` of notAfter, for display.
    pub not_after_text: String,
    pub is_ca: bool,
    /// The chain verdict's code (`trusted`, `incomplete`, `revoked`, ...).
    pub chain: String,
    /// Days left at the time the certificate was read (informative; the rules
    /// recompute at the letter date).
    pub days_left: i64,
    /// Renewal eligibility when read (`enough_days_left`, `too_few_days_left`...).
    pub renewal: String,
}

/// One row of section 2. Unused fields stay empty and are not written to JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Row {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub full_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub birth_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id_number: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id_issue_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id_issue_place: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub agency: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub province: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mobile: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub old_serial: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sim_pki: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub org_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub tax_code: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub budget_code: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub device_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub device_version: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub cert_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub serial: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub change_what: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub change_new: String,
    #[serde(skip_serializing_if = "is_false")]
    pub renew: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub change: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub token_serial: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub handover_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<CertSource>,
}

impl Row {
    /// The text of a field; flags read "x" when ticked.
    pub fn get(&self, f: Field) -> &str {
        match f {
            Field::FullName => &self.full_name,
            Field::BirthDate => &self.birth_date,
            Field::IdNumber => &self.id_number,
            Field::IdIssueDate => &self.id_issue_date,
            Field::IdIssuePlace => &self.id_issue_place,
            Field::Email => &self.email,
            Field::Agency => &self.agency,
            Field::Province => &self.province,
            Field::Title => &self.title,
            Field::Mobile => &self.mobile,
            Field::OldSerial => &self.old_serial,
            Field::SimPki => &self.sim_pki,
            Field::OrgName => &self.org_name,
            Field::Address => &self.address,
            Field::TaxCode => &self.tax_code,
            Field::BudgetCode => &self.budget_code,
            Field::DeviceName => &self.device_name,
            Field::DeviceVersion => &self.device_version,
            Field::CertName => &self.cert_name,
            Field::Serial => &self.serial,
            Field::ChangeWhat => &self.change_what,
            Field::ChangeNew => &self.change_new,
            Field::Renew => flag(self.renew),
            Field::Change => flag(self.change),
            Field::TokenSerial => &self.token_serial,
            Field::Reason => &self.reason,
            Field::HandoverDate => &self.handover_date,
            Field::Note => &self.note,
        }
    }

    /// Sets a field from text; flags take "x", "có", "1", "true", "yes" (any case)
    /// as ticked.
    pub fn set(&mut self, f: Field, value: String) {
        let slot = match f {
            Field::Renew => {
                self.renew = parse_flag(&value);
                return;
            }
            Field::Change => {
                self.change = parse_flag(&value);
                return;
            }
            Field::FullName => &mut self.full_name,
            Field::BirthDate => &mut self.birth_date,
            Field::IdNumber => &mut self.id_number,
            Field::IdIssueDate => &mut self.id_issue_date,
            Field::IdIssuePlace => &mut self.id_issue_place,
            Field::Email => &mut self.email,
            Field::Agency => &mut self.agency,
            Field::Province => &mut self.province,
            Field::Title => &mut self.title,
            Field::Mobile => &mut self.mobile,
            Field::OldSerial => &mut self.old_serial,
            Field::SimPki => &mut self.sim_pki,
            Field::OrgName => &mut self.org_name,
            Field::Address => &mut self.address,
            Field::TaxCode => &mut self.tax_code,
            Field::BudgetCode => &mut self.budget_code,
            Field::DeviceName => &mut self.device_name,
            Field::DeviceVersion => &mut self.device_version,
            Field::CertName => &mut self.cert_name,
            Field::Serial => &mut self.serial,
            Field::ChangeWhat => &mut self.change_what,
            Field::ChangeNew => &mut self.change_new,
            Field::TokenSerial => &mut self.token_serial,
            Field::Reason => &mut self.reason,
            Field::HandoverDate => &mut self.handover_date,
            Field::Note => &mut self.note,
        };
        *slot = value;
    }

    /// True when no field of `kind` holds anything (a blank line in a sheet).
    pub fn is_blank(&self, kind: FormKind) -> bool {
        kind.fields().iter().all(|f| self.get(*f).trim().is_empty())
    }
}

pub(super) fn flag(b: bool) -> &'static str {
    if b { "x" } else { "" }
}

pub fn parse_flag(value: &str) -> bool {
    let v = value.trim().to_lowercase();
    matches!(
        v.as_str(),
        "x" | "có" | "co" | "1" | "true" | "yes" | "y" | "✓" | "✔" | "☑" | "[x]"
    )
}
