use app::i18n::Msg;
use app::model::{
    Email, FieldErrors,
    profile::{ProfileForm, ProfileView},
    text,
};

use super::{Caller, IdentityError, IdentityService, password_strength, passwords};
use crate::{
    services::audit::{self, AuditEntry},
    store::{sessions, users},
};

impl IdentityService {
    pub fn profile(&self, caller: &Caller) -> ProfileView {
        // Self-service: the caller's own profile.
        ProfileView {
            name: caller.user.name.clone(),
            email: caller.user.email.clone(),
            mobile: caller.user.mobile.clone(),
            designation: caller.user.designation.clone(),
            employee_id: caller.membership.employee_id.clone(),
        }
    }

    /// The user changes their own name, mobile number and designation.
    pub async fn update_profile(
        &self,
        caller: &Caller,
        form: &ProfileForm,
        ip: Option<String>,
    ) -> Result<(), IdentityError> {
        // Self-service: the caller's own profile.
        let mut errors = FieldErrors::new();
        let name = errors.check("name", text::person_name(&form.name));
        let mobile = errors.check("mobile", text::mobile(&form.mobile));
        let designation = form.designation.trim();
        if designation.chars().count() > 64 || designation.chars().any(char::is_control) {
            errors.add("designation", Msg::new("err-enter-most-64-characters-one"));
        } else if let Err(message) = text::visible(designation, "err-what-designation") {
            errors.add("designation", message);
        }
        let (Some(name), Some(mobile)) = (name, mobile) else {
            return Err(IdentityError::Invalid(errors));
        };
        if !errors.is_empty() {
            return Err(IdentityError::Invalid(errors));
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        users::update_details(
            &tx,
            caller.user.id,
            users::Details {
                name: &name,
                mobile: &mobile,
                designation,
            },
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "profile",
                action: "profile_updated",
                summary: format!("{} updated their profile", caller.user.email),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes the caller's password after checking the current one; every other session of
    /// the user (in any account) ends, this one stays.
    pub async fn change_password(
        &self,
        caller: &Caller,
        current: &str,
        new_password: &str,
        confirmation: &str,
        ip: Option<String>,
    ) -> Result<(), IdentityError> {
        // Self-service: the caller's own password.
        let mut errors = FieldErrors::new();
        if !self
            .current_password_matches(&caller.user, current, ip.as_deref())
            .await?
        {
            errors.add("current_password", Msg::new("err-not-current-password"));
        }
        let email = Email::parse(&caller.user.email).ok();
        password_strength::check_new_password(
            &mut errors,
            new_password,
            confirmation,
            email.as_ref(),
            &[&caller.user.name, &caller.account.name],
        );
        if current == new_password && errors.get("password").is_none() {
            errors.add(
                "password",
                Msg::new("err-choose-password-different-current-one"),
            );
        }
        if !errors.is_empty() {
            return Err(IdentityError::Invalid(errors));
        }
        let hash = passwords::hash(new_password, self.random.as_ref()).await?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        users::set_password(&tx, caller.user.id, &hash).await?;
        let ended = sessions::revoke_others(&tx, caller.user.id, caller.session_id()?, now).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "profile",
                action: "password_changed",
                summary: format!(
                    "{} changed their password ({ended} other sessions ended)",
                    caller.user.email
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{PASSWORD, harness};
    use super::*;

    #[tokio::test]
    async fn a_guessable_new_password_is_refused_on_change() {
        let h = harness().await;
        let here = h.signed_in("asha@example.com").await;
        let caller = h.service.caller(&here).await.unwrap().unwrap();
        let refused = h
            .service
            .change_password(&caller, PASSWORD, "aaaaaaaaaaa1", "aaaaaaaaaaa1", None)
            .await;
        assert!(
            matches!(&refused, Err(IdentityError::Invalid(e)) if e.get("password").is_some_and(|m| m.to_string().contains("too easy to guess"))),
            "{refused:?}"
        );
        assert!(h.service.current_session(&here).await.unwrap().is_some());
        h.sign_in("asha@example.com").await;
    }

    #[tokio::test]
    async fn a_password_change_ends_the_other_sessions_and_checks_the_current_password() {
        let h = harness().await;
        let here = h.signed_in("asha@example.com").await;
        let elsewhere = h.sign_in("asha@example.com").await;
        let caller = h.service.caller(&here).await.unwrap().unwrap();

        let wrong = h
            .service
            .change_password(
                &caller,
                "not it at all 1",
                "new horse 43!",
                "new horse 43!",
                None,
            )
            .await;
        assert!(
            matches!(wrong, Err(IdentityError::Invalid(e)) if e.get("current_password").is_some())
        );
        let weak = h
            .service
            .change_password(&caller, PASSWORD, "short", "short", None)
            .await;
        assert!(matches!(weak, Err(IdentityError::Invalid(e)) if e.get("password").is_some()));
        assert!(
            h.service
                .current_session(&elsewhere)
                .await
                .unwrap()
                .is_some()
        );

        h.service
            .change_password(&caller, PASSWORD, "new horse 43!", "new horse 43!", None)
            .await
            .unwrap();
        assert!(h.service.current_session(&here).await.unwrap().is_some());
        assert!(
            h.service
                .current_session(&elsewhere)
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            h.service
                .sign_in("asha@example.com", PASSWORD, "192.0.2.1", None)
                .await
                .is_err()
        );
        assert!(
            h.service
                .sign_in("asha@example.com", "new horse 43!", "192.0.2.1", None)
                .await
                .is_ok()
        );
    }

    /// Guessing the current password on the change-password form is throttled like signing
    /// in: after five wrong guesses even the right one is refused for the window.
    #[tokio::test]
    async fn wrong_current_passwords_on_the_profile_lock_the_user_like_sign_in_failures() {
        let h = harness().await;
        let here = h.signed_in("asha@example.com").await;
        let caller = h.service.caller(&here).await.unwrap().unwrap();
        for i in 0..5 {
            let wrong = h
                .service
                .change_password(
                    &caller,
                    &format!("not it at all {i}"),
                    "new horse 43!",
                    "new horse 43!",
                    Some("192.0.2.1".into()),
                )
                .await;
            assert!(
                matches!(&wrong, Err(IdentityError::Invalid(e)) if e.get("current_password").is_some()),
                "{wrong:?}"
            );
        }
        let refused = h
            .service
            .change_password(
                &caller,
                PASSWORD,
                "new horse 43!",
                "new horse 43!",
                Some("192.0.2.1".into()),
            )
            .await;
        assert!(
            matches!(refused, Err(IdentityError::RateLimited { .. })),
            "{refused:?}"
        );
        h.clock
            .advance(crate::domain::identity_limits::SIGN_IN_WINDOW + chrono::Duration::seconds(1));
        h.service
            .change_password(
                &caller,
                PASSWORD,
                "new horse 43!",
                "new horse 43!",
                Some("192.0.2.1".into()),
            )
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn profile_edits_are_checked_and_kept() {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        let caller = h.service.caller(&token).await.unwrap().unwrap();
        let bad = ProfileForm {
            name: String::new(),
            mobile: "call me".into(),
            designation: String::new(),
        };
        assert!(matches!(
            h.service.update_profile(&caller, &bad, None).await,
            Err(IdentityError::Invalid(e)) if e.get("name").is_some() && e.get("mobile").is_some()
        ));
        let good = ProfileForm {
            name: "Asha R. Rao".into(),
            mobile: "+91 98450 99999".into(),
            designation: "CISO".into(),
        };
        h.service
            .update_profile(&caller, &good, None)
            .await
            .unwrap();
        let caller = h.service.caller(&token).await.unwrap().unwrap();
        let view = h.service.profile(&caller);
        assert_eq!(view.name, "Asha R. Rao");
        assert_eq!(view.designation, "CISO");
    }

    /// A refusal reaches the caller as a message rather than English text, so the page shows
    /// it in its reader's language: the same refusal reads differently in Polish.
    #[tokio::test]
    async fn a_refused_profile_edit_reads_in_the_readers_language() {
        use app::i18n::Lang;
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        let caller = h.service.caller(&token).await.unwrap().unwrap();
        let bad = ProfileForm {
            name: "  ".into(),
            mobile: "+91 98450 99999".into(),
            designation: "CISO\u{202E}".into(),
        };
        let refused = h.service.update_profile(&caller, &bad, None).await;
        let Err(IdentityError::Invalid(errors)) = refused else {
            panic!("{refused:?}")
        };
        let name = errors.get("name").unwrap();
        assert_eq!(name.key(), "err-enter-full-name");
        assert_eq!(name.text(Lang::En), "Enter your full name.");
        assert_eq!(name.text(Lang::Pl), "Wpisz imię i nazwisko.");
        let designation = errors.get("designation").unwrap();
        assert_eq!(
            designation.text(Lang::En),
            "The designation contains an invisible or text-direction character (U+202E). Type it \
             again instead of pasting it."
        );
        assert_eq!(
            designation.text(Lang::Pl),
            "Pole „stanowisko” zawiera niewidoczny znak lub znak zmiany kierunku tekstu (U+202E). \
             Wpisz tekst ponownie zamiast go wklejać."
        );
        // What the browser receives is the message itself, which the page renders.
        let wire = serde_json::to_string(&errors).unwrap();
        assert!(wire.contains(r#""key":"err-enter-full-name""#), "{wire}");
    }
}
