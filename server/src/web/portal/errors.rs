//! Where a service's error becomes what a user may see: once, by `From`, so the portal's
//! adapters use `?`. Internal detail goes to the log under an incident id.

use app::{error::AppError, model::FieldErrors};

use crate::services::{
    access::AccessError,
    acme::AcmeError,
    api_keys::ApiKeyError,
    billing::BillingError,
    catalog::CatalogError,
    identity::{IdentityError, email_taken_errors},
    orders::OrderError,
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
            IdentityError::EmailTaken => {
                AppError::Validation(email_taken_errors())
            }
            IdentityError::AlreadyMember => AppError::Validation(FieldErrors::single(
                "email",
                "A user with this e-mail address already belongs to this account.",
            )),
            IdentityError::AlreadyInvited => AppError::Validation(FieldErrors::single(
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
}

/// An invitation link's refusals say what to do about an invitation, not an activation.
pub(super) fn invitation_error(e: IdentityError) -> AppError {
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
            | BillingError::Refused(_)) => AppError::Conflict(e.to_string()),
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
            AcmeError::Malformed(m) => AppError::Conflict(m),
            other => incident(&other),
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
            "Enter your full name.",
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
        assert_eq!(
            e,
            AppError::Conflict("Insufficient balance: USD 10.00 available, USD 25.00 needed. Payments in the portal are not available yet: the Rootline operator adds credit to your account (Operator, Accounts, your account, Credits). An administrator of your account then allocates credits to groups that pay from their own balance.".into())
        );
        let e = AppError::from(BillingError::SpendLimitExceeded {
            limit_minor: 10_000,
            spent_minor: 9_000,
            needed_minor: 2_500,
            currency: "INR".into(),
        });
        assert!(
            matches!(&e, AppError::Conflict(m) if m.contains("INR 100.00") && m.contains("raise")),
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
