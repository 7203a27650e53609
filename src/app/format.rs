//! Human-readable sizes and times.

use chrono::{DateTime, Utc};

/// `1.5 MiB` style sizes; bytes below 1 KiB are exact.
pub fn size(bytes: i64) -> String {
    const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
    if bytes < 1024 {
        return format!("{} B", bytes.max(0));
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value >= 100.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// `5m ago`, `3h ago`, `12d ago`, `2y ago`; `-` when unknown.
pub fn relative(time: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    let Some(time) = time else {
        return "-".into();
    };
    let secs = (now - time).num_seconds();
    if secs < 0 {
        return "just now".into();
    }
    let (value, unit) = match secs {
        0..60 => (secs, "s"),
        60..3600 => (secs / 60, "m"),
        3600..86_400 => (secs / 3600, "h"),
        86_400..31_536_000 => (secs / 86_400, "d"),
        _ => (secs / 31_536_000, "y"),
    };
    format!("{value}{unit} ago")
}

/// The exact time, for detail panels.
pub fn exact(time: Option<DateTime<Utc>>) -> String {
    time.map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|| "-".into())
}

/// Parses the service's RFC 3339 times (with or without fractional seconds).
pub fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// `12,000`: digits in groups of three.
pub fn grouped(n: usize) -> String {
    group_digits(&n.to_string())
}

/// `1 tag`, `2 tags`, `1408 tags`: the count and the word that agrees with it (digits as
/// the pinned texts have them, `Delete N tags?`). A count the service sent negative is 0.
pub fn count(n: impl TryInto<u64>, one: &str, many: &str) -> String {
    let n: u64 = n.try_into().unwrap_or(0);
    let word = if n == 1 { one } else { many };
    format!("{n} {word}")
}

/// A rate as people read it: `2.5 tags/s` below 10, `1,000 tags/s` from there on (a tenth of a
/// tag means nothing at a thousand a second).
pub fn rate(per_second: f64, unit: &str) -> String {
    let per_second = if per_second.is_finite() {
        per_second.max(0.0)
    } else {
        0.0
    };
    if per_second < 9.95 {
        format!("{per_second:.1} {unit}/s")
    } else {
        // Rounded, then grouped; `as` saturates, so no value can overflow.
        let whole = per_second.round() as u64;
        format!("{} {unit}/s", group_digits(&whole.to_string()))
    }
}

fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(size(0), "0 B");
        assert_eq!(size(1023), "1023 B");
        assert_eq!(size(1536), "1.5 KiB");
        assert_eq!(size(200_977_474), "192 MiB");
        assert_eq!(size(5 * 1024 * 1024 * 1024), "5.0 GiB");
    }

    #[test]
    fn relative_times() {
        let now = parse_time("2026-03-10T12:00:00Z").unwrap();
        let at = |s| parse_time(s);
        assert_eq!(relative(at("2026-03-10T11:59:30Z"), now), "30s ago");
        assert_eq!(relative(at("2026-03-10T09:00:00Z"), now), "3h ago");
        assert_eq!(relative(at("2026-03-01T12:00:00Z"), now), "9d ago");
        assert_eq!(
            relative(at("2024-03-01T12:00:00.915153267Z"), now),
            "2y ago"
        );
        assert_eq!(relative(None, now), "-");
        assert_eq!(exact(at("2026-03-10T09:00:00Z")), "2026-03-10 09:00:00 UTC");
    }

    #[test]
    fn counts_agree_with_their_word() {
        assert_eq!(count(0, "tag", "tags"), "0 tags");
        assert_eq!(count(1, "tag", "tags"), "1 tag");
        assert_eq!(count(2, "tag", "tags"), "2 tags");
        assert_eq!(count(1408, "tag", "tags"), "1408 tags");
        assert_eq!(count(1, "repository", "repositories"), "1 repository");
        assert_eq!(count(-4_i64, "tag", "tags"), "0 tags");
    }

    #[test]
    fn rates_are_drawn_to_a_sensible_precision() {
        assert_eq!(rate(1000.0, "tags"), "1,000 tags/s");
        assert_eq!(rate(1234.56, "tags"), "1,235 tags/s");
        assert_eq!(rate(10.0, "tags"), "10 tags/s");
        assert_eq!(rate(9.99, "tags"), "10 tags/s");
        assert_eq!(rate(9.94, "tags"), "9.9 tags/s");
        assert_eq!(rate(2.5, "tags"), "2.5 tags/s");
        assert_eq!(rate(0.0, "tags"), "0.0 tags/s");
        assert_eq!(rate(f64::NAN, "tags"), "0.0 tags/s");
        assert_eq!(rate(f64::INFINITY, "tags"), "0.0 tags/s");
        assert_eq!(rate(-3.0, "tags"), "0.0 tags/s");
    }

    #[test]
    fn grouped_digits() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(12_000), "12,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
