//! `kyso form` exit statuses: 0 clean, 1 usage, 2 unreadable input, 3 written with
//! problems.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::PathBuf;

fn out(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("forms_cli");
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

/// The exit status and the standard error of the CLI.
fn kyso(args: &[&str]) -> (i32, String) {
    let o = common::kyso(args);
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn exit_statuses() {
    let fx = common::fixture("forms");
    let certs = common::fixture("certs");
    // 0: a clean letter (form 08 from one certificate plus a full draft).
    let draft = out("draft-08.json");
    std::fs::write(
        &draft,
        r#"{"kind":"08","letterhead":{"managing_body":"Sở Nội vụ","place":"Thử Nghiệm",
            "signer_title":"Giám đốc","signer_name":"Lê Văn Tám"},
           "contact":{"person":{"full_name":"Trần Thị Bình","mobile":"0912345678"},
                      "counterpart":{"full_name":"Phạm Minh Tuấn","mobile":"0987654321"}},
           "rows":[{"cert_name":"Nguyễn Văn Thử","agency":"Sở Nội vụ","token_serial":"TK-001"}]}"#,
    )
    .unwrap();
    let p = out("08.pdf");
    let (code, err) = kyso(&[
        "form",
        "08",
        "--data",
        draft.to_str().unwrap(),
        "--out",
        p.to_str().unwrap(),
        "--date",
        "05/03/2025",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(&p).unwrap().starts_with(b"%PDF-"));

    // 3: written, with problems listed one per line (row, field, rule source).
    let p = out("04.docx");
    let (code, err) = kyso(&[
        "form",
        "04",
        "--cert",
        certs.join("short-left.pem").to_str().unwrap(),
        "--data",
        fx.join("list-04.xlsx").to_str().unwrap(),
        "--out",
        p.to_str().unwrap(),
        "--date",
        "05/03/2025",
    ]);
    assert_eq!(code, 3, "{err}");
    assert!(p.exists());
    assert!(
        err.lines()
            .any(|l| l.starts_with("dòng 4, trường email:")
                && l.contains("[Nghị định 68/2024/NĐ-CP")),
        "{err}"
    );

    // 2: an input that cannot be read (junk named .xlsx; a missing file).
    let (code, err) = kyso(&[
        "form",
        "04",
        "--data",
        fx.join("junk.xlsx").to_str().unwrap(),
        "--out",
        out("x.docx").to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    let (code, _) = kyso(&[
        "form",
        "04",
        "--cert",
        "/no/such/file.cer",
        "--out",
        out("y.docx").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    let (code, err) = kyso(&[
        "form",
        "04",
        "--data",
        fx.join("wrong-columns.xlsx").to_str().unwrap(),
        "--out",
        out("z.docx").to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("dòng 1"), "{err}");

    // 1: wrong usage.
    assert_eq!(
        kyso(&["form", "10", "--out", out("a.docx").to_str().unwrap()]).0,
        1
    );
    assert_eq!(kyso(&["form", "04"]).0, 1);
    assert_eq!(
        kyso(&[
            "form",
            "04",
            "--out",
            out("b.docx").to_str().unwrap(),
            "--date",
            "31/02/2025"
        ])
        .0,
        1
    );
    assert_eq!(
        kyso(&[
            "form",
            "04",
            "--out",
            out("c.docx").to_str().unwrap(),
            "--format",
            "odt"
        ])
        .0,
        1
    );
}

/// Filling from a mixed folder keeps the form's holders and names the others on
/// stderr; the Sở addressee, the CA's sheet and the 09 → 05 follow-up.
#[test]
fn mixed_folders_addressee_sheet_and_lost_devices() {
    let mixed = common::fixture("forms/certs/mixed");
    let p = out("01-mixed.docx");
    let (code, err) = kyso(&[
        "form",
        "01",
        "--cert",
        mixed.to_str().unwrap(),
        "--out",
        p.to_str().unwrap(),
        "--date",
        "05/03/2025",
    ]);
    assert!(code == 0 || code == 3, "{err}");
    let left: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("Không đưa vào văn bản"))
        .collect();
    assert_eq!(left.len(), 3, "{err}");
    assert!(left.iter().any(|l| l.contains("so-noi-vu.pem")
        && l.contains("chủ thể không thuộc loại của mẫu này")
        && l.contains("Cơ quan, tổ chức")));
    assert!(left.iter().any(|l| l.contains("ca.pem")));

    // The import sheet, from the same folder: two persons.
    let x = out("01-mixed.xlsx");
    let (code, err) = kyso(&[
        "form",
        "01",
        "--cert",
        mixed.to_str().unwrap(),
        "--out",
        x.to_str().unwrap(),
        "--date",
        "05/03/2025",
    ]);
    assert!(code == 0 || code == 3, "{err}");
    let bytes = std::fs::read(&x).unwrap();
    let rows = kyso::forms::import_rows(kyso::forms::FormKind::F01, "x.xlsx", &bytes).unwrap();
    let mut names: Vec<&str> = rows.iter().map(|r| r.full_name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Hoàng Thị Bình", "Nguyễn Văn An"]);
    let (code, _) = kyso(&["form", "04", "--out", out("04.xlsx").to_str().unwrap()]);
    assert_eq!(code, 1);

    // 04 to the provincial Sở.
    let p = out("04-so.docx");
    let (code, err) = kyso(&[
        "form",
        "04",
        "--to-province",
        "Đồng Tháp",
        "--out",
        p.to_str().unwrap(),
    ]);
    assert!(code == 0 || code == 3, "{err}");
    let (code, _) = kyso(&[
        "form",
        "05",
        "--to-province",
        "Đồng Tháp",
        "--out",
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);

    // A 09 draft becomes its 05.
    let draft = out("draft-09.json");
    std::fs::write(
        &draft,
        r#"{"kind":"09","contact":{"loss_date":"02/03/2025"},
           "rows":[{"cert_name":"Nguyễn Văn An","agency":"Sở Nội vụ","serial":"4B590101","token_serial":"TK1"}]}"#,
    )
    .unwrap();
    let p = out("05-from-09.docx");
    let (code, err) = kyso(&[
        "form",
        "05",
        "--data",
        draft.to_str().unwrap(),
        "--out",
        p.to_str().unwrap(),
    ]);
    assert!(code == 0 || code == 3, "{err}");
    let (_, err) = kyso(&[
        "form",
        "09",
        "--data",
        draft.to_str().unwrap(),
        "--out",
        out("09.docx").to_str().unwrap(),
    ]);
    assert!(err.contains("Mẫu 05"), "{err}");
}
