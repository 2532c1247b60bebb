//! Validators for free-text fields: trimmed, bounded, no control characters.

/// A person's full name as typed: 1–100 characters with at least one letter.
pub fn person_name(raw: &str) -> Result<String, String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err("Enter your full name.".into());
    }
    if name.chars().count() > 100 {
        return Err("Use at most 100 characters for the name.".into());
    }
    if name.chars().any(char::is_control) {
        return Err("The name contains characters that are not allowed.".into());
    }
    if !name.chars().any(char::is_alphabetic) {
        return Err("The name must contain letters.".into());
    }
    Ok(collapse_spaces(name))
}

/// A legal or trading name of an organization: 2–200 characters.
pub fn organization_name(raw: &str) -> Result<String, String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err("Enter the organization name.".into());
    }
    if name.chars().count() < 2 {
        return Err("The organization name is too short.".into());
    }
    if name.chars().count() > 200 {
        return Err("Use at most 200 characters for the organization name.".into());
    }
    if name.chars().any(char::is_control) {
        return Err("The organization name contains characters that are not allowed.".into());
    }
    if !name.chars().any(char::is_alphanumeric) {
        return Err("The organization name must contain letters or digits.".into());
    }
    Ok(collapse_spaces(name))
}

/// A mobile number in international form: an optional leading `+`, then 7–15 digits
/// (ITU-T E.164), with spaces, dashes, dots and brackets allowed for readability.
/// Returned as `+` and digits only.
pub fn mobile(raw: &str) -> Result<String, String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err("Enter a mobile number.".into());
    }
    let mut digits = String::new();
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => {
                return Err(
                    "Use digits only, with an optional + and country code, e.g. +91 98450 12345."
                        .into(),
                );
            }
        }
    }
    if !(7..=15).contains(&digits.len()) {
        return Err("A mobile number has 7 to 15 digits including the country code.".into());
    }
    Ok(format!("+{digits}"))
}

/// An ISO 3166-1 alpha-2 code from the offered list.
pub fn country(raw: &str) -> Result<String, String> {
    let code = raw.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Err("Choose a country.".into());
    }
    if super::countries::COUNTRIES.iter().any(|(c, _)| *c == code) {
        Ok(code)
    } else {
        Err("Choose a country from the list.".into())
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
    fn organization_name_bounds() {
        assert_eq!(organization_name(" Acme  Ltd ").unwrap(), "Acme Ltd");
        assert!(organization_name("A").is_err());
        assert!(organization_name("--").is_err());
    }
}
