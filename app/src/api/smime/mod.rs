//! Server functions of S/MIME orders (VAL-5): the order page, the mailbox verification and the
//! activation.

mod smime_activate;
mod smime_get;
mod smime_mailbox;
mod smime_new;
mod smime_place;
mod smime_verify;

pub use smime_activate::*;
pub use smime_get::*;
pub use smime_mailbox::*;
pub use smime_new::*;
pub use smime_place::*;
pub use smime_verify::*;
