//! What the order wizard starts from (ORD-2).

use app::i18n::Msg;
use app::model::{
    FieldErrors, Permission,
    billing::format_money,
    domains::DomainStatus,
    order_form_post::{FormToken, SavedOrderForm},
    orders::{OrganizationChoice, WizardData},
};

use super::{OrderError, OrderService};
use crate::{
    services::{billing, identity::Caller, validation},
    store::{StoreError, order_forms},
};

impl OrderService {
    /// What the wizard offers, with the form kept under `token` when it is the caller's (a
    /// token of someone else's, or none, starts a new form under a new token).
    pub async fn wizard(
        &self,
        caller: &Caller,
        token: Option<&FormToken>,
    ) -> Result<WizardData, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let kept = match token {
            Some(t) => order_forms::find(&self.store, t.as_str(), order_form_owner(caller))
                .await?
                .map(|row| (t.clone(), row)),
            None => None,
        };
        let (form_token, saved, placed_order) = match kept {
            Some((token, row)) => {
                let (form, errors, error) = kept_form(&row);
                let saved = SavedOrderForm {
                    step: usize::try_from(row.step).unwrap_or_default(),
                    form,
                    errors,
                    error,
                };
                (token, Some(saved), row.order_id)
            }
            None => (self.new_form_token()?, None, None),
        };
        let offers = self
            .catalog
            .offers(caller, caller.account.currency.as_str())
            .await?
            .into_iter()
            // S/MIME products have their own order page (a mailbox, not domain names).
            .filter(|o| !o.kind.is_smime())
            .collect();
        let mut groups = Vec::new();
        // A sub-account's public orders are paid by its partner, not from its own balance.
        let partner = match caller.account.parent_account_id {
            Some(id) => crate::store::accounts::find(&self.store, id).await?,
            None => None,
        };
        for g in self.usable_groups(caller).await? {
            if let Some(partner) = &partner {
                groups.push((g.id, format!("{} — paid by {}", g.name, partner.name)));
                continue;
            }
            let balance = billing::payer_balance(&self.store, caller.account.id, g.id).await?;
            let source = if balance.from_group {
                "group balance"
            } else {
                "account balance"
            };
            groups.push((
                g.id,
                format!(
                    "{} — {} {}",
                    g.name,
                    source,
                    format_money(balance.balance_minor, &balance.currency)
                ),
            ));
        }
        let now = self.clock.now();
        let verified_domains = crate::store::domains::for_account(&self.store, caller.account.id)
            .await?
            .iter()
            .filter(|d| validation::status(d, now) == DomainStatus::Verified)
            .map(|d| d.name.clone())
            .collect();
        let organizations =
            crate::store::organizations::orderable(&self.store, caller.account.id.into(), now)
                .await?
                .into_iter()
                .map(|row| OrganizationChoice {
                    id: row.id,
                    level: row.status.verified_level(),
                    name: row.legal_name,
                })
                .collect();
        Ok(WizardData {
            offers,
            groups,
            requester_name: caller.user.name.clone(),
            requester_email: caller.user.email.clone(),
            needs_approval: match &partner {
                // The partner's own staff: the partner pays at once.
                Some(_) if caller.role == app::model::Role::SubAccountUser => false,
                Some(_) if caller.account.parent_approval => true,
                _ => !caller.can(Permission::ApproveOrders),
            },
            verified_domains,
            form_token,
            saved,
            placed_order,
            organizations,
            gst_rate_bp: self.gst_rate_for(caller),
            // Whom else the order could be for is the partners' question: the portal asks it.
            order_for: None,
        })
    }

    /// The GST rate (basis points) the caller's orders are charged on top of the price: INR
    /// accounts, when the operator is registered for GST.
    pub(super) fn gst_rate_for(&self, caller: &Caller) -> Option<u32> {
        self.gst
            .as_ref()
            .filter(|_| *caller.account.currency == app::model::Currency::Inr)
            .map(|g| g.rate.0)
    }

    /// A new one-use token for an order form's page: 256 random bits, URL-safe.
    pub(super) fn new_form_token(&self) -> Result<FormToken, OrderError> {
        let mut bytes = [0u8; 32];
        self.random.fill(&mut bytes);
        let text = base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, bytes);
        FormToken::parse(&text).map_err(OrderError::Refused)
    }
}

/// A kept form as its page reads it: the fields, the field errors, and the refusal that
/// belongs to no field (kept as an error without one).
pub(super) fn kept_form<F: serde::de::DeserializeOwned + Default>(
    row: &order_forms::OrderFormRow,
) -> (F, FieldErrors, Option<Msg>) {
    let mut errors: FieldErrors = serde_json::from_str(&row.errors).unwrap_or_default();
    let error = errors
        .0
        .iter()
        .find(|e| e.field.is_empty())
        .map(|e| e.message.clone());
    errors.0.retain(|e| !e.field.is_empty());
    (
        serde_json::from_str(&row.form).unwrap_or_default(),
        errors,
        error,
    )
}

impl OrderService {
    /// Keeps `form` and its `errors` under `token` for the form's next page (a refusal that
    /// belongs to no field goes in as an error without one).
    pub(super) async fn keep_form(
        &self,
        caller: &Caller,
        token: &FormToken,
        step: i32,
        form: &impl serde::Serialize,
        errors: &FieldErrors,
    ) -> Result<(), OrderError> {
        let unkept = |e: serde_json::Error| {
            OrderError::Refused(Msg::new("err-form-could-not-kept").arg("detail", e.to_string()))
        };
        let form_json = serde_json::to_string(form).map_err(unkept)?;
        let errors_json = serde_json::to_string(errors).map_err(unkept)?;
        order_forms::save(
            &self.store,
            token.as_str(),
            order_form_owner(caller),
            order_forms::Progress {
                step,
                form_json: &form_json,
                errors_json: &errors_json,
            },
            self.clock.now(),
        )
        .await
        .map_err(|e| match e {
            StoreError::NotInAccount => OrderError::NotFound,
            other => other.into(),
        })?;
        Ok(())
    }
}

/// Whose order forms the caller may read and post: their own, in the account they act in.
pub(super) fn order_form_owner(caller: &Caller) -> order_forms::Owner {
    order_forms::Owner {
        account_id: caller.account.id,
        user_id: caller.user.id,
    }
}
