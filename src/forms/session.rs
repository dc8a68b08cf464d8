//! The letters being prepared, as plain data: the shared letterhead, one letter per
//! form, and what the last fill from certificates left out. The page keeps one
//! [`Session`] (in local storage as a draft) and changes it only through
//! [`Session::apply`], so every edit is testable without a browser; the Yew
//! components only compose.

use serde::{Deserialize, Serialize};

use super::fill::{Filled, LeftOut, serial_key};
use super::model::{
    ALL_FIELDS, ALL_FORMS, Addressee, Field, FormKind, Letter, Letterhead, Person, PersonField,
    Row, parse_flag,
};
use super::nfc::nfc;

/// A field of the letterhead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LhField {
    Superior,
    Managing,
    Number,
    Subject,
    Place,
    Date,
    Recipients,
    SignerTitle,
    SignerName,
    AddresseeProvince,
}

/// Which person of section 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Person,
    Counterpart,
}

/// One change to the session.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Kind(FormKind),
    Letterhead(LhField, String),
    /// 04 and 06: the Cục or the provincial Sở (shared by both forms).
    Addressee(Addressee),
    /// 01: remote-signing holders.
    Central(bool),
    Contact(Who, PersonField, String),
    Address(String),
    /// 09: the date and the place of the loss.
    LossDate(String),
    LossPlace(String),
    Cell(usize, Field, String),
    AddRow,
    RemoveRow(usize),
    MoveRow(usize, bool),
    /// Rows from a list or a paste (merged by serial).
    Append(Vec<Row>),
    /// Rows from certificates, and the certificates left out.
    Fill(Filled),
    /// A draft file: replaces that form's letter (and the letterhead it carries).
    Draft(Box<Letter>),
    /// From a Mẫu 09 record to its Mẫu 05 (`forms::followup`).
    RevokeLost,
}

/// The draft kept by the page: every form's letter and the shared letterhead.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub kind: FormKind,
    pub letterhead: Letterhead,
    /// One per form, in [`ALL_FORMS`] order; their own letterheads are ignored.
    pub letters: Vec<Letter>,
    /// What the last fill from certificates did not put in the table, and why.
    pub left_out: Vec<LeftOut>,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    kind: FormKind,
    letterhead: Letterhead,
    letters: Vec<Letter>,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            kind: FormKind::F04,
            letterhead: Letterhead::default(),
            letters: ALL_FORMS.iter().map(|k| Letter::new(*k)).collect(),
            left_out: Vec::new(),
        }
    }
}

fn is_empty_letter(l: &Letter) -> bool {
    l.rows.is_empty() && l.contact == super::model::Contact::default() && !l.central_signing
}

impl Session {
    /// The stored draft, or a fresh session when it cannot be read.
    pub fn from_json(text: &str) -> Session {
        let mut s = Session::default();
        let Ok(stored) = serde_json::from_str::<Stored>(text) else {
            return s;
        };
        s.kind = stored.kind;
        s.letterhead = stored.letterhead;
        for l in stored.letters {
            // Through the draft reader: NFC, the form's own flags.
            if let Ok(l) = Letter::from_json(&l.to_json())
                && let Some(slot) = s.letters.iter_mut().find(|x| x.kind == l.kind)
            {
                *slot = l;
            }
        }
        s
    }

    /// The draft to store (letters with nothing in them are left out).
    pub fn to_json(&self) -> Option<String> {
        let stored = Stored {
            version: 1,
            kind: self.kind,
            letterhead: self.letterhead.clone(),
            letters: self
                .letters
                .iter()
                .filter(|l| !is_empty_letter(l))
                .cloned()
                .collect(),
        };
        serde_json::to_string(&stored).ok()
    }

    /// The current letter as it prints (with the shared letterhead).
    pub fn letter(&self) -> Letter {
        self.letter_of(self.kind)
    }

    pub fn letter_of(&self, kind: FormKind) -> Letter {
        let mut l = self
            .letters
            .iter()
            .find(|l| l.kind == kind)
            .cloned()
            .unwrap_or_else(|| Letter::new(kind));
        l.letterhead = self.letterhead.clone();
        l
    }

    fn current_mut(&mut self) -> Option<&mut Letter> {
        let kind = self.kind;
        self.letters.iter_mut().find(|l| l.kind == kind)
    }

    fn slot(&mut self, kind: FormKind) -> Option<&mut Letter> {
        self.letters.iter_mut().find(|l| l.kind == kind)
    }

    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Kind(k) => {
                self.kind = k;
                self.left_out.clear();
            }
            Edit::Letterhead(f, v) => set_letterhead(&mut self.letterhead, f, v),
            Edit::Addressee(a) => self.letterhead.addressee = a,
            Edit::Central(on) => {
                if let Some(l) = self.slot(FormKind::F01) {
                    l.central_signing = on;
                }
            }
            Edit::Contact(who, f, v) => {
                if let Some(l) = self.current_mut() {
                    let p = match who {
                        Who::Person => &mut l.contact.person,
                        Who::Counterpart => &mut l.contact.counterpart,
                    };
                    set_person(p, f, v);
                }
            }
            Edit::Address(v) => self.contact_text(|c| &mut c.address, v),
            Edit::LossDate(v) => self.contact_text(|c| &mut c.loss_date, v),
            Edit::LossPlace(v) => self.contact_text(|c| &mut c.loss_place, v),
            Edit::Cell(i, f, v) => {
                if let Some(r) = self.current_mut().and_then(|l| l.rows.get_mut(i)) {
                    r.set(f, v);
                }
            }
            Edit::AddRow => {
                if let Some(l) = self.current_mut() {
                    l.rows.push(Row::default());
                }
            }
            Edit::RemoveRow(i) => {
                if let Some(l) = self.current_mut()
                    && i < l.rows.len()
                {
                    l.rows.remove(i);
                }
            }
            Edit::MoveRow(i, up) => {
                if let Some(l) = self.current_mut() {
                    let j = if up {
                        i.checked_sub(1)
                    } else {
                        i.checked_add(1)
                    };
                    if let Some(j) = j
                        && i < l.rows.len()
                        && j < l.rows.len()
                    {
                        l.rows.swap(i, j);
                    }
                }
            }
            Edit::Append(rows) => {
                if let Some(l) = self.current_mut() {
                    let before = std::mem::take(&mut l.rows);
                    l.rows = super::merge_rows(before, rows);
                }
            }
            Edit::Fill(filled) => {
                if let Some(l) = self.current_mut() {
                    add_cert_rows(&mut l.rows, filled.rows);
                }
                self.left_out = filled.left_out;
            }
            Edit::Draft(letter) => {
                let mut letter = *letter;
                if letter.letterhead != Letterhead::default() {
                    self.letterhead = letter.letterhead.clone();
                }
                letter.letterhead = Letterhead::default();
                self.kind = letter.kind;
                if let Some(slot) = self.slot(letter.kind) {
                    *slot = letter;
                }
            }
            Edit::RevokeLost => {
                let record = self.letter_of(FormKind::F09);
                let mut l05 = super::followup::revocation_after_loss(&record);
                l05.letterhead = Letterhead::default();
                if let Some(slot) = self.slot(FormKind::F05) {
                    let rows = std::mem::take(&mut l05.rows);
                    if slot.contact == super::model::Contact::default() {
                        slot.contact = l05.contact;
                    }
                    slot.rows = super::merge_rows(std::mem::take(&mut slot.rows), rows);
                }
                self.kind = FormKind::F05;
            }
        }
    }

    fn contact_text(&mut self, pick: fn(&mut super::model::Contact) -> &mut String, v: String) {
        if let Some(l) = self.current_mut() {
            *pick(&mut l.contact) = v;
        }
    }
}

/// Certificate rows: new serials are appended; a typed row with the same serial gets
/// the certificate's facts where it is empty (and its source, for the 30-day rule).
pub fn add_cert_rows(rows: &mut Vec<Row>, new: Vec<Row>) {
    let key_of = |r: &Row| {
        serial_key(if r.serial.is_empty() {
            &r.old_serial
        } else {
            &r.serial
        })
    };
    for n in new {
        let key = key_of(&n);
        let existing = (!key.is_empty())
            .then(|| rows.iter_mut().find(|r| key_of(r) == key))
            .flatten();
        match existing {
            Some(r) => {
                for f in ALL_FIELDS {
                    if !f.is_flag() && r.get(f).trim().is_empty() && !n.get(f).is_empty() {
                        r.set(f, n.get(f).to_string());
                    }
                }
                if r.source.is_none() {
                    r.source = n.source;
                }
            }
            None => rows.push(n),
        }
    }
}

pub fn set_letterhead(lh: &mut Letterhead, f: LhField, v: String) {
    match f {
        LhField::Superior => lh.superior_body = v,
        LhField::Managing => lh.managing_body = v,
        LhField::Number => lh.number = v,
        LhField::Subject => lh.subject = v,
        LhField::Place => lh.place = v,
        LhField::Date => lh.date = v,
        LhField::Recipients => {
            lh.recipients = v.lines().map(str::to_owned).collect();
        }
        LhField::SignerTitle => lh.signer_title = v,
        LhField::SignerName => lh.signer_name = v,
        LhField::AddresseeProvince => lh.addressee_province = v,
    }
}

pub fn get_letterhead(lh: &Letterhead, f: LhField) -> String {
    match f {
        LhField::Superior => lh.superior_body.clone(),
        LhField::Managing => lh.managing_body.clone(),
        LhField::Number => lh.number.clone(),
        LhField::Subject => lh.subject.clone(),
        LhField::Place => lh.place.clone(),
        LhField::Date => lh.date.clone(),
        LhField::Recipients => lh.recipients.join("\n"),
        LhField::SignerTitle => lh.signer_title.clone(),
        LhField::SignerName => lh.signer_name.clone(),
        LhField::AddresseeProvince => lh.addressee_province.clone(),
    }
}

pub fn set_person(p: &mut Person, f: PersonField, v: String) {
    match f {
        PersonField::FullName => p.full_name = v,
        PersonField::IdNumber => p.id_number = v,
        PersonField::IdIssueDate => p.id_issue_date = v,
        PersonField::IdIssuePlace => p.id_issue_place = v,
        PersonField::Title => p.title = v,
        PersonField::Agency => p.agency = v,
        PersonField::Mobile => p.mobile = v,
        PersonField::Email => p.email = v,
    }
}

/// A pasted line has more cells than the form has columns (paste the header too).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PasteError {
    /// 1-based.
    pub line: usize,
    pub cells: usize,
    pub columns: usize,
}

/// Rows from text pasted from a spreadsheet: with its header row it is read like a
/// CSV file; without, the columns are taken in the form's order (a leading STT
/// column is skipped).
pub fn rows_from_paste(kind: FormKind, text: &str) -> Result<Vec<Row>, PasteError> {
    if let Ok(rows) = super::import_csv(kind, text.as_bytes()) {
        return Ok(rows);
    }
    let fields: Vec<Field> = kind.fields();
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut cells: Vec<&str> = line.split('\t').collect();
        if cells.len() > fields.len()
            && cells
                .first()
                .is_some_and(|c| c.trim().chars().all(|ch| ch.is_ascii_digit()))
        {
            cells.remove(0);
        }
        if cells.len() > fields.len() {
            return Err(PasteError {
                line: n + 1,
                cells: cells.len(),
                columns: fields.len(),
            });
        }
        let mut row = Row::default();
        for (f, c) in fields.iter().zip(cells) {
            let c = c.trim();
            if f.is_flag() {
                row.set(
                    *f,
                    if parse_flag(c) {
                        "x".into()
                    } else {
                        String::new()
                    },
                );
            } else {
                row.set(*f, nfc(c));
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_addressee_and_a_lost_device_are_kept_in_the_draft() {
        let mut s = Session::default();
        s.apply(Edit::Kind(FormKind::F04));
        s.apply(Edit::Addressee(Addressee::So));
        s.apply(Edit::Letterhead(
            LhField::AddresseeProvince,
            "Ninh Bình".into(),
        ));
        s.apply(Edit::Kind(FormKind::F09));
        s.apply(Edit::LossDate("02/03/2025".into()));
        s.apply(Edit::Append(vec![Row {
            cert_name: "Nguyễn Văn An".into(),
            serial: "4B590101".into(),
            ..Row::default()
        }]));
        let back = Session::from_json(&s.to_json().unwrap());
        assert_eq!(back.letterhead.addressee, Addressee::So);
        assert_eq!(back.letterhead.addressee_province, "Ninh Bình");
        assert_eq!(
            back.letter_of(FormKind::F09).contact.loss_date,
            "02/03/2025"
        );
        let mut back = back;
        back.apply(Edit::RevokeLost);
        assert_eq!(back.kind, FormKind::F05);
        let l05 = back.letter();
        assert_eq!(l05.rows.len(), 1);
        assert!(
            l05.rows
                .first()
                .is_some_and(|r| r.reason.starts_with("Thiết bị lưu khóa bí mật bị thất lạc"))
        );
    }

    #[test]
    fn pasted_lines_in_the_forms_order() {
        let rows = rows_from_paste(FormKind::F04, "1\tA\t5401\t\ta@b.gov.vn").unwrap_or_default();
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows_from_paste(FormKind::F06, "1\t2\t3\t4\t5\t6"),
            Err(PasteError {
                line: 1,
                cells: 5,
                columns: 4
            })
        );
    }
}
