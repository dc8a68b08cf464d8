//! The batch summary above the document panels: one row per dropped PDF (file,
//! signatures, verdict, signer, signing time, modified?), sortable by any column,
//! filtered by text and by result, exported as CSV or XLSX.
//!
//! The rows are `record::summary` rows, the very ones `kyso verify --summary` prints,
//! so the page's table, its exports and the CLI agree. A row is made once per report
//! (cached by the report's pointer): with 1,000 documents finishing one by one, the
//! table is drawn a thousand times and must not word a thousand rows each time.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::lang::use_lang;
use super::verify_tab::{DocEntry, Stage};
use super::{clock, download, writer_client};
use crate::i18n::{self, Lang};
use crate::record::summary::{self, Row};
use crate::verify::DocumentReport;
use crate::writer::Job;

const CSV: &str = "text/csv;charset=utf-8";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// (Document id, language) → (the report a row was made from, the row).
type RowCache = HashMap<(usize, Lang), (Rc<DocumentReport>, Rc<Row>)>;

thread_local! {
    static ROWS: RefCell<RowCache> = RefCell::new(HashMap::new());
}

/// The row of a finished document, made once per report.
fn row_of(id: usize, report: &Rc<DocumentReport>, lang: Lang) -> Rc<Row> {
    ROWS.with(|rows| {
        let mut rows = rows.borrow_mut();
        if let Some((r, row)) = rows.get(&(id, lang))
            && Rc::ptr_eq(r, report)
        {
            return Rc::clone(row);
        }
        let row = Rc::new(summary::row(report, lang));
        rows.insert((id, lang), (Rc::clone(report), Rc::clone(&row)));
        row
    })
}

/// A line of the table: a finished document's row, or one still being checked.
#[derive(Clone, PartialEq)]
enum Line {
    Done(usize, Rc<Row>),
    Pending {
        id: usize,
        file: String,
        failed: Option<&'static str>,
    },
}

impl Line {
    fn id(&self) -> usize {
        match self {
            Line::Done(id, _) | Line::Pending { id, .. } => *id,
        }
    }
    fn file(&self) -> &str {
        match self {
            Line::Done(_, r) => &r.file,
            Line::Pending { file, .. } => file,
        }
    }
    fn tone(&self) -> &'static str {
        match self {
            Line::Done(_, r) => r.tone,
            Line::Pending {
                failed: Some(_), ..
            } => "bad",
            Line::Pending { .. } => "busy",
        }
    }
    /// The text a filter looks in.
    fn haystack(&self) -> String {
        match self {
            Line::Done(_, r) => r.cells().join(" ").to_lowercase(),
            Line::Pending { file, .. } => file.to_lowercase(),
        }
    }
}

#[derive(Properties)]
pub struct VerifySummaryProps {
    pub docs: Vec<Rc<DocEntry>>,
}

impl PartialEq for VerifySummaryProps {
    fn eq(&self, other: &Self) -> bool {
        self.docs.len() == other.docs.len()
            && self
                .docs
                .iter()
                .zip(&other.docs)
                .all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

/// Sorting: a column (index in `summary::COLUMNS`) and a direction.
#[derive(Clone, Copy, PartialEq)]
struct Sort {
    column: usize,
    ascending: bool,
}

/// Tone order when sorting by verdict or filtering: the worst first.
fn tone_rank(t: &str) -> u8 {
    match t {
        "bad" => 0,
        "unsure" => 1,
        "ok" => 2,
        _ => 3,
    }
}

fn modified_rank(code: &str) -> u8 {
    match code {
        "modified_yes" => 0,
        "modified_not_analysed" => 1,
        "modified_allowed_only" => 2,
        "modified_no" => 3,
        _ => 4,
    }
}

fn compare(a: &Line, b: &Line, column: usize) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (x, y) = match (a, b) {
        (Line::Done(_, x), Line::Done(_, y)) => (x, y),
        // Documents still being checked sort after the finished ones, by name.
        (Line::Done(..), Line::Pending { .. }) => return Ordering::Less,
        (Line::Pending { .. }, Line::Done(..)) => return Ordering::Greater,
        _ => return a.file().cmp(b.file()),
    };
    let by = match column {
        1 => x.signatures.cmp(&y.signatures),
        2 => tone_rank(x.tone)
            .cmp(&tone_rank(y.tone))
            .then_with(|| x.verdict.cmp(&y.verdict)),
        3 => x.signer.to_lowercase().cmp(&y.signer.to_lowercase()),
        // No time (no signature) after every time.
        4 => match (x.first_time, y.first_time) {
            (Some(p), Some(q)) => p.cmp(&q),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        5 => modified_rank(x.modified_code).cmp(&modified_rank(y.modified_code)),
        _ => Ordering::Equal,
    };
    by.then_with(|| x.file.to_lowercase().cmp(&y.file.to_lowercase()))
}

#[component]
pub fn VerifySummary(props: &VerifySummaryProps) -> Html {
    let lang = use_lang();
    let sort = use_state(|| None::<Sort>);
    let needle = use_state(String::new);
    let tone = use_state(|| "all".to_string());
    let export_error = use_state(|| None::<String>);

    // Rows of removed documents are dropped from the cache.
    let ids: Vec<usize> = props.docs.iter().map(|d| d.id).collect();
    ROWS.with(|rows| rows.borrow_mut().retain(|(id, _), _| ids.contains(id)));

    let mut lines: Vec<Line> = props
        .docs
        .iter()
        .map(|d| match (&d.stage, &d.report) {
            (Stage::Done, Some(r)) => Line::Done(d.id, row_of(d.id, r, lang)),
            (Stage::Failed(m), _) => Line::Pending {
                id: d.id,
                file: d.name.clone(),
                failed: Some(m),
            },
            _ => Line::Pending {
                id: d.id,
                file: d.name.clone(),
                failed: None,
            },
        })
        .collect();
    let total = lines.len();
    let done = lines.iter().filter(|l| matches!(l, Line::Done(..))).count();
    let wanted = needle.trim().to_lowercase();
    lines.retain(|l| {
        (tone.as_str() == "all" || l.tone() == tone.as_str())
            && (wanted.is_empty() || l.haystack().contains(&wanted))
    });
    if let Some(s) = *sort {
        lines.sort_by(|a, b| {
            let o = compare(a, b, s.column);
            if s.ascending { o } else { o.reverse() }
        });
    }
    let shown: Vec<Rc<Row>> = lines
        .iter()
        .filter_map(|l| match l {
            Line::Done(_, r) => Some(Rc::clone(r)),
            Line::Pending { .. } => None,
        })
        .collect();

    let on_filter = {
        let needle = needle.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                needle.set(i.value());
            }
        })
    };
    let on_tone = {
        let tone = tone.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                tone.set(s.value());
            }
        })
    };
    let export = |xlsx: bool| {
        let rows = shown.clone();
        let error = export_error.clone();
        Callback::from(move |_: MouseEvent| save(&rows, xlsx, lang, error.clone()))
    };
    let t = |code: &'static str| i18n::text(lang, code);

    let headers = summary::headers(lang);
    let head: Html = headers
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let (aria, arrow) = match *sort {
                Some(s) if s.column == i && s.ascending => ("ascending", " ▲"),
                Some(s) if s.column == i => ("descending", " ▼"),
                _ => ("none", ""),
            };
            let onclick = {
                let sort = sort.clone();
                Callback::from(move |_: MouseEvent| {
                    let ascending = !matches!(*sort, Some(s) if s.column == i && s.ascending);
                    sort.set(Some(Sort {
                        column: i,
                        ascending,
                    }));
                })
            };
            html! {
                <th scope="col" aria-sort={aria}>
                    <button type="button" class="sort" onclick={onclick}
                        data-testid="summary-sort" data-column={i.to_string()}>
                        { label.clone() }<span aria-hidden="true">{ arrow }</span>
                    </button>
                </th>
            }
        })
        .collect();

    html! {
        <section class="batch-summary" aria-labelledby="batch-summary-heading"
            data-testid="batch-summary" data-total={total.to_string()} data-done={done.to_string()}>
            <div class="toolbar no-print">
                <h3 id="batch-summary-heading" class="summary">{ t("summary_heading") }</h3>
                <div class="actions">
                    <label>
                        { format!("{} ", t("summary_filter")) }
                        <input type="search" class="filter" data-testid="summary-filter"
                            placeholder={t("summary_filter_hint")} value={(*needle).clone()} oninput={on_filter} />
                    </label>
                    <label>
                        { format!("{} ", t("summary_filter_tone")) }
                        <select data-testid="summary-tone" onchange={on_tone}>
                            { for [("all", "summary_tone_all"), ("ok", "summary_tone_ok"),
                                   ("unsure", "summary_tone_unsure"), ("bad", "summary_tone_bad")]
                                .into_iter().map(|(v, code)| html! {
                                    <option value={v} selected={tone.as_str() == v}>{ t(code) }</option>
                                }) }
                        </select>
                    </label>
                    <button type="button" class="button" onclick={export(false)} disabled={shown.is_empty()}
                        data-testid="summary-export-csv">{ t("summary_export_csv") }</button>
                    <button type="button" class="button" onclick={export(true)} disabled={shown.is_empty()}
                        data-testid="summary-export-xlsx">{ t("summary_export_xlsx") }</button>
                    if let Some(e) = &*export_error {
                        <span class="warn" role="alert">{ e }</span>
                    }
                </div>
            </div>
            <p class="muted" data-testid="summary-count" role="status">
                { format!("{} {} {} {} · {}", t("summary_shown"), lines.len(), t("summary_of"), total, t("summary_sort_hint")) }
            </p>
            <div class="table-wrap">
                <table class="rows summary-table" data-testid="summary-table">
                    <thead><tr>{ head }</tr></thead>
                    <tbody>
                        { for lines.into_iter().map(|l| { let key = l.id(); html! { <SummaryLine key={key} line={l} /> } }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SummaryLineProps {
    line: Line,
}

/// One row; redrawn only when its document changes.
#[component]
fn SummaryLine(props: &SummaryLineProps) -> Html {
    let lang = use_lang();
    let tone = props.line.tone();
    let icon = match tone {
        "ok" => "✔",
        "unsure" => "?",
        "busy" => "…",
        _ => "✖",
    };
    match &props.line {
        Line::Done(_, r) => html! {
            <tr class={classes!("summary-row", tone)} data-testid="summary-row" data-tone={tone}
                data-summary={r.verdict_code} data-modified={r.modified_code}>
                <td class="file">{ &r.file }</td>
                <td class="num">{ r.signatures }</td>
                <td class={classes!("verdict", tone)}><span aria-hidden="true">{ icon }</span>{ " " }{ &r.verdict }</td>
                <td>{ &r.signer }</td>
                <td>{ &r.signing_time }</td>
                <td>{ &r.modified }</td>
            </tr>
        },
        Line::Pending { file, failed, .. } => html! {
            <tr class={classes!("summary-row", tone)} data-testid="summary-row" data-tone={tone}>
                <td class="file">{ file }</td>
                <td class="num"></td>
                <td class={classes!("verdict", tone)} colspan="4">
                    <span aria-hidden="true">{ icon }</span>{ " " }
                    { failed.unwrap_or_else(|| i18n::text(lang, "summary_pending")) }
                </td>
            </tr>
        },
    }
}

/// Downloads the rows shown (filtered and sorted as on screen). The XLSX is packed
/// by the writer module ([`writer_client`]); the CSV needs no packing.
/// A failure is shown beside the buttons (`error`).
fn save(rows: &[Rc<Row>], xlsx: bool, lang: Lang, error: UseStateHandle<Option<String>>) {
    let rows: Vec<Row> = rows.iter().map(|r| (**r).clone()).collect();
    let (y, m, d, ..) = clock::now().to_civil();
    let stem = format!("kyso-tong-hop-kiem-tra-{y:04}{m:02}{d:02}");
    if !xlsx {
        let csv = summary::to_csv(&rows, lang);
        if let Err(e) = download::save(&format!("{stem}.csv"), CSV, &csv) {
            web_sys::console::error_2(&"kyso: download failed".into(), &e);
        }
        return;
    }
    let job = Job::Package(summary::xlsx_parts(&rows, lang));
    spawn_local(async move {
        match writer_client::write(&job).await {
            Ok(made) => {
                error.set(None);
                if let Err(e) = made.save(&format!("{stem}.xlsx"), XLSX) {
                    web_sys::console::error_2(&"kyso: download failed".into(), &e);
                }
            }
            Err(e) => error.set(Some(writer_client::failure(lang, &e))),
        }
    });
}
