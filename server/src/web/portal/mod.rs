//! The portal's backend: one adapter per `app::ports` trait over the services. An adapter
//! only establishes who is calling (the session); the service it calls decides what the
//! caller may do, and service errors become what a user may see once, in `errors`.

mod access;
mod acme;
mod billing;
mod catalog;
mod domains;
mod errors;
mod identity;
mod operator;
mod orders;
mod organizations;
mod partners;
mod passkeys;
mod payments;
mod revocations;
mod smime;
mod vetting;

use std::sync::Arc;

use app::{
    error::AppError,
    ports::{RequestMeta, SecondFactorStep, SetCookie, SignedIn},
};

pub use acme::AcmePortal;
pub use catalog::CatalogPortal;
pub use errors::incident;
pub use organizations::OrganizationsPortal;
pub use partners::PartnersPortal;
pub use payments::PaymentsPortal;
pub use revocations::RevocationsPortal;
pub use vetting::VettingPortal;

use super::cookies::{lang_cookie, session_cookie};
use crate::{
    domain::client_limits::ThrottleScope,
    ports::Clock,
    services::{
        access::AccessService,
        api_keys::ApiKeyService,
        billing::BillingService,
        identity::{Caller, IdentityService, NewSession, SecondFactor},
        orders::OrderService,
        throttle::{Throttle, ThrottleError},
        validation::ValidationService,
    },
};

pub struct Portal {
    pub identity: Arc<IdentityService>,
    pub access: Arc<AccessService>,
    pub api_keys: Arc<ApiKeyService>,
    pub orders: Arc<OrderService>,
    pub validation: Arc<ValidationService>,
    pub billing: Arc<BillingService>,
    pub clock: Arc<dyn Clock>,
    /// Per-client limits on the public calls (sign-up, tracking links, domain checks).
    pub throttle: Arc<Throttle>,
    pub secure_cookies: bool,
    /// `https://…/sign-in/certificate` on the HTTPS listener, when there is one.
    pub certificate_sign_in_url: Option<String>,
}

/// Counts a public call against its client's allowance, or refuses it.
pub async fn admit(
    throttle: &Throttle,
    scope: ThrottleScope,
    client: std::net::IpAddr,
) -> Result<(), AppError> {
    match throttle.admit(scope, client).await {
        Ok(()) => Ok(()),
        Err(ThrottleError::Limited { retry_after_secs }) => {
            Err(AppError::RateLimited { retry_after_secs })
        }
        Err(e) => Err(incident(&e)),
    }
}

/// The signed-in caller behind the request's session, whatever their role: a live session of
/// an active user who is still an active member of the account. What they may do is the
/// service's decision.
async fn caller(identity: &IdentityService, meta: &RequestMeta) -> Result<Caller, AppError> {
    let token = meta
        .session_token
        .as_deref()
        .ok_or(AppError::Unauthenticated)?;
    identity
        .caller(token)
        .await?
        .ok_or(AppError::Unauthenticated)
}

/// The session cookie's token, for the steps of a sign-in that owe their second factor.
fn session_token(meta: &RequestMeta) -> Result<&str, AppError> {
    meta.session_token
        .as_deref()
        .ok_or(AppError::Unauthenticated)
}

impl Portal {
    /// The cookie and next step of a session just opened.
    fn new_session(&self, session: &NewSession, secure: bool) -> SignedIn {
        SignedIn {
            cookie: SetCookie(session_cookie(
                &session.token,
                session.expires_at,
                self.clock.now(),
                secure,
            )),
            lang_cookie: session
                .lang
                .map(|lang| SetCookie(lang_cookie(lang, secure))),
            choose_account: session.choose_account,
            second_factor: session.second_factor.map(second_factor_step),
        }
    }

    async fn caller(&self, meta: &RequestMeta) -> Result<Caller, AppError> {
        caller(&self.identity, meta).await
    }
}

/// The second factor a session still owes, as the portal names its step.
fn second_factor_step(f: SecondFactor) -> SecondFactorStep {
    match f {
        SecondFactor::Enrol => SecondFactorStep::Enrol,
        SecondFactor::Code => SecondFactorStep::Code,
    }
}
