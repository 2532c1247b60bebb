//! The backend as the portal sees it: object-safe traits the server implements. Only with `ssr`.

use std::{net::IpAddr, sync::Arc};

use async_trait::async_trait;

use crate::{
    error::AppError,
    model::{
        AuditPage, AuditQuery, SessionView, SignUpForm, UserForm, UserSummary, UsersPage,
        UsersQuery, session::ActivationView,
    },
};

/// Facts about the HTTP request that the backend needs, gathered once by the server's middleware.
#[derive(Debug, Clone)]
pub struct RequestMeta {
    pub ip: IpAddr,
    pub user_agent: Option<String>,
    /// The raw session token from the cookie, if the browser sent one.
    pub session_token: Option<String>,
}

/// How a sign-up ended, so the page can say what happens next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignUpOutcome {
    /// An activation e-mail is on its way.
    ActivationSent,
    /// A Partner application waits for an operator; the applicant was told by e-mail.
    AwaitingApproval,
}

/// A new session: its cookie, and whether the user should choose among their accounts.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub cookie: SetCookie,
    pub choose_account: bool,
    /// Where the sign-in continues before the session works: enrolment or a code.
    pub second_factor: Option<SecondFactorStep>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondFactorStep {
    Enrol,
    Code,
}

impl SignedIn {
    /// The page a new session continues on: the second factor it owes, the choice of
    /// account, or the overview.
    pub fn next_page(&self) -> &'static str {
        match self.second_factor {
            Some(SecondFactorStep::Enrol) => "/sign-in/two-factor/enrol",
            Some(SecondFactorStep::Code) => "/sign-in/two-factor",
            None if self.choose_account => "/choose-account",
            None => "/",
        }
    }
}

/// A `Set-Cookie` header value the server function must attach to its response.
#[derive(Debug, Clone)]
pub struct SetCookie(pub String);

#[async_trait]
pub trait IdentityApi: Send + Sync {
    async fn sign_up(
        &self,
        meta: &RequestMeta,
        form: SignUpForm,
    ) -> Result<SignUpOutcome, AppError>;
    async fn activation(&self, token: &str) -> Result<ActivationView, AppError>;
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

/// What account administrators control: the audit log, users, roles, security rules. Every
/// call checks the caller's permission in their account.
#[async_trait]
pub trait AccessApi: Send + Sync {
    async fn audit_log(&self, meta: &RequestMeta, query: AuditQuery)
    -> Result<AuditPage, AppError>;
    async fn users(&self, meta: &RequestMeta, query: UsersQuery) -> Result<UsersPage, AppError>;
    async fn user(&self, meta: &RequestMeta, id: i32) -> Result<UserSummary, AppError>;
    /// A new address becomes a user of the account; an existing user is invited.
    async fn add_user(
        &self,
        meta: &RequestMeta,
        form: UserForm,
    ) -> Result<crate::model::users::AddUserOutcome, AppError>;
    async fn update_user(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: UserForm,
    ) -> Result<(), AppError>;
    async fn deactivate_user(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
    async fn ip_rules(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::ip_rules::IpRulesPage, AppError>;
    async fn groups(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::groups::GroupsPage, AppError>;
    async fn add_group(
        &self,
        meta: &RequestMeta,
        form: crate::model::groups::GroupForm,
    ) -> Result<(), AppError>;
    async fn update_group(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: crate::model::groups::GroupForm,
    ) -> Result<(), AppError>;
    async fn group_detail(
        &self,
        meta: &RequestMeta,
        id: i32,
    ) -> Result<crate::model::group_members::GroupDetail, AppError>;
    async fn add_group_member(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        membership_id: i32,
    ) -> Result<(), AppError>;
    async fn remove_group_member(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        membership_id: i32,
    ) -> Result<(), AppError>;
    /// Limits a group's orders to one more of the account's domains (and its sub-domains).
    async fn add_group_domain(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        domain: String,
    ) -> Result<(), AppError>;
    async fn remove_group_domain(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        domain: String,
    ) -> Result<(), AppError>;
    /// Sets a group's logo from the `data:` URL of a PNG or JPEG file.
    async fn set_group_logo(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        logo: String,
    ) -> Result<(), AppError>;
    async fn remove_group_logo(&self, meta: &RequestMeta, group_id: i32) -> Result<(), AppError>;
    async fn roles(&self, meta: &RequestMeta) -> Result<crate::model::roles::RolesPage, AppError>;
    async fn role_options(
        &self,
        meta: &RequestMeta,
    ) -> Result<Vec<crate::model::roles::RoleOption>, AppError>;
    async fn add_role(
        &self,
        meta: &RequestMeta,
        form: crate::model::roles::CustomRoleForm,
    ) -> Result<(), AppError>;
    async fn update_role(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: crate::model::roles::CustomRoleForm,
    ) -> Result<(), AppError>;
    async fn delete_role(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
    async fn two_factor_enforced(&self, meta: &RequestMeta) -> Result<bool, AppError>;
    async fn set_two_factor_enforced(
        &self,
        meta: &RequestMeta,
        enforce: bool,
    ) -> Result<(), AppError>;
    async fn add_ip_rule(
        &self,
        meta: &RequestMeta,
        form: crate::model::ip_rules::IpRuleForm,
    ) -> Result<(), AppError>;
    /// Enables (`Some(true)`), disables (`Some(false)`) or deletes (`None`) a rule.
    async fn change_ip_rule(
        &self,
        meta: &RequestMeta,
        id: i32,
        enabled: Option<bool>,
        confirm_lockout: bool,
    ) -> Result<(), AppError>;
    /// The "REST APIs" page: the account's access keys. Needs `ManageSettings`.
    async fn api_keys(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::api_keys::ApiKeysPage, AppError>;
    async fn create_api_key(
        &self,
        meta: &RequestMeta,
        form: crate::model::api_keys::ApiKeyForm,
    ) -> Result<crate::model::api_keys::ApiKeyCreated, AppError>;
    async fn revoke_api_key(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
}

/// The operator console: customer accounts and Partner applications. Operator users only.
#[async_trait]
pub trait OperatorApi: Send + Sync {
    async fn accounts(
        &self,
        meta: &RequestMeta,
        query: crate::model::operator::AccountsQuery,
    ) -> Result<crate::model::operator::AccountsPage, AppError>;
    /// Approves (`approve`) or rejects, with `reason`, a waiting Partner application.
    async fn review_partner(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        approve: bool,
        reason: String,
    ) -> Result<(), AppError>;
    async fn set_multiple_groups(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        enabled: bool,
    ) -> Result<(), AppError>;
}

/// Passkeys: registering and managing them on the profile, and signing in with one.
#[async_trait]
pub trait PasskeyApi: Send + Sync {
    async fn passkeys(
        &self,
        meta: &RequestMeta,
    ) -> Result<Vec<crate::model::passkeys::PasskeyView>, AppError>;
    async fn start_registration(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::passkeys::PasskeyChallengeView, AppError>;
    async fn finish_registration(
        &self,
        meta: &RequestMeta,
        ceremony: String,
        name: String,
        credential: String,
    ) -> Result<(), AppError>;
    async fn rename(&self, meta: &RequestMeta, id: i32, name: String) -> Result<(), AppError>;
    async fn remove(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
    async fn start_sign_in(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::passkeys::PasskeyChallengeView, AppError>;
    async fn finish_sign_in(
        &self,
        meta: &RequestMeta,
        ceremony: String,
        credential: String,
    ) -> Result<SignedIn, AppError>;
    async fn second_factor_choices(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::passkeys::SecondFactorChoicesView, AppError>;
    async fn start_second_factor(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::passkeys::PasskeyChallengeView, AppError>;
    async fn finish_second_factor(
        &self,
        meta: &RequestMeta,
        ceremony: String,
        credential: String,
    ) -> Result<(), AppError>;
}

/// Certificate orders: the wizard, the list and page, approvals, and the public tracking link.
#[async_trait]
pub trait OrdersApi: Send + Sync {
    async fn wizard(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::orders::WizardData, AppError>;
    async fn place(
        &self,
        meta: &RequestMeta,
        form: crate::model::orders::OrderForm,
    ) -> Result<crate::model::orders::PlacedOrder, AppError>;
    async fn orders(
        &self,
        meta: &RequestMeta,
        query: crate::model::orders::OrdersQuery,
    ) -> Result<crate::model::orders::OrdersPage, AppError>;
    async fn order(
        &self,
        meta: &RequestMeta,
        id: i32,
    ) -> Result<crate::model::orders::OrderView, AppError>;
    async fn approve(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
    async fn reject(&self, meta: &RequestMeta, id: i32, reason: String) -> Result<(), AppError>;
    async fn pay_draft(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
    async fn cancel(&self, meta: &RequestMeta, id: i32, remarks: String) -> Result<(), AppError>;
    async fn submit_csr(&self, meta: &RequestMeta, id: i32, csr: String) -> Result<(), AppError>;
    async fn revoke(
        &self,
        meta: &RequestMeta,
        form: crate::model::order_actions::RevokeForm,
    ) -> Result<(), AppError>;
    /// The reissue's order.
    async fn reissue(
        &self,
        meta: &RequestMeta,
        form: crate::model::order_actions::ReissueForm,
    ) -> Result<crate::model::orders::PlacedOrder, AppError>;
    /// The renewal's order.
    async fn renew(
        &self,
        meta: &RequestMeta,
        form: crate::model::order_actions::RenewForm,
    ) -> Result<crate::model::orders::PlacedOrder, AppError>;
    /// The order that changes a UCC certificate's names.
    async fn change_names(
        &self,
        meta: &RequestMeta,
        form: crate::model::order_actions::ChangeNamesForm,
    ) -> Result<crate::model::orders::PlacedOrder, AppError>;
    async fn edit(
        &self,
        meta: &RequestMeta,
        form: crate::model::order_actions::EditOrderForm,
    ) -> Result<(), AppError>;
    async fn reminder_settings(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::order_actions::ReminderSettings, AppError>;
    async fn set_reminder_days(&self, meta: &RequestMeta, days: String) -> Result<(), AppError>;
    /// The tracking-link calls take the request for its client address: they are public, so
    /// they are throttled per client.
    async fn tracking(
        &self,
        meta: &RequestMeta,
        token: String,
    ) -> Result<crate::model::orders::TrackingView, AppError>;
    async fn tracking_method(
        &self,
        meta: &RequestMeta,
        token: String,
        domain_id: i32,
        method: String,
    ) -> Result<(), AppError>;
    /// Verify Now (or resend the e-mail): what happened, in words.
    async fn tracking_verify(
        &self,
        meta: &RequestMeta,
        token: String,
        domain_id: i32,
    ) -> Result<String, AppError>;
    async fn tracking_csr(
        &self,
        meta: &RequestMeta,
        token: String,
        csr: String,
    ) -> Result<(), AppError>;
}

/// The account's domains and their validation, and the administrator's restrictions.
#[async_trait]
pub trait DomainsApi: Send + Sync {
    async fn domains(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::domains::DomainsPage, AppError>;
    async fn add(
        &self,
        meta: &RequestMeta,
        form: crate::model::domains::AddDomainForm,
    ) -> Result<(), AppError>;
    async fn change_method(
        &self,
        meta: &RequestMeta,
        id: i32,
        method: String,
    ) -> Result<(), AppError>;
    /// Verify Now (or send the e-mail): what happened, in words.
    async fn verify(&self, meta: &RequestMeta, id: i32) -> Result<String, AppError>;
    async fn restrictions(&self, meta: &RequestMeta) -> Result<Vec<String>, AppError>;
    async fn add_restriction(&self, meta: &RequestMeta, domain: String) -> Result<(), AppError>;
    async fn remove_restriction(&self, meta: &RequestMeta, domain: String) -> Result<(), AppError>;
    /// The constructed e-mail's link: confirms control; the domain's name.
    async fn confirm_email(&self, domain_id: i32, value: String) -> Result<String, AppError>;
}

/// Credits and balances (FIN-2): the billing page, a group's finances and allocations, and
/// the operator's grants. Every call checks the caller's permission (or operator status).
#[async_trait]
pub trait BillingApi: Send + Sync {
    /// Needs `ViewFinance`.
    async fn billing_page(
        &self,
        meta: &RequestMeta,
        page: Option<u64>,
    ) -> Result<crate::model::billing::BillingPage, AppError>;
    /// A group of the caller's account. Needs `ViewFinance`.
    async fn group_finance(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        page: Option<u64>,
    ) -> Result<crate::model::billing::GroupFinance, AppError>;
    /// Moves credits between the account balance and a group. Needs `AllocateCredits`.
    async fn allocate(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        direction: crate::model::billing::Allocation,
        form: crate::model::billing::CreditForm,
    ) -> Result<(), AppError>;
    /// A customer account's credits. Operator users only.
    async fn account_credits(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        page: Option<u64>,
    ) -> Result<crate::model::billing::AccountCredits, AppError>;
    /// Grants credits to a customer account. Operator users only.
    async fn grant_credits(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        form: crate::model::billing::CreditForm,
    ) -> Result<(), AppError>;
}

/// Products and prices (ORD-1): the operator's public products, an account's private CAs and
/// private products, and what an account may order. Every call checks the caller's rule.
#[async_trait]
pub trait CatalogApi: Send + Sync {
    /// Operator users only.
    async fn public_products(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::products::PublicProductsPage, AppError>;
    async fn add_public_product(
        &self,
        meta: &RequestMeta,
        form: crate::model::products::PublicProductForm,
    ) -> Result<i32, AppError>;
    async fn update_public_product(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: crate::model::products::PublicProductForm,
    ) -> Result<(), AppError>;
    async fn set_public_product_active(
        &self,
        meta: &RequestMeta,
        id: i32,
        active: bool,
    ) -> Result<(), AppError>;
    async fn set_public_price(
        &self,
        meta: &RequestMeta,
        product_id: i32,
        form: crate::model::products::PriceForm,
    ) -> Result<(), AppError>;
    /// `ManageCas`.
    async fn private_cas(
        &self,
        meta: &RequestMeta,
    ) -> Result<Vec<crate::model::products::PrivateCaView>, AppError>;
    /// Returns the new CA's name.
    async fn create_private_ca(&self, meta: &RequestMeta, name: String)
    -> Result<String, AppError>;
    /// `ManageProducts`.
    async fn private_products(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::products::PrivateProductsPage, AppError>;
    async fn add_private_product(
        &self,
        meta: &RequestMeta,
        form: crate::model::products::PrivateProductForm,
    ) -> Result<i32, AppError>;
    async fn update_private_product(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: crate::model::products::PrivateProductForm,
    ) -> Result<(), AppError>;
    async fn set_private_product_active(
        &self,
        meta: &RequestMeta,
        id: i32,
        active: bool,
    ) -> Result<(), AppError>;
    /// What the caller's account may order, priced in `currency`. `RequestCertificates`.
    async fn offers(
        &self,
        meta: &RequestMeta,
        currency: String,
    ) -> Result<Vec<crate::model::products::Offer>, AppError>;
}

/// S/MIME mailbox-validated certificates (VAL-5): the order, the mailbox verification (its
/// link is public: the mailed value is the proof) and the activation that issues.
#[async_trait]
pub trait SmimeApi: Send + Sync {
    /// What the "New S/MIME order" page offers. `RequestCertificates`.
    async fn new_data(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::smime::SmimeNewData, AppError>;
    /// Places and pays (or submits for approval) an S/MIME order; its id.
    async fn place(
        &self,
        meta: &RequestMeta,
        form: crate::model::smime::SmimeOrderForm,
    ) -> Result<i32, AppError>;
    /// An S/MIME order of the caller's account the caller may see.
    async fn view(
        &self,
        meta: &RequestMeta,
        id: i32,
    ) -> Result<crate::model::smime::SmimeView, AppError>;
    /// Provides (or corrects, before it is verified) the address; what happened, in words.
    async fn provide_email(
        &self,
        meta: &RequestMeta,
        id: i32,
        email: String,
    ) -> Result<String, AppError>;
    /// Sends a new verification link; what happened, in words.
    async fn resend(&self, meta: &RequestMeta, id: i32) -> Result<String, AppError>;
    async fn activate(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: crate::model::smime::ActivationForm,
    ) -> Result<(), AppError>;
    /// The mailed link's button (public); the verified address.
    async fn verify(&self, value: String) -> Result<String, AppError>;
}

/// The "ACME APIs" settings page (INT-2): External Account Binding credentials of the
/// caller's account. `ManageSettings`.
#[async_trait]
pub trait AcmeApi: Send + Sync {
    async fn credentials(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::acme::AcmeCredentialsPage, AppError>;
    /// Makes a credential; the answer is the only time its HMAC key is shown.
    async fn create_credential(
        &self,
        meta: &RequestMeta,
        form: crate::model::acme::AcmeCredentialForm,
    ) -> Result<crate::model::acme::AcmeCredentialCreated, AppError>;
    async fn revoke_credential(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
    /// Marks an ACME order's certificate for early renewal (RFC 9773): its suggested renewal
    /// window moves to now. `ApproveOrders`.
    async fn renew_early(&self, meta: &RequestMeta, order_id: i32) -> Result<(), AppError>;
}

/// Everything the portal can call, provided to server functions as Leptos context.
#[derive(Clone)]
pub struct Backend {
    pub identity: Arc<dyn IdentityApi>,
    pub passkeys: Arc<dyn PasskeyApi>,
    pub access: Arc<dyn AccessApi>,
    pub operator: Arc<dyn OperatorApi>,
    pub orders: Arc<dyn OrdersApi>,
    pub domains: Arc<dyn DomainsApi>,
    pub billing: Arc<dyn BillingApi>,
    pub catalog: Arc<dyn CatalogApi>,
    pub smime: Arc<dyn SmimeApi>,
    pub acme: Arc<dyn AcmeApi>,
}
