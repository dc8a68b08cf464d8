//! Reading what the user dropped, picked or pasted into [`InputFile`]s.

use super::lang;
use crate::i18n::Lang;
use crate::input::InputFile;
use crate::input::MAX_INPUT_BYTES;

/// A file the browser would not hand over, or that is too big to try.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadProblem {
    pub file: String,
    pub reason: ReadReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadReason {
    /// Larger than the core accepts; not read at all.
    TooLarge { bytes: u64 },
    /// The browser refused (a folder, a file removed meanwhile, no permission).
    Unreadable,
}

impl ReadProblem {
    /// The sentence for the error list, in the page's language.
    pub fn message_in(&self, lang: Lang) -> String {
        match self.reason {
            ReadReason::TooLarge { bytes } => lang::fill(
                lang,
                "ui_read_too_large",
                &[&(bytes / (1024 * 1024)).to_string()],
            ),
            ReadReason::Unreadable => lang::t(lang, "ui_read_unreadable").to_owned(),
        }
    }
}

/// The files of a `FileList` (from an `<input type=file>` or a drop).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// How many files are read at once. One at a time, each read waited for its own
/// FileReader event (a task of the event loop), and 1,000 certificate files from a
/// folder took 1.1–1.4 s before the first card (a bundle of the same: 0.33 s); with
/// `Blob.arrayBuffer()` promises in flight together the waits overlap
/// (scripts/bench.sh, bench-certs-files.mjs). Bounded, so a drop of many large files
/// does not hold them all in memory before the first is parsed.
const READS_IN_FLIGHT: usize = 256;

/// Reads every file, concurrently, keeping their order. Never fails as a whole: each
/// file either becomes an [`InputFile`] or a [`ReadProblem`].
pub async fn read_all(files: Vec<web_sys::File>) -> (Vec<InputFile>, Vec<ReadProblem>) {
    use futures::stream::{self, StreamExt};

    let limit = u64::try_from(MAX_INPUT_BYTES).unwrap_or(u64::MAX);
    let results: Vec<Result<InputFile, ReadProblem>> = stream::iter(files)
        .map(|file| read_one(file, limit))
        .buffered(READS_IN_FLIGHT)
        .collect()
        .await;
    let mut read = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(f) => read.push(f),
            Err(p) => problems.push(p),
        }
    }
    (read, problems)
}

async fn read_one(file: web_sys::File, limit: u64) -> Result<InputFile, ReadProblem> {
    let name = file.name();
    // `size` is a JS number of bytes; `as` saturates on anything odd.
    let bytes = file.size() as u64;
    if bytes > limit {
        return Err(ReadProblem {
            file: name,
            reason: ReadReason::TooLarge { bytes },
        });
    }
    // `Blob.arrayBuffer()`: one promise per file, no FileReader object and events.
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
    match buffer {
        Ok(b) => Ok(InputFile::new(name, js_sys::Uint8Array::new(&b).to_vec())),
        Err(_) => Err(ReadProblem {
            file: name,
            reason: ReadReason::Unreadable,
        }),
    }
}

/// Text pasted into the page, as a file named after the paste number.
pub fn pasted(text: &str, number: usize, lang: Lang) -> Option<InputFile> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(InputFile::new(
        lang::fill(lang, "ui_pasted_name", &[&number.to_string()]),
        text.as_bytes().to_vec(),
    ))
}
