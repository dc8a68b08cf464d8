//! The print view: the same letter as HTML, for the page to show and print. All
//! text is escaped. The styles live in one place, `static/kyso.css` (scoped to
//! `.kyso-letter`): the page's CSP forbids an inline `<style>` block, so the fragment
//! carries class names, and only a few measured values as `style` attributes that the
//! page applies through the CSSOM.

use super::doc::{self, Align, Doc, Para};
use super::model::Letter;
use super::xml::escape;

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

/// The letter as an HTML fragment (`<article class="kyso-letter">`; styles in kyso.css).
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
    h.push_str("</colgroup><thead>");
    h.push_str(&header_rows(t));
    h.push_str("</thead><tbody>");
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
        let title: String = s
            .title_lines()
            .iter()
            .map(|l| format!("<p class=\"b\">{}</p>", escape(l)))
            .collect();
        let note = if s.note.is_empty() {
            String::new()
        } else {
            format!("<p class=\"i\">{}</p>", escape(&s.note))
        };
        format!(
            "<div class=\"sig\">{title}{note}<div class=\"space\"></div><p class=\"b\">{}</p></div>",
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

/// The header row(s): with groups, the group label spans its columns and the other
/// headers span two rows.
fn header_rows(t: &doc::Table) -> String {
    let in_group = |i: usize| {
        t.groups
            .iter()
            .find(|g| (g.first..g.first + g.span).contains(&i))
    };
    let mut h = String::from("<tr>");
    for (i, head) in t.headers.iter().enumerate() {
        match in_group(i) {
            Some(g) if g.first == i => h.push_str(&format!(
                "<th colspan=\"{}\">{}</th>",
                g.span,
                escape(&g.label)
            )),
            Some(_) => {}
            None if t.groups.is_empty() => h.push_str(&format!("<th>{}</th>", escape(head))),
            None => h.push_str(&format!("<th rowspan=\"2\">{}</th>", escape(head))),
        }
    }
    h.push_str("</tr>");
    if !t.groups.is_empty() {
        h.push_str("<tr>");
        for (i, head) in t.headers.iter().enumerate() {
            if in_group(i).is_some() {
                h.push_str(&format!("<th>{}</th>", escape(head)));
            }
        }
        h.push_str("</tr>");
    }
    h
}
