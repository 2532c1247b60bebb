//! What brought the reader back to an order's page (or its tracking page): the `?done=` of the
//! address an action redirects to, which the page turns into a notice. One type for both ends,
//! so the word the server writes is the word the page reads.

/// An action on an order that has just succeeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderDone {
    Placed,
    Approved,
    Rejected,
    Paid,
    Cancelled,
    /// The CSR was submitted.
    Csr,
    /// A domain was verified.
    Verified,
    /// The domain's validation e-mail went (again).
    Mailed,
    Revoked,
    Reissued,
    Renewed,
    /// A new order with other names replaced this one.
    Names,
    Edited,
    /// An interim DV certificate was issued.
    InterimDv,
}

impl OrderDone {
    pub const ALL: [OrderDone; 14] = [
        Self::Placed,
        Self::Approved,
        Self::Rejected,
        Self::Paid,
        Self::Cancelled,
        Self::Csr,
        Self::Verified,
        Self::Mailed,
        Self::Revoked,
        Self::Reissued,
        Self::Renewed,
        Self::Names,
        Self::Edited,
        Self::InterimDv,
    ];

    /// The word in the address.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Placed => "placed",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::Paid => "paid",
            Self::Cancelled => "cancelled",
            Self::Csr => "csr",
            Self::Verified => "verified",
            Self::Mailed => "mailed",
            Self::Revoked => "revoked",
            Self::Reissued => "reissued",
            Self::Renewed => "renewed",
            Self::Names => "names",
            Self::Edited => "edited",
            Self::InterimDv => "interim-dv",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == word)
    }

    /// The catalogue key of the page's notice.
    pub fn notice_key(self) -> &'static str {
        match self {
            Self::Placed => "order-done-placed",
            Self::Approved => "order-done-approved",
            Self::Rejected => "order-done-rejected",
            Self::Paid => "order-done-paid",
            Self::Cancelled => "order-done-cancelled",
            Self::Csr => "order-done-csr",
            Self::Verified => "order-done-verified",
            Self::Mailed => "order-done-mailed",
            Self::Revoked => "order-done-revoked",
            Self::Reissued => "order-done-reissued",
            Self::Renewed => "order-done-renewed",
            Self::Names => "order-done-names",
            Self::Edited => "order-done-edited",
            Self::InterimDv => "order-done-interim-dv",
        }
    }

    /// Whether the tracking page, which can only check domains, has a notice for it.
    pub fn on_tracking_page(self) -> bool {
        matches!(self, Self::Verified | Self::Mailed)
    }

    /// Order `id`'s page in the portal, saying this.
    pub fn order_page(self, id: i32) -> String {
        format!("/orders/{id}?done={}", self.as_str())
    }

    /// S/MIME order `id`'s page in the portal, saying this.
    pub fn smime_page(self, id: i32) -> String {
        format!("/orders/{id}/smime?done={}", self.as_str())
    }

    /// The tracking page of `token`, saying this.
    pub fn tracking_page(self, token: &str) -> String {
        format!(
            "{}?done={}",
            super::orders::tracking_path(token),
            self.as_str()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::OrderDone;

    #[test]
    fn every_done_word_reads_back_as_itself_and_has_its_own_notice() {
        let mut keys = std::collections::HashSet::new();
        for done in OrderDone::ALL {
            assert_eq!(OrderDone::parse(done.as_str()), Some(done));
            assert!(keys.insert(done.notice_key()), "{done:?} shares its notice");
        }
        assert_eq!(OrderDone::parse("anything else"), None);
    }

    #[test]
    fn the_pages_an_action_returns_to_carry_its_word() {
        assert_eq!(OrderDone::Placed.order_page(7), "/orders/7?done=placed");
        assert_eq!(
            OrderDone::Placed.smime_page(7),
            "/orders/7/smime?done=placed"
        );
        assert_eq!(
            OrderDone::Mailed.tracking_page("abc"),
            "/track/abc?done=mailed"
        );
    }
}
