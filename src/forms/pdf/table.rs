//! The letter's table: column geometry, cell text, grouped cells and the header
//! row, with pagination. Separate because table layout is its own concern on top
//! of line breaking.

use super::layout::{LEADING, Layout, Line, Op, Style};
use crate::forms::doc::{self, Align};

/// Cell padding, points.
pub(super) const PAD_X: f32 = 2.5;
pub(super) const PAD_Y: f32 = 1.5;

pub(super) struct TableGeom {
    pub(super) xs: Vec<f32>,
    pub(super) widths: Vec<f32>,
}

impl Layout<'_> {
    pub(super) fn cell_lines(
        &mut self,
        text: &[String],
        style: Style,
        size: f32,
        width: f32,
    ) -> Vec<Line> {
        let mut out = Vec::new();
        for t in text {
            let mut l = self.break_lines(&[(style, t.as_str())], size, width - 2.0 * PAD_X);
            out.append(&mut l);
        }
        out
    }

    pub(super) fn row_height(lines: &[Vec<Line>], size: f32) -> f32 {
        let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        n as f32 * size * LEADING + 2.0 * PAD_Y
    }

    pub(super) fn draw_row(
        &mut self,
        g: &TableGeom,
        cells: &[Vec<Line>],
        centered: &[bool],
        size: f32,
        height: f32,
        middle: bool,
    ) {
        let top = self.y;
        for (i, lines) in cells.iter().enumerate() {
            let (Some(x), Some(w)) = (g.xs.get(i).copied(), g.widths.get(i).copied()) else {
                continue;
            };
            self.page().push(Op::Rect {
                x,
                y: top - height,
                w,
                h: height,
            });
            let content_h = lines.len() as f32 * size * LEADING;
            self.y = if middle {
                top - (height - content_h) / 2.0
            } else {
                top - PAD_Y
            };
            let align = if centered.get(i).copied().unwrap_or(false) {
                Align::Center
            } else {
                Align::Left
            };
            self.draw_lines(lines, size, x + PAD_X, w - 2.0 * PAD_X, align, 0.0, false);
        }
        self.y = top - height;
    }

    pub(super) fn table(&mut self, t: &doc::Table) {
        let width = self.right - self.left;
        let total: f32 = t
            .weights
            .iter()
            .map(|w| f32::from(*w))
            .sum::<f32>()
            .max(1.0);
        let widths: Vec<f32> = t
            .weights
            .iter()
            .map(|w| width * f32::from(*w) / total)
            .collect();
        let mut xs = Vec::with_capacity(widths.len());
        let mut x = self.left;
        for w in &widths {
            xs.push(x);
            x += w;
        }
        let g = TableGeom { xs, widths };
        let size = t.size;
        let header: Vec<Vec<Line>> = t
            .headers
            .iter()
            .zip(&g.widths)
            .map(|(h, w)| self.cell_lines(std::slice::from_ref(h), Style::Bold, size, *w))
            .collect();
        let groups = self.group_cells(t, &g);
        let header_h = Self::row_height(&header, size)
            + groups
                .iter()
                .map(|(_, _, l)| Self::row_height(std::slice::from_ref(l), size))
                .fold(0.0, f32::max);
        // Keep the header with the first row.
        let first_h = t
            .rows
            .first()
            .map(|r| {
                let lines: Vec<Vec<Line>> = r
                    .iter()
                    .zip(&g.widths)
                    .map(|(c, w)| self.cell_lines(c, Style::Regular, size, *w))
                    .collect();
                Self::row_height(&lines, size)
            })
            .unwrap_or(0.0);
        self.ensure(header_h + first_h);
        self.draw_header(&g, t, &header, &groups, header_h);
        for r in &t.rows {
            let lines: Vec<Vec<Line>> = r
                .iter()
                .zip(&g.widths)
                .map(|(c, w)| self.cell_lines(c, Style::Regular, size, *w))
                .collect();
            let h = Self::row_height(&lines, size);
            if self.y - h < self.bottom {
                self.new_page();
                // The header row repeats on every page.
                self.draw_header(&g, t, &header, &groups, header_h);
            }
            self.draw_row(&g, &lines, &t.centered, size, h, false);
        }
        if let Some(total_text) = &t.total {
            let rest_w: f32 = g.widths.iter().skip(1).sum();
            let first_w = g.widths.first().copied().unwrap_or(0.0);
            let lines =
                self.cell_lines(std::slice::from_ref(total_text), Style::Bold, size, rest_w);
            let cells = vec![Vec::new(), lines];
            let h = Self::row_height(&cells, size);
            if self.y - h < self.bottom {
                self.new_page();
                self.draw_header(&g, t, &header, &groups, header_h);
            }
            let geom = TableGeom {
                xs: vec![self.left, self.left + first_w],
                widths: vec![first_w, rest_w],
            };
            self.draw_row(&geom, &cells, &[false, false], size, h, false);
        }
        self.y -= 6.0;
    }

    /// The spanning headers of a grouped table: (x, width, lines).
    pub(super) fn group_cells(
        &mut self,
        t: &doc::Table,
        g: &TableGeom,
    ) -> Vec<(f32, f32, Vec<Line>)> {
        t.groups
            .iter()
            .map(|grp| {
                let x = g.xs.get(grp.first).copied().unwrap_or(self.left);
                let w: f32 = g.widths.iter().skip(grp.first).take(grp.span).sum();
                let lines =
                    self.cell_lines(std::slice::from_ref(&grp.label), Style::Bold, t.size, w);
                (x, w, lines)
            })
            .collect()
    }

    /// The header: one row, or a group's label over its columns' own headers while
    /// the other headers span the full height (as the forms draw 04 and 06).
    pub(super) fn draw_header(
        &mut self,
        g: &TableGeom,
        t: &doc::Table,
        header: &[Vec<Line>],
        groups: &[(f32, f32, Vec<Line>)],
        height: f32,
    ) {
        let size = t.size;
        let top = self.y;
        let top_h = groups
            .iter()
            .map(|(_, _, l)| Self::row_height(std::slice::from_ref(l), size))
            .fold(0.0, f32::max);
        for (x, w, lines) in groups {
            self.y = top;
            let geom = TableGeom {
                xs: vec![*x],
                widths: vec![*w],
            };
            self.draw_row(
                &geom,
                std::slice::from_ref(lines),
                &[true],
                size,
                top_h,
                true,
            );
        }
        for (i, lines) in header.iter().enumerate() {
            let grouped = t
                .groups
                .iter()
                .any(|grp| (grp.first..grp.first + grp.span).contains(&i));
            let (Some(x), Some(w)) = (g.xs.get(i).copied(), g.widths.get(i).copied()) else {
                continue;
            };
            let (y, h) = if grouped {
                (top - top_h, height - top_h)
            } else {
                (top, height)
            };
            self.y = y;
            let geom = TableGeom {
                xs: vec![x],
                widths: vec![w],
            };
            self.draw_row(&geom, std::slice::from_ref(lines), &[true], size, h, true);
        }
        self.y = top - height;
    }
}
