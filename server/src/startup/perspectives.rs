//! The remote network perspectives the primary corroborates from, built from the
//! configuration, and what a publicly trusted installation must have before it may start
//! (issue: "the server refuses to start without what they need … naming what is missing").

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::StartupError;
use crate::{
    config::PerspectiveSettings,
    perspective::{
        client::RemotePerspective, corroborate::Remote, corroborator::Corroborator,
        tls::client_config_from_files,
    },
};

/// The configured perspectives, reached over mutual TLS with the primary's client certificate.
pub fn corroborator(settings: &PerspectiveSettings) -> Result<Corroborator, StartupError> {
    let mut remotes: Vec<Arc<dyn Remote>> = Vec::new();
    if let Some(tls) = &settings.tls {
        let client = client_config_from_files(&tls.server_ca, &tls.client_cert, &tls.client_key)
            .map_err(|e| StartupError::Perspectives(e.to_string()))?;
        for p in &settings.perspectives {
            remotes.push(Arc::new(RemotePerspective::new(
                p.name.clone(),
                p.region,
                p.url.as_str(),
                client.clone(),
            )));
        }
    }
    for p in &settings.perspectives {
        tracing::info!(perspective = %p.name, region = p.region.as_str(), url = %p.url, "remote network perspective");
    }
    Ok(Corroborator::new(remotes, settings.public_trust))
}

/// What a publicly trusted installation lacks of perspectives at `at`, each named; empty when
/// it may start (`transparency::gaps` names what it lacks of CT logs).
pub fn public_trust_gaps(corroborator: &Corroborator, at: DateTime<Utc>) -> Vec<String> {
    let mut gaps = Vec::new();
    if let Err(e) = corroborator.ready(at) {
        gaps.push(format!(
            "{e} (ROOTLINE_PERSPECTIVES: one `server perspective serve` per remote perspective)"
        ));
    }
    gaps
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::perspective::corroborate::Remote;

    #[test]
    fn a_private_installation_needs_nothing_to_start() {
        let c = corroborator(&PerspectiveSettings::default()).unwrap();
        assert!(!c.public_trust());
        assert!(c.remotes().is_empty());
        let at = Utc.with_ymd_and_hms(2026, 12, 15, 0, 0, 0).unwrap();
        assert!(c.ready(at).is_ok());
    }

    #[test]
    fn a_publicly_trusted_installation_without_perspectives_names_what_it_lacks() {
        let c = Corroborator::new(Vec::<Arc<dyn Remote>>::new(), true);
        let at = Utc.with_ymd_and_hms(2026, 12, 15, 0, 0, 0).unwrap();
        let gaps = public_trust_gaps(&c, at);
        assert!(
            gaps.iter()
                .any(|g| g.contains("needs 5 remote perspectives")),
            "{gaps:?}"
        );
    }
}
