//! The Certificate Transparency logs the CA submits public TLS precertificates to, built from
//! the configuration, and what a publicly trusted installation needs of them to start.

use std::sync::Arc;

use super::StartupError;
use crate::{
    adapters::ct_log_http::HttpCtLog,
    ca::Transparency,
    config::CtSettings,
    domain::ct_policy::{DISTINCT_OPERATORS, LONG_SCTS},
    ports::ct_log::CtLog,
};

/// The configured logs; `None` when there are none (certificates are then issued without
/// SCTs, which only a private installation may do).
pub fn transparency(
    settings: &CtSettings,
    public_trust: bool,
) -> Result<Option<Transparency>, StartupError> {
    if settings.logs.is_empty() {
        return Ok(None);
    }
    let mut logs: Vec<Arc<dyn CtLog>> = Vec::new();
    for info in &settings.logs {
        tracing::info!(log = %info.name, operator = %info.operator, url = %info.url, "Certificate Transparency log");
        logs.push(Arc::new(
            HttpCtLog::new(info.clone()).map_err(|e| StartupError::Transparency(e.to_string()))?,
        ));
    }
    Ok(Some(Transparency::new(
        logs,
        public_trust,
        settings.minimum_scts,
    )))
}

/// What a publicly trusted installation lacks of Certificate Transparency: enough logs, of
/// enough operators, for the longest certificate the browsers' policy counts (three SCTs from
/// two operators), and for the operator's own minimum. Empty when it may start.
pub fn gaps(settings: &CtSettings) -> Vec<String> {
    let logs = settings.logs.len();
    let needed = LONG_SCTS.max(settings.minimum_scts.unwrap_or(0));
    let mut operators: Vec<&str> = settings.logs.iter().map(|l| l.operator.as_str()).collect();
    operators.sort_unstable();
    operators.dedup();
    let mut gaps = Vec::new();
    if logs < needed || operators.len() < DISTINCT_OPERATORS {
        gaps.push(format!(
            "Certificate Transparency: {logs} logs of {} operators are configured; browsers require SCTs from {needed} logs of at least {DISTINCT_OPERATORS} distinct operators (ROOTLINE_CT_LOGS: name operator url public-key, one entry per log)",
            operators.len()
        ));
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::ct_log::CtLogInfo;

    fn log(name: &str, operator: &str) -> CtLogInfo {
        CtLogInfo {
            name: name.into(),
            operator: operator.into(),
            url: url::Url::parse("https://ct.example/").unwrap(),
            public_key: vec![1],
        }
    }

    #[test]
    fn a_public_installation_needs_three_logs_of_two_operators() {
        let none = CtSettings::default();
        assert!(
            gaps(&none)[0].contains("0 logs of 0 operators"),
            "{:?}",
            gaps(&none)
        );
        let one_operator = CtSettings {
            logs: vec![log("a", "X"), log("b", "X"), log("c", "X")],
            minimum_scts: None,
        };
        assert_eq!(gaps(&one_operator).len(), 1);
        let two_logs = CtSettings {
            logs: vec![log("a", "X"), log("b", "Y")],
            minimum_scts: None,
        };
        assert_eq!(gaps(&two_logs).len(), 1);
        let enough = CtSettings {
            logs: vec![log("a", "X"), log("b", "Y"), log("c", "X")],
            minimum_scts: None,
        };
        assert!(gaps(&enough).is_empty());
        let more_asked = CtSettings {
            minimum_scts: Some(4),
            ..enough
        };
        assert!(gaps(&more_asked)[0].contains("require SCTs from 4 logs"));
    }
}
