//! The account's EV Request Approvals page: the EV requests of the account with their
//! approver's answer. A user of the account who is a request's certificate approver (the
//! address the order named) answers it here as through the mailed link; everyone else who
//! may see the account's orders reads.

use app::model::{
    AccountId, Permission,
    ev::{EvApprovalRow, EvStep, parse_answer},
};

use super::answer::Answerer;
use crate::{
    services::{
        identity::Caller,
        orders::{OrderError, OrderService},
    },
    store::{ev_steps, orders},
};

impl OrderService {
    /// The account's EV requests for their approver, newest first: all of them for a user who
    /// may see the account's orders, their own for anyone else.
    pub async fn ev_approvals(&self, caller: &Caller) -> Result<Vec<EvApprovalRow>, OrderError> {
        let account = AccountId(caller.account.id);
        let mine = caller.user.email.to_lowercase();
        let sees_all = caller.can(Permission::ApproveOrders);
        let mut out = Vec::new();
        for row in ev_steps::approvals(&self.store, account).await? {
            let may_answer = row.email.eq_ignore_ascii_case(&mine);
            if !(sees_all || may_answer) {
                continue;
            }
            let Some(order) = orders::get(&self.store, row.account_id, row.order_id).await? else {
                continue;
            };
            let names = orders::names(&self.store, order.id).await?;
            out.push(EvApprovalRow {
                step_id: row.id,
                order_id: order.id,
                product: order.product_name.clone(),
                main_name: names.first().cloned().unwrap_or_default(),
                organization: super::links::organization_name(&self.store, &order).await?,
                requester: format!("{} <{}>", order.requester_name, order.requester_email),
                approver: format!("{} <{}>", row.name, row.email),
                answer: row.answer.map(|a| *a),
                reason: row.reason.clone(),
                placed: order.created_at.into(),
                may_answer: may_answer && row.answer.is_none(),
            });
        }
        Ok(out)
    }

    /// The approver's answer on the page: only the request's own approver answers, once.
    pub async fn answer_ev_approval(
        &self,
        caller: &Caller,
        step_id: i32,
        answer: &str,
        reason: &str,
    ) -> Result<(), OrderError> {
        let row = ev_steps::get(&self.store, AccountId(caller.account.id), step_id)
            .await?
            .filter(|r| *r.step == EvStep::Approval)
            .ok_or(OrderError::NotFound)?;
        if !row.email.eq_ignore_ascii_case(&caller.user.email) {
            return Err(OrderError::Refused(app::i18n::Msg::new(
                "err-ev-not-your-approval",
            )));
        }
        if row.answer.is_some() {
            return Err(OrderError::Refused(app::i18n::Msg::new(
                "err-ev-answered-already",
            )));
        }
        let (answer, reason) = parse_answer(answer, reason).map_err(OrderError::Invalid)?;
        self.record_ev_answer(
            row,
            answer,
            &reason,
            0,
            Answerer {
                ip: None,
                user_id: Some(caller.user.id),
            },
        )
        .await
    }
}
