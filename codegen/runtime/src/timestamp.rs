//! Date-times as the API writes them, kept verbatim and read leniently.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A date and time from the API, such as `2018-11-14 04:41:31.827796+00:00`.
///
/// Decoding never fails: the text is kept exactly as received and read as
/// `YYYY-MM-DD`, a `T` or a space, `HH:MM:SS`, an optional fraction and an
/// optional offset (`Z`, `+HH:MM`, `+HHMM`, `+HH`; none means UTC), which
/// a space may precede and a zone name may follow (`+0000 UTC`, as Go
/// prints times; the offset is what counts). That covers the form
/// `2018-11-14 04:41:31.827796+00:00`, `2014-03-23 14:49:39`, RFC 3339 and
/// `2024-05-14 09:20:14.772699 +0000 UTC`. Text in another form is kept,
/// and the accessors return `None`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Timestamp {
    raw: String,
    parsed: Option<Instant>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Instant {
    unix_seconds: i64,
    nanos: u32,
    offset_seconds: i32,
}

impl Timestamp {
    /// Reads `text`; never fails.
    pub fn new(text: impl Into<String>) -> Self {
        let raw = text.into();
        let parsed = parse(&raw);
        Timestamp { raw, parsed }
    }

    /// The text exactly as received.
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// Seconds since 1970-01-01T00:00:00Z, when the text could be read.
    pub fn unix_timestamp(&self) -> Option<i64> {
        self.parsed.map(|p| p.unix_seconds)
    }

    /// The fraction of the second in nanoseconds, when the text could be read.
    pub fn subsec_nanos(&self) -> Option<u32> {
        self.parsed.map(|p| p.nanos)
    }

    /// The offset from UTC the text states, in seconds.
    pub fn utc_offset_seconds(&self) -> Option<i32> {
        self.parsed.map(|p| p.offset_seconds)
    }

    /// The instant as a [`SystemTime`], when the text could be read.
    pub fn to_system_time(&self) -> Option<SystemTime> {
        let p = self.parsed?;
        let since_epoch = Duration::new(p.unix_seconds.unsigned_abs(), 0);
        let whole = if p.unix_seconds >= 0 {
            UNIX_EPOCH.checked_add(since_epoch)?
        } else {
            UNIX_EPOCH.checked_sub(since_epoch)?
        };
        whole.checked_add(Duration::from_nanos(u64::from(p.nanos)))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({:?})", self.raw)
    }
}

impl From<&str> for Timestamp {
    fn from(text: &str) -> Self {
        Timestamp::new(text)
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.raw)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Timestamp::new)
    }
}

/// A cursor over ASCII text.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn digits(&mut self, count: usize) -> Option<u32> {
        let slice = self.bytes.get(self.at..self.at + count)?;
        let mut value = 0u32;
        for &b in slice {
            if !b.is_ascii_digit() {
                return None;
            }
            value = value * 10 + u32::from(b - b'0');
        }
        self.at += count;
        Some(value)
    }

    fn eat(&mut self, options: &[u8]) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        if options.contains(&b) {
            self.at += 1;
            Some(b)
        } else {
            None
        }
    }

    fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

fn parse(text: &str) -> Option<Instant> {
    let mut c = Cursor {
        bytes: text.trim().as_bytes(),
        at: 0,
    };
    let year = i64::from(c.digits(4)?);
    c.eat(b"-")?;
    let month = c.digits(2)?;
    c.eat(b"-")?;
    let day = c.digits(2)?;
    c.eat(b"Tt ")?;
    let hour = c.digits(2)?;
    c.eat(b":")?;
    let minute = c.digits(2)?;
    c.eat(b":")?;
    let second = c.digits(2)?;
    let mut nanos = 0u32;
    if c.eat(b".,").is_some() {
        let mut scale = 100_000_000u32;
        let mut any = false;
        while let Some(d) = c.digits(1) {
            any = true;
            nanos += d * scale;
            scale /= 10;
        }
        if !any {
            return None;
        }
    }
    // `... 09:20:14.772699 +0000 UTC`: a space before the offset.
    if c.bytes.get(c.at) == Some(&b' ')
        && c.bytes.get(c.at + 1).is_some_and(|b| b"Zz+-".contains(b))
    {
        c.at += 1;
    }
    let sign = c.eat(b"Zz+-");
    let offset_seconds = match sign {
        None => 0,
        Some(b'Z' | b'z') => 0,
        Some(sign) => {
            let hours = c.digits(2)?;
            c.eat(b":");
            let minutes = if c.done() || c.bytes.get(c.at) == Some(&b' ') {
                0
            } else {
                c.digits(2)?
            };
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
            if sign == b'-' { -seconds } else { seconds }
        }
    };
    // A zone name after an offset (` UTC`, ` CEST`): letters only, ignored,
    // since the offset says it; without one, the name alone is not read.
    if sign.is_some() && c.bytes.get(c.at) == Some(&b' ') {
        let name = &c.bytes[c.at + 1..];
        if (1..=5).contains(&name.len()) && name.iter().all(u8::is_ascii_uppercase) {
            c.at = c.bytes.len();
        }
    }
    if !c.done()
        || !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let days = days_from_civil(year, month, day);
    // A leap second (:60) is read as the last second of the minute.
    let seconds_of_day = i64::from(hour * 3600 + minute * 60 + second.min(59));
    Some(Instant {
        unix_seconds: days * 86_400 + seconds_of_day - i64::from(offset_seconds),
        nanos,
        offset_seconds,
    })
}

fn days_in_month(year: i64, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let m = i64::from(month);
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_space_separated_time_with_fraction_and_offset() {
        let t = Timestamp::new("2018-11-14 04:41:31.827796+00:00");
        assert_eq!(t.unix_timestamp(), Some(1_542_170_491));
        assert_eq!(t.subsec_nanos(), Some(827_796_000));
        assert_eq!(t.utc_offset_seconds(), Some(0));
        assert_eq!(t.to_string(), "2018-11-14 04:41:31.827796+00:00");
    }

    #[test]
    fn reads_rfc_3339_and_offsets() {
        assert_eq!(
            Timestamp::new("1970-01-01T00:00:00Z").unix_timestamp(),
            Some(0)
        );
        assert_eq!(
            Timestamp::new("1970-01-01T01:00:00+01:00").unix_timestamp(),
            Some(0)
        );
        assert_eq!(
            Timestamp::new("1969-12-31T23:00:00-0100").unix_timestamp(),
            Some(0)
        );
        assert_eq!(
            Timestamp::new("2000-02-29 12:00:00").unix_timestamp(),
            Some(951_825_600)
        );
        assert_eq!(
            Timestamp::new("1960-01-01T00:00:00Z").unix_timestamp(),
            Some(-315_619_200)
        );
    }

    /// Go's `time.Time` text, which some answers carry; before, it was
    /// kept unread.
    #[test]
    fn reads_a_spaced_offset_and_a_zone_name() {
        let t = Timestamp::new("2024-05-14 09:20:14.772699 +0000 UTC");
        assert_eq!(t.unix_timestamp(), Some(1_715_678_414));
        assert_eq!(t.subsec_nanos(), Some(772_699_000));
        let t = Timestamp::new("2024-05-14 11:20:14 +0200 CEST");
        assert_eq!(t.unix_timestamp(), Some(1_715_678_414));
        assert_eq!(t.utc_offset_seconds(), Some(7200));
        assert_eq!(
            Timestamp::new("2014-03-23 14:49:39").unix_timestamp(),
            Some(1_395_586_179)
        );
        for text in [
            "2024-05-14 09:20:14 UTC",
            "2024-05-14 09:20:14 +0000 utc",
            "2024-05-14 09:20:14 +0000 UTC extra",
            "2024-05-14 09:20:14  +0000",
        ] {
            assert_eq!(Timestamp::new(text).unix_timestamp(), None, "{text}");
        }
    }

    #[test]
    fn other_text_is_kept_not_rejected() {
        for text in [
            "",
            "yesterday",
            "2019-02-29 00:00:00",
            "2018-13-01 00:00:00",
            "2018-11-14 04:41:31.+00:00",
        ] {
            let t = Timestamp::new(text);
            assert_eq!(t.unix_timestamp(), None, "{text}");
            assert_eq!(t.as_str(), text);
        }
        let t: Timestamp = serde_json::from_str("\"not a date\"").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"not a date\"");
    }

    #[test]
    fn system_time_matches_the_unix_timestamp() {
        let t = Timestamp::new("2020-08-01 09:05:11.846982+00:00");
        let since = t
            .to_system_time()
            .unwrap()
            .duration_since(UNIX_EPOCH)
            .unwrap();
        assert_eq!(since.as_secs(), 1_596_272_711);
        assert_eq!(since.subsec_nanos(), 846_982_000);
    }
}
