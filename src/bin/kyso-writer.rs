//! The page's file writer: Trunk builds this binary for wasm32 as a Web Worker
//! (`data-type="worker"` in index.html); the page starts it from
//! `kyso-writer_loader.js` when the first file is downloaded. It holds the DOCX, PDF
//! (font subsetter) and ZIP writers, so the page's own wasm does not. See
//! `kyso::web::writer_worker` and `kyso::writer`.

#[cfg(target_arch = "wasm32")]
fn main() {
    kyso::web::writer_worker::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "kyso-writer runs inside the web page (a Web Worker); build it with `trunk build --release`."
    );
}
