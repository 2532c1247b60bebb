//! What the "New S/MIME order" page starts from.

use app::model::{Permission, smime::SmimeNewData};

use crate::services::{
    identity::Caller,
    orders::{OrderError, OrderService},
};

impl OrderService {
    pub async fn smime_new_data(&self, caller: &Caller) -> Result<SmimeNewData, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let offers = self
            .catalog
            .offers(caller, caller.account.currency.as_str())
            .await?
            .into_iter()
            .filter(|o| o.kind.is_smime())
            .collect();
        Ok(SmimeNewData {
            offers,
            requester_name: caller.user.name.clone(),
            requester_email: caller.user.email.clone(),
            needs_approval: !caller.can(Permission::ApproveOrders),
        })
    }
}
