use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// One message attached to one form field, by the field's `name` attribute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: Msg,
}

/// Every problem found in a submitted form, so the user can fix them all at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn single(field: &str, message: impl Into<Msg>) -> Self {
        let mut errors = Self::new();
        errors.add(field, message);
        errors
    }

    pub fn add(&mut self, field: &str, message: impl Into<Msg>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    /// Records the error of a field validator, if any, and returns its value.
    pub fn check<T>(&mut self, field: &str, result: Result<T, Msg>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(message) => {
                self.add(field, message);
                None
            }
        }
    }

    pub fn get(&self, field: &str) -> Option<&Msg> {
        self.0.iter().find(|e| e.field == field).map(|e| &e.message)
    }

    /// The message for `field` in `lang`.
    pub fn text(&self, field: &str, lang: crate::i18n::Lang) -> Option<String> {
        self.get(field).map(|m| m.text(lang))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A calendar date typed as `YYYY-MM-DD` (digits only, a real day), as a search form's field;
/// `None` when empty or wrong, with the error recorded against `field`.
pub fn calendar_date(
    field: &str,
    value: &str,
    errors: &mut FieldErrors,
) -> Option<(i32, u32, u32)> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let parsed = match value.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] => match (number(y, 4), number(m, 2), number(d, 2)) {
            (Some(y), Some(m), Some(d))
                if (1..=12).contains(&m) && (1..=days_in(y, m)).contains(&d) =>
            {
                i32::try_from(y).ok().map(|y| (y, m, d))
            }
            _ => None,
        },
        _ => None,
    };
    if parsed.is_none() {
        errors.add(field, Msg::new("err-enter-date-yyyy-mm-dd"));
    }
    parsed
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A list's page number from the address: 1 when absent, refused when 0 or absurdly large.
pub fn page_number(page: Option<u64>) -> Result<u64, Msg> {
    match page.unwrap_or(1) {
        n @ 1..=1_000_000 => Ok(n),
        _ => Err(Msg::new("err-there-no-such-page")),
    }
}
