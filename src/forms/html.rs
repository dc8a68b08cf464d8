//! The print view: the same letter as HTML, for the page to show and print. All
//! text is escaped; the styles are scoped to `.kyso-letter` and lay the letter out
//! like the DOCX and PDF (A4 margins in `@page`, the table header repeating when
//! printed through `thead`).

use super::doc::{self, Align, Doc, Para};
use super::model::Letter;
use super::xml::escape;

const STYLE: &str = "<style>
.kyso-letter{font-family:'Times New Roman',Tinos,'Liberation Serif',serif;font-size:13pt;line-height:1.2;color:#000;background:#fff;max-width:165mm;margin:0 auto;padding:20mm 15mm 20mm 30mm;box-sizing:content-box}
@page{size:A4;margin:20mm 15mm 20mm 30mm}
@media print{.kyso-letter{padding:0;max-width:none}}
.kyso-letter p{margin:0 0 3pt 0}
.kyso-letter .form-label{text-align:right;font-style:italic;font-size:11pt}
.kyso-letter .head{display:grid;grid-template-columns:68mm 1fr;text-align:center;font-size:12pt}
.kyso-letter .head p{margin:0}
.kyso-letter .rule{border-top:1px solid #000;margin:2pt auto 6pt auto}
.kyso-letter .b{font-weight:bold}.kyso-letter .i{font-style:italic}
.kyso-letter .date{font-style:italic;font-size:13pt}
.kyso-letter .title{text-align:center;font-weight:bold;font-size:14pt;margin:12pt 0 6pt}
.kyso-letter .to{text-align:center;font-size:14pt;margin:12pt 0 6pt}
.kyso-letter .j{text-align:justify}
.kyso-letter table.list{width:100%;border-collapse:collapse;table-layout:fixed;margin:3pt 0 6pt}
.kyso-letter table.list th,.kyso-letter table.list td{border:1px solid #000;padding:1pt 3pt;vertical-align:top;overflow-wrap:anywhere}
.kyso-letter table.list th{font-weight:bold;text-align:center;vertical-align:middle}
.kyso-letter table.list tr{break-inside:avoid}
.kyso-letter thead{display:table-header-group}
.kyso-letter .c{text-align:center}
.kyso-letter .foot{display:grid;grid-template-columns:45% 55%;margin-top:6pt;break-inside:avoid}
.kyso-letter .foot.two{grid-template-columns:50% 50%}
.kyso-letter .sig{text-align:center}
.kyso-letter .sig .space{height:22mm}
.kyso-letter .recipients{font-size:11pt}
.kyso-letter .recipients .label{font-size:12pt;font-weight:bold;font-style:italic}
</style>";

fn align_class(a: Align) -> &'static str {
    match a {
        Align::Left => "",
        Align::Center => "c",
        Align::Justify => "j",
    }
}

fn para(p: &Para) -> String {
    let spans: String = p
        .spans
        .iter()
        .map(|s| {
            let mut cls = Vec::new();
            if s.bold {
                cls.push("b");
            }
            if s.italic {
                cls.push("i");
            }
            if cls.is_empty() {
                escape(&s.text)
            } else {
                format!(
                    "<span class=\"{}\">{}</span>",
                    cls.join(" "),
                    escape(&s.text)
                )
            }
        })
        .collect();
    format!(
        "<p class=\"{}\" style=\"text-indent:{}mm;font-size:{}pt\">{spans}</p>",
        align_class(p.align),
        p.first_indent_mm,
        p.size
    )
}

fn lines(cell: &[String]) -> String {
    cell.iter()
        .map(|l| escape(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The letter as an HTML fragment (`<article class="kyso-letter">` with its styles).
pub fn to_html(letter: &Letter) -> String {
    render(&doc::build(letter))
}

pub fn render(d: &Doc) -> String {
    let mut h = String::with_capacity(16 * 1024 + d.table.rows.len() * 600);
    if d.landscape {
        h.push_str("<article class=\"kyso-letter landscape\" lang=\"vi\">");
    } else {
        h.push_str("<article class=\"kyso-letter\" lang=\"vi\">");
    }
    h.push_str(STYLE);
    if d.landscape {
        h.push_str(
            "<style>.kyso-letter.landscape{max-width:252mm}@page{size:A4 landscape}</style>",
        );
    }
    h.push_str(&format!(
        "<p class=\"form-label\">{}</p>",
        escape(&d.form_label)
    ));
    h.push_str("<div class=\"head\"><div>");
    if !d.superior.is_empty() {
        h.push_str(&format!("<p>{}</p>", escape(&d.superior)));
    }
    h.push_str(&format!("<p class=\"b\">{}</p>", escape(&d.managing)));
    h.push_str("<div class=\"rule\" style=\"width:22mm\"></div>");
    h.push_str(&format!(
        "<p style=\"font-size:13pt\">{}</p>",
        escape(&d.number_line)
    ));
    if let Some(s) = &d.subject_line {
        h.push_str(&format!("<p>{}</p>", escape(s)));
    }
    h.push_str("</div><div>");
    h.push_str(&format!("<p class=\"b\">{}</p>", escape(doc::MOTTO_1)));
    h.push_str(&format!(
        "<p class=\"b\" style=\"font-size:13pt\">{}</p>",
        escape(doc::MOTTO_2)
    ));
    h.push_str("<div class=\"rule\" style=\"width:58mm\"></div>");
    h.push_str(&format!("<p class=\"date\">{}</p>", escape(&d.date_line)));
    h.push_str("</div></div>");
    if let Some(t) = &d.title {
        h.push_str(&format!("<p class=\"title\">{}</p>", escape(t)));
    }
    if let Some(a) = &d.addressee {
        h.push_str(&format!("<p class=\"to\">{}</p>", escape(a)));
    }
    for p in &d.before_table {
        h.push_str(&para(p));
    }
    let t = &d.table;
    let total: u32 = t.weights.iter().map(|w| u32::from(*w)).sum::<u32>().max(1);
    h.push_str(&format!(
        "<table class=\"list\" style=\"font-size:{}pt\"><colgroup>",
        t.size
    ));
    for w in &t.weights {
        h.push_str(&format!(
            "<col style=\"width:{:.2}%\">",
            f64::from(*w) * 100.0 / f64::from(total)
        ));
    }
    h.push_str("</colgroup><thead><tr>");
    for head in &t.headers {
        h.push_str(&format!("<th>{}</th>", escape(head)));
    }
    h.push_str("</tr></thead><tbody>");
    for row in &t.rows {
        h.push_str("<tr>");
        for (cell, center) in row.iter().zip(&t.centered) {
            if *center {
                h.push_str(&format!("<td class=\"c\">{}</td>", lines(cell)));
            } else {
                h.push_str(&format!("<td>{}</td>", lines(cell)));
            }
        }
        h.push_str("</tr>");
    }
    if let Some(total) = &t.total {
        h.push_str(&format!(
            "<tr><td></td><td class=\"b\" colspan=\"{}\">{}</td></tr>",
            t.headers.len().saturating_sub(1),
            escape(total)
        ));
    }
    h.push_str("</tbody></table>");
    for p in &d.after_table {
        h.push_str(&para(p));
    }
    let sig = |s: &doc::Signature| {
        format!(
            "<div class=\"sig\"><p class=\"b\">{}</p><p class=\"i\">{}</p><div class=\"space\"></div><p class=\"b\">{}</p></div>",
            escape(&s.title),
            escape(&s.note),
            escape(&s.name)
        )
    };
    match (&d.recipients, d.signatures.as_slice()) {
        (Some(rec), [s]) => {
            h.push_str(
                "<div class=\"foot\"><div class=\"recipients\"><p class=\"label\">Nơi nhận:</p>",
            );
            for r in rec {
                h.push_str(&format!("<p>{}</p>", escape(r)));
            }
            h.push_str("</div>");
            h.push_str(&sig(s));
            h.push_str("</div>");
        }
        (_, sigs) => {
            h.push_str("<div class=\"foot two\">");
            for s in sigs {
                h.push_str(&sig(s));
            }
            h.push_str("</div>");
        }
    }
    h.push_str("</article>");
    h
}
