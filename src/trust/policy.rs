//! Certificate policy processing, RFC 5280 §6.1.2–6.1.5, with the initial inputs a
//! verifier of signed documents uses: user-initial-policy-set = {anyPolicy}, no
//! initial explicit-policy, mapping or anyPolicy inhibition. Only the certificates'
//! own policyConstraints / inhibitAnyPolicy can therefore make a path fail here.

use const_oid::ObjectIdentifier;
use x509_cert::ext::pkix::{CertificatePolicies, PolicyConstraints, PolicyMappings};

pub(super) const ANY_POLICY: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.32.0");

struct Node {
    policy: ObjectIdentifier,
    expected: Vec<ObjectIdentifier>,
    parent: usize,
    alive: bool,
}

/// The valid_policy_tree (levels by depth) and the three counters.
pub(super) struct PolicyState {
    explicit: usize,
    inhibit_any: usize,
    mapping: usize,
    levels: Vec<Vec<Node>>,
    null: bool,
}

/// Why policy processing failed (all map to the `policy` reason code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PolicyError;

impl PolicyState {
    /// `n` is the number of certificates below the anchor.
    pub fn new(n: usize) -> Self {
        let start = n.saturating_add(1);
        PolicyState {
            explicit: start,
            inhibit_any: start,
            mapping: start,
            levels: vec![vec![Node {
                policy: ANY_POLICY,
                expected: vec![ANY_POLICY],
                parent: 0,
                alive: true,
            }]],
            null: false,
        }
    }

    fn alive(&self, depth: usize) -> impl Iterator<Item = (usize, &Node)> {
        self.levels
            .get(depth)
            .into_iter()
            .flatten()
            .enumerate()
            .filter(|(_, n)| n.alive)
    }

    /// Steps (d)–(f) for certificate `i` (1-based from the anchor).
    pub fn process(
        &mut self,
        i: usize,
        policies: Option<&CertificatePolicies>,
        self_issued: bool,
        is_leaf: bool,
    ) -> Result<(), PolicyError> {
        match policies {
            Some(cp) if !self.null => {
                let prev = i.saturating_sub(1);
                let mut level: Vec<Node> = Vec::new();
                let mut has_any = false;
                for info in &cp.0 {
                    let p = info.policy_identifier;
                    if p == ANY_POLICY {
                        has_any = true;
                        continue;
                    }
                    let matching: Vec<usize> = self
                        .alive(prev)
                        .filter(|(_, n)| n.expected.contains(&p))
                        .map(|(j, _)| j)
                        .collect();
                    let parents = if matching.is_empty() {
                        self.alive(prev)
                            .filter(|(_, n)| n.policy == ANY_POLICY)
                            .map(|(j, _)| j)
                            .collect()
                    } else {
                        matching
                    };
                    for parent in parents {
                        level.push(Node {
                            policy: p,
                            expected: vec![p],
                            parent,
                            alive: true,
                        });
                    }
                }
                if has_any && (self.inhibit_any > 0 || (!is_leaf && self_issued)) {
                    let mut extra = Vec::new();
                    for (j, node) in self.alive(prev) {
                        for e in &node.expected {
                            let exists = level
                                .iter()
                                .chain(&extra)
                                .any(|c: &Node| c.parent == j && c.policy == *e);
                            if !exists {
                                extra.push(Node {
                                    policy: *e,
                                    expected: vec![*e],
                                    parent: j,
                                    alive: true,
                                });
                            }
                        }
                    }
                    level.extend(extra);
                }
                self.levels.truncate(i);
                self.levels.push(level);
                self.prune();
            }
            _ => self.null = true,
        }
        if self.explicit == 0 && self.null {
            return Err(PolicyError);
        }
        Ok(())
    }

    /// Removes nodes without children, from the level above the deepest upwards.
    fn prune(&mut self) {
        let depth = self.levels.len();
        for d in (0..depth.saturating_sub(1)).rev() {
            let (upper, lower) = self.levels.split_at_mut(d + 1);
            let (Some(level), Some(children)) = (upper.last_mut(), lower.first()) else {
                continue;
            };
            for (j, node) in level.iter_mut().enumerate() {
                if node.alive && !children.iter().any(|c| c.alive && c.parent == j) {
                    node.alive = false;
                }
            }
        }
        if self.alive(0).next().is_none() {
            self.null = true;
        }
    }

    /// Preparation step (a)–(b): policy mappings of intermediate `i`.
    pub fn map(&mut self, i: usize, mappings: Option<&PolicyMappings>) -> Result<(), PolicyError> {
        let Some(pm) = mappings else { return Ok(()) };
        if pm
            .0
            .iter()
            .any(|m| m.issuer_domain_policy == ANY_POLICY || m.subject_domain_policy == ANY_POLICY)
        {
            return Err(PolicyError);
        }
        if self.null {
            return Ok(());
        }
        let mut issuers: Vec<ObjectIdentifier> =
            pm.0.iter().map(|m| m.issuer_domain_policy).collect();
        issuers.sort();
        issuers.dedup();
        for p in issuers {
            let mapped: Vec<ObjectIdentifier> =
                pm.0.iter()
                    .filter(|m| m.issuer_domain_policy == p)
                    .map(|m| m.subject_domain_policy)
                    .collect();
            let Some(level) = self.levels.get_mut(i) else {
                continue;
            };
            if self.mapping > 0 {
                let mut found = false;
                for node in level.iter_mut().filter(|n| n.alive && n.policy == p) {
                    node.expected = mapped.clone();
                    found = true;
                }
                if !found {
                    let any_parent = level
                        .iter()
                        .find(|n| n.alive && n.policy == ANY_POLICY)
                        .map(|n| n.parent);
                    if let Some(parent) = any_parent {
                        level.push(Node {
                            policy: p,
                            expected: mapped,
                            parent,
                            alive: true,
                        });
                    }
                }
            } else {
                for node in level.iter_mut().filter(|n| n.policy == p) {
                    node.alive = false;
                }
                self.prune();
            }
        }
        Ok(())
    }

    /// Preparation steps (h)–(j).
    pub fn prepare(
        &mut self,
        self_issued: bool,
        constraints: Option<&PolicyConstraints>,
        inhibit_any: Option<u32>,
    ) {
        if !self_issued {
            self.explicit = self.explicit.saturating_sub(1);
            self.mapping = self.mapping.saturating_sub(1);
            self.inhibit_any = self.inhibit_any.saturating_sub(1);
        }
        if let Some(pc) = constraints {
            if let Some(r) = pc.require_explicit_policy {
                self.explicit = self.explicit.min(to_usize(r));
            }
            if let Some(m) = pc.inhibit_policy_mapping {
                self.mapping = self.mapping.min(to_usize(m));
            }
        }
        if let Some(s) = inhibit_any {
            self.inhibit_any = self.inhibit_any.min(to_usize(s));
        }
    }

    /// Wrap-up (a), (b), (g) with user-initial-policy-set = {anyPolicy}.
    pub fn wrap_up(&mut self, constraints: Option<&PolicyConstraints>) -> Result<(), PolicyError> {
        self.explicit = self.explicit.saturating_sub(1);
        if constraints.and_then(|c| c.require_explicit_policy) == Some(0) {
            self.explicit = 0;
        }
        if self.explicit == 0 && self.null {
            return Err(PolicyError);
        }
        Ok(())
    }
}

fn to_usize(v: u32) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}
