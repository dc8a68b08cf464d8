//! The revision-by-revision analysis: which objects changed, the page numbering
//! carried from one revision to the next, and roles learnt on demand.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::pdf::graph::{HASH_COST, Links, State, View, Work};
use crate::pdf::object::{self, Dict, Object};
use crate::pdf::revision::Store;

use super::judge::*;
use super::roles::*;
use super::*;

/// One object whose bytes differ between revision `rev - 1` and `rev`.
pub(super) struct Diff {
    pub(super) num: u32,
    pub(super) generation: u16,
    pub(super) action: ChangeAction,
    pub(super) mismatch: bool,
    pub(super) old: Option<Rc<Object>>,
    pub(super) new: Option<Rc<Object>>,
}

/// The objects among `changed` whose content differs between `old` and `new`.
pub(super) fn diffs(old: &State<'_, '_>, new: &State<'_, '_>, changed: &[u32]) -> Vec<Diff> {
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
pub(super) struct PageMap {
    pub(super) index: HashMap<u32, usize>,
    /// What the numbering was read from: object number → `PAGE_DEP_*` flags.
    pub(super) deps: HashMap<u32, u8>,
    pub(super) complete: bool,
}

pub(super) const PAGE_DEP_CATALOG: u8 = 1;
pub(super) const PAGE_DEP_NODE: u8 = 2;
pub(super) const PAGE_DEP_LEAF: u8 = 4;

/// What the role walk takes for a page when it meets it in the page tree.
pub(super) fn page_shaped(o: &Object) -> bool {
    o.as_dict()
        .is_some_and(|d| !d.is_type(b"Pages") && d.get(b"Kids").is_none())
}

/// Every `/Pages` value of a catalog, in order (a duplicated key is walked twice).
pub(super) fn pages_entries(cat: &Object) -> Vec<&Object> {
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
pub(super) fn kids_entries(d: &Dict) -> Vec<&Object> {
    d.entries()
        .iter()
        .filter(|(k, _)| k == b"Kids")
        .map(|(_, v)| v)
        .collect()
}

/// Numbers the pages of `s` as the whole role walk would (the walk meets the page
/// tree through the catalog's `/Pages` only, in the same order).
pub(super) fn page_map(s: &State<'_, '_>, work: &Work) -> Option<PageMap> {
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
pub(super) fn page_map_holds(
    m: &PageMap,
    old: &State<'_, '_>,
    new: &State<'_, '_>,
    changed: &[u32],
) -> bool {
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
pub(super) struct Side<'x, 's, 'a> {
    pub(super) state: State<'s, 'a>,
    pub(super) links: &'x Links,
    /// This is the revision before the last update of `links`.
    pub(super) before: bool,
    pub(super) pages: Option<&'x PageMap>,
    pub(super) work: &'x Work,
    pub(super) cache: RefCell<RoleCache>,
}

pub(super) struct RoleCache {
    pub(super) map: HashMap<u32, Role>,
    /// Objects whose roles `map` holds (or that have none).
    pub(super) known: HashSet<u32>,
    /// The whole document was walked.
    pub(super) all: bool,
    pub(super) complete: bool,
}

impl<'x, 's, 'a> Side<'x, 's, 'a> {
    pub(super) fn new(
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
    pub(super) fn learn(&self, nums: &[u32]) {
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

    pub(super) fn flags(&self, num: u32) -> u32 {
        self.learn(&[num]);
        self.cache.borrow().map.get(&num).map_or(0, |r| r.flags)
    }

    pub(super) fn role(&self, num: u32) -> Option<Role> {
        self.learn(&[num]);
        self.cache.borrow().map.get(&num).cloned()
    }

    pub(super) fn complete(&self) -> bool {
        self.cache.borrow().complete
    }
}

/// The objects whose roles judging `diffs` needs first: the objects themselves, the
/// fields their widgets belong to, and the annotations added to or removed from the
/// annotation lists of changed pages. The annotations of a changed list object come
/// second ([`annotation_lists`]), once its role is known.
pub(super) fn wanted(
    diffs: &[Diff],
    old: &State<'_, '_>,
    new: &State<'_, '_>,
    work: &Work,
) -> Vec<u32> {
    let mut out = Vec::new();
    let annots = |s: &State<'_, '_>, o: Option<&Object>| -> Vec<u32> {
        refs_of(
            s,
            o.and_then(Object::as_dict).and_then(|d| d.get(b"Annots")),
        )
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
        if !changed_members(&a, &b, &mut out, work) {
            break;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The members added to or removed from the changed arrays that are annotation lists
/// (by the roles [`wanted`] brought). Only those need their members' roles: every
/// other array's members are judged as the array's own role. Asking for all of them
/// walked nearly every object of a decree once per revision: its signing tool adds
/// some twenty arrays of hundreds of structure references in each update.
pub(super) fn annotation_lists(
    diffs: &[Diff],
    old_side: &Side<'_, '_, '_>,
    new_side: &Side<'_, '_, '_>,
    work: &Work,
) -> Vec<u32> {
    let mut out = Vec::new();
    for d in diffs {
        let array = |o: &Option<Rc<Object>>| o.as_deref().is_some_and(|o| o.as_array().is_some());
        if !(array(&d.old) || array(&d.new)) {
            continue;
        }
        if (old_side.flags(d.num) | new_side.flags(d.num)) & ANNOTS == 0 {
            continue;
        }
        let a = refs_of(&old_side.state, d.old.as_deref());
        let b = refs_of(&new_side.state, d.new.as_deref());
        if !changed_members(&a, &b, &mut out, work) {
            break;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Adds to `out` the members in one of `a` and `b` but not both; `false` when out of
/// work.
fn changed_members(a: &[u32], b: &[u32], out: &mut Vec<u32>, work: &Work) -> bool {
    if work.spend(HASH_COST * (a.len() + b.len())).is_none() {
        return false;
    }
    if a != b {
        let (sa, sb): (HashSet<u32>, HashSet<u32>) =
            (a.iter().copied().collect(), b.iter().copied().collect());
        out.extend(sa.symmetric_difference(&sb).copied());
    }
    true
}

/// The walk follows the catalog's own back links, and an array for a catalog passes
/// that rule on to its elements: such a revision is walked whole (see [`Side`]).
pub(super) fn walks_whole(s: &State<'_, '_>) -> bool {
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
pub(super) struct Analysis {
    /// The object map of the last revision analysed.
    pub(super) view: Option<View>,
    pub(super) links: Option<Links>,
    pub(super) pages: Option<Rc<PageMap>>,
    /// Walk every revision whole (the reference behaviour, for tests).
    pub(super) whole: bool,
}

impl Analysis {
    /// The judged changes of revision `rev`, and whether their analysis is complete.
    /// `None` when the work budget ran out.
    pub(super) fn revision(
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
        let members = annotation_lists(&diffs, &old_side, &new_side, work);
        if !members.is_empty() {
            old_side.learn(&members);
            new_side.learn(&members);
        }
        let changes = judge(rev, &diffs, &old_side, &new_side, rules);
        if work.over() {
            return None;
        }
        Some((changes, old_side.complete() && new_side.complete()))
    }
}
