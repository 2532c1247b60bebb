//! Signing up, in and out, sessions, accounts and the second factor.

use async_trait::async_trait;

use crate::{
    error::AppError,
    model::{SessionView, SignUpForm, session::ActivationView},
    ports::request::{RequestMeta, SetCookie},
    ports::session::{SecondFactorStep, SignUpOutcome, SignedIn},
};

#[async_trait]
pub trait IdentityApi: Send + Sync {
    async fn sign_up(
        &self,
        meta: &RequestMeta,
        form: SignUpForm,
    ) -> Result<SignUpOutcome, AppError>;
    async fn activation(&self, token: &str) -> Result<ActivationView, AppError>;
    /// The version in force of the terms of service or the subscriber agreement; public.
    async fn legal_document(
        &self,
        kind: crate::model::legal::LegalDocumentKind,
    ) -> Result<crate::model::legal::LegalDocumentView, AppError>;
    async fn activate(
        &self,
        meta: &RequestMeta,
        token: &str,
        password: &str,
        confirmation: &str,
    ) -> Result<(), AppError>;
    async fn sign_in(
        &self,
        meta: &RequestMeta,
        email: &str,
        password: &str,
    ) -> Result<SignedIn, AppError>;
    async fn sign_out(&self, meta: &RequestMeta) -> Result<SetCookie, AppError>;
    async fn current_session(&self, meta: &RequestMeta) -> Result<Option<SessionView>, AppError>;
    /// The secret for a sign-in that must enrol an authenticator app.
    async fn enrolment(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::two_factor::EnrolmentView, AppError>;
    /// Confirms the app with its first code; returns the recovery codes, shown once.
    async fn confirm_enrolment(
        &self,
        meta: &RequestMeta,
        code: String,
    ) -> Result<Vec<String>, AppError>;
    /// Completes a sign-in with an app code or a recovery code.
    async fn verify_code(&self, meta: &RequestMeta, code: String) -> Result<(), AppError>;
    /// Every account the signed-in user belongs to.
    async fn accounts(
        &self,
        meta: &RequestMeta,
    ) -> Result<Vec<crate::model::account_choice::AccountChoice>, AppError>;
    /// Moves the session to another of the user's accounts; the second factor that account
    /// requires before the session works there, if any.
    async fn switch_account(
        &self,
        meta: &RequestMeta,
        account_id: i32,
    ) -> Result<Option<SecondFactorStep>, AppError>;
    /// An invitation to join another account, as its link shows it.
    async fn invitation(
        &self,
        meta: &RequestMeta,
        token: &str,
    ) -> Result<crate::model::invitation::InvitationView, AppError>;
    /// The signed-in, invited user accepts and joins the account.
    async fn accept_invitation(&self, meta: &RequestMeta, token: &str) -> Result<(), AppError>;
    /// The signed-in, invited user declines.
    async fn decline_invitation(&self, meta: &RequestMeta, token: &str) -> Result<(), AppError>;
    async fn profile(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::profile::ProfileView, AppError>;
    /// The cookie that keeps `lang` for this browser; a signed-in user's preference is saved
    /// too (their e-mails and documents follow it).
    async fn set_language(
        &self,
        meta: &RequestMeta,
        lang: crate::i18n::Lang,
    ) -> Result<SetCookie, AppError>;
    async fn update_profile(
        &self,
        meta: &RequestMeta,
        form: crate::model::profile::ProfileForm,
    ) -> Result<(), AppError>;
    async fn change_password(
        &self,
        meta: &RequestMeta,
        current: String,
        password: String,
        confirmation: String,
    ) -> Result<(), AppError>;
    /// The certificate sign-in address of the HTTPS listener, when one is configured.
    async fn authenticator_app(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::two_factor::AuthenticatorAppView, AppError>;
    async fn start_authenticator_app(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::two_factor::EnrolmentView, AppError>;
    async fn confirm_authenticator_app(
        &self,
        meta: &RequestMeta,
        code: String,
    ) -> Result<Vec<String>, AppError>;
    async fn renew_recovery_codes(
        &self,
        meta: &RequestMeta,
        code: String,
    ) -> Result<Vec<String>, AppError>;
    async fn remove_authenticator_app(
        &self,
        meta: &RequestMeta,
        password: String,
    ) -> Result<(), AppError>;
    async fn certificate_sign_in_url(&self) -> Result<Option<String>, AppError>;
    /// Signs in with the client certificate (DER) of the HTTPS listener's TLS handshake. Not a
    /// server function: the server's `/sign-in/certificate` route calls it, and shows a refusal
    /// on the sign-in page by its code.
    async fn certificate_sign_in(
        &self,
        meta: &RequestMeta,
        certificate_der: &[u8],
    ) -> Result<SignedIn, crate::model::login_certificates::CertificateRefusal>;
    /// The signed-in user's sign-in certificates.
    async fn login_certificates(
        &self,
        meta: &RequestMeta,
    ) -> Result<Vec<crate::model::login_certificates::LoginCertificateView>, AppError>;
    /// Registers a certificate (PEM text) for the signed-in user to sign in with.
    async fn register_login_certificate(
        &self,
        meta: &RequestMeta,
        label: String,
        certificate: String,
    ) -> Result<(), AppError>;
    async fn remove_login_certificate(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
}
