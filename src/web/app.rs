//! The page: the header with its three tabs, and the tab the URL hash names
//! (`#chung-thu`, `#kiem-tra`, `#lap-van-ban`), so a reload keeps the user's place.
//!
//! Each tab's state lives here, not in the tab, so that going to another tab and back
//! keeps what was dropped and typed. Only the visible tab is drawn: each has its own
//! drop zone, and a drop anywhere on the page goes to the visible one.

use gloo::events::EventListener;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::cert_tab::{self, CertTab};
use super::forms_tab::{self, FormsTab};
use super::trust_folder;
use super::verify_tab::{self, VerifyTab};
use crate::report::InputFile;

/// The three tabs, in the order of the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Certificates,
    Verify,
    Forms,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Certificates, Tab::Verify, Tab::Forms];

    /// The URL hash (without `#`).
    pub fn hash(self) -> &'static str {
        match self {
            Tab::Certificates => "chung-thu",
            Tab::Verify => "kiem-tra",
            Tab::Forms => "lap-van-ban",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tab::Certificates => "Chứng thư số",
            Tab::Verify => "Kiểm tra chữ ký PDF",
            Tab::Forms => "Lập văn bản",
        }
    }

    fn tagline(self) -> &'static str {
        match self {
            Tab::Certificates => "Đọc chứng thư số ngay trên máy này — tệp không được gửi đi đâu.",
            Tab::Verify => {
                "Kiểm tra chữ ký số trên tệp PDF ngay trên máy này — tệp không được gửi đi đâu."
            }
            Tab::Forms => {
                "Lập văn bản đề nghị theo Nghị định 68/2024 ngay trên máy này — dữ liệu không được gửi đi đâu."
            }
        }
    }

    /// The tab a hash names; the certificate tab for anything else.
    pub fn from_hash(hash: &str) -> Tab {
        let h = hash.trim_start_matches('#');
        Tab::ALL
            .into_iter()
            .find(|t| t.hash() == h)
            .unwrap_or(Tab::Certificates)
    }

    /// The tab of the page's current URL.
    pub fn current() -> Tab {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        Tab::from_hash(&hash)
    }
}

#[component]
pub fn App() -> Html {
    let tab = use_state(Tab::current);
    let certs = use_reducer(cert_tab::Session::default);
    let verify = use_reducer(verify_tab::VerifyState::default);
    let forms = use_reducer(forms_tab::FormsState::load);

    // The deployer's trust folder and CA bundle, fetched once from the page's own
    // origin; documents already shown are verified again with them.
    let folder_loaded = use_state(|| false);
    {
        let certs = certs.dispatcher();
        let verify = verify.dispatcher();
        let folder_loaded = folder_loaded.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let mut cas: Vec<InputFile> =
                    trust_folder::load_bundle().await.into_iter().collect();
                let folder = trust_folder::load_index().await;
                if let Some(f) = &folder {
                    cas.extend(f.cas.iter().cloned());
                }
                for ca in cas {
                    verify.dispatch(verify_tab::Action::Bundle(ca.clone()));
                    certs.dispatch(cert_tab::Action::Bundle(ca));
                }
                folder_loaded.set(folder.is_some());
                verify_tab::reverify_all(verify.clone());
            });
        });
    }

    // Back/forward and typed hashes switch the tab too.
    {
        let tab = tab.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                tab.set(Tab::current());
            });
            move || drop(listener)
        });
    }

    // PDFs dropped on the certificate tab open in the verify tab.
    let on_pdfs = {
        let verify = verify.dispatcher();
        let tab = tab.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            go_to(Tab::Verify);
            tab.set(Tab::Verify);
            verify_tab::start(verify.clone(), files);
        })
    };

    let current = *tab;
    html! {
        <>
            <header class="site">
                <div class="brand">
                    <img class="logo" src="favicon.svg" alt="" width="36" height="36" />
                    <div>
                        <h1>{ "kyso" }</h1>
                        <p class="tagline">{ current.tagline() }</p>
                    </div>
                </div>
                <nav class="tabs" aria-label="Chức năng">
                    { for Tab::ALL.into_iter().map(|t| {
                        let active = t == current;
                        html! {
                            <a class={classes!("tab", active.then_some("active"))} href={format!("#{}", t.hash())}
                                aria-current={active.then_some("page")} data-testid={format!("tab-{}", t.hash())}>
                                { t.label() }
                            </a>
                        }
                    }) }
                </nav>
            </header>
            <main data-tab={current.hash()}>
                { match current {
                    Tab::Certificates => html! { <CertTab session={certs.clone()} {on_pdfs} /> },
                    Tab::Verify => html! { <VerifyTab state={verify.clone()} /> },
                    Tab::Forms => html! { <FormsTab state={forms.clone()} /> },
                } }
            </main>
            <footer class="site">
                <p>
                    { "Mọi xử lý diễn ra trong trình duyệt; trang không kết nối tới máy chủ nào khác." }
                    if !certs.bundle().is_empty() {
                        { format!(" Có dùng thêm chứng thư CA do đơn vị triển khai cung cấp ({}).", deployed_names(certs.bundle())) }
                    }
                    if let Some(f) = trust_folder::current().filter(|_| *folder_loaded) {
                        <span data-testid="trust-folder" data-crls={f.index.crls.len().to_string()}>
                            { format!(" Thư mục tin cậy của đơn vị: {} CRL.", f.index.crls.len()) }
                            { for f.problems.iter().map(|p| html! { <span class="warn">{ format!(" {p}") }</span> }) }
                        </span>
                    }
                </p>
            </footer>
        </>
    }
}

/// Puts `tab` in the URL (a reload then opens it again).
pub fn go_to(tab: Tab) {
    let location = gloo::utils::window().location();
    let _ = location.set_hash(tab.hash());
}

/// The deployer's CA files, named once: the bundle, or "trust/index.json" for the
/// folder's certificates.
fn deployed_names(files: &[InputFile]) -> String {
    let mut names: Vec<&str> = files
        .iter()
        .map(|f| {
            if f.name.starts_with("trust/ca/") {
                "trust/index.json"
            } else {
                f.name.as_str()
            }
        })
        .collect();
    names.dedup();
    names.join(", ")
}
