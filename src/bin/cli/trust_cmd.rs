//! `kyso trust list`: which CA certificates are built in, which of them are trust
//! anchors, and how old the set is.

use std::io::Write;

use clap::{Args, Subcommand};
use kyso::i18n::{self, Lang};
use kyso::trust::builtin::{self, BuiltinCa};
use serde_json::{Value, json};

use super::{EXIT_OK, usage_error};

#[derive(Args, Debug)]
pub struct TrustCmd {
    #[command(subcommand)]
    pub command: TrustCommand,
}

#[derive(Subcommand, Debug)]
pub enum TrustCommand {
    /// Liệt kê các chứng thư CA có sẵn trong kyso / list the built-in CA certificates.
    List(ListArgs),
    /// Cập nhật thư mục tin cậy (CRL, chứng thư CA) cho trang web / refresh the
    /// deploy-time trust folder (CRLs, CA certificates) the page reads.
    Update(super::trust_update::UpdateArgs),
}

#[derive(Args, Debug)]
pub struct ListArgs {
    /// In một tài liệu JSON / print one JSON document.
    #[arg(long)]
    pub json: bool,
    /// Thời điểm để tính tuổi của bộ chứng thư và hạn còn lại (RFC 3339, mặc định:
    /// bây giờ) / the time the set's age and the certificates' validity are told at.
    #[arg(long, value_name = "RFC3339")]
    pub at: Option<String>,
    /// Ngôn ngữ / language: vi (mặc định) hoặc en.
    #[arg(long, value_name = "vi|en", default_value = "vi")]
    pub lang: String,
}

pub fn run(cmd: &TrustCmd) -> u8 {
    match &cmd.command {
        TrustCommand::List(args) => list(args),
        TrustCommand::Update(args) => super::trust_update::run(args),
    }
}

fn list(args: &ListArgs) -> u8 {
    let (at, lang) = match super::parse_at(args.at.as_deref())
        .and_then(|at| Ok((at, super::parse_lang(&args.lang)?)))
    {
        Ok(v) => v,
        Err(e) => return usage_error(&e),
    };
    let cas = builtin::list();
    let anchors = cas.iter().filter(|c| c.anchor.is_some()).count();
    let summary = i18n::builtin_summary(lang, cas.len(), anchors, builtin::set_date(), at);
    let out = std::io::stdout();
    let mut out = out.lock();
    let written = if args.json {
        let certificates: Vec<Value> = cas
            .iter()
            .map(|c| {
                let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
                if let Some(o) = v.as_object_mut() {
                    o.insert("kind_text".into(), i18n::text(lang, c.kind.code()).into());
                    o.insert("expired".into(), (c.not_after < at).into());
                }
                v
            })
            .collect();
        let doc = json!({
            "at": at,
            "set_date": builtin::set_date(),
            "count": cas.len(),
            "anchors": anchors,
            "summary_text": summary,
            "certificates": certificates,
        });
        serde_json::to_writer_pretty(&mut out, &doc)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        print_human(&mut out, &cas, &summary, at, lang)
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("kyso: {e}");
    }
    EXIT_OK
}

fn print_human(
    out: &mut impl Write,
    cas: &[BuiltinCa],
    summary: &str,
    at: kyso::time::Instant,
    lang: Lang,
) -> std::io::Result<()> {
    let vi = lang == Lang::Vi;
    writeln!(out, "{summary}")?;
    writeln!(
        out,
        "{}",
        if vi {
            "★ = điểm tin cậy (CA gốc được ghim theo SHA-256)."
        } else {
            "★ = trust anchor (root pinned by SHA-256)."
        }
    )?;
    for c in cas {
        writeln!(out)?;
        let star = if c.anchor.is_some() { "★" } else { " " };
        let source = i18n::text(
            lang,
            if c.government {
                "builtin_government"
            } else {
                "builtin_public"
            },
        );
        let until = if vi {
            c.not_after.to_vn_date()
        } else {
            c.not_after.to_rfc3339().chars().take(10).collect()
        };
        let expired = match (c.not_after < at, vi) {
            (true, true) => " (đã hết hạn)",
            (true, false) => " (expired)",
            (false, _) => "",
        };
        writeln!(out, "{star} {}", c.name)?;
        writeln!(
            out,
            "    {} · {source} · {} {until}{expired}",
            i18n::text(lang, c.kind.code()),
            if vi {
                "hiệu lực đến"
            } else {
                "valid until"
            },
        )?;
        writeln!(out, "    SHA-256 {}", c.sha256)?;
    }
    Ok(())
}
