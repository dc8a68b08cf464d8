//! The browser entry point: Trunk builds this binary for wasm32 and the page starts it.

#[cfg(target_arch = "wasm32")]
fn main() {
    kyso::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "kyso-web is the browser entry of kyso: build it with `trunk build --release` \
         (or run `bash scripts/serve.sh`) and open the page; for the command line use `kyso`."
    );
}
