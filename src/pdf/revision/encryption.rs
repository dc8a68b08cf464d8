//! Decryption set-up: which encryption dictionary applies, and decrypting an object
//! read from a revision (the standard security handler itself is `pdf::crypt`).

use super::*;

impl Store<'_> {
    /// Sets up decryption from the trailer of the section chain that starts at `off`
    /// (the last `startxref`): the most recent trailer with an `/Encrypt` names the
    /// encryption dictionary, which is read where that chain puts it.
    pub(super) fn encryption_from_xref(&mut self, off: usize) {
        let mut sections = HashMap::new();
        let mut chain: Vec<Rc<Section>> = Vec::new();
        let mut visited = HashSet::new();
        let mut cur = Some(off);
        while let Some(o) = cur {
            if !visited.insert(o) || visited.len() > MAX_PREV_CHAIN {
                break;
            }
            let Some(sec) = self.section(o, 0, &mut sections) else {
                break;
            };
            cur = sec.prev;
            let stm = sec.xref_stm.and_then(|x| self.section(x, 0, &mut sections));
            chain.push(sec);
            chain.extend(stm);
        }
        let Some(trailer) = chain
            .iter()
            .map(|s| &s.trailer)
            .find(|t| t.get(b"Encrypt").is_some_and(|e| *e != Object::Null))
        else {
            return;
        };
        let id = chain.iter().find_map(|s| s.trailer.get(b"ID")).cloned();
        let entry = trailer.get(b"Encrypt").cloned().unwrap_or(Object::Null);
        let dict = match &entry {
            Object::Dict(d) => Some(d.clone()),
            Object::Ref(r) => {
                let offset = chain.iter().find_map(|s| {
                    s.entries
                        .iter()
                        .rev()
                        .find(|(n, _)| *n == r.num)
                        .map(|(_, e)| *e)
                });
                match offset {
                    Some(XrefEntry::InUse { offset, .. }) => {
                        let ctx = Ctx {
                            store: self,
                            rev: usize::MAX,
                        };
                        match object::parse_indirect(self.bytes, offset, &ctx) {
                            Ok((h, Object::Dict(d))) if h.num == r.num => Some(d),
                            _ => None,
                        }
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        self.install(&entry, dict.as_ref(), id.as_ref());
    }

    /// When the cross-reference chain did not yield the encryption dictionary (a
    /// rebuilt cross-reference), the last revision's trailer, resolved in the store.
    pub(super) fn encryption_from_trailer(&mut self) {
        if self.encryption != Encryption::None {
            return;
        }
        let last = self.revisions.len().saturating_sub(1);
        let Some(trailer) = self.trailer(last).cloned() else {
            return;
        };
        let Some(entry) = trailer.get(b"Encrypt").filter(|e| **e != Object::Null) else {
            return;
        };
        let dict = self.resolve(last, entry).and_then(|d| d.as_dict().cloned());
        self.install(entry, dict.as_ref(), trailer.get(b"ID"));
        // Objects read so far were read as plain text.
        self.cache.borrow_mut().clear();
        self.objstms.borrow_mut().clear();
    }

    pub(super) fn install(&mut self, entry: &Object, dict: Option<&Dict>, id: Option<&Object>) {
        let id0 = id
            .and_then(Object::as_array)
            .and_then(|a| a.first())
            .and_then(Object::as_string)
            .map(|s| s.bytes.as_slice());
        let result = match dict {
            Some(d) => Decryptor::new(d, id0),
            None => Err(CryptError::Unsupported),
        };
        self.encrypt_obj = entry.as_ref().map(|r| r.num);
        match result {
            Ok(dec) => {
                self.encryption = Encryption::Decrypted {
                    revision: dec.revision(),
                    cipher: dec.cipher(),
                };
                self.crypt = Some(Rc::new(dec));
            }
            Err(why) => self.encryption = Encryption::Unavailable { why },
        }
    }

    /// Decrypts object `r` read at `offset` in the file, when the revision it belongs
    /// to is encrypted. The encryption dictionary and cross-reference streams are
    /// stored as they are.
    pub(super) fn decrypted(&self, r: ObjRef, offset: usize, mut obj: Object) -> Object {
        let Some(dec) = &self.crypt else {
            return obj;
        };
        if self.encrypt_obj == Some(r.num)
            || obj.as_dict().is_some_and(|d| d.is_type(b"XRef"))
            || !self.encrypted_at(offset)
        {
            return obj;
        }
        crypt::decrypt_object(&mut obj, r, dec);
        obj
    }

    /// The revision holding `offset` has an `/Encrypt` in its trailer. An update
    /// that added encryption leaves the objects before it in plain text. While the
    /// revisions are being read, an offset past the known ones counts as encrypted.
    pub(super) fn encrypted_at(&self, offset: usize) -> bool {
        let i = self.revisions.partition_point(|r| r.end <= offset);
        self.maps.get(i).is_none_or(|m| {
            m.trailer
                .get(b"Encrypt")
                .is_some_and(|e| *e != Object::Null)
        })
    }
}
