//! `BillingApi` for the portal: balances, statements, allocations and the operator's grants.

use app::{
    error::AppError,
    model::billing::{AccountCredits, Allocation, BillingPage, CreditForm, GroupFinance},
    ports::{BillingApi, RequestMeta},
};
use async_trait::async_trait;

use super::Portal;

#[async_trait]
impl BillingApi for Portal {
    async fn billing_page(
        &self,
        meta: &RequestMeta,
        page: Option<u64>,
    ) -> Result<BillingPage, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.billing.billing_page(&caller, page).await?)
    }

    async fn group_finance(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        page: Option<u64>,
    ) -> Result<GroupFinance, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.billing.group_finance(&caller, group_id, page).await?)
    }

    async fn allocate(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        direction: Allocation,
        form: CreditForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .billing
            .allocate(
                &caller,
                group_id,
                direction,
                &form,
                Some(meta.ip.to_string()),
            )
            .await?)
    }

    async fn ledger_statement(
        &self,
        meta: &RequestMeta,
        query: app::model::statement::StatementQuery,
    ) -> Result<app::model::statement::StatementView, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.billing.ledger_statement(&caller, &query).await?)
    }

    async fn tax_details(
        &self,
        meta: &RequestMeta,
    ) -> Result<app::model::gst_states::TaxDetails, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.billing.tax_details(&caller).await?)
    }

    async fn set_tax_details(
        &self,
        meta: &RequestMeta,
        form: app::model::gst_states::TaxDetailsForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .billing
            .set_tax_details(&caller, &form, Some(meta.ip.to_string()))
            .await?)
    }

    async fn low_balance_alerts(
        &self,
        meta: &RequestMeta,
    ) -> Result<app::model::low_balance::LowBalanceAlerts, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.billing.low_balance_alerts(&caller).await?)
    }

    async fn set_low_balance_alert(
        &self,
        meta: &RequestMeta,
        form: app::model::low_balance::LowBalanceForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .billing
            .set_low_balance_alert(&caller, &form, Some(meta.ip.to_string()))
            .await?)
    }

    async fn remove_low_balance_alert(
        &self,
        meta: &RequestMeta,
        group: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        let balance =
            app::model::low_balance::AlertedBalance::from_form(&group).ok_or(AppError::NotFound)?;
        Ok(self
            .billing
            .remove_low_balance_alert(&caller, balance, Some(meta.ip.to_string()))
            .await?)
    }

    async fn account_credits(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        page: Option<u64>,
    ) -> Result<AccountCredits, AppError> {
        let operator = self.caller(meta).await?;
        Ok(self
            .billing
            .account_credits(&operator, account_id, page)
            .await?)
    }

    async fn grant_credits(
        &self,
        meta: &RequestMeta,
        account_id: i32,
        form: CreditForm,
    ) -> Result<(), AppError> {
        let operator = self.caller(meta).await?;
        Ok(self
            .billing
            .grant_credits(&operator, account_id, &form, Some(meta.ip.to_string()))
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use axum::{
        body::Body,
        http::{Request, StatusCode, header},
    };
    use tower::ServiceExt;

    use crate::{
        services::identity::test_support::harness,
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
        let operator = h.signed_in_operator().await;
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
}
