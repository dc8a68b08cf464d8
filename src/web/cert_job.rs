//! The certificate tab's work: reading the clock for each change, fetching the trust
//! folder's CRLs that the certificates given need, and the JSON download. The tab's
//! state ([`Session`], [`super::cert_state`]) is changed only by the actions
//! dispatched here, each carrying the time it validates at.

use yew::platform::spawn_local;
use yew::prelude::*;

use super::cert_state::{Action, Session};
use super::dropzone::Loaded;
use super::{clock, download, trust_folder};
use crate::cert::Cert;
use crate::input::InputFile;
use crate::report::CertReport;
use crate::trust::folder;

type Dispatch = UseReducerDispatcher<Session>;

/// Files dropped, picked or pasted: listed and validated now, and validated again
/// when the trust folder's CRLs they need arrive.
///
/// `bundle` is the deployer's CAs the session holds (`trust/bundle.pem`, the folder's):
/// a dropped certificate's issuer may be known only from there, and the verify tab
/// looks there too.
pub fn add(dispatch: &Dispatch, loaded: Loaded, bundle: &[InputFile]) {
    fetch_folder_crls(dispatch.clone(), &loaded.files, bundle);
    dispatch.dispatch(Action::Add {
        loaded,
        at: clock::now(),
    });
}

/// A CA certificate the deployer placed beside the page: the certificates already
/// given are validated again with it.
pub fn add_deployer_ca(dispatch: &Dispatch, ca: InputFile) {
    dispatch.dispatch(Action::Bundle {
        ca,
        at: clock::now(),
    });
}

/// "Xóa danh sách".
pub fn clear(dispatch: &Dispatch) {
    dispatch.dispatch(Action::Clear);
}

/// Fetches the trust folder's CRLs the certificates in `files` need (when the page
/// has a folder) and hands them to the session, which validates again.
fn fetch_folder_crls(dispatch: Dispatch, files: &[InputFile], bundle: &[InputFile]) {
    let Some(folder) = trust_folder::current() else {
        return;
    };
    let certs = Cert::all_in(files);
    if certs.is_empty() {
        return;
    }
    let mut cas = Cert::all_in(bundle);
    cas.extend(Cert::all_in(&folder.cas));
    let pool = folder::issuer_pool(&certs, &cas);
    spawn_local(async move {
        let crls = trust_folder::crls_for(&certs, &pool).await;
        if !crls.is_empty() {
            dispatch.dispatch(Action::FolderCrls {
                crls,
                at: clock::now(),
            });
        }
    });
}

/// Downloads the whole report as JSON, as the CLI's `--json` prints it.
pub fn export_json(report: &CertReport) {
    let Ok(json) = serde_json::to_vec_pretty(report) else {
        return;
    };
    let (y, m, d, ..) = report.at.to_civil();
    let name = format!("kyso-chung-thu-{y:04}{m:02}{d:02}.json");
    if let Err(e) = download::save(&name, download::JSON, &json) {
        web_sys::console::error_2(&"kyso: download failed".into(), &e);
    }
}
