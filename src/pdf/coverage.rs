//! What part of the file a signature covers (ISO 32000-1 §12.8.1; the grades follow
//! pyHanko's "entire file / entire revision / … / unclear").
//!
//! A CMS signature that verifies only proves that *the bytes named by `/ByteRange`*
//! were signed. Universal signature forgery (a missing, null or short `/ByteRange`,
//! empty `/Contents`) and signature wrapping (a `/ByteRange` whose gap is not this
//! dictionary's `/Contents`) both produce signatures that "verify" over bytes the
//! viewer does not show. So the shape is checked strictly here, and anything short of
//! the exact shape is [`CoverageGrade::Unclear`] with the precise reason.

use serde::Serialize;

use super::revision::Revision;
use super::signature::SignatureInfo;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageGrade {
    /// Every byte of the file except the signature value is signed.
    EntireFile,
    /// The file up to the end of a revision is signed; later updates exist.
    EntireRevision,
    /// Well-formed, but the signed bytes end somewhere that is not a revision end.
    Partial,
    /// The byte range or the signature value is malformed: nothing can be said.
    Unclear,
}

impl CoverageGrade {
    pub fn code(&self) -> &'static str {
        match self {
            CoverageGrade::EntireFile => "entire_file",
            CoverageGrade::EntireRevision => "entire_revision",
            CoverageGrade::Partial => "partial",
            CoverageGrade::Unclear => "unclear",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CoverageProblem {
    ByteRangeMissing,
    /// `/ByteRange` is not an array (null, a number, a string …).
    ByteRangeNotArray,
    /// `/ByteRange` is an indirect reference; it must be written in the dictionary.
    ByteRangeIndirect,
    /// An entry is not an integer (a real, a name, a number too large).
    ByteRangeNotIntegers,
    /// Not exactly four numbers.
    ByteRangeWrongLength,
    ByteRangeNegative,
    /// The first range does not start at byte 0.
    ByteRangeNotFromStart,
    /// The second range does not start after the first one ends.
    ByteRangeOverlap,
    /// The ranges reach past the end of the file.
    ByteRangeBeyondFile,
    /// A number too large to be an offset on this machine.
    ByteRangeOverflow,
    /// The gap between the two ranges is not exactly this dictionary's `/Contents`
    /// hex string (signature wrapping).
    GapNotContents,
    ContentsMissing,
    /// `/Contents` is a literal string, not a hex string.
    ContentsNotHex,
    ContentsIndirect,
    /// The dictionary is in an object stream: its `/Contents` is not in the file as
    /// written, so no byte range can exclude it.
    ContentsNotInFile,
    ContentsEmpty,
    /// `/Contents` is only zero bytes: a placeholder, not a signature.
    ContentsZeroed,
    /// The signature dictionary repeats a key; readers disagree on which one counts.
    DuplicateKeys,
    /// The signed bytes end inside a revision, not after a `%%EOF`.
    EndsMidRevision,
}

impl CoverageProblem {
    pub fn code(&self) -> &'static str {
        match self {
            CoverageProblem::ByteRangeMissing => "byte_range_missing",
            CoverageProblem::ByteRangeNotArray => "byte_range_not_array",
            CoverageProblem::ByteRangeIndirect => "byte_range_indirect",
            CoverageProblem::ByteRangeNotIntegers => "byte_range_not_integers",
            CoverageProblem::ByteRangeWrongLength => "byte_range_wrong_length",
            CoverageProblem::ByteRangeNegative => "byte_range_negative",
            CoverageProblem::ByteRangeNotFromStart => "byte_range_not_from_start",
            CoverageProblem::ByteRangeOverlap => "byte_range_overlap",
            CoverageProblem::ByteRangeBeyondFile => "byte_range_beyond_file",
            CoverageProblem::ByteRangeOverflow => "byte_range_overflow",
            CoverageProblem::GapNotContents => "gap_not_contents",
            CoverageProblem::ContentsMissing => "contents_missing",
            CoverageProblem::ContentsNotHex => "contents_not_hex",
            CoverageProblem::ContentsIndirect => "contents_indirect",
            CoverageProblem::ContentsNotInFile => "contents_not_in_file",
            CoverageProblem::ContentsEmpty => "contents_empty",
            CoverageProblem::ContentsZeroed => "contents_zeroed",
            CoverageProblem::DuplicateKeys => "duplicate_keys",
            CoverageProblem::EndsMidRevision => "ends_mid_revision",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub grade: CoverageGrade,
    pub problem: Option<CoverageProblem>,
    /// `b + c`: the signed prefix of the file (when the shape is valid).
    pub signed_len: Option<usize>,
    /// The revision the signed bytes end with.
    pub revision: Option<usize>,
}

impl Coverage {
    fn unclear(p: CoverageProblem) -> Self {
        Coverage {
            grade: CoverageGrade::Unclear,
            problem: Some(p),
            signed_len: None,
            revision: None,
        }
    }
}

/// Checks the shape of `/ByteRange` alone: `[0 a b c]`, `a < b`, `b + c ≤ file_len`.
/// Returns the two signed ranges as half-open `(start, end)` pairs:
/// `[(0, a), (b, b + c)]`.
pub fn checked_ranges(
    byte_range: Option<&[i64]>,
    file_len: usize,
) -> Result<[(usize, usize); 2], CoverageProblem> {
    let br = byte_range.ok_or(CoverageProblem::ByteRangeMissing)?;
    let [z, a, b, c] = br else {
        return Err(CoverageProblem::ByteRangeWrongLength);
    };
    if [z, a, b, c].iter().any(|v| **v < 0) {
        return Err(CoverageProblem::ByteRangeNegative);
    }
    if *z != 0 {
        return Err(CoverageProblem::ByteRangeNotFromStart);
    }
    let conv = |v: i64| usize::try_from(v).map_err(|_| CoverageProblem::ByteRangeOverflow);
    let (a, b, c) = (conv(*a)?, conv(*b)?, conv(*c)?);
    if a >= b {
        return Err(CoverageProblem::ByteRangeOverlap);
    }
    let end = b.checked_add(c).ok_or(CoverageProblem::ByteRangeOverflow)?;
    if end > file_len {
        return Err(CoverageProblem::ByteRangeBeyondFile);
    }
    Ok([(0, a), (b, end)])
}

/// Grades the coverage of `sig` in `bytes`, whose revisions are `revisions`.
pub(crate) fn assess(bytes: &[u8], revisions: &[Revision], sig: &SignatureInfo) -> Coverage {
    if let Some(p) = sig.structure_problem {
        return Coverage::unclear(p);
    }
    let [(_, a), (b, end)] = match checked_ranges(sig.byte_range.as_deref(), bytes.len()) {
        Ok(r) => r,
        Err(p) => return Coverage::unclear(p),
    };
    if sig.contents_span != Some((a, b)) {
        return Coverage::unclear(CoverageProblem::GapNotContents);
    }
    if sig.contents.is_empty() {
        return Coverage::unclear(CoverageProblem::ContentsEmpty);
    }
    if sig.contents.iter().all(|&x| x == 0) {
        return Coverage::unclear(CoverageProblem::ContentsZeroed);
    }
    let at_revision = revisions.iter().find(|r| ends_revision(bytes, end, r.end));
    if end == bytes.len() {
        return Coverage {
            grade: CoverageGrade::EntireFile,
            problem: None,
            signed_len: Some(end),
            revision: at_revision.or(revisions.last()).map(|r| r.index),
        };
    }
    match at_revision {
        Some(r) => Coverage {
            grade: CoverageGrade::EntireRevision,
            problem: None,
            signed_len: Some(end),
            revision: Some(r.index),
        },
        None => Coverage {
            grade: CoverageGrade::Partial,
            problem: Some(CoverageProblem::EndsMidRevision),
            signed_len: Some(end),
            revision: None,
        },
    }
}

/// True when a signed prefix of length `end` ends the revision whose boundary is
/// `rev_end`: exactly at it, or just after the `%%EOF` with the end-of-line left out.
fn ends_revision(bytes: &[u8], end: usize, rev_end: usize) -> bool {
    if end == rev_end {
        return true;
    }
    end < rev_end
        && rev_end - end <= 2
        && end >= 5
        && bytes.get(end - 5..end) == Some(b"%%EOF")
        && bytes
            .get(end..rev_end)
            .is_some_and(|t| t.iter().all(|&c| c == b'\r' || c == b'\n'))
}

/// The signed revision as a file of its own (`bytes[..b + c]`), when the signature
/// covers a whole revision: what the signer saw, offered to the user as "tải bản đã ký".
pub fn signed_revision_bytes<'a>(bytes: &'a [u8], cov: &Coverage) -> Option<&'a [u8]> {
    match cov.grade {
        CoverageGrade::EntireFile | CoverageGrade::EntireRevision => bytes.get(..cov.signed_len?),
        CoverageGrade::Partial | CoverageGrade::Unclear => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_shapes() {
        use CoverageProblem::*;
        let f = |v: &[i64]| checked_ranges(Some(v), 100);
        assert_eq!(f(&[0, 10, 20, 80]), Ok([(0, 10), (20, 100)]));
        assert_eq!(f(&[0, 10, 20]), Err(ByteRangeWrongLength));
        assert_eq!(f(&[0, 10, 20, 30, 40, 50]), Err(ByteRangeWrongLength));
        assert_eq!(f(&[0, -1, 20, 30]), Err(ByteRangeNegative));
        assert_eq!(f(&[1, 10, 20, 30]), Err(ByteRangeNotFromStart));
        assert_eq!(f(&[0, 20, 20, 30]), Err(ByteRangeOverlap));
        assert_eq!(f(&[0, 30, 20, 30]), Err(ByteRangeOverlap));
        assert_eq!(f(&[0, 10, 20, 81]), Err(ByteRangeBeyondFile));
        assert!(matches!(
            f(&[0, 10, 20, i64::MAX]),
            Err(ByteRangeOverflow | ByteRangeBeyondFile)
        ));
        assert_eq!(checked_ranges(None, 1), Err(ByteRangeMissing));
    }

    #[test]
    fn revision_end_tolerates_left_out_eol() {
        let b = b"...%%EOF\r\nmore";
        assert!(ends_revision(b, 10, 10));
        assert!(ends_revision(b, 8, 10));
        assert!(!ends_revision(b, 7, 10));
        assert!(!ends_revision(b, 11, 10));
    }
}
