//! Sign-up, activation, sign-in, sessions and sign-out.

mod accept_invitation;
mod activate;
mod activation;
mod add_user;
mod authenticator_app;
mod certificate_sign_in;
mod create_operator;
mod current_session;
mod decline_invitation;
mod invitation;
mod language;
mod legal_document;
mod login_certificates;
mod machine_caller;
mod mails;
mod new_administrator;
pub mod open_sub_account;
mod passkey_registration;
mod passkey_sign_in;
mod passkeys;
mod password_strength;
pub(crate) mod passwords;
mod profile;
mod review_partner;
mod sign_in;
mod sign_out;
mod sign_up;
#[cfg(test)]
mod soft_authenticator;
mod switch_account;
mod two_factor;

use app::i18n::Msg;
use std::sync::Arc;

use app::model::FieldErrors;

pub use add_user::Added;
pub use authenticator_app::AppStatus;
pub use create_operator::OperatorInvite;
pub use current_session::{Caller, Forbidden, OperatorOnly};
pub use legal_document::view as legal_document_view;
pub use login_certificates::fingerprint as certificate_fingerprint;
#[cfg(test)]
pub(crate) use login_certificates::test_support as login_certificates_test_support;
pub use passkey_registration::PasskeyChallenge;
pub use passkey_sign_in::SecondFactorChoices;
pub use passkeys::PasskeyInfo;
pub use review_partner::Decision;
pub use sign_in::{NewSession, SecondFactor};
pub use sign_up::{SignUpResult, email_taken_errors};
pub use two_factor::Enrolment;

use crate::{
    ports::{Clock, Random},
    services::notifications::MailWaker,
    store::{Store, StoreError},
};

pub struct IdentityService {
    store: Store,
    mail: MailWaker,
    clock: Arc<dyn Clock>,
    random: Arc<dyn Random>,
    /// The public URL without a trailing slash, for links in e-mails.
    link_base: String,
    /// Seals TOTP secrets at rest.
    sealer: Arc<dyn crate::ports::sealer::Sealer>,
    /// The relying party for passkeys; `None` when the portal's address cannot be one.
    webauthn: Option<Arc<webauthn_rs::Webauthn>>,
}

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    #[error("the e-mail address is already registered")]
    EmailTaken,
    #[error("the user already belongs to this account")]
    AlreadyMember,
    #[error("the user was invited to this account and has not answered yet")]
    AlreadyInvited,
    /// The invitation is another user's (or none): the same answer for both.
    #[error("no such invitation for this user")]
    NotInvited,
    #[error("the account is not waiting for approval")]
    NotWaiting,
    #[error("the user does not belong to that account")]
    NotMember,
    /// The user has no passkey with that id (another user's answers the same).
    #[error("no such passkey")]
    NoSuchPasskey,
    #[error("there is no sign-in waiting for a second factor")]
    NoPendingSignIn,
    #[error("secrets at rest: {0}")]
    Sealing(String),
    /// The account exists for the user but cannot be used now; the reason is for them.
    #[error("{0}")]
    CannotUse(Msg),
    #[error("the link is not valid")]
    LinkInvalid,
    #[error("the link has expired")]
    LinkExpired,
    #[error("the link has already been used")]
    LinkUsed,
    #[error("wrong e-mail or password")]
    BadCredentials,
    #[error("the account cannot be used: {0}")]
    AccountUnavailable(Msg),
    /// Every account of the user deactivated them.
    #[error("the user is deactivated")]
    Deactivated,
    /// A certificate sign-in was refused; the reason is for the sign-in page.
    #[error("certificate sign-in refused: {0:?}")]
    CertificateRefused(app::model::login_certificates::CertificateRefusal),
    /// The user has no login certificate with that id (another user's answers the same).
    #[error("no such login certificate")]
    NoSuchLoginCertificate,
    #[error("too many failed sign-ins")]
    RateLimited { retry_after_secs: u64 },
    #[error("password hashing failed: {0}")]
    Hashing(String),
    /// Something only a signed-in session may do was asked for without one.
    #[error("this needs a signed-in session")]
    NoSession,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Purposes of single-use e-mail tokens.
pub(crate) const PURPOSE_ACTIVATION: app::model::session::TokenPurpose =
    app::model::session::TokenPurpose::Activation;

impl IdentityService {
    pub fn new(
        store: Store,
        mail: MailWaker,
        clock: Arc<dyn Clock>,
        random: Arc<dyn Random>,
        link_base: String,
        sealer: Arc<dyn crate::ports::sealer::Sealer>,
    ) -> Self {
        let webauthn = passkeys::relying_party(&link_base);
        Self {
            store,
            mail,
            clock,
            random,
            link_base,
            sealer,
            webauthn,
        }
    }

    /// Passkeys answer for `origin` rather than the public URL: browsers refuse passkeys for
    /// an IP address, so a portal reached by one names a host name here.
    #[must_use]
    pub fn with_passkey_origin(mut self, origin: &str) -> Self {
        self.webauthn = passkeys::relying_party(origin);
        self
    }

    fn new_token(&self) -> crate::domain::secret_token::SecretToken {
        let mut bytes = [0u8; 32];
        self.random.fill(&mut bytes);
        crate::domain::secret_token::SecretToken::from_random(bytes)
    }

    fn activation_link(&self, token: &str) -> String {
        format!("{}/activate/{token}", self.link_base)
    }

    fn invitation_link(&self, token: &str) -> String {
        format!("{}/invitation/{token}", self.link_base)
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use std::sync::Arc;

    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::{
        ports::{Mail, clock::FakeClock, mailer::MemoryMailer, random::CountingRandom},
        services::notifications::MailDelivery,
    };

    pub struct Harness {
        pub service: IdentityService,
        pub mailer: Arc<MemoryMailer>,
        pub delivery: MailDelivery,
        pub clock: Arc<FakeClock>,
        pub store: Store,
    }

    impl Harness {
        /// Another service over the same store and clock, as another request path would use.
        /// Its tokens are random, so they never collide with the harness's counted ones.
        pub fn identity(&self) -> Arc<IdentityService> {
            Arc::new(IdentityService::new(
                self.store.clone(),
                MailWaker::default(),
                self.clock.clone(),
                Arc::new(crate::adapters::random::OsRandom),
                "http://portal.test".into(),
                test_sealer(),
            ))
        }

        /// Runs the delivery job once, then returns everything the mail server has received.
        pub async fn sent(&self) -> Vec<Mail> {
            self.delivery.deliver_due().await.unwrap();
            self.mailer.sent()
        }

        /// The token of the newest invitation e-mail.
        pub async fn invitation_token(&self) -> String {
            let text = self.sent().await.last().unwrap().text.clone();
            let start = text.find("/invitation/").unwrap() + "/invitation/".len();
            text[start..start + 43].to_owned()
        }

        /// The activation token from the newest activation e-mail.
        pub async fn activation_token(&self) -> String {
            let text = self.sent().await.last().unwrap().text.clone();
            let start = text.find("/activate/").unwrap() + "/activate/".len();
            text[start..start + 43].to_owned()
        }
    }

    /// The password every test user chooses.
    pub const PASSWORD: &str = "correct horse 42";

    /// A complete, valid sign-up form.
    pub fn form(kind: &str, email: &str) -> app::model::SignUpForm {
        app::model::SignUpForm {
            kind: kind.into(),
            name: "Asha Rao".into(),
            email: email.into(),
            mobile: "+91 98450 12345".into(),
            organization: "Example Pvt Ltd".into(),
            country: "IN".into(),
            accept_terms: true,
            terms_version: "1".into(),
            agreement_version: "1".into(),
        }
    }

    impl Harness {
        /// Signs up an Enterprise and returns the activation token from its e-mail.
        pub async fn signed_up(&self, email: &str) -> String {
            self.service
                .sign_up(&form("enterprise", email), None, app::i18n::Lang::En)
                .await
                .unwrap();
            self.activation_token().await
        }

        /// Signs up and activates an Enterprise administrator with `PASSWORD`.
        pub async fn activated(&self, email: &str) {
            let token = self.signed_up(email).await;
            self.service
                .activate(&token, PASSWORD, PASSWORD, None)
                .await
                .unwrap();
        }

        /// Signs in with `PASSWORD` and returns the session token.
        pub async fn sign_in(&self, email: &str) -> String {
            self.service
                .sign_in(email, PASSWORD, "192.0.2.1", None)
                .await
                .unwrap()
                .token
        }

        /// An activated user with a fresh session.
        pub async fn signed_in(&self, email: &str) -> String {
            self.activated(email).await;
            self.sign_in(email).await
        }

        /// The operator user `ops@rootline.test`, invited, activated and with a fresh session.
        pub async fn signed_in_operator(&self) -> String {
            let invite = self
                .service
                .create_operator("ops@rootline.test", None)
                .await
                .unwrap();
            let token = invite
                .activation_link
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned();
            self.service
                .activate(&token, PASSWORD, PASSWORD, None)
                .await
                .unwrap();
            self.sign_in("ops@rootline.test").await
        }
    }

    /// A sealer with a fixed test master secret.
    pub fn test_sealer() -> Arc<dyn crate::ports::sealer::Sealer> {
        Arc::new(
            crate::adapters::sealer::AesGcmSealer::from_secret(
                b"a test master secret of at least thirty-two characters",
            )
            .unwrap(),
        )
    }

    pub async fn harness() -> Harness {
        harness_on(crate::store::test_db::fresh_store().await).await
    }

    /// A harness over a migrated store of the test's own (a database file, a restored backup).
    pub async fn harness_on(store: Store) -> Harness {
        let mailer = Arc::new(MemoryMailer::default());
        let clock = Arc::new(FakeClock::at(
            Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap(),
        ));
        let service = IdentityService::new(
            store.clone(),
            MailWaker::default(),
            clock.clone(),
            Arc::new(CountingRandom::default()),
            "http://portal.test".into(),
            test_sealer(),
        );
        let delivery = MailDelivery::new(store.clone(), mailer.clone(), clock.clone());
        Harness {
            service,
            mailer,
            delivery,
            clock,
            store,
        }
    }
}
