//! What changed after a signature, and whether the signer allowed it.
//!
//! The signed bytes are only half of the story: a viewer shows the *last* revision.
//! Every incremental update after the signed revision is compared with the revision
//! before it, object by object, and each difference is classified by the role the
//! object plays (page content, annotation, form field, DSS …, found by walking the
//! document from its catalog) and judged under the signer's rules (DocMDP, FieldMDP).
//!
//! Rules, and why (ISO 32000-1 §12.8.2.2, ISO 32000-2 §12.8.2.2, ETSI EN 319 142-1):
//! - Page content, the page tree, page dictionaries (other than `/Annots` growing),
//!   page resources (fonts, images, XObjects), changes to existing annotation
//!   appearances, and anything that cannot be classified are **never** allowed: they
//!   change what is displayed, and the shadow attacks live exactly there.
//! - A signature that the form of a later revision no longer reaches (its field or
//!   the whole AcroForm dropped, the field's value pointed elsewhere) is **never**
//!   allowed to go: the reader must be told about a signature that disappeared.
//!   Which signatures each revision reaches is worked out in `signature::collect`;
//!   the removal is added here as [`ChangeKind::SignatureRemoved`].
//! - DSS additions and document timestamps are allowed at every level (PAdES LTV).
//! - P = 1 allows nothing else.
//! - P = 2 allows filling in existing fields (value and its appearance, unless a
//!   FieldMDP lock covers the field), new signature fields and signatures, metadata.
//! - P = 3 additionally allows creating, changing and deleting annotations (not
//!   widgets).
//! - No DocMDP (approval signatures only) is judged as P = 2: annotations are NOT
//!   allowed, because a comment with an appearance stream can cover the signed text
//!   ("replace via overlay"); the signer of an approval signature did not accept them.
//!   The report lists them as not allowed, and the verify layer words it as "changed
//!   after signing".

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde::Serialize;

use super::object::{self, Dict, Object};
use super::revision::{Phys, Store};
use super::signature::{FieldLock, MdpPermission, SigKind, SignatureInfo};

/// Objects visited per revision when classifying roles, at most.
pub const MAX_WALK_NODES: usize = 4_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeAction {
    Added,
    Modified,
    Deleted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// A page content stream (what is drawn on the page).
    PageContent,
    /// A page dictionary (its size, resources, content list …).
    PageDict,
    /// The `/Annots` list of a page.
    PageAnnots,
    /// A `/Pages` node (page order, inherited attributes).
    PageTree,
    /// Fonts, images, XObjects and other resources used by pages.
    PageResource,
    /// A non-widget annotation (comment, stamp, link …) or its appearance.
    Annotation,
    /// A widget annotation (the visible part of a form field) or its appearance.
    Widget,
    /// A form field's structure (not its value).
    FormField,
    /// A form field's value (and its regenerated appearance).
    FormFieldValue,
    /// A signature field: new, or signed.
    SignatureField,
    /// A new signature dictionary.
    Signature,
    /// A new document timestamp.
    DocTimestamp,
    /// An existing signature dictionary changed or removed.
    SignatureModified,
    /// A signature the revision before reached from its form is no longer reached
    /// (its field dropped from `/Fields`, the `/AcroForm` dropped, the field's `/V`
    /// pointed elsewhere …): viewers stop showing it. Never allowed.
    SignatureRemoved,
    /// The Document Security Store (certificates, CRLs, OCSP responses, VRI).
    Dss,
    Metadata,
    Info,
    AcroForm,
    /// Default resources for form fields (`/DR`).
    FormResource,
    Catalog,
    /// `/Perms` (DocMDP, UR3 references).
    Permissions,
    /// Cross-reference streams and object streams.
    Bookkeeping,
    /// An object nothing in the document refers to.
    Unreferenced,
    /// An object that is referenced but could not be read.
    Unreadable,
    /// Reachable, but not from anywhere this reader classifies.
    Other,
    /// Bytes after the last `%%EOF`.
    TrailingData,
    /// The trailer gained an `/Encrypt`.
    Encryption,
}

impl ChangeKind {
    pub fn code(&self) -> &'static str {
        match self {
            ChangeKind::PageContent => "page_content",
            ChangeKind::PageDict => "page_dict",
            ChangeKind::PageAnnots => "page_annots",
            ChangeKind::PageTree => "page_tree",
            ChangeKind::PageResource => "page_resource",
            ChangeKind::Annotation => "annotation",
            ChangeKind::Widget => "widget",
            ChangeKind::FormField => "form_field",
            ChangeKind::FormFieldValue => "form_field_value",
            ChangeKind::SignatureField => "signature_field",
            ChangeKind::Signature => "signature",
            ChangeKind::DocTimestamp => "doc_timestamp",
            ChangeKind::SignatureModified => "signature_modified",
            ChangeKind::SignatureRemoved => "signature_removed",
            ChangeKind::Dss => "dss",
            ChangeKind::Metadata => "metadata",
            ChangeKind::Info => "info",
            ChangeKind::AcroForm => "acro_form",
            ChangeKind::FormResource => "form_resource",
            ChangeKind::Catalog => "catalog",
            ChangeKind::Permissions => "permissions",
            ChangeKind::Bookkeeping => "bookkeeping",
            ChangeKind::Unreferenced => "unreferenced",
            ChangeKind::Unreadable => "unreadable",
            ChangeKind::Other => "other",
            ChangeKind::TrailingData => "trailing_data",
            ChangeKind::Encryption => "encryption",
        }
    }
}

/// Why a change was judged as it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeRule {
    /// Changes to what pages display are never allowed after signing.
    DisplayedContent,
    /// DocMDP P = 1 forbids this change.
    DocmdpNoChanges,
    /// Annotations need DocMDP P = 3.
    AnnotationsNeedP3,
    /// Annotations added/changed/removed under P = 3.
    AnnotationsAllowed,
    /// Filling in an existing field.
    FormFill,
    /// The field is locked by a FieldMDP lock of an earlier signature.
    FieldLocked,
    /// A new signature, signature field or its widget.
    SigningAllowed,
    /// DSS and document timestamps are allowed after any signature (PAdES LTV).
    LtvAllowed,
    /// A signature that existed was changed or removed.
    ExistingSignatureChanged,
    /// Fields were removed or added other than signature fields.
    FieldStructureChanged,
    /// An appearance changed without the value it shows changing.
    AppearanceWithoutValue,
    /// A catalog or AcroForm key outside the allowed ones changed.
    KeyNotAllowed,
    /// Annotations were removed from a page.
    AnnotationsRemoved,
    /// Metadata, Info, form resources, permissions additions.
    HarmlessUpdate,
    /// Bookkeeping or unreferenced objects: nothing displays them.
    NotDisplayed,
    /// The change could not be classified, so it is not allowed.
    Unclassified,
    /// The cross-reference points the object at bytes that are not that object:
    /// viewers disagree on what is shown (some repair, some show nothing).
    XrefMismatch,
}

impl ChangeRule {
    pub fn code(&self) -> &'static str {
        match self {
            ChangeRule::DisplayedContent => "displayed_content",
            ChangeRule::DocmdpNoChanges => "docmdp_no_changes",
            ChangeRule::AnnotationsNeedP3 => "annotations_need_p3",
            ChangeRule::AnnotationsAllowed => "annotations_allowed",
            ChangeRule::FormFill => "form_fill",
            ChangeRule::FieldLocked => "field_locked",
            ChangeRule::SigningAllowed => "signing_allowed",
            ChangeRule::LtvAllowed => "ltv_allowed",
            ChangeRule::ExistingSignatureChanged => "existing_signature_changed",
            ChangeRule::FieldStructureChanged => "field_structure_changed",
            ChangeRule::AppearanceWithoutValue => "appearance_without_value",
            ChangeRule::KeyNotAllowed => "key_not_allowed",
            ChangeRule::AnnotationsRemoved => "annotations_removed",
            ChangeRule::HarmlessUpdate => "harmless_update",
            ChangeRule::NotDisplayed => "not_displayed",
            ChangeRule::Unclassified => "unclassified",
            ChangeRule::XrefMismatch => "xref_mismatch",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The revision that made the change.
    pub revision: usize,
    pub object: (u32, u16),
    pub action: ChangeAction,
    pub kind: ChangeKind,
    /// 0-based page index, when the object belongs to a page.
    pub page: Option<usize>,
    pub allowed: bool,
    pub rule: ChangeRule,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RevisionSummary {
    pub revision: usize,
    pub added: usize,
    pub modified: usize,
    pub deleted: usize,
    pub not_allowed: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default)]
pub struct ChangesReport {
    /// Every change after the signed revision (bookkeeping included, marked allowed).
    pub changes: Vec<Change>,
    /// Anything at all was appended after the signed bytes.
    pub modified_after: bool,
    /// Every change is allowed (vacuously true when nothing changed).
    pub all_allowed: bool,
    pub revisions: Vec<RevisionSummary>,
    /// False when the analysis rests on guesses: a reconstructed cross-reference, an
    /// encrypted document, a walk cut short by a limit. The verify layer must then not
    /// say "unmodified".
    pub reliable: bool,
}

// ---------------------------------------------------------------------------------
// Roles

const CATALOG: u32 = 1 << 0;
const INFO: u32 = 1 << 1;
const PAGES: u32 = 1 << 2;
const PAGE: u32 = 1 << 3;
const CONTENT: u32 = 1 << 4;
const PAGE_RES: u32 = 1 << 5;
const ANNOTS: u32 = 1 << 6;
const ANNOT: u32 = 1 << 7;
const WIDGET: u32 = 1 << 8;
const APPEARANCE: u32 = 1 << 9;
const ACROFORM: u32 = 1 << 10;
const FIELDS: u32 = 1 << 11;
const FIELD: u32 = 1 << 12;
const SIG_FIELD: u32 = 1 << 13;
const SIG_VALUE: u32 = 1 << 14;
const FIELD_VALUE: u32 = 1 << 15;
const FIELD_PART: u32 = 1 << 16;
const FORM_RES: u32 = 1 << 17;
const DSS: u32 = 1 << 18;
const METADATA: u32 = 1 << 19;
const PERMS: u32 = 1 << 20;
const OTHER: u32 = 1 << 21;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Cx {
    Catalog,
    Info,
    Pages,
    Page,
    Content,
    PageRes,
    Annots,
    Annot,
    Appearance,
    AcroForm,
    Fields,
    Field,
    SigValue,
    FieldValue,
    FieldPart,
    FormRes,
    Dss,
    Metadata,
    Perms,
    Other,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Role {
    flags: u32,
    page: Option<usize>,
    /// The annotation or field whose appearance/value/part this object is.
    owner: Option<u32>,
    field: Option<Rc<str>>,
}

pub(crate) struct Roles {
    map: HashMap<u32, Role>,
    complete: bool,
}

#[derive(Clone)]
struct Item {
    cx: Cx,
    page: Option<usize>,
    owner: Option<u32>,
    /// Field name and whether the (inherited) field type is /Sig.
    field: Option<Rc<str>>,
    sig: bool,
}

struct Walker<'s, 'a> {
    store: &'s Store<'a>,
    rev: usize,
    roles: HashMap<u32, Role>,
    visited: HashSet<(u32, Cx)>,
    stack: Vec<(Object, Item)>,
    nodes: usize,
    pages: usize,
    complete: bool,
}

/// Walks revision `rev` from its trailer and gives every reachable object its roles.
pub(crate) fn roles(store: &Store<'_>, rev: usize) -> Roles {
    let mut w = Walker {
        store,
        rev,
        roles: HashMap::new(),
        visited: HashSet::new(),
        stack: Vec::new(),
        nodes: 0,
        pages: 0,
        complete: true,
    };
    let item = |cx| Item {
        cx,
        page: None,
        owner: None,
        field: None,
        sig: false,
    };
    if let Some(t) = store.trailer(rev) {
        // Pushed in reverse priority: the catalog (and its page tree) is walked first.
        for (k, v) in t.entries() {
            match k.as_slice() {
                b"Root" | b"Prev" | b"Size" | b"ID" | b"XRefStm" => {}
                b"Info" => w.stack.push((v.clone(), item(Cx::Info))),
                _ => w.stack.push((v.clone(), item(Cx::Other))),
            }
        }
        if let Some(root) = t.get(b"Root") {
            w.stack.push((root.clone(), item(Cx::Catalog)));
        }
    }
    w.run();
    Roles {
        map: w.roles,
        complete: w.complete,
    }
}

impl Walker<'_, '_> {
    fn run(&mut self) {
        while let Some((obj, item)) = self.stack.pop() {
            self.nodes += 1;
            if self.nodes > MAX_WALK_NODES {
                self.complete = false;
                return;
            }
            match obj {
                Object::Ref(r) => {
                    if !self.visited.insert((r.num, item.cx)) {
                        continue;
                    }
                    let Some(loaded) = self.store.get(self.rev, r.num) else {
                        // Unreadable, but referenced from here: it keeps the role, so
                        // that adding it is judged as what it would be, not as junk.
                        self.enter(r.num, &Object::Null, item);
                        continue;
                    };
                    let item = self.enter(r.num, &loaded, item);
                    self.descend(&loaded, &item, Some(r.num));
                }
                direct => self.descend(&direct, &item, None),
            }
        }
    }

    /// Records the role of object `num` and adjusts the context (a `/Pages` kid that
    /// is a page, a field's name and type).
    fn enter(&mut self, num: u32, obj: &Object, mut item: Item) -> Item {
        let d = obj.as_dict();
        if item.cx == Cx::Pages
            && let Some(d) = d
            && !d.is_type(b"Pages")
            && d.get(b"Kids").is_none()
        {
            item.cx = Cx::Page;
            item.page = Some(self.pages);
            self.pages += 1;
        }
        if item.cx == Cx::Field
            && let Some(d) = d
        {
            if let Some(t) = d.get(b"T").and_then(Object::as_string) {
                let partial = super::signature::text_string(&t.bytes);
                item.field = Some(match &item.field {
                    Some(p) if !p.is_empty() => format!("{p}.{partial}").into(),
                    _ => partial.into(),
                });
            }
            if let Some(ft) = d.name(b"FT") {
                item.sig = ft == b"Sig";
            }
        }
        let mut flag = match item.cx {
            Cx::Catalog => CATALOG,
            Cx::Info => INFO,
            Cx::Pages => PAGES,
            Cx::Page => PAGE,
            Cx::Content => CONTENT,
            Cx::PageRes => PAGE_RES,
            Cx::Annots => ANNOTS,
            Cx::Annot => ANNOT,
            Cx::Appearance => APPEARANCE,
            Cx::AcroForm => ACROFORM,
            Cx::Fields => FIELDS,
            Cx::Field => FIELD | if item.sig { SIG_FIELD } else { 0 },
            Cx::SigValue => SIG_VALUE,
            Cx::FieldValue => FIELD_VALUE,
            Cx::FieldPart => FIELD_PART,
            Cx::FormRes => FORM_RES,
            Cx::Dss => DSS,
            Cx::Metadata => METADATA,
            Cx::Perms => PERMS,
            Cx::Other => OTHER,
        };
        if item.cx == Cx::Annot && d.is_some_and(|d| d.name(b"Subtype") == Some(b"Widget")) {
            flag |= WIDGET;
        }
        let role = self.roles.entry(num).or_default();
        role.flags |= flag;
        if role.page.is_none() {
            role.page = item.page;
        }
        if role.owner.is_none() {
            role.owner = item.owner;
        }
        if role.field.is_none() && item.cx == Cx::Field {
            role.field = item.field.clone();
        }
        item
    }

    fn push(&mut self, o: &Object, item: Item) {
        match o {
            Object::Ref(_) | Object::Array(_) | Object::Dict(_) | Object::Stream(_) => {
                self.stack.push((o.clone(), item));
            }
            _ => {}
        }
    }

    /// Pushes the children of `obj` with the context each one gets.
    fn descend(&mut self, obj: &Object, item: &Item, num: Option<u32>) {
        let with = |cx: Cx| Item { cx, ..item.clone() };
        match obj {
            Object::Array(a) => {
                let child = match item.cx {
                    Cx::Annots => Cx::Annot,
                    Cx::Fields => Cx::Field,
                    cx => cx,
                };
                for o in a.iter().rev() {
                    self.push(o, with(child));
                }
            }
            Object::Dict(_) | Object::Stream(_) => {
                let Some(d) = obj.as_dict() else { return };
                // Children are pushed in reverse so that the stack visits them in
                // order (page numbering follows /Kids order).
                let mut children: Vec<(&Object, Item)> = Vec::new();
                for (k, v) in d.entries() {
                    let k = k.as_slice();
                    let cx = match (item.cx, k) {
                        (_, b"Parent" | b"P" | b"IRT") if item.cx != Cx::Catalog => continue,
                        (Cx::Catalog, b"Pages") => Cx::Pages,
                        (Cx::Catalog, b"AcroForm") => Cx::AcroForm,
                        (Cx::Catalog, b"DSS") => Cx::Dss,
                        (Cx::Catalog, b"Metadata") => Cx::Metadata,
                        (Cx::Catalog, b"Perms") => Cx::Perms,
                        (Cx::Catalog, _) => Cx::Other,
                        (Cx::Pages, b"Kids") => Cx::Pages,
                        (Cx::Pages, _) => Cx::PageRes,
                        (Cx::Page, b"Contents") => Cx::Content,
                        (Cx::Page, b"Annots") => Cx::Annots,
                        (Cx::Page, _) => Cx::PageRes,
                        (Cx::Annots, _) => Cx::Annot,
                        (Cx::Annot, b"Popup") => Cx::Annot,
                        (Cx::Annot, _) => Cx::Appearance,
                        (Cx::AcroForm, b"Fields") => Cx::Fields,
                        (Cx::AcroForm, b"XFA") => Cx::Other,
                        (Cx::AcroForm, _) => Cx::FormRes,
                        (Cx::Fields, _) => Cx::Field,
                        (Cx::Field, b"Kids") => Cx::Field,
                        (Cx::Field, b"V") if item.sig => Cx::SigValue,
                        (Cx::Field, b"V") => Cx::FieldValue,
                        (Cx::Field, b"AP") => Cx::Appearance,
                        (Cx::Field, b"Lock") => Cx::FieldPart,
                        (Cx::Field, _) => Cx::FieldPart,
                        (cx, _) => cx,
                    };
                    let mut child = with(cx);
                    if matches!(cx, Cx::Appearance | Cx::FieldValue | Cx::FieldPart)
                        && matches!(item.cx, Cx::Annot | Cx::Field)
                    {
                        child.owner = num.or(item.owner);
                    }
                    children.push((v, child));
                }
                for (v, child) in children.into_iter().rev() {
                    self.push(v, child);
                }
            }
            _ => {}
        }
    }
}

/// The number of pages in revision `rev`'s page tree (leaves reached through
/// `/Kids`, each node once). `None` when the tree is missing or too large to walk.
pub(crate) fn page_count(store: &Store<'_>, rev: usize) -> Option<usize> {
    let cat = super::signature::catalog(store, rev)?;
    let mut stack = vec![cat.as_dict()?.get(b"Pages")?.clone()];
    let mut seen = HashSet::new();
    let mut pages = 0usize;
    while let Some(o) = stack.pop() {
        if seen.len() > MAX_WALK_NODES {
            return None;
        }
        if let Some(r) = o.as_ref()
            && !seen.insert(r.num)
        {
            continue;
        }
        let Some(v) = store.resolve(rev, &o) else {
            continue;
        };
        let Some(d) = v.as_dict() else { continue };
        match store.resolve_key(rev, d, b"Kids") {
            Some(kids) if !d.is_type(b"Page") => {
                if let Some(a) = kids.as_array() {
                    stack.extend(a.iter().cloned());
                }
            }
            _ => pages += 1,
        }
    }
    Some(pages)
}

// ---------------------------------------------------------------------------------
// Judging

/// The rules in force for changes made by one revision.
struct Rules<'x> {
    mdp: Option<MdpPermission>,
    locks: Vec<&'x FieldLock>,
}

impl Rules<'_> {
    fn level(&self) -> MdpPermission {
        self.mdp.unwrap_or(MdpPermission::FormFilling)
    }
    fn locked(&self, field: Option<&str>) -> bool {
        match field {
            Some(f) => self.locks.iter().any(|l| l.locks(f)),
            // A field without a name cannot be shown to be outside a lock.
            None => !self.locks.is_empty(),
        }
    }
}

struct RevCtx<'s, 'a, 'x> {
    store: &'s Store<'a>,
    rev: usize,
    old: &'x Roles,
    new: &'x Roles,
    rules: Rules<'x>,
    /// Fields whose value changed in this revision (filled in or signed).
    filled: HashSet<u32>,
    /// Objects added in this revision whose own change is allowed.
    allowed_added: HashSet<u32>,
}

fn keys_differing(a: &Dict, b: &Dict, bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut keys: Vec<Vec<u8>> = Vec::new();
    for (k, _) in a.entries().iter().chain(b.entries()) {
        if keys.contains(k) {
            continue;
        }
        let same = match (a.get(k), b.get(k)) {
            (Some(x), Some(y)) => object::same_content(x, y, bytes),
            (None, None) => true,
            _ => false,
        };
        if !same {
            keys.push(k.clone());
        }
    }
    keys
}

/// Every number of `old` is in `new`.
fn contains_all(new: &[u32], old: &[u32]) -> bool {
    let new: HashSet<u32> = new.iter().copied().collect();
    old.iter().all(|x| new.contains(x))
}

fn refs_of(store: &Store<'_>, rev: usize, o: Option<&Object>) -> Vec<u32> {
    let Some(o) = o else { return Vec::new() };
    let Some(v) = store.resolve(rev, o) else {
        return Vec::new();
    };
    v.as_array()
        .map(|a| a.iter().filter_map(|x| x.as_ref().map(|r| r.num)).collect())
        .unwrap_or_default()
}

impl RevCtx<'_, '_, '_> {
    fn role_flags(&self, num: u32) -> u32 {
        self.old.map.get(&num).map_or(0, |r| r.flags)
            | self.new.map.get(&num).map_or(0, |r| r.flags)
    }

    fn role(&self, num: u32) -> Option<&Role> {
        self.new.map.get(&num).or_else(|| self.old.map.get(&num))
    }

    fn verdict(&self, allowed: bool, rule: ChangeRule, deny: ChangeRule) -> (bool, ChangeRule) {
        if allowed { (true, rule) } else { (false, deny) }
    }

    fn denied_by_level(&self) -> ChangeRule {
        if self.rules.level() == MdpPermission::NoChanges {
            ChangeRule::DocmdpNoChanges
        } else {
            ChangeRule::AnnotationsNeedP3
        }
    }

    /// Judges an annotation list change: `old` → `new` object numbers.
    fn judge_annots(&self, old: &[u32], new: &[u32]) -> (bool, ChangeRule) {
        let removed: Vec<u32> = old.iter().copied().filter(|n| !new.contains(n)).collect();
        let added: Vec<u32> = new.iter().copied().filter(|n| !old.contains(n)).collect();
        let p3 = self.rules.level() == MdpPermission::Annotations;
        for n in &removed {
            let f = self.old.map.get(n).map_or(0, |r| r.flags);
            if f & WIDGET != 0 || !p3 {
                return (false, ChangeRule::AnnotationsRemoved);
            }
        }
        for n in &added {
            let f = self.new.map.get(n).map_or(0, |r| r.flags);
            let ok = if f & SIG_FIELD != 0 {
                true
            } else if f & (WIDGET | FIELD) == 0 && f & ANNOT != 0 {
                p3
            } else {
                false
            };
            if !ok {
                return (
                    false,
                    if f & (WIDGET | FIELD) != 0 {
                        ChangeRule::FieldStructureChanged
                    } else {
                        self.denied_by_level()
                    },
                );
            }
        }
        (
            true,
            if p3 {
                ChangeRule::AnnotationsAllowed
            } else {
                ChangeRule::SigningAllowed
            },
        )
    }

    /// Judges an AcroForm dictionary `od` (revision `rev - 1`) becoming `nd`.
    fn judge_acroform(&self, od: &Dict, nd: &Dict) -> Result<(), ChangeRule> {
        let p2 = self.rules.level() >= MdpPermission::FormFilling;
        for k in keys_differing(od, nd, self.store.bytes) {
            let ok = match k.as_slice() {
                b"Fields" => {
                    let o = refs_of(self.store, self.rev - 1, od.get(b"Fields"));
                    let nn = refs_of(self.store, self.rev, nd.get(b"Fields"));
                    contains_all(&nn, &o)
                }
                b"SigFlags" => true,
                b"NeedAppearances" | b"DA" | b"DR" => p2,
                _ => false,
            };
            if !ok {
                return Err(ChangeRule::KeyNotAllowed);
            }
        }
        Ok(())
    }

    /// Judges the catalog's `/AcroForm` entry changing from `old` to `new` (written
    /// inline, or a reference to another object): the form may not go away, and
    /// the new one is judged against the old one as if it had been edited.
    fn judge_acroform_swap(
        &self,
        old: Option<&Object>,
        new: Option<&Object>,
    ) -> Result<(), ChangeRule> {
        let od = old
            .and_then(|o| self.store.resolve(self.rev - 1, o))
            .and_then(|o| o.as_dict().cloned());
        let nd = new
            .and_then(|o| self.store.resolve(self.rev, o))
            .and_then(|o| o.as_dict().cloned());
        match (od, nd) {
            (None, _) => Ok(()),
            (Some(_), None) => Err(ChangeRule::FieldStructureChanged),
            (Some(od), Some(nd)) => self.judge_acroform(&od, &nd),
        }
    }

    fn sig_value_kind(&self, rev: usize, field: &Object) -> Option<SigKind> {
        let d = field.as_dict()?;
        let v = self.store.resolve_key(rev, d, b"V")?;
        let vd = v.as_dict()?;
        Some(if vd.is_type(b"DocTimeStamp") {
            SigKind::DocTimestamp
        } else {
            SigKind::Signature
        })
    }

    fn classify(
        &self,
        num: u32,
        action: ChangeAction,
        old: Option<&Object>,
        new: Option<&Object>,
    ) -> (ChangeKind, bool, ChangeRule) {
        let flags = self.role_flags(num);
        let bytes = self.store.bytes;
        let level = self.rules.level();
        let p2 = level >= MdpPermission::FormFilling;
        let role = self.role(num);
        let field_name = role.and_then(|r| r.field.as_deref());
        if flags == 0 {
            if let Some(d) = new.and_then(Object::as_dict)
                && (d.is_type(b"XRef") || d.is_type(b"ObjStm"))
            {
                return (ChangeKind::Bookkeeping, true, ChangeRule::NotDisplayed);
            }
            return (ChangeKind::Unreferenced, true, ChangeRule::NotDisplayed);
        }
        if action != ChangeAction::Deleted && new.is_none() {
            return (ChangeKind::Unreadable, false, ChangeRule::Unclassified);
        }
        if flags & CONTENT != 0 {
            return (ChangeKind::PageContent, false, ChangeRule::DisplayedContent);
        }
        if flags & PAGES != 0 {
            return (ChangeKind::PageTree, false, ChangeRule::DisplayedContent);
        }
        if flags & (PAGE | ANNOTS) != 0 {
            let kind = if flags & PAGE != 0 {
                ChangeKind::PageDict
            } else {
                ChangeKind::PageAnnots
            };
            let (Some(o), Some(n), ChangeAction::Modified) = (old, new, action) else {
                return (kind, false, ChangeRule::DisplayedContent);
            };
            let (old_annots, new_annots) = if flags & PAGE != 0 {
                let (Some(od), Some(nd)) = (o.as_dict(), n.as_dict()) else {
                    return (kind, false, ChangeRule::DisplayedContent);
                };
                let diff = keys_differing(od, nd, bytes);
                if diff.iter().any(|k| k != b"Annots") {
                    return (kind, false, ChangeRule::DisplayedContent);
                }
                (
                    refs_of(self.store, self.rev - 1, od.get(b"Annots")),
                    refs_of(self.store, self.rev, nd.get(b"Annots")),
                )
            } else {
                (
                    refs_of(self.store, self.rev - 1, Some(o)),
                    refs_of(self.store, self.rev, Some(n)),
                )
            };
            let (ok, rule) = self.judge_annots(&old_annots, &new_annots);
            return (ChangeKind::PageAnnots, ok, rule);
        }
        if flags & PAGE_RES != 0 {
            return (
                ChangeKind::PageResource,
                false,
                ChangeRule::DisplayedContent,
            );
        }
        if flags & CATALOG != 0 {
            let old_cat = match action {
                ChangeAction::Added => {
                    super::signature::catalog(self.store, self.rev - 1).map(|c| (*c).clone())
                }
                _ => old.cloned(),
            };
            let (Some(od), Some(nd)) = (
                old_cat.as_ref().and_then(Object::as_dict),
                new.and_then(Object::as_dict),
            ) else {
                return (ChangeKind::Catalog, false, ChangeRule::KeyNotAllowed);
            };
            for k in keys_differing(od, nd, bytes) {
                if k == b"AcroForm" {
                    // Written in the catalog, or pointed at another object: judged
                    // here by the rules of the form itself.
                    if let Err(rule) =
                        self.judge_acroform_swap(od.get(b"AcroForm"), nd.get(b"AcroForm"))
                    {
                        return (ChangeKind::AcroForm, false, rule);
                    }
                    continue;
                }
                let ok = match k.as_slice() {
                    b"DSS" | b"Extensions" | b"Version" => true,
                    b"Perms" => od.get(b"Perms").is_none(),
                    b"Metadata" => p2,
                    _ => false,
                };
                if !ok {
                    return (ChangeKind::Catalog, false, ChangeRule::KeyNotAllowed);
                }
            }
            return (ChangeKind::Catalog, true, ChangeRule::HarmlessUpdate);
        }
        if flags & (ACROFORM | FIELDS) != 0 {
            let kind = ChangeKind::AcroForm;
            if action == ChangeAction::Deleted {
                return (kind, false, ChangeRule::FieldStructureChanged);
            }
            let Some(n) = new else {
                return (kind, false, ChangeRule::Unclassified);
            };
            if flags & ACROFORM != 0 {
                let Some(nd) = n.as_dict() else {
                    return (kind, false, ChangeRule::Unclassified);
                };
                let od = old.and_then(Object::as_dict).cloned().unwrap_or_default();
                if let Err(rule) = self.judge_acroform(&od, nd) {
                    return (kind, false, rule);
                }
            } else {
                let o = old
                    .map(|o| refs_of(self.store, self.rev - 1, Some(o)))
                    .unwrap_or_default();
                let nn = refs_of(self.store, self.rev, Some(n));
                if !contains_all(&nn, &o) {
                    return (kind, false, ChangeRule::FieldStructureChanged);
                }
            }
            return (kind, true, ChangeRule::SigningAllowed);
        }
        if flags & SIG_VALUE != 0 {
            if action != ChangeAction::Added {
                return (
                    ChangeKind::SignatureModified,
                    false,
                    ChangeRule::ExistingSignatureChanged,
                );
            }
            let ts = new
                .and_then(Object::as_dict)
                .is_some_and(|d| d.is_type(b"DocTimeStamp"));
            if ts {
                return (ChangeKind::DocTimestamp, true, ChangeRule::LtvAllowed);
            }
            let (ok, rule) =
                self.verdict(p2, ChangeRule::SigningAllowed, ChangeRule::DocmdpNoChanges);
            return (ChangeKind::Signature, ok, rule);
        }
        if flags & FIELD != 0 {
            let sig = flags & SIG_FIELD != 0;
            let kind = if sig {
                ChangeKind::SignatureField
            } else {
                ChangeKind::FormField
            };
            match action {
                ChangeAction::Deleted => return (kind, false, ChangeRule::FieldStructureChanged),
                ChangeAction::Added => {
                    if !sig {
                        return (kind, false, ChangeRule::FieldStructureChanged);
                    }
                    let ts = new.and_then(|n| self.sig_value_kind(self.rev, n))
                        == Some(SigKind::DocTimestamp);
                    let (ok, rule) = self.verdict(
                        p2 || ts,
                        ChangeRule::SigningAllowed,
                        ChangeRule::DocmdpNoChanges,
                    );
                    return (kind, ok, rule);
                }
                ChangeAction::Modified => {}
            }
            let (Some(od), Some(nd)) =
                (old.and_then(Object::as_dict), new.and_then(Object::as_dict))
            else {
                return (kind, false, ChangeRule::FieldStructureChanged);
            };
            let diff = keys_differing(od, nd, bytes);
            if diff
                .iter()
                .any(|k| !matches!(k.as_slice(), b"V" | b"AP" | b"AS"))
            {
                return (kind, false, ChangeRule::FieldStructureChanged);
            }
            if !diff.iter().any(|k| k == b"V") {
                return (kind, false, ChangeRule::AppearanceWithoutValue);
            }
            if self.rules.locked(field_name) {
                return (kind, false, ChangeRule::FieldLocked);
            }
            if sig {
                if od.get(b"V").is_some_and(|v| *v != Object::Null) {
                    return (
                        ChangeKind::SignatureModified,
                        false,
                        ChangeRule::ExistingSignatureChanged,
                    );
                }
                let ts = self.sig_value_kind(self.rev, new.unwrap_or(&Object::Null))
                    == Some(SigKind::DocTimestamp);
                let (ok, rule) = self.verdict(
                    p2 || ts,
                    ChangeRule::SigningAllowed,
                    ChangeRule::DocmdpNoChanges,
                );
                return (kind, ok, rule);
            }
            let (ok, rule) = self.verdict(p2, ChangeRule::FormFill, ChangeRule::DocmdpNoChanges);
            return (ChangeKind::FormFieldValue, ok, rule);
        }
        if flags & (APPEARANCE | FIELD_VALUE) != 0 {
            let owner = role.and_then(|r| r.owner);
            let owner_flags = owner.map_or(0, |o| self.role_flags(o));
            let kind = if owner_flags & FIELD != 0 || owner_flags & WIDGET != 0 {
                if owner_flags & SIG_FIELD != 0 {
                    ChangeKind::SignatureField
                } else {
                    ChangeKind::Widget
                }
            } else {
                ChangeKind::Annotation
            };
            let Some(owner) = owner else {
                return (kind, false, ChangeRule::Unclassified);
            };
            if self.filled.contains(&owner) || self.allowed_added.contains(&owner) {
                return (
                    kind,
                    true,
                    if kind == ChangeKind::Annotation {
                        ChangeRule::AnnotationsAllowed
                    } else {
                        ChangeRule::FormFill
                    },
                );
            }
            // A widget kid: its parent field is the one being filled.
            if let Some(parent) = self.store.get(self.rev, owner).and_then(|o| {
                o.as_dict()
                    .and_then(|d| d.get(b"Parent"))
                    .and_then(Object::as_ref)
            }) && self.filled.contains(&parent.num)
            {
                return (kind, true, ChangeRule::FormFill);
            }
            if kind == ChangeKind::Annotation && level == MdpPermission::Annotations {
                return (kind, true, ChangeRule::AnnotationsAllowed);
            }
            return (kind, false, ChangeRule::AppearanceWithoutValue);
        }
        if flags & ANNOT != 0 {
            if flags & WIDGET != 0 {
                // A widget that is not itself a field: allowed when it shows a field
                // being filled or signed in this revision (its /Parent).
                let parent = new
                    .or(old)
                    .and_then(Object::as_dict)
                    .and_then(|d| d.get(b"Parent"))
                    .and_then(Object::as_ref)
                    .map(|r| r.num);
                let pflags = parent.map_or(0, |p| self.role_flags(p));
                let ok = match action {
                    ChangeAction::Added => pflags & SIG_FIELD != 0,
                    ChangeAction::Modified => {
                        let only_ap =
                            match (old.and_then(Object::as_dict), new.and_then(Object::as_dict)) {
                                (Some(a), Some(b)) => keys_differing(a, b, bytes)
                                    .iter()
                                    .all(|k| matches!(k.as_slice(), b"AP" | b"AS")),
                                _ => false,
                            };
                        only_ap && parent.is_some_and(|p| self.filled.contains(&p))
                    }
                    ChangeAction::Deleted => false,
                };
                let kind = if pflags & SIG_FIELD != 0 {
                    ChangeKind::SignatureField
                } else {
                    ChangeKind::Widget
                };
                return (
                    kind,
                    ok,
                    if ok {
                        ChangeRule::FormFill
                    } else {
                        ChangeRule::FieldStructureChanged
                    },
                );
            }
            let ok = level == MdpPermission::Annotations;
            let (ok, rule) =
                self.verdict(ok, ChangeRule::AnnotationsAllowed, self.denied_by_level());
            return (ChangeKind::Annotation, ok, rule);
        }
        if flags & FIELD_PART != 0 {
            return (
                ChangeKind::FormField,
                false,
                ChangeRule::FieldStructureChanged,
            );
        }
        if flags & DSS != 0 {
            return (ChangeKind::Dss, true, ChangeRule::LtvAllowed);
        }
        if flags & (METADATA | INFO | FORM_RES) != 0 {
            let kind = if flags & METADATA != 0 {
                ChangeKind::Metadata
            } else if flags & INFO != 0 {
                ChangeKind::Info
            } else {
                ChangeKind::FormResource
            };
            let (ok, rule) =
                self.verdict(p2, ChangeRule::HarmlessUpdate, ChangeRule::DocmdpNoChanges);
            return (kind, ok, rule);
        }
        if flags & PERMS != 0 {
            let ok = action == ChangeAction::Added;
            return (
                ChangeKind::Permissions,
                ok,
                if ok {
                    ChangeRule::HarmlessUpdate
                } else {
                    ChangeRule::KeyNotAllowed
                },
            );
        }
        (ChangeKind::Other, false, ChangeRule::Unclassified)
    }
}

/// The changes made by revision `rev` (compared with `rev - 1`), judged.
fn revision_changes(
    store: &Store<'_>,
    rev: usize,
    old: &Roles,
    new: &Roles,
    rules: Rules<'_>,
) -> Vec<Change> {
    struct Diff {
        num: u32,
        generation: u16,
        action: ChangeAction,
        mismatch: bool,
        old: Option<Rc<Object>>,
        new: Option<Rc<Object>>,
    }
    let mut diffs = Vec::new();
    for num in store.touched(rev) {
        let (po, pn): (Option<Phys>, Option<Phys>) =
            (store.phys(rev - 1, num), store.phys(rev, num));
        if po == pn {
            continue;
        }
        let generation = store
            .lookup(rev, num)
            .or_else(|| store.lookup(rev - 1, num))
            .map_or(0, |(g, _)| g);
        let o = po.and_then(|p| store.load(rev - 1, num, p));
        let n = pn.and_then(|p| store.load(rev, num, p));
        let mismatch = pn.is_some_and(|p| store.repaired_locs.borrow().contains(&p));
        let action = match (po, pn) {
            (Some(_), Some(_)) => {
                if !mismatch
                    && let (Some(a), Some(b)) = (&o, &n)
                    && object::same_content(a, b, store.bytes)
                {
                    continue;
                }
                ChangeAction::Modified
            }
            (None, Some(_)) => ChangeAction::Added,
            (Some(_), None) => ChangeAction::Deleted,
            (None, None) => continue,
        };
        diffs.push(Diff {
            num,
            generation,
            action,
            mismatch,
            old: o,
            new: n,
        });
    }
    let mut ctx = RevCtx {
        store,
        rev,
        old,
        new,
        rules,
        filled: HashSet::new(),
        allowed_added: HashSet::new(),
    };
    for d in &diffs {
        let flags = ctx.role_flags(d.num);
        if flags & FIELD != 0
            && d.action == ChangeAction::Modified
            && let (Some(a), Some(b)) = (
                d.old.as_deref().and_then(Object::as_dict),
                d.new.as_deref().and_then(Object::as_dict),
            )
        {
            let same_v = match (a.get(b"V"), b.get(b"V")) {
                (Some(x), Some(y)) => object::same_content(x, y, store.bytes),
                (None, None) => true,
                _ => false,
            };
            if !same_v {
                ctx.filled.insert(d.num);
            }
        }
    }
    let mut out = Vec::with_capacity(diffs.len());
    // Owners first (annotations, fields), then what hangs off them (appearances).
    let owned = |f: u32| {
        f & (APPEARANCE | FIELD_VALUE) != 0
            && f & (FIELD | ANNOT | PAGE | CONTENT | PAGE_RES | PAGES) == 0
    };
    for pass in 0..2 {
        for d in &diffs {
            let f = ctx.role_flags(d.num);
            if owned(f) != (pass == 1) {
                continue;
            }
            let (kind, allowed, rule) = if d.mismatch && f != 0 {
                (ChangeKind::Unreadable, false, ChangeRule::XrefMismatch)
            } else {
                ctx.classify(d.num, d.action, d.old.as_deref(), d.new.as_deref())
            };
            if pass == 0 && allowed && d.action == ChangeAction::Added {
                ctx.allowed_added.insert(d.num);
            }
            if pass == 0 && allowed && d.action == ChangeAction::Modified && f & ANNOT != 0 {
                // An annotation changed under P = 3 may change its appearance too.
                ctx.allowed_added.insert(d.num);
            }
            let page = ctx.role(d.num).and_then(|r| r.page);
            out.push(Change {
                revision: rev,
                object: (d.num, d.generation),
                action: d.action,
                kind,
                page,
                allowed,
                rule,
            });
        }
    }
    if store
        .trailer(rev)
        .is_some_and(|t| t.get(b"Encrypt").is_some())
        && store
            .trailer(rev - 1)
            .is_some_and(|t| t.get(b"Encrypt").is_none())
    {
        out.push(Change {
            revision: rev,
            object: (0, 0),
            action: ChangeAction::Added,
            kind: ChangeKind::Encryption,
            page: None,
            allowed: false,
            rule: ChangeRule::Unclassified,
        });
    }
    out.sort_by_key(|c| c.object);
    out
}

/// Changes of every revision after the earliest signed one; index = revision.
pub(crate) struct History {
    pub per_revision: Vec<Option<Vec<Change>>>,
    pub reliable_from: Vec<bool>,
}

/// Computes the judged changes of each revision `r > from`.
pub(crate) fn history(store: &Store<'_>, sigs: &[SignatureInfo], from: usize) -> History {
    let n = store.revisions.len();
    let mut per_revision: Vec<Option<Vec<Change>>> = vec![None; n];
    let mut complete = vec![true; n];
    let mut roles_cache: Vec<Option<Roles>> = (0..n).map(|_| None).collect();
    let mut removed: HashMap<usize, Vec<(u32, u16)>> = HashMap::new();
    for s in sigs {
        for &r in &s.removed_in {
            removed.entry(r).or_default().push(s.object);
        }
    }
    for rev in from.saturating_add(1)..n {
        for r in [rev - 1, rev] {
            if roles_cache.get(r).is_some_and(Option::is_none)
                && let Some(slot) = roles_cache.get_mut(r)
            {
                *slot = Some(roles(store, r));
            }
        }
        let (Some(Some(old)), Some(Some(new))) = (roles_cache.get(rev - 1), roles_cache.get(rev))
        else {
            continue;
        };
        if let Some(c) = complete.get_mut(rev) {
            *c = old.complete && new.complete;
        }
        let mdp = sigs
            .iter()
            .filter(|s| s.revision < rev)
            .filter_map(|s| s.mdp)
            .min();
        let locks = sigs
            .iter()
            .filter(|s| s.revision < rev)
            .filter_map(|s| s.field_lock.as_ref())
            .collect();
        let mut changes = revision_changes(store, rev, old, new, Rules { mdp, locks });
        if let Some(gone) = removed.get(&rev) {
            changes.extend(gone.iter().map(|&object| removal(rev, object)));
            changes.sort_by_key(|c| c.object);
        }
        if let Some(slot) = per_revision.get_mut(rev) {
            *slot = Some(changes);
        }
        // Roles of revisions no longer needed are dropped to bound memory.
        if let Some(slot) = roles_cache.get_mut(rev - 1) {
            *slot = None;
        }
    }
    History {
        per_revision,
        reliable_from: complete,
    }
}

/// The change of revision `rev` that removed signature dictionary `object` from the
/// form.
fn removal(rev: usize, object: (u32, u16)) -> Change {
    Change {
        revision: rev,
        object,
        action: ChangeAction::Deleted,
        kind: ChangeKind::SignatureRemoved,
        page: None,
        allowed: false,
        rule: ChangeRule::ExistingSignatureChanged,
    }
}

/// Makes sure that the report of `sig` (signed bytes ending with revision `base`)
/// says so when the last revision no longer reaches it, even when the removal is not
/// after `base` (a byte range that covers the update removing its own field).
pub(crate) fn account_for_removal(
    report: &mut ChangesReport,
    sig: &SignatureInfo,
    base: usize,
    last: usize,
) {
    if sig.reachable {
        return;
    }
    let listed = report
        .changes
        .iter()
        .any(|c| c.kind == ChangeKind::SignatureRemoved && c.object == sig.object);
    if !listed {
        let rev = sig
            .removed_in
            .iter()
            .copied()
            .find(|&r| r > base)
            .or_else(|| sig.removed_in.last().copied())
            .unwrap_or(last);
        report.changes.push(removal(rev, sig.object));
    }
    report.all_allowed = false;
}

impl ChangesReport {
    /// The analysis rests on a guess: no "unmodified" may be concluded from it.
    pub(crate) fn mark_unreliable(&mut self) {
        self.reliable = false;
        self.all_allowed = self.all_allowed && !self.modified_after;
    }
}

/// Assembles the report for a signature whose signed bytes end with revision `base`.
pub(crate) fn report(
    store: &Store<'_>,
    history: &History,
    base: usize,
    trailing: bool,
    encrypted: bool,
) -> ChangesReport {
    let last = store.revisions.len().saturating_sub(1);
    let mut changes = Vec::new();
    let mut summaries = Vec::new();
    let mut reliable = !encrypted;
    for rev in base.saturating_add(1)..=last {
        let Some(Some(cs)) = history.per_revision.get(rev) else {
            reliable = false;
            continue;
        };
        if !history.reliable_from.get(rev).copied().unwrap_or(false) {
            reliable = false;
        }
        summaries.push(RevisionSummary {
            revision: rev,
            added: cs
                .iter()
                .filter(|c| c.action == ChangeAction::Added)
                .count(),
            modified: cs
                .iter()
                .filter(|c| c.action == ChangeAction::Modified)
                .count(),
            deleted: cs
                .iter()
                .filter(|c| c.action == ChangeAction::Deleted)
                .count(),
            not_allowed: cs.iter().filter(|c| !c.allowed).count(),
        });
        changes.extend(cs.iter().cloned());
    }
    let repaired = store.repaired.borrow();
    if store
        .revisions
        .iter()
        .skip(base)
        .any(|r| r.reconstructed || repaired.contains(&r.index))
    {
        reliable = false;
    }
    if trailing {
        changes.push(Change {
            revision: last + 1,
            object: (0, 0),
            action: ChangeAction::Added,
            kind: ChangeKind::TrailingData,
            page: None,
            allowed: false,
            rule: ChangeRule::Unclassified,
        });
    }
    let modified_after = base < last || trailing;
    let all_allowed = changes.iter().all(|c| c.allowed) && (reliable || !modified_after);
    ChangesReport {
        changes,
        modified_after,
        all_allowed,
        revisions: summaries,
        reliable,
    }
}
