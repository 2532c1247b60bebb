//! The second factor of sign-in: enrolling an authenticator app (TOTP) when the account
//! enforces it, then a code at every sign-in, or a single-use recovery code.

use app::i18n::Msg;
use app::model::{FieldErrors, session::SecondFactorState};
use sha2::{Digest, Sha256};

use super::{IdentityError, IdentityService};
use crate::{
    domain::totp::{SECRET_BYTES, Totp, Verdict, base32, otpauth_uri},
    services::audit::{self, AuditEntry},
    store::{SessionRow, UserRow, sessions, sign_in_attempts, two_factor, users},
};

/// What the enrolment page shows: the secret as a QR code and as text to type.
#[derive(Debug, Clone)]
pub struct Enrolment {
    pub secret: String,
    pub uri: String,
    pub qr_svg: String,
}

const RECOVERY_CODES: usize = 10;

pub(super) fn sealing_context(user_id: i32) -> String {
    format!("totp:{user_id}")
}

fn hash_recovery(code: &str) -> String {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    hex::encode(Sha256::digest(normal.as_bytes()))
}

fn wrong(message: Msg) -> IdentityError {
    IdentityError::Invalid(FieldErrors::single("code", message))
}

impl IdentityService {
    /// The session and user of a sign-in that still owes its second factor `stage`.
    pub(super) async fn pending(
        &self,
        token: &str,
        stage: SecondFactorState,
    ) -> Result<(SessionRow, UserRow), IdentityError> {
        let session = self
            .live_session(token)
            .await?
            .filter(|s| s.second_factor == stage)
            .ok_or(IdentityError::NoPendingSignIn)?;
        let user = users::find(&self.store, session.user_id)
            .await?
            .ok_or(IdentityError::NoPendingSignIn)?;
        Ok((session, user))
    }

    /// Where a half-done sign-in stands: `Some(Enrol)`, `Some(Code)` or `None`.
    pub async fn pending_stage(
        &self,
        token: &str,
    ) -> Result<Option<SecondFactorState>, IdentityError> {
        Ok(self
            .live_session(token)
            .await?
            .map(|s| *s.second_factor)
            .filter(|f| *f != sessions::SECOND_FACTOR_DONE))
    }

    /// Offers a secret to a user who must enrol (the same one on reload, until confirmed).
    pub async fn enrolment(&self, token: &str) -> Result<Enrolment, IdentityError> {
        let (_, user) = self.pending(token, sessions::SECOND_FACTOR_ENROL).await?;
        self.offered_secret(&user).await
    }

    /// The secret offered to a user setting up an app: the same one on reload, until confirmed.
    pub(super) async fn offered_secret(&self, user: &UserRow) -> Result<Enrolment, IdentityError> {
        let context = sealing_context(user.id);
        let secret = match two_factor::totp_of(&self.store, user.id).await? {
            Some(t) if t.confirmed_at.is_none() => self
                .sealer
                .open(&context, &t.secret_sealed)
                .map_err(|e| IdentityError::Sealing(e.to_string()))?
                .to_vec(),
            _ => {
                let mut secret = vec![0u8; SECRET_BYTES];
                self.random.fill(&mut secret);
                let sealed = self
                    .sealer
                    .seal(&context, &secret)
                    .map_err(|e| IdentityError::Sealing(e.to_string()))?;
                two_factor::offer_secret(&self.store, user.id, &sealed).await?;
                secret
            }
        };
        let uri = otpauth_uri("Rootline", &user.email, &secret);
        let qr_svg = qrcode::QrCode::new(uri.as_bytes())
            .map(|qr| {
                qr.render::<qrcode::render::svg::Color<'_>>()
                    .min_dimensions(200, 200)
                    .build()
            })
            .map_err(|e| IdentityError::Sealing(e.to_string()))?;
        Ok(Enrolment {
            secret: base32(&secret),
            uri,
            qr_svg,
        })
    }

    /// Checks the first code from the app, completes the sign-in and returns the recovery
    /// codes (shown once; only their hashes are kept).
    pub async fn confirm_enrolment(
        &self,
        token: &str,
        code: &str,
        ip: Option<String>,
    ) -> Result<Vec<String>, IdentityError> {
        let (session, user) = self.pending(token, sessions::SECOND_FACTOR_ENROL).await?;
        let (step, codes, hashes) = self.check_offered(&user, code).await?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        two_factor::accept_step(
            &tx,
            user.id,
            i64::try_from(step).unwrap_or(i64::MAX),
            Some(now),
        )
        .await?;
        two_factor::replace_recovery_codes(&tx, user.id, &hashes).await?;
        sessions::complete_second_factor(&tx, session.id).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(session.account_id),
                user_id: Some(user.id),
                ip,
                module: "identity",
                action: "totp_enrolled",
                summary: format!("{} set up two-factor sign-in", user.email),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(codes)
    }

    /// Checks the first code from an app against the offered secret: the accepted step, and
    /// new recovery codes with their hashes (the caller stores them with the confirmation).
    pub(super) async fn check_offered(
        &self,
        user: &UserRow,
        code: &str,
    ) -> Result<(u64, Vec<String>, Vec<String>), IdentityError> {
        let totp_row = two_factor::totp_of(&self.store, user.id)
            .await?
            .filter(|t| t.confirmed_at.is_none())
            .ok_or_else(|| wrong(Msg::new("err-open-enrolment-page-again-get")))?;
        let secret = self
            .sealer
            .open(&sealing_context(user.id), &totp_row.secret_sealed)
            .map_err(|e| IdentityError::Sealing(e.to_string()))?;
        let totp = Totp::new(&secret).map_err(|e| IdentityError::Sealing(e.to_string()))?;
        let now = self.clock.now();
        let unix = u64::try_from(now.timestamp()).unwrap_or_default();
        let Verdict::Accepted { step } = totp.verify(code, unix, 0) else {
            return Err(wrong(Msg::new("err-code-not-right-check-phone")));
        };
        let (codes, hashes) = self.recovery_codes();
        Ok((step, codes, hashes))
    }

    /// Ten new recovery codes, and the hashes that are all the database keeps.
    pub(super) fn recovery_codes(&self) -> (Vec<String>, Vec<String>) {
        let codes: Vec<String> = (0..RECOVERY_CODES)
            .map(|_| {
                let mut bytes = [0u8; 7];
                self.random.fill(&mut bytes);
                let text = base32(&bytes);
                format!(
                    "{}-{}",
                    text.get(..5).unwrap_or(""),
                    text.get(5..10).unwrap_or("")
                )
            })
            .collect();
        let hashes = codes.iter().map(|c| hash_recovery(c)).collect();
        (codes, hashes)
    }

    /// Checks the code of a sign-in that owes one: a TOTP code (each accepted once) or an
    /// unused recovery code. Failures count towards the sign-in throttle of the address.
    pub async fn verify_second_factor(
        &self,
        token: &str,
        code: &str,
        ip: &str,
    ) -> Result<(), IdentityError> {
        let (session, user) = self.pending(token, sessions::SECOND_FACTOR_CODE).await?;
        let claim = self.throttled(Some(&user.email), ip).await?;
        let now = self.clock.now();
        let totp_row = two_factor::totp_of(&self.store, user.id)
            .await?
            .filter(|t| t.confirmed_at.is_some())
            .ok_or_else(|| wrong(Msg::new("err-you-have-not-set-up")))?;
        let tx = self.store.begin().await?;
        let trimmed = code.trim();
        let (ok, how, replayed) = if trimmed.contains('-') || trimmed.len() > 8 {
            let used =
                two_factor::use_recovery_code(&tx, user.id, &hash_recovery(trimmed), now).await?;
            (used, "a recovery code", false)
        } else {
            let secret = self
                .sealer
                .open(&sealing_context(user.id), &totp_row.secret_sealed)
                .map_err(|e| IdentityError::Sealing(e.to_string()))?;
            let totp = Totp::new(&secret).map_err(|e| IdentityError::Sealing(e.to_string()))?;
            let unix = u64::try_from(now.timestamp()).unwrap_or_default();
            let last = u64::try_from(totp_row.last_step).unwrap_or_default();
            match totp.verify(trimmed, unix, last) {
                Verdict::Accepted { step } => {
                    // The update only moves forward: a concurrent replay of this code loses.
                    let won = two_factor::accept_step(
                        &tx,
                        user.id,
                        i64::try_from(step).unwrap_or(i64::MAX),
                        None,
                    )
                    .await?;
                    (won, "an authenticator code", !won)
                }
                Verdict::Replayed => (false, "an authenticator code", true),
                Verdict::Wrong => (false, "an authenticator code", false),
            }
        };
        if !ok {
            drop(tx);
            // The throttle's claim stays recorded as the failure.
            let tx = self.store.begin().await?;
            audit::record(
                &tx,
                now,
                AuditEntry {
                    account_id: Some(session.account_id),
                    user_id: Some(user.id),
                    ip: Some(ip.to_owned()),
                    module: "identity",
                    action: "second_factor_failed",
                    summary: format!(
                        "{} entered {} that was {}",
                        user.email,
                        how,
                        if replayed { "already used" } else { "wrong" }
                    ),
                },
            )
            .await?;
            tx.commit().await?;
            return Err(wrong(if replayed {
                Msg::new("err-code-was-already-used-wait")
            } else {
                Msg::new("err-code-not-right-or-recovery")
            }));
        }
        self.second_factor_done(tx, claim, &session, &user, ip, how)
            .await
    }

    /// Lets a half-done sign-in work, audited with how the user proved it (`how`: "an
    /// authenticator code", "a passkey" …), forgives the step's throttle claim, and commits
    /// `tx`.
    pub(super) async fn second_factor_done(
        &self,
        tx: crate::store::Tx,
        claim: sign_in_attempts::Claim,
        session: &SessionRow,
        user: &UserRow,
        ip: &str,
        how: &str,
    ) -> Result<(), IdentityError> {
        sessions::complete_second_factor(&tx, session.id).await?;
        sign_in_attempts::forgive(&tx, claim).await?;
        audit::record(
            &tx,
            self.clock.now(),
            AuditEntry {
                account_id: Some(session.account_id),
                user_id: Some(user.id),
                ip: Some(ip.to_owned()),
                module: "identity",
                action: "second_factor",
                summary: format!("{} confirmed the sign-in with {how}", user.email),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::super::test_support::{PASSWORD, harness, test_sealer};
    use super::*;
    use crate::{ports::Clock, store::accounts};

    #[tokio::test]
    async fn enforced_totp_enrols_then_asks_for_fresh_codes_or_recovery_codes() {
        let h = harness().await;
        let first = h.signed_in("asha@example.com").await;
        let caller = h.service.caller(&first).await.unwrap().unwrap();
        accounts::set_enforce_totp(&h.store, caller.account.id, true)
            .await
            .unwrap();
        let sign_in = || {
            h.service
                .sign_in("asha@example.com", PASSWORD, "192.0.2.1", None)
        };

        // Enrolment: the session does nothing until the app is confirmed.
        let s = sign_in().await.unwrap();
        assert_eq!(s.second_factor, Some(super::super::SecondFactor::Enrol));
        assert!(h.service.current_session(&s.token).await.unwrap().is_none());
        let offered = h.service.enrolment(&s.token).await.unwrap();
        assert!(offered.qr_svg.contains("<svg"));
        assert_eq!(
            h.service.enrolment(&s.token).await.unwrap().secret,
            offered.secret,
            "stable on reload"
        );
        let row = two_factor::totp_of(&h.store, caller.user.id)
            .await
            .unwrap()
            .unwrap();
        assert!(
            !row.secret_sealed
                .windows(4)
                .any(|w| offered.secret.as_bytes().starts_with(w)),
            "sealed at rest"
        );
        let secret = test_sealer()
            .open(&sealing_context(caller.user.id), &row.secret_sealed)
            .unwrap();
        let totp = Totp::new(&secret).unwrap();
        let unix = || u64::try_from(h.clock.now().timestamp()).unwrap();
        assert!(
            h.service
                .confirm_enrolment(&s.token, "000000", None)
                .await
                .is_err()
        );
        let enrol_code = totp.code_at(unix());
        let recovery = h
            .service
            .confirm_enrolment(&s.token, &enrol_code, None)
            .await
            .unwrap();
        assert_eq!(recovery.len(), 10);
        assert!(h.service.current_session(&s.token).await.unwrap().is_some());

        // Next sign-in: the enrolment code cannot be replayed; a recovery code works once.
        let s = sign_in().await.unwrap();
        assert_eq!(s.second_factor, Some(super::super::SecondFactor::Code));
        let replay = h
            .service
            .verify_second_factor(&s.token, &enrol_code, "192.0.2.1")
            .await;
        assert!(
            matches!(replay, Err(IdentityError::Invalid(e)) if e.get("code").is_some_and(|m| m.to_string().contains("already used")))
        );
        h.service
            .verify_second_factor(&s.token, &recovery[0].to_lowercase(), "192.0.2.1")
            .await
            .unwrap();
        assert!(h.service.current_session(&s.token).await.unwrap().is_some());
        let s = sign_in().await.unwrap();
        assert!(
            h.service
                .verify_second_factor(&s.token, &recovery[0], "192.0.2.1")
                .await
                .is_err()
        );

        // Thirty seconds later the app shows a new code, which is accepted.
        h.clock.advance(Duration::seconds(30));
        h.service
            .verify_second_factor(&s.token, &totp.code_at(unix()), "192.0.2.1")
            .await
            .unwrap();
        assert!(h.service.current_session(&s.token).await.unwrap().is_some());
    }
}
