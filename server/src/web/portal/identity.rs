//! `IdentityApi` for the portal: sign-up, sign-in and out, the second factor, switching
//! account, invitations and the user's own profile.

use app::{
    error::AppError,
    i18n::Lang,
    model::account_choice::AccountChoice,
    model::login_certificates::{CertificateRefusal, LoginCertificateView},
    model::profile::{ProfileForm, ProfileView},
    model::two_factor::{AuthenticatorAppView, EnrolmentView},
    model::{SessionView, SignUpForm, session::ActivationView},
    ports::{IdentityApi, RequestMeta, SecondFactorStep, SetCookie, SignUpOutcome, SignedIn},
};
use async_trait::async_trait;

use super::{
    Portal, admit,
    errors::{incident, invitation_error},
    second_factor_step, session_token,
};
use crate::{
    domain::client_limits::ThrottleScope,
    services::identity::{IdentityError, SignUpResult},
    web::cookies::{clear_session_cookie, lang_cookie},
};

#[async_trait]
impl IdentityApi for Portal {
    async fn sign_up(
        &self,
        meta: &RequestMeta,
        form: SignUpForm,
    ) -> Result<SignUpOutcome, AppError> {
        admit(&self.throttle, ThrottleScope::SignUp, meta.ip).await?;
        let result = self
            .identity
            .sign_up(&form, Some(meta.ip.to_string()), meta.lang)
            .await?;
        Ok(match result {
            SignUpResult::ActivationSent => SignUpOutcome::ActivationSent,
            SignUpResult::AwaitingApproval => SignUpOutcome::AwaitingApproval,
        })
    }

    async fn legal_document(
        &self,
        kind: app::model::legal::LegalDocumentKind,
    ) -> Result<app::model::legal::LegalDocumentView, AppError> {
        self.identity
            .legal_document(kind)
            .await?
            .ok_or(AppError::NotFound)
    }

    async fn activation(&self, token: &str) -> Result<ActivationView, AppError> {
        Ok(self.identity.activation(token).await?)
    }

    async fn activate(
        &self,
        meta: &RequestMeta,
        token: &str,
        password: &str,
        confirmation: &str,
    ) -> Result<(), AppError> {
        Ok(self
            .identity
            .activate(token, password, confirmation, Some(meta.ip.to_string()))
            .await?)
    }

    async fn sign_in(
        &self,
        meta: &RequestMeta,
        email: &str,
        password: &str,
    ) -> Result<SignedIn, AppError> {
        let session = self
            .identity
            .sign_in(
                email,
                password,
                &meta.ip.to_string(),
                meta.user_agent.as_deref(),
            )
            .await?;
        Ok(self.new_session(&session, self.secure_cookies))
    }

    async fn sign_out(&self, meta: &RequestMeta) -> Result<SetCookie, AppError> {
        if let Some(token) = meta.session_token.as_deref() {
            self.identity
                .sign_out(token, Some(meta.ip.to_string()))
                .await?;
        }
        Ok(SetCookie(clear_session_cookie(self.secure_cookies)))
    }

    async fn current_session(&self, meta: &RequestMeta) -> Result<Option<SessionView>, AppError> {
        match meta.session_token.as_deref() {
            Some(token) => {
                Ok(self
                    .identity
                    .current_session(token)
                    .await?
                    .map(|view| SessionView {
                        lang: meta.lang,
                        publicly_trusted: self.validation.corroborator().public_trust(),
                        ..view
                    }))
            }
            None => Ok(None),
        }
    }

    async fn enrolment(&self, meta: &RequestMeta) -> Result<EnrolmentView, AppError> {
        let token = session_token(meta)?;
        let e = self.identity.enrolment(token).await?;
        Ok(EnrolmentView {
            secret: e.secret,
            qr_svg: e.qr_svg,
        })
    }

    async fn confirm_enrolment(
        &self,
        meta: &RequestMeta,
        code: String,
    ) -> Result<Vec<String>, AppError> {
        let token = session_token(meta)?;
        Ok(self
            .identity
            .confirm_enrolment(token, &code, Some(meta.ip.to_string()))
            .await?)
    }

    async fn verify_code(&self, meta: &RequestMeta, code: String) -> Result<(), AppError> {
        let token = session_token(meta)?;
        Ok(self
            .identity
            .verify_second_factor(token, &code, &meta.ip.to_string())
            .await?)
    }

    async fn accounts(&self, meta: &RequestMeta) -> Result<Vec<AccountChoice>, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.identity.accounts_of(&caller).await?)
    }

    async fn switch_account(
        &self,
        meta: &RequestMeta,
        account_id: i32,
    ) -> Result<Option<SecondFactorStep>, AppError> {
        let caller = self.caller(meta).await?;
        let owed = self
            .identity
            .switch_account(&caller, account_id, Some(meta.ip.to_string()))
            .await?;
        Ok(owed.map(second_factor_step))
    }

    async fn invitation(
        &self,
        meta: &RequestMeta,
        token: &str,
    ) -> Result<app::model::invitation::InvitationView, AppError> {
        self.identity
            .invitation(token, meta.session_token.as_deref())
            .await
            .map_err(invitation_error)
    }

    async fn accept_invitation(&self, meta: &RequestMeta, token: &str) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.identity
            .accept_invitation(&caller, token, Some(meta.ip.to_string()))
            .await
            .map(|_| ())
            .map_err(invitation_error)
    }

    async fn decline_invitation(&self, meta: &RequestMeta, token: &str) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.identity
            .decline_invitation(&caller, token, Some(meta.ip.to_string()))
            .await
            .map_err(invitation_error)
    }

    async fn profile(&self, meta: &RequestMeta) -> Result<ProfileView, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.identity.profile(&caller))
    }

    async fn set_language(&self, meta: &RequestMeta, lang: Lang) -> Result<SetCookie, AppError> {
        // A visitor who is not signed in (or whose session ended) keeps the choice in the
        // browser only.
        if let Ok(caller) = self.caller(meta).await {
            self.identity.set_language(&caller, lang).await?;
        }
        Ok(SetCookie(lang_cookie(lang, self.secure_cookies)))
    }

    async fn update_profile(&self, meta: &RequestMeta, form: ProfileForm) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .identity
            .update_profile(&caller, &form, Some(meta.ip.to_string()))
            .await?)
    }

    async fn change_password(
        &self,
        meta: &RequestMeta,
        current: String,
        password: String,
        confirmation: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .identity
            .change_password(
                &caller,
                &current,
                &password,
                &confirmation,
                Some(meta.ip.to_string()),
            )
            .await?)
    }

    async fn authenticator_app(
        &self,
        meta: &RequestMeta,
    ) -> Result<AuthenticatorAppView, AppError> {
        let caller = self.caller(meta).await?;
        let s = self.identity.authenticator_app(&caller).await?;
        Ok(AuthenticatorAppView {
            enrolled: s.enrolled,
            enforced: s.enforced,
            recovery_codes_left: s.recovery_codes_left,
        })
    }

    async fn start_authenticator_app(&self, meta: &RequestMeta) -> Result<EnrolmentView, AppError> {
        let caller = self.caller(meta).await?;
        let e = self.identity.start_authenticator_app(&caller).await?;
        Ok(EnrolmentView {
            secret: e.secret,
            qr_svg: e.qr_svg,
        })
    }

    async fn confirm_authenticator_app(
        &self,
        meta: &RequestMeta,
        code: String,
    ) -> Result<Vec<String>, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .identity
            .confirm_authenticator_app(&caller, &code, Some(meta.ip.to_string()))
            .await?)
    }

    async fn renew_recovery_codes(
        &self,
        meta: &RequestMeta,
        code: String,
    ) -> Result<Vec<String>, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .identity
            .renew_recovery_codes(&caller, &code, Some(meta.ip.to_string()))
            .await?)
    }

    async fn remove_authenticator_app(
        &self,
        meta: &RequestMeta,
        password: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .identity
            .remove_authenticator_app(&caller, &password, Some(meta.ip.to_string()))
            .await?)
    }

    async fn certificate_sign_in_url(&self) -> Result<Option<String>, AppError> {
        Ok(self.certificate_sign_in_url.clone())
    }

    async fn certificate_sign_in(
        &self,
        meta: &RequestMeta,
        certificate_der: &[u8],
    ) -> Result<SignedIn, CertificateRefusal> {
        let session = self
            .identity
            .certificate_sign_in(
                certificate_der,
                &meta.ip.to_string(),
                meta.user_agent.as_deref(),
            )
            .await
            .map_err(|e| match e {
                IdentityError::CertificateRefused(reason) => reason,
                IdentityError::Deactivated => CertificateRefusal::Deactivated,
                IdentityError::AccountUnavailable(_) => CertificateRefusal::AccountUnavailable,
                other => {
                    incident(&other);
                    CertificateRefusal::Failed
                }
            })?;
        // Certificate sign-in only happens over the HTTPS listener: the cookie is Secure.
        Ok(self.new_session(&session, true))
    }

    async fn login_certificates(
        &self,
        meta: &RequestMeta,
    ) -> Result<Vec<LoginCertificateView>, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.identity.login_certificates(&caller).await?)
    }

    async fn register_login_certificate(
        &self,
        meta: &RequestMeta,
        label: String,
        certificate: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.identity
            .register_login_certificate(
                &caller,
                &label,
                certificate.as_bytes(),
                Some(meta.ip.to_string()),
            )
            .await?;
        Ok(())
    }

    async fn remove_login_certificate(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .identity
            .remove_login_certificate(&caller, id, Some(meta.ip.to_string()))
            .await?)
    }
}
