//! What the "New S/MIME order" page starts from.

use app::model::{
    Permission, order_form_post::FormToken, smime::SmimeNewData, smime_form_post::SavedSmimeForm,
};

use crate::{
    services::{
        identity::Caller,
        orders::{
            OrderError, OrderService,
            wizard::{kept_form, order_form_owner},
        },
    },
    store::order_forms,
};

impl OrderService {
    /// What the page offers, with what a refused post left under `token` when the token is
    /// the caller's (else a new form under a new token).
    pub async fn smime_new_data(
        &self,
        caller: &Caller,
        token: Option<&FormToken>,
    ) -> Result<SmimeNewData, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let offers = self
            .catalog
            .offers(caller, caller.account.currency.as_str())
            .await?
            .into_iter()
            .filter(|o| o.kind.is_smime())
            .collect();
        let kept = match token {
            Some(t) => order_forms::find(&self.store, t.as_str(), order_form_owner(caller))
                .await?
                .map(|row| (t.clone(), row)),
            None => None,
        };
        let (form_token, saved, placed_order) = match kept {
            Some((token, row)) => {
                let (form, errors, error) = kept_form(&row);
                let saved = SavedSmimeForm {
                    form,
                    errors,
                    error,
                };
                (token, Some(saved), row.order_id)
            }
            None => (self.new_form_token()?, None, None),
        };
        Ok(SmimeNewData {
            offers,
            requester_name: caller.user.name.clone(),
            requester_email: caller.user.email.clone(),
            needs_approval: !caller.can(Permission::ApproveOrders),
            form_token,
            saved,
            placed_order,
            gst_rate_bp: self.gst_rate_for(caller),
        })
    }
}
