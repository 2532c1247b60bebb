//! India's Goods and Services Tax on INR amounts (FIN-4): the tax on a taxable value at the
//! operator's rate, split into CGST + SGST within the operator's state or IGST across states,
//! rounded so the parts add up to the paisa; GSTIN checks; and the financial year (1 April to
//! 31 March) that numbers invoices without gaps. USD amounts carry no GST.

use chrono::{Datelike, NaiveDate};

/// A tax rate in basis points (1800 = 18 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateBp(pub u32);

/// The rate Rootline applies unless the operator configures another.
pub const DEFAULT_RATE: RateBp = RateBp(1800);

/// The SAC code of the service on the invoice: "Information technology (IT) design and
/// development services" is how Indian CAs commonly classify certificates; the operator can
/// set its own.
pub const DEFAULT_SAC: &str = "998315";

/// The operator's GST registration as configured: its GSTIN, the state it is in (the GSTIN's
/// first two digits), the rate and the SAC code its invoices name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GstSettings {
    pub gstin: String,
    pub state: u8,
    pub rate: RateBp,
    pub sac: String,
}

impl RateBp {
    /// The rate as invoices write it: `18`, `9`, `12.5`.
    pub fn percent_text(self) -> String {
        app::model::gst_states::rate_text(self.0)
    }

    /// Half the rate (CGST and SGST each), in basis points.
    pub fn half(self) -> RateBp {
        RateBp(self.0 / 2)
    }
}

/// The tax on one taxable value, in paise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GstSplit {
    pub taxable_minor: i64,
    /// Central and state tax within the operator's state (each half the rate).
    pub cgst_minor: i64,
    pub sgst_minor: i64,
    /// Integrated tax across states.
    pub igst_minor: i64,
}

impl GstSplit {
    pub fn tax_minor(&self) -> i64 {
        self.cgst_minor + self.sgst_minor + self.igst_minor
    }

    pub fn total_minor(&self) -> i64 {
        self.taxable_minor + self.tax_minor()
    }
}

/// `value * rate`, rounded half up to the paisa (the order form computes the same).
fn tax_at(value_minor: i64, rate: RateBp) -> i64 {
    app::model::gst_states::tax_at(value_minor, rate.0)
}

/// The tax on `taxable_minor`: one amount at the full rate, so CGST + SGST is exactly what
/// IGST would be; within a state it is halved, the odd paisa going to CGST.
pub fn split(taxable_minor: i64, rate: RateBp, same_state: bool) -> GstSplit {
    let tax = tax_at(taxable_minor, rate);
    if same_state {
        let sgst = tax / 2;
        GstSplit {
            taxable_minor,
            cgst_minor: tax - sgst,
            sgst_minor: sgst,
            igst_minor: 0,
        }
    } else {
        GstSplit {
            taxable_minor,
            cgst_minor: 0,
            sgst_minor: 0,
            igst_minor: tax,
        }
    }
}

/// The financial year a day falls in, by the year it starts: 2026-04-01 … 2027-03-31 is 2026.
pub fn financial_year(day: NaiveDate) -> i32 {
    if day.month() >= 4 {
        day.year()
    } else {
        day.year() - 1
    }
}

/// The financial year as invoices write it: `2026-27`.
pub fn financial_year_label(start_year: i32) -> String {
    format!("{start_year}-{:02}", (start_year + 1).rem_euclid(100))
}

/// A tax invoice's number: consecutive within the financial year, at most 16 characters as
/// the GST rules allow (`RL/2026-27/00042`).
pub fn invoice_number(start_year: i32, sequence: u32) -> String {
    format!("RL/{}/{sequence:05}", financial_year_label(start_year))
}

const GSTIN_CHARS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The check character of a GSTIN's first 14 characters (a Luhn mod 36 over them, as the GST
/// Network computes it).
fn gstin_check(body: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (i, c) in body.iter().enumerate() {
        let value = u32::try_from(GSTIN_CHARS.iter().position(|x| x == c)?).ok()?;
        let factor = if i % 2 == 0 { 1 } else { 2 };
        let product = value * factor;
        sum += product / 36 + product % 36;
    }
    let check = (36 - sum % 36) % 36;
    GSTIN_CHARS.get(usize::try_from(check).ok()?).copied()
}

/// Why a GSTIN is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GstinError {
    /// Not 15 characters of the GSTIN's pattern.
    Shape,
    /// The state code is not one of India's (01–38, 97 other territory, 99 centre).
    State,
    /// The last character does not match the others.
    Checksum,
}

/// What each of a GSTIN's 15 characters may be: the state code's two digits, the holder's
/// PAN (five letters, four digits, a letter), the registration number, `Z`, the check.
fn gstin_shape(position: usize, c: u8) -> bool {
    match position {
        0 | 1 | 7..=10 => c.is_ascii_digit(),
        2..=6 | 11 => c.is_ascii_uppercase(),
        13 => c == b'Z',
        _ => c.is_ascii_alphanumeric(),
    }
}

/// A GSTIN in upper case: `22AAAAA0000A1Z5`. Returns it with its state code.
pub fn parse_gstin(raw: &str) -> Result<(String, u8), GstinError> {
    let g = raw.trim().to_ascii_uppercase();
    let b = g.as_bytes();
    if b.len() != 15 || !b.iter().enumerate().all(|(i, c)| gstin_shape(i, *c)) {
        return Err(GstinError::Shape);
    }
    let state: u8 = g
        .get(..2)
        .and_then(|code| code.parse().ok())
        .ok_or(GstinError::Shape)?;
    if !(1..=38).contains(&state) && state != 97 && state != 99 {
        return Err(GstinError::State);
    }
    let (body, check) = b.split_at(14);
    if gstin_check(body) != check.first().copied() {
        return Err(GstinError::Checksum);
    }
    Ok((g, state))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_the_state_cgst_and_sgst_halve_the_tax_and_add_up_to_the_paisa() {
        // (taxable, same state, cgst, sgst, igst)
        let table = [
            (399_900, true, 35_991, 35_991, 0),
            (399_900, false, 0, 0, 71_982),
            // 18 % of 0.05 is 0.009 → 0.01; the odd paisa goes to CGST.
            (5, true, 1, 0, 0),
            (5, false, 0, 0, 1),
            (1, true, 0, 0, 0),
            (0, true, 0, 0, 0),
            // 18 % of 12,345.67 = 2,222.2206 → 2,222.22, halves 1,111.11 each.
            (1_234_567, true, 111_111, 111_111, 0),
            // 18 % of 10.03 = 1.8054 → 1.81: CGST 0.91, SGST 0.90.
            (1_003, true, 91, 90, 0),
        ];
        for (taxable, same, cgst, sgst, igst) in table {
            let s = split(taxable, DEFAULT_RATE, same);
            assert_eq!(
                (s.cgst_minor, s.sgst_minor, s.igst_minor),
                (cgst, sgst, igst),
                "{taxable} {same}"
            );
            assert_eq!(s.total_minor(), taxable + cgst + sgst + igst);
            // Either way the tax is the same amount.
            assert_eq!(
                split(taxable, DEFAULT_RATE, !same).tax_minor(),
                s.tax_minor()
            );
        }
        // The largest balance does not overflow.
        assert!(split(i64::MAX, DEFAULT_RATE, false).igst_minor > 0);
    }

    #[test]
    fn rates_read_as_invoices_write_them() {
        assert_eq!(DEFAULT_RATE.percent_text(), "18");
        assert_eq!(DEFAULT_RATE.half().percent_text(), "9");
        assert_eq!(RateBp(1250).percent_text(), "12.5");
        assert_eq!(RateBp(1250).half().percent_text(), "6.25");
    }

    #[test]
    fn the_financial_year_turns_on_the_first_of_april() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(financial_year(day(2027, 3, 31)), 2026);
        assert_eq!(financial_year(day(2027, 4, 1)), 2027);
        assert_eq!(financial_year(day(2026, 12, 6)), 2026);
        assert_eq!(financial_year_label(2026), "2026-27");
        assert_eq!(financial_year_label(2099), "2099-00");
        assert_eq!(invoice_number(2026, 42), "RL/2026-27/00042");
        assert!(invoice_number(2026, 99_999).len() <= 16);
    }

    #[test]
    fn a_gstin_is_checked_for_shape_state_and_check_character() {
        // Published examples of valid GSTINs (their check characters follow the algorithm).
        for good in ["27AAPFU0939F1ZV", "29AAGCB7383J1Z4", " 07aabcu9603r1zp "] {
            let (gstin, state) = parse_gstin(good).unwrap();
            assert_eq!(gstin.len(), 15);
            assert_eq!(state, gstin[..2].parse::<u8>().unwrap());
        }
        assert_eq!(parse_gstin("27AAPFU0939F1ZW"), Err(GstinError::Checksum));
        assert_eq!(parse_gstin("27AAPFU0939F1Z"), Err(GstinError::Shape));
        assert_eq!(parse_gstin("27AAPFU0939F1XV"), Err(GstinError::Shape));
        assert_eq!(parse_gstin("45AAPFU0939F1ZV"), Err(GstinError::State));
    }
}
