//! Header matching: which form field a header cell feeds, by folded Vietnamese
//! names and their usual variants, and where the header row is. Separate because
//! the alias table is long and is the part people edit when a list is not read.

use crate::forms::model::{Column, Field, FormKind};
use crate::forms::nfc::fold;

use super::HEADER_SEARCH_LINES;

/// What a header cell feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Target {
    Field(Field),
    /// A printed column holding several fields ("Số định danh / ngày cấp, nơi cấp").
    Composite(&'static Column),
    /// STT, ghi chú (when the form has no note)...: read and dropped.
    Ignore,
}

pub(super) fn aliases(f: Field) -> &'static [&'static str] {
    match f {
        Field::FullName => &["ho va ten", "ho ten", "ho va ten chu in hoa", "ten ca nhan"],
        Field::BirthDate => &["ngay sinh", "ngay thang nam sinh", "ngay sinh dd mm yyyy"],
        Field::IdNumber => &[
            "so dinh danh ca nhan",
            "so dinh danh",
            "so cccd",
            "cccd",
            "so can cuoc",
            "so can cuoc cong dan",
            "so cmnd",
            "cmnd",
            "so cmnd cccd",
            "cmnd cccd",
            "so cmnd cccd ho chieu",
            "so cccd cmnd",
            "so cmnd cccd hc",
            "so cmnd cccd hc ngay cap noi cap",
        ],
        Field::IdIssueDate => &["ngay cap", "ngay cap cccd", "ngay cap cmnd cccd"],
        Field::IdIssuePlace => &["noi cap", "noi cap cccd", "noi cap cmnd cccd"],
        Field::Email => &[
            "thu dien tu cong vu",
            "dia chi thu dien tu cong vu",
            "thu dien tu",
            "email",
            "e mail",
            "email cong vu",
            "dia chi email",
            "hop thu cong vu",
            "thu dien tu cong vu da dang ky",
            "email da dang ky",
        ],
        Field::Agency => &[
            "co quan to chuc",
            "co quan",
            "don vi",
            "don vi cong tac",
            "co quan cong tac",
            "co quan to chuc cong tac",
            "co quan to chuc quan ly",
            "co quan don vi",
        ],
        Field::Province => &[
            "tinh thanh pho",
            "tinh",
            "tinh tp",
            "tinh thanh",
            "tinh thanh pho truc thuoc trung uong",
        ],
        Field::Title => &["chuc vu", "chuc danh"],
        Field::Mobile => &[
            "so dien thoai di dong",
            "so dien thoai",
            "dien thoai",
            "dien thoai di dong",
            "di dong",
            "sdt",
            "so dt",
            "dt",
            "so di dong",
            "so dien thoai ky so",
        ],
        Field::OldSerial => &[
            "so hieu chung thu so cu",
            "so hieu chung thu cu",
            "serial cu",
            "so serial cu",
            "so hieu cts cu",
        ],
        Field::SimPki => &["sim pki", "simpki"],
        Field::OrgName => &[
            "ten co quan to chuc",
            "ten co quan",
            "ten don vi",
            "ten to chuc",
        ],
        Field::Address => &["dia chi", "dia chi tru so"],
        Field::TaxCode => &["ma so thue", "mst"],
        Field::BudgetCode => &[
            "ma quan he ngan sach",
            "ma so quan he ngan sach",
            "ma qhns",
            "qhns",
            "mns",
            "ma ngan sach",
            "ma don vi quan he ngan sach",
            "ma so dvqhns",
            "ma dvqhns",
        ],
        Field::DeviceName => &[
            "ten thiet bi dich vu phan mem",
            "ten thiet bi",
            "ten dich vu",
            "ten phan mem",
        ],
        Field::DeviceVersion => &["phien ban"],
        Field::CertName => &[
            "ten chung thu so",
            "ten chung thu",
            "ten thue bao",
            "ten cts",
            "ten chung thu so cua thue bao",
            "chu the",
        ],
        Field::Serial => &[
            "so hieu chung thu so",
            "so hieu chung thu",
            "serial",
            "so serial",
            "serial number",
            "so hieu cts",
        ],
        Field::ChangeWhat => &["thong tin can thay doi"],
        Field::ChangeNew => &["thong tin moi"],
        Field::Renew => &["gia han"],
        Field::Change => &[
            "thay doi thong tin",
            "thay doi",
            "thay doi noi dung thong tin",
        ],
        Field::TokenSerial => &[
            "so hieu thiet bi luu khoa bi mat",
            "so hieu thiet bi",
            "so hieu token",
            "so serial token",
            "ma token",
            "token",
            "so hieu usb token",
            "iccid",
        ],
        Field::Reason => &["ly do thu hoi", "ly do"],
        Field::HandoverDate => &["ngay ban giao"],
        Field::Note => &["ghi chu"],
    }
}

pub(super) const IGNORED: &[&str] = &["stt", "tt", "so tt", "so thu tu", "ghi chu"];

/// The header without parenthesised parts and footnote marks: "Thư điện tử công vụ
/// (1)" → "thu dien tu cong vu".
pub(super) fn fold_bare(h: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in h.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '*' => {}
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    fold(&out)
}

pub(super) fn target_of(kind: FormKind, header: &str) -> Option<Target> {
    // The header as written first, then without its parenthesised parts: "Số hiệu
    // chứng thư số" is the serial alone even though form 04's printed column adds
    // "(SIM PKI: kèm số điện thoại ký số)".
    target_of_folded(kind, &fold(header)).or_else(|| target_of_folded(kind, &fold_bare(header)))
}

pub(super) fn target_of_folded(kind: FormKind, c: &str) -> Option<Target> {
    if c.is_empty() {
        return None;
    }
    for col in kind.columns() {
        if c == fold(col.header) {
            return Some(match col.fields {
                [one] => Target::Field(*one),
                _ => Target::Composite(col),
            });
        }
    }
    for f in kind.fields() {
        if c == fold(f.label()) || aliases(f).contains(&c) {
            return Some(Target::Field(f));
        }
    }
    for col in kind.columns() {
        if c == fold_bare(col.header) {
            return Some(match col.fields {
                [one] => Target::Field(*one),
                _ => Target::Composite(col),
            });
        }
    }
    if IGNORED.contains(&c) {
        return Some(Target::Ignore);
    }
    None
}

/// True when the header names a field of some other form (a wrong list).
pub(super) fn known_elsewhere(header: &str) -> bool {
    let full = fold(header);
    let bare = fold_bare(header);
    crate::forms::model::ALL_FIELDS.iter().any(|f| {
        let l = fold(f.label());
        [&full, &bare]
            .iter()
            .any(|c| **c == l || aliases(*f).contains(&c.as_str()))
    })
}

/// Picks the header line among the first ones: the first line with at least two
/// cells that match a column of the form (one for single-column lists).
pub(super) fn find_header(kind: FormKind, lines: &[(usize, Vec<String>)]) -> Option<usize> {
    lines
        .iter()
        .take(HEADER_SEARCH_LINES)
        .position(|(_, cells)| {
            let matched = cells
                .iter()
                .filter(|c| !c.trim().is_empty())
                .filter(|c| {
                    matches!(
                        target_of(kind, c),
                        Some(Target::Field(_) | Target::Composite(_))
                    )
                })
                .count();
            matched >= 2
                || (matched == 1 && cells.iter().filter(|c| !c.trim().is_empty()).count() == 1)
        })
}
