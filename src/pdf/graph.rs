//! The document as the change analysis sees it, kept up to date from one revision
//! to the next instead of being rebuilt for each.
//!
//! A look-up in [`Store`] goes down every layer of updates, and walking the whole
//! document for every revision costs revisions × objects: a form with 10,000 fields
//! and 1,000 one-object updates took minutes. Here the work follows what the updates
//! touch:
//! - [`View`] is the object map of one revision, flattened; it moves to the next
//!   revision by applying only that update's cross-reference entries;
//! - [`State`] reads the objects of revision `r` (the view) or of `r - 1` (the view
//!   with the slots the update replaced put back), each look-up O(1);
//! - [`Links`] holds, for every object the role walk can reach, the objects it refers
//!   to, and reversed, which objects refer to each one. An update re-reads only the
//!   objects whose bytes it changed, and whatever those newly reach. The role of an
//!   object depends only on the paths from the trailer to it, so `changes` finds it by
//!   walking the document restricted to the object's ancestors.
//!
//! Everything is charged to a [`Work`] budget; when it runs out the analysis stops
//! and says so (the report is then unreliable, never "unmodified").

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::object::{Dict, Object};
use super::revision::{Loc, Phys, Slot, Store, Val};

/// What a slot of the object map holds for an object number: its generation and
/// where it is, or nothing (free or never defined).
pub(crate) type SlotOf = Option<(u16, Loc)>;

/// A budget of work units shared by one analysis. A unit is a few nanoseconds of
/// work on a PC's core: looking at one element of an array; a hash-map operation
/// costs [`HASH_COST`]; visiting an object costs more (see `changes`).
pub(crate) struct Work {
    left: Cell<usize>,
    over: Cell<bool>,
}

impl Work {
    pub fn new(units: usize) -> Self {
        Work {
            left: Cell::new(units),
            over: Cell::new(false),
        }
    }

    /// Takes `n` units; `None` (and from then on [`Work::over`]) when they are not
    /// there. Written to be used with `?`.
    pub fn spend(&self, n: usize) -> Option<()> {
        let left = self.left.get();
        if self.over.get() || n > left {
            self.left.set(0);
            self.over.set(true);
            return None;
        }
        self.left.set(left - n);
        Some(())
    }

    /// The budget ran out: whatever was being computed is incomplete.
    pub fn over(&self) -> bool {
        self.over.get()
    }
}

/// Work units of one hash-map operation on an object number (measured: about ten
/// times looking at an array element).
pub(crate) const HASH_COST: usize = 10;

fn slot_of(s: &Slot) -> SlotOf {
    match *s {
        Slot::Obj { generation, loc } => Some((generation, loc)),
        Slot::Free => None,
    }
}

/// The object map of one revision, every layer merged.
pub(crate) struct View {
    slots: HashMap<u32, (u16, Loc)>,
    /// Object stream number → the objects the map places in it.
    members: HashMap<u32, HashSet<u32>>,
}

impl View {
    /// The map of revision `rev`.
    pub fn new(store: &Store<'_>, rev: usize, work: &Work) -> Option<View> {
        let all = store.all_objects(rev);
        work.spend(HASH_COST * all.len())?;
        let mut v = View {
            slots: HashMap::with_capacity(all.len()),
            members: HashMap::new(),
        };
        for (num, s) in &all {
            v.set(*num, slot_of(s));
        }
        Some(v)
    }

    /// Sets the slot of `num`; returns the one it replaces.
    fn set(&mut self, num: u32, slot: SlotOf) -> SlotOf {
        let old = match slot {
            Some(s) => self.slots.insert(num, s),
            None => self.slots.remove(&num),
        };
        if let Some((_, Loc::Compressed { stream, .. })) = old
            && let Some(m) = self.members.get_mut(&stream)
        {
            m.remove(&num);
        }
        if let Some((_, Loc::Compressed { stream, .. })) = slot {
            self.members.entry(stream).or_default().insert(num);
        }
        old
    }

    pub fn slot(&self, num: u32) -> SlotOf {
        self.slots.get(&num).copied()
    }

    /// Moves the view from revision `rev - 1` to `rev`. Returns the previous slot of
    /// every object number whose slot changed.
    pub fn advance(
        &mut self,
        store: &Store<'_>,
        rev: usize,
        work: &Work,
    ) -> Option<HashMap<u32, SlotOf>> {
        let m = store.maps.get(rev)?;
        let mut replaced = HashMap::new();
        if rev > 0 && m.base == Some(rev - 1) {
            // The usual update: its own entries on top of the revision before.
            work.spend(HASH_COST * m.own.len())?;
            for (&num, s) in &m.own {
                let new = slot_of(s);
                if self.slot(num) != new {
                    replaced.insert(num, self.set(num, new));
                }
            }
        } else {
            // A `/Prev` that skips revisions, or a rebuilt map: compare everything.
            let all = store.all_objects(rev);
            work.spend(HASH_COST * (all.len() + self.slots.len()))?;
            let gone: Vec<u32> = self
                .slots
                .keys()
                .copied()
                .filter(|n| !all.contains_key(n))
                .collect();
            for num in gone {
                replaced.insert(num, self.set(num, None));
            }
            for (&num, s) in &all {
                let new = slot_of(s);
                if self.slot(num) != new {
                    replaced.insert(num, self.set(num, new));
                }
            }
        }
        Some(replaced)
    }

    /// The objects this map places in object stream `stream`.
    pub fn members(&self, stream: u32) -> impl Iterator<Item = u32> + '_ {
        self.members.get(&stream).into_iter().flatten().copied()
    }
}

/// One revision as the analysis reads it: the view, or (for the revision before the
/// view's) the view with the replaced slots put back.
#[derive(Clone, Copy)]
pub(crate) struct State<'s, 'a> {
    pub store: &'s Store<'a>,
    pub rev: usize,
    view: &'s View,
    replaced: Option<&'s HashMap<u32, SlotOf>>,
}

impl<'s, 'a> State<'s, 'a> {
    /// Revision `rev`, whose map is `view`.
    pub fn at(store: &'s Store<'a>, rev: usize, view: &'s View) -> Self {
        State {
            store,
            rev,
            view,
            replaced: None,
        }
    }

    /// Revision `rev - 1`, when `view` is the map of `rev` and `replaced` what
    /// [`View::advance`] returned.
    pub fn before(
        store: &'s Store<'a>,
        rev: usize,
        view: &'s View,
        replaced: &'s HashMap<u32, SlotOf>,
    ) -> Self {
        State {
            store,
            rev: rev.saturating_sub(1),
            view,
            replaced: Some(replaced),
        }
    }

    pub fn slot(&self, num: u32) -> SlotOf {
        if let Some(r) = self.replaced
            && let Some(s) = r.get(&num)
        {
            return *s;
        }
        self.view.slot(num)
    }

    /// Where object `num` physically is (as [`Store::phys`]).
    pub fn phys(&self, num: u32) -> Option<Phys> {
        match self.slot(num)?.1 {
            Loc::Offset(o) => Some(Phys::Offset(o)),
            Loc::Compressed { stream, index } => match self.slot(stream)?.1 {
                Loc::Offset(at) => Some(Phys::InStream { at, index }),
                Loc::Compressed { .. } => None,
            },
        }
    }

    pub fn get(&self, num: u32) -> Option<Rc<Object>> {
        let phys = self.phys(num)?;
        self.store.load(self.rev, num, phys)
    }

    /// Resolves a reference, as [`Store::resolve`].
    pub fn resolve<'x>(&self, o: &'x Object) -> Option<Val<'x>> {
        match o {
            Object::Ref(r) => {
                let mut cur = self.get(r.num)?;
                for _ in 0..8 {
                    let next = match &*cur {
                        Object::Ref(r2) => self.get(r2.num)?,
                        _ => return Some(Val::Loaded(cur)),
                    };
                    cur = next;
                }
                None
            }
            other => Some(Val::Direct(other)),
        }
    }

    pub fn resolve_key<'x>(&self, dict: &'x Dict, key: &[u8]) -> Option<Val<'x>> {
        self.resolve(dict.get(key)?)
    }

    pub fn trailer(&self) -> Option<&'s Dict> {
        self.store.trailer(self.rev)
    }

    /// The object number of the trailer's `/Root`, when it is a reference.
    pub fn root_num(&self) -> Option<u32> {
        self.trailer()?.get(b"Root")?.as_ref().map(|r| r.num)
    }

    /// The catalog object (`/Root`, not resolved further).
    pub fn catalog(&self) -> Option<Rc<Object>> {
        self.get(self.root_num()?)
    }
}

/// Keys whose value the role walk does not follow (except in the catalog itself):
/// they point back up the tree.
fn is_back_link(key: &[u8]) -> bool {
    matches!(key, b"Parent" | b"P" | b"IRT")
}

/// Adds the references inside the value `v` (at any depth) that the role walk
/// follows: every one, except under the back-link keys of a dictionary.
fn collect_links(v: &Object, out: &mut Vec<u32>) {
    let mut stack: Vec<&Object> = vec![v];
    while let Some(o) = stack.pop() {
        match o {
            Object::Ref(r) => out.push(r.num),
            Object::Array(a) => stack.extend(a.iter()),
            Object::Dict(_) | Object::Stream(_) => {
                if let Some(d) = o.as_dict() {
                    for (k, v) in d.entries() {
                        if !is_back_link(k) {
                            stack.push(v);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// The objects that object `obj` (as loaded) refers to, for the role walk, sorted,
/// each once. An object that is itself only a reference leads nowhere (the walk
/// does not follow reference chains there).
pub(crate) fn links_of(obj: &Object) -> Vec<u32> {
    let mut out = Vec::new();
    if obj.as_ref().is_none() {
        collect_links(obj, &mut out);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The references under the catalog's own back-link keys: the walk follows them in
/// the catalog (where they are unusual, so the rule is kept apart).
pub(crate) fn catalog_back_links(cat: &Object) -> Vec<u32> {
    let mut out = Vec::new();
    if let Some(d) = cat.as_dict() {
        for (k, v) in d.entries() {
            if is_back_link(k) {
                collect_links(v, &mut out);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The objects the trailer leads the role walk to.
pub(crate) fn trailer_links(t: &Dict) -> Vec<u32> {
    let mut out = Vec::new();
    for (k, v) in t.entries() {
        match k.as_slice() {
            b"Prev" | b"Size" | b"ID" | b"XRefStm" => {}
            b"Root" => {
                collect_links(v, &mut out);
                if v.as_ref().is_none() {
                    // A catalog written in the trailer: its back links too.
                    out.extend(catalog_back_links(v));
                }
            }
            _ => collect_links(v, &mut out),
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The links of the revision before, where an update replaced them.
#[derive(Default)]
struct Before {
    /// Object → what it referred to before (empty when it was not linked then).
    children: HashMap<u32, Vec<u32>>,
    /// Object → the replaced objects that referred to it before.
    parents: HashMap<u32, Vec<u32>>,
}

/// Who refers to whom, for every object the role walk can reach in the current
/// revision (and some it no longer reaches), plus the changes the last update made.
///
/// Invariant: every target of a linked object's links is itself linked, and so is
/// every object the trailer and the catalog's back links lead to. So every object
/// reachable from the trailer is linked, with its links as of the current revision.
pub(crate) struct Links {
    children: HashMap<u32, Vec<u32>>,
    parents: HashMap<u32, Vec<u32>>,
    before: Before,
}

impl Links {
    /// The links of everything reachable in `s`.
    pub fn build(s: &State<'_, '_>, work: &Work) -> Option<Links> {
        let mut l = Links {
            children: HashMap::new(),
            parents: HashMap::new(),
            before: Before::default(),
        };
        let mut queue = roots(s);
        l.close(s, &mut queue, work)?;
        Some(l)
    }

    /// Links every object in `queue` not linked yet, and whatever those lead to, as
    /// read in `s`.
    fn close(&mut self, s: &State<'_, '_>, queue: &mut Vec<u32>, work: &Work) -> Option<()> {
        while let Some(num) = queue.pop() {
            if self.children.contains_key(&num) {
                continue;
            }
            let kids = s.get(num).map(|o| links_of(&o)).unwrap_or_default();
            work.spend(HASH_COST * (4 + 2 * kids.len()))?;
            for &k in &kids {
                self.parents.entry(k).or_default().push(num);
                if !self.children.contains_key(&k) {
                    queue.push(k);
                }
            }
            self.children.insert(num, kids);
        }
        Some(())
    }

    /// Moves the links to revision `s`, whose update changed the bytes of the
    /// objects `changed` (as read in the revision before).
    pub fn update(&mut self, s: &State<'_, '_>, changed: &[u32], work: &Work) -> Option<()> {
        self.before = Before::default();
        let mut queue = roots(s);
        for &num in changed {
            let old = self.children.remove(&num).unwrap_or_default();
            work.spend(HASH_COST * (2 + 2 * old.len()))?;
            for &k in &old {
                if let Some(p) = self.parents.get_mut(&k) {
                    work.spend(p.len())?;
                    p.retain(|&x| x != num);
                }
                self.before.parents.entry(k).or_default().push(num);
            }
            self.before.children.insert(num, old);
            // Linked again (with what it holds now) only if something reaches it.
            let reached = self.parents.get(&num).is_some_and(|p| !p.is_empty());
            if reached {
                queue.push(num);
            }
        }
        // Objects reached now only through a changed object (or the trailer) are
        // linked by `close`; a changed object nothing reaches stays unlinked until
        // something does.
        self.close(s, &mut queue, work)
    }

    /// The objects that refer to `num`: in the current revision, or with `before`,
    /// in the revision before the last update.
    pub fn parents(&self, num: u32, before: bool) -> Vec<u32> {
        let now = self.parents.get(&num).map(Vec::as_slice).unwrap_or(&[]);
        if !before {
            return now.to_vec();
        }
        let mut out: Vec<u32> = now
            .iter()
            .copied()
            .filter(|p| !self.before.children.contains_key(p))
            .collect();
        if let Some(b) = self.before.parents.get(&num) {
            out.extend(b.iter().copied());
        }
        out
    }

    /// `num` and every object from which the role walk of `s` (the current revision
    /// or, with `before`, the one before) may reach it.
    pub fn ancestors(
        &self,
        s: &State<'_, '_>,
        before: bool,
        targets: &[u32],
        work: &Work,
    ) -> Option<Keep> {
        let root = s.root_num();
        let back: Vec<u32> = s
            .catalog()
            .map(|c| catalog_back_links(&c))
            .unwrap_or_default();
        let mut keep: HashSet<u32> = targets.iter().copied().collect();
        let mut stack: Vec<u32> = keep.iter().copied().collect();
        while let Some(y) = stack.pop() {
            let mut ps = self.parents(y, before);
            if let Some(r) = root
                && back.binary_search(&y).is_ok()
            {
                ps.push(r);
            }
            work.spend(HASH_COST * (2 + ps.len()))?;
            for p in ps {
                if keep.insert(p) {
                    stack.push(p);
                }
            }
        }
        Some(Keep::new(keep.into_iter().collect()))
    }
}

/// What the role walk of `s` starts from: the trailer's references and the
/// catalog's back links.
fn roots(s: &State<'_, '_>) -> Vec<u32> {
    let mut out = s.trailer().map(trailer_links).unwrap_or_default();
    if let Some(c) = s.catalog() {
        out.extend(catalog_back_links(&c));
    }
    out
}

/// A set of object numbers that the walks test for every child they look at (an
/// array of 10,000 fields has 10,000): a bitmap of the low bits first, then a
/// binary search.
pub(crate) struct Keep {
    sorted: Vec<u32>,
    low: Vec<u64>,
}

/// Bits of the bitmap (a power of two).
const KEEP_BITS: usize = 1 << 16;

impl Keep {
    fn new(mut sorted: Vec<u32>) -> Self {
        sorted.sort_unstable();
        sorted.dedup();
        let mut low = vec![0u64; KEEP_BITS / 64];
        for &n in &sorted {
            let b = n as usize % KEEP_BITS;
            if let Some(w) = low.get_mut(b / 64) {
                *w |= 1 << (b % 64);
            }
        }
        Keep { sorted, low }
    }

    pub fn contains(&self, num: u32) -> bool {
        let b = num as usize % KEEP_BITS;
        self.low
            .get(b / 64)
            .is_some_and(|w| w & (1 << (b % 64)) != 0)
            && self.sorted.binary_search(&num).is_ok()
    }

    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.sorted.iter().copied()
    }
}
