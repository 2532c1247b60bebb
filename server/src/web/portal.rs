//! The portal's backend: implements `app::ports` over the services and maps their errors to
//! what a user may see. Internal detail goes to the log under an incident id.

use std::sync::Arc;

use app::{
    error::AppError,
    model::account_choice::AccountChoice,
    model::groups::{GroupForm, GroupsPage},
    model::ip_rules::{IpRuleForm, IpRulesPage},
    model::login_certificates::{CertificateRefusal, LoginCertificateView},
    model::operator::{AccountsPage, AccountsQuery},
    model::profile::{ProfileForm, ProfileView},
    model::roles::{CustomRoleForm, RoleOption, RolesPage},
    model::two_factor::{AuthenticatorAppView, EnrolmentView},
    model::{
        AuditPage, AuditQuery, Permission, SessionView, SignUpForm, UserForm, UserSummary,
        UsersPage, UsersQuery, session::ActivationView,
    },
    ports::{
        AccessApi, IdentityApi, OperatorApi, RequestMeta, SecondFactorStep, SetCookie,
        SignUpOutcome, SignedIn,
    },
};
use async_trait::async_trait;

use super::cookies::{clear_session_cookie, session_cookie};
use crate::{
    ports::Clock,
    services::{
        access::{AccessError, AccessService},
        identity::{IdentityError, IdentityService, SecondFactor, SignUpResult},
    },
};

pub struct Portal {
    pub identity: Arc<IdentityService>,
    pub access: Arc<AccessService>,
    pub api_keys: Arc<crate::services::api_keys::ApiKeyService>,
    pub orders: Arc<crate::services::orders::OrderService>,
    pub validation: Arc<crate::services::validation::ValidationService>,
    pub billing: Arc<crate::services::billing::BillingService>,
    pub clock: Arc<dyn Clock>,
    /// Per-client limits on the public calls (sign-up, tracking links, domain checks).
    pub throttle: Arc<crate::services::throttle::Throttle>,
    pub secure_cookies: bool,
    /// `https://…/sign-in/certificate` on the HTTPS listener, when there is one.
    pub certificate_sign_in_url: Option<String>,
}

/// Counts a public call against its client's allowance, or refuses it.
pub async fn admit(
    throttle: &crate::services::throttle::Throttle,
    scope: crate::domain::client_limits::ThrottleScope,
    client: std::net::IpAddr,
) -> Result<(), AppError> {
    use crate::services::throttle::ThrottleError;
    match throttle.admit(scope, client).await {
        Ok(()) => Ok(()),
        Err(ThrottleError::Limited { retry_after_secs }) => {
            Err(AppError::RateLimited { retry_after_secs })
        }
        Err(e) => Err(incident(&e)),
    }
}

use crate::domain::client_limits::ThrottleScope;

/// Logs an unexpected failure in full and gives the user an id to quote.
pub fn incident(error: &dyn std::error::Error) -> AppError {
    let incident_id = uuid::Uuid::new_v4().simple().to_string();
    let incident_id = incident_id.get(..12).unwrap_or(&incident_id).to_owned();
    tracing::error!(%incident_id, error = %error, "request failed");
    AppError::Internal { incident_id }
}

pub(super) fn identity_error(e: IdentityError) -> AppError {
    match e {
        IdentityError::Invalid(errors) => AppError::Validation(errors),
        IdentityError::EmailTaken => {
            AppError::Validation(crate::services::identity::email_taken_errors())
        }
        IdentityError::AlreadyMember => AppError::Validation(app::model::FieldErrors::single(
            "email",
            "A user with this e-mail address already belongs to this account.",
        )),
        IdentityError::AlreadyInvited => AppError::Validation(app::model::FieldErrors::single(
            "email",
            "This address was invited already and has not answered. The invitation stays valid for 7 days; after that you can invite them again.",
        )),
        IdentityError::NotInvited => AppError::Conflict(
            "This invitation is for another user. Sign out, then sign in with the invited e-mail address and open the link again."
                .into(),
        ),
        IdentityError::NotMember
        | IdentityError::NoSuchPasskey
        | IdentityError::NoSuchLoginCertificate => AppError::NotFound,
        IdentityError::CertificateRefused(reason) => AppError::Conflict(reason.message().into()),
        IdentityError::Deactivated => AppError::Conflict(
            "An administrator has deactivated your user, so you cannot sign in. Contact them if this is a mistake."
                .into(),
        ),
        IdentityError::NoPendingSignIn | IdentityError::NoSession => AppError::Unauthenticated,
        IdentityError::CannotUse(reason) => AppError::Conflict(reason),
        IdentityError::NotWaiting => AppError::Conflict(
            "This account is not waiting for approval any more; reload the list.".into(),
        ),
        IdentityError::LinkInvalid => AppError::Conflict(
            "This activation link is not valid. Check that you opened the whole link from the e-mail."
                .into(),
        ),
        IdentityError::LinkExpired => AppError::Conflict(
            "This activation link has expired: links are valid for 24 hours. Ask your administrator for a new one."
                .into(),
        ),
        IdentityError::LinkUsed => AppError::Conflict(
            "This activation link has already been used. Sign in with the password you chose."
                .into(),
        ),
        IdentityError::BadCredentials => AppError::InvalidCredentials,
        IdentityError::AccountUnavailable(status) => AppError::Conflict(format!(
            "Your account is {status}, so you cannot sign in yet. Contact your administrator."
        )),
        IdentityError::RateLimited { retry_after_secs } => AppError::RateLimited { retry_after_secs },
        other @ (IdentityError::Hashing(_)
        | IdentityError::Store(_)
        | IdentityError::Sealing(_)) => incident(&other),
    }
}

/// An invitation link's refusals say what to do about an invitation, not an activation.
fn invitation_error(e: IdentityError) -> AppError {
    match e {
        IdentityError::LinkInvalid => AppError::Conflict(
            "This invitation link is not valid. Check that you opened the whole link from the e-mail."
                .into(),
        ),
        IdentityError::LinkExpired => AppError::Conflict(
            "This invitation has expired: invitations are valid for 7 days. Ask the account's administrator to invite you again."
                .into(),
        ),
        IdentityError::LinkUsed => AppError::Conflict(
            "This invitation has already been answered. Sign in to see the accounts you belong to."
                .into(),
        ),
        IdentityError::AlreadyMember => AppError::Conflict(
            "You already belong to this account. Choose it after signing in.".into(),
        ),
        other => identity_error(other),
    }
}

pub(super) fn access_error(e: AccessError) -> AppError {
    match e {
        AccessError::Unauthenticated => AppError::Unauthenticated,
        AccessError::Forbidden(_) | AccessError::OperatorOnly => AppError::Forbidden,
        AccessError::NotFound => AppError::NotFound,
        AccessError::Invalid(errors) => AppError::Validation(errors),
        AccessError::Refused(reason) => AppError::Conflict(reason),
        AccessError::Identity(e) => identity_error(e),
        other @ (AccessError::Store(_) | AccessError::Export(_)) => incident(&other),
    }
}

#[async_trait]
impl AccessApi for Portal {
    async fn audit_log(
        &self,
        meta: &RequestMeta,
        query: AuditQuery,
    ) -> Result<AuditPage, AppError> {
        let caller = self.caller(meta, Permission::ViewAuditLog).await?;
        self.access
            .audit_page(&caller, &query)
            .await
            .map_err(access_error)
    }

    async fn users(&self, meta: &RequestMeta, query: UsersQuery) -> Result<UsersPage, AppError> {
        let caller = self.caller(meta, Permission::ManageUsers).await?;
        self.access
            .users_page(&caller, &query)
            .await
            .map_err(access_error)
    }

    async fn user(&self, meta: &RequestMeta, id: i32) -> Result<UserSummary, AppError> {
        let caller = self.caller(meta, Permission::ManageUsers).await?;
        self.access.user(&caller, id).await.map_err(access_error)
    }

    async fn add_user(
        &self,
        meta: &RequestMeta,
        form: UserForm,
    ) -> Result<app::model::users::AddUserOutcome, AppError> {
        let caller = self.caller(meta, Permission::ManageUsers).await?;
        self.access
            .add_user(&caller, &form, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }

    async fn update_user(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: UserForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageUsers).await?;
        self.access
            .update_user(&caller, id, &form, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }

    async fn ip_rules(&self, meta: &RequestMeta) -> Result<IpRulesPage, AppError> {
        let caller = self.caller(meta, Permission::ManageSettings).await?;
        self.access
            .ip_rules_page(&caller, meta.ip)
            .await
            .map_err(access_error)
    }

    async fn groups(&self, meta: &RequestMeta) -> Result<GroupsPage, AppError> {
        let caller = self.caller(meta, Permission::ManageGroups).await?;
        self.access.groups_page(&caller).await.map_err(access_error)
    }

    async fn group_detail(
        &self,
        meta: &RequestMeta,
        id: i32,
    ) -> Result<app::model::group_members::GroupDetail, AppError> {
        let caller = self.caller(meta, Permission::ManageGroups).await?;
        self.access
            .group_detail(&caller, id)
            .await
            .map_err(access_error)
    }

    async fn add_group_member(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        membership_id: i32,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageGroups).await?;
        self.access
            .add_group_member(&caller, group_id, membership_id, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }

    async fn remove_group_member(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        membership_id: i32,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageGroups).await?;
        self.access
            .remove_group_member(&caller, group_id, membership_id, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }

    async fn add_group_domain(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        domain: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageGroups).await?;
        self.access
            .add_group_domain(&caller, group_id, &domain, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }

    async fn remove_group_domain(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        domain: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageGroups).await?;
        self.access
            .remove_group_domain(&caller, group_id, &domain, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }

    async fn set_group_logo(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        logo: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageGroups).await?;
        self.access
            .set_group_logo(&caller, group_id, &logo, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }

    async fn remove_group_logo(&self, meta: &RequestMeta, group_id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageGroups).await?;
        self.access
            .remove_group_logo(&caller, group_id, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }

    async fn roles(&self, meta: &RequestMeta) -> Result<RolesPage, AppError> {
        let caller = self.caller(meta, Permission::ManageRoles).await?;
        self.access.roles_page(&caller).await.map_err(access_error)
    }

    async fn role_options(&self, meta: &RequestMeta) -> Result<Vec<RoleOption>, AppError> {
        let caller = self.caller(meta, Permission::ManageUsers).await?;
        self.access
            .role_options(&caller)
            .await
            .map_err(access_error)
    }

    async fn add_role(&self, meta: &RequestMeta, form: CustomRoleForm) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageRoles).await?;
        self.access
            .add_custom_role(&caller, &form, Some(meta.ip.to_string()))
            .await
            .map(|_| ())
            .map_err(access_error)
    }

    async fn update_role(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: CustomRoleForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageRoles).await?;
        self.access
            .update_custom_role(&caller, id, &form, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }

    async fn delete_role(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageRoles).await?;
        self.access
            .delete_custom_role(&caller, id, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }

    async fn add_group(&self, meta: &RequestMeta, form: GroupForm) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageGroups).await?;
        self.access
            .add_group(&caller, &form, Some(meta.ip.to_string()))
            .await
            .map(|_| ())
            .map_err(access_error)
    }

    async fn update_group(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: GroupForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageGroups).await?;
        self.access
            .update_group(&caller, id, &form, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }

    async fn two_factor_enforced(&self, meta: &RequestMeta) -> Result<bool, AppError> {
        let caller = self.caller(meta, Permission::ManageSettings).await?;
        Ok(caller.account.enforce_totp)
    }

    async fn set_two_factor_enforced(
        &self,
        meta: &RequestMeta,
        enforce: bool,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageSettings).await?;
        self.access
            .set_two_factor_enforced(&caller, enforce, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }

    async fn add_ip_rule(&self, meta: &RequestMeta, form: IpRuleForm) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageSettings).await?;
        self.access
            .add_ip_rule(&caller, &form, meta.ip)
            .await
            .map(|_| ())
            .map_err(access_error)
    }

    async fn change_ip_rule(
        &self,
        meta: &RequestMeta,
        id: i32,
        enabled: Option<bool>,
        confirm_lockout: bool,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageSettings).await?;
        self.access
            .change_ip_rule(&caller, id, enabled, meta.ip, confirm_lockout)
            .await
            .map_err(access_error)
    }

    async fn api_keys(
        &self,
        meta: &RequestMeta,
    ) -> Result<app::model::api_keys::ApiKeysPage, AppError> {
        let caller = self.caller(meta, Permission::ManageSettings).await?;
        self.api_keys
            .page(&caller)
            .await
            .map_err(super::portal_api_keys::api_key_error)
    }

    async fn create_api_key(
        &self,
        meta: &RequestMeta,
        form: app::model::api_keys::ApiKeyForm,
    ) -> Result<app::model::api_keys::ApiKeyCreated, AppError> {
        let caller = self.caller(meta, Permission::ManageSettings).await?;
        self.api_keys
            .create(&caller, &form, Some(meta.ip))
            .await
            .map_err(super::portal_api_keys::api_key_error)
    }

    async fn revoke_api_key(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageSettings).await?;
        self.api_keys
            .revoke(&caller, id, Some(meta.ip))
            .await
            .map_err(super::portal_api_keys::api_key_error)
    }

    async fn deactivate_user(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageUsers).await?;
        self.access
            .deactivate_user(&caller, id, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }
}

#[async_trait]
impl OperatorApi for Portal {
    async fn accounts(
        &self,
        meta: &RequestMeta,
        query: AccountsQuery,
    ) -> Result<AccountsPage, AppError> {
        self.operator(meta).await?;
        self.access
            .accounts_page(&query)
            .await
            .map_err(access_error)
    }

    async fn review_partner(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        approve: bool,
        reason: String,
    ) -> Result<(), AppError> {
        let operator = self.operator(meta).await?;
        self.access
            .review_partner(
                &operator,
                account_id,
                approve,
                &reason,
                Some(meta.ip.to_string()),
            )
            .await
            .map_err(access_error)
    }

    async fn set_multiple_groups(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        enabled: bool,
    ) -> Result<(), AppError> {
        let operator = self.operator(meta).await?;
        self.access
            .set_multiple_groups(&operator, account_id, enabled, Some(meta.ip.to_string()))
            .await
            .map_err(access_error)
    }
}

impl Portal {
    /// The cookie and next step of a session just opened.
    pub(super) fn new_session(
        &self,
        session: &crate::services::identity::NewSession,
        secure: bool,
    ) -> SignedIn {
        SignedIn {
            cookie: SetCookie(session_cookie(
                &session.token,
                session.expires_at,
                self.clock.now(),
                secure,
            )),
            choose_account: session.choose_account,
            second_factor: session.second_factor.map(|f| match f {
                SecondFactor::Enrol => SecondFactorStep::Enrol,
                SecondFactor::Code => SecondFactorStep::Code,
            }),
        }
    }

    /// The signed-in caller, whatever their role.
    pub(super) async fn signed_in(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::services::identity::Caller, AppError> {
        let token = meta
            .session_token
            .as_deref()
            .ok_or(AppError::Unauthenticated)?;
        self.identity
            .caller(token)
            .await
            .map_err(identity_error)?
            .ok_or(AppError::Unauthenticated)
    }

    /// The signed-in caller, if they are an operator user.
    pub(super) async fn operator(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::services::identity::Caller, AppError> {
        self.access
            .authorize_operator(meta.session_token.as_deref())
            .await
            .map_err(access_error)
    }

    /// The signed-in caller, if their role has `permission`.
    pub(super) async fn caller(
        &self,
        meta: &RequestMeta,
        permission: Permission,
    ) -> Result<crate::services::identity::Caller, AppError> {
        self.access
            .authorize(meta.session_token.as_deref(), permission)
            .await
            .map_err(access_error)
    }
}

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
            .sign_up(&form, Some(meta.ip.to_string()))
            .await
            .map_err(identity_error)?;
        Ok(match result {
            SignUpResult::ActivationSent => SignUpOutcome::ActivationSent,
            SignUpResult::AwaitingApproval => SignUpOutcome::AwaitingApproval,
        })
    }

    async fn activation(&self, token: &str) -> Result<ActivationView, AppError> {
        self.identity
            .activation(token)
            .await
            .map_err(identity_error)
    }

    async fn activate(
        &self,
        meta: &RequestMeta,
        token: &str,
        password: &str,
        confirmation: &str,
    ) -> Result<(), AppError> {
        self.identity
            .activate(token, password, confirmation, Some(meta.ip.to_string()))
            .await
            .map_err(identity_error)
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
            .await
            .map_err(identity_error)?;
        Ok(self.new_session(&session, self.secure_cookies))
    }

    async fn sign_out(&self, meta: &RequestMeta) -> Result<SetCookie, AppError> {
        if let Some(token) = meta.session_token.as_deref() {
            self.identity
                .sign_out(token, Some(meta.ip.to_string()))
                .await
                .map_err(identity_error)?;
        }
        Ok(SetCookie(clear_session_cookie(self.secure_cookies)))
    }

    async fn current_session(&self, meta: &RequestMeta) -> Result<Option<SessionView>, AppError> {
        match meta.session_token.as_deref() {
            Some(token) => self
                .identity
                .current_session(token)
                .await
                .map_err(identity_error),
            None => Ok(None),
        }
    }

    async fn enrolment(&self, meta: &RequestMeta) -> Result<EnrolmentView, AppError> {
        let token = meta
            .session_token
            .as_deref()
            .ok_or(AppError::Unauthenticated)?;
        let e = self
            .identity
            .enrolment(token)
            .await
            .map_err(identity_error)?;
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
        let token = meta
            .session_token
            .as_deref()
            .ok_or(AppError::Unauthenticated)?;
        self.identity
            .confirm_enrolment(token, &code, Some(meta.ip.to_string()))
            .await
            .map_err(identity_error)
    }

    async fn verify_code(&self, meta: &RequestMeta, code: String) -> Result<(), AppError> {
        let token = meta
            .session_token
            .as_deref()
            .ok_or(AppError::Unauthenticated)?;
        self.identity
            .verify_second_factor(token, &code, &meta.ip.to_string())
            .await
            .map_err(identity_error)
    }

    async fn accounts(&self, meta: &RequestMeta) -> Result<Vec<AccountChoice>, AppError> {
        let caller = self.signed_in(meta).await?;
        self.identity
            .accounts_of(&caller)
            .await
            .map_err(identity_error)
    }

    async fn switch_account(
        &self,
        meta: &RequestMeta,
        account_id: i32,
    ) -> Result<Option<SecondFactorStep>, AppError> {
        let caller = self.signed_in(meta).await?;
        let owed = self
            .identity
            .switch_account(&caller, account_id, Some(meta.ip.to_string()))
            .await
            .map_err(identity_error)?;
        Ok(owed.map(|f| match f {
            SecondFactor::Enrol => SecondFactorStep::Enrol,
            SecondFactor::Code => SecondFactorStep::Code,
        }))
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
        let caller = self.signed_in(meta).await?;
        self.identity
            .accept_invitation(&caller, token, Some(meta.ip.to_string()))
            .await
            .map(|_| ())
            .map_err(invitation_error)
    }

    async fn decline_invitation(&self, meta: &RequestMeta, token: &str) -> Result<(), AppError> {
        let caller = self.signed_in(meta).await?;
        self.identity
            .decline_invitation(&caller, token, Some(meta.ip.to_string()))
            .await
            .map_err(invitation_error)
    }

    async fn profile(&self, meta: &RequestMeta) -> Result<ProfileView, AppError> {
        let caller = self.signed_in(meta).await?;
        Ok(self.identity.profile(&caller))
    }

    async fn update_profile(&self, meta: &RequestMeta, form: ProfileForm) -> Result<(), AppError> {
        let caller = self.signed_in(meta).await?;
        self.identity
            .update_profile(&caller, &form, Some(meta.ip.to_string()))
            .await
            .map_err(identity_error)
    }

    async fn change_password(
        &self,
        meta: &RequestMeta,
        current: String,
        password: String,
        confirmation: String,
    ) -> Result<(), AppError> {
        let caller = self.signed_in(meta).await?;
        self.identity
            .change_password(
                &caller,
                &current,
                &password,
                &confirmation,
                Some(meta.ip.to_string()),
            )
            .await
            .map_err(identity_error)
    }

    async fn authenticator_app(
        &self,
        meta: &RequestMeta,
    ) -> Result<AuthenticatorAppView, AppError> {
        let caller = self.signed_in(meta).await?;
        let s = self
            .identity
            .authenticator_app(&caller)
            .await
            .map_err(identity_error)?;
        Ok(AuthenticatorAppView {
            enrolled: s.enrolled,
            enforced: s.enforced,
            recovery_codes_left: s.recovery_codes_left,
        })
    }

    async fn start_authenticator_app(&self, meta: &RequestMeta) -> Result<EnrolmentView, AppError> {
        let caller = self.signed_in(meta).await?;
        let e = self
            .identity
            .start_authenticator_app(&caller)
            .await
            .map_err(identity_error)?;
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
        let caller = self.signed_in(meta).await?;
        self.identity
            .confirm_authenticator_app(&caller, &code, Some(meta.ip.to_string()))
            .await
            .map_err(identity_error)
    }

    async fn renew_recovery_codes(
        &self,
        meta: &RequestMeta,
        code: String,
    ) -> Result<Vec<String>, AppError> {
        let caller = self.signed_in(meta).await?;
        self.identity
            .renew_recovery_codes(&caller, &code, Some(meta.ip.to_string()))
            .await
            .map_err(identity_error)
    }

    async fn remove_authenticator_app(
        &self,
        meta: &RequestMeta,
        password: String,
    ) -> Result<(), AppError> {
        let caller = self.signed_in(meta).await?;
        self.identity
            .remove_authenticator_app(&caller, &password, Some(meta.ip.to_string()))
            .await
            .map_err(identity_error)
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
        let caller = self.signed_in(meta).await?;
        self.identity
            .login_certificates(&caller)
            .await
            .map_err(identity_error)
    }

    async fn register_login_certificate(
        &self,
        meta: &RequestMeta,
        label: String,
        certificate: String,
    ) -> Result<(), AppError> {
        let caller = self.signed_in(meta).await?;
        self.identity
            .register_login_certificate(
                &caller,
                &label,
                certificate.as_bytes(),
                Some(meta.ip.to_string()),
            )
            .await
            .map(|_| ())
            .map_err(identity_error)
    }

    async fn remove_login_certificate(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.signed_in(meta).await?;
        self.identity
            .remove_login_certificate(&caller, id, Some(meta.ip.to_string()))
            .await
            .map_err(identity_error)
    }
}

#[cfg(test)]
mod tests {
    use app::model::FieldErrors;

    use super::*;

    #[test]
    fn wrong_password_and_unknown_user_map_to_one_message() {
        assert_eq!(
            identity_error(IdentityError::BadCredentials),
            AppError::InvalidCredentials
        );
    }

    #[test]
    fn a_taken_email_is_a_message_on_the_email_field() {
        let e = identity_error(IdentityError::EmailTaken);
        assert!(e.field("email").unwrap().contains("already exists"));
    }

    #[test]
    fn store_failures_reach_the_user_only_as_an_incident_id() {
        let e = identity_error(IdentityError::Hashing("secret detail".into()));
        assert!(matches!(e, AppError::Internal { .. }));
        assert!(!e.to_string().contains("secret detail"));
    }

    #[test]
    fn field_errors_pass_through() {
        let e = identity_error(IdentityError::Invalid(FieldErrors::single(
            "name",
            "Enter your full name.",
        )));
        assert_eq!(e.field("name").as_deref(), Some("Enter your full name."));
    }
}
