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
//!
//! Cost (a form of 10,000 fields with 1,000 one-field updates once took minutes):
//! the work follows what the updates touch, not revisions × objects. The object
//! map, and who refers to whom, are carried from one revision to the next and
//! updated with each update's own objects (`graph`); an object's roles depend only
//! on the paths from the trailer to it, so they are found by walking the document
//! restricted to the ancestors of the objects being judged, with page numbers kept
//! apart and renumbered only when the page tree changes. The plain algorithm (the
//! whole document walked for every revision) is kept for tests, which check that
//! both agree. All of it draws on one budget, [`MAX_CHANGE_ANALYSIS_COST`]: when it
//! runs out, the revisions not analysed yet are left out, and every report that
//! needs them is unreliable ([`ChangesReport::reliable`] false, `all_allowed`
//! false when anything was appended): a budget never hides a change.
//!
//! The revision a change belongs to is found by comparing where each object is in
//! the two maps: an update that rewrites an object stream changes every object in
//! it, even those its cross-reference does not list.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde::Serialize;

use super::graph::{HASH_COST, Keep, Links, State, View, Work};
use super::object::{self, Dict, Object};
use super::revision::Store;
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

struct Walker<'x, 's, 'a> {
    state: &'x State<'s, 'a>,
    /// When set, only these objects are entered (a walk restricted to the ancestors
    /// of the objects whose roles are wanted; see [`Side`]).
    keep: Option<&'x Keep>,
    /// When set, page numbers come from here instead of being counted (a restricted
    /// walk does not see every page).
    page_of: Option<&'x HashMap<u32, usize>>,
    work: &'x Work,
    roles: HashMap<u32, Role>,
    visited: HashSet<(u32, Cx)>,
    /// References still to visit. Direct objects are expanded in place when their
    /// container is visited, in the order the walk would visit them.
    stack: Vec<(u32, Item)>,
    nodes: usize,
    pages: usize,
    complete: bool,
}

/// Work units charged for each object the role walk visits, on top of one per
/// child it looks at (measured: a page with its resources takes about 150 times as
/// long as looking at one element of an array).
const WALK_NODE_COST: usize = 150;

/// Walks revision `s` from its trailer and gives every reachable object its roles.
///
/// With `keep`, only the objects in it are entered. When `keep` holds, with every
/// object, all the objects from which the walk can reach it (its ancestors), the
/// roles of the objects in `keep` are exactly those the whole walk gives them: a
/// branch left out reaches nothing in `keep`, so it changes nothing the walk does
/// there, except counting pages, which then come from `page_of`.
fn roles(
    s: &State<'_, '_>,
    keep: Option<&Keep>,
    page_of: Option<&HashMap<u32, usize>>,
    work: &Work,
) -> Roles {
    let mut w = Walker {
        state: s,
        keep,
        page_of,
        work,
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
    if let Some(t) = s.trailer() {
        // Pushed in reverse priority: the catalog (and its page tree) is walked first,
        // then the other entries from the last one.
        for (k, v) in t.entries() {
            match k.as_slice() {
                b"Root" | b"Prev" | b"Size" | b"ID" | b"XRefStm" => {}
                b"Info" => w.push(v, item(Cx::Info)),
                _ => w.push(v, item(Cx::Other)),
            }
        }
        if let Some(root) = t.get(b"Root") {
            w.push(root, item(Cx::Catalog));
        }
    }
    w.run();
    Roles {
        map: w.roles,
        complete: w.complete && !work.over(),
    }
}

impl Walker<'_, '_, '_> {
    fn run(&mut self) {
        while let Some((num, item)) = self.stack.pop() {
            self.nodes += 1;
            if self.nodes > MAX_WALK_NODES || self.work.spend(WALK_NODE_COST).is_none() {
                self.complete = false;
                return;
            }
            if !self.visited.insert((num, item.cx)) {
                continue;
            }
            let Some(loaded) = self.state.get(num) else {
                // Unreadable, but referenced from here: it keeps the role, so that
                // adding it is judged as what it would be, not as junk.
                self.enter(num, &Object::Null, item);
                continue;
            };
            let item = self.enter(num, &loaded, item);
            let mut out = Vec::new();
            self.expand(&loaded, &item, Some(num), &mut out);
            self.stack.extend(out.into_iter().rev());
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
            item.page = match self.page_of {
                Some(map) => map.get(&num).copied(),
                None => Some(self.pages),
            };
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

    /// A reference outside `keep`.
    fn skips(&self, o: &Object) -> bool {
        matches!(o, Object::Ref(r) if self.keep.is_some_and(|k| !k.contains(r.num)))
    }

    /// Queues `o`, reached with `item`: a reference to visit, or the references a
    /// direct object holds.
    fn push(&mut self, o: &Object, item: Item) {
        let mut out = Vec::new();
        self.child(o, item, &mut out);
        self.stack.extend(out.into_iter().rev());
    }

    /// Adds to `out` the reference `o` or, for a direct object, the references in
    /// it, in visiting order.
    fn child(&mut self, o: &Object, item: Item, out: &mut Vec<(u32, Item)>) {
        match o {
            Object::Ref(r) if !self.skips(o) => out.push((r.num, item)),
            Object::Array(_) | Object::Dict(_) | Object::Stream(_) => {
                self.expand(o, &item, None, out);
            }
            _ => {}
        }
    }

    /// Adds to `out`, in visiting order, the references among the children of `obj`
    /// (object `num`, or a direct object), each with the context it gets; direct
    /// children are expanded in place, as visiting them would.
    fn expand(&mut self, obj: &Object, item: &Item, num: Option<u32>, out: &mut Vec<(u32, Item)>) {
        let with = |cx: Cx| Item { cx, ..item.clone() };
        match obj {
            Object::Array(a) => {
                let child = match item.cx {
                    Cx::Annots => Cx::Annot,
                    Cx::Fields => Cx::Field,
                    cx => cx,
                };
                if self.work.spend(a.len()).is_none() {
                    self.complete = false;
                    return;
                }
                for o in a {
                    if !self.skips(o) {
                        self.child(o, with(child), out);
                    }
                }
            }
            Object::Dict(_) | Object::Stream(_) => {
                let Some(d) = obj.as_dict() else { return };
                if self.work.spend(d.entries().len()).is_none() {
                    self.complete = false;
                    return;
                }
                for (k, v) in d.entries() {
                    if self.skips(v) {
                        continue;
                    }
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
                    self.child(v, child, out);
                }
            }
            _ => {}
        }
    }
}

/// The number of pages in revision `rev`'s page tree (leaves reached through
/// `/Kids`, each node once). `None` when the tree is missing or too large to walk.
pub(crate) fn page_count(store: &Store<'_>, rev: usize) -> Option<usize> {
    let view = View::new(store, rev, &Work::new(usize::MAX))?;
    let s = State::at(store, rev, &view);
    let cat = s.catalog()?;
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
        let Some(v) = s.resolve(&o) else {
            continue;
        };
        let Some(d) = v.as_dict() else { continue };
        match s.resolve_key(d, b"Kids") {
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

struct RevCtx<'x, 's, 'a> {
    bytes: &'a [u8],
    /// Revision `rev - 1`.
    old: &'x Side<'x, 's, 'a>,
    /// Revision `rev`, the one whose changes are judged.
    new: &'x Side<'x, 's, 'a>,
    rules: Rules<'x>,
    /// Fields whose value changed in this revision (filled in or signed).
    filled: HashSet<u32>,
    /// Objects added in this revision whose own change is allowed.
    allowed_added: HashSet<u32>,
}

/// The keys whose values differ between `a` and `b`, in order of appearance (a
/// duplicated key by its last value, as [`Dict::get`]). Linear in the sizes.
fn keys_differing(a: &Dict, b: &Dict, bytes: &[u8]) -> Vec<Vec<u8>> {
    fn last(d: &Dict) -> HashMap<&[u8], &Object> {
        d.entries().iter().map(|(k, v)| (k.as_slice(), v)).collect()
    }
    let (la, lb) = (last(a), last(b));
    let mut seen: HashSet<&[u8]> = HashSet::new();
    let mut keys: Vec<Vec<u8>> = Vec::new();
    for (k, _) in a.entries().iter().chain(b.entries()) {
        if !seen.insert(k.as_slice()) {
            continue;
        }
        let same = match (la.get(k.as_slice()), lb.get(k.as_slice())) {
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

fn refs_of(s: &State<'_, '_>, o: Option<&Object>) -> Vec<u32> {
    let Some(o) = o else { return Vec::new() };
    let Some(v) = s.resolve(o) else {
        return Vec::new();
    };
    v.as_array()
        .map(|a| a.iter().filter_map(|x| x.as_ref().map(|r| r.num)).collect())
        .unwrap_or_default()
}

impl RevCtx<'_, '_, '_> {
    fn role_flags(&self, num: u32) -> u32 {
        self.old.flags(num) | self.new.flags(num)
    }

    fn role(&self, num: u32) -> Option<Role> {
        self.new.role(num).or_else(|| self.old.role(num))
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
        let (old_set, new_set): (HashSet<u32>, HashSet<u32>) =
            (old.iter().copied().collect(), new.iter().copied().collect());
        let removed: Vec<u32> = old
            .iter()
            .copied()
            .filter(|n| !new_set.contains(n))
            .collect();
        let added: Vec<u32> = new
            .iter()
            .copied()
            .filter(|n| !old_set.contains(n))
            .collect();
        let p3 = self.rules.level() == MdpPermission::Annotations;
        for n in &removed {
            let f = self.old.flags(*n);
            if f & WIDGET != 0 || !p3 {
                return (false, ChangeRule::AnnotationsRemoved);
            }
        }
        for n in &added {
            let f = self.new.flags(*n);
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
        for k in keys_differing(od, nd, self.bytes) {
            let ok = match k.as_slice() {
                b"Fields" => {
                    let o = refs_of(&self.old.state, od.get(b"Fields"));
                    let nn = refs_of(&self.new.state, nd.get(b"Fields"));
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
            .and_then(|o| self.old.state.resolve(o))
            .and_then(|o| o.as_dict().cloned());
        let nd = new
            .and_then(|o| self.new.state.resolve(o))
            .and_then(|o| o.as_dict().cloned());
        match (od, nd) {
            (None, _) => Ok(()),
            (Some(_), None) => Err(ChangeRule::FieldStructureChanged),
            (Some(od), Some(nd)) => self.judge_acroform(&od, &nd),
        }
    }

    fn sig_value_kind(&self, field: &Object) -> Option<SigKind> {
        let d = field.as_dict()?;
        let v = self.new.state.resolve_key(d, b"V")?;
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
        let bytes = self.bytes;
        let level = self.rules.level();
        let p2 = level >= MdpPermission::FormFilling;
        let role = self.role(num);
        let field_name = role.as_ref().and_then(|r| r.field.as_deref());
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
                    refs_of(&self.old.state, od.get(b"Annots")),
                    refs_of(&self.new.state, nd.get(b"Annots")),
                )
            } else {
                (
                    refs_of(&self.old.state, Some(o)),
                    refs_of(&self.new.state, Some(n)),
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
                ChangeAction::Added => self.old.state.catalog().map(|c| (*c).clone()),
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
                    .map(|o| refs_of(&self.old.state, Some(o)))
                    .unwrap_or_default();
                let nn = refs_of(&self.new.state, Some(n));
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
                    let ts =
                        new.and_then(|n| self.sig_value_kind(n)) == Some(SigKind::DocTimestamp);
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
                let ts = self.sig_value_kind(new.unwrap_or(&Object::Null))
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
            let owner = role.as_ref().and_then(|r| r.owner);
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
            if let Some(parent) = self.new.state.get(owner).and_then(|o| {
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

/// One object whose bytes differ between revision `rev - 1` and `rev`.
struct Diff {
    num: u32,
    generation: u16,
    action: ChangeAction,
    mismatch: bool,
    old: Option<Rc<Object>>,
    new: Option<Rc<Object>>,
}

/// The objects among `changed` whose content differs between `old` and `new`.
fn diffs(old: &State<'_, '_>, new: &State<'_, '_>, changed: &[u32]) -> Vec<Diff> {
    let store = new.store;
    let mut out = Vec::new();
    for &num in changed {
        let (po, pn) = (old.phys(num), new.phys(num));
        if po == pn {
            continue;
        }
        let generation = new
            .slot(num)
            .or_else(|| old.slot(num))
            .map_or(0, |(g, _)| g);
        let o = po.and_then(|p| store.load(old.rev, num, p));
        let n = pn.and_then(|p| store.load(new.rev, num, p));
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
        out.push(Diff {
            num,
            generation,
            action,
            mismatch,
            old: o,
            new: n,
        });
    }
    out
}

/// The page numbers of one revision: the leaves of its page tree, in the order the
/// role walk meets them.
struct PageMap {
    index: HashMap<u32, usize>,
    /// What the numbering was read from: object number → `PAGE_DEP_*` flags.
    deps: HashMap<u32, u8>,
    complete: bool,
}

const PAGE_DEP_CATALOG: u8 = 1;
const PAGE_DEP_NODE: u8 = 2;
const PAGE_DEP_LEAF: u8 = 4;

/// What the role walk takes for a page when it meets it in the page tree.
fn page_shaped(o: &Object) -> bool {
    o.as_dict()
        .is_some_and(|d| !d.is_type(b"Pages") && d.get(b"Kids").is_none())
}

/// Every `/Pages` value of a catalog, in order (a duplicated key is walked twice).
fn pages_entries(cat: &Object) -> Vec<&Object> {
    cat.as_dict()
        .map(|d| {
            d.entries()
                .iter()
                .filter(|(k, _)| k == b"Pages")
                .map(|(_, v)| v)
                .collect()
        })
        .unwrap_or_default()
}

/// Every `/Kids` value of a page tree node, in order.
fn kids_entries(d: &Dict) -> Vec<&Object> {
    d.entries()
        .iter()
        .filter(|(k, _)| k == b"Kids")
        .map(|(_, v)| v)
        .collect()
}

/// Numbers the pages of `s` as the whole role walk would (the walk meets the page
/// tree through the catalog's `/Pages` only, in the same order).
fn page_map(s: &State<'_, '_>, work: &Work) -> Option<PageMap> {
    let mut m = PageMap {
        index: HashMap::new(),
        deps: HashMap::new(),
        complete: true,
    };
    let Some(root) = s.root_num() else {
        return Some(m);
    };
    m.deps.insert(root, PAGE_DEP_CATALOG);
    let Some(cat) = s.get(root) else {
        return Some(m);
    };
    let mut stack: Vec<Object> = pages_entries(&cat).into_iter().rev().cloned().collect();
    let mut visited: HashSet<u32> = HashSet::new();
    let mut nodes = 0usize;
    while let Some(o) = stack.pop() {
        nodes += 1;
        if nodes > MAX_WALK_NODES {
            m.complete = false;
            break;
        }
        work.spend(WALK_NODE_COST)?;
        let obj: Rc<Object> = match o {
            Object::Ref(r) => {
                if !visited.insert(r.num) {
                    continue;
                }
                let Some(obj) = s.get(r.num) else {
                    *m.deps.entry(r.num).or_default() |= PAGE_DEP_NODE;
                    continue;
                };
                if page_shaped(&obj) {
                    let next = m.index.len();
                    m.index.insert(r.num, next);
                    *m.deps.entry(r.num).or_default() |= PAGE_DEP_LEAF;
                    continue;
                }
                *m.deps.entry(r.num).or_default() |= PAGE_DEP_NODE;
                obj
            }
            direct => Rc::new(direct),
        };
        let kids: Vec<&Object> = match &*obj {
            Object::Array(a) => a.iter().collect(),
            o => o.as_dict().map(kids_entries).unwrap_or_default(),
        };
        work.spend(kids.len())?;
        for k in kids.into_iter().rev() {
            if matches!(
                k,
                Object::Ref(_) | Object::Array(_) | Object::Dict(_) | Object::Stream(_)
            ) {
                stack.push(k.clone());
            }
        }
    }
    Some(m)
}

/// Whether the page numbers of `old` (`m`) still hold in `new`, whose update
/// changed the bytes of `changed`: nothing the numbering was read from changed,
/// except pages that are still pages and a catalog whose `/Pages` did not change.
fn page_map_holds(m: &PageMap, old: &State<'_, '_>, new: &State<'_, '_>, changed: &[u32]) -> bool {
    if !m.complete || old.root_num() != new.root_num() {
        return false;
    }
    let bytes = new.store.bytes;
    for &num in changed {
        let Some(&f) = m.deps.get(&num) else {
            continue;
        };
        if f & PAGE_DEP_NODE != 0 {
            // A node of the tree: the same kids, and still not a page.
            let (Some(a), Some(b)) = (old.get(num), new.get(num)) else {
                return false;
            };
            if page_shaped(&a) || page_shaped(&b) {
                return false;
            }
            let same = match (&*a, &*b) {
                (Object::Array(_), Object::Array(_)) => object::same_content(&a, &b, bytes),
                (x, y) => match (x.as_dict(), y.as_dict()) {
                    (Some(dx), Some(dy)) => {
                        let (kx, ky) = (kids_entries(dx), kids_entries(dy));
                        kx.len() == ky.len()
                            && kx
                                .iter()
                                .zip(&ky)
                                .all(|(p, q)| object::same_content(p, q, bytes))
                    }
                    _ => false,
                },
            };
            if !same {
                return false;
            }
        }
        if f & PAGE_DEP_LEAF != 0 && !new.get(num).is_some_and(|o| page_shaped(&o)) {
            return false;
        }
        if f & PAGE_DEP_CATALOG != 0 {
            let (Some(a), Some(b)) = (old.get(num), new.get(num)) else {
                return false;
            };
            let (pa, pb) = (pages_entries(&a), pages_entries(&b));
            if pa.len() != pb.len()
                || !pa
                    .iter()
                    .zip(&pb)
                    .all(|(x, y)| object::same_content(x, y, bytes))
            {
                return false;
            }
        }
    }
    true
}

/// The roles of one revision's objects, found when asked for: by walking the
/// document restricted to the ancestors of the objects asked about (see [`roles`]),
/// or, without page numbers, by walking all of it once.
struct Side<'x, 's, 'a> {
    state: State<'s, 'a>,
    links: &'x Links,
    /// This is the revision before the last update of `links`.
    before: bool,
    pages: Option<&'x PageMap>,
    work: &'x Work,
    cache: RefCell<RoleCache>,
}

struct RoleCache {
    map: HashMap<u32, Role>,
    /// Objects whose roles `map` holds (or that have none).
    known: HashSet<u32>,
    /// The whole document was walked.
    all: bool,
    complete: bool,
}

impl<'x, 's, 'a> Side<'x, 's, 'a> {
    fn new(
        state: State<'s, 'a>,
        links: &'x Links,
        before: bool,
        pages: Option<&'x PageMap>,
        work: &'x Work,
    ) -> Self {
        Side {
            state,
            links,
            before,
            pages,
            work,
            cache: RefCell::new(RoleCache {
                map: HashMap::new(),
                known: HashSet::new(),
                all: false,
                complete: pages.is_none_or(|p| p.complete),
            }),
        }
    }

    /// Makes sure the roles of `nums` are known.
    fn learn(&self, nums: &[u32]) {
        let mut c = self.cache.borrow_mut();
        if c.all {
            return;
        }
        let Some(pages) = self.pages else {
            let r = roles(&self.state, None, None, self.work);
            c.map = r.map;
            c.all = true;
            c.complete &= r.complete;
            return;
        };
        let unknown: Vec<u32> = nums
            .iter()
            .copied()
            .filter(|n| !c.known.contains(n))
            .collect();
        if unknown.is_empty() {
            return;
        }
        let Some(keep) = self
            .links
            .ancestors(&self.state, self.before, &unknown, self.work)
        else {
            // Out of work: the caller drops the whole revision.
            c.complete = false;
            c.known.extend(unknown);
            return;
        };
        let r = roles(&self.state, Some(&keep), Some(&pages.index), self.work);
        c.complete &= r.complete;
        c.map.extend(r.map);
        c.known.extend(keep.iter());
    }

    fn flags(&self, num: u32) -> u32 {
        self.learn(&[num]);
        self.cache.borrow().map.get(&num).map_or(0, |r| r.flags)
    }

    fn role(&self, num: u32) -> Option<Role> {
        self.learn(&[num]);
        self.cache.borrow().map.get(&num).cloned()
    }

    fn complete(&self) -> bool {
        self.cache.borrow().complete
    }
}

/// The objects whose roles judging `diffs` needs: the objects themselves, the
/// fields their widgets belong to, and the annotations added to or removed from
/// page annotation lists.
fn wanted(diffs: &[Diff], old: &State<'_, '_>, new: &State<'_, '_>, work: &Work) -> Vec<u32> {
    let mut out = Vec::new();
    let annots = |s: &State<'_, '_>, o: Option<&Object>| -> Vec<u32> {
        match o {
            Some(Object::Array(_)) => refs_of(s, o),
            Some(o) => refs_of(s, o.as_dict().and_then(|d| d.get(b"Annots"))),
            None => Vec::new(),
        }
    };
    for d in diffs {
        out.push(d.num);
        for o in [&d.old, &d.new].into_iter().flatten() {
            if let Some(p) = o
                .as_dict()
                .and_then(|x| x.get(b"Parent"))
                .and_then(Object::as_ref)
            {
                out.push(p.num);
            }
        }
        let a = annots(old, d.old.as_deref());
        let b = annots(new, d.new.as_deref());
        if work.spend(HASH_COST * (a.len() + b.len())).is_none() {
            break;
        }
        if a != b {
            let (sa, sb): (HashSet<u32>, HashSet<u32>) =
                (a.iter().copied().collect(), b.iter().copied().collect());
            out.extend(sa.symmetric_difference(&sb).copied());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Judges `diffs`, the changes of revision `rev`.
fn judge(
    rev: usize,
    diffs: &[Diff],
    old: &Side<'_, '_, '_>,
    new: &Side<'_, '_, '_>,
    rules: Rules<'_>,
) -> Vec<Change> {
    let bytes = new.state.store.bytes;
    let mut ctx = RevCtx {
        bytes,
        old,
        new,
        rules,
        filled: HashSet::new(),
        allowed_added: HashSet::new(),
    };
    for d in diffs {
        let flags = ctx.role_flags(d.num);
        if flags & FIELD != 0
            && d.action == ChangeAction::Modified
            && let (Some(a), Some(b)) = (
                d.old.as_deref().and_then(Object::as_dict),
                d.new.as_deref().and_then(Object::as_dict),
            )
        {
            let same_v = match (a.get(b"V"), b.get(b"V")) {
                (Some(x), Some(y)) => object::same_content(x, y, bytes),
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
        for d in diffs {
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
    let encrypt = |s: &State<'_, '_>| s.trailer().and_then(|t| t.get(b"Encrypt")).is_some();
    if encrypt(&new.state) && !encrypt(&old.state) {
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

/// The walk follows the catalog's own back links, and an array for a catalog passes
/// that rule on to its elements: such a revision is walked whole (see [`Side`]).
fn walks_whole(s: &State<'_, '_>) -> bool {
    let Some(root) = s.trailer().and_then(|t| t.get(b"Root")) else {
        return false;
    };
    match root.as_ref() {
        Some(r) => s.get(r.num).is_some_and(|c| matches!(*c, Object::Array(_))),
        // Written in the trailer: no object number to find it by.
        None => true,
    }
}

/// What the analysis carries from one revision to the next.
#[derive(Default)]
struct Analysis {
    /// The object map of the last revision analysed.
    view: Option<View>,
    links: Option<Links>,
    pages: Option<Rc<PageMap>>,
    /// Walk every revision whole (the reference behaviour, for tests).
    whole: bool,
}

impl Analysis {
    /// The judged changes of revision `rev`, and whether their analysis is complete.
    /// `None` when the work budget ran out.
    fn revision(
        &mut self,
        store: &Store<'_>,
        rev: usize,
        rules: Rules<'_>,
        work: &Work,
    ) -> Option<(Vec<Change>, bool)> {
        if self.view.is_none() {
            self.view = Some(View::new(store, rev.checked_sub(1)?, work)?);
        }
        let Analysis {
            view,
            links,
            pages,
            whole,
        } = self;
        let view = view.as_mut()?;
        let replaced = view.advance(store, rev, work)?;
        let view: &View = view;
        let old = State::before(store, rev, view, &replaced);
        let new = State::at(store, rev, view);
        // The objects whose bytes may differ: those the update placed somewhere
        // else, and those inside an object stream it replaced.
        let mut changed: Vec<u32> = replaced.keys().copied().collect();
        for &num in replaced.keys() {
            changed.extend(view.members(num));
        }
        work.spend(HASH_COST * changed.len())?;
        changed.sort_unstable();
        changed.dedup();
        changed.retain(|&n| old.phys(n) != new.phys(n));
        if links.is_none() {
            *links = Some(Links::build(&old, work)?);
        }
        let links = links.as_mut()?;
        links.update(&new, &changed, work)?;
        let links: &Links = links;
        let (old_pages, new_pages) = if *whole || walks_whole(&old) || walks_whole(&new) {
            (None, None)
        } else {
            let op = match pages.take() {
                Some(p) => p,
                None => Rc::new(page_map(&old, work)?),
            };
            let np = if page_map_holds(&op, &old, &new, &changed) {
                op.clone()
            } else {
                Rc::new(page_map(&new, work)?)
            };
            (Some(op), Some(np))
        };
        pages.clone_from(&new_pages);
        let diffs = diffs(&old, &new, &changed);
        work.spend(diffs.len() * WALK_NODE_COST)?;
        let old_side = Side::new(old, links, true, old_pages.as_deref(), work);
        let new_side = Side::new(new, links, false, new_pages.as_deref(), work);
        let want = wanted(&diffs, &old, &new, work);
        old_side.learn(&want);
        new_side.learn(&want);
        let changes = judge(rev, &diffs, &old_side, &new_side, rules);
        if work.over() {
            return None;
        }
        Some((changes, old_side.complete() && new_side.complete()))
    }
}

/// Changes of every revision after the earliest signed one; index = revision.
pub(crate) struct History {
    /// `None` for a revision that was not analysed (before `from`, or after the work
    /// budget ran out).
    pub per_revision: Vec<Option<Vec<Change>>>,
    pub reliable_from: Vec<bool>,
}

/// Work units for the change analysis of a whole document (see `graph::Work`; a
/// unit is a few nanoseconds). Past them, the revisions not analysed yet are left
/// out and every signature before them gets an unreliable report. Measured (release
/// build): a form of 10,000 fields with 1,000 one-field updates uses an eighth (0.2 s
/// for the whole `open`); the worst shapes found (every update rewriting a font that
/// 10,000 pages use, or a 10,000-field list) stop here after about 1–1.5 s.
pub const MAX_CHANGE_ANALYSIS_COST: usize = 200_000_000;

/// Computes the judged changes of each revision `r > from`.
pub(crate) fn history(store: &Store<'_>, sigs: &[SignatureInfo], from: usize) -> History {
    history_with(store, sigs, from, MAX_CHANGE_ANALYSIS_COST, false)
}

/// [`history`] with `budget` work units; with `whole`, every revision is walked
/// whole (the plain algorithm, which the incremental one must agree with).
pub(crate) fn history_with(
    store: &Store<'_>,
    sigs: &[SignatureInfo],
    from: usize,
    budget: usize,
    whole: bool,
) -> History {
    let n = store.revisions.len();
    let mut per_revision: Vec<Option<Vec<Change>>> = vec![None; n];
    let mut complete = vec![true; n];
    let mut removed: HashMap<usize, Vec<(u32, u16)>> = HashMap::new();
    for s in sigs {
        for &r in &s.removed_in {
            removed.entry(r).or_default().push(s.object);
        }
    }
    let work = Work::new(budget);
    let mut analysis = Analysis {
        whole,
        ..Analysis::default()
    };
    for rev in from.saturating_add(1)..n {
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
        let Some((mut changes, done)) = analysis.revision(store, rev, Rules { mdp, locks }, &work)
        else {
            // Out of work: this revision and the later ones stay unanalysed, which
            // makes every report that needs them unreliable.
            break;
        };
        if let Some(gone) = removed.get(&rev) {
            changes.extend(gone.iter().map(|&object| removal(rev, object)));
            changes.sort_by_key(|c| c.object);
        }
        if let Some(slot) = per_revision.get_mut(rev) {
            *slot = Some(changes);
        }
        if let Some(c) = complete.get_mut(rev) {
            *c = done;
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
