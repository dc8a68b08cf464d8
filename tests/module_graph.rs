//! The module graph of src/ (scripts/module-graph.py): the core never names the
//! page (`web`) or the CLI (`bin`), and no module cycle appears beyond the ones the
//! script allows today, each with its reason and its way out. ARCHITECTURE.md says
//! why.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn module_graph(args: &[&str]) -> Output {
    Command::new("python3")
        .arg(common::root().join("scripts/module-graph.py"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("python3 scripts/module-graph.py: {e}"))
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_core_names_neither_web_nor_bin_and_no_new_cycle_appears() {
    let out = module_graph(&["--why"]);
    let text = text(&out);
    println!("{text}");
    assert!(out.status.success(), "\n{text}");
    // The graph really was read: the core's main edges are there.
    for edge in ["verify  -> cert cms", "bin     -> ", "web     -> "] {
        assert!(text.contains(edge), "{edge} missing:\n{text}");
    }
}

fn write(root: &Path, rel: &str, code: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, code).unwrap();
}

/// The check fails on what it must refuse, and only on that: a tree with a new
/// cycle and a core module naming the page.
#[test]
fn the_check_fails_on_a_new_cycle_and_on_the_core_naming_web() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("module-graph/src");
    let _ = std::fs::remove_dir_all(&root);
    write(&root, "lib.rs", "pub mod cert; pub mod pdf; pub mod web;");
    // Comments, strings and test modules are not edges.
    write(
        &root,
        "cert/mod.rs",
        "// crate::web\nconst S: &str = \"crate::web\";\n#[cfg(test)]\nmod tests { use crate::web::X; }",
    );
    write(&root, "web/mod.rs", "use crate::{cert, pdf::Doc};");
    write(&root, "bin/kyso.rs", "use kyso::web;");
    let out = module_graph(&["--src", root.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));

    // A cycle between two core modules, one of them reaching web as well.
    write(
        &root,
        "pdf.rs",
        "use crate::cert::Cert;\nfn f() { super::web::g() }",
    );
    write(&root, "cert/name.rs", "use super::super::pdf::Doc;");
    let out = module_graph(&["--src", root.to_str().unwrap()]);
    let t = text(&out);
    assert!(!out.status.success(), "{t}");
    assert!(t.contains("a new module cycle: cert -> pdf"), "{t}");
    assert!(t.contains("the core names web: pdf -> web"), "{t}");
    assert!(!t.contains("cert -> web"), "{t}");
}
