//! The files (or parts of files) the certificate tab could not read, each with its
//! reason; a PDF dropped here is sent to the verify tab.

use std::rc::Rc;

use yew::prelude::*;

use super::lang::{fill, t, use_lang};
use super::read::ReadProblem;
use crate::i18n;
use crate::report::CertReport;

#[derive(Properties)]
pub struct FileErrorsProps {
    /// Its `errors`: files read, but not as certificates.
    pub report: Rc<CertReport>,
    /// Files the page could not read at all (too big, unreadable).
    pub problems: Vec<ReadProblem>,
}

impl PartialEq for FileErrorsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report) && self.problems == other.problems
    }
}

#[component]
pub fn FileErrors(props: &FileErrorsProps) -> Html {
    let lang = use_lang();
    let errors = &props.report.errors;
    if errors.is_empty() && props.problems.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="file-errors" aria-label={t(lang, "ui_unreadable_files")}>
            { for props.problems.iter().map(|p| html! {
                <li data-testid="file-error" data-file={p.file.clone()}>
                    <strong>{ &p.file }</strong>{ ": " }{ p.message_in(lang) }
                </li>
            }) }
            { for errors.iter().map(|e| {
                let part = e.index.map(|i| fill(lang, "ui_item_number", &[&(i.saturating_add(1)).to_string()])).unwrap_or_default();
                html! {
                    <li data-testid="file-error" data-file={e.file.clone()} data-code={e.code()}>
                        <strong>{ format!("{}{part}", e.file) }</strong>{ ": " }
                        { i18n::input_error(lang, &e.error) }
                        if e.code() == "looks_like_pdf" {
                            { " " }<a href="#kiem-tra">{ t(lang, "ui_pdf_go_verify") }</a>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}
