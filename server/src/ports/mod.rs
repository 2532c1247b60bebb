//! Traits for the outside world (time, randomness, mail), with honest fakes for unit tests.

pub mod clock;
pub mod ct_log;
pub mod dns;
pub mod http_fetch;
pub mod keys;
pub mod mailer;
pub mod payment_gateway;
pub mod random;
pub mod sealer;

pub use clock::Clock;
pub use dns::{CaaRecord, DnsError, DnsResolver};
pub use http_fetch::{FetchError, HttpFetcher};
pub use mailer::{Mail, MailError, Mailer};
pub use payment_gateway::PaymentGateway;
pub use random::Random;
pub use sealer::{SealError, Sealer};
