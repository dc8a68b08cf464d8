//! Reading what the user dropped, picked or pasted into [`InputFile`]s.

use wasm_bindgen::JsCast;

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

/// How many files are read at once, at most. One at a time, each read waited for its
/// own FileReader event, and 1,000 certificate files from a folder took 1.1–1.4 s before
/// the first card (a bundle of the same: 0.33 s). Now each round hands the browser a
/// batch of `Blob.arrayBuffer()` promises and waits once for all of them
/// (`Promise.allSettled`), as plain JavaScript would (scripts/bench.sh,
/// bench-certs-files.mjs).
const MAX_READS_IN_FLIGHT: usize = 256;

/// The first round's size: nothing is known yet about the files' sizes.
const FIRST_READS_IN_FLIGHT: usize = 16;

/// About how many bytes a round may hold in memory at once; the next round's count
/// follows the largest file seen so far, so a folder of scanned PDFs is read a few at
/// a time and a folder of certificates hundreds at a time.
const BYTES_IN_FLIGHT: u64 = 64 * 1024 * 1024;

/// Reads every file, concurrently, keeping their order. Never fails as a whole: each
/// file either becomes an [`InputFile`] or a [`ReadProblem`].
///
/// The size of a file is not asked before reading it: in Chromium, `File.size` of a
/// file from disk is a synchronous round trip to the browser process (0.1–0.6 ms
/// each, measured: most of the time of a 1,000-file drop). The limit of the core
/// ([`MAX_INPUT_BYTES`]) is applied to what was read, and memory is bounded by
/// [`BYTES_IN_FLIGHT`] per round instead; a read the browser refuses is asked its size
/// only then, to tell "too large" from "unreadable".
pub async fn read_all(files: Vec<web_sys::File>) -> (Vec<InputFile>, Vec<ReadProblem>) {
    let limit = u64::try_from(MAX_INPUT_BYTES).unwrap_or(u64::MAX);
    let mut read = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    let mut rest = files.as_slice();
    let mut in_flight = FIRST_READS_IN_FLIGHT;
    let mut largest: u64 = 1;
    while !rest.is_empty() {
        let (round, next) = rest.split_at(in_flight.min(rest.len()));
        rest = next;
        for (file, outcome) in round.iter().zip(read_round(round).await) {
            match outcome {
                Some(bytes) if u64::from(bytes.length()) <= limit => {
                    largest = largest.max(u64::from(bytes.length()));
                    read.push(InputFile::new(file.name(), bytes.to_vec()));
                }
                Some(bytes) => {
                    largest = largest.max(u64::from(bytes.length()));
                    problems.push(too_large(file, u64::from(bytes.length())));
                }
                None => {
                    // `as` saturates on anything odd.
                    let size = file.size() as u64;
                    problems.push(if size > limit {
                        too_large(file, size)
                    } else {
                        ReadProblem {
                            file: file.name(),
                            reason: ReadReason::Unreadable,
                        }
                    });
                }
            }
        }
        let fits = usize::try_from(BYTES_IN_FLIGHT / largest).unwrap_or(usize::MAX);
        in_flight = fits.clamp(1, MAX_READS_IN_FLIGHT);
    }
    (read, problems)
}

/// One round: every file's `arrayBuffer()` at once, each outcome in the files' order
/// (`None` where the browser refused).
async fn read_round(files: &[web_sys::File]) -> Vec<Option<js_sys::Uint8Array>> {
    let promises: js_sys::Array = files.iter().map(|f| f.array_buffer()).collect();
    let settled = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all_settled(&promises))
        .await
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok());
    let value = wasm_bindgen::JsValue::from_str("value");
    (0..files.len())
        .map(|i| {
            let outcome = settled.as_ref()?.get(u32::try_from(i).ok()?);
            let buffer = js_sys::Reflect::get(&outcome, &value).ok()?;
            buffer
                .dyn_into::<js_sys::ArrayBuffer>()
                .ok()
                .map(|b| js_sys::Uint8Array::new(&b))
        })
        .collect()
}

fn too_large(file: &web_sys::File, bytes: u64) -> ReadProblem {
    ReadProblem {
        file: file.name(),
        reason: ReadReason::TooLarge { bytes },
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
