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
    /// docx (mặc định, hoặc theo đuôi tệp --out), pdf, hoặc xlsx: bảng nhập liệu
    /// 19 cột của Cục (Mẫu 01) / or xlsx: the CA's 19-column import sheet (form 01).
    #[arg(long, value_name = "docx|pdf|xlsx")]
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
    /// 04, 06: gửi Sở Khoa học và Công nghệ của tỉnh này thay cho Cục / send to this
    /// province's Department of Science and Technology instead of the Cục.
    #[arg(long = "to-province", value_name = "TỈNH")]
    pub to_province: Option<String>,
    /// 01: cá nhân sử dụng giải pháp ký số tập trung / remote-signing holders.
    #[arg(long)]
    pub central: bool,
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
    /// The CA's bulk-import sheet (`forms::ca_sheet`).
    Xlsx,
}

fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::in_viet_nam(Instant::from_unix(i64::try_from(secs).unwrap_or(0)))
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
        Some("xlsx") => Format::Xlsx,
        Some(other) => return usage_error(&format!("--format: «{other}» (docx|pdf|xlsx)")),
        None => {
            let ext = args
                .out
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            match ext.as_deref() {
                Some("pdf") => Format::Pdf,
                Some("xlsx") => Format::Xlsx,
                _ => Format::Docx,
            }
        }
    };
    if format == Format::Xlsx && kind != FormKind::F01 {
        return usage_error("xlsx: bảng nhập liệu của Cục chỉ dành cho Mẫu 01");
    }
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
                // A lost-device record leads to its revocation request.
                Ok(l) if l.kind == FormKind::F09 && kind == FormKind::F05 => {
                    letter = forms::followup::revocation_after_loss(&l);
                }
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
        let (inputs, bad) = files::read_paths(&args.certs, &files::cert_extensions());
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
        let filled = forms::fill_from_certs(kind, &rep.certificates);
        for o in &filled.left_out {
            eprintln!("{}", left_out_line(lang, o));
        }
        cert_rows = filled.rows;
    }
    let new_rows = forms::merge_rows(cert_rows, listed);
    letter.rows.extend(new_rows);
    if letter.letterhead.date.trim().is_empty() {
        letter.letterhead.date = date.to_string();
    }
    if let Some(p) = &args.to_province {
        if !kind.addressee_choice() {
            return usage_error("--to-province: chỉ dùng cho Mẫu 04 và 06");
        }
        letter.letterhead.addressee = forms::Addressee::So;
        letter.letterhead.addressee_province = p.clone();
    }
    if args.central {
        letter.central_signing = true;
    }
    letter.normalise();

    let problems = forms::check_letter(&letter, date);
    for p in &problems {
        eprintln!("{}", problem_line(lang, p));
    }

    let bytes = match format {
        Format::Docx => forms::docx::to_docx(&letter),
        Format::Xlsx => forms::ca_sheet::to_xlsx(&letter),
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
    if kind == FormKind::F09 {
        eprintln!(
            "{} (kyso form 05 --data <09.json>)",
            i18n::text(lang, "forms_09_then_05")
        );
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
    let mut msg = i18n::form_problem(lang, p);
    if p.severity == Severity::Warning {
        msg.push_str(if vi { " (lưu ý)" } else { " (warning)" });
    }
    format!(
        "{place}, {} {field}: {msg} [{}]",
        if vi { "trường" } else { "field" },
        p.rule.source()
    )
}

/// `kyso: file.cer: Name: left out of the letter — the holder is not of this form's
/// kind (organization)`.
pub fn left_out_line(lang: Lang, o: &forms::LeftOut) -> String {
    format!(
        "kyso: {}: {}: {} — {} ({})",
        o.file,
        o.name,
        i18n::text(lang, "forms_left_out"),
        i18n::text(lang, o.code),
        i18n::text(lang, o.holder.code())
    )
}
