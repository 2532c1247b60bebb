//! An account's GST details (FIN-4): its GSTIN, if registered, and its state, the place of
//! supply that decides between CGST + SGST and IGST on its tax invoices.

use app::i18n::Msg;
use app::model::{
    FieldErrors, Permission,
    gst_states::{TaxDetails, TaxDetailsForm, name},
};

use super::{BillingError, BillingService};
use crate::{
    domain::gst::parse_gstin,
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{accounts, tax_invoices},
};

impl BillingService {
    /// Needs `ViewFinance`.
    pub async fn tax_details(&self, caller: &Caller) -> Result<TaxDetails, BillingError> {
        caller.require(Permission::ViewFinance)?;
        let account = accounts::find(&self.store, caller.account.id)
            .await?
            .ok_or(BillingError::NotFound)?;
        Ok(TaxDetails {
            gstin: account.gstin,
            state: account.gst_state.and_then(|s| u8::try_from(s).ok()),
            inr: *account.currency == app::model::Currency::Inr,
            can_change: caller.can(Permission::AllocateCredits),
        })
    }

    /// Records the account's GSTIN (optional) and state; a GSTIN must be valid and of the
    /// state given. Needs `AllocateCredits` (the account's finance people).
    pub async fn set_tax_details(
        &self,
        caller: &Caller,
        form: &TaxDetailsForm,
        ip: Option<String>,
    ) -> Result<(), BillingError> {
        caller.require(Permission::AllocateCredits)?;
        let mut errors = FieldErrors::new();
        let state = form
            .state
            .trim()
            .parse::<u8>()
            .ok()
            .and_then(name)
            .map(|(code, _)| code);
        if state.is_none() {
            errors.add("state", Msg::new("err-choose-gst-state"));
        }
        let gstin = match form.gstin.trim() {
            "" => None,
            raw => match parse_gstin(raw) {
                Ok((gstin, of_state)) => {
                    if state.is_some() && state != Some(of_state) {
                        errors.add("gstin", Msg::new("err-gstin-other-state"));
                    }
                    Some(gstin)
                }
                Err(_) => {
                    errors.add("gstin", Msg::new("err-gstin-invalid"));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(BillingError::Invalid(errors));
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        tax_invoices::set_account_details(
            &tx,
            caller.account.id,
            gstin.as_deref(),
            state.map(i32::from),
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "billing",
                action: "tax_details_set",
                summary: format!(
                    "GST details: GSTIN {}, state {}",
                    gstin.as_deref().unwrap_or("none"),
                    state.map_or_else(String::new, |s| format!("{s:02}"))
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
