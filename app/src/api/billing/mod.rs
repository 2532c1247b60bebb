//! Server functions of credits and balances (FIN-2).

mod account_credits;
mod allocate;
mod billing_page;
mod grant;
mod group_finance;

pub use account_credits::*;
pub use allocate::*;
pub use billing_page::*;
pub use grant::*;
pub use group_finance::*;
