//! Amounts as users read them: integer minor units with their currency.

/// `2500` in USD → "USD 25.00"; negative amounts keep their sign.
pub fn format_minor(minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{currency} {sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_show_two_decimals_and_their_sign() {
        assert_eq!(format_minor(2500, "USD"), "USD 25.00");
        assert_eq!(format_minor(5, "INR"), "INR 0.05");
        assert_eq!(format_minor(-1234, "USD"), "USD -12.34");
        assert_eq!(format_minor(i64::MIN, "USD"), "USD -92233720368547758.08");
    }
}
