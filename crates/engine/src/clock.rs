//! The simulated clock and the UTC date formats AWS prints.
//!
//! Time never comes from the host: a [`Clock`] starts at 2026-01-01T00:00:00Z and moves
//! only when a command advances it. Dates are converted with Howard Hinnant's
//! days-from-civil algorithm, so no date crate is needed.

use serde::{Deserialize, Serialize};

/// Seconds since 1970-01-01T00:00:00Z (UTC, no leap seconds), as AWS's clocks count them.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub u64);

/// 2026-01-01T00:00:00Z, where every new world starts.
pub const START: Timestamp = Timestamp(1_767_225_600);

impl Timestamp {
    /// The seconds since the epoch.
    pub fn seconds(self) -> u64 {
        self.0
    }

    /// This instant plus `seconds` (saturating).
    pub fn plus(self, seconds: u64) -> Timestamp {
        Timestamp(self.0.saturating_add(seconds))
    }

    /// `2026-01-01T00:00:00Z`: IMDS, STS credentials, S3 and CloudTrail print this.
    pub fn iso_z(self) -> String {
        self.render("Z")
    }

    /// `2026-01-01T00:00:00+00:00`: the AWS CLI prints IAM and EC2 dates this way.
    pub fn iso_offset(self) -> String {
        self.render("+00:00")
    }

    /// `2026-01-01T00:00:00.000Z`: S3's LastModified and the CLI's S3 dates.
    pub fn iso_millis(self) -> String {
        self.render(".000Z")
    }

    /// Writes the date without the formatting machinery (it is on hot paths).
    fn render(self, suffix: &str) -> String {
        let mut out = String::with_capacity(19 + suffix.len());
        self.push_to(&mut out);
        out.push_str(suffix);
        out
    }

    /// Appends `YYYY-MM-DDThh:mm:ss` (no suffix) to `out`.
    pub(crate) fn push_to(self, out: &mut String) {
        let (y, mo, d, h, mi, s) = self.parts();
        let y = u32::try_from(y.clamp(0, 9999)).unwrap_or(0);
        let mut buf = *b"0000-00-00T00:00:00";
        for (at, value, width) in [
            (0, y, 4),
            (5, mo, 2),
            (8, d, 2),
            (11, h, 2),
            (14, mi, 2),
            (17, s, 2),
        ] {
            put_digits(&mut buf, at, value, width);
        }
        // Only ASCII digits and separators are in the buffer.
        out.push_str(std::str::from_utf8(&buf).unwrap_or_default());
    }

    /// Year, month, day, hour, minute, second in UTC.
    pub fn parts(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = (self.0 / 86_400) as i64;
        let rem = self.0 % 86_400;
        let (y, m, d) = civil_from_days(days);
        let h = (rem / 3600) as u32;
        let mi = ((rem % 3600) / 60) as u32;
        let s = (rem % 60) as u32;
        (y, m, d, h, mi, s)
    }

    /// Parses `YYYY-MM-DDThh:mm:ss` followed by `Z`, `+00:00` or nothing, with optional
    /// fractional seconds (ignored). Returns `None` for anything else or dates before 1970.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let bytes = text.as_bytes();
        let num = |from: usize, len: usize| -> Option<u64> {
            let part = text.get(from..from + len)?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let sep = |at: usize, c: u8| bytes.get(at) == Some(&c);
        if !(sep(4, b'-') && sep(7, b'-') && (sep(10, b'T') || sep(10, b't') || sep(10, b' '))) {
            return None;
        }
        let y = num(0, 4)?;
        let mo = num(5, 2)?;
        let d = num(8, 2)?;
        let (h, mi, s) = if text.len() > 10 {
            if !(sep(13, b':') && sep(16, b':')) {
                return None;
            }
            (num(11, 2)?, num(14, 2)?, num(17, 2)?)
        } else {
            return None;
        };
        let mut rest = text.get(19..)?;
        if let Some(frac) = rest.strip_prefix('.') {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            rest = frac.get(digits..)?;
        }
        if !(rest.is_empty() || rest == "Z" || rest == "z" || rest == "+00:00") {
            return None;
        }
        if !(1..=12).contains(&mo) || d == 0 || d > days_in_month(y as i64, mo as u32) as u64 {
            return None;
        }
        if h > 23 || mi > 59 || s > 59 || y < 1970 {
            return None;
        }
        let days = days_from_civil(y as i64, mo as u32, d as u32);
        let secs = u64::try_from(days).ok()? * 86_400 + h * 3600 + mi * 60 + s;
        Some(Timestamp(secs))
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.iso_z())
    }
}

/// The simulated clock of a world.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    now: Timestamp,
}

impl Default for Clock {
    fn default() -> Self {
        Clock { now: START }
    }
}

impl Clock {
    /// A clock at 2026-01-01T00:00:00Z.
    pub fn new() -> Self {
        Self::default()
    }

    /// The current simulated time.
    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// Moves the clock forward by `seconds`.
    pub fn advance(&mut self, seconds: u64) {
        self.now = self.now.plus(seconds);
    }
}

/// Writes `value` as exactly `width` decimal digits (zero-padded, high digits dropped) at
/// `buf[at..at + width]`.
fn put_digits(buf: &mut [u8], at: usize, mut value: u32, width: usize) {
    for i in (at..at + width).rev() {
        if let Some(b) = buf.get_mut(i) {
            *b = b'0' + (value % 10) as u8;
        }
        value /= 10;
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Hinnant's `civil_from_days`).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_is_new_year_2026() {
        assert_eq!(START.iso_z(), "2026-01-01T00:00:00Z");
        assert_eq!(START.iso_offset(), "2026-01-01T00:00:00+00:00");
        assert_eq!(START.iso_millis(), "2026-01-01T00:00:00.000Z");
        assert_eq!(Clock::new().now(), START);
    }

    #[test]
    fn formats_and_parses_round_trip() {
        for t in [
            0,
            951_782_400,
            1_709_164_800,
            1_767_225_600 + 6 * 3600 + 61,
            4_102_444_799,
        ] {
            let ts = Timestamp(t);
            assert_eq!(Timestamp::parse(&ts.iso_z()), Some(ts));
            assert_eq!(Timestamp::parse(&ts.iso_offset()), Some(ts));
            assert_eq!(Timestamp::parse(&ts.iso_millis()), Some(ts));
        }
        assert_eq!(Timestamp(951_782_400).iso_z(), "2000-02-29T00:00:00Z");
        assert_eq!(Timestamp(4_102_444_799).iso_z(), "2099-12-31T23:59:59Z");
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            "",
            "2026-02-30T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-01-01",
            "2026-01-01T24:00:00Z",
            "2026-01-01T00:00:00+02:00",
            "x026-01-01T00:00:00Z",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn clock_advances() {
        let mut c = Clock::new();
        c.advance(3600);
        assert_eq!(c.now().iso_z(), "2026-01-01T01:00:00Z");
    }
}
