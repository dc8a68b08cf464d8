//! Reading what the user dropped, picked or pasted into [`InputFile`]s.

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
    /// Vietnamese sentence for the error list.
    pub fn message(&self) -> String {
        match self.reason {
            ReadReason::TooLarge { bytes } => format!(
                "Tệp quá lớn ({} MB); một tệp chứng thư số chỉ vài KB.",
                bytes / (1024 * 1024)
            ),
            ReadReason::Unreadable => {
                "Trình duyệt không đọc được tệp này (có thể là thư mục, hoặc tệp đã bị xóa \
                 hay di chuyển)."
                    .to_owned()
            }
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

/// Reads every file, in order. Never fails as a whole: each file either becomes an
/// [`InputFile`] or a [`ReadProblem`].
pub async fn read_all(files: Vec<web_sys::File>) -> (Vec<InputFile>, Vec<ReadProblem>) {
    let mut read = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    let limit = u64::try_from(MAX_INPUT_BYTES).unwrap_or(u64::MAX);
    for file in files {
        let name = file.name();
        // `size` is a JS number of bytes; `as` saturates on anything odd.
        let bytes = file.size() as u64;
        if bytes > limit {
            problems.push(ReadProblem {
                file: name,
                reason: ReadReason::TooLarge { bytes },
            });
            continue;
        }
        let blob = gloo::file::Blob::from(file);
        match gloo::file::futures::read_as_bytes(&blob).await {
            Ok(content) => read.push(InputFile::new(name, content)),
            Err(_) => problems.push(ReadProblem {
                file: name,
                reason: ReadReason::Unreadable,
            }),
        }
    }
    (read, problems)
}

/// Text pasted into the page, as a file named after the paste number.
pub fn pasted(text: &str, number: usize) -> Option<InputFile> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(InputFile::new(
        format!("văn bản dán #{number}"),
        text.as_bytes().to_vec(),
    ))
}
