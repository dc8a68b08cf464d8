//! Reading the paths given on the command line: files as they are, folders by the
//! certificate-like files inside them.

use std::path::{Path, PathBuf};

use kyso::input::InputFile;

/// A path that could not be read at all.
pub struct Unreadable {
    pub file: String,
    pub detail: String,
}

/// Expands folders (recursively, in name order) and reads every file.
pub fn read_paths(paths: &[PathBuf], extensions: &[&str]) -> (Vec<InputFile>, Vec<Unreadable>) {
    let mut files = Vec::new();
    let mut bad = Vec::new();
    for p in paths {
        collect(p, extensions, true, &mut files, &mut bad);
    }
    (files, bad)
}

/// Certificate and CRL files (`kyso::input` says which names those are).
pub fn cert_extensions() -> Vec<&'static str> {
    let mut v = kyso::input::CERTIFICATE_FILE_EXTENSIONS.to_vec();
    v.extend_from_slice(kyso::input::CRL_FILE_EXTENSIONS);
    v
}

fn collect(
    path: &Path,
    extensions: &[&str],
    explicit: bool,
    files: &mut Vec<InputFile>,
    bad: &mut Vec<Unreadable>,
) {
    let shown = path.display().to_string();
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
            Err(e) => {
                bad.push(Unreadable {
                    file: shown,
                    detail: e.to_string(),
                });
                return;
            }
        };
        entries.sort();
        for e in entries {
            let hidden = e
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if !hidden {
                collect(&e, extensions, false, files, bad);
            }
        }
        return;
    }
    if !explicit {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if !extensions.contains(&ext.as_str()) {
            return;
        }
    }
    match std::fs::read(path) {
        Ok(bytes) => files.push(InputFile::new(shown, bytes)),
        Err(e) => bad.push(Unreadable {
            file: shown,
            detail: e.to_string(),
        }),
    }
}
