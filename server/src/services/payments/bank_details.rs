//! The bank account withdrawals are paid to: IFSC for INR accounts, IBAN (mod-97) and BIC for
//! the others (`domain::bank_account`).

use app::model::{Permission, payments::BankDetailsForm};

use super::{PaymentError, PaymentService};
use crate::{
    domain::bank_account::{self, Route},
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::payments::{self, BankDetailsRow},
};

impl PaymentService {
    pub async fn save_bank_details(
        &self,
        caller: &Caller,
        form: &BankDetailsForm,
        ip: Option<String>,
    ) -> Result<(), PaymentError> {
        caller.require(Permission::AllocateCredits)?;
        let account = bank_account::validate(form, *caller.account.currency)
            .map_err(PaymentError::Invalid)?;
        let now = self.clock.now();
        let (account_number, ifsc, iban, bic) = match account.route.clone() {
            Route::India {
                account_number,
                ifsc,
            } => (Some(account_number), Some(ifsc), None, None),
            Route::Iban { iban, bic } => (None, None, Some(iban), Some(bic)),
        };
        let tx = self.store.begin().await?;
        payments::save_bank_details(
            &tx,
            BankDetailsRow {
                account_id: caller.account.id,
                holder_name: account.holder_name.clone(),
                bank_name: account.bank_name.clone(),
                account_number,
                ifsc,
                iban,
                bic,
                updated_at: now,
                updated_by_user_id: caller.user.id,
            },
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
                action: "bank_details_saved",
                summary: format!("Bank details saved: {}", account.text()),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The details on file as the domain's type (what a withdrawal is paid to).
pub(super) fn on_file(row: &BankDetailsRow) -> Option<bank_account::BankAccount> {
    let route = match (&row.account_number, &row.ifsc, &row.iban, &row.bic) {
        (Some(account_number), Some(ifsc), _, _) => Route::India {
            account_number: account_number.clone(),
            ifsc: ifsc.clone(),
        },
        (_, _, Some(iban), Some(bic)) => Route::Iban {
            iban: iban.clone(),
            bic: bic.clone(),
        },
        _ => return None,
    };
    Some(bank_account::BankAccount {
        holder_name: row.holder_name.clone(),
        bank_name: row.bank_name.clone(),
        route,
    })
}
