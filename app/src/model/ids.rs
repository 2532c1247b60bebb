//! Id newtypes: a row's id carries the table it belongs to, so an `OrderId` cannot be passed
//! where an `AccountId` is expected. Shared by the browser and the server; the store maps
//! them to and from the database's integer keys (no sea-orm here).

use std::{fmt, num::ParseIntError, str::FromStr};

use serde::{Deserialize, Serialize};

macro_rules! id_newtype {
    ($($(#[$doc:meta])* $name:ident;)+) => {$(
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i32);

        impl $name {
            /// The database key.
            pub const fn get(self) -> i32 {
                self.0
            }
        }

        impl From<i32> for $name {
            fn from(id: i32) -> Self {
                Self(id)
            }
        }

        impl From<$name> for i32 {
            fn from(id: $name) -> i32 {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = ParseIntError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.trim().parse().map(Self)
            }
        }
    )+};
}

id_newtype! {
    /// A customer account: the tenant every tenant table is scoped to.
    AccountId;
    /// A person who signs in; may belong to several accounts.
    UserId;
    /// A user's membership of one account (role, status, group access).
    MembershipId;
    /// A group of an account.
    GroupId;
    /// A certificate order.
    OrderId;
    /// A domain an account validates.
    DomainId;
    /// A product (public, or private to an account).
    ProductId;
    /// A custom role of an account.
    RoleId;
    /// An API key of an account.
    ApiKeyId;
    /// An IP restriction rule of an account.
    IpRuleId;
    /// An issued certificate.
    CertificateId;
    /// An invitation to join an account.
    InvitationId;
    /// An organization an account has vetted (or is having vetted) for OV and EV certificates.
    OrganizationId;
    /// A registration document of an organization.
    OrganizationDocumentId;
    /// A representative of an organization.
    ContactId;
    /// An operator's mass revocation: one reason, many certificates.
    RevocationBatchId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_round_trips_through_text_as_a_bare_integer() {
        let id: AccountId = " 42 ".parse().unwrap();
        assert_eq!(id, AccountId(42));
        assert_eq!(id.to_string(), "42");
    }

    #[test]
    fn an_id_refuses_text_that_is_not_an_integer() {
        assert!("x".parse::<GroupId>().is_err());
        assert!("".parse::<UserId>().is_err());
    }
}
