//! Small readers over [`crate::asn1`] items shared by the CMS, TSTInfo and OCSP code:
//! OIDs, INTEGER and OCTET STRING contents (constructed BER strings included), times.

use const_oid::ObjectIdentifier;

use crate::asn1::{self, Tlv};
use crate::time::Instant;

pub(crate) const OID: u8 = 0x06;
pub(crate) const INTEGER: u8 = 0x02;
pub(crate) const OCTET_STRING: u8 = 0x04;
pub(crate) const UTC_TIME: u8 = 0x17;
pub(crate) const GENERALIZED_TIME: u8 = 0x18;

/// Constructed BER strings nested deeper than this are refused.
const MAX_STRING_DEPTH: usize = 8;

/// The OID in an `OBJECT IDENTIFIER` item.
pub(crate) fn oid(t: &Tlv<'_>) -> Option<ObjectIdentifier> {
    if t.tag != OID {
        return None;
    }
    ObjectIdentifier::from_bytes(t.value).ok()
}

/// The content octets of an OCTET STRING, primitive or (BER) constructed. `tag` lets
/// callers accept an implicitly tagged string (`[0] IMPLICIT OCTET STRING`): the
/// primitive form carries `tag`, the constructed form `tag | 0x20`.
pub(crate) fn octets_tagged(t: &Tlv<'_>, tag: u8) -> Option<Vec<u8>> {
    fn collect(t: &Tlv<'_>, tag: u8, depth: usize, out: &mut Vec<u8>) -> Option<()> {
        if t.tag == tag {
            out.extend_from_slice(t.value);
            return Some(());
        }
        if t.tag != (tag | 0x20) || depth >= MAX_STRING_DEPTH {
            return None;
        }
        for part in asn1::children(t.value) {
            // Segments of a constructed string are universal OCTET STRINGs.
            collect(&part.ok()?, OCTET_STRING, depth + 1, out)?;
        }
        Some(())
    }
    let mut out = Vec::new();
    collect(t, tag, 0, &mut out)?;
    Some(out)
}

pub(crate) fn octets(t: &Tlv<'_>) -> Option<Vec<u8>> {
    octets_tagged(t, OCTET_STRING)
}

/// INTEGER content without redundant leading zero octets (serial numbers compare
/// equal however they were padded).
pub(crate) fn integer_trimmed(content: &[u8]) -> &[u8] {
    let mut c = content;
    while let [0, rest @ ..] = c {
        if rest.is_empty() {
            break;
        }
        c = rest;
    }
    c
}

/// A small non-negative INTEGER.
pub(crate) fn small_integer(t: &Tlv<'_>) -> Option<u64> {
    if t.tag != INTEGER || t.value.is_empty() || t.value.len() > 8 {
        return None;
    }
    if t.value.first().is_some_and(|b| b & 0x80 != 0) {
        return None;
    }
    Some(
        t.value
            .iter()
            .fold(0u64, |acc, b| (acc << 8) | u64::from(*b)),
    )
}

/// UTCTime or GeneralizedTime (fractional seconds allowed and ignored, `Z` required).
pub(crate) fn time(t: &Tlv<'_>) -> Option<Instant> {
    let s = core::str::from_utf8(t.value).ok()?;
    let (year, rest) = match t.tag {
        UTC_TIME => {
            let yy: i64 = digits(s.get(0..2)?)?;
            // RFC 5280 §4.1.2.5.1: 50..99 → 19xx, 00..49 → 20xx.
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, s.get(2..)?)
        }
        GENERALIZED_TIME => (digits(s.get(0..4)?)?, s.get(4..)?),
        _ => return None,
    };
    let month = digits(rest.get(0..2)?)?;
    let day = digits(rest.get(2..4)?)?;
    let hour = digits(rest.get(4..6)?)?;
    let minute = digits(rest.get(6..8)?)?;
    let mut tail = rest.get(8..)?;
    let mut second = 0;
    if tail.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        second = digits(tail.get(0..2)?)?;
        tail = tail.get(2..)?;
    }
    if let Some(frac) = tail.strip_prefix('.').or_else(|| tail.strip_prefix(',')) {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        tail = frac.get(n..)?;
    }
    if tail != "Z" {
        return None;
    }
    Instant::from_civil(
        year,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
        u32::try_from(hour).ok()?,
        u32::try_from(minute).ok()?,
        u32::try_from(second).ok()?,
    )
}

fn digits(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The items of a constructed value, or `None` if any is malformed.
pub(crate) fn items<'a>(value: &'a [u8]) -> Option<Vec<Tlv<'a>>> {
    asn1::children(value).collect::<Result<Vec<_>, _>>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        let g = Tlv {
            tag: GENERALIZED_TIME,
            value: b"20240131120000.123Z",
            raw: b"",
        };
        assert_eq!(time(&g), Instant::parse_rfc3339("2024-01-31T12:00:00Z"));
        let u = Tlv {
            tag: UTC_TIME,
            value: b"990101000000Z",
            raw: b"",
        };
        assert_eq!(time(&u), Instant::parse_rfc3339("1999-01-01T00:00:00Z"));
        let bad = Tlv {
            tag: GENERALIZED_TIME,
            value: b"20240131120000+0700",
            raw: b"",
        };
        assert_eq!(time(&bad), None);
    }

    #[test]
    fn constructed_octets() {
        // 24 80 | 04 02 AA BB | 04 01 CC | 00 00
        let ber = [0x24, 0x80, 0x04, 0x02, 0xAA, 0xBB, 0x04, 0x01, 0xCC, 0, 0];
        let (t, _) = asn1::read(&ber).unwrap();
        assert_eq!(octets(&t).unwrap(), vec![0xAA, 0xBB, 0xCC]);
        assert_eq!(integer_trimmed(&[0, 0, 5]), &[5]);
        assert_eq!(integer_trimmed(&[0]), &[0]);
    }
}
