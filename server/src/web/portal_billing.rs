//! `BillingApi` for the portal: balances, statements, allocations and the operator's grants.
//! `billing_error` is the one place a `BillingError` becomes what a user sees.

use app::{
    error::AppError,
    model::{
        Permission,
        billing::{AccountCredits, Allocation, BillingPage, CreditForm, GroupFinance},
    },
    ports::{BillingApi, RequestMeta},
};
use async_trait::async_trait;

use super::portal::{Portal, incident};
use crate::services::billing::BillingError;

/// Maps a billing refusal to what the user sees; the messages say what to do next.
pub fn billing_error(e: BillingError) -> AppError {
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

#[async_trait]
impl BillingApi for Portal {
    async fn billing_page(
        &self,
        meta: &RequestMeta,
        page: Option<u64>,
    ) -> Result<BillingPage, AppError> {
        let caller = self.caller(meta, Permission::ViewFinance).await?;
        self.billing
            .billing_page(&caller, page)
            .await
            .map_err(billing_error)
    }

    async fn group_finance(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        page: Option<u64>,
    ) -> Result<GroupFinance, AppError> {
        let caller = self.caller(meta, Permission::ViewFinance).await?;
        self.billing
            .group_finance(&caller, group_id, page)
            .await
            .map_err(billing_error)
    }

    async fn allocate(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        direction: Allocation,
        form: CreditForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::AllocateCredits).await?;
        self.billing
            .allocate(&caller, group_id, direction, &form, Some(meta.ip.to_string()))
            .await
            .map_err(billing_error)
    }

    async fn account_credits(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        page: Option<u64>,
    ) -> Result<AccountCredits, AppError> {
        let operator = self.operator(meta).await?;
        self.billing
            .account_credits(&operator, account_id, page)
            .await
            .map_err(billing_error)
    }

    async fn grant_credits(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        form: CreditForm,
    ) -> Result<(), AppError> {
        let operator = self.operator(meta).await?;
        self.billing
            .grant_credits(&operator, account_id, &form, Some(meta.ip.to_string()))
            .await
            .map_err(billing_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_reach_the_user_with_what_to_do_and_faults_as_an_incident() {
        let e = billing_error(BillingError::InsufficientBalance {
            balance_minor: 1_000,
            needed_minor: 2_500,
            currency: "USD".into(),
        });
        assert_eq!(
            e,
            AppError::Conflict("Insufficient balance: USD 10.00 available, USD 25.00 needed. Add credits or ask an administrator to allocate credits to the group.".into())
        );
        let e = billing_error(BillingError::SpendLimitExceeded {
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
            billing_error(BillingError::Forbidden(Permission::AllocateCredits)),
            AppError::Forbidden
        );
        assert_eq!(billing_error(BillingError::NotFound), AppError::NotFound);
        assert!(matches!(
            billing_error(BillingError::CurrencyMismatch {
                expected: "USD".into(),
                got: "INR".into()
            }),
            AppError::Internal { .. }
        ));
    }
}
