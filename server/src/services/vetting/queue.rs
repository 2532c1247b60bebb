//! The desk's queue: organizations sent for vetting, the longest waiting first.

use app::model::{
    Day, OrganizationId,
    vetting::{QueueRow, VettingQueue},
};

use super::{VettingError, VettingService};
use crate::{
    services::identity::Caller,
    store::{accounts, vetting},
};

impl VettingService {
    pub async fn vetting_queue(&self, caller: &Caller) -> Result<VettingQueue, VettingError> {
        caller.require_operator()?;
        let now = self.clock.now();
        let rows = vetting::queue(&self.store).await?;
        // The accounts' names in one query, however long the queue.
        let ids: Vec<i32> = rows.iter().map(|r| r.account_id).collect();
        let names = accounts::find_many(&self.store, &ids).await?;
        let mut organizations = Vec::with_capacity(rows.len());
        for row in rows {
            let account = names
                .iter()
                .find(|a| a.id == row.account_id)
                .map(|a| a.name.clone())
                .unwrap_or_default();
            let waiting_days = row.submitted_at.map_or(0, |at| (now - at).num_days());
            organizations.push(QueueRow {
                id: OrganizationId(row.id),
                account,
                legal_name: row.legal_name,
                status: *row.status,
                submitted: row.submitted_at.map(Day::from),
                waiting_days,
            });
        }
        Ok(VettingQueue { organizations })
    }
}
