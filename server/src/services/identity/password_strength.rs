//! The server's half of the password policy. Every form runs the quick rules of
//! `app::model::password` in the browser; the server runs them again and then estimates how
//! many guesses the password would take (zxcvbn: dictionaries, keyboard patterns, repeats,
//! sequences, dates, and the user's own details). The estimator lives only here, so its
//! dictionaries never reach the browser bundle; its refusal is shown beside the field.

use app::{
    i18n::Msg,
    model::{Email, FieldErrors, password},
};

/// The least zxcvbn score accepted: 3 is "safely unguessable" (about 10^8 guesses), what an
/// attacker with a stolen Argon2 hash and a modest budget would not reach.
const MIN_SCORE: u8 = 3;

/// Checks a new password and its confirmation for a user: the policy's rules, then the
/// strength estimate with the user's address, name and account as words an attacker would try.
pub(super) fn new_password_errors(
    new_password: &str,
    confirmation: &str,
    email: Option<&Email>,
    personal: &[&str],
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    check_new_password(&mut errors, new_password, confirmation, email, personal);
    errors
}

/// As [`new_password_errors`], adding to `errors` (beside other fields of the same form).
pub(super) fn check_new_password(
    errors: &mut FieldErrors,
    new_password: &str,
    confirmation: &str,
    email: Option<&Email>,
    personal: &[&str],
) {
    let rules = password::check_new_password(new_password, email);
    let strong = rules.and_then(|()| strong_enough(new_password, email, personal));
    errors.check("password", strong);
    errors.check(
        "password_confirmation",
        password::check_confirmation(new_password, confirmation),
    );
}

fn strong_enough(pw: &str, email: Option<&Email>, personal: &[&str]) -> Result<(), Msg> {
    // Each detail whole, word by word and run together ("Example Pvt Ltd" is also tried as
    // "examplepvtltd"), as an attacker who knows the user would try them.
    let mut words: Vec<String> = Vec::new();
    for detail in personal.iter().filter(|w| !w.trim().is_empty()) {
        words.push(detail.to_lowercase());
        words.extend(detail.split_whitespace().map(str::to_lowercase));
        words.push(detail.split_whitespace().collect::<String>().to_lowercase());
    }
    if let Some(email) = email {
        words.push(email.as_str().to_owned());
        words.push(email.local_part().to_owned());
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let estimate = zxcvbn::zxcvbn(pw, &words);
    if u8::from(estimate.score()) >= MIN_SCORE {
        return Ok(());
    }
    match estimate.feedback().and_then(|f| f.warning()) {
        Some(warning) => Err(Msg::new("err-password-too-easy-because")
            .arg("warning", Msg::new(warning_key(warning)))),
        None => Err(Msg::new("err-password-too-easy")),
    }
}

/// The catalogue's words for zxcvbn's warning (zxcvbn explains itself in English only).
fn warning_key(warning: zxcvbn::feedback::Warning) -> &'static str {
    use zxcvbn::feedback::Warning;
    match warning {
        Warning::StraightRowsOfKeysAreEasyToGuess => "err-guessable-straight-rows",
        Warning::ShortKeyboardPatternsAreEasyToGuess => "err-guessable-keyboard-patterns",
        Warning::RepeatsLikeAaaAreEasyToGuess => "err-guessable-repeats",
        Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => "err-guessable-repeated-words",
        Warning::ThisIsATop10Password => "err-guessable-top-10",
        Warning::ThisIsATop100Password => "err-guessable-top-100",
        Warning::ThisIsACommonPassword => "err-guessable-common",
        Warning::ThisIsSimilarToACommonlyUsedPassword => "err-guessable-similar",
        Warning::SequencesLikeAbcAreEasyToGuess => "err-guessable-sequences",
        Warning::RecentYearsAreEasyToGuess => "err-guessable-recent-years",
        Warning::AWordByItselfIsEasyToGuess => "err-guessable-single-word",
        Warning::DatesAreOftenEasyToGuess => "err-guessable-dates",
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => "err-guessable-names",
        Warning::CommonNamesAndSurnamesAreEasyToGuess => "err-guessable-common-names",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email() -> Email {
        Email::parse("asha.rao@example.com").unwrap()
    }

    #[test]
    fn a_repeated_letter_with_a_digit_is_refused_although_it_passes_the_quick_rules() {
        assert!(password::check_new_password("aaaaaaaaaaa1", Some(&email())).is_ok());
        let errors = new_password_errors("aaaaaaaaaaa1", "aaaaaaaaaaa1", Some(&email()), &[]);
        let message = errors.get("password").unwrap().to_string();
        assert!(message.contains("too easy to guess"), "{message}");
        assert!(errors.get("password_confirmation").is_none());
    }

    #[test]
    fn guessable_patterns_and_the_users_own_details_are_refused() {
        for weak in [
            "qwertyuiop123",
            "Password2026!",
            "abcdefghijk1",
            "123456789012a",
            "examplepvtltd1",
        ] {
            let errors = new_password_errors(weak, weak, Some(&email()), &["Example Pvt Ltd"]);
            assert!(errors.get("password").is_some(), "{weak} was accepted");
        }
    }

    #[test]
    fn passphrases_pass() {
        for strong in [
            "correct horse 42",
            "plain forms 2026",
            "brand new horse 7",
            "tangerine voltage umbrella",
        ] {
            let errors = new_password_errors(strong, strong, Some(&email()), &["Asha Rao"]);
            assert!(errors.is_empty(), "{strong}: {errors:?}");
        }
    }

    #[test]
    fn the_quick_rules_still_come_first_and_the_confirmation_must_match() {
        let errors = new_password_errors("short1", "short2", None, &[]);
        assert!(
            errors
                .get("password")
                .unwrap()
                .to_string()
                .contains("at least 12")
        );
        assert!(errors.get("password_confirmation").is_some());
    }
}
