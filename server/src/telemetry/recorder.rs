//! The process-wide Prometheus recorder. `metrics` has one global recorder; it is installed
//! once, on first use, and `/metrics` renders its handle (the exporter's own HTTP listener is
//! not used: the portal's router serves the page, behind its access rule).

use std::{sync::OnceLock, time::Duration};

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

/// Latency buckets in seconds, for every histogram: from a cached OCSP answer (well under a
/// millisecond) to a slow HSM or a page that waits on DNS (seconds).
const BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// How often samples are folded into the histograms when nobody scrapes (rendering does it
/// too), so memory stays bounded.
const UPKEEP: Duration = Duration::from_secs(5);

/// The recorder's handle, installing the recorder on first call. `None` when another
/// recorder was installed first (then no series are kept, and `/metrics` says so).
pub fn install() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let builder = match PrometheusBuilder::new().set_buckets(BUCKETS) {
                Ok(b) => b,
                Err(e) => {
                    tracing::error!(error = %e, "metrics: the histogram buckets are refused");
                    return None;
                }
            };
            let recorder = builder.build_recorder();
            let handle = recorder.handle();
            match metrics::set_global_recorder(recorder) {
                Ok(()) => {
                    super::series::describe();
                    Some(handle)
                }
                Err(e) => {
                    tracing::error!(error = %e, "metrics: another recorder is installed");
                    None
                }
            }
        })
        .as_ref()
}

/// Folds recorded samples into the histograms every few seconds, for as long as the process
/// runs.
pub async fn upkeep() {
    loop {
        tokio::time::sleep(UPKEEP).await;
        if let Some(handle) = install() {
            handle.run_upkeep();
        }
    }
}
