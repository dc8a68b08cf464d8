//! `kyso form`: one Decree 68 letter from certificate files and/or a list, as DOCX
//! or PDF.
//!
//! Exit status: 0 written with no problem, 3 written with problems (listed on
//! stderr, one per line), 2 an input could not be read (nothing written), 1 wrong
//! usage.

use std::path::{Path, PathBuf};

use clap::Args;
use kyso::forms::{self, FontSet, FormKind, Letter, Problem, Row, Severity};
use kyso::i18n::{self, Lang};
use kyso::report::{self, CertOptions};
use kyso::rules::dates::Date;
use kyso::time::Instant;

use super::{EXIT_OK, EXIT_UNREADABLE, files, usage_error};

/// Written, but the letter breaks some rules.
pub const EXIT_PROBLEMS: u8 = 3;

#[derive(Args, Debug)]
pub struct FormArgs {
    /// Mẫu số / form: 01..09.
    #[arg(value_name = "01..09")]
    pub form: String,
    /// Tệp hoặc thư mục chứng thư số (.cer, .p7b...) / certificate files or folders.
    #[arg(long = "cert", value_name = "PATH")]
    pub certs: Vec<PathBuf>,
    /// Bản nháp JSON hoặc danh sách CSV/XLSX / a JSON draft or a CSV/XLSX list.
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// docx (mặc định, hoặc theo đuôi tệp --out) hoặc pdf.
    #[arg(long, value_name = "docx|pdf")]
    pub format: Option<String>,
    /// Tệp kết quả / output file.
    #[arg(long, value_name = "FILE", required = true)]
    pub out: PathBuf,
    /// Ngày văn bản và ngày kiểm tra (mặc định: hôm nay) / the letter's date.
    #[arg(long, value_name = "dd/mm/yyyy")]
    pub date: Option<String>,
    /// Thư mục phông chữ thay cho phông có sẵn / a folder with the four
    /// LiberationSerif-*.ttf faces instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub fonts: Option<PathBuf>,
    /// Ngôn ngữ thông báo / language of the messages: vi (mặc định) hoặc en.
    #[arg(long, value_name = "vi|en", default_value = "vi")]
    pub lang: String,
}

/// The serif built into the CLI binary (1.5 MB; only the CLI carries it: the web
/// fetches the same files from `static/fonts` when it first makes a PDF).
const BUILTIN_FONTS: [&[u8]; 4] = [
    include_bytes!("../../../static/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../../static/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../../static/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../../static/fonts/LiberationSerif-BoldItalic.ttf"),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Docx,
    Pdf,
}

fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Vietnam is UTC+7: the letter's day is the local day.
    let local = i64::try_from(secs).unwrap_or(0).saturating_add(7 * 3600);
    Date::from_instant(Instant::from_unix(local))
}

pub fn run(args: &FormArgs) -> u8 {
    let Some(kind) = FormKind::parse(&args.form) else {
        return usage_error(&format!("«{}»: mẫu phải là 01..09", args.form));
    };
    let Some(lang) = Lang::parse(&args.lang) else {
        return usage_error(&format!("--lang: «{}» (vi|en)", args.lang));
    };
    let format = match args
        .format
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("docx") => Format::Docx,
        Some("pdf") => Format::Pdf,
        Some(other) => return usage_error(&format!("--format: «{other}» (docx|pdf)")),
        None => {
            let ext = args
                .out
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            if ext.as_deref() == Some("pdf") {
                Format::Pdf
            } else {
                Format::Docx
            }
        }
    };
    let date = match &args.date {
        Some(t) => match Date::parse(t) {
            Ok(d) => d,
            Err(_) => return usage_error(&format!("--date: «{t}» (dd/mm/yyyy)")),
        },
        None => today(),
    };

    // The draft or the list.
    let mut letter = Letter::new(kind);
    let mut listed: Vec<Row> = Vec::new();
    if let Some(path) = &args.data {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return unreadable(path, &e.to_string()),
        };
        let name = path.display().to_string();
        if name.to_ascii_lowercase().ends_with(".json") {
            let text = String::from_utf8_lossy(&bytes);
            match Letter::from_json(&text) {
                Ok(l) if l.kind != kind => {
                    return usage_error(&format!(
                        "{name}: bản nháp là Mẫu {}, không phải Mẫu {}",
                        l.kind.number(),
                        kind.number()
                    ));
                }
                Ok(l) => letter = l,
                Err(e) => {
                    return unreadable(
                        path,
                        &format!(
                            "{} (dòng {}, cột {})",
                            i18n::text(lang, e.code),
                            e.line,
                            e.column
                        ),
                    );
                }
            }
        } else {
            match forms::import_rows(kind, &name, &bytes) {
                Ok(rows) => listed = rows,
                Err(e) => {
                    let mut msg = i18n::text(lang, e.code).to_string();
                    if let Some(l) = e.line {
                        msg.push_str(&format!(
                            " ({} {l}",
                            if lang == Lang::Vi { "dòng" } else { "line" }
                        ));
                        if let Some(c) = &e.column {
                            msg.push_str(&format!(
                                ", {} «{c}»",
                                if lang == Lang::Vi { "cột" } else { "column" }
                            ));
                        }
                        msg.push(')');
                    }
                    return unreadable(path, &msg);
                }
            }
        }
    }

    // Certificates.
    let mut cert_rows = Vec::new();
    if !args.certs.is_empty() {
        let (inputs, bad) = files::read_paths(&args.certs, files::cert_extensions());
        if let Some(u) = bad.first() {
            return unreadable(Path::new(&u.file), &u.detail);
        }
        let at = date.to_instant().unwrap_or(Instant::from_unix(0));
        let rep = report::read_certificates(&inputs, &CertOptions::at(at));
        if let Some(e) = rep.errors.first() {
            return unreadable(Path::new(&e.file), &i18n::input_error(lang, &e.error));
        }
        if rep.certificates.is_empty() {
            return unreadable(
                args.certs.first().map_or(Path::new(""), PathBuf::as_path),
                i18n::text(lang, "not_a_certificate"),
            );
        }
        cert_rows = forms::rows_from_certs(kind, &rep.certificates);
    }
    let new_rows = forms::merge_rows(cert_rows, listed);
    letter.rows.extend(new_rows);
    if letter.letterhead.date.trim().is_empty() {
        letter.letterhead.date = date.to_string();
    }
    letter.normalise();

    let problems = forms::check_letter(&letter, date);
    for p in &problems {
        eprintln!("{}", problem_line(lang, p));
    }

    let bytes = match format {
        Format::Docx => forms::docx::to_docx(&letter),
        Format::Pdf => {
            let fonts = match load_fonts(args.fonts.as_deref()) {
                Ok(f) => f,
                Err(msg) => {
                    return unreadable(args.fonts.as_deref().unwrap_or(Path::new("")), &msg);
                }
            };
            match forms::pdf::to_pdf(&letter, &fonts) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("kyso: {} ({})", i18n::text(lang, e.code), e.style);
                    return EXIT_UNREADABLE;
                }
            }
        }
    };
    if let Err(e) = std::fs::write(&args.out, bytes) {
        eprintln!("kyso: {}: {e}", args.out.display());
        return EXIT_UNREADABLE;
    }
    if problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_PROBLEMS
    }
}

fn unreadable(path: &Path, detail: &str) -> u8 {
    eprintln!("kyso: {}: {detail}", path.display());
    EXIT_UNREADABLE
}

pub(super) fn load_fonts(dir: Option<&Path>) -> Result<FontSet, String> {
    let [r, b, i, bi] = match dir {
        None => BUILTIN_FONTS.map(<[u8]>::to_vec),
        Some(d) => {
            let mut out: [Vec<u8>; 4] = Default::default();
            for (slot, name) in out.iter_mut().zip(forms::pdf::FONT_FILES) {
                *slot = std::fs::read(d.join(name)).map_err(|e| format!("{name}: {e}"))?;
            }
            out
        }
    };
    FontSet::new(r, b, i, bi).map_err(|e| format!("{} ({})", e.code, e.style))
}

/// `row 3, field email: <message> [source]`.
pub fn problem_line(lang: Lang, p: &Problem) -> String {
    let vi = lang == Lang::Vi;
    let place = match p.row {
        Some(r) => format!("{} {r}", if vi { "dòng" } else { "row" }),
        None => (if vi { "văn bản" } else { "letter" }).to_string(),
    };
    let field = p.field.unwrap_or("-");
    let mut msg = match &p.eligibility {
        Some(e) => i18n::renewal_sentence(lang, e),
        None => i18n::text(lang, p.rule.code()).to_string(),
    };
    if let Some(other) = p.other_row {
        msg.push_str(&if vi {
            format!(" (trùng dòng {other})")
        } else {
            format!(" (same as row {other})")
        });
    }
    if p.severity == Severity::Warning {
        msg.push_str(if vi { " (lưu ý)" } else { " (warning)" });
    }
    format!(
        "{place}, {} {field}: {msg} [{}]",
        if vi { "trường" } else { "field" },
        p.rule.source()
    )
}
