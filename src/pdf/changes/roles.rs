//! Roles: what each object of a revision is for (page content, annotation, form
//! field, signature, DSS …), found by walking the document from its trailer.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::pdf::graph::{Keep, State, View, Work};
use crate::pdf::object::Object;
use crate::pdf::revision::Store;

use super::*;

// ---------------------------------------------------------------------------------
// Roles

pub(super) const CATALOG: u32 = 1 << 0;
pub(super) const INFO: u32 = 1 << 1;
pub(super) const PAGES: u32 = 1 << 2;
pub(super) const PAGE: u32 = 1 << 3;
pub(super) const CONTENT: u32 = 1 << 4;
pub(super) const PAGE_RES: u32 = 1 << 5;
pub(super) const ANNOTS: u32 = 1 << 6;
pub(super) const ANNOT: u32 = 1 << 7;
pub(super) const WIDGET: u32 = 1 << 8;
pub(super) const APPEARANCE: u32 = 1 << 9;
pub(super) const ACROFORM: u32 = 1 << 10;
pub(super) const FIELDS: u32 = 1 << 11;
pub(super) const FIELD: u32 = 1 << 12;
pub(super) const SIG_FIELD: u32 = 1 << 13;
pub(super) const SIG_VALUE: u32 = 1 << 14;
pub(super) const FIELD_VALUE: u32 = 1 << 15;
pub(super) const FIELD_PART: u32 = 1 << 16;
pub(super) const FORM_RES: u32 = 1 << 17;
pub(super) const DSS: u32 = 1 << 18;
pub(super) const METADATA: u32 = 1 << 19;
pub(super) const PERMS: u32 = 1 << 20;
pub(super) const OTHER: u32 = 1 << 21;
/// The logical structure (`/StructTreeRoot` and below): what assistive technology
/// reads, not what pages draw.
pub(super) const STRUCT: u32 = 1 << 22;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Cx {
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
    Struct,
    Other,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Role {
    pub(super) flags: u32,
    pub(super) page: Option<usize>,
    /// The annotation or field whose appearance/value/part this object is.
    pub(super) owner: Option<u32>,
    pub(super) field: Option<Rc<str>>,
}

pub(crate) struct Roles {
    pub(super) map: HashMap<u32, Role>,
    pub(super) complete: bool,
}

#[derive(Clone)]
pub(super) struct Item {
    pub(super) cx: Cx,
    pub(super) page: Option<usize>,
    pub(super) owner: Option<u32>,
    /// Field name and whether the (inherited) field type is /Sig.
    pub(super) field: Option<Rc<str>>,
    pub(super) sig: bool,
}

pub(super) struct Walker<'x, 's, 'a> {
    pub(super) state: &'x State<'s, 'a>,
    /// When set, only these objects are entered (a walk restricted to the ancestors
    /// of the objects whose roles are wanted; see [`Side`]).
    pub(super) keep: Option<&'x Keep>,
    /// When set, page numbers come from here instead of being counted (a restricted
    /// walk does not see every page).
    pub(super) page_of: Option<&'x HashMap<u32, usize>>,
    pub(super) work: &'x Work,
    pub(super) roles: HashMap<u32, Role>,
    pub(super) visited: HashSet<(u32, Cx)>,
    /// References still to visit. Direct objects are expanded in place when their
    /// container is visited, in the order the walk would visit them.
    pub(super) stack: Vec<(u32, Item)>,
    pub(super) nodes: usize,
    pub(super) pages: usize,
    pub(super) complete: bool,
}

/// Work units charged for each object the role walk visits, on top of one per
/// child it looks at (measured: a page with its resources takes about 150 times as
/// long as looking at one element of an array).
pub(super) const WALK_NODE_COST: usize = 150;

/// Walks revision `s` from its trailer and gives every reachable object its roles.
///
/// With `keep`, only the objects in it are entered. When `keep` holds, with every
/// object, all the objects from which the walk can reach it (its ancestors), the
/// roles of the objects in `keep` are exactly those the whole walk gives them: a
/// branch left out reaches nothing in `keep`, so it changes nothing the walk does
/// there, except counting pages, which then come from `page_of`.
pub(super) fn roles(
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
            if matches!(item.cx, Cx::Other | Cx::Struct) && page_like(&loaded) {
                // A page reached from an outline, an open action or a structure
                // element is a destination, not a part of that thing: pages are
                // judged as pages, through the page tree only. Walked from here,
                // every page of a document with bookmarks would look unclassified.
                continue;
            }
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
                let partial = crate::pdf::signature::text_string(&t.bytes);
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
            Cx::Struct => STRUCT,
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
                let sig_ref = d.get(b"TransformMethod").is_some();
                for (k, v) in d.entries() {
                    if self.skips(v) {
                        continue;
                    }
                    let k = k.as_slice();
                    let cx = match (item.cx, k) {
                        (_, b"Parent" | b"P" | b"IRT") if item.cx != Cx::Catalog => continue,
                        // A signature reference's /Data points back at the catalog
                        // (ISO 32000-1 §12.8.1, Table 253): a back link, not a part
                        // of the signature. Followed, it would give the whole
                        // document the role of a signature value (or of /Perms).
                        (_, b"Data") if sig_ref => continue,
                        // A widget merged with its field: the field's own keys are
                        // walked as the field's (its value, default value, lock),
                        // not as parts of the widget's appearance.
                        (Cx::Annot, b"V" | b"DV" | b"Lock" | b"SV" | b"Kids") => continue,
                        (Cx::Catalog, b"Pages") => Cx::Pages,
                        (Cx::Catalog, b"AcroForm") => Cx::AcroForm,
                        (Cx::Catalog, b"DSS") => Cx::Dss,
                        (Cx::Catalog, b"Metadata") => Cx::Metadata,
                        (Cx::Catalog, b"Perms") => Cx::Perms,
                        (Cx::Catalog, b"StructTreeRoot") => Cx::Struct,
                        // A structure element's page, the annotation an object
                        // reference stands for, the stream marked content lives
                        // in: owned by the pages, judged there.
                        (Cx::Struct, b"Pg" | b"Obj" | b"Stm" | b"StmOwn") => continue,
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

/// A page or a page tree node.
fn page_like(o: &Object) -> bool {
    o.as_dict()
        .is_some_and(|d| d.is_type(b"Page") || d.is_type(b"Pages"))
}
