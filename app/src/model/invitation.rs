//! An invitation to join another account, as the invited user sees it behind the mailed link.

use serde::{Deserialize, Serialize};

/// How the invited user answered, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvitationAnswer {
    Accepted,
    Declined,
}

impl InvitationAnswer {
    pub const ALL: [InvitationAnswer; 2] = [Self::Accepted, Self::Declined];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    /// The inviting account.
    pub account_name: String,
    /// The address invited: only that user may answer.
    pub email: String,
    pub role_label: super::role_name::RoleName,
    /// `YYYY-MM-DD HH:MM UTC`.
    pub expires_at: super::Moment,
    /// Who the browser is signed in as, if anyone (to tell them to switch user).
    pub signed_in_as: Option<String>,
}

impl InvitationView {
    /// Whether the signed-in user is the one invited, and so may answer.
    pub fn answerable(&self) -> bool {
        self.signed_in_as
            .as_deref()
            .is_some_and(|e| e.eq_ignore_ascii_case(&self.email))
    }
}

/// Where the invitation page sends a visitor to sign in and come back.
pub fn sign_in_link(token: &str) -> String {
    format!("/sign-in?next=/invitation/{token}")
}

/// Whether `next` is a page of this portal to continue on after signing in: a local path,
/// never another site (`//host`, `/\\host`) nor anything with control characters.
pub fn safe_next(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && next.len() <= 200
        && next.chars().all(|c| c.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert!(safe_next("/invitation/abc"));
        for bad in [
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example/",
            "/a b",
            "",
        ] {
            assert!(!safe_next(bad), "{bad}");
        }
    }

    #[test]
    fn only_the_invited_address_may_answer() {
        let mut v = InvitationView {
            account_name: "Acme".into(),
            email: "meera@example.com".into(),
            role_label: crate::model::role_name::RoleName::BuiltIn(
                crate::model::Role::StandardUser,
            ),
            expires_at: crate::model::Moment::new(
                crate::model::Day::new(2026, 12, 5).unwrap(),
                12,
                0,
            )
            .unwrap(),
            signed_in_as: None,
        };
        assert!(!v.answerable());
        v.signed_in_as = Some("Meera@Example.com".into());
        assert!(v.answerable());
        v.signed_in_as = Some("eve@example.com".into());
        assert!(!v.answerable());
    }
}
