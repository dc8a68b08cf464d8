//! Calendar dates as Vietnamese documents write them: `dd/mm/yyyy`.
//!
//! Decree 30/2020/NĐ-CP (Appendix I) writes dates in documents with two-digit day
//! and month; forms and spreadsheets also carry `d/m/yyyy`, dashes or dots, which are
//! accepted and normalised. The range checks (a holder aged 18 to 100 at the letter
//! date; an ID issue date not in the future) live in `forms::check`, with the date of
//! the letter as their reference: the core reads no clock.

use core::fmt;

use serde::Serialize;

use crate::time::{self, Instant};

/// A civil date. Ordering is chronological (year, month, day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateProblem {
    /// Not `dd/mm/yyyy`.
    Format,
    /// Shaped right but no such day (31/02/2024, 00/01/2024).
    NoSuchDay,
}

impl DateProblem {
    pub fn code(self) -> &'static str {
        match self {
            DateProblem::Format => "date_format",
            DateProblem::NoSuchDay => "date_no_such_day",
        }
    }
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month)
            && day >= 1
            && day <= time::days_in_month(i64::from(year), month))
        .then_some(Date { year, month, day })
    }

    /// `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`, and the ISO
    /// `yyyy-mm-dd` spreadsheets export).
    pub fn parse(text: &str) -> Result<Date, DateProblem> {
        let t = text.trim();
        let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
        let num = |s: &str, max_len: usize| -> Result<u32, DateProblem> {
            if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateProblem::Format);
            }
            s.parse().map_err(|_| DateProblem::Format)
        };
        let [a, b, c] = parts.as_slice() else {
            return Err(DateProblem::Format);
        };
        let (d, m, y) = if a.len() == 4 && t.contains('-') {
            (num(c, 2)?, num(b, 2)?, num(a, 4)?)
        } else {
            if c.len() != 4 {
                return Err(DateProblem::Format);
            }
            (num(a, 2)?, num(b, 2)?, num(c, 4)?)
        };
        let y = i32::try_from(y).map_err(|_| DateProblem::Format)?;
        Date::new(y, m, d).ok_or(DateProblem::NoSuchDay)
    }

    /// The day it is in Viet Nam at `at`: a letter's date is the local day.
    pub fn in_viet_nam(at: Instant) -> Date {
        Date::from_instant(at.in_viet_nam())
    }

    /// The calendar date (UTC) of an instant.
    pub fn from_instant(at: Instant) -> Date {
        let (y, m, d, ..) = at.to_civil();
        Date {
            year: i32::try_from(y).unwrap_or(i32::MAX),
            month: m,
            day: d,
        }
    }

    /// Midnight at the start of this date, UTC.
    pub fn to_instant(self) -> Option<Instant> {
        Instant::from_civil(i64::from(self.year), self.month, self.day, 0, 0, 0)
    }

    /// A spreadsheet's date serial (1900 system: 1 = 01/01/1900, with Excel's
    /// phantom 29/02/1900, so serial 61 = 01/03/1900).
    pub fn from_excel_serial(serial: f64) -> Option<Date> {
        if !(61.0..=2_958_465.0).contains(&serial) {
            return None;
        }
        // 25569 = serial of 01/01/1970.
        let days = serial.floor() as i64 - 25_569;
        let at = Instant::from_unix(days.checked_mul(crate::time::DAY)?);
        Some(Date::from_instant(at))
    }

    /// Whole years from `self` (a birth date) to `on`.
    pub fn years_until(self, on: Date) -> i32 {
        let mut years = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }
}

impl fmt::Display for Date {
    /// `dd/mm/yyyy`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print() {
        let d = Date::parse("05/03/2025").unwrap();
        assert_eq!((d.day, d.month, d.year), (5, 3, 2025));
        assert_eq!(Date::parse("5/3/2025").unwrap().to_string(), "05/03/2025");
        assert_eq!(Date::parse("2025-03-05").unwrap(), d);
        assert_eq!(Date::parse("05.03.2025").unwrap(), d);
        assert_eq!(Date::parse("29/02/2024").map(|d| d.day), Ok(29));
        assert_eq!(Date::parse("29/02/2025"), Err(DateProblem::NoSuchDay));
        assert_eq!(Date::parse("32/01/2025"), Err(DateProblem::NoSuchDay));
        assert_eq!(Date::parse("01/13/2025"), Err(DateProblem::NoSuchDay));
        assert_eq!(Date::parse("05/03/25"), Err(DateProblem::Format));
        assert_eq!(Date::parse("ngày 5"), Err(DateProblem::Format));
        assert_eq!(Date::parse(""), Err(DateProblem::Format));
        assert_eq!(Date::parse("1/2/3/2025"), Err(DateProblem::Format));
    }

    #[test]
    fn ages_and_serials() {
        let b = Date::new(1990, 6, 15).unwrap();
        assert_eq!(b.years_until(Date::new(2025, 6, 14).unwrap()), 34);
        assert_eq!(b.years_until(Date::new(2025, 6, 15).unwrap()), 35);
        assert_eq!(Date::from_excel_serial(45_658.0), Date::new(2025, 1, 1));
        assert_eq!(Date::from_excel_serial(61.0), Date::new(1900, 3, 1));
        assert_eq!(Date::from_excel_serial(-3.0), None);
        let i = Date::new(2025, 1, 31).unwrap().to_instant().unwrap();
        assert_eq!(Date::from_instant(i), Date::new(2025, 1, 31).unwrap());
    }
}
