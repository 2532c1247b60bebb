//! Server functions of credits and balances (FIN-2) and of the price list (FIN-4).

mod account_credits;
mod allocate;
mod billing_page;
mod grant;
mod group_finance;
mod low_balance;
mod price_list;
mod statement;
mod tax_details;

pub use account_credits::*;
pub use allocate::*;
pub use billing_page::*;
pub use grant::*;
pub use group_finance::*;
pub use low_balance::*;
pub use price_list::*;
pub use statement::*;
pub use tax_details::*;
