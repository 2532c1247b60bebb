//! Crash points for the crash tests: with `ROOTLINE_FAILPOINT=<name>` set, the process
//! aborts when it reaches the point of that name, as a power loss would stop it there. Only
//! debug builds (which the tests run) read the variable; a release build compiles every
//! point to nothing.

/// The environment variable naming the point at which to abort.
pub const VARIABLE: &str = "ROOTLINE_FAILPOINT";

/// Aborts the process when `ROOTLINE_FAILPOINT` names this point (debug builds only).
#[inline]
pub fn hit(name: &str) {
    #[cfg(debug_assertions)]
    if std::env::var(VARIABLE).is_ok_and(|v| v == name) {
        // Abort, not exit: no destructor, flush or rollback may run, exactly as in a crash.
        std::process::abort();
    }
    #[cfg(not(debug_assertions))]
    let _ = name;
}
