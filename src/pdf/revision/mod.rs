//! Revisions: the original document and each incremental update appended to it
//! (ISO 32000-1 §7.5.6), with the object map each one defines.
//!
//! A signature covers the file up to the end of one revision; whatever comes after
//! was added later. So the reader keeps every revision apart — its end offset, its
//! trailer and which object number resolves where — instead of merging them into the
//! "current" document as a viewer does.
//!
//! Each revision stores only the entries its own cross-reference sections define, on
//! top of the revision its `/Prev` chain reaches; lookups walk down the layers. That
//! keeps memory linear in the file even with many updates.

use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde::Serialize;

use super::PdfError;
use super::crypt::{self, CryptError, Decryptor, Encryption};
use super::filter::{self, Budget, MAX_TOTAL_DECODED};
use super::lexer::{self, Lexer, Token};
use super::object::{self, Dict, ObjRef, Object, Parser, StreamContext};
use super::xref::{self, Section, SectionKind, XrefEntry};

mod encryption;
mod objects;

/// Following more `/Prev` links than this means a loop or a hostile file.
pub const MAX_PREV_CHAIN: usize = 1024;
/// More incremental updates than this are refused as hostile.
pub const MAX_REVISIONS: usize = 4096;
/// Object streams with more objects than this are refused.
pub const MAX_OBJSTM_OBJECTS: usize = 1_000_000;

/// One revision of the document, in file order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Revision {
    /// 0-based; 0 is the original document.
    pub index: usize,
    /// Exclusive end offset: just after its `%%EOF` and the end-of-line that follows.
    pub end: usize,
    pub xref: XrefKind,
    /// The cross-reference of this revision was broken and its object map was rebuilt
    /// by scanning for `n g obj`. What it says is a best guess.
    pub reconstructed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum XrefKind {
    Table,
    Stream,
    /// A table with an `/XRefStm` (§7.5.8.4).
    Hybrid,
    Reconstructed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Loc {
    Offset(usize),
    Compressed { stream: u32, index: u32 },
}

/// Where an object's bytes really are: two revisions mapping an object to the same
/// `Phys` see the same object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Phys {
    Offset(usize),
    InStream { at: usize, index: u32 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    Obj { generation: u16, loc: Loc },
    Free,
}

#[derive(Debug)]
pub(crate) struct RevMap {
    /// The earlier revision this one's `/Prev` chain reaches; lookups continue there.
    pub base: Option<usize>,
    pub own: HashMap<u32, Slot>,
    pub trailer: Dict,
}

struct ObjStm {
    data: Vec<u8>,
    first: usize,
    offsets: Vec<(u32, usize)>,
}

/// Problems that did not stop reading but lower confidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Warning {
    /// A `/Prev` chain that loops or is too long.
    PrevLoop,
    /// A `startxref` whose section could not be read (not the last one).
    BrokenStartxref,
    /// A `/XRefStm` that could not be read.
    BrokenXrefStream,
    /// Bytes after the last `%%EOF` that are not white space.
    TrailingData,
    /// The decompression budget ran out; some streams were not read.
    DecodeBudgetExhausted,
}

impl Warning {
    pub fn code(&self) -> &'static str {
        match self {
            Warning::PrevLoop => "prev_loop",
            Warning::BrokenStartxref => "broken_startxref",
            Warning::BrokenXrefStream => "broken_xref_stream",
            Warning::TrailingData => "trailing_data",
            Warning::DecodeBudgetExhausted => "decode_budget_exhausted",
        }
    }
}

pub(crate) struct Store<'a> {
    pub bytes: &'a [u8],
    pub revisions: Vec<Revision>,
    pub maps: Vec<RevMap>,
    pub warnings: RefCell<Vec<Warning>>,
    pub budget: Budget,
    /// Revisions in which an object was not where the xref said and was found by
    /// scanning instead: their maps are partly guessed.
    pub repaired: RefCell<HashSet<usize>>,
    /// Locations whose object had to be found by scanning.
    pub repaired_locs: RefCell<HashSet<Phys>>,
    /// Whether the document is encrypted and could be decrypted.
    pub encryption: Encryption,
    /// The key, when [`Store::encryption`] is `Decrypted`.
    crypt: Option<Rc<Decryptor>>,
    /// The object number of the encryption dictionary (never decrypted).
    encrypt_obj: Option<u32>,
    cache: RefCell<HashMap<Phys, Option<Rc<Object>>>>,
    objstms: RefCell<HashMap<usize, Option<Rc<ObjStm>>>>,
    endstreams: OnceCell<Vec<usize>>,
    scanned: OnceCell<Vec<(usize, ObjRef)>>,
}

/// A value that is either borrowed from its container or loaded from the file.
pub(crate) enum Val<'x> {
    Direct(&'x Object),
    Loaded(Rc<Object>),
}

impl core::ops::Deref for Val<'_> {
    type Target = Object;
    fn deref(&self) -> &Object {
        match self {
            Val::Direct(o) => o,
            Val::Loaded(o) => o,
        }
    }
}

/// Context for parsing an object in revision `rev`.
struct Ctx<'s, 'a> {
    store: &'s Store<'a>,
    rev: usize,
}

impl StreamContext for Ctx<'_, '_> {
    fn length_of(&self, r: ObjRef) -> Option<i64> {
        // Only a plain integer at a plain offset: a /Length that is itself a stream
        // or sits in an object stream would let resolution recurse.
        let (_, loc) = self.store.lookup(self.rev, r.num)?;
        let Loc::Offset(off) = loc else {
            return None;
        };
        let mut lex = Lexer::new(self.store.bytes, off);
        object::parse_header(&mut lex)?;
        match lex.next_token().ok()?.tok {
            Token::Int(n) => Some(n),
            _ => None,
        }
    }

    fn endstream_at_or_after(&self, from: usize) -> Option<usize> {
        let all = self
            .store
            .endstreams
            .get_or_init(|| lexer::find_all(self.store.bytes, b"endstream"));
        let i = all.partition_point(|&p| p < from);
        all.get(i).copied()
    }
}

#[derive(Clone, Copy)]
struct Candidate {
    xref: usize,
    end: usize,
}

impl<'a> Store<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Store<'a>, PdfError> {
        let header_window = bytes.get(..1024).unwrap_or(bytes);
        if lexer::find(header_window, b"%PDF-", 0).is_none() {
            return Err(PdfError::NotPdf);
        }
        let mut store = Store {
            bytes,
            revisions: Vec::new(),
            maps: Vec::new(),
            warnings: RefCell::new(Vec::new()),
            budget: Budget::new(MAX_TOTAL_DECODED),
            repaired: RefCell::new(HashSet::new()),
            repaired_locs: RefCell::new(HashSet::new()),
            encryption: Encryption::None,
            crypt: None,
            encrypt_obj: None,
            cache: RefCell::new(HashMap::new()),
            objstms: RefCell::new(HashMap::new()),
            endstreams: OnceCell::new(),
            scanned: OnceCell::new(),
        };
        let candidates = find_candidates(bytes);
        if candidates.len() > MAX_REVISIONS {
            return Err(PdfError::TooManyRevisions {
                count: candidates.len(),
                limit: MAX_REVISIONS,
            });
        }
        // The key first: objects (and the object streams that may hold the catalog)
        // are decrypted as they are loaded.
        if let Some(c) = candidates.last() {
            store.encryption_from_xref(c.xref);
        }
        let mut sections: HashMap<usize, Option<Rc<Section>>> = HashMap::new();
        let mut root_offsets: HashMap<usize, usize> = HashMap::new();
        let last = candidates.len().saturating_sub(1);
        for (ci, c) in candidates.iter().enumerate() {
            let rev = store.revisions.len();
            match store.read_chain(c.xref, rev, &mut sections, &root_offsets) {
                Some((map, kind)) => {
                    root_offsets.insert(c.xref, rev);
                    store.push_revision(c.end, kind, false, map);
                    if !store.root_resolves(rev) {
                        // The xref points nowhere useful: rebuild this revision.
                        store.revisions.pop();
                        store.maps.pop();
                        root_offsets.remove(&c.xref);
                        let map = store.reconstruct(c.end);
                        store.push_revision(c.end, XrefKind::Reconstructed, true, map);
                    }
                }
                None if ci == last => {
                    let map = store.reconstruct(c.end);
                    store.push_revision(c.end, XrefKind::Reconstructed, true, map);
                }
                None => store.warn(Warning::BrokenStartxref),
            }
        }
        if store.revisions.is_empty() {
            // No usable startxref at all: one revision, rebuilt from the objects.
            let end = lexer::find_all(bytes, b"%%EOF")
                .last()
                .map(|&p| eol_end(bytes, p + 5))
                .unwrap_or(bytes.len());
            let map = store.reconstruct(end);
            store.push_revision(end, XrefKind::Reconstructed, true, map);
        }
        if !store.root_resolves(store.revisions.len() - 1) {
            return Err(PdfError::XrefBroken);
        }
        store.encryption_from_trailer();
        let last_end = store.revisions.last().map_or(0, |r| r.end);
        if bytes
            .get(last_end..)
            .is_some_and(|t| t.iter().any(|&b| !lexer::is_whitespace(b)))
        {
            store.warn(Warning::TrailingData);
        }
        Ok(store)
    }

    pub fn warn(&self, w: Warning) {
        let mut ws = self.warnings.borrow_mut();
        if !ws.contains(&w) {
            ws.push(w);
        }
    }

    fn push_revision(&mut self, end: usize, xref: XrefKind, reconstructed: bool, map: RevMap) {
        self.revisions.push(Revision {
            index: self.revisions.len(),
            end,
            xref,
            reconstructed,
        });
        self.maps.push(map);
    }

    fn root_resolves(&self, rev: usize) -> bool {
        self.trailer(rev)
            .and_then(|t| t.get(b"Root"))
            .and_then(|r| self.resolve(rev, r))
            .is_some_and(|o| o.as_dict().is_some())
    }

    /// Reads the `/Prev` chain starting at `start` until it reaches a section that
    /// starts an earlier revision; returns the map of this revision.
    fn read_chain(
        &self,
        start: usize,
        rev: usize,
        sections: &mut HashMap<usize, Option<Rc<Section>>>,
        root_offsets: &HashMap<usize, usize>,
    ) -> Option<(RevMap, XrefKind)> {
        let mut chain: Vec<(Rc<Section>, Option<Rc<Section>>)> = Vec::new();
        let mut visited = HashSet::new();
        let mut base = None;
        let mut cur = Some(start);
        while let Some(off) = cur {
            if !chain.is_empty()
                && let Some(&r) = root_offsets.get(&off)
            {
                base = Some(r);
                break;
            }
            if !visited.insert(off) || visited.len() > MAX_PREV_CHAIN {
                self.warn(Warning::PrevLoop);
                break;
            }
            let sec = self.section(off, rev, sections)?;
            let stm = match sec.xref_stm {
                Some(x) => {
                    let s = self.section(x, rev, sections);
                    if s.is_none() {
                        self.warn(Warning::BrokenXrefStream);
                    }
                    s
                }
                None => None,
            };
            cur = sec.prev;
            chain.push((sec, stm));
        }
        let kind = match chain.first() {
            Some((s, Some(_))) if s.kind == SectionKind::Table => XrefKind::Hybrid,
            Some((s, _)) if s.kind == SectionKind::Stream => XrefKind::Stream,
            _ => XrefKind::Table,
        };
        let mut own: HashMap<u32, Slot> = HashMap::new();
        for (sec, stm) in chain.iter().rev() {
            // Within a hybrid section the table wins, except that its free entries
            // do not hide objects the xref stream places in object streams.
            let mut this: HashMap<u32, Slot> = HashMap::new();
            if let Some(stm) = stm {
                for &(num, e) in &stm.entries {
                    this.insert(num, slot(e));
                }
            }
            for &(num, e) in &sec.entries {
                let s = slot(e);
                if s == Slot::Free && this.get(&num).is_some_and(|x| *x != Slot::Free) {
                    continue;
                }
                this.insert(num, s);
            }
            own.extend(this);
        }
        own.remove(&0);
        let trailer = chain
            .iter()
            .map(|(s, _)| &s.trailer)
            .find(|t| t.get(b"Root").is_some())
            .or_else(|| chain.first().map(|(s, _)| &s.trailer))
            .cloned()
            .or_else(|| {
                base.and_then(|b| self.maps.get(b))
                    .map(|m| m.trailer.clone())
            })
            .unwrap_or_default();
        let mut trailer = trailer;
        if trailer.get(b"Root").is_none()
            && let Some(root) = base
                .and_then(|b| self.maps.get(b))
                .and_then(|m| m.trailer.get(b"Root"))
        {
            trailer.push(b"Root".to_vec(), root.clone());
        }
        Some((RevMap { base, own, trailer }, kind))
    }

    fn section(
        &self,
        off: usize,
        rev: usize,
        sections: &mut HashMap<usize, Option<Rc<Section>>>,
    ) -> Option<Rc<Section>> {
        if let Some(s) = sections.get(&off) {
            return s.clone();
        }
        // An xref stream's /Length may be indirect; resolve it in the revisions read
        // so far (the stream's own object is not known yet).
        let ctx = Ctx {
            store: self,
            rev: rev.saturating_sub(1),
        };
        let s = xref::read_section(self.bytes, off, &ctx, &self.budget)
            .ok()
            .map(Rc::new);
        sections.insert(off, s.clone());
        s
    }

    /// Rebuilds the object map of the revision ending at `end` from the objects found
    /// in `bytes[..end]`; later definitions win, as in an incremental update.
    fn reconstruct(&self, end: usize) -> RevMap {
        let scanned = self.scanned.get_or_init(|| xref::scan_objects(self.bytes));
        let mut own: HashMap<u32, Slot> = HashMap::new();
        let mut catalog = None;
        let mut xref_trailer = None;
        let ctx = Ctx {
            store: self,
            rev: usize::MAX,
        };
        for &(off, r) in scanned.iter().take_while(|(o, _)| *o < end) {
            own.insert(
                r.num,
                Slot::Obj {
                    generation: r.generation,
                    loc: Loc::Offset(off),
                },
            );
            let Ok((h, obj)) = object::parse_indirect(self.bytes, off, &ctx) else {
                continue;
            };
            let obj = self.decrypted(h, off, obj);
            let Some(d) = obj.as_dict() else { continue };
            if d.is_type(b"Catalog") {
                catalog = Some(r);
            }
            if d.is_type(b"XRef") && d.get(b"Root").is_some() {
                xref_trailer = Some(d.clone());
            }
            if d.is_type(b"ObjStm")
                && let Some(stm) = self.objstm_at(off, &obj)
            {
                for (i, &(num, _)) in stm.offsets.iter().enumerate() {
                    let Ok(index) = u32::try_from(i) else { break };
                    own.insert(
                        num,
                        Slot::Obj {
                            generation: 0,
                            loc: Loc::Compressed {
                                stream: r.num,
                                index,
                            },
                        },
                    );
                }
            }
        }
        own.remove(&0);
        let trailer = xref::scan_trailers(self.bytes, end)
            .into_iter()
            .rev()
            .find(|t| t.get(b"Root").is_some())
            .or(xref_trailer)
            .or_else(|| {
                catalog.map(|c| {
                    let mut d = Dict::default();
                    d.push(b"Root".to_vec(), Object::Ref(c));
                    d
                })
            })
            .unwrap_or_default();
        RevMap {
            base: None,
            own,
            trailer,
        }
    }
}

fn slot(e: XrefEntry) -> Slot {
    match e {
        XrefEntry::Free => Slot::Free,
        XrefEntry::InUse { offset, generation } => Slot::Obj {
            generation,
            loc: Loc::Offset(offset),
        },
        XrefEntry::Compressed { stream, index } => Slot::Obj {
            generation: 0,
            loc: Loc::Compressed { stream, index },
        },
    }
}

/// Just after an end-of-line at `pos` (CRLF, LF or CR), or `pos` itself.
pub(crate) fn eol_end(bytes: &[u8], pos: usize) -> usize {
    match (bytes.get(pos), bytes.get(pos + 1)) {
        (Some(b'\r'), Some(b'\n')) => pos + 2,
        (Some(b'\r' | b'\n'), _) => pos + 1,
        _ => pos,
    }
}

/// Each `startxref N %%EOF` in the file, in order. `startxref 0` (the first-page
/// trailer of a linearized file) and offsets that point forward are not revisions.
fn find_candidates(bytes: &[u8]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for p in lexer::find_all(bytes, b"startxref") {
        let mut lex = Lexer::new(bytes, p + 9);
        let Ok(t) = lex.next_token() else { continue };
        let Token::Int(n) = t.tok else { continue };
        let Ok(xref) = usize::try_from(n) else {
            continue;
        };
        // White space only (a comment would swallow the marker itself).
        let mut q = t.end;
        while bytes.get(q).is_some_and(|&c| lexer::is_whitespace(c)) {
            q += 1;
        }
        if bytes.get(q..q + 5) != Some(b"%%EOF") {
            continue;
        }
        let end = eol_end(bytes, q + 5);
        if xref == 0 || xref >= p {
            continue;
        }
        if out.last().is_some_and(|c| c.end >= end) {
            continue;
        }
        out.push(Candidate { xref, end });
    }
    out
}
