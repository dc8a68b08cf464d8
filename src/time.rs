//! Instants in UTC, supplied by the caller.
//!
//! The core never reads a clock: every decision that depends on "now" (is the
//! certificate still valid, how many days are left, was the CRL current) takes the
//! validation time as an argument. That keeps verdicts reproducible in tests and lets
//! the CLI's `--at` and the page's clock feed the very same code.

use core::fmt;

use serde::{Serialize, Serializer};

/// Seconds since 1970-01-01T00:00:00Z, UTC, no leap seconds (as X.509 counts them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(i64);

/// Seconds in one civil day.
pub const DAY: i64 = 86_400;

/// Where an instant falls against a validity period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InPeriod {
    Before,
    Within,
    After,
}

/// Where `at` falls against the period `not_before ..= not_after`. Both ends count as
/// inside (RFC 5280 §4.1.2.5: "the period from notBefore through notAfter,
/// inclusive"). The one definition of a validity window: certificate facts, path
/// validation and renewal all ask it.
pub fn in_period(at: Instant, not_before: Instant, not_after: Instant) -> InPeriod {
    if at < not_before {
        InPeriod::Before
    } else if at > not_after {
        InPeriod::After
    } else {
        InPeriod::Within
    }
}

/// Viet Nam's offset from UTC, in seconds (UTC+7, no daylight saving).
pub const VIET_NAM_UTC_OFFSET_SECS: i64 = 7 * 3600;

impl Instant {
    pub const fn from_unix(secs: i64) -> Self {
        Instant(secs)
    }

    pub const fn unix(self) -> i64 {
        self.0
    }

    /// Builds an instant from a civil UTC date and time; `None` when a field is out
    /// of range (month 13, 31 February, hour 24 ...).
    pub fn from_civil(
        year: i64,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: u32,
    ) -> Option<Self> {
        if !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        let days = days_from_civil(year, month, day);
        let secs = i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second.min(59));
        days.checked_mul(DAY)?.checked_add(secs).map(Instant)
    }

    /// Year, month, day, hour, minute, second in UTC.
    pub fn to_civil(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = self.0.div_euclid(DAY);
        let rem = self.0.rem_euclid(DAY);
        let (y, m, d) = civil_from_days(days);
        // rem is in 0..86400, so these casts cannot truncate.
        let rem = rem as u32;
        (y, m, d, rem / 3600, (rem % 3600) / 60, rem % 60)
    }

    /// Parses RFC 3339 (`2024-01-31T12:00:00Z`, `2024-01-31T19:00:00+07:00`,
    /// fractional seconds ignored) and, for convenience on a command line, a bare
    /// date `2024-01-31` meaning midnight UTC.
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        let t = text.trim();
        let b = t.as_bytes();
        let num = |s: &str| -> Option<u32> {
            if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        };
        let year: i64 = i64::from(num(t.get(0..4)?)?);
        if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let month = num(t.get(5..7)?)?;
        let day = num(t.get(8..10)?)?;
        if t.len() == 10 {
            return Instant::from_civil(year, month, day, 0, 0, 0);
        }
        if !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
            return None;
        }
        if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
            return None;
        }
        let hour = num(t.get(11..13)?)?;
        let minute = num(t.get(14..16)?)?;
        let second = num(t.get(17..19)?)?;
        let mut rest = t.get(19..)?;
        if let Some(frac) = rest.strip_prefix('.') {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            rest = frac.get(digits..)?;
        }
        let offset: i64 = match rest {
            "Z" | "z" => 0,
            _ => {
                let sign = match rest.as_bytes().first() {
                    Some(b'+') => 1,
                    Some(b'-') => -1,
                    _ => return None,
                };
                if rest.len() != 6 || rest.as_bytes().get(3) != Some(&b':') {
                    return None;
                }
                let oh = i64::from(num(rest.get(1..3)?)?);
                let om = i64::from(num(rest.get(4..6)?)?);
                if oh > 23 || om > 59 {
                    return None;
                }
                sign * (oh * 3600 + om * 60)
            }
        };
        let base = Instant::from_civil(year, month, day, hour, minute, second)?;
        base.0.checked_sub(offset).map(Instant)
    }

    /// `2024-01-31T12:00:00Z`.
    pub fn to_rfc3339(self) -> String {
        let (y, mo, d, h, mi, s) = self.to_civil();
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }

    /// `31/01/2024 12:00 UTC`, the day-first form Vietnamese readers expect.
    pub fn to_vn_display(self) -> String {
        let (y, mo, d, h, mi, _) = self.to_civil();
        format!("{d:02}/{mo:02}/{y:04} {h:02}:{mi:02} UTC")
    }

    /// The same instant read on a clock in Viet Nam: an `Instant` whose civil fields
    /// are Viet Nam's local time. Viet Nam is UTC+7 all year (no daylight saving since
    /// 1975); this is the one place that says so.
    pub fn in_viet_nam(self) -> Instant {
        self.checked_add_secs(VIET_NAM_UTC_OFFSET_SECS)
            .unwrap_or(self)
    }

    /// `31/01/2024 19:00` in Viet Nam time, the time on the clerk's desk.
    pub fn to_vn_local_display(self) -> String {
        let (y, mo, d, h, mi, _) = self.in_viet_nam().to_civil();
        format!("{d:02}/{mo:02}/{y:04} {h:02}:{mi:02}")
    }

    /// `31/01/2024` for the day in Viet Nam (UTC+7).
    pub fn to_vn_local_date(self) -> String {
        self.in_viet_nam().to_vn_date()
    }

    /// `31/01/2024`.
    pub fn to_vn_date(self) -> String {
        let (y, mo, d, ..) = self.to_civil();
        format!("{d:02}/{mo:02}/{y:04}")
    }

    /// Whole days from `self` until `later`, rounded down; negative when `later` is
    /// in the past. A certificate ending in 23 hours has 0 days left, not 1.
    pub fn whole_days_until(self, later: Instant) -> i64 {
        (later.0 - self.0).div_euclid(DAY)
    }

    pub fn checked_add_secs(self, secs: i64) -> Option<Instant> {
        self.0.checked_add(secs).map(Instant)
    }
}

impl From<der::DateTime> for Instant {
    fn from(dt: der::DateTime) -> Self {
        let secs = dt.unix_duration().as_secs();
        Instant(i64::try_from(secs).unwrap_or(i64::MAX))
    }
}

impl From<x509_cert::time::Time> for Instant {
    fn from(t: x509_cert::time::Time) -> Self {
        Instant::from(t.to_date_time())
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

/// The proleptic Gregorian calendar, once for the whole crate: certificate and
/// signature times here, the dates of letters and lists in `rules::dates`.
pub fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` (1–12) of year `y`; 0 for a month that does not exist.
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_known_instants() {
        let t = Instant::parse_rfc3339("2015-01-01T00:00:00Z").unwrap();
        assert_eq!(t.unix(), 1_420_070_400);
        assert_eq!(t.to_rfc3339(), "2015-01-01T00:00:00Z");
        let leap = Instant::parse_rfc3339("2024-02-29T23:59:59Z").unwrap();
        assert_eq!(leap.to_rfc3339(), "2024-02-29T23:59:59Z");
        assert_eq!(Instant::from_unix(0).to_rfc3339(), "1970-01-01T00:00:00Z");
        assert_eq!(Instant::from_unix(-1).to_rfc3339(), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn applies_offsets_and_fractions() {
        let a = Instant::parse_rfc3339("2024-01-31T19:00:00+07:00").unwrap();
        let b = Instant::parse_rfc3339("2024-01-31T12:00:00.250Z").unwrap();
        assert_eq!(a, b);
        assert_eq!(
            Instant::parse_rfc3339("2024-01-31").unwrap().to_rfc3339(),
            "2024-01-31T00:00:00Z"
        );
    }

    #[test]
    fn rejects_malformed_text() {
        for bad in [
            "",
            "2024",
            "2024-13-01",
            "2023-02-29",
            "2024-01-31T25:00:00Z",
            "2024-01-31T12:00:00",
            "2024-01-31T12:00:00+7",
            "2024-01-31T12:00:00.Z",
            "２０２４-01-01",
            "2024-01-31T12:00:00Zjunk",
        ] {
            assert_eq!(Instant::parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_whole_days_down() {
        let now = Instant::parse_rfc3339("2024-01-01T00:00:00Z").unwrap();
        let end = Instant::parse_rfc3339("2024-01-31T23:00:00Z").unwrap();
        assert_eq!(now.whole_days_until(end), 30);
        assert_eq!(end.whole_days_until(now), -31);
    }

    #[test]
    fn viet_nam_is_seven_hours_ahead_all_year() {
        // 31/01/2024 17:30 UTC is already 1 February on a desk in Ha Noi.
        let t = Instant::parse_rfc3339("2024-01-31T17:30:00Z").unwrap();
        assert_eq!(t.to_vn_local_display(), "01/02/2024 00:30");
        let july = Instant::parse_rfc3339("2024-07-01T16:59:59Z").unwrap();
        assert_eq!(july.in_viet_nam().to_vn_date(), "01/07/2024");
        assert_eq!(july.to_vn_local_display(), "01/07/2024 23:59");
    }
}
