//! The password policy, stated once and applied by the activation form and the server alike.

use super::Email;
use crate::i18n::Msg;

pub const MIN_LEN: usize = 12;
pub const MAX_LEN: usize = 128;

/// What the activation page tells the user before they type.
pub const POLICY: &str = "Use 12 to 128 characters, including at least one letter and at least one \
digit or symbol. Do not use your e-mail name or a common password.";

/// Passwords that satisfy the length and class rules yet are the first ones guessed.
const COMMON: &[&str] = &[
    "password1234",
    "password123!",
    "passw0rd1234",
    "123456789abc",
    "abc123456789",
    "qwerty123456",
    "qwertyuiop12",
    "1q2w3e4r5t6y",
    "iloveyou1234",
    "welcome12345",
    "letmein12345",
    "admin1234567",
    "changeme1234",
    "rootline1234",
];

/// Checks a new password against the policy for the given account e-mail.
pub fn check_new_password(password: &str, email: Option<&Email>) -> Result<(), Msg> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Err(Msg::new("err-use-least-min-len-characters").arg("min_len", MIN_LEN));
    }
    if len > MAX_LEN {
        return Err(Msg::new("err-use-most-max-len-characters").arg("max_len", MAX_LEN));
    }
    let has_letter = password.chars().any(char::is_alphabetic);
    let has_other = password.chars().any(|c| !c.is_alphabetic());
    if !has_letter || !has_other {
        return Err(Msg::new("err-include-least-one-letter-least"));
    }
    let lower = password.to_lowercase();
    if let Some(email) = email {
        let local = email.local_part();
        if local.chars().count() >= 3 && lower.contains(local) {
            return Err(Msg::new("err-do-not-include-mail-name"));
        }
    }
    if COMMON.contains(&lower.as_str()) {
        return Err(Msg::new("err-password-too-common-choose-another"));
    }
    Ok(())
}

/// Checks that the confirmation repeats the password.
pub fn check_confirmation(password: &str, confirmation: &str) -> Result<(), Msg> {
    if password == confirmation {
        Ok(())
    } else {
        Err(Msg::new("err-two-passwords-do-not-match"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email() -> Email {
        Email::parse("asha.rao@example.com").unwrap()
    }

    #[test]
    fn a_long_mixed_password_passes() {
        assert!(check_new_password("correct horse 42", Some(&email())).is_ok());
    }

    #[test]
    fn weak_passwords_are_refused_with_the_rule_they_break() {
        let cases = [
            ("short1!", "at least 12"),
            ("onlyletterslong", "digit or symbol"),
            ("1234567890123", "letter"),
            ("Asha.Rao-2026!", "e-mail name"),
            ("Password1234", "too common"),
        ];
        for (pw, expected) in cases {
            let err = check_new_password(pw, Some(&email())).unwrap_err();
            assert!(err.to_string().contains(expected), "{pw}: {err}");
        }
        assert!(check_new_password(&"a1".repeat(65), None).is_err());
    }

    #[test]
    fn confirmation_must_match() {
        assert!(check_confirmation("abc", "abc").is_ok());
        assert!(check_confirmation("abc", "abd").is_err());
    }
}
