//! The "Chứng thư số" tab: the drop zone and the list of certificates.
//!
//! This file only composes: the drop zone, the built-in CA list, the toolbar
//! ([`super::cert_toolbar`]), the unreadable files ([`super::cert_errors`]), the trust
//! folder's CRLs ([`super::trust_folder::FolderCrls`]) and the cards
//! ([`super::cert_cards`]). What is shown is [`Session`] ([`super::cert_state`]); the
//! work — the clock, the folder's CRLs, the download — is [`super::cert_job`].

use yew::prelude::*;

use super::builtin_list::BuiltinList;
use super::cert_cards::{CertCards, PAGE};
use super::cert_errors::FileErrors;
use super::cert_job;
use super::cert_state::Session;
use super::cert_toolbar::CertToolbar;
use super::dropzone::{DropZone, Loaded};
use super::lang::{t, use_lang};
use super::trust_folder::FolderCrls;

#[derive(Properties, PartialEq)]
pub struct CertTabProps {
    /// The tab's state (kept by the page so that it survives a change of tab).
    pub session: UseReducerHandle<Session>,
    /// PDF files dropped here: the page opens them in the verify tab.
    pub on_pdfs: Callback<Vec<web_sys::File>>,
}

#[component]
pub fn CertTab(props: &CertTabProps) -> Html {
    let lang = use_lang();
    let session = props.session.clone();
    let filter = use_state(String::new);
    let limit = use_state(|| PAGE);

    let on_loaded = {
        let session = session.clone();
        Callback::from(move |loaded: Loaded| {
            cert_job::add(&session.dispatcher(), loaded, session.bundle())
        })
    };
    let on_clear = {
        let dispatch = session.dispatcher();
        let filter = filter.clone();
        let limit = limit.clone();
        Callback::from(move |()| {
            filter.set(String::new());
            limit.set(PAGE);
            cert_job::clear(&dispatch);
        })
    };
    let on_export = {
        let report = session.report.clone();
        Callback::from(move |()| {
            if let Some(report) = &report {
                cert_job::export_json(report);
            }
        })
    };
    let on_more = {
        let limit = limit.clone();
        Callback::from(move |()| limit.set(limit.saturating_add(PAGE)))
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |text: String| filter.set(text))
    };

    html! {
        <>
            <DropZone {on_loaded} on_pdfs={props.on_pdfs.clone()}
                hint={AttrValue::from(t(lang, "ui_cert_drop_hint").to_owned())} />
            <BuiltinList />
            if let Some(report) = &session.report {
                <section class="results" aria-label={t(lang, "ui_results")}>
                    <h2 class="visually-hidden">{ t(lang, "ui_results") }</h2>
                    <CertToolbar report={report.clone()} read_problems={session.problems.len()}
                        filter={AttrValue::from((*filter).clone())} {on_filter} {on_export} {on_clear} />
                    <FileErrors report={report.clone()} problems={session.problems.clone()} />
                    <FolderCrls crls={session.folder_crls.clone()} at={report.at} />
                    <CertCards cards={session.cards.clone()} needle={AttrValue::from(filter.trim().to_lowercase())}
                        limit={*limit} {on_more} />
                </section>
            }
        </>
    }
}
