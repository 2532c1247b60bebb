//! `OrdersApi` for the portal: orders, their approval and tracking. The order service checks
//! the permission each needs and the caller's reach.

use app::i18n::Msg;
use app::{
    error::AppError,
    model::{
        attention::Attention,
        domains::CheckResult,
        ev::{EvAnswer, EvApprovalRow, EvLinkView},
        order_actions::{
            ChangeNamesForm, EditOrderForm, ReissueForm, ReminderSettings, RenewForm, RevokeForm,
        },
        order_form_post::{FormToken, WizardPost},
        orders::{
            DomainCheck, OrderForm, OrderView, OrdersPage, OrdersQuery, PlacedOrder, TrackingView,
            WizardData,
        },
    },
    ports::{OrdersApi, RequestMeta},
};
use async_trait::async_trait;

use super::{Portal, admit};
use crate::{domain::client_limits::ThrottleScope, services::validation::CheckOutcome};

/// What a domain check found, as the page says it: a failure stays a failure.
pub(super) fn outcome_text(o: CheckOutcome) -> CheckResult {
    match o {
        CheckOutcome::Verified { until } => CheckResult::Verified(
            Msg::new("err-dcv-verified-until").arg("date", app::model::Day::from(until)),
        ),
        CheckOutcome::NotYet(why) => {
            CheckResult::NotYet(Msg::new("err-dcv-not-yet").arg("why", why))
        }
        CheckOutcome::EmailSent(to) => {
            CheckResult::EmailSent(Msg::new("err-dcv-email-sent").arg("to", to))
        }
    }
}

#[async_trait]
impl OrdersApi for Portal {
    async fn wizard(
        &self,
        meta: &RequestMeta,
        token: Option<FormToken>,
    ) -> Result<WizardData, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.wizard(&caller, token.as_ref()).await?)
    }

    async fn place(
        &self,
        meta: &RequestMeta,
        form: OrderForm,
        token: Option<FormToken>,
    ) -> Result<PlacedOrder, AppError> {
        let caller = self.caller(meta).await?;
        let command = form.to_command();
        Ok(match token {
            Some(token) => self.orders.place_once(&caller, &command, &token).await?,
            None => self.orders.place(&caller, &command).await?,
        })
    }

    async fn wizard_step(&self, meta: &RequestMeta, post: WizardPost) -> Result<String, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.wizard_step(&caller, post).await?)
    }

    async fn attention(&self, meta: &RequestMeta) -> Result<Attention, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.attention(&caller).await?)
    }

    async fn orders(&self, meta: &RequestMeta, query: OrdersQuery) -> Result<OrdersPage, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.orders_page(&caller, &query).await?)
    }

    async fn order(&self, meta: &RequestMeta, id: i32) -> Result<OrderView, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.order_view(&caller, id).await?)
    }

    async fn approve(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.orders.approve(&caller, id).await?;
        Ok(())
    }

    async fn reject(&self, meta: &RequestMeta, id: i32, reason: String) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.orders.reject(&caller, id, &reason).await?;
        Ok(())
    }

    async fn pay_draft(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.orders.pay_draft(&caller, id).await?;
        Ok(())
    }

    async fn cancel(&self, meta: &RequestMeta, id: i32, remarks: String) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.orders.cancel(&caller, id, &remarks).await?;
        Ok(())
    }

    async fn submit_csr(&self, meta: &RequestMeta, id: i32, csr: String) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.orders.submit_csr(&caller, id, &csr).await?;
        Ok(())
    }

    async fn verify_domain(
        &self,
        meta: &RequestMeta,
        id: i32,
        domain_id: i32,
    ) -> Result<DomainCheck, AppError> {
        let caller = self.caller(meta).await?;
        // Verify Now looks the domain up or mails its validation link again.
        admit(&self.throttle, ThrottleScope::DomainCheck, meta.ip).await?;
        match self
            .orders
            .verify_order_domain(&caller, id, domain_id, "portal")
            .await?
        {
            CheckOutcome::Verified { .. } => Ok(DomainCheck::Verified),
            CheckOutcome::EmailSent(_) => Ok(DomainCheck::EmailSent),
            CheckOutcome::NotYet(why) => Err(AppError::Conflict(
                Msg::new("err-not-verified-yet-why-publish").arg("why", why),
            )),
        }
    }

    async fn revoke(&self, meta: &RequestMeta, form: RevokeForm) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.revoke(&caller, &form).await?)
    }

    async fn reissue(
        &self,
        meta: &RequestMeta,
        form: ReissueForm,
    ) -> Result<PlacedOrder, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.reissue(&caller, &form).await?)
    }

    async fn change_names(
        &self,
        meta: &RequestMeta,
        form: ChangeNamesForm,
    ) -> Result<PlacedOrder, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .orders
            .change_names(&caller, &form.to_command())
            .await?)
    }

    async fn renew(&self, meta: &RequestMeta, form: RenewForm) -> Result<PlacedOrder, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.renew(&caller, &form).await?)
    }

    async fn edit(&self, meta: &RequestMeta, form: EditOrderForm) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.edit(&caller, &form).await?)
    }

    async fn reminder_settings(&self, meta: &RequestMeta) -> Result<ReminderSettings, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.reminder_settings(&caller).await?)
    }

    async fn set_reminder_days(&self, meta: &RequestMeta, days: String) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.set_reminder_days(&caller, &days).await?)
    }

    async fn tracking(&self, meta: &RequestMeta, token: String) -> Result<TrackingView, AppError> {
        admit(&self.throttle, ThrottleScope::Tracking, meta.ip).await?;
        Ok(self.orders.tracking(&token).await?)
    }

    async fn tracking_method(
        &self,
        meta: &RequestMeta,
        token: String,
        domain_id: i32,
        method: String,
    ) -> Result<(), AppError> {
        admit(&self.throttle, ThrottleScope::Tracking, meta.ip).await?;
        Ok(self
            .orders
            .tracking_change_method(&token, domain_id, &method)
            .await?)
    }

    async fn tracking_verify(
        &self,
        meta: &RequestMeta,
        token: String,
        domain_id: i32,
    ) -> Result<CheckResult, AppError> {
        admit(&self.throttle, ThrottleScope::Tracking, meta.ip).await?;
        // Verify Now looks the domain up or mails its validation link again.
        admit(&self.throttle, ThrottleScope::DomainCheck, meta.ip).await?;
        Ok(self
            .orders
            .tracking_verify(&token, domain_id)
            .await
            .map(outcome_text)?)
    }

    async fn tracking_csr(
        &self,
        meta: &RequestMeta,
        token: String,
        csr: String,
    ) -> Result<(), AppError> {
        admit(&self.throttle, ThrottleScope::Tracking, meta.ip).await?;
        self.orders.tracking_submit_csr(&token, &csr).await?;
        Ok(())
    }

    async fn ev_link(&self, meta: &RequestMeta, token: String) -> Result<EvLinkView, AppError> {
        admit(&self.throttle, ThrottleScope::Tracking, meta.ip).await?;
        Ok(self.orders.ev_link(&token).await?)
    }

    async fn ev_answer(
        &self,
        meta: &RequestMeta,
        token: String,
        answer: String,
        reason: String,
        agreement_version: i32,
    ) -> Result<EvAnswer, AppError> {
        admit(&self.throttle, ThrottleScope::Tracking, meta.ip).await?;
        Ok(self
            .orders
            .answer_ev_link(
                &token,
                &answer,
                &reason,
                agreement_version,
                Some(meta.ip.to_string()),
            )
            .await?)
    }

    async fn interim_dv(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.issue_interim_dv(&caller, id).await?)
    }

    async fn ev_approvals(&self, meta: &RequestMeta) -> Result<Vec<EvApprovalRow>, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.orders.ev_approvals(&caller).await?)
    }

    async fn ev_approval_answer(
        &self,
        meta: &RequestMeta,
        step_id: i32,
        answer: String,
        reason: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .orders
            .answer_ev_approval(&caller, step_id, &answer, &reason)
            .await?)
    }
}
