//! Where a service's error becomes what a user may see: once, by `From`, so the portal's
//! adapters use `?`. Internal detail goes to the log under an incident id.

use app::i18n::Msg;
use app::{error::AppError, model::FieldErrors};

use crate::services::{
    access::AccessError,
    acme::AcmeError,
    api_keys::ApiKeyError,
    billing::BillingError,
    catalog::CatalogError,
    identity::{IdentityError, email_taken_errors},
    orders::OrderError,
    organizations::OrganizationError,
    validation::ValidationError,
};

/// Logs an unexpected failure in full and gives the user an id to quote.
pub fn incident(error: &dyn std::error::Error) -> AppError {
    let incident_id = uuid::Uuid::new_v4().simple().to_string();
    let incident_id = incident_id.get(..12).unwrap_or(&incident_id).to_owned();
    tracing::error!(%incident_id, error = %error, "request failed");
    AppError::Internal { incident_id }
}

impl From<IdentityError> for AppError {
    fn from(e: IdentityError) -> Self {
        match e {
            IdentityError::Invalid(errors) => AppError::Validation(errors),
            IdentityError::EmailTaken => AppError::Validation(email_taken_errors()),
            IdentityError::AlreadyMember => AppError::Validation(FieldErrors::single(
                "email",
                Msg::new("err-user-mail-address-already-belongs"),
            )),
            IdentityError::AlreadyInvited => AppError::Validation(FieldErrors::single(
                "email",
                Msg::new("err-address-was-invited-already-has"),
            )),
            IdentityError::NotInvited => {
                AppError::Conflict(Msg::new("err-invitation-another-user-sign-out"))
            }
            IdentityError::NotMember
            | IdentityError::NoSuchPasskey
            | IdentityError::NoSuchLoginCertificate => AppError::NotFound,
            IdentityError::CertificateRefused(reason) => AppError::Conflict(reason.msg()),
            IdentityError::Deactivated => {
                AppError::Conflict(Msg::new("err-administrator-has-deactivated-user-so"))
            }
            IdentityError::NoPendingSignIn | IdentityError::NoSession => AppError::Unauthenticated,
            IdentityError::CannotUse(reason) => AppError::Conflict(reason),
            IdentityError::NotWaiting => {
                AppError::Conflict(Msg::new("err-account-not-waiting-approval-any"))
            }
            IdentityError::LinkInvalid => {
                AppError::Conflict(Msg::new("err-activation-link-not-valid-check"))
            }
            IdentityError::LinkExpired => {
                AppError::Conflict(Msg::new("err-activation-link-has-expired-links"))
            }
            IdentityError::LinkUsed => {
                AppError::Conflict(Msg::new("err-activation-link-has-already-been"))
            }
            IdentityError::BadCredentials => AppError::InvalidCredentials,
            IdentityError::AccountUnavailable(status) => AppError::Conflict(
                Msg::new("err-account-status-so-you-cannot").arg("status", status),
            ),
            IdentityError::RateLimited { retry_after_secs } => {
                AppError::RateLimited { retry_after_secs }
            }
            other @ (IdentityError::Hashing(_)
            | IdentityError::Store(_)
            | IdentityError::Sealing(_)) => incident(&other),
        }
    }
}

/// An invitation link's refusals say what to do about an invitation, not an activation.
pub(super) fn invitation_error(e: IdentityError) -> AppError {
    match e {
        IdentityError::LinkInvalid => {
            AppError::Conflict(Msg::new("err-invitation-link-not-valid-check"))
        }
        IdentityError::LinkExpired => {
            AppError::Conflict(Msg::new("err-invitation-has-expired-invitations-valid"))
        }
        IdentityError::LinkUsed => {
            AppError::Conflict(Msg::new("err-invitation-has-already-been-answered"))
        }
        IdentityError::AlreadyMember => {
            AppError::Conflict(Msg::new("err-you-already-belong-account-choose"))
        }
        other => AppError::from(other),
    }
}

impl From<AccessError> for AppError {
    fn from(e: AccessError) -> Self {
        match e {
            AccessError::Unauthenticated => AppError::Unauthenticated,
            AccessError::Forbidden(_) | AccessError::OperatorOnly => AppError::Forbidden,
            AccessError::NotFound => AppError::NotFound,
            AccessError::Invalid(errors) => AppError::Validation(errors),
            AccessError::Refused(reason) => AppError::Conflict(reason),
            AccessError::Identity(e) => Self::from(e),
            other @ (AccessError::Store(_) | AccessError::Export(_)) => incident(&other),
        }
    }
}

impl From<OrderError> for AppError {
    fn from(e: OrderError) -> Self {
        match e {
            OrderError::NotFound => AppError::NotFound,
            OrderError::Forbidden(_) => AppError::Forbidden,
            OrderError::Invalid(errors) => AppError::Validation(errors),
            OrderError::Refused(reason) => AppError::Conflict(reason),
            other @ (OrderError::Store(_)
            | OrderError::Ca(_)
            | OrderError::Catalog(_)
            | OrderError::Export(_)) => incident(&other),
        }
    }
}

impl From<ValidationError> for AppError {
    fn from(e: ValidationError) -> Self {
        Self::from(OrderError::from(e))
    }
}

impl From<ApiKeyError> for AppError {
    fn from(e: ApiKeyError) -> Self {
        match e {
            ApiKeyError::Unauthenticated => AppError::Unauthenticated,
            ApiKeyError::Forbidden(_) | ApiKeyError::AddressRefused(_) => AppError::Forbidden,
            ApiKeyError::NotFound => AppError::NotFound,
            ApiKeyError::Invalid(errors) => AppError::Validation(errors),
            ApiKeyError::Refused(reason) => AppError::Conflict(reason),
            ApiKeyError::Identity(e) => Self::from(e),
            other @ ApiKeyError::Store(_) => incident(&other),
        }
    }
}

/// Maps a billing refusal to what the user sees; the messages say what to do next.
impl From<BillingError> for AppError {
    fn from(e: BillingError) -> Self {
        match e {
            BillingError::Forbidden(_) | BillingError::OperatorOnly => AppError::Forbidden,
            BillingError::NotFound => AppError::NotFound,
            BillingError::Invalid(errors) => AppError::Validation(errors),
            e @ (BillingError::InsufficientBalance { .. }
            | BillingError::SpendLimitExceeded { .. }
            | BillingError::AlreadyCharged { .. }
            | BillingError::Refused(_)) => AppError::Conflict(e.user_msg()),
            other @ (BillingError::CurrencyMismatch { .. } | BillingError::Store(_)) => {
                incident(&other)
            }
        }
    }
}

impl From<CatalogError> for AppError {
    fn from(e: CatalogError) -> Self {
        match e {
            CatalogError::Forbidden(_) | CatalogError::OperatorOnly => AppError::Forbidden,
            CatalogError::NotFound => AppError::NotFound,
            CatalogError::Invalid(errors) => AppError::Validation(errors),
            CatalogError::NotOffered(reason) => AppError::Conflict(reason),
            other @ (CatalogError::Corrupt { .. }
            | CatalogError::Ca(_)
            | CatalogError::Store(_)) => incident(&other),
        }
    }
}

impl From<AcmeError> for AppError {
    fn from(e: AcmeError) -> Self {
        match e {
            AcmeError::InvalidField { field, message } => {
                AppError::Validation(FieldErrors::single(field, message))
            }
            AcmeError::Unauthorized(_) => AppError::Forbidden,
            AcmeError::NotFound => AppError::NotFound,
            // The ACME layer words its problems for clients, in English; the portal says what
            // kind of problem it is around that detail.
            AcmeError::Malformed(m) => {
                AppError::Conflict(Msg::new("err-bad-request").arg("detail", m))
            }
            other => incident(&other),
        }
    }
}

impl From<crate::services::partners::PartnerError> for AppError {
    fn from(e: crate::services::partners::PartnerError) -> Self {
        use crate::services::partners::PartnerError;
        match e {
            PartnerError::Forbidden(_) => AppError::Forbidden,
            PartnerError::NotFound => AppError::NotFound,
            PartnerError::Invalid(errors) => AppError::Validation(errors),
            PartnerError::Refused(reason) => AppError::Conflict(reason),
            PartnerError::Identity(e) => e.into(),
            other @ PartnerError::Store(_) => incident(&other),
        }
    }
}

impl From<OrganizationError> for AppError {
    fn from(e: OrganizationError) -> Self {
        match e {
            OrganizationError::Forbidden(_) => AppError::Forbidden,
            OrganizationError::NotFound => AppError::NotFound,
            OrganizationError::Invalid(errors) => AppError::Validation(errors),
            OrganizationError::Refused(reason) => AppError::Conflict(reason),
            other @ (OrganizationError::Export(_) | OrganizationError::Store(_)) => {
                incident(&other)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use app::model::FieldErrors;

    use super::*;

    #[test]
    fn wrong_password_and_unknown_user_map_to_one_message() {
        assert_eq!(
            AppError::from(IdentityError::BadCredentials),
            AppError::InvalidCredentials
        );
    }

    #[test]
    fn a_taken_email_is_a_message_on_the_email_field() {
        let e = AppError::from(IdentityError::EmailTaken);
        assert!(e.field("email").unwrap().contains("already exists"));
    }

    #[test]
    fn store_failures_reach_the_user_only_as_an_incident_id() {
        let e = AppError::from(IdentityError::Hashing("secret detail".into()));
        assert!(matches!(e, AppError::Internal { .. }));
        assert!(!e.to_string().contains("secret detail"));
    }

    #[test]
    fn field_errors_pass_through() {
        let e = AppError::from(IdentityError::Invalid(FieldErrors::single(
            "name",
            Msg::new("err-enter-full-name"),
        )));
        assert_eq!(e.field("name").as_deref(), Some("Enter your full name."));
    }

    #[test]
    fn refusals_and_faults_map_to_what_a_user_may_see() {
        assert_eq!(
            AppError::from(CatalogError::OperatorOnly),
            AppError::Forbidden
        );
        assert_eq!(AppError::from(CatalogError::NotFound), AppError::NotFound);
        let fault = AppError::from(CatalogError::Corrupt {
            id: 1,
            reason: "secret detail".into(),
        });
        assert!(matches!(fault, AppError::Internal { .. }));
        assert!(!fault.to_string().contains("secret detail"));
    }

    #[test]
    fn refusals_reach_the_user_with_what_to_do_and_faults_as_an_incident() {
        let e = AppError::from(BillingError::InsufficientBalance {
            balance_minor: 1_000,
            needed_minor: 2_500,
            currency: "USD".into(),
        });
        let AppError::Conflict(m) = &e else {
            panic!("{e:?}")
        };
        assert_eq!(
            m.text(app::i18n::Lang::En),
            "Insufficient balance: USD 10.00 available, USD 25.00 needed. Payments in the portal are not available yet: the Rootline operator adds credit to your account (Operator, Accounts, your account, Credits). An administrator of your account then allocates credits to groups that pay from their own balance."
        );
        assert!(
            m.text(app::i18n::Lang::Pl)
                .starts_with("Niewystarczające saldo: dostępne USD 10.00"),
            "{}",
            m.text(app::i18n::Lang::Pl)
        );
        let e = AppError::from(BillingError::SpendLimitExceeded {
            limit_minor: 10_000,
            spent_minor: 9_000,
            needed_minor: 2_500,
            currency: "INR".into(),
        });
        assert!(
            matches!(&e, AppError::Conflict(m) if m.to_string().contains("INR 100.00") && m.to_string().contains("raise")),
            "{e:?}"
        );
        assert_eq!(
            AppError::from(BillingError::Forbidden(
                app::model::Permission::AllocateCredits
            )),
            AppError::Forbidden
        );
        assert_eq!(AppError::from(BillingError::NotFound), AppError::NotFound);
        assert!(matches!(
            AppError::from(BillingError::CurrencyMismatch {
                expected: "USD".into(),
                got: "INR".into()
            }),
            AppError::Internal { .. }
        ));
    }
}
