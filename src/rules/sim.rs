//! The SIM PKI column of the individual request (Mẫu 01).
//!
//! Form footnote (Decree 68/2024 Mẫu 01; the 2020 form in seed 004 words it the same
//! way): empty when the holder does not want a SIM PKI; otherwise the carrier
//! (Viettel, Vinaphone, Mobifone), with "/cs" added when the holder's current number
//! moves to the PKI SIM ("Viettel/cs").

use serde::Serialize;

/// Carriers that issue SIM PKI, as the form spells them.
pub const CARRIERS: &[&str] = &["Viettel", "Vinaphone", "Mobifone"];

/// A well-formed SIM PKI entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SimPki {
    pub carrier: &'static str,
    /// "/cs": keep the current number (chuyển số đang sử dụng sang SIM PKI).
    pub keep_number: bool,
}

impl SimPki {
    /// The spelling the form expects: `Viettel`, `Mobifone/cs`.
    pub fn canonical(self) -> String {
        if self.keep_number {
            format!("{}/cs", self.carrier)
        } else {
            self.carrier.to_string()
        }
    }
}

/// Neither empty nor a carrier (with optional "/cs").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct NotACarrier;

/// `Ok(None)` for an empty cell, `Ok(Some(..))` for a carrier, `Err` otherwise.
/// Case and spaces are forgiven ("viettel / CS", "VinaPhone", "MobiFone").
pub fn parse(text: &str) -> Result<Option<SimPki>, NotACarrier> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return Ok(None);
    }
    let lower = t.to_lowercase();
    let (name, keep_number) = match lower.split_once('/') {
        Some((n, "cs")) => (n.to_string(), true),
        Some(_) => return Err(NotACarrier),
        None => (lower, false),
    };
    CARRIERS
        .iter()
        .find(|c| c.to_lowercase() == name)
        .map(|c| {
            Some(SimPki {
                carrier: c,
                keep_number,
            })
        })
        .ok_or(NotACarrier)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carriers() {
        assert_eq!(parse(""), Ok(None));
        assert_eq!(parse("  "), Ok(None));
        assert_eq!(
            parse("Viettel").map(|s| s.map(SimPki::canonical)),
            Ok(Some("Viettel".into()))
        );
        assert_eq!(
            parse("viettel / CS").map(|s| s.map(SimPki::canonical)),
            Ok(Some("Viettel/cs".into()))
        );
        assert_eq!(
            parse("MobiFone").map(|s| s.map(SimPki::canonical)),
            Ok(Some("Mobifone".into()))
        );
        assert_eq!(
            parse("VinaPhone/cs").map(|s| s.map(SimPki::canonical)),
            Ok(Some("Vinaphone/cs".into()))
        );
        assert_eq!(parse("Vietnamobile"), Err(NotACarrier));
        assert_eq!(parse("Viettel/xx"), Err(NotACarrier));
        assert_eq!(parse("có"), Err(NotACarrier));
    }
}
