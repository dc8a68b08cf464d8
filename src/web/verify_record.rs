//! The download buttons for a document's verification record ("Phiếu kết quả kiểm
//! tra chữ ký số", [`crate::record`]) as PDF or DOCX, to file with the document.
//!
//! The record names the file's SHA-256, so the dropped file is read again and hashed
//! when the button is pressed (the verification itself hashes only the signed
//! ranges). The page lays the record out; the writer module ([`writer_client`]) makes
//! the PDF (in the letters' serif) or the DOCX.

use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::{download, writer_client};
use crate::i18n::{self, Lang};
use crate::record::{self, RecordInput};
use crate::verify::DocumentReport;
use crate::writer::Job;

/// The record itself is Vietnamese whatever the page's language, like the letters:
/// it is filed with Vietnamese administrative documents.
const RECORD_LANG: Lang = Lang::Vi;

#[derive(Properties)]
pub struct RecordButtonsProps {
    pub report: Rc<DocumentReport>,
    /// The dropped file (its bytes give the SHA-256 the record states).
    pub file: Option<web_sys::File>,
}

impl PartialEq for RecordButtonsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

#[component]
pub fn RecordButtons(props: &RecordButtonsProps) -> Html {
    let lang = super::lang::use_lang();
    let busy = use_state(|| false);
    let error = use_state(|| None::<String>);
    let make = |pdf: bool| {
        let report = Rc::clone(&props.report);
        let file = props.file.clone();
        let busy = busy.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            let (report, file, busy, error) = (
                Rc::clone(&report),
                file.clone(),
                busy.clone(),
                error.clone(),
            );
            busy.set(true);
            spawn_local(async move {
                let result = save(&report, file, pdf, lang).await;
                error.set(result.err());
                busy.set(false);
            });
        })
    };
    let t = |code: &'static str| i18n::text(lang, code);
    html! {
        <>
            <button type="button" class="button" onclick={make(true)} disabled={*busy || props.file.is_none()}
                data-testid="doc-record-pdf" title={t("record_download_hint")}>{ t("record_download_pdf") }</button>
            <button type="button" class="button" onclick={make(false)} disabled={*busy || props.file.is_none()}
                data-testid="doc-record-docx" title={t("record_download_hint")}>{ t("record_download_docx") }</button>
            if let Some(e) = &*error {
                <span class="warn" role="alert">{ e }</span>
            }
        </>
    }
}

async fn save(
    report: &DocumentReport,
    file: Option<web_sys::File>,
    pdf: bool,
    lang: Lang,
) -> Result<(), String> {
    let file = file.ok_or_else(|| report.file.clone())?;
    let blob = gloo::file::Blob::from(file);
    let bytes = gloo::file::futures::read_as_bytes(&blob)
        .await
        .map_err(|e| e.to_string())?;
    let layout = record::build(report, &RecordInput::of(&bytes), RECORD_LANG);
    drop(bytes);
    let stem = report
        .file
        .strip_suffix(".pdf")
        .or_else(|| report.file.strip_suffix(".PDF"))
        .unwrap_or(&report.file);
    let (job, name, mime) = if pdf {
        (
            Job::Pdf(layout),
            format!("{stem}-phieu-kiem-tra.pdf"),
            download::PDF,
        )
    } else {
        (
            Job::Docx(layout),
            format!("{stem}-phieu-kiem-tra.docx"),
            download::DOCX,
        )
    };
    let made = writer_client::write(&job)
        .await
        .map_err(|e| writer_client::failure(lang, &e))?;
    made.save(&name, mime).map_err(|_| report.file.clone())
}
