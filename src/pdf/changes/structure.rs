//! Changes to the logical structure (`/StructTreeRoot`, ISO 32000-1 §14.7) after a
//! signature.
//!
//! A tagged document that is signed again gets, in the same update as the new
//! widget, a structure element for it (`/S /Form` with an object reference to the
//! widget), a longer `/K` in the element that holds it, a new `/ParentTree` entry
//! and a larger `/ParentTreeNextKey`. Every Vietnamese decree signed by the leader
//! and then by the agency looks like that. None of it is drawn on a page.
//!
//! What the structure can still change is what assistive technology reads: an
//! element's `/ActualText` or `/Alt` stands in for the page content it marks. So the
//! rule is that the structure may only *grow*: existing elements keep every child
//! they had and change nothing but `/K`; new elements may not claim existing page
//! content (marked-content ids or references), only new annotations and other new
//! elements; number-tree nodes keep every pair they had. Anything else in the tree
//! (role and class maps, attributes of existing elements, removals) is a change not
//! allowed.

use crate::pdf::object::{self, Dict, Object};

use super::ChangeRule;

/// The judgement on one structure object that changed.
pub(super) fn judge(
    old: Option<&Object>,
    new: Option<&Object>,
    bytes: &[u8],
    certified_no_changes: bool,
) -> (bool, ChangeRule) {
    if certified_no_changes {
        return (false, ChangeRule::DocmdpNoChanges);
    }
    let ok = match (old, new) {
        (None, Some(n)) => added_ok(n),
        (Some(o), Some(n)) => grown(o, n, bytes),
        _ => false,
    };
    if ok {
        (true, ChangeRule::StructureForNewContent)
    } else {
        (false, ChangeRule::StructureChanged)
    }
}

/// A new structure object claims no existing page content.
fn added_ok(n: &Object) -> bool {
    match n {
        Object::Array(items) => items.iter().all(no_marked_content),
        _ => match n.as_dict() {
            Some(d) if is_number_tree_node(d) => true,
            Some(d) => d.get(b"K").is_none_or(no_marked_content),
            None => false,
        },
    }
}

/// `k` (a `/K` value or an element of one) refers to no marked content: no
/// marked-content id, no marked-content reference dictionary.
fn no_marked_content(k: &Object) -> bool {
    match k {
        Object::Int(_) => false,
        Object::Ref(_) | Object::Null => true,
        Object::Array(a) => a.iter().all(no_marked_content),
        _ => match k.as_dict() {
            Some(d) if d.is_type(b"MCR") || d.get(b"MCID").is_some() => false,
            Some(d) if d.is_type(b"OBJR") => true,
            // A direct structure element inside the array.
            Some(d) => d.get(b"K").is_none_or(no_marked_content),
            None => false,
        },
    }
}

fn is_number_tree_node(d: &Dict) -> bool {
    d.get(b"Nums").is_some() || (d.get(b"Kids").is_some() && d.get(b"S").is_none())
}

/// `n` is `o` with children added and nothing else changed.
fn grown(o: &Object, n: &Object, bytes: &[u8]) -> bool {
    match (o, n) {
        (Object::Array(a), Object::Array(b)) => keeps_all(a, b, bytes, false),
        _ => match (o.as_dict(), n.as_dict()) {
            (Some(od), Some(nd)) => dict_grown(od, nd, bytes),
            _ => false,
        },
    }
}

fn dict_grown(od: &Dict, nd: &Dict, bytes: &[u8]) -> bool {
    let root = od.is_type(b"StructTreeRoot") && nd.is_type(b"StructTreeRoot");
    let tree_node = is_number_tree_node(od) && is_number_tree_node(nd);
    for k in super::judge::keys_differing(od, nd, bytes) {
        let ok = match k.as_slice() {
            b"K" => children_kept(od.get(b"K"), nd.get(b"K"), bytes, false),
            b"ParentTree" | b"ParentTreeNextKey" if root => true,
            // A number tree's keys are integers: new pairs may hold anything.
            b"Nums" if tree_node => children_kept(od.get(b"Nums"), nd.get(b"Nums"), bytes, true),
            b"Kids" if tree_node => children_kept(od.get(b"Kids"), nd.get(b"Kids"), bytes, false),
            b"Limits" if tree_node => true,
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Every child of `old` is still a child in `new`, in the same order; with `any`,
/// the children added may be anything (a number tree's new pairs).
fn children_kept(old: Option<&Object>, new: Option<&Object>, bytes: &[u8], any: bool) -> bool {
    let as_list = |o: Option<&Object>| -> Vec<Object> {
        match o {
            None => Vec::new(),
            Some(Object::Array(a)) => a.clone(),
            Some(x) => vec![x.clone()],
        }
    };
    let (o, n) = (as_list(old), as_list(new));
    keeps_all(&o, &n, bytes, any)
}

/// `old` is a subsequence of `new` (compared by content), and whatever `new` adds
/// claims no marked content (unless `any`).
fn keeps_all(old: &[Object], new: &[Object], bytes: &[u8], any: bool) -> bool {
    let added_ok = |y: &Object| any || no_marked_content(y);
    let mut it = new.iter();
    for x in old {
        loop {
            match it.next() {
                Some(y) if object::same_content(x, y, bytes) => break,
                Some(y) if added_ok(y) => {}
                _ => return false,
            }
        }
    }
    it.all(added_ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::object::tests::parse;

    fn o(s: &str) -> Object {
        parse(s.as_bytes()).unwrap()
    }

    fn ok(old: Option<&str>, new: &str) -> bool {
        let old = old.map(o);
        judge(old.as_ref(), Some(&o(new)), b"", false).0
    }

    #[test]
    fn a_new_element_for_a_new_widget_is_allowed() {
        assert!(ok(
            None,
            "<< /Type /StructElem /S /Form /P 10 0 R /K << /Type /OBJR /Obj 20 0 R >> >>"
        ));
        assert!(ok(None, "[ 5 0 R 6 0 R ]"));
        assert!(ok(None, "<< /Nums [ 30 9 0 R ] >>"));
    }

    #[test]
    fn a_new_element_may_not_claim_page_content() {
        assert!(!ok(
            None,
            "<< /Type /StructElem /S /Span /ActualText (forged) /K 3 >>"
        ));
        assert!(!ok(
            None,
            "<< /S /Span /K [ << /Type /MCR /Pg 4 0 R /MCID 0 >> ] >>"
        ));
        assert!(!ok(None, "[ 1 2 ]"));
    }

    #[test]
    fn existing_elements_may_only_grow() {
        assert!(ok(
            Some("<< /Type /StructElem /S /Sect /K [ 1 2 5 0 R ] >>"),
            "<< /S /Sect /Type /StructElem /K [ 1 2 5 0 R 9 0 R ] >>"
        ));
        // A child dropped, or a new marked-content id claimed, or another key.
        assert!(!ok(
            Some("<< /S /Sect /K [ 1 2 5 0 R ] >>"),
            "<< /S /Sect /K [ 1 5 0 R 9 0 R ] >>"
        ));
        assert!(!ok(
            Some("<< /S /Sect /K [ 1 2 ] >>"),
            "<< /S /Sect /K [ 1 2 3 ] >>"
        ));
        assert!(!ok(
            Some("<< /S /Span /K 1 >>"),
            "<< /S /Span /K 1 /ActualText (forged) >>"
        ));
        assert!(ok(
            Some("<< /Type /StructTreeRoot /K 4 0 R /ParentTree 7 0 R /ParentTreeNextKey 30 >>"),
            "<< /Type /StructTreeRoot /K [ 4 0 R 8 0 R ] /ParentTree 7 0 R /ParentTreeNextKey 31 >>"
        ));
        assert!(!ok(
            Some("<< /Type /StructTreeRoot /K 4 0 R /RoleMap << /X /P >> >>"),
            "<< /Type /StructTreeRoot /K 4 0 R /RoleMap << /X /Figure >> >>"
        ));
    }

    #[test]
    fn number_trees_keep_their_pairs() {
        assert!(ok(
            Some("<< /Nums [ 0 5 0 R 1 6 0 R ] >>"),
            "<< /Nums [ 0 5 0 R 1 6 0 R 30 9 0 R ] >>"
        ));
        assert!(!ok(
            Some("<< /Nums [ 0 5 0 R 1 6 0 R ] >>"),
            "<< /Nums [ 0 5 0 R 1 7 0 R ] >>"
        ));
    }

    #[test]
    fn nothing_under_certification_level_one() {
        let n = o("[ 5 0 R ]");
        assert_eq!(
            judge(None, Some(&n), b"", true),
            (false, ChangeRule::DocmdpNoChanges)
        );
    }
}
