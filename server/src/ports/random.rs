use std::sync::atomic::{AtomicU8, Ordering};

/// Cryptographically secure random bytes for tokens and serials.
pub trait Random: Send + Sync {
    fn fill(&self, buf: &mut [u8]);
}

/// Predictable bytes for unit tests: a counter, so successive tokens differ.
#[derive(Default)]
pub struct CountingRandom(AtomicU8);

impl Random for CountingRandom {
    fn fill(&self, buf: &mut [u8]) {
        let start = self.0.fetch_add(1, Ordering::Relaxed);
        for (i, b) in buf.iter_mut().enumerate() {
            *b = start.wrapping_add(i as u8);
        }
    }
}
