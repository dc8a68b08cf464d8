//! Signature fields and their signature dictionaries (ISO 32000-1 §12.7.4.5,
//! §12.8.1; ISO 32000-2 §12.8.2 for document timestamps; ETSI EN 319 142-1 PAdES).
//!
//! Only what the verify layer needs is extracted, and exactly as written: the
//! `/ByteRange` numbers unrounded, the `/Contents` bytes together with the position
//! of their hex string in the file. Anything that does not have the expected shape is
//! recorded as a [`CoverageProblem`] so that the coverage check can refuse it, rather
//! than being "fixed up" here.

use std::collections::HashSet;

use serde::Serialize;

use super::coverage::CoverageProblem;
use super::object::{Dict, Object};
use super::revision::Store;
use crate::time::Instant;

/// A field tree deeper than this (through `/Kids`) is refused.
pub const MAX_FIELD_DEPTH: usize = 64;
/// Field-tree nodes visited per revision at most.
pub const MAX_FIELD_NODES: usize = 1_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SigKind {
    /// `/Type /Sig` (or no `/Type`): a signature by a person or organisation.
    Signature,
    /// `/Type /DocTimeStamp`: an RFC 3161 timestamp over the document (PAdES LTA).
    DocTimestamp,
}

/// The DocMDP level of a certification signature (§12.8.2.2, Table 254).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MdpPermission {
    /// P = 1: no changes at all (besides DSS and document timestamps, per PAdES).
    NoChanges,
    /// P = 2: filling in forms, instantiating templates, signing.
    FormFilling,
    /// P = 3: as 2, plus annotation creation, deletion and modification.
    Annotations,
}

impl MdpPermission {
    /// From the `/P` value; a missing `/P` means 2. A value outside 1–3 is read as
    /// the strictest level: an unreadable permission must not grant more.
    pub fn from_p(p: Option<i64>) -> Self {
        match p {
            None | Some(2) => MdpPermission::FormFilling,
            Some(3) => MdpPermission::Annotations,
            _ => MdpPermission::NoChanges,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            MdpPermission::NoChanges => "no_changes",
            MdpPermission::FormFilling => "form_filling",
            MdpPermission::Annotations => "annotations",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LockAction {
    All,
    Include,
    Exclude,
}

/// Fields locked once this signature is applied (`/Lock` on the field, or a FieldMDP
/// transform, §12.7.4.5 Table 233).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldLock {
    pub action: LockAction,
    /// Fully qualified field names.
    pub fields: Vec<String>,
}

impl FieldLock {
    pub fn locks(&self, field: &str) -> bool {
        let listed = self.fields.iter().any(|f| {
            f == field
                || field
                    .strip_prefix(f.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        });
        match self.action {
            LockAction::All => true,
            LockAction::Include => listed,
            LockAction::Exclude => !listed,
        }
    }
}

/// One signature dictionary reached from a signature field.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SignatureInfo {
    /// Fully qualified field name (`/T` of the field and its ancestors, joined by `.`).
    pub field_name: String,
    pub kind: SigKind,
    pub filter: Option<String>,
    pub sub_filter: Option<String>,
    /// `/ByteRange` as written; `None` when missing or not an array of integers.
    pub byte_range: Option<Vec<i64>>,
    /// `/Contents`, decoded (the DER of the CMS object plus padding).
    #[serde(skip)]
    pub contents: Vec<u8>,
    /// `[start, end)` of the `/Contents` hex string in the file, `<` and `>` included.
    pub contents_span: Option<(usize, usize)>,
    pub claimed_time_raw: Option<String>,
    /// `/M` read as a PDF date. The signer's claim, not evidence.
    pub claimed_time: Option<Instant>,
    pub name: Option<String>,
    pub reason: Option<String>,
    pub location: Option<String>,
    pub contact_info: Option<String>,
    /// Object number and generation of the signature dictionary (of the field, when
    /// the dictionary is written inline).
    pub object: (u32, u16),
    /// The first revision in which this signature dictionary appears as it is now.
    pub revision: usize,
    /// The DocMDP level, when this is a certification signature.
    pub mdp: Option<MdpPermission>,
    pub field_lock: Option<FieldLock>,
    /// A defect in the dictionary itself that makes its coverage unclear.
    pub structure_problem: Option<CoverageProblem>,
}

/// Decodes a PDF text string (§7.9.2.2): UTF-16BE with BOM, UTF-8 with BOM, or
/// PDFDocEncoding.
pub fn text_string(b: &[u8]) -> String {
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| {
                u16::from_be_bytes([
                    c.first().copied().unwrap_or(0),
                    c.get(1).copied().unwrap_or(0),
                ])
            })
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    b.iter().map(|&c| pdfdoc_char(c)).collect()
}

fn pdfdoc_char(c: u8) -> char {
    const HIGH: [char; 33] = [
        '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘', '’', '‚',
        '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\u{FFFD}', '€',
    ];
    match c {
        0x80..=0xA0 => HIGH
            .get(usize::from(c - 0x80))
            .copied()
            .unwrap_or('\u{FFFD}'),
        _ => char::from(c),
    }
}

/// Reads a PDF date `D:YYYYMMDDHHmmSSOHH'mm'` (§7.9.4). Only the year is required.
pub fn parse_pdf_date(s: &str) -> Option<Instant> {
    let s = s.trim();
    let s = s.strip_prefix("D:").unwrap_or(s);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits < 4 || digits % 2 != 0 || digits > 14 {
        return None;
    }
    let num = |from: usize, default: u32| -> Option<u32> {
        if from + 2 > digits {
            return Some(default);
        }
        s.get(from..from + 2)?.parse().ok()
    };
    let year: i64 = s.get(0..4)?.parse().ok()?;
    let base = Instant::from_civil(
        year,
        num(4, 1)?,
        num(6, 1)?,
        num(8, 0)?,
        num(10, 0)?,
        num(12, 0)?,
    )?;
    let rest = s.get(digits..)?;
    let offset: i64 = match rest.as_bytes().first() {
        None | Some(b'Z') => 0,
        Some(&sign @ (b'+' | b'-')) => {
            let t: String = rest.get(1..)?.chars().filter(|c| *c != '\'').collect();
            let hh: i64 = t.get(0..2)?.parse().ok()?;
            let mm: i64 = if t.len() >= 4 {
                t.get(2..4)?.parse().ok()?
            } else {
                0
            };
            if hh > 23 || mm > 59 {
                return None;
            }
            let secs = hh * 3600 + mm * 60;
            if sign == b'+' { secs } else { -secs }
        }
        _ => return None,
    };
    base.checked_add_secs(-offset)
}

fn opt_text(store: &Store<'_>, rev: usize, d: &Dict, key: &[u8]) -> Option<String> {
    let v = store.resolve_key(rev, d, key)?;
    v.as_string().map(|s| text_string(&s.bytes))
}

fn opt_name(d: &Dict, key: &[u8]) -> Option<String> {
    d.name(key).map(|n| String::from_utf8_lossy(n).into_owned())
}

/// A terminal signature field found in the field tree.
pub(crate) struct SigField {
    pub name: String,
    pub field_num: Option<u32>,
    pub value: Option<Object>,
    pub lock: Option<FieldLock>,
}

/// Walks `/AcroForm /Fields` of revision `rev` (bounded, loop-safe) and calls `visit`
/// for every field with its fully qualified name, inherited `/FT` and object number.
pub(crate) fn walk_fields(
    store: &Store<'_>,
    rev: usize,
    mut visit: impl FnMut(&str, Option<&[u8]>, Option<u32>, &Dict),
) -> bool {
    let Some(catalog) = catalog(store, rev) else {
        return true;
    };
    let Some(cat) = catalog.as_dict() else {
        return true;
    };
    let Some(acroform) = store.resolve_key(rev, cat, b"AcroForm") else {
        return true;
    };
    let Some(af) = acroform.as_dict() else {
        return true;
    };
    let Some(fields) = store.resolve_key(rev, af, b"Fields") else {
        return true;
    };
    let Some(fields) = fields.as_array() else {
        return true;
    };
    // (field object, parent name, inherited FT, depth)
    let mut stack: Vec<(Object, String, Option<Vec<u8>>, usize)> = fields
        .iter()
        .rev()
        .map(|f| (f.clone(), String::new(), None, 0))
        .collect();
    let mut seen = HashSet::new();
    let mut nodes = 0usize;
    let mut complete = true;
    while let Some((obj, parent, ft, depth)) = stack.pop() {
        nodes += 1;
        if nodes > MAX_FIELD_NODES || depth > MAX_FIELD_DEPTH {
            complete = false;
            break;
        }
        let num = obj.as_ref().map(|r| r.num);
        if let Some(n) = num
            && !seen.insert(n)
        {
            continue;
        }
        let Some(val) = store.resolve(rev, &obj) else {
            continue;
        };
        let Some(d) = val.as_dict() else { continue };
        let partial = d
            .get(b"T")
            .and_then(Object::as_string)
            .map(|s| text_string(&s.bytes));
        let name = match (&partial, parent.is_empty()) {
            (Some(p), true) => p.clone(),
            (Some(p), false) => format!("{parent}.{p}"),
            (None, _) => parent.clone(),
        };
        let ft = d.name(b"FT").map(<[u8]>::to_vec).or(ft);
        visit(&name, ft.as_deref(), num, d);
        if let Some(kids) = store.resolve_key(rev, d, b"Kids")
            && let Some(kids) = kids.as_array()
        {
            for k in kids.iter().rev() {
                stack.push((k.clone(), name.clone(), ft.clone(), depth + 1));
            }
        }
    }
    complete
}

pub(crate) fn catalog(store: &Store<'_>, rev: usize) -> Option<std::rc::Rc<Object>> {
    let root = store.trailer(rev)?.get(b"Root")?.as_ref()?;
    store.get(rev, root.num)
}

/// The signature fields of revision `rev` that carry a value.
pub(crate) fn signature_fields(store: &Store<'_>, rev: usize) -> Vec<SigField> {
    let mut out = Vec::new();
    walk_fields(store, rev, |name, ft, num, d| {
        if ft != Some(b"Sig") {
            return;
        }
        let lock = store
            .resolve_key(rev, d, b"Lock")
            .and_then(|l| l.as_dict().map(|ld| lock_from(store, rev, ld)));
        out.push(SigField {
            name: name.to_string(),
            field_num: num,
            value: d.get(b"V").cloned(),
            lock: lock.flatten(),
        });
    });
    out
}

fn lock_from(store: &Store<'_>, rev: usize, d: &Dict) -> Option<FieldLock> {
    let action = match d.name(b"Action")? {
        b"All" => LockAction::All,
        b"Include" => LockAction::Include,
        b"Exclude" => LockAction::Exclude,
        _ => return None,
    };
    let fields = store
        .resolve_key(rev, d, b"Fields")
        .and_then(|f| {
            f.as_array().map(|a| {
                a.iter()
                    .filter_map(|o| o.as_string().map(|s| text_string(&s.bytes)))
                    .collect()
            })
        })
        .unwrap_or_default();
    Some(FieldLock { action, fields })
}

/// Reads the signature dictionaries of the last revision.
pub(crate) fn collect(store: &Store<'_>) -> Vec<SignatureInfo> {
    let last = store.revisions.len().saturating_sub(1);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for f in signature_fields(store, last) {
        let Some(v) = &f.value else { continue };
        let object = match (v.as_ref(), f.field_num) {
            (Some(r), _) => (r.num, r.generation),
            (None, Some(n)) => (n, 0),
            (None, None) => continue,
        };
        if !seen.insert(object) {
            continue;
        }
        let Some(val) = store.resolve(last, v) else {
            continue;
        };
        let Some(d) = val.as_dict() else { continue };
        out.push(read_sig_dict(store, last, &f, d, object));
    }
    out.sort_by_key(|s| (s.revision, s.contents_span.map_or(usize::MAX, |c| c.0)));
    out
}

fn read_sig_dict(
    store: &Store<'_>,
    rev: usize,
    f: &SigField,
    d: &Dict,
    object: (u32, u16),
) -> SignatureInfo {
    let mut problem = None;
    if d.has_duplicate_keys() {
        problem = Some(CoverageProblem::DuplicateKeys);
    }
    let kind = if d.is_type(b"DocTimeStamp") {
        SigKind::DocTimestamp
    } else {
        SigKind::Signature
    };
    let byte_range = match d.get(b"ByteRange") {
        None | Some(Object::Null) => {
            problem.get_or_insert(CoverageProblem::ByteRangeMissing);
            None
        }
        Some(Object::Array(a)) => {
            let ints: Option<Vec<i64>> = a.iter().map(Object::as_int).collect();
            if ints.is_none() {
                problem.get_or_insert(CoverageProblem::ByteRangeNotIntegers);
            }
            ints
        }
        Some(Object::Ref(_)) => {
            problem.get_or_insert(CoverageProblem::ByteRangeIndirect);
            None
        }
        Some(_) => {
            problem.get_or_insert(CoverageProblem::ByteRangeNotArray);
            None
        }
    };
    let (contents, contents_span) = match d.get(b"Contents") {
        Some(Object::String(s)) if s.hex => (s.bytes.clone(), s.span),
        Some(Object::String(s)) => {
            problem.get_or_insert(CoverageProblem::ContentsNotHex);
            (s.bytes.clone(), s.span)
        }
        Some(Object::Ref(_)) => {
            problem.get_or_insert(CoverageProblem::ContentsIndirect);
            (Vec::new(), None)
        }
        _ => {
            problem.get_or_insert(CoverageProblem::ContentsMissing);
            (Vec::new(), None)
        }
    };
    if contents_span.is_none() {
        // In an object stream: the hex string is not in the file as written.
        problem.get_or_insert(CoverageProblem::ContentsNotInFile);
    }
    let claimed_time_raw = d
        .get(b"M")
        .and_then(Object::as_string)
        .map(|s| text_string(&s.bytes));
    let mdp = docmdp_of(store, rev, d);
    let field_lock = f.lock.clone().or_else(|| fieldmdp_of(store, rev, d));
    SignatureInfo {
        field_name: f.name.clone(),
        kind,
        filter: opt_name(d, b"Filter"),
        sub_filter: opt_name(d, b"SubFilter"),
        byte_range,
        contents,
        contents_span,
        claimed_time: claimed_time_raw.as_deref().and_then(parse_pdf_date),
        claimed_time_raw,
        name: opt_text(store, rev, d, b"Name"),
        reason: opt_text(store, rev, d, b"Reason"),
        location: opt_text(store, rev, d, b"Location"),
        contact_info: opt_text(store, rev, d, b"ContactInfo"),
        object,
        revision: first_revision(store, object.0),
        mdp,
        field_lock,
        structure_problem: problem,
    }
}

/// The earliest revision from which object `num` stays where the last revision has it.
fn first_revision(store: &Store<'_>, num: u32) -> usize {
    let last = store.revisions.len().saturating_sub(1);
    let target = store.phys(last, num);
    let mut r = last;
    while r > 0 && store.phys(r - 1, num) == target && target.is_some() {
        r -= 1;
    }
    r
}

fn transforms(store: &Store<'_>, rev: usize, d: &Dict) -> Vec<(Vec<u8>, Dict)> {
    let mut out = Vec::new();
    let Some(refs) = store.resolve_key(rev, d, b"Reference") else {
        return out;
    };
    let Some(refs) = refs.as_array() else {
        return out;
    };
    for r in refs.iter().take(64) {
        let Some(rd) = store.resolve(rev, r) else {
            continue;
        };
        let Some(rd) = rd.as_dict() else { continue };
        let Some(method) = rd.name(b"TransformMethod") else {
            continue;
        };
        let params = store
            .resolve_key(rev, rd, b"TransformParams")
            .and_then(|p| p.as_dict().cloned())
            .unwrap_or_default();
        out.push((method.to_vec(), params));
    }
    out
}

fn docmdp_of(store: &Store<'_>, rev: usize, d: &Dict) -> Option<MdpPermission> {
    transforms(store, rev, d)
        .into_iter()
        .find(|(m, _)| m == b"DocMDP")
        .map(|(_, p)| MdpPermission::from_p(p.int(b"P")))
}

fn fieldmdp_of(store: &Store<'_>, rev: usize, d: &Dict) -> Option<FieldLock> {
    transforms(store, rev, d)
        .into_iter()
        .find(|(m, _)| m == b"FieldMDP")
        .and_then(|(_, p)| lock_from(store, rev, &p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates() {
        let t = parse_pdf_date("D:20240131120000+07'00'").unwrap();
        assert_eq!(t.to_rfc3339(), "2024-01-31T05:00:00Z");
        assert_eq!(
            parse_pdf_date("D:20240131120000Z").unwrap().to_rfc3339(),
            "2024-01-31T12:00:00Z"
        );
        assert_eq!(
            parse_pdf_date("D:2024").unwrap().to_rfc3339(),
            "2024-01-01T00:00:00Z"
        );
        assert_eq!(
            parse_pdf_date("D:20240131120000-05'30")
                .unwrap()
                .to_rfc3339(),
            "2024-01-31T17:30:00Z"
        );
        assert!(parse_pdf_date("D:20241331").is_none());
        assert!(parse_pdf_date("yesterday").is_none());
    }

    #[test]
    fn text_strings() {
        assert_eq!(text_string(b"abc"), "abc");
        assert_eq!(text_string(&[0xFE, 0xFF, 0x1E, 0xA1]), "ạ");
        assert_eq!(text_string(&[0x80, 0xA0, 0xE9]), "•€é");
    }

    #[test]
    fn locks() {
        let l = FieldLock {
            action: LockAction::Include,
            fields: vec!["a".into(), "b.c".into()],
        };
        assert!(
            l.locks("a") && l.locks("a.x") && l.locks("b.c") && !l.locks("b") && !l.locks("ab")
        );
        let l = FieldLock {
            action: LockAction::Exclude,
            fields: vec!["a".into()],
        };
        assert!(!l.locks("a") && l.locks("z"));
    }

    #[test]
    fn mdp_levels() {
        assert_eq!(MdpPermission::from_p(None), MdpPermission::FormFilling);
        assert_eq!(MdpPermission::from_p(Some(1)), MdpPermission::NoChanges);
        assert_eq!(MdpPermission::from_p(Some(3)), MdpPermission::Annotations);
        assert_eq!(MdpPermission::from_p(Some(7)), MdpPermission::NoChanges);
    }
}
