//! E-mail notifications through the outbox: queued inside the transaction of the change they
//! report, delivered and retried by the delivery job.

mod backlog;
mod deliver;
mod queue;

pub use backlog::Backlog;
pub use deliver::{DEFAULT_LEASE, DeliveryReport, MailDelivery};
pub use queue::{MailWaker, queue};
