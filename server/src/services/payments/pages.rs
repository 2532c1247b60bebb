//! What the customer's two pages show: `/billing/add-credits` and `/billing/withdraw`.

use app::model::{
    Permission,
    payments::{
        AddCreditsPage, BankDetailsView, PaymentId, PaymentStatus, ProviderForm, WithdrawPage,
    },
};

use super::{PaymentError, PaymentService, payment_line, withdrawal_line};
use crate::{
    domain::ledger::Holder,
    ports::payment_gateway::Redirect,
    services::identity::Caller,
    store::{ledger, payments},
};

impl PaymentService {
    pub async fn add_credits_page(
        &self,
        caller: &Caller,
        shown: Option<PaymentId>,
    ) -> Result<AddCreditsPage, PaymentError> {
        caller.require(Permission::ViewFinance)?;
        let account = caller.account.id;
        let currency = *caller.account.currency;
        let gateway = self.gateway_for(currency);
        let shown_row = match shown {
            Some(id) => payments::find(&self.store, account, id.0).await?,
            None => None,
        };
        let (mut continue_form, mut continue_url) = (None, None);
        if let Some(p) = shown_row
            .as_ref()
            .filter(|p| *p.status == PaymentStatus::Pending)
        {
            let resume = self
                .gateway_of(*p.provider)
                .zip(p.provider_payment_id.as_deref());
            if let Some((g, provider_id)) = resume {
                match g.resume(
                    provider_id,
                    p.checkout_url.as_deref(),
                    &self.checkout_request(caller, p),
                ) {
                    Some(Redirect::Link(url)) => continue_url = Some(url),
                    Some(Redirect::Form { action, fields }) => {
                        continue_form = Some(ProviderForm { action, fields });
                    }
                    None => {}
                }
            }
        }
        Ok(AddCreditsPage {
            currency,
            balance_minor: ledger::balance(&self.store, account, Holder::Account).await?,
            gateway: gateway.map(|g| g.provider()),
            can_pay: caller.can(Permission::AllocateCredits),
            form_token: self.form_token(),
            shown: shown_row.as_ref().map(payment_line),
            continue_form,
            continue_url,
            payments: payments::for_account(&self.store, account)
                .await?
                .iter()
                .map(payment_line)
                .collect(),
        })
    }

    pub async fn withdraw_page(&self, caller: &Caller) -> Result<WithdrawPage, PaymentError> {
        caller.require(Permission::ViewFinance)?;
        let account = caller.account.id;
        let bank = payments::bank_details(&self.store, account)
            .await?
            .map(|b| BankDetailsView {
                holder_name: b.holder_name,
                bank_name: b.bank_name,
                account_number: b.account_number,
                ifsc: b.ifsc,
                iban: b.iban,
                bic: b.bic,
            });
        Ok(WithdrawPage {
            currency: *caller.account.currency,
            balance_minor: ledger::balance(&self.store, account, Holder::Account).await?,
            held_minor: ledger::balance(&self.store, account, Holder::Withdrawal).await?,
            can_withdraw: caller.can(Permission::AllocateCredits),
            form_token: self.form_token(),
            bank,
            withdrawals: payments::withdrawals_for_account(&self.store, account)
                .await?
                .iter()
                .map(withdrawal_line)
                .collect(),
        })
    }
}
