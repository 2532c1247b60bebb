//! Traits for the outside world (time, randomness, mail), with honest fakes for unit tests.

pub mod clock;
pub mod keys;
pub mod mailer;
pub mod random;

pub use clock::Clock;
pub use mailer::{Mail, MailError, Mailer};
pub use random::Random;
