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
            .allocate(
                &caller,
                group_id,
                direction,
                &form,
                Some(meta.ip.to_string()),
            )
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
    use axum::{
        body::Body,
        http::{Request, StatusCode, header},
    };
    use tower::ServiceExt;

    use super::*;
    use crate::{
        services::identity::test_support::{PASSWORD, harness},
        web::{
            authorization_matrix::{app, call},
            cookies::SESSION_COOKIE,
        },
    };

    async fn page(app: &axum::Router, path: &str, session: &str) -> (StatusCode, String) {
        let response = app
            .clone()
            .oneshot(
                Request::get(path)
                    .header(header::HOST, "portal.test")
                    .header(header::COOKIE, format!("{SESSION_COOKIE}={session}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 22)
            .await
            .unwrap();
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The operator grants credits through the server function; the customer's billing page
    /// and group page show them, and an allocation beyond the balance is refused on the field.
    #[tokio::test]
    async fn granted_credits_show_on_the_billing_and_group_pages() {
        let h = harness().await;
        let customer = h.signed_in("first@example.com").await;
        let invite = h
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
        h.service
            .activate(&token, PASSWORD, PASSWORD, None)
            .await
            .unwrap();
        let operator = h.sign_in("ops@rootline.test").await;
        let app = app(&h).await;
        // The first listing makes the account's default group (id 1).
        call(&app, "/api/groups/list", "", Some(&customer)).await;
        let (status, body) = call(
            &app,
            "/api/operator/credits/grant",
            "account_id=1&amount=2%2C500.50&remarks=Offline+payment+42",
            Some(&operator),
        )
        .await;
        assert!(
            status.is_success() || status.is_redirection(),
            "{status} {body}"
        );
        let (status, html) = page(&app, "/operator/accounts/1/credits", &operator).await;
        assert_eq!(status, StatusCode::OK);
        for text in ["Grant credits", "USD 2,500.50", "Offline payment 42"] {
            assert!(html.contains(text), "{text}: {html}");
        }

        let (status, html) = page(&app, "/billing", &customer).await;
        assert_eq!(status, StatusCode::OK);
        for text in [
            "Account balance",
            "USD 2,500.50",
            "Credits granted",
            "Default group",
        ] {
            assert!(html.contains(text), "{text}: {html}");
        }
        let (status, html) = page(&app, "/groups/1", &customer).await;
        assert_eq!(status, StatusCode::OK);
        for text in ["Credits", "Credit history", "The account balance"] {
            assert!(html.contains(text), "{text}: {html}");
        }
        // The default group pays from the account balance: no allocation form.
        assert!(!html.contains("Allocate credits"), "{html}");

        // A group that pays from its own balance gets the form, and refuses an overdraft.
        h.store
            .execute_raw("UPDATE groups SET finance_mode = 'group' WHERE id = 1")
            .await
            .unwrap();
        let (_, html) = page(&app, "/groups/1", &customer).await;
        assert!(html.contains("Allocate credits"), "{html}");
        let (status, body) = call(
            &app,
            "/api/billing/allocate",
            "group_id=1&direction=allocate&amount=3000&remarks=Budget",
            Some(&customer),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.contains("USD 2,500.50"), "{body}");
    }

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
