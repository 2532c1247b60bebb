//! Lifetimes of links and sessions, and the sign-in throttle.

use chrono::Duration;

/// Activation links expire after a day (the sign-up e-mail says so).
pub const ACTIVATION_LINK_TTL: Duration = Duration::hours(24);
/// A session ends this long after sign-in, whatever the activity.
pub const SESSION_MAX_AGE: Duration = Duration::hours(12);
/// A session ends after this long without a request.
pub const SESSION_IDLE: Duration = Duration::hours(2);
/// Sessions record activity at most this often, to spare the database a write per request.
pub const SESSION_TOUCH_EVERY: Duration = Duration::minutes(1);

/// Failed sign-ins are counted over this window.
pub const SIGN_IN_WINDOW: Duration = Duration::minutes(15);
/// Failures allowed for one e-mail address within the window (guessing one password).
pub const MAX_FAILURES_PER_EMAIL: u64 = 5;
/// Failures allowed from one client address within the window (spraying many accounts).
pub const MAX_FAILURES_PER_IP: u64 = 20;

/// Whether another sign-in attempt may be checked, given recent failures.
/// `Err` carries how long the caller should wait.
pub fn sign_in_allowed(failures_for_email: u64, failures_for_ip: u64) -> Result<(), Duration> {
    if failures_for_email >= MAX_FAILURES_PER_EMAIL || failures_for_ip >= MAX_FAILURES_PER_IP {
        Err(SIGN_IN_WINDOW)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttle_table() {
        let cases = [
            (0, 0, true),
            (4, 19, true),
            (5, 0, false),
            (0, 20, false),
            (9, 30, false),
        ];
        for (email, ip, allowed) in cases {
            assert_eq!(sign_in_allowed(email, ip).is_ok(), allowed, "{email}/{ip}");
        }
    }
}
