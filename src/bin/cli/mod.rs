//! Argument parsing and dispatch. Each subcommand lives in its own module and
//! returns its exit status; usage errors are exit 1 (clap's own default is 2, which
//! here means "an input could not be read").

mod cert_cmd;
mod evidence;
mod files;
mod form_cmd;
mod http;
mod record_out;
mod trust_cmd;
mod trust_update;
mod verify_cmd;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use kyso::i18n::Lang;
use kyso::time::Instant;

/// Exit statuses shared by every subcommand.
pub const EXIT_OK: u8 = 0;
pub const EXIT_USAGE: u8 = 1;
pub const EXIT_UNREADABLE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "kyso",
    version,
    about = "Đọc chứng thư số, kiểm tra chữ ký PDF, lập văn bản theo Nghị định 68/2024 — không gửi dữ liệu đi đâu.\nRead certificates, verify signed PDFs, fill the Decree 68/2024 letters — nothing leaves this machine."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Đọc tệp chứng thư số (.cer, .crt, .pem, .p7b) / read certificate files.
    Cert(CertArgs),
    /// Kiểm tra chữ ký trên tệp PDF / verify signed PDFs.
    Verify(VerifyArgs),
    /// Lập văn bản theo Nghị định 68/2024 (Mẫu 01-09) / make a Decree 68 letter.
    Form(form_cmd::FormArgs),
    /// Các chứng thư CA có sẵn trong kyso / the CA certificates built into kyso.
    Trust(trust_cmd::TrustCmd),
}

/// Options shared by the commands that validate chains.
#[derive(Args, Debug)]
pub struct TrustArgs {
    /// Thời điểm kiểm tra (RFC 3339, mặc định: bây giờ) / validation time.
    #[arg(long, value_name = "RFC3339")]
    pub at: Option<String>,
    /// Thêm chứng thư CA gốc tin cậy / add a trust anchor.
    #[arg(long = "trust", value_name = "FILE")]
    pub trust: Vec<std::path::PathBuf>,
    /// Thêm chứng thư trung gian / add intermediate certificates.
    #[arg(long = "certs", value_name = "FILE")]
    pub certs: Vec<std::path::PathBuf>,
    /// Thêm danh sách thu hồi (CRL) / add CRL files.
    #[arg(long = "crl", value_name = "FILE")]
    pub crl: Vec<std::path::PathBuf>,
    /// Ngôn ngữ / language: vi (mặc định) hoặc en.
    #[arg(long, value_name = "vi|en", default_value = "vi")]
    pub lang: String,
    #[command(flatten)]
    pub evidence: evidence::EvidenceArgs,
}

#[derive(Args, Debug)]
pub struct CertArgs {
    /// In một tài liệu JSON / print one JSON document.
    #[arg(long)]
    pub json: bool,
    /// Bắt buộc kiểm tra thu hồi: chứng thư nào dưới CA gốc không có CRL dùng được thì
    /// chuỗi không hợp lệ (RFC 5280 §6.3) / a certificate without a usable CRL makes
    /// the chain invalid.
    #[arg(long)]
    pub require_revocation: bool,
    #[command(flatten)]
    pub trust: TrustArgs,
    /// Tệp hoặc thư mục / files or folders.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<std::path::PathBuf>,
}

#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// In một tài liệu JSON / print one JSON document.
    #[arg(long)]
    pub json: bool,
    /// Chỉ in bảng tổng hợp (một dòng mỗi tệp) / print only the summary table, one
    /// row per file: csv (RFC 4180, UTF-8 BOM, for Excel) or tsv.
    #[arg(long, value_name = "csv|tsv")]
    pub summary: Option<String>,
    /// Ghi phiếu kết quả kiểm tra chữ ký số của tệp PDF (một tệp) / write the
    /// verification record of the (single) PDF: FILE.pdf or FILE.docx.
    #[arg(long, value_name = "FILE.pdf|FILE.docx")]
    pub record: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub trust: TrustArgs,
    /// Tệp PDF hoặc thư mục / PDF files or folders.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<std::path::PathBuf>,
}

/// What `--trust`, `--certs` and `--crl` name, read from disk.
pub struct TrustInputs {
    pub anchors: Vec<kyso::input::InputFile>,
    pub certs: Vec<kyso::input::InputFile>,
    pub crls: Vec<kyso::input::InputFile>,
}

impl TrustArgs {
    /// The validation time and language, or the usage error to print.
    pub fn time_and_lang(&self) -> Result<(Instant, Lang), String> {
        Ok((self.at()?, self.lang()?))
    }

    /// Reads the trust inputs; files that cannot be read are added to `unreadable`.
    pub fn load(&self, unreadable: &mut Vec<files::Unreadable>) -> TrustInputs {
        let mut read = |paths: &[std::path::PathBuf]| {
            let (found, mut bad) = files::read_paths(paths, &files::cert_extensions());
            unreadable.append(&mut bad);
            found
        };
        TrustInputs {
            anchors: read(&self.trust),
            certs: read(&self.certs),
            crls: read(&self.crl),
        }
    }

    /// The validation time: `--at`, or the system clock.
    pub fn at(&self) -> Result<Instant, String> {
        parse_at(self.at.as_deref())
    }

    pub fn lang(&self) -> Result<Lang, String> {
        parse_lang(&self.lang)
    }
}

/// `--at`, or the system clock (the only place that reads one: the core takes the
/// time as an argument).
pub fn parse_at(text: Option<&str>) -> Result<Instant, String> {
    match text {
        Some(text) => Instant::parse_rfc3339(text).ok_or_else(|| {
            format!("--at: «{text}» không phải thời điểm RFC 3339 (ví dụ 2025-01-31T00:00:00Z)")
        }),
        None => {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|e| e.to_string())?;
            Ok(Instant::from_unix(
                i64::try_from(now.as_secs()).unwrap_or(i64::MAX),
            ))
        }
    }
}

/// `--lang`.
pub fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| format!("--lang: «{text}» (vi|en)"))
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let status = match cli.command {
        Command::Cert(args) => cert_cmd::run(&args),
        Command::Verify(args) => verify_cmd::run(&args),
        Command::Form(args) => form_cmd::run(&args),
        Command::Trust(cmd) => trust_cmd::run(&cmd),
    };
    ExitCode::from(status)
}

/// Prints a usage problem and returns the usage exit status.
pub fn usage_error(msg: &str) -> u8 {
    eprintln!("kyso: {msg}");
    EXIT_USAGE
}
