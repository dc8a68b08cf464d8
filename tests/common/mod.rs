//! What the integration tests share: where the repository and its fixtures are,
//! reading files (a missing one fails the test with its path), the corpora and real
//! certificates in `../shared` beside the repository (missing → a loud failure that
//! names the path, never a silent skip), and the CLI runner.
//!
//! Each file in `tests/` is its own crate and uses a part of this (`mod common;`),
//! hence `dead_code` allowed here.

#![allow(dead_code)]

pub mod rng;
pub mod signed;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kyso::input::InputFile;
use serde_json::Value;

/// The repository (the package root).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<rel>`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The bytes of `path`; a missing or unreadable file fails with its path.
pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An [`InputFile`] named `name` holding the bytes of `path`.
pub fn input(name: impl Into<String>, path: &Path) -> InputFile {
    InputFile::new(name, read(path))
}

/// `../shared/<rel>`: the corpora (PKITS, real-world, shadow attacks) and real
/// government certificates that live beside the repository, not in it. When they
/// are missing the test fails and says where it looked: a test that skips what it
/// cannot find passes without testing anything.
pub fn shared(rel: &str) -> PathBuf {
    let base = root().join("../shared");
    assert!(
        base.is_dir(),
        "{}: not found. These tests read the corpora and real certificates in \
         ../shared beside the repository (see README); put it there, they never skip",
        base.display()
    );
    let p = base.join(rel);
    assert!(
        p.exists(),
        "{}: not found in ../shared (is ../shared complete?)",
        p.display()
    );
    p
}

/// Every file ending in `.<ext>` under `dir`, recursively, sorted. A directory that
/// cannot be read fails with its path.
pub fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for e in entries {
            let p = e
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .path();
            if p.is_dir() {
                walk(&p, ext, out);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, ext, &mut out);
    out.sort();
    out
}

/// Runs the `kyso` CLI built for this test run, from the repository root (so
/// relative paths such as `tests/fixtures/...` work).
pub fn kyso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kyso"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("running kyso {args:?}: {e}"))
}

/// The CLI's standard output as one JSON document.
pub fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// A file under `../shared` as a string argument for the CLI.
pub fn shared_arg(rel: &str) -> String {
    shared(rel).display().to_string()
}
