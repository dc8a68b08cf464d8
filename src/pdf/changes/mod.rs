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

mod analysis;
mod judge;
mod roles;
mod structure;

use std::collections::HashMap;

use serde::Serialize;

use crate::pdf::graph::Work;
use crate::pdf::revision::Store;
use crate::pdf::signature::SignatureInfo;

use analysis::Analysis;
use judge::Rules;
pub(crate) use roles::page_count;

/// Objects visited per revision when classifying roles, at most.
pub const MAX_WALK_NODES: usize = 4_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeAction {
    Added,
    Modified,
    Deleted,
}

impl ChangeAction {
    /// Its code in the JSON report (its serde name).
    pub fn code(&self) -> &'static str {
        match self {
            ChangeAction::Added => "added",
            ChangeAction::Modified => "modified",
            ChangeAction::Deleted => "deleted",
        }
    }
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
    /// The logical structure (`/StructTreeRoot` and below): tags for assistive
    /// technology, not drawn on any page.
    Structure,
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
            ChangeKind::Structure => "structure",
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
    /// A comment (note, highlight, stamp, drawing …) added after approval
    /// signatures only: allowed, but it is not part of what was signed and is
    /// listed as such (as Acrobat and DSS do), never passed over in silence.
    CommentAdded,
    /// The logical structure grew to tag new annotations (a new signature's widget).
    StructureForNewContent,
    /// The logical structure changed otherwise: what a screen reader reads for
    /// the signed content could differ.
    StructureChanged,
    /// An object that something this reader does not classify also uses was changed
    /// or re-pointed (pyHanko's "clobbering" rule): its other use may be changed.
    SharedObject,
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
            ChangeRule::CommentAdded => "comment_added",
            ChangeRule::StructureForNewContent => "structure_for_new_content",
            ChangeRule::StructureChanged => "structure_changed",
            ChangeRule::SharedObject => "shared_object",
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
    /// For an added comment ([`ChangeRule::CommentAdded`]): its kind and text, for
    /// the reader to see what was added on top of the signed document.
    pub comment: Option<Comment>,
}

/// A comment annotation added after signing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comment {
    /// The annotation subtype (`Text`, `Highlight`, `FreeText`, `Stamp` …).
    pub subtype: String,
    /// Its `/Contents`, decoded; empty when it has none.
    pub text: String,
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
    /// encrypted document kyso could not decrypt, a walk cut short by a limit. The
    /// verify layer must then not say "unmodified".
    pub reliable: bool,
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
        comment: None,
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
    unreadable: bool,
) -> ChangesReport {
    let last = store.revisions.len().saturating_sub(1);
    let mut changes = Vec::new();
    let mut summaries = Vec::new();
    let mut reliable = !unreadable;
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
            comment: None,
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
