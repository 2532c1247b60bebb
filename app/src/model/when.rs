//! Dates and moments as pages show them: typed on the wire, written in the reader's language
//! only when shown. English keeps ISO 8601 (`2026-12-05`, `2026-12-05 14:03 UTC`), which
//! every English-speaking region reads the same way; Polish writes CLDR's short forms
//! (`5.12.2026`, `5.12.2026, 14:03 UTC`). Times are UTC, the CA's clock, and say so.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// A calendar day (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day {
    year: i32,
    month: u8,
    day: u8,
}

/// A moment to the minute (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Moment {
    day: Day,
    hour: u8,
    minute: u8,
}

/// An exact instant as the server recorded it, kept as its RFC 3339 text (which the REST API
/// and the exports pass on unchanged); pages show it as a [`Moment`] or its [`Day`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Stamp(String);

impl Stamp {
    /// The RFC 3339 text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The instant to the minute, read from its UTC text (`YYYY-MM-DDTHH:MM…`).
    pub fn moment(&self) -> Option<Moment> {
        let s = self.0.as_bytes();
        let num = |from: usize, to: usize| -> Option<u32> {
            let part = self.0.get(from..to)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        if s.get(4) != Some(&b'-') || s.get(7) != Some(&b'-') || s.get(13) != Some(&b':') {
            return None;
        }
        let day = Day::new(
            i32::try_from(num(0, 4)?).ok()?,
            u8::try_from(num(5, 7)?).ok()?,
            u8::try_from(num(8, 10)?).ok()?,
        )?;
        Moment::new(
            day,
            u8::try_from(num(11, 13)?).ok()?,
            u8::try_from(num(14, 16)?).ok()?,
        )
    }

    /// The instant to the minute in `lang`; the raw text if it is not one the server writes.
    pub fn text(&self, lang: Lang) -> String {
        self.moment()
            .map_or_else(|| self.0.clone(), |m| m.text(lang))
    }

    /// The instant's day in `lang`.
    pub fn day_text(&self, lang: Lang) -> String {
        self.moment()
            .map_or_else(|| self.0.clone(), |m| m.day().text(lang))
    }
}

impl Day {
    /// `None` unless month and day name a real day.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let last = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=last)
            .contains(&day)
            .then_some(Self { year, month, day })
    }

    /// The day in `lang`.
    pub fn text(self, lang: Lang) -> String {
        let Self { year, month, day } = self;
        match lang {
            Lang::En => format!("{year:04}-{month:02}-{day:02}"),
            Lang::Pl => format!("{day}.{month:02}.{year}"),
        }
    }
}

impl Moment {
    /// `None` unless the hour and minute exist.
    pub fn new(day: Day, hour: u8, minute: u8) -> Option<Self> {
        (hour < 24 && minute < 60).then_some(Self { day, hour, minute })
    }

    pub fn day(self) -> Day {
        self.day
    }

    /// The moment in `lang`, with its zone.
    pub fn text(self, lang: Lang) -> String {
        let Self { day, hour, minute } = self;
        let date = day.text(lang);
        match lang {
            Lang::En => format!("{date} {hour:02}:{minute:02} UTC"),
            Lang::Pl => format!("{date}, {hour:02}:{minute:02} UTC"),
        }
    }
}

#[cfg(feature = "ssr")]
mod from_chrono {
    use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Timelike};

    use super::{Day, Moment, Stamp};

    // chrono's months, days, hours and minutes are always in range, so these never fall
    // back; the fallbacks keep the conversion total without a panic.
    impl From<NaiveDate> for Day {
        fn from(d: NaiveDate) -> Self {
            let month = u8::try_from(d.month()).unwrap_or(1);
            let day = u8::try_from(d.day()).unwrap_or(1);
            Day {
                year: d.year(),
                month,
                day,
            }
        }
    }

    impl Day {
        /// The same day as chrono's date; `None` cannot happen for a `Day` that `new` made.
        pub fn date(self) -> Option<NaiveDate> {
            NaiveDate::from_ymd_opt(self.year, u32::from(self.month), u32::from(self.day))
        }
    }

    impl<Tz: TimeZone> From<DateTime<Tz>> for Day {
        fn from(t: DateTime<Tz>) -> Self {
            Day::from(t.naive_utc().date())
        }
    }

    impl From<DateTime<chrono::Utc>> for Stamp {
        fn from(t: DateTime<chrono::Utc>) -> Self {
            Stamp(t.to_rfc3339())
        }
    }

    impl<Tz: TimeZone> From<DateTime<Tz>> for Moment {
        fn from(t: DateTime<Tz>) -> Self {
            let utc = t.naive_utc();
            Moment {
                day: Day::from(utc.date()),
                hour: u8::try_from(utc.hour()).unwrap_or(0),
                minute: u8::try_from(utc.minute()).unwrap_or(0),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_writes_iso_8601_and_polish_the_cldr_short_form() {
        let d = Day::new(2026, 3, 5).unwrap();
        assert_eq!(d.text(Lang::En), "2026-03-05");
        assert_eq!(d.text(Lang::Pl), "5.03.2026");
        let m = Moment::new(Day::new(2026, 12, 15).unwrap(), 9, 7).unwrap();
        assert_eq!(m.text(Lang::En), "2026-12-15 09:07 UTC");
        assert_eq!(m.text(Lang::Pl), "15.12.2026, 09:07 UTC");
    }

    #[test]
    fn a_day_that_does_not_exist_is_refused() {
        assert!(Day::new(2026, 2, 29).is_none());
        assert!(Day::new(2028, 2, 29).is_some());
        assert!(Day::new(2100, 2, 29).is_none());
        assert!(Day::new(2026, 13, 1).is_none());
        assert!(Day::new(2026, 4, 31).is_none());
        assert!(Moment::new(Day::new(2026, 1, 1).unwrap(), 24, 0).is_none());
    }

    #[test]
    fn a_stamp_keeps_its_rfc_3339_text_and_shows_its_minute() {
        let s: Stamp = serde_json::from_str("\"2026-12-05T14:03:27.123+00:00\"").unwrap();
        assert_eq!(s.as_str(), "2026-12-05T14:03:27.123+00:00");
        assert_eq!(s.text(Lang::En), "2026-12-05 14:03 UTC");
        assert_eq!(s.day_text(Lang::Pl), "5.12.2026");
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            "\"2026-12-05T14:03:27.123+00:00\""
        );
        let odd: Stamp = serde_json::from_str("\"yesterday\"").unwrap();
        assert_eq!(odd.text(Lang::Pl), "yesterday");
    }

    #[test]
    fn moments_order_by_time() {
        let day = Day::new(2026, 12, 5).unwrap();
        assert!(Moment::new(day, 9, 59).unwrap() < Moment::new(day, 10, 0).unwrap());
        assert!(day < Day::new(2026, 12, 6).unwrap());
    }
}
