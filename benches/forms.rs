//! Renders a 500-row letter (form 08) to DOCX and PDF and prints the time of each.
//! `cargo bench --bench forms` (release profile); not a timed test.

use std::time::Instant;

use kyso::forms::{self, FontSet, FormKind, Letter, Row};

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/static/fonts/");
    let read = |n: &str| std::fs::read(format!("{dir}{n}")).unwrap_or_default();
    let fonts = match FontSet::new(
        read("LiberationSerif-Regular.ttf"),
        read("LiberationSerif-Bold.ttf"),
        read("LiberationSerif-Italic.ttf"),
        read("LiberationSerif-BoldItalic.ttf"),
    ) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("fonts: {e:?}");
            return;
        }
    };
    for kind in [FormKind::F08, FormKind::F04, FormKind::F01] {
        let mut l = Letter::new(kind);
        l.letterhead.managing_body = "Sở Giáo dục và Đào tạo".into();
        l.letterhead.date = "05/03/2025".into();
        for i in 0..500 {
            l.rows.push(Row {
                full_name: format!("Nguyễn Thị Hồng Nhung {i}"),
                cert_name: format!("Nguyễn Thị Hồng Nhung {i}"),
                agency: "Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm".into(),
                token_serial: format!("TK{i:08}"),
                serial: format!("5401{i:012X}"),
                old_serial: format!("5401{i:012X}"),
                email: format!("nhung{i}@sgddt.thunghiem.gov.vn"),
                id_number: format!("0010880{i:05}"),
                renew: true,
                ..Row::default()
            });
        }
        let runs = 5;
        let t = Instant::now();
        let mut docx_len = 0;
        for _ in 0..runs {
            docx_len = forms::docx::to_docx(&l).len();
        }
        let docx_ms = t.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
        let t = Instant::now();
        let mut pdf_len = 0;
        for _ in 0..runs {
            pdf_len = forms::pdf::to_pdf(&l, &fonts).map(|b| b.len()).unwrap_or(0);
        }
        let pdf_ms = t.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
        let t = Instant::now();
        let problems = forms::check_letter(
            &l,
            kyso::rules::dates::Date::new(2025, 3, 5).unwrap_or(kyso::rules::dates::Date {
                year: 2025,
                month: 3,
                day: 5,
            }),
        );
        let check_ms = t.elapsed().as_secs_f64() * 1000.0;
        println!(
            "form {} × 500 rows: DOCX {docx_ms:.1} ms ({docx_len} B), PDF {pdf_ms:.1} ms ({pdf_len} B), rules {check_ms:.1} ms ({} problems)",
            kind.number(),
            problems.len()
        );
    }
}
