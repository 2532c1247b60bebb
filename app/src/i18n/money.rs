use super::Lang;

/// An amount in minor units with its currency, written the way the language writes money:
/// `USD 2,500.50` in English; `2500,50 USD` and `12 500,50 USD` in Polish (CLDR: a comma
/// before the fraction, a no-break space between thousands only from five digits, the
/// currency after the amount).
pub fn money(lang: Lang, minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let (whole, cents) = ((abs / 100).to_string(), abs % 100);
    match lang {
        Lang::En => format!("{currency} {sign}{}.{cents:02}", grouped(&whole, ',', 4)),
        Lang::Pl => format!(
            "{sign}{},{cents:02}\u{a0}{currency}",
            grouped(&whole, '\u{a0}', 5)
        ),
    }
}

/// `digits` with `separator` between groups of three, once it has at least `from` digits.
fn grouped(digits: &str, separator: char, from: usize) -> String {
    if digits.len() < from {
        return digits.to_owned();
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_amounts_lead_with_the_currency_and_group_every_thousand() {
        assert_eq!(money(Lang::En, 250_050, "USD"), "USD 2,500.50");
        assert_eq!(money(Lang::En, 99_900, "INR"), "INR 999.00");
        assert_eq!(money(Lang::En, -1_000, "INR"), "INR -10.00");
        assert_eq!(money(Lang::En, 123_456_789, "USD"), "USD 1,234,567.89");
    }

    #[test]
    fn polish_amounts_use_a_decimal_comma_and_group_from_five_digits() {
        assert_eq!(money(Lang::Pl, 250_050, "USD"), "2500,50\u{a0}USD");
        assert_eq!(money(Lang::Pl, 1_250_050, "USD"), "12\u{a0}500,50\u{a0}USD");
        assert_eq!(money(Lang::Pl, -1_000, "INR"), "-10,00\u{a0}INR");
        assert_eq!(money(Lang::Pl, 5, "USD"), "0,05\u{a0}USD");
    }
}
