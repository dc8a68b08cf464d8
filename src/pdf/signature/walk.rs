//! The walk of one revision's signature fields, memoised across revisions: which
//! objects a walk looked at (`Deps`), so that a revision redefining none of them is
//! not walked again, and a shared budget of look-ups for the history.

use super::*;

/// A signature field with a value, found in one revision's field tree.
pub(super) struct SigHit {
    pub(super) name: String,
    pub(super) field_num: Option<u32>,
    pub(super) value: Object,
    pub(super) lock: Option<Object>,
}

/// Cross-reference look-ups remembered across revisions, visited in order. A
/// look-up goes down every layer of updates, so repeating it for each revision
/// would cost revisions × depth; an entry stays good until a revision redefines
/// that object number. One hash per object and revision: the entry also holds the
/// loaded object and whether the current walk has visited it.
#[derive(Default)]
pub(super) struct Slots {
    pub(super) map: HashMap<u32, SlotMemo>,
    /// Numbers the current walk, 1-based.
    pub(super) walk: usize,
}

#[derive(Default)]
pub(super) struct SlotMemo {
    /// The last revision (so far) that may have redefined the object.
    pub(super) touched: Option<usize>,
    /// The revision it was looked up in, and what that found.
    pub(super) found: Option<(usize, Option<(u16, Loc)>)>,
    /// The object as last loaded, and from where.
    pub(super) loaded: Option<(Phys, Rc<Object>)>,
    /// The walk that last visited it as a field.
    pub(super) visited: usize,
}

impl SlotMemo {
    pub(super) fn slot(&mut self, store: &Store<'_>, rev: usize, num: u32) -> Option<(u16, Loc)> {
        if let Some((at, slot)) = self.found
            && self.touched.is_none_or(|t| t <= at)
        {
            return slot;
        }
        let slot = store.lookup(rev, num);
        self.found = Some((rev, slot));
        slot
    }
}

impl Slots {
    /// Notes the objects revision `rev` may redefine; call for every revision, in order.
    pub(super) fn enter(&mut self, rev: usize, touched: &[u32]) {
        for &num in touched {
            self.map.entry(num).or_default().touched = Some(rev);
        }
    }
}

/// Object `num` at `phys`, from the memo when it was loaded from there before.
pub(super) fn load_into(
    m: &mut SlotMemo,
    store: &Store<'_>,
    rev: usize,
    num: u32,
    generation: u16,
    phys: Phys,
) -> Fetched {
    if let Some((p, o)) = &m.loaded
        && *p == phys
    {
        return Fetched::Object(generation, phys, o.clone());
    }
    let Some(o) = store.load(rev, num, phys) else {
        return Fetched::Missing;
    };
    m.loaded = Some((phys, o.clone()));
    Fetched::Object(generation, phys, o)
}

/// What [`Tracked::fetch`] found.
pub(super) enum Fetched {
    Object(u16, Phys, Rc<Object>),
    /// Already visited by this walk.
    Visited,
    Missing,
}

/// Object look-ups of one revision, remembering every object number they depended on
/// (and the object streams holding those objects): when a later revision redefines
/// none of them, it sees exactly the same field tree.
pub(super) struct Tracked<'s, 'a, 'm> {
    pub(super) store: &'s Store<'a>,
    pub(super) rev: usize,
    pub(super) slots: &'m mut Slots,
    /// Every object number looked up (with repeats; see [`Tracked::into_deps`]).
    pub(super) deps: Vec<u32>,
    /// Field nodes the walk met once each and skipped (no signature value, no
    /// `/Kids`), with the field type they inherited: the walk depends on them only
    /// through staying so.
    pub(super) leaves: Vec<(u32, Option<Rc<[u8]>>)>,
    /// The catalog, when looked up by itself, and its `/AcroForm` value: the walk
    /// depends on the catalog only through that value.
    pub(super) catalog: Option<(u32, Option<Object>)>,
    pub(super) lookups: usize,
}

impl Tracked<'_, '_, '_> {
    /// The object numbers looked up, sorted, each once.
    pub(super) fn into_deps(self) -> Deps {
        let mut d = self.deps;
        d.sort_unstable();
        d.dedup();
        let mut leaves = self.leaves;
        leaves.sort_unstable_by_key(|(n, _)| *n);
        Deps {
            objects: d,
            leaves,
            catalog: self.catalog,
        }
    }

    /// Object `num` of this revision; with `visit`, [`Fetched::Visited`] when this
    /// walk has already visited it (and it is marked visited otherwise).
    pub(super) fn fetch(&mut self, num: u32, visit: bool) -> Fetched {
        self.deps.push(num);
        self.lookups += 1;
        let (store, rev, walk) = (self.store, self.rev, self.slots.walk);
        let m = self.slots.map.entry(num).or_default();
        if visit {
            if m.visited == walk {
                return Fetched::Visited;
            }
            m.visited = walk;
        }
        let Some((generation, loc)) = m.slot(store, rev, num) else {
            return Fetched::Missing;
        };
        let (stream, index) = match loc {
            Loc::Offset(o) => return load_into(m, store, rev, num, generation, Phys::Offset(o)),
            Loc::Compressed { stream, index } => (stream, index),
        };
        self.deps.push(stream);
        let sm = self.slots.map.entry(stream).or_default();
        let phys = match sm.slot(store, rev, stream) {
            Some((_, Loc::Offset(at))) => Phys::InStream { at, index },
            _ => return Fetched::Missing,
        };
        let m = self.slots.map.entry(num).or_default();
        load_into(m, store, rev, num, generation, phys)
    }

    pub(super) fn locate(&mut self, num: u32) -> Option<(u16, Phys)> {
        match self.fetch(num, false) {
            Fetched::Object(g, p, _) => Some((g, p)),
            _ => None,
        }
    }

    /// Resolves `o` like [`Store::resolve`]; also returns where the final object is.
    pub(super) fn resolve_at<'x>(&mut self, o: &'x Object) -> Option<(Val<'x>, Option<Phys>)> {
        let Object::Ref(r) = o else {
            return Some((Val::Direct(o), None));
        };
        let mut num = r.num;
        for _ in 0..8 {
            let Fetched::Object(_, phys, cur) = self.fetch(num, false) else {
                return None;
            };
            match &*cur {
                Object::Ref(r2) => num = r2.num,
                _ => return Some((Val::Loaded(cur), Some(phys))),
            }
        }
        None
    }

    pub(super) fn resolve<'x>(&mut self, o: &'x Object) -> Option<Val<'x>> {
        self.resolve_at(o).map(|(v, _)| v)
    }

    pub(super) fn resolve_key<'x>(&mut self, d: &'x Dict, key: &[u8]) -> Option<Val<'x>> {
        self.resolve(d.get(key)?)
    }

    /// A field node: `None` when missing or already visited by this walk.
    pub(super) fn field<'x>(&mut self, o: &'x Object) -> Option<Val<'x>> {
        match o.as_ref() {
            Some(r) => match self.fetch(r.num, true) {
                Fetched::Object(_, _, obj) => match &*obj {
                    Object::Ref(_) => self
                        .resolve(&obj)
                        .map(|v| Val::Loaded(Rc::new((*v).clone()))),
                    _ => Some(Val::Loaded(obj)),
                },
                Fetched::Visited | Fetched::Missing => None,
            },
            None => Some(Val::Direct(o)),
        }
    }
}

/// What a complete walk of one revision's field tree depended on.
pub(super) struct Deps {
    /// Every object looked up, except the skipped leaves; sorted.
    pub(super) objects: Vec<u32>,
    /// The skipped leaves (see [`Tracked::leaves`]), sorted by number.
    pub(super) leaves: Vec<(u32, Option<Rc<[u8]>>)>,
    /// See [`Tracked::catalog`].
    pub(super) catalog: Option<(u32, Option<Object>)>,
}

impl Deps {
    /// The walk of revision `rev`, which redefines `touched`, would find the same
    /// signatures as the walk these dependencies come from: it looked up none of
    /// them, except leaves that are still leaves the walk skips.
    pub(super) fn still_hold(
        &self,
        store: &Store<'_>,
        rev: usize,
        touched: &[u32],
        slots: &mut Slots,
    ) -> bool {
        touched.iter().all(|&num| {
            if self.objects.binary_search(&num).is_ok() {
                return false;
            }
            if let Some((cat, acroform)) = &self.catalog
                && *cat == num
            {
                // Rewritten (to add a DSS, say), but with the same form.
                return fetch_plain(store, rev, num, slots).is_some_and(|o| {
                    o.as_dict()
                        .is_some_and(|d| match (d.get(b"AcroForm"), acroform) {
                            (Some(x), Some(y)) => {
                                crate::pdf::object::same_content(x, y, store.bytes)
                            }
                            (None, None) => true,
                            _ => false,
                        })
                });
            }
            let Ok(i) = self.leaves.binary_search_by_key(&num, |(n, _)| *n) else {
                return true;
            };
            let Some((_, ft)) = self.leaves.get(i) else {
                return false;
            };
            fetch_plain(store, rev, num, slots)
                .is_some_and(|o| o.as_dict().is_some_and(|d| skipped_leaf(d, ft.as_deref())))
        })
    }
}

/// Object `num` of revision `rev`, when it is written by itself (not in an object
/// stream).
pub(super) fn fetch_plain(
    store: &Store<'_>,
    rev: usize,
    num: u32,
    slots: &mut Slots,
) -> Option<Rc<Object>> {
    let m = slots.map.entry(num).or_default();
    let Some((generation, Loc::Offset(off))) = m.slot(store, rev, num) else {
        return None;
    };
    match load_into(m, store, rev, num, generation, Phys::Offset(off)) {
        Fetched::Object(_, _, obj) => Some(obj),
        _ => None,
    }
}

/// A field node the walk skips: no `/Kids`, and no value or not a signature field
/// (its own `/FT`, or `inherited`).
pub(super) fn skipped_leaf(d: &Dict, inherited: Option<&[u8]>) -> bool {
    let is_sig = match d.name(b"FT") {
        Some(f) => f == b"Sig",
        None => inherited == Some(b"Sig"),
    };
    d.get(b"Kids").is_none() && !(is_sig && d.get(b"V").is_some())
}

/// A field node waiting to be walked: the object, its parent's fully qualified
/// name, the inherited `/FT`, and its depth.
type Pending = (Object, Rc<str>, Option<Rc<[u8]>>, usize);

/// How a revision's field walk ended.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Walk {
    Complete,
    /// Cut short by [`MAX_FIELD_NODES`] or [`MAX_FIELD_DEPTH`]: some fields were not seen.
    Partial,
    /// The work budget ran out: nothing is known about this revision.
    OverBudget,
}

/// Walks `/AcroForm /Fields` of the tracked revision (bounded, loop-safe) and returns
/// every signature field that carries a value, with its fully qualified name.
/// Each object look-up takes one from `budget`.
pub(super) fn walk_sig_fields(
    t: &mut Tracked<'_, '_, '_>,
    budget: &mut usize,
) -> (Vec<SigHit>, Walk) {
    let mut out = Vec::new();
    let Some(root) = t
        .store
        .trailer(t.rev)
        .and_then(|tr| tr.get(b"Root"))
        .and_then(Object::as_ref)
    else {
        return (out, Walk::Complete);
    };
    let num = root.num;
    let root = Object::Ref(root);
    let mark = t.deps.len();
    let Some(catalog) = t.resolve(&root) else {
        return (out, Walk::Complete);
    };
    let Some(cat) = catalog.as_dict() else {
        return (out, Walk::Complete);
    };
    if t.deps.len() == mark + 1 && t.deps.last() == Some(&num) {
        // Looked up by itself: a dependency through its /AcroForm only.
        t.deps.truncate(mark);
        t.catalog = Some((num, cat.get(b"AcroForm").cloned()));
    }
    let Some(acroform) = t.resolve_key(cat, b"AcroForm") else {
        return (out, Walk::Complete);
    };
    let Some(af) = acroform.as_dict() else {
        return (out, Walk::Complete);
    };
    let Some(fields) = t.resolve_key(af, b"Fields") else {
        return (out, Walk::Complete);
    };
    let Some(fields) = fields.as_array() else {
        return (out, Walk::Complete);
    };
    let no_name: Rc<str> = Rc::from("");
    let mut stack: Vec<Pending> = fields
        .iter()
        .rev()
        .map(|f| (f.clone(), no_name.clone(), None, 0))
        .collect();
    t.slots.walk += 1;
    let mut nodes = 0usize;
    let mut charged = 0usize;
    while let Some((obj, parent, ft, depth)) = stack.pop() {
        nodes += 1;
        if nodes > MAX_FIELD_NODES || depth > MAX_FIELD_DEPTH {
            return (out, Walk::Partial);
        }
        // The look-ups since the last charge; every node costs at least one.
        let spent = (t.lookups - charged).max(1);
        charged = t.lookups;
        match budget.checked_sub(spent) {
            Some(left) => *budget = left,
            None => return (out, Walk::OverBudget),
        }
        let num = obj.as_ref().map(|r| r.num);
        let mark = t.deps.len();
        let Some(val) = t.field(&obj) else {
            continue;
        };
        let Some(d) = val.as_dict() else { continue };
        if skipped_leaf(d, ft.as_deref()) {
            // Looked up by itself only (not in an object stream, not through a
            // reference chain): remembered as a leaf rather than a dependency.
            if let Some(n) = num
                && t.deps.len() == mark + 1
                && t.deps.last() == Some(&n)
            {
                t.deps.truncate(mark);
                t.leaves.push((n, ft.clone()));
            }
            continue;
        }
        let own_ft = d.name(b"FT");
        let is_sig = match own_ft {
            Some(f) => f == b"Sig",
            None => ft.as_deref() == Some(b"Sig"),
        };
        let value = if is_sig { d.get(b"V") } else { None };
        let kids = t.resolve_key(d, b"Kids");
        let kids = kids.as_deref().and_then(Object::as_array);
        if value.is_none() && kids.is_none() {
            // A leaf that is not a signed signature field: its name is not needed.
            continue;
        }
        let name: Rc<str> = match d.get(b"T").and_then(Object::as_string) {
            Some(p) if parent.is_empty() => Rc::from(text_string(&p.bytes)),
            Some(p) => Rc::from(format!("{parent}.{}", text_string(&p.bytes))),
            None => parent,
        };
        if let Some(v) = value {
            out.push(SigHit {
                name: name.to_string(),
                field_num: num,
                value: v.clone(),
                lock: d.get(b"Lock").cloned(),
            });
        }
        if let Some(kids) = kids {
            let ft: Option<Rc<[u8]>> = match own_ft {
                Some(f) => Some(Rc::from(f)),
                None => ft,
            };
            for k in kids.iter().rev() {
                stack.push((k.clone(), name.clone(), ft.clone(), depth + 1));
            }
        }
    }
    (out, Walk::Complete)
}
