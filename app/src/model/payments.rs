//! Money in and out of an account's balance (FIN-1): online payments through a provider, bank
//! transfers the operator approves, bank details and withdrawals. The forms, their checks that
//! need no server, and what the pages show.

use serde::{Deserialize, Serialize};

use super::{Currency, Day, FieldErrors, Moment, billing::parse_minor_units};
use crate::i18n::Msg;

/// A payment's id (online or offline).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PaymentId(pub i32);

/// A withdrawal's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WithdrawalId(pub i32);

/// Who took the money: a payment provider, or a bank transfer recorded by the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PaymentProvider {
    /// Stripe Checkout (USD accounts).
    Stripe,
    /// Razorpay (INR accounts).
    Razorpay,
    /// A bank transfer, credited when the operator approves it.
    Offline,
}

impl PaymentProvider {
    pub const ALL: [PaymentProvider; 3] = [Self::Stripe, Self::Razorpay, Self::Offline];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Stripe => "stripe",
            Self::Razorpay => "razorpay",
            Self::Offline => "offline",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The catalogue key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Stripe => "payments-provider-stripe",
            Self::Razorpay => "payments-provider-razorpay",
            Self::Offline => "payments-provider-offline",
        }
    }
}

/// Where a payment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PaymentStatus {
    /// Started with the provider, or recorded and waiting for the operator.
    Pending,
    /// The account was credited (exactly once).
    Credited,
    /// The operator refused the bank transfer.
    Rejected,
    /// The provider says the payment failed or expired.
    Failed,
}

impl PaymentStatus {
    pub const ALL: [PaymentStatus; 4] =
        [Self::Pending, Self::Credited, Self::Rejected, Self::Failed];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Credited => "credited",
            Self::Rejected => "rejected",
            Self::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Pending => "payments-status-pending",
            Self::Credited => "payments-status-credited",
            Self::Rejected => "payments-status-rejected",
            Self::Failed => "payments-status-failed",
        }
    }
}

/// Where a withdrawal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WithdrawalStatus {
    /// Requested: the amount is held, waiting for the operator.
    Held,
    /// Paid out to the bank account.
    Paid,
    /// Refused: the held amount went back to the balance.
    Released,
}

impl WithdrawalStatus {
    pub const ALL: [WithdrawalStatus; 3] = [Self::Held, Self::Paid, Self::Released];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Held => "held",
            Self::Paid => "paid",
            Self::Released => "released",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Held => "withdraw-status-held",
            Self::Paid => "withdraw-status-paid",
            Self::Released => "withdraw-status-released",
        }
    }
}

/// The longest bank reference kept.
pub const REFERENCE_MAX: usize = 200;
/// The largest proof of payment kept (PDF, PNG or JPEG).
pub const PROOF_MAX_BYTES: usize = 4 * 1024 * 1024;
/// The longest reason for a refusal.
pub const REASON_MAX: usize = 500;

/// An amount posted in a form, in the account's currency: positive, at most two decimals.
/// `currency` is what the form says it is in; anything but the account's is refused.
pub fn amount_in(raw: &str, currency: &str, account: Currency) -> Result<i64, Msg> {
    if !currency.trim().is_empty() && currency.trim() != account.as_str() {
        return Err(Msg::new("err-payment-currency").arg("currency", account.as_str()));
    }
    match parse_minor_units(raw) {
        Ok(Some(m)) if m > 0 => Ok(m),
        Ok(Some(_)) => Err(Msg::new("err-enter-amount-greater-than-zero")),
        Ok(None) => Err(Msg::new("err-enter-amount-such-250-250")),
        // A minus sign lands here too: it is not a number a form takes.
        Err(()) => Err(Msg::new("err-payment-amount-format")),
    }
}

/// An online top-up: the amount, and the form's token (a retried post starts one payment).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnlinePaymentForm {
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub currency: String,
    #[serde(default)]
    pub form_token: String,
}

/// A bank transfer the customer made, to be approved by the operator.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfflinePaymentForm {
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub currency: String,
    /// `YYYY-MM-DD`, as a date input sends it.
    #[serde(default)]
    pub paid_on: String,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub form_token: String,
}

/// A checked bank transfer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOfflinePayment {
    pub amount_minor: i64,
    pub paid_on: Day,
    pub reference: String,
}

/// `YYYY-MM-DD` as a day.
pub fn parse_day(raw: &str) -> Option<Day> {
    let raw = raw.trim();
    let mut parts = raw.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    Day::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Text a user typed on one line: no control or hidden characters.
fn one_line(raw: &str) -> bool {
    !raw.chars()
        .any(|c| c.is_control() || super::text::is_hidden(c))
}

impl OfflinePaymentForm {
    /// Checks everything but the day against today (the server knows the date).
    pub fn validate(&self, account: Currency) -> Result<ValidOfflinePayment, FieldErrors> {
        let mut errors = FieldErrors::new();
        let amount = errors.check("amount", amount_in(&self.amount, &self.currency, account));
        let paid_on = errors.check(
            "paid_on",
            parse_day(&self.paid_on).ok_or_else(|| Msg::new("err-payment-date")),
        );
        let reference = self.reference.trim();
        if reference.is_empty() {
            errors.add("reference", Msg::new("err-payment-reference"));
        } else if reference.chars().count() > REFERENCE_MAX || !one_line(reference) {
            errors.add(
                "reference",
                Msg::new("err-payment-reference-format").arg("max", REFERENCE_MAX),
            );
        }
        match (amount, paid_on, errors.is_empty()) {
            (Some(amount_minor), Some(paid_on), true) => Ok(ValidOfflinePayment {
                amount_minor,
                paid_on,
                reference: reference.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

/// The bank account a withdrawal is paid to. INR accounts give an account number and IFSC;
/// other accounts an IBAN and a SWIFT/BIC (the server checks the IBAN's checksum).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankDetailsForm {
    #[serde(default)]
    pub holder_name: String,
    #[serde(default)]
    pub bank_name: String,
    #[serde(default)]
    pub account_number: String,
    #[serde(default)]
    pub ifsc: String,
    #[serde(default)]
    pub iban: String,
    #[serde(default)]
    pub bic: String,
}

/// A withdrawal request: an amount up to the available balance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithdrawalForm {
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub form_token: String,
}

/// The operator's decision on a payment or a withdrawal: approve, or reject with a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Approve,
    Reject,
}

impl Decision {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "approve" => Some(Self::Approve),
            "reject" => Some(Self::Reject),
            _ => None,
        }
    }
}

/// A refusal's reason as the customer will read it: required, one paragraph.
pub fn reason(raw: &str) -> Result<String, Msg> {
    let reason = raw.trim();
    if reason.is_empty() {
        Err(Msg::new("err-payment-reason"))
    } else if reason.chars().count() > REASON_MAX || !one_line(reason) {
        Err(Msg::new("err-payment-reason-format").arg("max", REASON_MAX))
    } else {
        Ok(reason.to_owned())
    }
}

/// A payment as its account sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentLine {
    pub id: PaymentId,
    pub provider: PaymentProvider,
    pub amount_minor: i64,
    pub status: PaymentStatus,
    /// The bank reference of a transfer.
    pub reference: Option<String>,
    pub paid_on: Option<Day>,
    pub reason: Option<String>,
    pub created: Moment,
}

/// What continues a started payment at the provider when it takes a form post (Razorpay's
/// hosted checkout): the form's address and its hidden fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderForm {
    pub action: String,
    pub fields: Vec<(String, String)>,
}

/// `/billing/add-credits`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddCreditsPage {
    pub currency: Currency,
    pub balance_minor: i64,
    /// The provider online payments go through; `None` when none is configured.
    pub gateway: Option<PaymentProvider>,
    /// The caller may pay and record transfers (not only look).
    pub can_pay: bool,
    /// A fresh token for each form on the page.
    pub form_token: String,
    /// The payment named in the address, when it is the account's.
    pub shown: Option<PaymentLine>,
    /// How to continue the shown payment at the provider, while it is pending there.
    pub continue_form: Option<ProviderForm>,
    /// Where to continue it by a link (Stripe's hosted page), while pending.
    pub continue_url: Option<String>,
    /// The account's payments, newest first.
    pub payments: Vec<PaymentLine>,
}

/// The bank details on file, as shown back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankDetailsView {
    pub holder_name: String,
    pub bank_name: String,
    pub account_number: Option<String>,
    pub ifsc: Option<String>,
    pub iban: Option<String>,
    pub bic: Option<String>,
}

/// A withdrawal as its account sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithdrawalLine {
    pub id: WithdrawalId,
    pub amount_minor: i64,
    pub status: WithdrawalStatus,
    pub reason: Option<String>,
    pub created: Moment,
}

/// `/billing/withdraw`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithdrawPage {
    pub currency: Currency,
    /// What may be withdrawn now.
    pub balance_minor: i64,
    /// Held for withdrawals the operator has not decided.
    pub held_minor: i64,
    pub can_withdraw: bool,
    pub form_token: String,
    pub bank: Option<BankDetailsView>,
    pub withdrawals: Vec<WithdrawalLine>,
}

/// A bank transfer waiting in the operator's queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedPayment {
    pub id: PaymentId,
    pub account_name: String,
    pub currency: Currency,
    pub amount_minor: i64,
    pub paid_on: Option<Day>,
    pub reference: String,
    /// The proof's file name and where to download it.
    pub proof: Option<(String, String)>,
    pub created: Moment,
}

/// A withdrawal waiting in the operator's queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedWithdrawal {
    pub id: WithdrawalId,
    pub account_name: String,
    pub currency: Currency,
    pub amount_minor: i64,
    /// The bank details when requested.
    pub bank: String,
    pub created: Moment,
}

/// `/operator/payments`: oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentsQueue {
    pub payments: Vec<QueuedPayment>,
    pub withdrawals: Vec<QueuedWithdrawal>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_positive_decimals_in_the_accounts_currency() {
        let ok = |raw: &str| amount_in(raw, "", Currency::Usd);
        assert_eq!(ok("25"), Ok(2_500));
        assert_eq!(ok("1,000.5"), Ok(100_050));
        assert!(ok("0").is_err());
        assert!(ok("-5").is_err());
        assert!(ok("ten").is_err());
        assert!(ok("").is_err());
        assert!(amount_in("25", "INR", Currency::Usd).is_err());
        assert_eq!(amount_in("25", "USD", Currency::Usd), Ok(2_500));
    }

    #[test]
    fn states_read_back_from_their_stored_text() {
        for p in PaymentProvider::ALL {
            assert_eq!(PaymentProvider::parse(p.as_str()), Some(p));
        }
        for s in PaymentStatus::ALL {
            assert_eq!(PaymentStatus::parse(s.as_str()), Some(s));
        }
        for s in WithdrawalStatus::ALL {
            assert_eq!(WithdrawalStatus::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn a_transfer_needs_a_real_day_and_a_reference() {
        let form = OfflinePaymentForm {
            amount: "10".into(),
            currency: "INR".into(),
            paid_on: "2026-02-30".into(),
            reference: " ".into(),
            form_token: "t".into(),
        };
        let errors = form.validate(Currency::Inr).unwrap_err();
        assert!(errors.get("paid_on").is_some());
        assert!(errors.get("reference").is_some());
        assert!(errors.get("amount").is_none());
    }
}
