//! Stream decoding, limited to what the structure of a signed PDF needs: FlateDecode
//! (with PNG and TIFF predictors) for cross-reference and object streams and for the
//! DSS's certificates, CRLs and OCSP responses; ASCIIHexDecode because it is trivial.
//!
//! Page content is never decoded: changes are found by comparing raw bytes, which is
//! both cheaper and stricter.
//!
//! A few hundred bytes of Flate can expand to gigabytes; every decode is capped per
//! stream and against a budget shared by the whole document.

use core::cell::Cell;

use miniz_oxide::inflate::{self, TINFLStatus};

use super::object::{Dict, Object};

/// No structural stream of an honest document comes near this.
pub const MAX_STREAM_DECODED: usize = 64 * 1024 * 1024;
/// All decoding done while opening one document together.
pub const MAX_TOTAL_DECODED: usize = 256 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DecodeError {
    Unsupported,
    Corrupt,
    TooLarge,
    BadPredictor,
}

/// The decompression allowance left for this document.
pub(crate) struct Budget {
    remaining: Cell<usize>,
}

impl Budget {
    pub fn new(total: usize) -> Self {
        Budget {
            remaining: Cell::new(total),
        }
    }

    fn take(&self, n: usize) -> Result<(), DecodeError> {
        let left = self.remaining.get();
        if n > left {
            self.remaining.set(0);
            return Err(DecodeError::TooLarge);
        }
        self.remaining.set(left - n);
        Ok(())
    }

    fn limit(&self) -> usize {
        self.remaining.get().min(MAX_STREAM_DECODED)
    }
}

/// Decodes the raw data of a stream whose dictionary is `dict`.
pub(crate) fn decode(raw: &[u8], dict: &Dict, budget: &Budget) -> Result<Vec<u8>, DecodeError> {
    let filters: Vec<&[u8]> = match dict.get(b"Filter") {
        None | Some(Object::Null) => Vec::new(),
        Some(Object::Name(n)) => vec![n.as_slice()],
        Some(Object::Array(a)) => a
            .iter()
            .map(|o| o.as_name().ok_or(DecodeError::Unsupported))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(DecodeError::Unsupported),
    };
    let parms: Vec<Option<&Dict>> = match dict.get(b"DecodeParms").or(dict.get(b"DP")) {
        Some(Object::Dict(d)) => vec![Some(d)],
        Some(Object::Array(a)) => a.iter().map(|o| o.as_dict()).collect(),
        _ => Vec::new(),
    };
    if filters.len() > 8 {
        return Err(DecodeError::Unsupported);
    }
    let mut data: Option<Vec<u8>> = None;
    for (i, f) in filters.iter().enumerate() {
        let input = data.as_deref().unwrap_or(raw);
        let out = match *f {
            b"FlateDecode" | b"Fl" => {
                let inflated = inflate(input, budget)?;
                match parms.get(i).copied().flatten() {
                    Some(p) => unpredict(inflated, p)?,
                    None => inflated,
                }
            }
            b"ASCIIHexDecode" | b"AHx" => ascii_hex(input, budget)?,
            // The crypt filter (§7.4.10): the reader decrypted the data already.
            b"Crypt" => {
                budget.take(input.len())?;
                input.to_vec()
            }
            _ => return Err(DecodeError::Unsupported),
        };
        data = Some(out);
    }
    match data {
        Some(d) => Ok(d),
        None => {
            budget.take(raw.len())?;
            if raw.len() > MAX_STREAM_DECODED {
                return Err(DecodeError::TooLarge);
            }
            Ok(raw.to_vec())
        }
    }
}

fn inflate(input: &[u8], budget: &Budget) -> Result<Vec<u8>, DecodeError> {
    let limit = budget.limit();
    let result = inflate::decompress_to_vec_zlib_with_limit(input, limit).or_else(|e| {
        if e.status == TINFLStatus::HasMoreOutput || e.status == TINFLStatus::Adler32Mismatch {
            Err(e)
        } else {
            // Some writers omit the zlib header: try raw deflate.
            inflate::decompress_to_vec_with_limit(input, limit).map_err(|_| e)
        }
    });
    let out = match result {
        Ok(v) => v,
        // A wrong checksum over complete data is common in the wild and harmless for
        // structure; the data is what the viewer displays too.
        Err(e) if e.status == TINFLStatus::Adler32Mismatch => e.output,
        Err(e) if e.status == TINFLStatus::HasMoreOutput => return Err(DecodeError::TooLarge),
        Err(_) => return Err(DecodeError::Corrupt),
    };
    budget.take(out.len())?;
    Ok(out)
}

fn ascii_hex(input: &[u8], budget: &Budget) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::with_capacity(input.len() / 2);
    let mut high = None;
    for &c in input {
        if c == b'>' {
            break;
        }
        if super::lexer::is_whitespace(c) {
            continue;
        }
        let v = super::lexer::hex_val(c).ok_or(DecodeError::Corrupt)?;
        match high.take() {
            Some(h) => out.push(h << 4 | v),
            None => high = Some(v),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    budget.take(out.len())?;
    Ok(out)
}

fn parm(p: &Dict, key: &[u8], default: i64) -> i64 {
    p.int(key).unwrap_or(default)
}

/// Undoes a PNG (10–15) or TIFF (2) predictor (ISO 32000-1 §7.4.4.4).
fn unpredict(data: Vec<u8>, p: &Dict) -> Result<Vec<u8>, DecodeError> {
    let predictor = parm(p, b"Predictor", 1);
    if predictor <= 1 || data.is_empty() {
        return Ok(data);
    }
    let colors = parm(p, b"Colors", 1);
    let bpc = parm(p, b"BitsPerComponent", 8);
    let columns = parm(p, b"Columns", 1);
    if !(1..=32).contains(&colors)
        || ![1, 2, 4, 8, 16].contains(&bpc)
        || !(1..=1 << 24).contains(&columns)
    {
        return Err(DecodeError::BadPredictor);
    }
    // colors ≤ 32 and bpc ≤ 16: at most 512 bits per pixel. The row length is
    // computed with checked arithmetic (usize is 32 bits in the browser) and a row
    // longer than the data is refused before anything is allocated for it.
    let bits_per_pixel = usize::try_from(colors * bpc).map_err(|_| DecodeError::BadPredictor)?;
    let bpp = bits_per_pixel.div_ceil(8).max(1);
    let row = usize::try_from(columns)
        .ok()
        .and_then(|c| c.checked_mul(bits_per_pixel))
        .map(|bits| bits.div_ceil(8))
        .filter(|&r| r > 0 && r <= data.len())
        .ok_or(DecodeError::BadPredictor)?;
    if predictor == 2 {
        if bpc != 8 {
            return Err(DecodeError::BadPredictor);
        }
        let mut out = data;
        for line in out.chunks_mut(row) {
            for i in bpp..line.len() {
                let left = line.get(i - bpp).copied().unwrap_or(0);
                if let Some(b) = line.get_mut(i) {
                    *b = b.wrapping_add(left);
                }
            }
        }
        return Ok(out);
    }
    if !(10..=15).contains(&predictor) {
        return Err(DecodeError::BadPredictor);
    }
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; row];
    let mut cur = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let Some((&kind, body)) = chunk.split_first() else {
            break;
        };
        cur.iter_mut().for_each(|b| *b = 0);
        for (d, s) in cur.iter_mut().zip(body) {
            *d = *s;
        }
        for i in 0..row {
            let a = if i >= bpp {
                cur.get(i - bpp).copied().unwrap_or(0)
            } else {
                0
            };
            let b = prev.get(i).copied().unwrap_or(0);
            let c = if i >= bpp {
                prev.get(i - bpp).copied().unwrap_or(0)
            } else {
                0
            };
            let x = cur.get(i).copied().unwrap_or(0);
            let v = match kind {
                0 => x,
                1 => x.wrapping_add(a),
                2 => x.wrapping_add(b),
                3 => x.wrapping_add(((u16::from(a) + u16::from(b)) / 2) as u8),
                4 => x.wrapping_add(paeth(a, b, c)),
                _ => return Err(DecodeError::BadPredictor),
            };
            if let Some(slot) = cur.get_mut(i) {
                *slot = v;
            }
        }
        out.extend_from_slice(cur.get(..body.len().min(row)).unwrap_or_default());
        core::mem::swap(&mut prev, &mut cur);
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let pa = (p - i16::from(a)).abs();
    let pb = (p - i16::from(b)).abs();
    let pc = (p - i16::from(c)).abs();
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::pdf::object::Dict;

    pub(crate) fn zlib(data: &[u8]) -> Vec<u8> {
        miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
    }

    fn flate_dict() -> Dict {
        Dict::from_entries(vec![(b"Filter", Object::Name(b"FlateDecode".to_vec()))])
    }

    #[test]
    fn flate_round_trip() {
        let b = Budget::new(MAX_TOTAL_DECODED);
        let z = zlib(b"hello hello hello");
        assert_eq!(decode(&z, &flate_dict(), &b).unwrap(), b"hello hello hello");
        assert_eq!(decode(b"xx", &flate_dict(), &b), Err(DecodeError::Corrupt));
    }

    #[test]
    fn flate_bomb_is_capped() {
        // 200 MiB of zeros compress to about 200 KB.
        let z = zlib(&vec![0u8; 200 * 1024 * 1024]);
        let b = Budget::new(MAX_TOTAL_DECODED);
        let t = std::time::Instant::now();
        assert_eq!(decode(&z, &flate_dict(), &b), Err(DecodeError::TooLarge));
        assert!(t.elapsed() < crate::pdf::tests::HANG_GUARD);
        // The shared budget also stops many medium bombs.
        let z = zlib(&vec![0u8; 40 * 1024 * 1024]);
        let b = Budget::new(MAX_TOTAL_DECODED);
        let results: Vec<_> = (0..8).map(|_| decode(&z, &flate_dict(), &b)).collect();
        assert!(results.iter().filter(|r| r.is_ok()).count() <= 6);
        assert!(results.contains(&Err(DecodeError::TooLarge)));
    }

    #[test]
    fn png_up_predictor() {
        // Two rows of 3 columns, "Up" filter: second row adds the first.
        let raw = [2u8, 1, 2, 3, 2, 1, 1, 1];
        let mut d = flate_dict();
        d.push(
            b"DecodeParms".to_vec(),
            Object::Dict(Dict::from_entries(vec![
                (b"Predictor", Object::Int(12)),
                (b"Columns", Object::Int(3)),
            ])),
        );
        let b = Budget::new(MAX_TOTAL_DECODED);
        assert_eq!(decode(&zlib(&raw), &d, &b).unwrap(), vec![1, 2, 3, 2, 3, 4]);
    }

    #[test]
    fn unsupported_filter() {
        let d = Dict::from_entries(vec![(b"Filter", Object::Name(b"LZWDecode".to_vec()))]);
        let b = Budget::new(MAX_TOTAL_DECODED);
        assert_eq!(decode(b"", &d, &b), Err(DecodeError::Unsupported));
    }
}
