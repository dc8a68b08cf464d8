//! The page's SHA-256 helper: Trunk builds this binary for wasm32 as a Web Worker
//! (`data-type="worker"` in index.html) and the page starts it from
//! `kyso-hash-worker_loader.js`. See `kyso::web::hash_worker`.

#[cfg(target_arch = "wasm32")]
fn main() {
    kyso::web::hash_worker::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "kyso-hash-worker runs inside the web page (a Web Worker); build it with `trunk build --release`."
    );
}
