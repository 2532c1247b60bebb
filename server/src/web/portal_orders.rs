//! `OrdersApi` and `DomainsApi` for the portal: orders, their approval and tracking, and the
//! account's domains.

use app::{
    error::AppError,
    model::{
        Permission,
        domains::{AddDomainForm, DomainsPage},
        order_actions::{
            ChangeNamesForm, EditOrderForm, ReissueForm, ReminderSettings, RenewForm, RevokeForm,
        },
        orders::{
            OrderForm, OrderView, OrdersPage, OrdersQuery, PlacedOrder, TrackingView, WizardData,
        },
    },
    ports::{DomainsApi, OrdersApi, RequestMeta},
};
use async_trait::async_trait;

use super::portal::{Portal, admit, incident};
use crate::domain::client_limits::ThrottleScope;
use crate::services::{
    orders::OrderError,
    validation::{CheckOutcome, ValidationError},
};

pub(super) fn order_error(e: OrderError) -> AppError {
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

fn validation_error(e: ValidationError) -> AppError {
    order_error(e.into())
}

fn outcome_text(o: CheckOutcome) -> String {
    match o {
        CheckOutcome::Verified { until } => format!(
            "Domain control verified; it can be reused until {}.",
            until.format("%Y-%m-%d")
        ),
        CheckOutcome::NotYet(why) => format!("Not verified yet: {why}"),
        CheckOutcome::EmailSent(to) => {
            format!("The validation e-mail went to {to}. Its link works for 24 hours.")
        }
    }
}

#[async_trait]
impl OrdersApi for Portal {
    async fn wizard(&self, meta: &RequestMeta) -> Result<WizardData, AppError> {
        let caller = self.caller(meta, Permission::RequestCertificates).await?;
        self.orders.wizard(&caller).await.map_err(order_error)
    }

    async fn place(&self, meta: &RequestMeta, form: OrderForm) -> Result<PlacedOrder, AppError> {
        let caller = self.caller(meta, Permission::RequestCertificates).await?;
        self.orders
            .place(&caller, &form.to_command())
            .await
            .map_err(order_error)
    }

    async fn orders(&self, meta: &RequestMeta, query: OrdersQuery) -> Result<OrdersPage, AppError> {
        let caller = self.signed_in(meta).await?;
        self.orders
            .orders_page(&caller, &query)
            .await
            .map_err(order_error)
    }

    async fn order(&self, meta: &RequestMeta, id: i32) -> Result<OrderView, AppError> {
        let caller = self.signed_in(meta).await?;
        self.orders
            .order_view(&caller, id)
            .await
            .map_err(order_error)
    }

    async fn approve(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ApproveOrders).await?;
        self.orders
            .approve(&caller, id)
            .await
            .map(|_| ())
            .map_err(order_error)
    }

    async fn reject(&self, meta: &RequestMeta, id: i32, reason: String) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ApproveOrders).await?;
        self.orders
            .reject(&caller, id, &reason)
            .await
            .map(|_| ())
            .map_err(order_error)
    }

    async fn pay_draft(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::RequestCertificates).await?;
        self.orders
            .pay_draft(&caller, id)
            .await
            .map(|_| ())
            .map_err(order_error)
    }

    async fn cancel(&self, meta: &RequestMeta, id: i32, remarks: String) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::RequestCertificates).await?;
        self.orders
            .cancel(&caller, id, &remarks)
            .await
            .map(|_| ())
            .map_err(order_error)
    }

    async fn submit_csr(&self, meta: &RequestMeta, id: i32, csr: String) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::RequestCertificates).await?;
        self.orders
            .submit_csr(&caller, id, &csr)
            .await
            .map(|_| ())
            .map_err(order_error)
    }

    async fn revoke(&self, meta: &RequestMeta, form: RevokeForm) -> Result<(), AppError> {
        let caller = self.signed_in(meta).await?;
        self.orders
            .revoke(&caller, &form)
            .await
            .map_err(order_error)
    }

    async fn reissue(
        &self,
        meta: &RequestMeta,
        form: ReissueForm,
    ) -> Result<PlacedOrder, AppError> {
        let caller = self.caller(meta, Permission::RequestCertificates).await?;
        self.orders
            .reissue(&caller, &form)
            .await
            .map_err(order_error)
    }

    async fn change_names(
        &self,
        meta: &RequestMeta,
        form: ChangeNamesForm,
    ) -> Result<PlacedOrder, AppError> {
        let caller = self.caller(meta, Permission::RequestCertificates).await?;
        self.orders
            .change_names(&caller, &form)
            .await
            .map_err(order_error)
    }

    async fn renew(&self, meta: &RequestMeta, form: RenewForm) -> Result<PlacedOrder, AppError> {
        let caller = self.caller(meta, Permission::RequestCertificates).await?;
        self.orders.renew(&caller, &form).await.map_err(order_error)
    }

    async fn edit(&self, meta: &RequestMeta, form: EditOrderForm) -> Result<(), AppError> {
        let caller = self.signed_in(meta).await?;
        self.orders.edit(&caller, &form).await.map_err(order_error)
    }

    async fn reminder_settings(&self, meta: &RequestMeta) -> Result<ReminderSettings, AppError> {
        let caller = self.caller(meta, Permission::ManageSettings).await?;
        self.orders
            .reminder_settings(&caller)
            .await
            .map_err(order_error)
    }

    async fn set_reminder_days(&self, meta: &RequestMeta, days: String) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageSettings).await?;
        self.orders
            .set_reminder_days(&caller, &days)
            .await
            .map_err(order_error)
    }

    async fn tracking(&self, meta: &RequestMeta, token: String) -> Result<TrackingView, AppError> {
        admit(&self.throttle, ThrottleScope::Tracking, meta.ip).await?;
        self.orders.tracking(&token).await.map_err(order_error)
    }

    async fn tracking_method(
        &self,
        meta: &RequestMeta,
        token: String,
        domain_id: i32,
        method: String,
    ) -> Result<(), AppError> {
        admit(&self.throttle, ThrottleScope::Tracking, meta.ip).await?;
        self.orders
            .tracking_change_method(&token, domain_id, &method)
            .await
            .map_err(order_error)
    }

    async fn tracking_verify(
        &self,
        meta: &RequestMeta,
        token: String,
        domain_id: i32,
    ) -> Result<String, AppError> {
        admit(&self.throttle, ThrottleScope::Tracking, meta.ip).await?;
        // Verify Now looks the domain up or mails its validation link again.
        admit(&self.throttle, ThrottleScope::DomainCheck, meta.ip).await?;
        self.orders
            .tracking_verify(&token, domain_id)
            .await
            .map(outcome_text)
            .map_err(order_error)
    }

    async fn tracking_csr(
        &self,
        meta: &RequestMeta,
        token: String,
        csr: String,
    ) -> Result<(), AppError> {
        admit(&self.throttle, ThrottleScope::Tracking, meta.ip).await?;
        self.orders
            .tracking_submit_csr(&token, &csr)
            .await
            .map(|_| ())
            .map_err(order_error)
    }
}

#[async_trait]
impl DomainsApi for Portal {
    async fn domains(&self, meta: &RequestMeta) -> Result<DomainsPage, AppError> {
        let caller = self.caller(meta, Permission::ManageDomains).await?;
        self.validation
            .domains_page(caller.account.id, true)
            .await
            .map_err(validation_error)
    }

    async fn add(&self, meta: &RequestMeta, form: AddDomainForm) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageDomains).await?;
        self.validation
            .add_domain(caller.account.id, &form)
            .await
            .map(|_| ())
            .map_err(validation_error)
    }

    async fn change_method(
        &self,
        meta: &RequestMeta,
        id: i32,
        method: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageDomains).await?;
        self.validation
            .change_method(caller.account.id, id, &method)
            .await
            .map(|_| ())
            .map_err(validation_error)
    }

    async fn verify(&self, meta: &RequestMeta, id: i32) -> Result<String, AppError> {
        let caller = self.caller(meta, Permission::ManageDomains).await?;
        // Verify Now looks the domain up or mails its validation link again.
        admit(&self.throttle, ThrottleScope::DomainCheck, meta.ip).await?;
        let outcome = self
            .validation
            .verify(caller.account.id, id)
            .await
            .map_err(validation_error)?;
        if matches!(outcome, CheckOutcome::Verified { .. }) {
            self.orders
                .domain_confirmed(caller.account.id)
                .await
                .map_err(order_error)?;
        }
        Ok(outcome_text(outcome))
    }

    async fn restrictions(&self, meta: &RequestMeta) -> Result<Vec<String>, AppError> {
        let caller = self.caller(meta, Permission::ManageSettings).await?;
        self.validation
            .restrictions(caller.account.id)
            .await
            .map_err(validation_error)
    }

    async fn add_restriction(&self, meta: &RequestMeta, domain: String) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageSettings).await?;
        self.validation
            .add_restriction(caller.account.id, &domain)
            .await
            .map_err(validation_error)
    }

    async fn remove_restriction(&self, meta: &RequestMeta, domain: String) -> Result<(), AppError> {
        let caller = self.caller(meta, Permission::ManageSettings).await?;
        self.validation
            .remove_restriction(caller.account.id, &domain)
            .await
            .map_err(validation_error)
    }

    async fn confirm_email(&self, domain_id: i32, value: String) -> Result<String, AppError> {
        let (account_id, name) = self
            .validation
            .confirm_email(domain_id, &value)
            .await
            .map_err(validation_error)?;
        self.orders
            .domain_confirmed(account_id)
            .await
            .map_err(order_error)?;
        Ok(name)
    }
}
