//! The account's IP restrictions on a request that carries a session: every page, server
//! function and API call is checked here, before any use case runs.

use std::net::IpAddr;

use super::{AccessError, AccessService, ip_allowed};

/// What the IP restrictions say about a session used from an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionAddress {
    /// The token opens no session (unknown or revoked): there is nothing to restrict.
    NoSession,
    Allowed,
    /// The session's user may not work from this address.
    Refused {
        user_id: i32,
    },
}

impl AccessService {
    /// Whether the session behind a cookie token may be used from `ip`. A session that has
    /// expired or still owes its second factor is checked too: the rules are about where a
    /// user works from, not how far their sign-in got.
    pub async fn session_address(
        &self,
        token: &str,
        ip: IpAddr,
    ) -> Result<SessionAddress, AccessError> {
        let Some((user_id, account_id)) = self.identity.session_owner(token).await? else {
            return Ok(SessionAddress::NoSession);
        };
        Ok(if ip_allowed(&self.store, account_id, user_id, ip).await? {
            SessionAddress::Allowed
        } else {
            SessionAddress::Refused { user_id }
        })
    }
}
