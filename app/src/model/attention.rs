//! What the Overview says needs the signed-in user's attention: counts, each a link to the
//! list filtered to exactly what it counts.

use serde::{Deserialize, Serialize};

/// How many days ahead the Overview looks for certificates that end.
pub const EXPIRING_DAYS: u32 = 30;

/// The orders waiting for an approver (an administrator of the account).
pub const APPROVALS_HREF: &str = "/orders?status=pending_approval";
/// The paid orders that wait for their CSR.
pub const CSR_HREF: &str = "/orders?needs=csr";
/// The drafts (on hold): placed but not paid.
pub const DRAFTS_HREF: &str = "/orders?status=on_hold";
/// The domains not (or no longer) validated.
pub const DOMAINS_HREF: &str = "/domains?needs=validation";
/// The issued orders whose certificate ends within [`EXPIRING_DAYS`].
pub const EXPIRING_HREF: &str = "/orders?expiring=30";

/// One balance the user may see: the account's, or a group's that pays from its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BalanceLine {
    /// "Account balance" or the group's name.
    pub name: String,
    /// Formatted with its currency, e.g. "USD 90.00".
    pub balance: String,
    /// Where the balance and its history are shown.
    pub href: String,
    /// The account's own balance (named in the reader's language), not a group's.
    #[serde(default)]
    pub account: bool,
}

/// The counts; a count the user's role does not cover is `None` and not shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attention {
    /// Orders waiting for this user's approval (they may approve orders).
    pub approvals: Option<u64>,
    /// Paid orders waiting for a CSR.
    pub awaiting_csr: u64,
    /// Drafts waiting for payment.
    pub drafts: u64,
    /// Domains to validate (they manage domains).
    pub domains_to_validate: Option<u64>,
    /// Certificates ending within [`EXPIRING_DAYS`].
    pub expiring: u64,
    /// The balances (they may view finance).
    pub balances: Option<Vec<BalanceLine>>,
}

/// One count as the Overview lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttentionItem {
    pub count: u64,
    /// What is counted, e.g. "orders waiting for your approval".
    pub label: &'static str,
    pub href: &'static str,
}

impl Attention {
    /// The counts above zero, in the order a user acts on them.
    pub fn items(&self) -> Vec<AttentionItem> {
        let counts = [
            (
                self.approvals.unwrap_or(0),
                (
                    "order waiting for your approval",
                    "orders waiting for your approval",
                ),
                APPROVALS_HREF,
            ),
            (
                self.drafts,
                ("draft waiting for payment", "drafts waiting for payment"),
                DRAFTS_HREF,
            ),
            (
                self.awaiting_csr,
                ("order waiting for a CSR", "orders waiting for a CSR"),
                CSR_HREF,
            ),
            (
                self.domains_to_validate.unwrap_or(0),
                ("domain to validate", "domains to validate"),
                DOMAINS_HREF,
            ),
            (
                self.expiring,
                (
                    "certificate expiring within 30 days",
                    "certificates expiring within 30 days",
                ),
                EXPIRING_HREF,
            ),
        ];
        counts
            .into_iter()
            .filter(|(count, _, _)| *count > 0)
            .map(|(count, (one, many), href)| AttentionItem {
                count,
                label: if count == 1 { one } else { many },
                href,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_counts_above_zero_are_listed_and_a_single_one_reads_singular() {
        let a = Attention {
            approvals: Some(1),
            awaiting_csr: 0,
            drafts: 2,
            domains_to_validate: None,
            expiring: 0,
            balances: None,
        };
        let items = a.items();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].label, "order waiting for your approval");
        assert_eq!(items[0].href, APPROVALS_HREF);
        assert_eq!(items[1].label, "drafts waiting for payment");
        assert!(Attention::default().items().is_empty());
    }

    #[test]
    fn the_expiring_link_looks_as_far_ahead_as_the_count() {
        assert!(EXPIRING_HREF.ends_with(&format!("expiring={EXPIRING_DAYS}")));
    }
}
