//! The signed-PDF fixtures (`tests/fixtures/signed`, made by pyHanko and OpenSSL with
//! `make.py`): where they are, their `expected.json` with its validation time and
//! anchors, and the JSON shape every signature of `kyso verify --json` has.

use std::path::PathBuf;

use kyso::input::InputFile;
use kyso::time::Instant;
use serde_json::Value;

/// `tests/fixtures/signed`.
pub fn dir() -> PathBuf {
    super::fixture("signed")
}

/// A fixture file, named by its path under `tests/fixtures/signed`.
pub fn file(rel: &str) -> InputFile {
    super::input(rel, &dir().join(rel))
}

/// A JSON file of the fixtures (`expected.json`, `independent.json`).
pub fn json(rel: &str) -> Value {
    let path = dir().join(rel);
    serde_json::from_slice(&super::read(&path))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `expected.json` with what every verification of the fixtures needs from it.
pub struct Expected {
    pub json: Value,
    /// The fixed validation time the fixtures were made for.
    pub at: Instant,
    /// The test roots, given to the verifier as user anchors.
    pub anchors: Vec<InputFile>,
}

pub fn expected() -> Expected {
    let json = json("expected.json");
    let at = json["validation_time"]
        .as_str()
        .and_then(Instant::parse_rfc3339)
        .unwrap_or_else(|| panic!("expected.json: no readable validation_time"));
    let anchors = json["anchors"]
        .as_array()
        .unwrap_or_else(|| panic!("expected.json: no anchors"))
        .iter()
        .map(|a| {
            file(
                a.as_str()
                    .unwrap_or_else(|| panic!("expected.json: anchor {a}")),
            )
        })
        .collect();
    Expected { json, at, anchors }
}

/// The members of every signature in the verification JSON (`kyso verify --json`,
/// `render::verify_json`): the CLI, the page's export and the tests read them.
pub const SIGNATURE_KEYS: [&str; 12] = [
    "field",
    "kind",
    "sub_filter",
    "indication",
    "sub_indication",
    "integrity",
    "coverage",
    "modified_after",
    "changes_after",
    "signer",
    "signing_time",
    "checks",
];
