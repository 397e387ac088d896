//! Dates for the `Date*` condition operators: ISO 8601 (`2020-01-01`,
//! `2020-01-01T12:00:00Z`, `2020-01-01T12:00:00.5+02:00`, `2020-01-01T12:00Z`)
//! or epoch seconds (`1577836800`), as milliseconds since the Unix epoch.

/// Parses a date into milliseconds since 1970-01-01T00:00:00Z.
pub fn parse_date_millis(text: &str) -> Option<i64> {
    let text = text.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        let secs: i64 = text.parse().ok()?;
        return secs.checked_mul(1000);
    }
    let (date, time) = match text.split_once(['T', 't', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let days = parse_ymd(date)?;
    let mut millis = days.checked_mul(86_400_000)?;
    if let Some(time) = time {
        millis = millis.checked_add(parse_time(time)?)?;
    }
    Some(millis)
}

/// `YYYY-MM-DD` (or `YYYYMMDD`) to days since the epoch.
fn parse_ymd(date: &str) -> Option<i64> {
    let (y, m, d) = if date.len() == 8 && !date.contains('-') {
        (date.get(0..4)?, date.get(4..6)?, date.get(6..8)?)
    } else {
        let mut it = date.split('-');
        let parts = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() {
            return None;
        }
        parts
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, u32, u32) = (digits(y)?, digits(m)?, digits(d)?);
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// `HH:MM[:SS[.fff]]` followed by `Z`, `±HH:MM`, `±HHMM` or nothing (UTC),
/// to milliseconds after midnight UTC (may be negative or exceed a day).
fn parse_time(time: &str) -> Option<i64> {
    let (clock, offset_millis) = if let Some(c) = time.strip_suffix(['Z', 'z']) {
        (c, 0)
    } else if let Some(pos) = time.rfind(['+', '-']) {
        let (c, off) = time.split_at(pos);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let off = off.get(1..)?.replace(':', "");
        if off.len() != 4 {
            return None;
        }
        let h: i64 = digits(off.get(0..2)?)?;
        let m: i64 = digits(off.get(2..4)?)?;
        (c, sign * (h * 60 + m) * 60_000)
    } else {
        (time, 0)
    };
    let mut it = clock.split(':');
    let h: i64 = digits(it.next()?)?;
    let m: i64 = digits(it.next()?)?;
    let (s, frac_ms) = match it.next() {
        Some(sec) => {
            let (whole, frac) = match sec.split_once(['.', ',']) {
                Some((w, f)) => (w, Some(f)),
                None => (sec, None),
            };
            let ms = match frac {
                Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
                    let padded = format!("{f:0<3}");
                    digits::<i64>(padded.get(0..3)?)?
                }
                Some(_) => return None,
                None => 0,
            };
            (digits::<i64>(whole)?, ms)
        }
        None => (0, 0),
    };
    if it.next().is_some() || h > 24 || m > 59 || s > 60 {
        return None;
    }
    Some(((h * 60 + m) * 60 + s) * 1000 + frac_ms - offset_millis)
}

fn digits<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        assert_eq!(parse_date_millis("1970-01-01"), Some(0));
        assert_eq!(parse_date_millis("2020-01-01"), Some(1_577_836_800_000));
        assert_eq!(
            parse_date_millis("2020-01-01T00:00:00Z"),
            Some(1_577_836_800_000)
        );
        assert_eq!(
            parse_date_millis("2020-01-01T01:02:03Z"),
            Some(1_577_840_523_000)
        );
        assert_eq!(
            parse_date_millis("2020-01-01T00:00:00.250Z"),
            Some(1_577_836_800_250)
        );
        assert_eq!(
            parse_date_millis("2020-01-01T02:00:00+02:00"),
            Some(1_577_836_800_000)
        );
        assert_eq!(
            parse_date_millis("2019-12-31T22:00:00-0200"),
            Some(1_577_836_800_000)
        );
        assert_eq!(
            parse_date_millis("2020-01-01T00:00Z"),
            Some(1_577_836_800_000)
        );
        assert_eq!(parse_date_millis("1577836800"), Some(1_577_836_800_000));
        assert_eq!(parse_date_millis("2024-02-29"), Some(1_709_164_800_000));
    }

    #[test]
    fn rejects_invalid_dates() {
        for bad in [
            "",
            "2023-02-29",
            "2020-13-01",
            "2020-1-1",
            "yesterday",
            "2020-01-01T25:00Z",
            "2020-01-01T00:00:00+2",
            "-5",
        ] {
            assert_eq!(parse_date_millis(bad), None, "{bad}");
        }
    }
}
