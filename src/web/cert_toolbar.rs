//! The certificate tab's toolbar: what was read ("3 chứng thư trong 2 tệp · 1 tệp
//! lỗi"), when it was checked, the filter, the JSON export and "Xóa danh sách".

use std::rc::Rc;

use yew::prelude::*;

use super::cert_card::vn_time;
use super::lang::{fill, t, use_lang};
use crate::i18n::Lang;
use crate::report::CertReport;

/// The filter is offered from this many certificates on.
const FILTER_FROM: usize = 4;

#[derive(Properties)]
pub struct CertToolbarProps {
    pub report: Rc<CertReport>,
    /// Files the page could not read at all (besides the report's own errors).
    pub read_problems: usize,
    /// The filter text as typed.
    pub filter: AttrValue,
    pub on_filter: Callback<String>,
    pub on_export: Callback<()>,
    pub on_clear: Callback<()>,
}

/// The same report (by pointer) and the same numbers: callbacks are made anew on
/// every render and would otherwise redraw it each time.
impl PartialEq for CertToolbarProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && self.read_problems == other.read_problems
            && self.filter == other.filter
    }
}

#[component]
pub fn CertToolbar(props: &CertToolbarProps) -> Html {
    let lang = use_lang();
    let report = &props.report;
    let total = report.certificates.len();
    let on_filter = props.on_filter.reform(|e: InputEvent| {
        e.target_dyn_into::<web_sys::HtmlInputElement>()
            .map(|input| input.value())
            .unwrap_or_default()
    });
    let on_export = props.on_export.reform(|_: MouseEvent| ());
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <div class="toolbar">
            <p class="summary" data-testid="summary" data-total={total.to_string()}>
                { summary(report, props.read_problems, lang) }
                <span class="muted">
                    { fill(lang, "ui_checked_at", &[&vn_time(report.at)]) }
                </span>
            </p>
            <div class="actions">
                if total >= FILTER_FROM {
                    <input type="search" class="filter" placeholder={t(lang, "ui_filter_placeholder")}
                        aria-label={t(lang, "ui_filter_label")} value={props.filter.clone()} oninput={on_filter}
                        data-testid="filter" />
                }
                <button type="button" class="button" onclick={on_export} data-testid="export-json"
                    title={t(lang, "ui_export_json_title")}>
                    { t(lang, "ui_export_json") }
                </button>
                <button type="button" class="button subtle" onclick={on_clear} data-testid="clear">
                    { t(lang, "ui_clear_list") }
                </button>
            </div>
        </div>
    }
}

/// "3 chứng thư trong 2 tệp · 1 tệp lỗi".
pub fn summary(report: &CertReport, read_problems: usize, lang: Lang) -> String {
    let mut files: Vec<&str> = report
        .certificates
        .iter()
        .map(|c| c.file.as_str())
        .collect();
    files.sort_unstable();
    files.dedup();
    let mut text = fill(
        lang,
        "ui_cert_summary",
        &[
            &report.certificates.len().to_string(),
            &files.len().to_string(),
        ],
    );
    let bad = report.errors.len().saturating_add(read_problems);
    if bad > 0 {
        text.push_str(&fill(lang, "ui_errors_count", &[&bad.to_string()]));
    }
    if report.crl_count > 0 {
        text.push_str(&fill(
            lang,
            "ui_crl_count",
            &[&report.crl_count.to_string()],
        ));
    }
    text
}
