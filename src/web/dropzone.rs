//! Where files come in: drag and drop (anywhere on the page), a file picker, and a
//! box to paste PEM text copied from an e-mail or a web page.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::read::{self, ReadProblem};
use crate::input::InputFile;

/// What one drop, pick or paste produced.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub files: Vec<InputFile>,
    pub problems: Vec<ReadProblem>,
}

#[derive(Properties, PartialEq, Clone)]
pub struct DropZoneProps {
    /// Files read into memory (certificates, lists, drafts: small files).
    pub on_loaded: Callback<Loaded>,
    /// When set, files are handed over unread (signed PDFs: read later in chunks).
    #[prop_or_default]
    pub on_files: Option<Callback<Vec<web_sys::File>>>,
    /// When set, `.pdf` files go here unread instead of being read as certificates.
    #[prop_or_default]
    pub on_pdfs: Option<Callback<Vec<web_sys::File>>>,
    /// The big line of the zone.
    #[prop_or(AttrValue::Static("Kéo thả các tệp chứng thư số vào đây"))]
    pub title: AttrValue,
    /// The small print under the picker.
    #[prop_or(AttrValue::Static(HINT))]
    pub hint: AttrValue,
    /// What the picker offers first.
    #[prop_or(AttrValue::Static(ACCEPT))]
    pub accept: AttrValue,
    /// Label of the zone for screen readers.
    #[prop_or(AttrValue::Static("Nạp tệp chứng thư số"))]
    pub label: AttrValue,
    /// Show the "paste PEM text" box.
    #[prop_or(true)]
    pub paste: bool,
    /// Offer a second picker for a whole folder (`webkitdirectory`).
    #[prop_or_default]
    pub folder: bool,
}

/// Extensions offered first in the file picker (any file can still be chosen).
const ACCEPT: &str = ".cer,.crt,.pem,.der,.p7b,.p7c,.crl,.txt";

const HINT: &str = "Nhận tệp .cer, .crt, .pem, .p7b, .p7c (dạng nhị phân DER hoặc văn bản PEM); \
                    chọn được nhiều tệp cùng lúc. Tệp chỉ được đọc trên máy này, không gửi đi đâu.";

/// Whether a file is a PDF by its name (signed documents go to the verify tab).
pub fn is_pdf_name(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".pdf")
}

#[component]
pub fn DropZone(props: &DropZoneProps) -> Html {
    let busy = use_state(|| false);
    let hover = use_state(|| false);
    let pastes = use_mut_ref(|| 0usize);
    let paste_ref = use_node_ref();

    // Read files in the background and hand them over in one piece.
    let take_files = {
        let on_loaded = props.on_loaded.clone();
        let on_files = props.on_files.clone();
        let on_pdfs = props.on_pdfs.clone();
        let busy = busy.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            if files.is_empty() {
                return;
            }
            if let Some(on_files) = &on_files {
                on_files.emit(files);
                return;
            }
            let files = match &on_pdfs {
                Some(on_pdfs) => {
                    let (pdfs, rest): (Vec<_>, Vec<_>) =
                        files.into_iter().partition(|f| is_pdf_name(&f.name()));
                    if !pdfs.is_empty() {
                        on_pdfs.emit(pdfs);
                    }
                    rest
                }
                None => files,
            };
            if files.is_empty() {
                return;
            }
            busy.set(true);
            let on_loaded = on_loaded.clone();
            let busy = busy.clone();
            spawn_local(async move {
                let (files, problems) = read::read_all(files).await;
                busy.set(false);
                on_loaded.emit(Loaded { files, problems });
            });
        })
    };

    // A drop anywhere on the page counts; without this, a file dropped beside the zone
    // would make the browser leave the page to display it.
    {
        let take_files = take_files.clone();
        let hover = hover.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let opts = EventListenerOptions::enable_prevent_default();
            let over = {
                let hover = hover.clone();
                EventListener::new_with_options(&window, "dragover", opts, move |e| {
                    e.prevent_default();
                    hover.set(true);
                })
            };
            let leave = {
                let hover = hover.clone();
                EventListener::new(&window, "dragleave", move |e| {
                    // Leaving the window altogether has no related target.
                    let outside = e
                        .dyn_ref::<DragEvent>()
                        .is_some_and(|d| d.related_target().is_none());
                    if outside {
                        hover.set(false);
                    }
                })
            };
            let dropped = EventListener::new_with_options(&window, "drop", opts, move |e| {
                e.prevent_default();
                hover.set(false);
                let files = e
                    .dyn_ref::<DragEvent>()
                    .and_then(DragEvent::data_transfer)
                    .map(|dt| read::files_of(dt.files()))
                    .unwrap_or_default();
                take_files.emit(files);
            });
            move || drop_all((over, leave, dropped))
        });
    }

    let onchange = {
        let take_files = take_files.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let files = read::files_of(input.files());
            // Clear the picker so that choosing the same file again is noticed.
            input.set_value("");
            take_files.emit(files);
        })
    };

    let on_paste = {
        let on_loaded = props.on_loaded.clone();
        let paste_ref = paste_ref.clone();
        let pastes = pastes.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(area) = paste_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let number = {
                let mut n = pastes.borrow_mut();
                *n += 1;
                *n
            };
            if let Some(file) = read::pasted(&area.value(), number) {
                area.set_value("");
                on_loaded.emit(Loaded {
                    files: vec![file],
                    problems: Vec::new(),
                });
            }
        })
    };

    let class = classes!(
        "dropzone",
        (*hover).then_some("hover"),
        (*busy).then_some("busy")
    );
    html! {
        <section class={class} data-testid="dropzone" aria-label={props.label.clone()}>
            <div class="drop-main">
                <p class="drop-title">{ props.title.clone() }</p>
                <p class="drop-or">
                    { "hoặc " }
                    // The input sits inside its label: a click on the button opens the
                    // picker, and keyboard focus on the input outlines the button.
                    <label class="button primary">
                        { "Chọn tệp…" }
                        <input class="visually-hidden" type="file" multiple=true
                            accept={props.accept.clone()} data-testid="file-input" onchange={onchange.clone()} />
                    </label>
                    if props.folder {
                        { " " }
                        <label class="button">
                            { "Chọn cả thư mục…" }
                            <input class="visually-hidden" type="file" multiple=true webkitdirectory=true
                                data-testid="folder-input" {onchange} />
                        </label>
                    }
                </p>
                <p class="hint">{ props.hint.clone() }</p>
                if *busy {
                    <p class="busy-note" role="status">{ "Đang đọc tệp…" }</p>
                }
            </div>
            if props.paste {
            <details class="paste">
                <summary>{ "Hoặc dán nội dung chứng thư (-----BEGIN CERTIFICATE-----…)" }</summary>
                <textarea ref={paste_ref} rows="6" spellcheck="false" data-testid="paste-text"
                    aria-label="Nội dung PEM cần đọc"
                    placeholder={"-----BEGIN CERTIFICATE-----\nMIIF…\n-----END CERTIFICATE-----"} />
                <button type="button" class="button" onclick={on_paste} data-testid="paste-submit">
                    { "Đọc nội dung đã dán" }
                </button>
            </details>
            }
        </section>
    }
}

/// Removes the page-wide listeners when the drop zone goes away.
fn drop_all(listeners: (EventListener, EventListener, EventListener)) {
    drop(listeners);
}
