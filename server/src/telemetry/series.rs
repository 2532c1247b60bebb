//! Every series the process exports, by name, with the one function that records each.
//! Labels take only bounded values: route templates (never raw paths), known methods,
//! status codes, the operator's CA names (an account's private CA counts as `private`) and
//! profile names.

use std::time::Duration;

use metrics::{
    Unit, counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram,
};

pub const HTTP_REQUESTS: &str = "rootline_http_requests_total";
pub const HTTP_DURATION: &str = "rootline_http_request_duration_seconds";
pub const CERTIFICATES_ISSUED: &str = "rootline_certificates_issued_total";
pub const ISSUANCE_DURATION: &str = "rootline_issuance_duration_seconds";
pub const OCSP_RESPONSES: &str = "rootline_ocsp_responses_total";
pub const OCSP_DURATION: &str = "rootline_ocsp_response_duration_seconds";
pub const MAIL_OUTBOX_QUEUED: &str = "rootline_mail_outbox_queued";
pub const JOB_LAG: &str = "rootline_job_lag_seconds";
pub const DB_POOL_CONNECTIONS: &str = "rootline_db_pool_connections";

/// The route label of a request no route matched (static files, unknown paths).
pub const UNMATCHED_ROUTE: &str = "unmatched";

/// Help texts, sent with the series (called once, when the recorder is installed).
pub(super) fn describe() {
    describe_counter!(
        HTTP_REQUESTS,
        "HTTP requests answered, by method, route template and status code"
    );
    describe_histogram!(
        HTTP_DURATION,
        Unit::Seconds,
        "Time to answer an HTTP request, by method, route template and status code"
    );
    describe_counter!(
        CERTIFICATES_ISSUED,
        "Certificates signed and stored, by issuing CA and profile"
    );
    describe_histogram!(
        ISSUANCE_DURATION,
        Unit::Seconds,
        "From the start of prepare (checks, lint, serial reservation) to the stored certificate, by CA and profile"
    );
    describe_counter!(
        OCSP_RESPONSES,
        "OCSP responses served, by HTTP method and OCSP response status"
    );
    describe_histogram!(
        OCSP_DURATION,
        Unit::Seconds,
        "Time to produce an OCSP response, by HTTP method"
    );
    describe_gauge!(
        MAIL_OUTBOX_QUEUED,
        "E-mails in the outbox not delivered yet (due now or waiting for a retry)"
    );
    describe_gauge!(
        JOB_LAG,
        Unit::Seconds,
        "Age of the oldest item a background job should have handled by now, by job; 0 when none is late"
    );
    describe_gauge!(
        DB_POOL_CONNECTIONS,
        "Database pool connections, by state (in_use, idle)"
    );
}

/// A method label from a fixed set, so an odd method cannot mint new series.
pub fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// One answered HTTP request. `route` is the matched route template (`/orders/{id}`), or
/// [`UNMATCHED_ROUTE`].
pub fn http_request(method: &'static str, route: String, status: u16, elapsed: Duration) {
    let status = status.to_string();
    counter!(HTTP_REQUESTS, "method" => method, "route" => route.clone(), "status" => status.clone())
        .increment(1);
    histogram!(HTTP_DURATION, "method" => method, "route" => route, "status" => status)
        .record(elapsed.as_secs_f64());
}

/// One certificate signed and stored by `ca` (its label: see [`ca_label`]).
pub fn certificate_issued(ca: String, profile: &'static str, elapsed: Duration) {
    counter!(CERTIFICATES_ISSUED, "ca" => ca.clone(), "profile" => profile).increment(1);
    histogram!(ISSUANCE_DURATION, "ca" => ca, "profile" => profile).record(elapsed.as_secs_f64());
}

/// The label of an issuing CA: the operator's CAs by name; every account's private CA as
/// `private` (their names carry account ids, one series each would grow without bound).
pub fn ca_label(name: &str, private: bool) -> String {
    if private {
        "private".to_owned()
    } else {
        name.to_owned()
    }
}

/// One OCSP response served; `status` is its RFC 6960 response status.
pub fn ocsp_response(method: &'static str, status: &'static str, elapsed: Duration) {
    counter!(OCSP_RESPONSES, "method" => method, "status" => status).increment(1);
    histogram!(OCSP_DURATION, "method" => method).record(elapsed.as_secs_f64());
}

/// The outbox's undelivered e-mails, now.
pub fn mail_outbox_queued(count: u64) {
    gauge!(MAIL_OUTBOX_QUEUED).set(count as f64);
}

/// How late a job is: the age of its oldest overdue item (zero when none).
pub fn job_lag(job: &'static str, lag: Duration) {
    gauge!(JOB_LAG, "job" => job).set(lag.as_secs_f64());
}

/// The database pool's connections, now.
pub fn db_pool(in_use: u64, idle: u64) {
    gauge!(DB_POOL_CONNECTIONS, "state" => "in_use").set(in_use as f64);
    gauge!(DB_POOL_CONNECTIONS, "state" => "idle").set(idle as f64);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_methods_share_one_label_and_private_cas_one_name() {
        assert_eq!(method_label(&axum::http::Method::GET), "GET");
        let odd = axum::http::Method::from_bytes(b"BREW").unwrap();
        assert_eq!(method_label(&odd), "other");
        assert_eq!(ca_label("tls", false), "tls");
        assert_eq!(ca_label("acct7-lab", true), "private");
    }
}
