use crate::{
    domain::audit_chain::{ChainFields, GENESIS, entry_hash},
    store::{Store, StoreError, audit},
};

// Appending lives in the store, where services and the CA alike reach it; the names stay here
// for the services that already say `audit::record`.
pub use crate::store::audit::{AuditEntry, append as record, append_many as record_many};

/// Where the chain breaks, if it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    pub id: i32,
    pub reason: &'static str,
}

/// Recomputes every entry's hash from its fields and the previous entry's hash. Any edited,
/// inserted or deleted row shows up as the first entry whose hashes no longer fit. Returns the
/// number of entries checked, or the first break.
pub async fn verify(store: &Store) -> Result<Result<u64, ChainBreak>, StoreError> {
    let mut prev = GENESIS.to_owned();
    let mut checked = 0u64;
    let walked = audit::each_in_order(store, |row| {
        if row.prev_hash != prev {
            return Err(ChainBreak {
                id: row.id,
                reason: "its previous-hash does not match the entry before it (an entry was removed or inserted)",
            });
        }
        let hash = entry_hash(&ChainFields {
            prev_hash: &row.prev_hash,
            at_rfc3339: &row.at.to_rfc3339(),
            account_id: row.account_id,
            user_id: row.user_id,
            ip: row.ip.as_deref(),
            module: &row.module,
            action: &row.action,
            summary: &row.summary,
        });
        if hash != row.hash {
            return Err(ChainBreak {
                id: row.id,
                reason: "its contents do not match its hash (the entry was changed)",
            });
        }
        prev = hash;
        checked += 1;
        Ok(())
    })
    .await?;
    Ok(walked.map(|()| checked))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::identity::test_support::harness;

    #[tokio::test]
    async fn the_chain_verifies_and_an_edited_or_removed_entry_is_found() {
        let h = harness().await;
        h.signed_in("asha@example.com").await;
        h.signed_in("ravi@example.com").await;
        let entries = verify(&h.store).await.unwrap().unwrap();
        assert!(entries >= 6, "{entries}");

        h.store
            .execute_raw("UPDATE audit_events SET summary = 'nothing happened' WHERE id = 3")
            .await
            .unwrap();
        assert_eq!(
            verify(&h.store).await.unwrap().unwrap_err().id,
            3,
            "the edited entry"
        );
        h.store
            .execute_raw("DELETE FROM audit_events WHERE id = 3")
            .await
            .unwrap();
        assert_eq!(
            verify(&h.store).await.unwrap().unwrap_err().id,
            4,
            "the entry after the removed one"
        );
    }
}
