//! One document's panel on the verify tab: its name, size, a one-line summary, the
//! progress while it is read and hashed, its record buttons, and a
//! [`SignaturePanel`] per signature.

use std::rc::Rc;

use yew::prelude::*;

use super::hash::Engine;
use super::lang::{fill, t, use_lang};
use super::trust_folder::FolderCrls;
use super::verify_record::RecordButtons;
use super::verify_signature::SignaturePanel;
use super::verify_state::{DocEntry, Stage};
use super::{clock, download};
use crate::i18n::Lang;
use crate::verify::{DocumentReport, Indication};

#[derive(Properties)]
pub struct DocPanelProps {
    pub doc: Rc<DocEntry>,
    /// "Remove from the list", with the document's id.
    pub on_remove: Callback<usize>,
}

/// An entry is replaced whenever it changes, so the pointer says whether to draw
/// again: with a thousand documents, only the one that moved is redrawn.
impl PartialEq for DocPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc) && self.on_remove == other.on_remove
    }
}

/// One document: its name, a one-line summary, and a panel per signature.
#[component]
pub fn DocPanel(props: &DocPanelProps) -> Html {
    let lang = use_lang();
    let d = &props.doc;
    let on_remove = props.on_remove.reform({
        let id = d.id;
        move |_: MouseEvent| id
    });
    let on_json = {
        let report = d.report.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(r) = &report {
                export_json(std::slice::from_ref(r), lang);
            }
        })
    };
    let (summary_class, summary) = match (&d.stage, &d.report) {
        (Stage::Done, Some(r)) => (summary_tone(r), doc_summary(r, lang)),
        (Stage::Failed(m), _) => ("bad", t(lang, m).to_owned()),
        (Stage::Reading(_), _) => ("busy", t(lang, "ui_stage_reading").to_owned()),
        (Stage::Hashing(_), _) => ("busy", t(lang, "ui_stage_hashing").to_owned()),
        _ => ("busy", t(lang, "ui_stage_waiting").to_owned()),
    };
    let tm = &d.timing;
    html! {
        <article class={classes!("doc-panel", summary_class)} data-testid="document-result"
            data-file={d.name.clone()} data-state={d.stage.code()}
            data-summary={d.report.as_ref().map(|r| r.summary.code())}
            data-total-ms={format!("{:.1}", tm.total_ms)} data-hash-ms={format!("{:.1}", tm.hash_ms)}
            data-read-ms={format!("{:.1}", tm.read_ms)} data-plan-ms={format!("{:.1}", tm.plan_ms)}
            data-finish-ms={format!("{:.1}", tm.finish_ms)}
            data-worker-ms={tm.worker_ms.map(|ms| format!("{ms:.1}"))}
            data-hashed-bytes={tm.hashed_bytes.to_string()} data-hash-engine={tm.engine.map(Engine::code)}>
            <header class="doc-head">
                <div>
                    <h3 class="doc-name">{ &d.name }</h3>
                    <p class="muted">
                        if let Some(bytes) = d.size {
                            { format!("{:.1} MB", bytes / (1024.0 * 1024.0)) }
                        }
                        if let Some(r) = &d.report {
                            { fill(lang, "ui_revisions", &[&r.revisions.to_string()]) }
                            { fill(lang, "ui_signatures_count", &[&r.signatures.len().to_string()]) }
                        }
                    </p>
                </div>
                <div class="actions no-print">
                    if let Some(r) = &d.report {
                        <RecordButtons report={Rc::clone(r)} file={d.file.clone()} />
                        <button type="button" class="button" onclick={on_json} data-testid="doc-export-json">{ t(lang, "ui_export_json") }</button>
                    }
                    <button type="button" class="button subtle" onclick={on_remove}>{ t(lang, "ui_remove_from_list") }</button>
                </div>
            </header>
            <p class={classes!("doc-summary", summary_class)} data-testid="doc-summary">
                <span class="icon" aria-hidden="true">{ tone_icon(summary_class) }</span>{ " " }{ summary }
            </p>
            { progress(&d.stage, lang) }
            if let Some(r) = &d.report {
                if let (Some(code), Some(words)) = (r.encryption.code(), crate::i18n::encryption(lang, &r.encryption)) {
                    <p class={if r.encryption.is_decrypted() { "muted" } else { "warn" }}
                        data-testid="doc-encryption" data-encryption={code}>
                        { words }
                    </p>
                }
                if !r.input_problems.is_empty() {
                    <p class="warn">{ fill(lang, "ui_extra_unreadable", &[&r.input_problems.iter().map(|e| crate::i18n::input_error(lang, e)).collect::<Vec<_>>().join("; ")]) }</p>
                }
                <FolderCrls crls={d.folder_crls.clone()} at={r.at} />
                { for r.signatures.iter().enumerate().map(|(i, _)| html! {
                    <SignaturePanel report={Rc::clone(r)} index={i}
                        file={d.file.clone()} signed_end={d.signed_ends.get(i).copied().flatten()} />
                }) }
            }
        </article>
    }
}

/// The progress bar while reading and hashing (a native `<progress>`: no inline
/// style is needed, which the page's CSP forbids).
fn progress(s: &Stage, lang: Lang) -> Html {
    let (code, f) = match s {
        Stage::Reading(f) => ("ui_progress_reading", *f),
        Stage::Hashing(f) => ("ui_progress_hashing", *f),
        Stage::Waiting => ("ui_progress_waiting", 0.0),
        _ => return Html::default(),
    };
    let label = t(lang, code);
    let pct = (f.clamp(0.0, 1.0) * 100.0).round();
    html! {
        <div class="progress no-print" role="status">
            <progress max="100" value={format!("{pct}")} data-testid="verify-progress" aria-label={label}></progress>
            <span class="muted">{ format!(" {label}: {pct}%") }</span>
        </div>
    }
}

fn summary_tone(r: &DocumentReport) -> &'static str {
    crate::record::summary::tone(r.summary)
}

/// The icon beside a tone: the verdict never rests on the colour alone.
pub fn tone_icon(tone: &str) -> &'static str {
    match tone {
        "ok" => "✔",
        "unsure" => "?",
        "busy" => "…",
        _ => "✖",
    }
}

/// "Tất cả chữ ký hợp lệ; … · 2 chữ ký: 1 hợp lệ, 1 chưa đủ căn cứ".
pub fn doc_summary(r: &DocumentReport, lang: Lang) -> String {
    if let Some(e) = &r.error {
        return format!(
            "{}: {}",
            t(lang, "pdf_error"),
            crate::i18n::pdf_error(lang, e)
        );
    }
    let mut s = crate::i18n::summary_text(lang, r.summary).to_owned();
    if !r.signatures.is_empty() {
        let count = |i: Indication| r.signatures.iter().filter(|x| x.indication == i).count();
        let mut parts = Vec::new();
        for (i, w) in [
            (Indication::TotalPassed, "ui_count_valid"),
            (Indication::TotalFailed, "ui_count_invalid"),
            (Indication::Indeterminate, "ui_count_indeterminate"),
        ] {
            let n = count(i);
            if n > 0 {
                parts.push(format!("{n} {}", t(lang, w)));
            }
        }
        s.push_str(&fill(
            lang,
            "ui_doc_signatures",
            &[&r.signatures.len().to_string(), &parts.join(", ")],
        ));
    }
    s
}

/// Downloads the reports as JSON (`verify::to_json`, with the page language's words).
pub fn export_json(reports: &[Rc<DocumentReport>], lang: Lang) {
    let documents: Vec<serde_json::Value> = reports
        .iter()
        .map(|r| crate::render::verify_json(r, lang))
        .collect();
    let value = serde_json::json!({ "documents": documents });
    let Ok(json) = serde_json::to_vec_pretty(&value) else {
        return;
    };
    let (y, m, d, ..) = clock::now().to_civil();
    let name = format!("kyso-kiem-tra-chu-ky-{y:04}{m:02}{d:02}.json");
    if let Err(e) = download::save(&name, download::JSON, &json) {
        web_sys::console::error_2(&"kyso: download failed".into(), &e);
    }
}
