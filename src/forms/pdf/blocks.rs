//! The letter's header and footer blocks (the two-column heading, the signature
//! and recipients), drawn as columns of lines with rules. Separate from the table
//! and from the line breaking they use.

use super::layout::{LEADING, Layout, Op, Style, style_of};
use super::mm;
use crate::forms::doc::{self, Align, Doc, Span};

impl Layout<'_> {
    /// Centred lines inside a column, from `self.y`; returns the height used.
    pub(super) fn column_text(&mut self, x: f32, width: f32, spans: &[Span], size: f32) {
        let sp: Vec<(Style, &str)> = spans
            .iter()
            .map(|s| (style_of(s), s.text.as_str()))
            .collect();
        let lines = self.break_lines(&sp, size, width);
        self.draw_lines(&lines, size, x, width, Align::Center, 0.0, false);
    }

    pub(super) fn rule(&mut self, cx: f32, len: f32) {
        let y = self.y - 2.5;
        self.page().push(Op::Line {
            x1: cx - len / 2.0,
            y1: y,
            x2: cx + len / 2.0,
            y2: y,
            width: 0.6,
        });
        self.y -= 8.0;
    }

    pub(super) fn header_block(&mut self, d: &Doc) {
        let left_w = mm(68.0);
        let lx = self.left;
        let rx = self.left + left_w;
        let rw = self.right - rx;
        let top = self.y;
        // Left: superior, managing body, rule, number, subject.
        if !d.superior.is_empty() {
            self.column_text(
                lx,
                left_w,
                &[Span::plain(d.superior.clone())],
                doc::HEADER_PT,
            );
        }
        self.column_text(
            lx,
            left_w,
            &[Span::bold(d.managing.clone())],
            doc::HEADER_PT,
        );
        self.rule(lx + left_w / 2.0, mm(22.0));
        let left_rule_y = self.y;
        // Right: the motto, its rule.
        self.y = top;
        self.column_text(rx, rw, &[Span::bold(doc::MOTTO_1)], doc::HEADER_PT);
        self.column_text(rx, rw, &[Span::bold(doc::MOTTO_2)], doc::MOTTO_PT);
        let motto_w = self.width(Style::Bold, doc::MOTTO_2, doc::MOTTO_PT);
        self.rule(rx + rw / 2.0, motto_w);
        let right_rule_y = self.y;
        // Number on the left and date on the right start on the same line.
        let row = left_rule_y.min(right_rule_y);
        self.y = row;
        self.column_text(
            lx,
            left_w,
            &[Span::plain(d.number_line.clone())],
            doc::BODY_PT,
        );
        if let Some(s) = &d.subject_line {
            self.column_text(lx, left_w, &[Span::plain(s.clone())], doc::HEADER_PT);
        }
        let left_end = self.y;
        self.y = row;
        self.column_text(rx, rw, &[Span::italic(d.date_line.clone())], doc::BODY_PT);
        self.y = self.y.min(left_end) - 6.0;
    }

    pub(super) fn footer_block(&mut self, d: &Doc) {
        let width = self.right - self.left;
        // Keep the block together: "Nơi nhận" and the signature need about 50 mm.
        let rec_lines = d.recipients.as_ref().map_or(0, Vec::len);
        let need = (mm(45.0)).max(rec_lines as f32 * doc::RECIPIENTS_PT * LEADING + 20.0);
        self.ensure(need);
        let top = self.y;
        let sig_col = |l: &mut Self, x: f32, w: f32, s: &doc::Signature| {
            l.y = top;
            for line in s.title_lines() {
                l.column_text(x, w, &[Span::bold(line)], doc::BODY_PT);
            }
            if !s.note.is_empty() {
                l.column_text(x, w, &[Span::italic(s.note.clone())], doc::BODY_PT);
            }
            l.y -= mm(22.0);
            l.column_text(x, w, &[Span::bold(s.name.clone())], doc::BODY_PT);
            l.y
        };
        let mut lowest = top;
        match (&d.recipients, d.signatures.as_slice()) {
            (Some(rec), [s]) => {
                let lw = width * 0.45;
                self.y = top;
                let sp = [(Style::BoldItalic, "Nơi nhận:")];
                let lines = self.break_lines(&sp, doc::RECIPIENTS_LABEL_PT, lw);
                self.draw_lines(
                    &lines,
                    doc::RECIPIENTS_LABEL_PT,
                    self.left,
                    lw,
                    Align::Left,
                    0.0,
                    false,
                );
                for r in rec {
                    let sp = [(Style::Regular, r.as_str())];
                    let lines = self.break_lines(&sp, doc::RECIPIENTS_PT, lw);
                    self.draw_lines(
                        &lines,
                        doc::RECIPIENTS_PT,
                        self.left,
                        lw,
                        Align::Left,
                        0.0,
                        false,
                    );
                }
                lowest = lowest.min(self.y);
                let y = sig_col(self, self.left + lw, width - lw, s);
                lowest = lowest.min(y);
            }
            (_, sigs) => {
                let n = sigs.len().max(1) as f32;
                let w = width / n;
                for (i, s) in sigs.iter().enumerate() {
                    let y = sig_col(self, self.left + w * i as f32, w, s);
                    lowest = lowest.min(y);
                }
            }
        }
        self.y = lowest;
    }
}
