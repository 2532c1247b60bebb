//! Validators for free-text fields: trimmed, bounded, no control characters, and nothing
//! invisible or direction-changing in a name someone else will read.

use crate::i18n::Msg;

/// Whether a character must not appear in a name or other display text: control characters,
/// the bidirectional controls that reorder what is shown (U+202A–U+202E, U+2066–U+2069, the
/// marks U+200E/U+200F and U+061C), zero-width and other invisible or format characters
/// (U+200B–U+200D, U+2060–U+2064, U+FEFF, soft hyphen, Hangul fillers, tags …) and line or
/// paragraph separators. A name with them can read as another name, or hide part of itself.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{0600}'..='\u{0605}'
                | '\u{061C}'
                | '\u{06DD}'
                | '\u{070F}'
                | '\u{0890}'..='\u{0891}'
                | '\u{08E2}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Refuses display text with a hidden character (see [`is_hidden`]), naming the field and
/// the character so the user can find it.
/// `what` is the catalogue key of the field's name, e.g. `err-what-name`.
pub fn visible(value: &str, what: &'static str) -> Result<(), Msg> {
    match value.chars().find(|c| is_hidden(*c)) {
        None => Ok(()),
        Some(c) => Err(Msg::new("err-hidden-character")
            .arg("what", Msg::new(what))
            .arg("code", format!("{:04X}", u32::from(c)))),
    }
}

/// A person's full name as typed: 1–100 characters with at least one letter.
pub fn person_name(raw: &str) -> Result<String, Msg> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(Msg::new("err-enter-full-name"));
    }
    if name.chars().count() > 100 {
        return Err(Msg::new("err-use-most-100-characters-name"));
    }
    visible(name, "err-what-name")?;
    if !name.chars().any(char::is_alphabetic) {
        return Err(Msg::new("err-name-must-contain-letters"));
    }
    Ok(collapse_spaces(name))
}

/// A legal or trading name of an organization: 2–200 characters.
pub fn organization_name(raw: &str) -> Result<String, Msg> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(Msg::new("err-enter-organization-name"));
    }
    if name.chars().count() < 2 {
        return Err(Msg::new("err-organization-name-too-short"));
    }
    if name.chars().count() > 200 {
        return Err(Msg::new("err-use-most-200-characters-organization"));
    }
    visible(name, "err-what-organization-name")?;
    if !name.chars().any(char::is_alphanumeric) {
        return Err(Msg::new("err-organization-name-must-contain-letters"));
    }
    Ok(collapse_spaces(name))
}

/// A mobile number in international form: an optional leading `+`, then 7–15 digits
/// (ITU-T E.164), with spaces, dashes, dots and brackets allowed for readability.
/// Returned as `+` and digits only.
pub fn mobile(raw: &str) -> Result<String, Msg> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(Msg::new("err-enter-mobile-number"));
    }
    let mut digits = String::new();
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => {
                return Err(Msg::new("err-use-digits-only-optional-country"));
            }
        }
    }
    if !(7..=15).contains(&digits.len()) {
        return Err(Msg::new("err-mobile-number-has-7-15"));
    }
    Ok(format!("+{digits}"))
}

/// An ISO 3166-1 alpha-2 code from the offered list.
pub fn country(raw: &str) -> Result<String, Msg> {
    let code = raw.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Err(Msg::new("err-choose-country"));
    }
    if super::countries::COUNTRIES.iter().any(|(c, _)| *c == code) {
        Ok(code)
    } else {
        Err(Msg::new("err-choose-country-list"))
    }
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_name_is_trimmed_and_requires_letters() {
        assert_eq!(person_name("  Asha   Rao ").unwrap(), "Asha Rao");
        assert!(person_name("").is_err());
        assert!(person_name("12345").is_err());
        assert!(person_name("a\u{0007}b").is_err());
        assert!(person_name(&"x".repeat(101)).is_err());
    }

    #[test]
    fn mobile_accepts_international_forms_and_normalises() {
        assert_eq!(mobile("+91 98450-12345").unwrap(), "+919845012345");
        assert_eq!(mobile("(044) 2345 6789").unwrap(), "+04423456789");
        assert!(mobile("12345").is_err());
        assert!(mobile("+1 555 CALL NOW").is_err());
        assert!(mobile("1+2345678").is_err());
        assert!(mobile("1234567890123456").is_err());
    }

    #[test]
    fn country_must_be_an_offered_iso_code() {
        assert_eq!(country("in").unwrap(), "IN");
        assert!(country("XX").is_err());
        assert!(country("").is_err());
    }

    #[test]
    fn names_with_direction_overrides_or_invisible_characters_are_refused() {
        // "Asha" + RIGHT-TO-LEFT OVERRIDE + "oaR": displays as "AshaRao" reversed tail.
        for (hidden, code) in [
            ("Asha \u{202E}oaR", "U+202E"),
            ("Asha\u{200B} Rao", "U+200B"),
            ("Asha\u{200D}Rao", "U+200D"),
            ("\u{FEFF}Asha Rao", "U+FEFF"),
            ("Asha \u{2066}Rao\u{2069}", "U+2066"),
            ("Asha\u{061C} Rao", "U+061C"),
            ("Asha\u{200F}Rao", "U+200F"),
            ("Asha\u{2060}Rao", "U+2060"),
            ("Asha\u{00AD}Rao", "U+00AD"),
            ("Asha\u{E0041}Rao", "U+E0041"),
        ] {
            let err = person_name(hidden).unwrap_err();
            assert!(
                err.to_string().contains(code) && err.to_string().contains("invisible"),
                "{hidden:?}: {err}"
            );
            let err = organization_name(hidden).unwrap_err();
            assert!(err.to_string().contains(code), "{hidden:?}: {err}");
        }
        // Letters of any script stay welcome.
        assert_eq!(person_name("José Müller").unwrap(), "José Müller");
        assert!(person_name("आशा राव").is_ok());
        assert!(person_name("محمد علي").is_ok());
        assert!(organization_name("株式会社 例").is_ok());
    }

    #[test]
    fn organization_name_bounds() {
        assert_eq!(organization_name(" Acme  Ltd ").unwrap(), "Acme Ltd");
        assert!(organization_name("A").is_err());
        assert!(organization_name("--").is_err());
    }
}
