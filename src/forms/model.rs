//! The nine letters as data: the letterhead, the contact section (1) and the table
//! of holders (2).
//!
//! # The draft format (JSON)
//!
//! A [`Letter`] serialises to the draft the page keeps in local storage and exports
//! as a file, and that `kyso form --data draft.json` reads:
//!
//! ```json
//! {
//!   "version": 1,
//!   "kind": "04",
//!   "letterhead": {
//!     "superior_body": "UBND TỈNH CAO BẰNG",
//!     "managing_body": "SỞ NỘI VỤ",
//!     "number": "125/SNV-VP",
//!     "subject": "",
//!     "place": "Cao Bằng",
//!     "date": "05/03/2025",
//!     "recipients": ["Như trên;", "Lưu: VT, VP."],
//!     "signer_title": "GIÁM ĐỐC",
//!     "signer_name": "Nguyễn Văn An"
//!   },
//!   "contact": { "person": { "full_name": "Trần Thị Bình", "mobile": "0912345678", ... },
//!                "address": "...", "counterpart": { ... } },
//!   "rows": [ { "cert_name": "Nguyễn Văn Cường", "serial": "5401...", "renew": true } ]
//! }
//! ```
//!
//! Every text field is optional (missing = empty); unknown fields are ignored so a
//! newer draft still opens. `kind` is `"01"`..`"09"`. An empty `subject` means the
//! form's usual subject line; empty `recipients` mean "Như trên; Lưu: VT.". Dates are
//! `dd/mm/yyyy`. Row keys are the [`Field`] keys (`full_name`, `birth_date`,
//! `id_number`, ...); `renew` and `change` are booleans. A row filled from a
//! certificate also carries `source` (file, serial, validity) so the 30-day rule can
//! be checked; typed rows have none. `tests/fixtures/forms/draft-04.json` is a full
//! example.
//!
//! Since issue 10 a letterhead may carry `"addressee": "so"` and
//! `"addressee_province"` (04 and 06 to a province's Sở Khoa học và Công nghệ), a
//! multi-line `signer_title`; a Mẫu 01 draft `"central_signing": true`; a Mẫu 09
//! draft `contact.loss_date` and `contact.loss_place`. Older drafts read unchanged.

use serde::{Deserialize, Serialize};

mod field;
mod form_kind;
mod row;

pub use super::columns::Column;
pub use field::{ALL_FIELDS, Field};
pub use form_kind::{ALL_FORMS, FormKind};
pub use row::{CertSource, Row, parse_flag};

/// A person in section 1 (the contact, or a party of a record).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub full_name: String,
    pub id_number: String,
    pub id_issue_date: String,
    pub id_issue_place: String,
    pub title: String,
    pub agency: String,
    pub mobile: String,
    pub email: String,
}

/// A field of [`Person`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PersonField {
    FullName,
    IdNumber,
    IdIssueDate,
    IdIssuePlace,
    Title,
    Agency,
    Mobile,
    Email,
}

impl PersonField {
    pub fn key(self) -> &'static str {
        match self {
            PersonField::FullName => "full_name",
            PersonField::IdNumber => "id_number",
            PersonField::IdIssueDate => "id_issue_date",
            PersonField::IdIssuePlace => "id_issue_place",
            PersonField::Title => "title",
            PersonField::Agency => "agency",
            PersonField::Mobile => "mobile",
            PersonField::Email => "email",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PersonField::FullName => "Họ và tên",
            PersonField::IdNumber => "Số định danh cá nhân",
            PersonField::IdIssueDate => "Ngày cấp",
            PersonField::IdIssuePlace => "Nơi cấp",
            PersonField::Title => "Chức vụ",
            PersonField::Agency => "Cơ quan, tổ chức công tác",
            PersonField::Mobile => "Số điện thoại di động",
            PersonField::Email => "Địa chỉ thư điện tử công vụ",
        }
    }

    pub fn get(self, p: &Person) -> &str {
        match self {
            PersonField::FullName => &p.full_name,
            PersonField::IdNumber => &p.id_number,
            PersonField::IdIssueDate => &p.id_issue_date,
            PersonField::IdIssuePlace => &p.id_issue_place,
            PersonField::Title => &p.title,
            PersonField::Agency => &p.agency,
            PersonField::Mobile => &p.mobile,
            PersonField::Email => &p.email,
        }
    }
}

/// Section 1.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    /// The contact person (01-07), or the handing party / the managing body's
    /// representative (08, 09).
    pub person: Person,
    /// Delivery address (01-04), recovery address (05), place of the hand-over or of
    /// the record (08, 09).
    pub address: String,
    /// The receiving party (08) or the holder who lost the token (09).
    pub counterpart: Person,
    /// 09: when the device was lost (`dd/mm/yyyy`) and where.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub loss_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub loss_place: String,
}

/// Who a letter is sent to. Only 04 and 06 may go to the province
/// ([`FormKind::addressee_choice`]); the others always go to the Cục.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Addressee {
    /// Cục Chứng thực số và Bảo mật thông tin, Ban Cơ yếu Chính phủ.
    #[default]
    Cuc,
    /// Sở Khoa học và Công nghệ of `Letterhead::addressee_province`.
    So,
}

/// The letterhead and the signature block (Decree 30/2020 layout).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Letterhead {
    /// "Cơ quan, tổ chức chủ quản" (printed upper case above the managing body).
    pub superior_body: String,
    /// "Cơ quan, tổ chức quản lý trực tiếp" (printed upper case, bold).
    pub managing_body: String,
    /// After "Số: ", e.g. `125/SNV-VP`; empty leaves room to write it by hand.
    pub number: String,
    /// After "V/v "; empty means the form's usual subject.
    pub subject: String,
    pub place: String,
    /// `dd/mm/yyyy`; empty leaves "ngày ... tháng ... năm ...".
    pub date: String,
    /// "Nơi nhận" lines; empty means "Như trên;" and "Lưu: VT.".
    pub recipients: Vec<String>,
    /// The authority and title, one line each as Decree 30 writes them ("KT. GIÁM
    /// ĐỐC" / "PHÓ GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH").
    pub signer_title: String,
    pub signer_name: String,
    /// 04 and 06: the Cục or the provincial Sở Khoa học và Công nghệ.
    #[serde(skip_serializing_if = "is_cuc")]
    pub addressee: Addressee,
    /// The province whose Sở receives the letter ("Ninh Bình", "thành phố Huế").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub addressee_province: String,
}

fn is_cuc(a: &Addressee) -> bool {
    *a == Addressee::Cuc
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The draft version written by this code.
pub const DRAFT_VERSION: u32 = 1;

fn draft_version() -> u32 {
    DRAFT_VERSION
}

/// One letter: what the clerk fills in. See the module documentation for its JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    #[serde(default = "draft_version")]
    pub version: u32,
    pub kind: FormKind,
    /// Written for readers of the JSON; always recomputed from `kind`.
    #[serde(default)]
    pub reference_only: bool,
    #[serde(default)]
    pub letterhead: Letterhead,
    #[serde(default)]
    pub contact: Contact,
    #[serde(default)]
    pub rows: Vec<Row>,
    /// 01 only: the holders sign with the remote (central) signing solution, which
    /// has its own subject line ("… cho cá nhân sử dụng giải pháp ký số tập trung").
    #[serde(default, skip_serializing_if = "is_false")]
    pub central_signing: bool,
}

impl Letter {
    pub fn new(kind: FormKind) -> Letter {
        Letter {
            version: DRAFT_VERSION,
            kind,
            reference_only: kind.reference_only(),
            letterhead: Letterhead::default(),
            contact: Contact::default(),
            rows: Vec::new(),
            central_signing: false,
        }
    }

    /// Reads a draft (JSON). Text is brought to NFC and `reference_only` follows the
    /// form.
    pub fn from_json(json: &str) -> Result<Letter, DraftError> {
        let mut l: Letter = serde_json::from_str(json).map_err(|e| DraftError {
            line: e.line(),
            column: e.column(),
            code: match e.classify() {
                serde_json::error::Category::Data => "draft_bad_field",
                serde_json::error::Category::Eof => "draft_truncated",
                _ => "draft_not_json",
            },
        })?;
        if l.version > DRAFT_VERSION {
            return Err(DraftError {
                line: 0,
                column: 0,
                code: "draft_newer_version",
            });
        }
        l.reference_only = l.kind.reference_only();
        l.normalise();
        Ok(l)
    }

    pub fn to_json(&self) -> String {
        let mut copy = self.clone();
        copy.reference_only = self.kind.reference_only();
        serde_json::to_string_pretty(&copy).unwrap_or_default()
    }

    /// NFC for every text, trims around it.
    pub fn normalise(&mut self) {
        use super::nfc::nfc;
        let lh = &mut self.letterhead;
        for s in [
            &mut lh.superior_body,
            &mut lh.managing_body,
            &mut lh.number,
            &mut lh.subject,
            &mut lh.place,
            &mut lh.date,
            &mut lh.signer_title,
            &mut lh.signer_name,
            &mut lh.addressee_province,
            &mut self.contact.address,
            &mut self.contact.loss_date,
            &mut self.contact.loss_place,
        ] {
            *s = nfc(s.trim());
        }
        for r in &mut lh.recipients {
            *r = nfc(r.trim());
        }
        for p in [&mut self.contact.person, &mut self.contact.counterpart] {
            for s in [
                &mut p.full_name,
                &mut p.id_number,
                &mut p.id_issue_date,
                &mut p.id_issue_place,
                &mut p.title,
                &mut p.agency,
                &mut p.mobile,
                &mut p.email,
            ] {
                *s = nfc(s.trim());
            }
        }
        for row in &mut self.rows {
            for f in ALL_FIELDS {
                if !f.is_flag() {
                    let v = nfc(row.get(f).trim());
                    row.set(f, v);
                }
            }
        }
    }
}

/// Why a draft could not be read (`code`: `draft_not_json`, `draft_truncated`,
/// `draft_bad_field`, `draft_newer_version`), with its position in the JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DraftError {
    pub code: &'static str,
    pub line: usize,
    pub column: usize,
}
