use app::model::{
    AccountKind, AccountStatus, Money, Permission, Role, SessionView,
    low_balance::LowBalanceBanner,
    roles::{AssignedRole, load_permissions},
};

use super::{IdentityError, IdentityService};
use crate::{
    domain::{
        identity_limits::{SESSION_IDLE, SESSION_TOUCH_EVERY},
        secret_token::{hash_token, looks_like_token},
    },
    store::{
        AccountRow, MembershipRow, SessionRow, UserRow, accounts, custom_roles, low_balance_alerts,
        memberships, sessions, users,
    },
};

impl IdentityService {
    /// The live session for a cookie token: not revoked, not expired, not idle too long,
    /// for a user who is still active and still a member of the account.
    pub async fn session(&self, token: &str) -> Result<Option<SessionRow>, IdentityError> {
        Ok(self
            .live_session(token)
            .await?
            .filter(|s| s.second_factor == sessions::SECOND_FACTOR_DONE))
    }

    /// A live session, whether or not its second factor is done.
    pub(super) async fn live_session(
        &self,
        token: &str,
    ) -> Result<Option<SessionRow>, IdentityError> {
        if !looks_like_token(token) {
            return Ok(None);
        }
        let now = self.clock.now();
        let Some(session) = sessions::find_by_hash(&self.store, &hash_token(token)).await? else {
            return Ok(None);
        };
        if session.revoked_at.is_some()
            || session.expires_at <= now
            || session.last_seen_at + SESSION_IDLE <= now
        {
            return Ok(None);
        }
        if now - session.last_seen_at >= SESSION_TOUCH_EVERY {
            sessions::touch(&self.store, session.id, now).await?;
        }
        Ok(Some(session))
    }

    /// The user and account of the session a cookie token opened, if it was not revoked,
    /// live or not: what the account's IP restrictions apply to on every request.
    pub async fn session_owner(&self, token: &str) -> Result<Option<(i32, i32)>, IdentityError> {
        if !looks_like_token(token) {
            return Ok(None);
        }
        Ok(sessions::find_by_hash(&self.store, &hash_token(token))
            .await?
            .filter(|s| s.revoked_at.is_none())
            .map(|s| (s.user_id, s.account_id)))
    }

    /// Who is acting: the live session's user, in the account the session is for, with their
    /// role there. `None` without a live session or when the user or membership is gone.
    pub async fn caller(&self, token: &str) -> Result<Option<Caller>, IdentityError> {
        let Some(session) = self.session(token).await? else {
            return Ok(None);
        };
        let (user_id, account_id) = (session.user_id, session.account_id);
        self.caller_for(Some(session), user_id, account_id).await
    }

    /// The user acting for the account without a session: scheduled work done on a user's
    /// behalf (auto-renewal), with exactly the role and permissions they have now.
    pub async fn acting_for(
        &self,
        user_id: i32,
        account_id: i32,
    ) -> Result<Option<Caller>, IdentityError> {
        self.caller_for(None, user_id, account_id).await
    }

    async fn caller_for(
        &self,
        session: Option<SessionRow>,
        user_id: i32,
        account_id: i32,
    ) -> Result<Option<Caller>, IdentityError> {
        let Some(user) = users::find(&self.store, user_id).await? else {
            return Ok(None);
        };
        let Some(membership) = memberships::find(&self.store, user.id, account_id).await? else {
            return Ok(None);
        };
        let Some(account) = accounts::find(&self.store, account_id).await? else {
            return Ok(None);
        };
        // Checked on every request, not at sign-in: suspending a sub-account stops its
        // sessions, REST keys and ACME accounts at once.
        if user.status != app::model::user_status::UserStatus::Active
            || membership.status != memberships::ACTIVE
            || *account.status == AccountStatus::Suspended
        {
            return Ok(None);
        }
        let (kind, status) = (*account.kind, *account.status);
        let (role, role_label, permissions) = match *membership.role {
            AssignedRole::BuiltIn(r) => (
                r,
                app::model::role_name::RoleName::BuiltIn(r),
                r.permissions().to_vec(),
            ),
            AssignedRole::Custom(id) => {
                match custom_roles::find(&self.store, account.id, id).await? {
                    Some(c) => (
                        Role::Custom,
                        app::model::role_name::RoleName::Custom(c.name),
                        load_permissions(&c.permissions),
                    ),
                    // A role cannot be deleted while held; if one is gone anyway, it grants nothing.
                    None => (
                        Role::Custom,
                        app::model::role_name::RoleName::Removed,
                        Vec::new(),
                    ),
                }
            }
        };
        Ok(Some(Caller {
            session,
            membership,
            user,
            account,
            role,
            role_label,
            permissions,
            kind,
            status,
        }))
    }

    /// What the portal shows about the signed-in user, or `None` without a live session.
    pub async fn current_session(&self, token: &str) -> Result<Option<SessionView>, IdentityError> {
        let Some(c) = self.caller(token).await? else {
            return Ok(None);
        };
        let other_accounts = memberships::for_user(&self.store, c.user.id)
            .await?
            .iter()
            .filter(|m| m.status != memberships::DEACTIVATED)
            .count()
            > 1;
        let low_balance = low_balance_alerts::below_for_member(
            &self.store,
            app::model::AccountId(c.account.id),
            c.membership.id,
        )
        .await?
        .into_iter()
        .map(|b| LowBalanceBanner {
            group_name: b.group_name,
            balance: Money::new(b.balance_minor, *b.currency),
            threshold: Money::new(b.threshold_minor, *b.currency),
        })
        .collect();
        Ok(Some(SessionView {
            user_name: c.user.name,
            user_email: c.user.email,
            role: c.role,
            role_label: c.role_label,
            permissions: c.permissions,
            is_operator: c.user.is_operator,
            account_name: c.account.name,
            account_kind: c.kind,
            account_status: c.status,
            account_country: c.account.country,
            other_accounts,
            signed_in_at: c.session.map(|s| app::model::Moment::from(s.created_at)),
            lang: app::i18n::Lang::default(),
            low_balance,
            // The web layer knows the installation's settings and says.
            publicly_trusted: false,
        }))
    }
}

/// The signed-in user acting for one account.
#[derive(Debug, Clone)]
pub struct Caller {
    /// `None` when scheduled work acts for the user.
    pub session: Option<SessionRow>,
    /// The user's membership of the account: their employee ID there, among others.
    pub membership: MembershipRow,
    pub user: UserRow,
    pub account: AccountRow,
    pub role: Role,
    /// The built-in role's or the custom role's name.
    pub role_label: app::model::role_name::RoleName,
    /// What the role allows (a custom role's own list).
    pub permissions: Vec<Permission>,
    pub kind: AccountKind,
    pub status: AccountStatus,
}

/// The caller's role lacks the permission a use case needs. Each service error has a
/// `From` for it, so an entry point begins with `caller.require(Permission::X)?`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the role lacks {0:?}")]
pub struct Forbidden(pub Permission);

/// The caller is not an operator user, and the use case is the operator console's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("only operator users may do this")]
pub struct OperatorOnly;

impl Caller {
    pub fn can(&self, permission: Permission) -> bool {
        self.permissions.contains(&permission)
    }

    /// Refuses a caller whose role lacks `permission`: the first line of every service entry
    /// point that acts for a caller, whichever adapter (portal, REST, ACME, CLI) built them.
    pub fn require(&self, permission: Permission) -> Result<(), Forbidden> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(Forbidden(permission))
        }
    }

    /// Refuses a caller who is not an operator user acting in the operator's own account.
    pub fn require_operator(&self) -> Result<(), OperatorOnly> {
        if self.user.is_operator && self.kind == AccountKind::Operator {
            Ok(())
        } else {
            Err(OperatorOnly)
        }
    }

    /// The session's id, for what only a signed-in session may do.
    pub fn session_id(&self) -> Result<i32, IdentityError> {
        self.session
            .as_ref()
            .map(|s| s.id)
            .ok_or(IdentityError::NoSession)
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::super::test_support::harness;

    #[tokio::test]
    async fn junk_or_unknown_tokens_have_no_session() {
        let h = harness().await;
        assert!(h.service.current_session("junk").await.unwrap().is_none());
        assert!(
            h.service
                .current_session(&"x".repeat(43))
                .await
                .unwrap()
                .is_none()
        );
    }

    #[tokio::test]
    async fn sessions_end_after_idling_or_at_their_maximum_age() {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        h.clock.advance(Duration::minutes(119));
        assert!(h.service.current_session(&token).await.unwrap().is_some());
        h.clock.advance(Duration::minutes(119));
        assert!(h.service.current_session(&token).await.unwrap().is_some());
        h.clock.advance(Duration::minutes(121));
        assert!(h.service.current_session(&token).await.unwrap().is_none());

        let token = h.sign_in("asha@example.com").await;
        for _ in 0..7 {
            h.clock.advance(Duration::minutes(100));
            let _ = h.service.current_session(&token).await.unwrap();
        }
        // 700 minutes of activity is under 12 hours; the next step passes the maximum age.
        h.clock.advance(Duration::minutes(30));
        assert!(h.service.current_session(&token).await.unwrap().is_none());
    }
}
