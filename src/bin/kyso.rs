//! `kyso`: the command line over the same core as the page, for batch work and
//! scripts. Human-readable Vietnamese by default, `--json` for machines.
//!
//! Exit status: 0 when every file was read, 2 when some input could not be read
//! (listed, the others still shown), 1 on wrong usage.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
