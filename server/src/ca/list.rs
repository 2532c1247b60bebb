use chrono::{DateTime, Utc};

use super::{Authority, CaError, hierarchy::definition};
use crate::store::authorities;

/// One CA as `server ca list` and the operator see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaSummary {
    pub name: String,
    pub subject: String,
    pub issuer: String,
    pub key_type: String,
    pub key_backend: String,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    pub purpose: String,
    /// How many CRL shards its certificates are spread over (0: one whole-CA CRL).
    pub crl_shards: i32,
    /// Where the JSON array of its CRL URLs is published, for CCADB's "JSON Array of
    /// Partitioned CRLs".
    pub crl_partitions_url: String,
}

impl Authority {
    pub async fn list(&self) -> Result<Vec<CaSummary>, CaError> {
        let rows = authorities::list(&self.store).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let key = authorities::find_key(&self.store, row.key_id).await?;
            let issuer = row
                .parent_id
                .and_then(|id| rows.iter().find(|r| r.id == id))
                .map(|p| p.name.clone())
                .unwrap_or_else(|| "self-signed".into());
            let purpose = definition(&row.name)
                .and_then(|d| d.purpose)
                .map(|p| format!("{p:?}"))
                .unwrap_or_else(|| "Root".into());
            out.push(CaSummary {
                name: row.name.clone(),
                subject: row.subject.clone(),
                issuer,
                key_type: key.as_ref().map(|k| k.spec.text()).unwrap_or_default(),
                key_backend: key.map(|k| k.backend).unwrap_or_default(),
                not_before: row.not_before,
                not_after: row.not_after,
                purpose,
                crl_shards: row.crl_shards,
                crl_partitions_url: self.crl_partitions_url(&row.name),
            });
        }
        Ok(out)
    }

    /// The PEM certificate of a CA, for `/ca/<name>.crt`.
    pub async fn certificate_pem(&self, name: &str) -> Result<Option<String>, CaError> {
        Ok(authorities::find_by_name(&self.store, name)
            .await?
            .map(|row| pem_certificate(&row.cert_der)))
    }
}

/// A DER certificate as PEM with 64-character lines.
pub fn pem_certificate(der: &[u8]) -> String {
    app::pki::pem::encode("CERTIFICATE", der)
}
