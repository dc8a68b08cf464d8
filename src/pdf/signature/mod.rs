//! Signature fields and their signature dictionaries (ISO 32000-1 §12.7.4.5,
//! §12.8.1; ISO 32000-2 §12.8.2 for document timestamps; ETSI EN 319 142-1 PAdES).
//!
//! Every revision's field tree is read, not only the last one's: a signature that a
//! later update removed from the form is still listed (see `collect`).
//!
//! Only what the verify layer needs is extracted, and exactly as written: the
//! `/ByteRange` numbers unrounded, the `/Contents` bytes together with the position
//! of their hex string in the file. Anything that does not have the expected shape is
//! recorded as a [`CoverageProblem`] so that the coverage check can refuse it, rather
//! than being "fixed up" here.

use std::collections::HashMap;
use std::rc::Rc;

use serde::Serialize;

use super::coverage::CoverageProblem;
use super::object::{Dict, Object};
use super::revision::{Loc, Phys, Store, Val};
use crate::time::Instant;

mod text;
mod walk;

pub use text::{parse_pdf_date, text_string};
use walk::*;

/// A field tree deeper than this (through `/Kids`) is refused.
pub const MAX_FIELD_DEPTH: usize = 64;
/// Field-tree nodes visited per revision at most.
pub const MAX_FIELD_NODES: usize = 1_000_000;
/// Object look-ups spent on the field trees of all the revisions before the last.
/// When they run out, the remaining revisions are not walked and the change analysis
/// of every signature is marked unreliable.
pub const MAX_HISTORY_WALK_COST: usize = 4_000_000;

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
    /// The first revision in which this signature dictionary appears as it was
    /// signed.
    pub revision: usize,
    /// The last revision's AcroForm reaches this signature. When false, a later
    /// update removed it from the form: viewers no longer show it.
    pub reachable: bool,
    /// The last revision whose AcroForm reaches this signature.
    pub last_reachable: usize,
    /// The revisions whose AcroForm no longer reaches this signature while the
    /// revision before did, in order (usually none, or one).
    pub removed_in: Vec<usize>,
    /// The DocMDP level, when this is a certification signature.
    pub mdp: Option<MdpPermission>,
    pub field_lock: Option<FieldLock>,
    /// A defect in the dictionary itself that makes its coverage unclear.
    pub structure_problem: Option<CoverageProblem>,
}

fn opt_text(store: &Store<'_>, rev: usize, d: &Dict, key: &[u8]) -> Option<String> {
    let v = store.resolve_key(rev, d, key)?;
    v.as_string().map(|s| text_string(&s.bytes))
}

fn opt_name(d: &Dict, key: &[u8]) -> Option<String> {
    d.name(key).map(|n| String::from_utf8_lossy(n).into_owned())
}

pub(crate) fn catalog(store: &Store<'_>, rev: usize) -> Option<Rc<Object>> {
    let root = store.trailer(rev)?.get(b"Root")?.as_ref()?;
    store.get(rev, root.num)
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

/// The signatures of a document, from the field trees of all its revisions.
pub(crate) struct Collected {
    /// Each distinct signature once, in the order they were signed.
    pub signatures: Vec<SignatureInfo>,
    /// Every revision's field tree was walked to the end. When false, a signature
    /// may have been removed without this reader seeing it: the change analysis of
    /// every signature must be treated as unreliable.
    pub complete: bool,
}

/// Lists every signature reachable from the AcroForm of any revision, each once.
///
/// A signature is its signature dictionary: the same object number and the same
/// `/Contents` bytes (or, when `/Contents` is empty or not a string, the same bytes
/// in the file). It is read from the first revision that reaches it — what was
/// signed — and named after the field of the last revision that reaches it. A
/// signature that an update removed from the form (the field dropped from
/// `/Fields`, the `/AcroForm` dropped, the field's `/V` pointed elsewhere, the
/// dictionary rewritten) keeps its place in the list, with the revisions that removed
/// it in [`SignatureInfo::removed_in`].
///
/// Work is bounded: a revision that redefines none of the objects the previous
/// revision's walk looked at is not walked again, and the walks of all revisions
/// before the last share [`MAX_HISTORY_WALK_COST`]; the last revision is always
/// walked (within [`MAX_FIELD_NODES`]).
pub(crate) fn collect(store: &Store<'_>) -> Collected {
    collect_with(store, MAX_HISTORY_WALK_COST)
}

/// [`collect`] with `budget` look-ups for the revisions before the last.
pub(crate) fn collect_with(store: &Store<'_>, budget: usize) -> Collected {
    let n = store.revisions.len();
    let last = n.saturating_sub(1);
    let mut out: Vec<SignatureInfo> = Vec::new();
    let mut ids = Ids::default();
    // stamp[i] = 1 + the last revision whose walk reached signature i.
    let mut stamp: Vec<usize> = Vec::new();
    let mut complete = true;
    let mut budget = budget;
    let mut over_budget = false;
    let mut prev_reached: Vec<usize> = Vec::new();
    // What the previous walk depended on (its /Root and the objects it looked up),
    // when it was complete.
    let mut prev_deps: Option<(Option<Object>, Deps)> = None;
    let mut slots = Slots::default();
    for rev in 0..n {
        let root = store.trailer(rev).and_then(|t| t.get(b"Root")).cloned();
        let touched = store.touched(rev);
        slots.enter(rev, &touched);
        let unchanged = prev_deps.as_ref().is_some_and(|(r, deps)| {
            *r == root && deps.still_hold(store, rev, &touched, &mut slots)
        });
        if unchanged || (over_budget && rev < last) {
            // The same field tree as the revision before (or, past the budget, not
            // known: `complete` is already false).
            continue;
        }
        let mut t = Tracked {
            store,
            rev,
            slots: &mut slots,
            deps: Vec::new(),
            leaves: Vec::new(),
            catalog: None,
            lookups: 0,
        };
        let (hits, walk) = if rev < last {
            walk_sig_fields(&mut t, &mut budget)
        } else {
            // The last revision is what a viewer shows: always read (within
            // MAX_FIELD_NODES), as before this reader looked at earlier ones.
            let mut unlimited = usize::MAX;
            walk_sig_fields(&mut t, &mut unlimited)
        };
        prev_deps = None;
        if walk == Walk::OverBudget {
            over_budget = true;
            complete = false;
            continue;
        }
        let mut reached = Vec::new();
        for hit in &hits {
            let Some(i) = ids.identify(store, &mut t, hit, &mut out) else {
                continue;
            };
            stamp.resize(out.len(), 0);
            if out.len() > super::MAX_SIGNATURES {
                // `open` refuses the file; no point in reading on.
                return Collected {
                    signatures: out,
                    complete: false,
                };
            }
            let Some(st) = stamp.get_mut(i) else { continue };
            if *st == rev + 1 {
                continue;
            }
            *st = rev + 1;
            reached.push(i);
            if let Some(s) = out.get_mut(i)
                && s.field_name != hit.name
            {
                s.field_name.clone_from(&hit.name);
            }
        }
        for &i in &prev_reached {
            if stamp.get(i) != Some(&(rev + 1))
                && let Some(s) = out.get_mut(i)
            {
                s.removed_in.push(rev);
                s.last_reachable = rev.saturating_sub(1);
            }
        }
        if walk == Walk::Complete {
            prev_deps = Some((root, t.into_deps()));
        } else {
            complete = false;
        }
        prev_reached = reached;
    }
    for &i in &prev_reached {
        if let Some(s) = out.get_mut(i) {
            s.reachable = true;
            s.last_reachable = last;
        }
    }
    out.sort_by_key(|s| (s.revision, s.contents_span.map_or(usize::MAX, |c| c.0)));
    Collected {
        signatures: out,
        complete,
    }
}

/// Which signature dictionary is which, across revisions.
#[derive(Default)]
struct Ids {
    /// (object, generation, where the dictionary is) → index of the signature.
    known: HashMap<(u32, u16, Option<Phys>), usize>,
    /// (object, generation) → the signatures read from it.
    by_object: HashMap<(u32, u16), Vec<usize>>,
}

impl Ids {
    /// Finds which signature the value of `hit` is, reading it when it is a new one.
    fn identify(
        &mut self,
        store: &Store<'_>,
        t: &mut Tracked<'_, '_, '_>,
        hit: &SigHit,
        out: &mut Vec<SignatureInfo>,
    ) -> Option<usize> {
        let rev = t.rev;
        let (object, val, phys) = match (hit.value.as_ref(), hit.field_num) {
            (Some(r), _) => {
                let (val, phys) = t.resolve_at(&hit.value)?;
                ((r.num, r.generation), val, phys)
            }
            (None, Some(n)) => {
                let phys = t.locate(n).map(|(_, p)| p);
                ((n, 0), Val::Direct(&hit.value), phys)
            }
            (None, None) => return None,
        };
        if let Some(&i) = self.known.get(&(object.0, object.1, phys)) {
            return Some(i);
        }
        let d = val.as_dict()?;
        let contents = match d.get(b"Contents") {
            Some(Object::String(s)) => s.bytes.as_slice(),
            _ => &[],
        };
        let same = self.by_object.get(&object).and_then(|candidates| {
            candidates.iter().copied().find(|&i| {
                !contents.is_empty() && out.get(i).is_some_and(|s| s.contents == contents)
            })
        });
        let i = match same {
            Some(i) => i,
            None => {
                let field = SigField {
                    name: hit.name.clone(),
                    lock: hit
                        .lock
                        .as_ref()
                        .and_then(|l| store.resolve(rev, l))
                        .and_then(|l| l.as_dict().and_then(|ld| lock_from(store, rev, ld))),
                };
                out.push(read_sig_dict(store, rev, &field, d, object));
                let i = out.len() - 1;
                self.by_object.entry(object).or_default().push(i);
                i
            }
        };
        self.known.insert((object.0, object.1, phys), i);
        Some(i)
    }
}

/// The field a signature dictionary was found in.
struct SigField {
    name: String,
    lock: Option<FieldLock>,
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
        revision: first_revision(store, object.0, rev),
        reachable: false,
        last_reachable: rev,
        removed_in: Vec::new(),
        mdp,
        field_lock,
        structure_problem: problem,
    }
}

/// The earliest revision from which object `num` stays where revision `rev` has it.
fn first_revision(store: &Store<'_>, num: u32, rev: usize) -> usize {
    let target = store.phys(rev, num);
    let mut r = rev;
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
