//! A minimal, allocation-free walker over DER/BER type-length-value items.
//!
//! The typed decoders (`der`, `x509-cert`, `cms`) turn bytes into structures, but a
//! signature is computed over the bytes *as they appear in the file*. Re-encoding a
//! decoded structure only reproduces them for signers that wrote perfect DER, so the
//! places that feed a signature check (the TBSCertificate, a CRL's TBSCertList, CMS
//! signed attributes) take their bytes from this walker instead.

use core::fmt;

/// One item: its identifier octets, its content and the whole encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tlv<'a> {
    /// The first identifier octet (class, constructed bit and low tag number). Items
    /// with a high tag number (tag ≥ 31) keep 0x1F | class bits here.
    pub tag: u8,
    /// The content octets. For an indefinite-length item, the content without the
    /// end-of-contents octets.
    pub value: &'a [u8],
    /// Identifier, length and content (and end-of-contents, if indefinite).
    pub raw: &'a [u8],
}

/// Why a TLV could not be read; `offset` counts from the start of the slice given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Asn1Error {
    pub kind: Asn1ErrorKind,
    pub offset: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asn1ErrorKind {
    /// The input ended inside an item.
    Truncated,
    /// A length field longer than 8 bytes or one that does not fit in memory.
    BadLength,
    /// An unexpected tag where a specific one was required.
    UnexpectedTag { expected: u8, found: u8 },
    /// Bytes left over after the item that should have been the last.
    TrailingData,
    /// Indefinite lengths nested deeper than we are willing to follow.
    TooDeep,
}

impl fmt::Display for Asn1Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} at byte {}", self.kind, self.offset)
    }
}

/// SEQUENCE, constructed.
pub const SEQUENCE: u8 = 0x30;
/// SET, constructed.
pub const SET: u8 = 0x31;

/// Indefinite lengths are BER only; nesting beyond this is treated as hostile.
const MAX_INDEFINITE_DEPTH: usize = 64;

/// Reads one item from the start of `input`, returning it and the rest.
pub fn read(input: &[u8]) -> Result<(Tlv<'_>, &[u8]), Asn1Error> {
    read_at(input, 0, 0)
}

fn err(kind: Asn1ErrorKind, offset: usize) -> Asn1Error {
    Asn1Error { kind, offset }
}

fn read_at(input: &[u8], base: usize, depth: usize) -> Result<(Tlv<'_>, &[u8]), Asn1Error> {
    let truncated = |at: usize| err(Asn1ErrorKind::Truncated, base + at);
    let tag = *input.first().ok_or_else(|| truncated(0))?;
    let mut pos = 1;
    if tag & 0x1F == 0x1F {
        // High tag number: base-128 continuation octets.
        loop {
            let b = *input.get(pos).ok_or_else(|| truncated(pos))?;
            pos += 1;
            if b & 0x80 == 0 {
                break;
            }
            if pos > 6 {
                return Err(err(Asn1ErrorKind::BadLength, base + pos));
            }
        }
    }
    let first_len = *input.get(pos).ok_or_else(|| truncated(pos))?;
    pos += 1;
    if first_len == 0x80 {
        // Indefinite length (BER): the content is a series of items ending in 00 00.
        if tag & 0x20 == 0 {
            return Err(err(Asn1ErrorKind::BadLength, base + pos - 1));
        }
        if depth >= MAX_INDEFINITE_DEPTH {
            return Err(err(Asn1ErrorKind::TooDeep, base + pos));
        }
        let start = pos;
        loop {
            let rest = input.get(pos..).ok_or_else(|| truncated(pos))?;
            if rest.starts_with(&[0, 0]) {
                let value = input.get(start..pos).ok_or_else(|| truncated(pos))?;
                let end = pos + 2;
                let raw = input.get(..end).ok_or_else(|| truncated(end))?;
                let tail = input.get(end..).ok_or_else(|| truncated(end))?;
                return Ok((Tlv { tag, value, raw }, tail));
            }
            let (inner, _) = read_at(rest, base + pos, depth + 1)?;
            pos += inner.raw.len();
        }
    }
    let len = if first_len & 0x80 == 0 {
        usize::from(first_len)
    } else {
        let n = usize::from(first_len & 0x7F);
        if n > 8 {
            return Err(err(Asn1ErrorKind::BadLength, base + pos - 1));
        }
        let mut len: u64 = 0;
        for _ in 0..n {
            let b = *input.get(pos).ok_or_else(|| truncated(pos))?;
            pos += 1;
            len = (len << 8) | u64::from(b);
        }
        usize::try_from(len).map_err(|_| err(Asn1ErrorKind::BadLength, base + pos))?
    };
    let end = pos
        .checked_add(len)
        .ok_or_else(|| err(Asn1ErrorKind::BadLength, base + pos))?;
    if end > input.len() {
        return Err(truncated(input.len()));
    }
    let value = input.get(pos..end).ok_or_else(|| truncated(end))?;
    let raw = input.get(..end).ok_or_else(|| truncated(end))?;
    let tail = input.get(end..).ok_or_else(|| truncated(end))?;
    Ok((Tlv { tag, value, raw }, tail))
}

/// Reads one item that must carry `tag`.
pub fn expect(input: &[u8], tag: u8) -> Result<(Tlv<'_>, &[u8]), Asn1Error> {
    let (tlv, rest) = read(input)?;
    if tlv.tag != tag {
        return Err(err(
            Asn1ErrorKind::UnexpectedTag {
                expected: tag,
                found: tlv.tag,
            },
            0,
        ));
    }
    Ok((tlv, rest))
}

/// Reads exactly one item: the whole of `input`, nothing after it.
pub fn exactly_one(input: &[u8], tag: u8) -> Result<Tlv<'_>, Asn1Error> {
    let (tlv, rest) = expect(input, tag)?;
    if !rest.is_empty() {
        return Err(err(Asn1ErrorKind::TrailingData, tlv.raw.len()));
    }
    Ok(tlv)
}

/// Iterates over the items inside a constructed value.
pub fn children(value: &[u8]) -> Children<'_> {
    Children { rest: value }
}

pub struct Children<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Children<'a> {
    type Item = Result<Tlv<'a>, Asn1Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        match read(self.rest) {
            Ok((tlv, rest)) => {
                self.rest = rest;
                Some(Ok(tlv))
            }
            Err(e) => {
                self.rest = &[];
                Some(Err(e))
            }
        }
    }
}

/// Splits a signed structure (`SEQUENCE { tbs, algorithm, BIT STRING }`, the shape of
/// certificates, CRLs and OCSP responses) into the raw to-be-signed bytes, the raw
/// algorithm identifier and the signature bits.
pub fn split_signed(der: &[u8]) -> Result<SignedParts<'_>, Asn1Error> {
    let outer = exactly_one(der, SEQUENCE)?;
    let mut items = children(outer.value);
    let missing = || err(Asn1ErrorKind::Truncated, der.len());
    let tbs = items.next().ok_or_else(missing)??;
    let alg = items.next().ok_or_else(missing)??;
    let sig = items.next().ok_or_else(missing)??;
    if sig.tag != 0x03 {
        return Err(err(
            Asn1ErrorKind::UnexpectedTag {
                expected: 0x03,
                found: sig.tag,
            },
            0,
        ));
    }
    if items.next().is_some() {
        return Err(err(Asn1ErrorKind::TrailingData, outer.raw.len()));
    }
    // BIT STRING: first content octet counts unused bits; signatures use whole octets.
    let (unused, bits) = sig
        .value
        .split_first()
        .ok_or_else(|| err(Asn1ErrorKind::Truncated, 0))?;
    if *unused != 0 {
        return Err(err(Asn1ErrorKind::BadLength, 0));
    }
    Ok(SignedParts {
        tbs: tbs.raw,
        algorithm: alg.raw,
        signature: bits,
    })
}

/// The three parts of a signed structure, borrowed from the original bytes.
#[derive(Clone, Copy, Debug)]
pub struct SignedParts<'a> {
    pub tbs: &'a [u8],
    pub algorithm: &'a [u8],
    pub signature: &'a [u8],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_short_and_long_lengths() {
        let (t, rest) = read(&[0x04, 0x02, 0xAA, 0xBB, 0xFF]).unwrap();
        assert_eq!(t.value, &[0xAA, 0xBB]);
        assert_eq!(rest, &[0xFF]);
        let mut long = vec![0x04, 0x81, 0x80];
        long.extend(std::iter::repeat_n(7u8, 0x80));
        let (t, rest) = read(&long).unwrap();
        assert_eq!(t.value.len(), 0x80);
        assert!(rest.is_empty());
    }

    #[test]
    fn reads_indefinite_lengths() {
        let ber = [0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00, 0x01];
        let (t, rest) = read(&ber).unwrap();
        assert_eq!(t.value, &[0x02, 0x01, 0x05]);
        assert_eq!(t.raw.len(), 7);
        assert_eq!(rest, &[0x01]);
    }

    #[test]
    fn refuses_bad_input_without_panicking() {
        for bad in [
            &[][..],
            &[0x30],
            &[0x30, 0x05, 0x00],
            &[0x30, 0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9],
            &[0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF],
            &[0x04, 0x80, 0x00, 0x00],
            &[0x30, 0x80, 0x30, 0x80],
            &[0x1F, 0x81, 0x81, 0x81, 0x81, 0x81, 0x81, 0x01],
        ] {
            assert!(read(bad).is_err(), "{bad:?}");
        }
        let deep: Vec<u8> = std::iter::repeat_n([0x30u8, 0x80], 200).flatten().collect();
        assert_eq!(read(&deep).unwrap_err().kind, Asn1ErrorKind::TooDeep);
    }

    #[test]
    fn splits_signed_structures() {
        // SEQUENCE { SEQUENCE{INTEGER 1}, SEQUENCE{}, BIT STRING 00 AB }
        let der = [
            0x30, 0x0C, 0x30, 0x03, 0x02, 0x01, 0x01, 0x30, 0x00, 0x03, 0x02, 0x00, 0xAB, 0x00,
        ];
        assert!(
            split_signed(&der).is_err(),
            "trailing byte after the outer sequence"
        );
        let parts = split_signed(&der[..13]).unwrap_err();
        assert_eq!(parts.kind, Asn1ErrorKind::Truncated);
        let good = [
            0x30, 0x0B, 0x30, 0x03, 0x02, 0x01, 0x01, 0x30, 0x00, 0x03, 0x02, 0x00, 0xAB,
        ];
        let p = split_signed(&good).unwrap();
        assert_eq!(p.tbs, &[0x30, 0x03, 0x02, 0x01, 0x01]);
        assert_eq!(p.signature, &[0xAB]);
    }
}
