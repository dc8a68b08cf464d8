//! What changed after signing: the later revisions judged against the signature's
//! permissions, as checks and change entries. Separate: the last step, on its own.

use super::Verdict;
use crate::pdf::{self, Document, SignatureInfo};
use crate::verify::{
    ChangeEntry, CheckDetail, CheckId, CheckStatus, SignatureReport, SubIndication,
};

pub(super) fn modifications(
    v: &mut Verdict,
    r: &mut SignatureReport,
    doc: &Document,
    sig: &SignatureInfo,
) {
    let ch = doc.changes_after(sig);
    r.modified_after = ch.modified_after;
    r.changes_after = ch
        .changes
        .iter()
        .filter(|c| c.kind != pdf::ChangeKind::Bookkeeping)
        .map(|c| ChangeEntry {
            revision: c.revision,
            allowed: c.allowed,
            what: c.kind,
            action: c.action,
            rule: c.rule,
            page: c.page,
            object: c.object,
            comment: c.comment.clone(),
        })
        .collect();
    if !ch.all_allowed {
        v.check(
            CheckId::Modifications,
            CheckStatus::Failed,
            CheckDetail::ChangesNotAllowed,
        );
        v.doubt(SubIndication::SigConstraintsFailure);
    } else if !ch.reliable {
        v.check(
            CheckId::Modifications,
            CheckStatus::Warning,
            CheckDetail::ChangesAnalysisUnreliable,
        );
        v.doubt(SubIndication::SigConstraintsFailure);
    } else if ch.changes.iter().any(|c| c.comment.is_some()) {
        // Allowed, but not silent: the comments are not part of what was signed,
        // and the report lists each one with its page and text.
        v.check(
            CheckId::Modifications,
            CheckStatus::Warning,
            CheckDetail::CommentsAdded,
        );
    } else if ch.modified_after {
        v.check(
            CheckId::Modifications,
            CheckStatus::Passed,
            CheckDetail::OnlyAllowedChanges,
        );
    } else {
        v.check(
            CheckId::Modifications,
            CheckStatus::Passed,
            CheckDetail::NoChangesAfterSigning,
        );
    }
}
