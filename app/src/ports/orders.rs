//! Certificate orders.

use async_trait::async_trait;

use crate::{error::AppError, ports::request::RequestMeta};

/// Certificate orders: the wizard, the list and page, approvals, and the public tracking link.
#[async_trait]
pub trait OrdersApi: Send + Sync {
    /// What the wizard offers, with the form `token` kept so far (a browser without
    /// JavaScript) or a new token.
    async fn wizard(
        &self,
        meta: &RequestMeta,
        token: Option<crate::model::order_form_post::FormToken>,
    ) -> Result<crate::model::orders::WizardData, AppError>;
    /// Places the wizard's order; a `token` places at most one order however often it posts.
    async fn place(
        &self,
        meta: &RequestMeta,
        form: crate::model::orders::OrderForm,
        token: Option<crate::model::order_form_post::FormToken>,
    ) -> Result<crate::model::orders::PlacedOrder, AppError>;
    /// One post of the wizard without JavaScript; returns the path to send the browser to.
    async fn wizard_step(
        &self,
        meta: &RequestMeta,
        post: crate::model::order_form_post::WizardPost,
    ) -> Result<String, AppError>;
    /// The Overview's counts of what needs the caller's attention.
    async fn attention(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::attention::Attention, AppError>;
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
    /// *Verify now* on one domain of the order (issues the order when it was the last step);
    /// a domain not shown yet is a `Conflict` naming what was found.
    async fn verify_domain(
        &self,
        meta: &RequestMeta,
        id: i32,
        domain_id: i32,
    ) -> Result<crate::model::orders::DomainCheck, AppError>;
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
    ) -> Result<crate::model::domains::CheckResult, AppError>;
    async fn tracking_csr(
        &self,
        meta: &RequestMeta,
        token: String,
        csr: String,
    ) -> Result<(), AppError>;
    /// What an EV step's one-use link asks (public, throttled like tracking links).
    async fn ev_link(
        &self,
        meta: &RequestMeta,
        token: String,
    ) -> Result<crate::model::ev::EvLinkView, AppError>;
    /// The answer through an EV step's link: `approve` or `reject` (with a reason); the
    /// contract signer names the agreement version the page showed.
    async fn ev_answer(
        &self,
        meta: &RequestMeta,
        token: String,
        answer: String,
        reason: String,
        agreement_version: i32,
    ) -> Result<crate::model::ev::EvAnswer, AppError>;
    /// Takes the interim DV certificate of an OV or EV order that waits.
    async fn interim_dv(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
    /// The account's EV Request Approvals page.
    async fn ev_approvals(
        &self,
        meta: &RequestMeta,
    ) -> Result<Vec<crate::model::ev::EvApprovalRow>, AppError>;
    /// The certificate approver's answer on that page.
    async fn ev_approval_answer(
        &self,
        meta: &RequestMeta,
        step_id: i32,
        answer: String,
        reason: String,
    ) -> Result<(), AppError>;
}
