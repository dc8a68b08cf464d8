//! A minimal ZIP container: writing (DOCX, batches of letters) and reading (XLSX).
//!
//! Writing: one local header per file, then the central directory; DEFLATE through
//! `miniz_oxide` (or STORE when that does not help); UTF-8 names (flag bit 11); a
//! fixed timestamp (01/01/1980) so the same letter gives the same bytes. Reading:
//! the end-of-central-directory record, the directory, each entry's data; no ZIP64,
//! no encryption; every size is bounded so a "zip bomb" is refused, not inflated.

use serde::Serialize;

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), table-driven.
pub fn crc32(data: &[u8]) -> u32 {
    // Built at compile time; the indices are bounded by the loops.
    #[allow(clippy::indexing_slicing)]
    const TABLE: [u32; 256] = {
        let mut t = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            t[i] = c;
            i += 1;
        }
        t
    };
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        let idx = usize::from((crc as u8) ^ b);
        crc = TABLE.get(idx).copied().unwrap_or(0) ^ (crc >> 8);
    }
    !crc
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// DOS date 1980-01-01, time 00:00.
const DOS_DATE: u16 = 0x0021;
const DOS_TIME: u16 = 0;
const FLAG_UTF8: u16 = 0x0800;

/// Zips `files` (name, bytes) into one archive. Names are used as given (use `/`).
/// Entries larger than 4 GiB are not supported (no ZIP64): letters are kilobytes.
/// The bytes may be text: the Office packages' parts are XML `String`s.
pub fn zip_files<D: AsRef<[u8]>>(files: &[(String, D)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let mut count: u16 = 0;
    for (name, data) in files {
        let data = data.as_ref();
        let crc = crc32(data);
        let deflated = miniz_oxide::deflate::compress_to_vec(data, 6);
        let (method, body): (u16, &[u8]) = if deflated.len() < data.len() {
            (8, &deflated)
        } else {
            (0, data)
        };
        let offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
        let name_b = name.as_bytes();
        let name_len = u16::try_from(name_b.len()).unwrap_or(u16::MAX);
        let name_b = name_b.get(..usize::from(name_len)).unwrap_or(name_b);
        let csize = u32::try_from(body.len()).unwrap_or(u32::MAX);
        let usize_ = u32::try_from(data.len()).unwrap_or(u32::MAX);
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, 20);
        u16le(&mut out, FLAG_UTF8);
        u16le(&mut out, method);
        u16le(&mut out, DOS_TIME);
        u16le(&mut out, DOS_DATE);
        u32le(&mut out, crc);
        u32le(&mut out, csize);
        u32le(&mut out, usize_);
        u16le(&mut out, name_len);
        u16le(&mut out, 0);
        out.extend_from_slice(name_b);
        out.extend_from_slice(body);
        // Central directory entry.
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20);
        u16le(&mut central, 20);
        u16le(&mut central, FLAG_UTF8);
        u16le(&mut central, method);
        u16le(&mut central, DOS_TIME);
        u16le(&mut central, DOS_DATE);
        u32le(&mut central, crc);
        u32le(&mut central, csize);
        u32le(&mut central, usize_);
        u16le(&mut central, name_len);
        u16le(&mut central, 0); // extra
        u16le(&mut central, 0); // comment
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name_b);
        count = count.saturating_add(1);
    }
    let cd_offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
    let cd_size = u32::try_from(central.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, count);
    u16le(&mut out, count);
    u32le(&mut out, cd_size);
    u32le(&mut out, cd_offset);
    u16le(&mut out, 0);
    out
}

/// Why an archive could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ZipError {
    /// No end-of-central-directory record: not a ZIP file (or cut short).
    NotZip,
    /// A header or entry points outside the file.
    Corrupt,
    /// ZIP64, encryption or a compression other than STORE/DEFLATE.
    Unsupported,
    /// An entry inflates beyond the limit.
    TooLarge,
    /// The data does not inflate or its CRC does not match.
    BadData,
}

/// One entry of an archive being read.
#[derive(Clone, Debug)]
pub struct Entry {
    pub name: String,
    method: u16,
    crc: u32,
    compressed: usize,
    uncompressed: usize,
    local_offset: usize,
}

/// The directory of an archive held in memory.
pub struct Archive<'a> {
    data: &'a [u8],
    pub entries: Vec<Entry>,
}

fn rd16(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        d.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}
fn rd32(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        d.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// At most this many entries (an XLSX has a dozen).
pub const MAX_ENTRIES: usize = 10_000;

impl<'a> Archive<'a> {
    pub fn open(data: &'a [u8]) -> Result<Archive<'a>, ZipError> {
        if data.len() < 22 {
            return Err(ZipError::NotZip);
        }
        // The EOCD is within the last 22 + 65535 bytes.
        let lowest = data.len().saturating_sub(22 + 0xFFFF);
        let mut eocd = None;
        let mut i = data.len() - 22;
        loop {
            if rd32(data, i) == Some(0x0605_4b50) {
                eocd = Some(i);
                break;
            }
            if i == lowest {
                break;
            }
            i -= 1;
        }
        let eocd = eocd.ok_or(ZipError::NotZip)?;
        let count = usize::from(rd16(data, eocd + 10).ok_or(ZipError::Corrupt)?);
        let cd_size = rd32(data, eocd + 12).ok_or(ZipError::Corrupt)? as usize;
        let cd_offset = rd32(data, eocd + 16).ok_or(ZipError::Corrupt)? as usize;
        if count == 0xFFFF || cd_offset == 0xFFFF_FFFF {
            return Err(ZipError::Unsupported);
        }
        if count > MAX_ENTRIES {
            return Err(ZipError::TooLarge);
        }
        if cd_offset
            .checked_add(cd_size)
            .is_none_or(|end| end > data.len())
        {
            return Err(ZipError::Corrupt);
        }
        let mut entries = Vec::with_capacity(count);
        let mut p = cd_offset;
        for _ in 0..count {
            if rd32(data, p) != Some(0x0201_4b50) {
                return Err(ZipError::Corrupt);
            }
            let flags = rd16(data, p + 8).ok_or(ZipError::Corrupt)?;
            let method = rd16(data, p + 10).ok_or(ZipError::Corrupt)?;
            let crc = rd32(data, p + 16).ok_or(ZipError::Corrupt)?;
            let compressed = rd32(data, p + 20).ok_or(ZipError::Corrupt)? as usize;
            let uncompressed = rd32(data, p + 24).ok_or(ZipError::Corrupt)? as usize;
            let name_len = usize::from(rd16(data, p + 28).ok_or(ZipError::Corrupt)?);
            let extra_len = usize::from(rd16(data, p + 30).ok_or(ZipError::Corrupt)?);
            let comment_len = usize::from(rd16(data, p + 32).ok_or(ZipError::Corrupt)?);
            let local_offset = rd32(data, p + 42).ok_or(ZipError::Corrupt)? as usize;
            let name = data
                .get(p + 46..p + 46 + name_len)
                .ok_or(ZipError::Corrupt)?;
            if flags & 1 != 0 {
                return Err(ZipError::Unsupported);
            }
            entries.push(Entry {
                name: String::from_utf8_lossy(name).replace('\\', "/"),
                method,
                crc,
                compressed,
                uncompressed,
                local_offset,
            });
            p += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive { data, entries })
    }

    pub fn find(&self, name: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.name.trim_start_matches('/').eq_ignore_ascii_case(name))
    }

    /// The bytes of `entry`, at most `limit` of them.
    pub fn read(&self, entry: &Entry, limit: usize) -> Result<Vec<u8>, ZipError> {
        if entry.uncompressed > limit {
            return Err(ZipError::TooLarge);
        }
        let lo = entry.local_offset;
        if rd32(self.data, lo) != Some(0x0403_4b50) {
            return Err(ZipError::Corrupt);
        }
        let name_len = usize::from(rd16(self.data, lo + 26).ok_or(ZipError::Corrupt)?);
        let extra_len = usize::from(rd16(self.data, lo + 28).ok_or(ZipError::Corrupt)?);
        let start = lo + 30 + name_len + extra_len;
        let body = self
            .data
            .get(
                start
                    ..start
                        .checked_add(entry.compressed)
                        .ok_or(ZipError::Corrupt)?,
            )
            .ok_or(ZipError::Corrupt)?;
        let out = match entry.method {
            0 => body.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(body, limit).map_err(|e| {
                if matches!(e.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
                    ZipError::TooLarge
                } else {
                    ZipError::BadData
                }
            })?,
            _ => return Err(ZipError::Unsupported),
        };
        if crc32(&out) != entry.crc {
            return Err(ZipError::BadData);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_known_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn round_trip() {
        let big = "Nguyễn Văn Thử ".repeat(200).into_bytes();
        let files = vec![
            ("a.txt".to_string(), b"hello".to_vec()),
            ("thư mục/b.xml".to_string(), big.clone()),
        ];
        let z = zip_files(&files);
        let a = Archive::open(&z).unwrap();
        assert_eq!(a.entries.len(), 2);
        let e = a.find("thư mục/b.xml").unwrap();
        assert_eq!(a.read(e, 1 << 20).unwrap(), big);
        assert_eq!(a.read(e, 10), Err(ZipError::TooLarge));
        let e = a.find("a.txt").unwrap();
        assert_eq!(a.read(e, 100).unwrap(), b"hello");
        assert!(matches!(
            Archive::open(b"not a zip at all, not at all"),
            Err(ZipError::NotZip)
        ));
        // Truncated: the directory points past the end.
        let cut = &z[..z.len() / 2];
        assert!(Archive::open(cut).is_err());
    }
}
