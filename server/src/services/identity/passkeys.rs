//! A user's passkeys: the relying party they answer to, and listing, renaming and removing
//! them from the profile.

use app::i18n::Msg;
use std::sync::Arc;

use app::model::FieldErrors;
use chrono::{DateTime, Utc};
use webauthn_rs::{Webauthn, WebauthnBuilder, prelude::WebauthnError};

use super::{Caller, IdentityError, IdentityService};
use crate::{
    services::audit::{self, AuditEntry},
    store::passkeys,
};

/// A passkey as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasskeyInfo {
    pub id: i32,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// The relying party for an origin such as `https://pki.example.com`: its host is the RP ID.
/// `None` (passkeys off, with the reason logged) when the origin has no host name.
pub(super) fn relying_party(origin: &str) -> Option<Arc<Webauthn>> {
    let url = url::Url::parse(origin.trim_end_matches('/')).ok()?;
    let Some(url::Host::Domain(host)) = url.host() else {
        tracing::warn!(
            %origin,
            "passkeys are off: browsers accept them only for a host name, not an IP address \
             (set ROOTLINE_PASSKEY_ORIGIN)"
        );
        return None;
    };
    let host = host.to_owned();
    match WebauthnBuilder::new(&host, &url).and_then(|b| b.rp_name("Rootline").build()) {
        Ok(w) => Some(Arc::new(w)),
        Err(e) => {
            tracing::warn!(%origin, error = %e, "passkeys are off: the origin cannot be a relying party");
            None
        }
    }
}

/// What a user is told when a browser's answer does not verify.
pub(super) fn refusal(e: &WebauthnError, expected_origin: Option<&str>) -> IdentityError {
    let message = match e {
        WebauthnError::InvalidRPOrigin | WebauthnError::InvalidRPIDHash => match expected_origin {
            Some(origin) => Msg::new("err-passkey-other-site").arg("origin", origin),
            None => Msg::new("err-passkey-other-site-portal"),
        },
        WebauthnError::UserNotVerified => Msg::new("err-passkey-user-not-verified"),
        WebauthnError::CredentialCrossOrigin => Msg::new("err-passkey-cross-origin"),
        WebauthnError::InvalidUserUniqueId => Msg::new("err-passkey-not-a-user"),
        WebauthnError::ParseNOMFailure
        | WebauthnError::ParseCBORFailure(_)
        | WebauthnError::ParseBase64Failure(_)
        | WebauthnError::ParseJSONFailure(_)
        | WebauthnError::ParseInsufficientBytesAvailable => {
            Msg::new("err-browser-s-answer-was-malformed")
        }
        _ => Msg::new("err-passkey-not-verified"),
    };
    IdentityError::Invalid(FieldErrors::single("passkey", message))
}

/// A passkey's name: 1–64 characters on one line.
pub(super) fn passkey_name(name: &str) -> Result<String, IdentityError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 64 || name.chars().any(char::is_control) {
        return Err(IdentityError::Invalid(FieldErrors::single(
            "name",
            Msg::new("err-give-passkey-name-1-64"),
        )));
    }
    app::model::text::visible(name, "err-what-name")
        .map_err(|m| IdentityError::Invalid(FieldErrors::single("name", m)))?;
    Ok(name.to_owned())
}

impl IdentityService {
    pub(super) fn relying(&self) -> Result<&Webauthn, IdentityError> {
        self.webauthn.as_deref().ok_or_else(|| {
            IdentityError::CannotUse(Msg::new("err-passkeys-not-available-address-browsers"))
        })
    }

    /// The origin passkeys are registered for and accepted from, when passkeys are set up.
    pub fn passkey_origin(&self) -> Option<String> {
        self.webauthn
            .as_deref()
            .and_then(|w| w.get_allowed_origins().first())
            .map(|u| u.origin().ascii_serialization())
    }

    pub async fn passkeys(&self, caller: &Caller) -> Result<Vec<PasskeyInfo>, IdentityError> {
        // Self-service: the caller's own passkeys.
        Ok(passkeys::of_user(&self.store, caller.user.id)
            .await?
            .into_iter()
            .map(|p| PasskeyInfo {
                id: p.id,
                name: p.name,
                created_at: p.created_at,
                last_used_at: p.last_used_at,
            })
            .collect())
    }

    pub async fn rename_passkey(
        &self,
        caller: &Caller,
        id: i32,
        name: &str,
        ip: Option<String>,
    ) -> Result<(), IdentityError> {
        // Self-service: the caller's own passkeys.
        let name = passkey_name(name)?;
        let tx = self.store.begin().await?;
        if !passkeys::rename(&tx, caller.user.id, id, &name).await? {
            return Err(IdentityError::NoSuchPasskey);
        }
        audit::record(
            &tx,
            self.clock.now(),
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "profile",
                action: "passkey_renamed",
                summary: format!("{} renamed a passkey to \"{name}\"", caller.user.email),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn remove_passkey(
        &self,
        caller: &Caller,
        id: i32,
        ip: Option<String>,
    ) -> Result<(), IdentityError> {
        // Self-service: the caller's own passkeys.
        let tx = self.store.begin().await?;
        let Some(row) = passkeys::find_of_user(&tx, caller.user.id, id).await? else {
            return Err(IdentityError::NoSuchPasskey);
        };
        passkeys::remove(&tx, caller.user.id, id).await?;
        audit::record(
            &tx,
            self.clock.now(),
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "profile",
                action: "passkey_removed",
                summary: format!("{} removed the passkey \"{}\"", caller.user.email, row.name),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{
        passkey_registration::tests::{caller, with_passkey},
        test_support::harness,
    };
    use super::*;

    #[tokio::test]
    async fn a_passkey_is_renamed_and_removed_by_its_owner() {
        let h = harness().await;
        let (token, _) = with_passkey(&h, "asha@example.com").await;
        let c = caller(&h, &token).await;
        let id = h.service.passkeys(&c).await.unwrap()[0].id;
        h.service
            .rename_passkey(&c, id, "Work phone", None)
            .await
            .unwrap();
        assert_eq!(h.service.passkeys(&c).await.unwrap()[0].name, "Work phone");
        h.service.remove_passkey(&c, id, None).await.unwrap();
        assert!(h.service.passkeys(&c).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn another_users_passkey_is_not_found_and_unchanged() {
        let h = harness().await;
        let (asha, _) = with_passkey(&h, "asha@example.com").await;
        let ravi = h.signed_in("ravi@example.com").await;
        let asha = caller(&h, &asha).await;
        let ravi = caller(&h, &ravi).await;
        let id = h.service.passkeys(&asha).await.unwrap()[0].id;
        assert!(matches!(
            h.service.rename_passkey(&ravi, id, "Mine", None).await,
            Err(IdentityError::NoSuchPasskey)
        ));
        assert!(matches!(
            h.service.remove_passkey(&ravi, id, None).await,
            Err(IdentityError::NoSuchPasskey)
        ));
        assert_eq!(h.service.passkeys(&asha).await.unwrap()[0].name, "Laptop");
    }

    #[tokio::test]
    async fn a_name_must_fit_on_one_line() {
        let h = harness().await;
        let (token, _) = with_passkey(&h, "asha@example.com").await;
        let c = caller(&h, &token).await;
        let id = h.service.passkeys(&c).await.unwrap()[0].id;
        for bad in ["", "a\nb", &"x".repeat(65)] {
            assert!(matches!(
                h.service.rename_passkey(&c, id, bad, None).await,
                Err(IdentityError::Invalid(_))
            ));
        }
    }
}
