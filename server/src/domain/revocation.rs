//! Revocation reasons (RFC 5280 5.3.1) and which of them a subscriber certificate may carry
//! (TLS BR 7.2.2: certificateHold is forbidden, and CA/AA compromise and removeFromCRL do not
//! apply to subscriber certificates).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevocationReason {
    Unspecified,
    KeyCompromise,
    CaCompromise,
    AffiliationChanged,
    Superseded,
    CessationOfOperation,
    CertificateHold,
    RemoveFromCrl,
    PrivilegeWithdrawn,
    AaCompromise,
}

impl RevocationReason {
    pub const ALL: [Self; 10] = [
        Self::Unspecified,
        Self::KeyCompromise,
        Self::CaCompromise,
        Self::AffiliationChanged,
        Self::Superseded,
        Self::CessationOfOperation,
        Self::CertificateHold,
        Self::RemoveFromCrl,
        Self::PrivilegeWithdrawn,
        Self::AaCompromise,
    ];

    /// The RFC 5280 name, as the command line and the database use it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unspecified => "unspecified",
            Self::KeyCompromise => "keyCompromise",
            Self::CaCompromise => "cACompromise",
            Self::AffiliationChanged => "affiliationChanged",
            Self::Superseded => "superseded",
            Self::CessationOfOperation => "cessationOfOperation",
            Self::CertificateHold => "certificateHold",
            Self::RemoveFromCrl => "removeFromCRL",
            Self::PrivilegeWithdrawn => "privilegeWithdrawn",
            Self::AaCompromise => "aACompromise",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether a subscriber certificate may be revoked with this reason.
    pub fn allowed_for_subscribers(self) -> bool {
        matches!(
            self,
            Self::Unspecified
                | Self::KeyCompromise
                | Self::AffiliationChanged
                | Self::Superseded
                | Self::CessationOfOperation
                | Self::PrivilegeWithdrawn
        )
    }

    /// The names a subscriber revocation accepts, for messages.
    pub fn allowed_names() -> String {
        Self::ALL
            .into_iter()
            .filter(|r| r.allowed_for_subscribers())
            .map(Self::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_the_br_set_is_enforced() {
        for r in RevocationReason::ALL {
            assert_eq!(RevocationReason::parse(r.as_str()), Some(r));
        }
        assert!(RevocationReason::KeyCompromise.allowed_for_subscribers());
        assert!(!RevocationReason::CertificateHold.allowed_for_subscribers());
        assert!(!RevocationReason::CaCompromise.allowed_for_subscribers());
        assert_eq!(RevocationReason::parse("KeyCompromise"), None);
    }
}
