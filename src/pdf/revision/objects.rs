//! Objects of a revision: looking one up through the layers of updates, loading it
//! from its offset or its object stream, repairing a shifted offset.

use super::*;

impl<'a> Store<'a> {
    pub fn trailer(&self, rev: usize) -> Option<&Dict> {
        self.maps.get(rev).map(|m| &m.trailer)
    }

    /// The slot of object `num` in revision `rev`, following the layers down.
    pub fn lookup(&self, rev: usize, num: u32) -> Option<(u16, Loc)> {
        let mut r = Some(rev);
        let mut steps = 0;
        while let Some(i) = r {
            let m = self.maps.get(i)?;
            match m.own.get(&num) {
                Some(Slot::Obj { generation, loc }) => return Some((*generation, *loc)),
                Some(Slot::Free) => return None,
                None => r = m.base,
            }
            steps += 1;
            if steps > MAX_REVISIONS {
                return None;
            }
        }
        None
    }

    /// Where object `num` of revision `rev` physically is.
    pub fn phys(&self, rev: usize, num: u32) -> Option<Phys> {
        match self.lookup(rev, num)?.1 {
            Loc::Offset(o) => Some(Phys::Offset(o)),
            Loc::Compressed { stream, index } => match self.lookup(rev, stream)?.1 {
                Loc::Offset(at) => Some(Phys::InStream { at, index }),
                Loc::Compressed { .. } => None,
            },
        }
    }

    /// Object `num` as revision `rev` sees it.
    pub fn get(&self, rev: usize, num: u32) -> Option<Rc<Object>> {
        let phys = self.phys(rev, num)?;
        self.load(rev, num, phys)
    }

    /// Resolves a reference (following at most a few reference-to-reference hops).
    pub fn resolve<'x>(&self, rev: usize, o: &'x Object) -> Option<Val<'x>> {
        match o {
            Object::Ref(r) => {
                let mut cur = self.get(rev, r.num)?;
                for _ in 0..8 {
                    let next = match &*cur {
                        Object::Ref(r2) => self.get(rev, r2.num)?,
                        _ => return Some(Val::Loaded(cur)),
                    };
                    cur = next;
                }
                None
            }
            other => Some(Val::Direct(other)),
        }
    }

    /// Resolves `dict[key]`.
    pub fn resolve_key<'x>(&self, rev: usize, dict: &'x Dict, key: &[u8]) -> Option<Val<'x>> {
        self.resolve(rev, dict.get(key)?)
    }

    pub fn load(&self, rev: usize, num: u32, phys: Phys) -> Option<Rc<Object>> {
        if let Some(hit) = self.cache.borrow().get(&phys) {
            return hit.clone();
        }
        let loaded = match phys {
            Phys::Offset(off) => {
                let ctx = Ctx { store: self, rev };
                match object::parse_indirect(self.bytes, off, &ctx) {
                    Ok((r, obj)) if r.num == num => Some(Rc::new(self.decrypted(r, off, obj))),
                    // Not the object the xref promised (offsets shifted by a broken
                    // writer, or a hostile one): use the last definition of `num`
                    // in this revision, as viewers do, and mark the revision.
                    _ => {
                        self.repaired_locs.borrow_mut().insert(phys);
                        self.repair(rev, num)
                    }
                }
            }
            Phys::InStream { at, index } => self.load_compressed(rev, num, at, index),
        };
        self.cache.borrow_mut().insert(phys, loaded.clone());
        loaded
    }

    pub(super) fn repair(&self, rev: usize, num: u32) -> Option<Rc<Object>> {
        let end = self.revisions.get(rev).map_or(self.bytes.len(), |r| r.end);
        let scanned = self.scanned.get_or_init(|| xref::scan_objects(self.bytes));
        let upto = scanned.partition_point(|(o, _)| *o < end);
        let &(off, _) = scanned
            .get(..upto)?
            .iter()
            .rev()
            .find(|(_, r)| r.num == num)?;
        let ctx = Ctx { store: self, rev };
        let (r, obj) = object::parse_indirect(self.bytes, off, &ctx).ok()?;
        self.repaired.borrow_mut().insert(rev);
        Some(Rc::new(self.decrypted(r, off, obj)))
    }

    pub(super) fn load_compressed(
        &self,
        rev: usize,
        num: u32,
        at: usize,
        index: u32,
    ) -> Option<Rc<Object>> {
        let stm = self.objstm(rev, at)?;
        let &(n, off) = stm.offsets.get(usize::try_from(index).ok()?)?;
        if n != num {
            return None;
        }
        let mut p = Parser::new(&stm.data, stm.first.checked_add(off)?, false);
        let obj = p.parse_object().ok()?;
        // Streams cannot live in object streams (§7.5.7).
        Some(Rc::new(obj))
    }

    pub(super) fn objstm(&self, rev: usize, at: usize) -> Option<Rc<ObjStm>> {
        if let Some(hit) = self.objstms.borrow().get(&at) {
            return hit.clone();
        }
        let ctx = Ctx { store: self, rev };
        let parsed = object::parse_indirect(self.bytes, at, &ctx)
            .ok()
            .and_then(|(r, obj)| self.objstm_at(at, &self.decrypted(r, at, obj)));
        if parsed.is_none() {
            self.objstms.borrow_mut().insert(at, None);
        }
        parsed
    }

    pub(super) fn objstm_at(&self, at: usize, obj: &Object) -> Option<Rc<ObjStm>> {
        if let Some(hit) = self.objstms.borrow().get(&at) {
            return hit.clone();
        }
        let result = (|| {
            let s = obj.as_stream()?;
            if !s.dict.is_type(b"ObjStm") {
                return None;
            }
            let n = usize::try_from(s.dict.int(b"N")?).ok()?;
            let first = usize::try_from(s.dict.int(b"First")?).ok()?;
            if n > MAX_OBJSTM_OBJECTS {
                return None;
            }
            let raw = s.encoded(self.bytes)?;
            let data = match filter::decode(&raw, &s.dict, &self.budget) {
                Ok(d) => d,
                Err(filter::DecodeError::TooLarge) => {
                    self.warn(Warning::DecodeBudgetExhausted);
                    return None;
                }
                Err(_) => return None,
            };
            if n > data.len() {
                return None;
            }
            let mut lex = Lexer::new(&data, 0);
            let mut offsets = Vec::with_capacity(n);
            for _ in 0..n {
                let (Ok(a), Ok(b)) = (lex.next_token(), lex.next_token()) else {
                    break;
                };
                let (Token::Int(num), Token::Int(off)) = (a.tok, b.tok) else {
                    break;
                };
                let (Ok(num), Ok(off)) = (u32::try_from(num), usize::try_from(off)) else {
                    break;
                };
                offsets.push((num, off));
            }
            Some(Rc::new(ObjStm {
                data,
                first,
                offsets,
            }))
        })();
        self.objstms.borrow_mut().insert(at, result.clone());
        result
    }

    /// Every object number that revision `rev` defines as in use (all layers).
    pub fn all_objects(&self, rev: usize) -> HashMap<u32, Slot> {
        let mut layers = Vec::new();
        let mut r = Some(rev);
        while let Some(i) = r {
            let Some(m) = self.maps.get(i) else { break };
            layers.push(&m.own);
            r = m.base;
            if layers.len() > MAX_REVISIONS {
                break;
            }
        }
        let mut out = HashMap::new();
        for layer in layers.iter().rev() {
            for (k, v) in layer.iter() {
                out.insert(*k, *v);
            }
        }
        out.retain(|_, v| *v != Slot::Free);
        out
    }

    /// Object numbers whose slot may differ between revision `rev - 1` and `rev`.
    pub fn touched(&self, rev: usize) -> Vec<u32> {
        let Some(m) = self.maps.get(rev) else {
            return Vec::new();
        };
        if rev > 0 && m.base == Some(rev - 1) {
            let mut v: Vec<u32> = m.own.keys().copied().collect();
            v.sort_unstable();
            return v;
        }
        let mut keys: HashSet<u32> = self.all_objects(rev).into_keys().collect();
        if rev > 0 {
            keys.extend(self.all_objects(rev - 1).into_keys());
        }
        let mut v: Vec<u32> = keys.into_iter().collect();
        v.sort_unstable();
        v
    }
}
