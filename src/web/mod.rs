//! The web page (wasm32 only): Yew components over the same core as the CLI.
//!
//! Everything happens in the browser tab. Files are read with the File API, the
//! validation time comes from the browser's clock ([`clock`]), and the only network
//! requests the page makes on its own are same-origin fetches of the optional trust
//! folder and bundle placed next to it by the deployer ([`trust_folder`]).

pub mod app;
pub mod builtin_list;
pub mod cert_card;
pub mod cert_cards;
pub mod cert_errors;
pub mod cert_job;
pub mod cert_state;
pub mod cert_tab;
pub mod cert_toolbar;
pub mod clock;
pub mod copy;
pub mod download;
pub mod dropzone;
pub mod forms_inputs;
pub mod forms_io;
pub mod forms_state;
pub mod forms_tab;
pub mod hash;
pub mod hash_helper;
pub mod hash_worker;
pub mod lang;
pub mod print;
pub mod read;
pub mod trust_folder;
pub mod verify_doc;
pub mod verify_evidence;
pub mod verify_job;
pub mod verify_record;
pub mod verify_signature;
pub mod verify_state;
pub mod verify_summary;
pub mod verify_tab;
pub mod worker_link;
pub mod writer_client;
pub mod writer_worker;

/// The element the page renders into (see index.html).
pub const ROOT_ID: &str = "kyso-app";

/// Mounts the application into `#kyso-app` (or the body when the element is missing),
/// replacing the "loading" message that index.html shows until WebAssembly is running.
pub fn start() {
    // The SHA-256 worker loads beside the page, so it is ready for the first big PDF.
    hash_helper::start();
    let document = gloo::utils::document();
    match document.get_element_by_id(ROOT_ID) {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
