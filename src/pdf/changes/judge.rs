//! Judging one revision's changes under the rules in force (DocMDP, FieldMDP).

use std::collections::{HashMap, HashSet};

use crate::pdf::graph::State;
use crate::pdf::object::{self, Dict, Object};
use crate::pdf::signature::{FieldLock, MdpPermission, SigKind};

use super::analysis::*;
use super::roles::*;
use super::*;

// ---------------------------------------------------------------------------------
// Judging

/// The rules in force for changes made by one revision.
pub(super) struct Rules<'x> {
    pub(super) mdp: Option<MdpPermission>,
    pub(super) locks: Vec<&'x FieldLock>,
}

impl Rules<'_> {
    pub(super) fn level(&self) -> MdpPermission {
        self.mdp.unwrap_or(MdpPermission::FormFilling)
    }
    pub(super) fn locked(&self, field: Option<&str>) -> bool {
        match field {
            Some(f) => self.locks.iter().any(|l| l.locks(f)),
            // A field without a name cannot be shown to be outside a lock.
            None => !self.locks.is_empty(),
        }
    }
}

pub(super) struct RevCtx<'x, 's, 'a> {
    pub(super) bytes: &'a [u8],
    /// Revision `rev - 1`.
    pub(super) old: &'x Side<'x, 's, 'a>,
    /// Revision `rev`, the one whose changes are judged.
    pub(super) new: &'x Side<'x, 's, 'a>,
    pub(super) rules: Rules<'x>,
    /// Fields whose value changed in this revision (filled in or signed).
    pub(super) filled: HashSet<u32>,
    /// Objects added in this revision whose own change is allowed.
    pub(super) allowed_added: HashSet<u32>,
}

/// The keys whose values differ between `a` and `b`, in order of appearance (a
/// duplicated key by its last value, as [`Dict::get`]). Linear in the sizes.
pub(super) fn keys_differing(a: &Dict, b: &Dict, bytes: &[u8]) -> Vec<Vec<u8>> {
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
pub(super) fn contains_all(new: &[u32], old: &[u32]) -> bool {
    let new: HashSet<u32> = new.iter().copied().collect();
    old.iter().all(|x| new.contains(x))
}

pub(super) fn refs_of(s: &State<'_, '_>, o: Option<&Object>) -> Vec<u32> {
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

    /// The field's old appearance (its `/AP` dictionary, or a stream in it) is also
    /// used by something this reader does not classify: replacing it is not only
    /// filling in the field (pyHanko's "sneaky" overrides, where the old appearance
    /// dictionary is also reachable from the trailer or the catalog).
    fn shares_appearance(&self, old_field: &Dict) -> bool {
        let Some(ap) = old_field.get(b"AP") else {
            return false;
        };
        let mut refs: Vec<u32> = ap.as_ref().map(|r| r.num).into_iter().collect();
        if let Some(d) = self
            .old
            .state
            .resolve(ap)
            .as_deref()
            .and_then(Object::as_dict)
        {
            for (_, v) in d.entries() {
                refs.extend(v.as_ref().map(|r| r.num));
                if let Some(states) = v.as_dict() {
                    refs.extend(
                        states
                            .entries()
                            .iter()
                            .filter_map(|(_, s)| s.as_ref())
                            .map(|r| r.num),
                    );
                }
            }
        }
        refs.iter().any(|&n| self.old.flags(n) & OTHER != 0)
    }

    /// A comment added after approval signatures only (no certification): the third
    /// kind of change, neither tampering nor silent. The signer of an approval
    /// signature did not sign the comment, and a reader must be told it is there
    /// (listed with its page and text, as Acrobat and DSS list them), but a note on
    /// a decree is not a forgery of it. Only markup annotations count: links,
    /// media, file attachments and widgets act or draw in ways a comment does not.
    fn comment_allowed(&self, annot: Option<&Object>) -> bool {
        self.rules.mdp.is_none()
            && annot
                .and_then(Object::as_dict)
                .and_then(|d| d.name(b"Subtype"))
                .is_some_and(is_comment_subtype)
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
        let mut comments = false;
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
                let comment = !p3 && self.comment_allowed(self.new.state.get(*n).as_deref());
                comments |= comment;
                p3 || comment
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
            } else if comments {
                ChangeRule::CommentAdded
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
            if let (ChangeAction::Added, Some(n), 0) = (action, new, flags & PAGE) {
                // A new annotation list for a page: the page dictionary that now
                // points at it is judged too (any annotation it loses is caught
                // there); here, what the list adds.
                let (ok, rule) = self.judge_annots(&[], &refs_of(&self.new.state, Some(n)));
                return (ChangeKind::PageAnnots, ok, rule);
            }
            let (Some(o), Some(n), ChangeAction::Modified) = (old, new, action) else {
                return (kind, false, ChangeRule::DisplayedContent);
            };
            let (old_annots, new_annots) = if flags & PAGE != 0 {
                let (Some(od), Some(nd)) = (o.as_dict(), n.as_dict()) else {
                    return (kind, false, ChangeRule::DisplayedContent);
                };
                let diff = keys_differing(od, nd, bytes);
                // The annotation list may change (judged below), and a page that
                // gets its first tagged annotation may gain /StructParents, its key
                // in the structure's parent tree (not drawn; never re-pointed).
                if diff.iter().any(|k| match k.as_slice() {
                    b"Annots" => false,
                    b"StructParents" => od.get(b"StructParents").is_some(),
                    _ => true,
                }) {
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
        if flags & OTHER != 0 {
            // Whatever else the object is, something this reader does not classify
            // also uses it (an unknown catalog or trailer key, a name tree, an
            // action …): the most restrictive role decides. This is how an
            // appearance stream shared with such a thing is caught when a signer
            // "fills in" the field (pyHanko's sneaky appearance overrides).
            let rule = if flags & (APPEARANCE | FIELD | ANNOT | FIELD_VALUE) != 0 {
                ChangeRule::SharedObject
            } else {
                ChangeRule::Unclassified
            };
            return (ChangeKind::Other, false, rule);
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
            if diff.iter().any(|k| match k.as_slice() {
                b"V" | b"AP" | b"AS" => false,
                // Filling in or signing a field often locks it as it goes: the
                // field's ReadOnly flag, the widget's Print, ReadOnly and Locked
                // flags. Only bits that show and lock may be set; none may be
                // cleared (clearing Hidden or NoView would show something).
                b"Ff" => !flags_only_gain(od, nd, b"Ff", FF_READ_ONLY),
                b"F" => !flags_only_gain(od, nd, b"F", ANNOT_FLAGS_THAT_LOCK),
                _ => true,
            }) {
                return (kind, false, ChangeRule::FieldStructureChanged);
            }
            if !diff.iter().any(|k| k == b"V") {
                return (kind, false, ChangeRule::AppearanceWithoutValue);
            }
            if diff.iter().any(|k| k == b"AP") && self.shares_appearance(od) {
                return (kind, false, ChangeRule::SharedObject);
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
            if action == ChangeAction::Added
                && level != MdpPermission::Annotations
                && self.comment_allowed(new)
            {
                return (ChangeKind::Annotation, true, ChangeRule::CommentAdded);
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
        if flags & STRUCT != 0 {
            let (ok, rule) =
                super::structure::judge(old, new, bytes, level == MdpPermission::NoChanges);
            return (ChangeKind::Structure, ok, rule);
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

/// Judges `diffs`, the changes of revision `rev`.
pub(super) fn judge(
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
            let comment = match rule {
                ChangeRule::CommentAdded => d.new.as_deref().and_then(comment_of),
                _ => None,
            };
            out.push(Change {
                revision: rev,
                object: (d.num, d.generation),
                action: d.action,
                kind,
                page,
                allowed,
                rule,
                comment,
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
            comment: None,
        });
    }
    out.sort_by_key(|c| c.object);
    out
}

/// Markup annotations a reader adds as comments (ISO 32000-1 §12.5.6.2, Table 170:
/// the markup annotations, less FileAttachment, Sound and Redact, plus the popup
/// that shows a note's text).
fn is_comment_subtype(subtype: &[u8]) -> bool {
    matches!(
        subtype,
        b"Text"
            | b"FreeText"
            | b"Line"
            | b"Square"
            | b"Circle"
            | b"Polygon"
            | b"PolyLine"
            | b"Highlight"
            | b"Underline"
            | b"Squiggly"
            | b"StrikeOut"
            | b"Stamp"
            | b"Caret"
            | b"Ink"
            | b"Popup"
    )
}

/// The kind and text of an added comment annotation.
fn comment_of(o: &Object) -> Option<Comment> {
    let d = o.as_dict()?;
    let subtype = d.name(b"Subtype")?;
    let text = d
        .get(b"Contents")
        .and_then(Object::as_string)
        .map(|s| crate::pdf::signature::text_string(&s.bytes))
        .unwrap_or_default();
    Some(Comment {
        subtype: String::from_utf8_lossy(subtype).into_owned(),
        text,
    })
}

/// The field flag ReadOnly (ISO 32000-1 §12.7.3.1, Table 221).
const FF_READ_ONLY: i64 = 1;
/// Annotation flags Print (4), ReadOnly (64), Locked (128) and LockedContents (512)
/// (ISO 32000-1 §12.5.3, Table 165; ISO 32000-2 for LockedContents).
const ANNOT_FLAGS_THAT_LOCK: i64 = 4 | 64 | 128 | 512;

/// The integer flags `key` of `new` are those of `old` with only bits of `may_gain`
/// added (a missing entry is 0).
fn flags_only_gain(old: &Dict, new: &Dict, key: &[u8], may_gain: i64) -> bool {
    let get = |d: &Dict| match d.get(key) {
        None => Some(0),
        Some(o) => o.as_int(),
    };
    match (get(old), get(new)) {
        (Some(o), Some(n)) => o & !n == 0 && (n & !o) & !may_gain == 0,
        _ => false,
    }
}
