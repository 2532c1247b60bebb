//! India's GST state codes (the first two digits of a GSTIN): where a buyer is, which decides
//! between CGST + SGST (the operator's own state) and IGST (any other). The names are the
//! states' own proper names, the same in every language.

/// Code and name, in code order (25 and 28 are no longer used).
pub const STATES: [(u8, &str); 37] = [
    (1, "Jammu and Kashmir"),
    (2, "Himachal Pradesh"),
    (3, "Punjab"),
    (4, "Chandigarh"),
    (5, "Uttarakhand"),
    (6, "Haryana"),
    (7, "Delhi"),
    (8, "Rajasthan"),
    (9, "Uttar Pradesh"),
    (10, "Bihar"),
    (11, "Sikkim"),
    (12, "Arunachal Pradesh"),
    (13, "Nagaland"),
    (14, "Manipur"),
    (15, "Mizoram"),
    (16, "Tripura"),
    (17, "Meghalaya"),
    (18, "Assam"),
    (19, "West Bengal"),
    (20, "Jharkhand"),
    (21, "Odisha"),
    (22, "Chhattisgarh"),
    (23, "Madhya Pradesh"),
    (24, "Gujarat"),
    (26, "Dadra and Nagar Haveli and Daman and Diu"),
    (27, "Maharashtra"),
    (29, "Karnataka"),
    (30, "Goa"),
    (31, "Lakshadweep"),
    (32, "Kerala"),
    (33, "Tamil Nadu"),
    (34, "Puducherry"),
    (35, "Andaman and Nicobar Islands"),
    (36, "Telangana"),
    (37, "Andhra Pradesh"),
    (38, "Ladakh"),
    (97, "Other Territory"),
];

/// GST at `rate_bp` basis points on `value_minor`, rounded half up to the paisa (taken in 128
/// bits, so no balance overflows): the one rule the order form's total and the charge share.
pub fn tax_at(value_minor: i64, rate_bp: u32) -> i64 {
    let product = i128::from(value_minor) * i128::from(rate_bp);
    i64::try_from((product + 5_000).div_euclid(10_000)).unwrap_or(i64::MAX)
}

/// The GST on an order's price and the grand total, written for `lang`: what the order forms
/// show before the order is placed (the charge computes the same with `tax_at`).
pub fn tax_and_total(
    lang: crate::i18n::Lang,
    quoted: &super::products::Quote,
    rate_bp: u32,
) -> (String, String) {
    let tax = tax_at(quoted.total_minor, rate_bp);
    (
        crate::i18n::money(lang, tax, &quoted.currency),
        crate::i18n::money(
            lang,
            quoted.total_minor.saturating_add(tax),
            &quoted.currency,
        ),
    )
}

/// A rate in basis points as a person writes it: `18`, `12.5`.
pub fn rate_text(rate_bp: u32) -> String {
    let (whole, rest) = (rate_bp / 100, rate_bp % 100);
    if rest == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{rest:02}")
            .trim_end_matches('0')
            .to_owned()
    }
}

/// The state with this code.
pub fn name(code: u8) -> Option<(u8, &'static str)> {
    STATES.iter().copied().find(|(c, _)| *c == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_form_shows_the_gst_and_a_grand_total_that_add_up_to_the_paisa() {
        let quoted = crate::model::products::Quote {
            total_minor: 99_999,
            currency: "INR".into(),
        };
        let (tax, total) = tax_and_total(crate::i18n::Lang::En, &quoted, 1_800);
        // 18 % of ₹999.99 is ₹179.9982, rounded half up to ₹180.00.
        assert_eq!(
            tax,
            crate::i18n::money(crate::i18n::Lang::En, 18_000, "INR")
        );
        assert_eq!(
            total,
            crate::i18n::money(crate::i18n::Lang::En, 117_999, "INR")
        );
    }

    #[test]
    fn codes_are_unique_and_found() {
        let mut codes: Vec<u8> = STATES.iter().map(|(c, _)| *c).collect();
        codes.dedup();
        assert_eq!(codes.len(), STATES.len());
        assert_eq!(name(27), Some((27, "Maharashtra")));
        assert_eq!(name(25), None);
    }
}

/// An account's GST details as its tax details form posts them.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TaxDetailsForm {
    /// Empty: the account is not registered for GST.
    #[serde(default)]
    pub gstin: String,
    /// The state code of the place of supply.
    pub state: String,
}

/// An account's GST details as its billing page shows them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TaxDetails {
    pub gstin: Option<String>,
    pub state: Option<u8>,
    /// GST applies only to INR accounts.
    pub inr: bool,
    pub can_change: bool,
}
