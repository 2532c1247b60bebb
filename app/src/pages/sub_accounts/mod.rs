//! A partner's sub-accounts (ID-11): the list, the orders waiting for the partner, opening a
//! sub-account, price lists (FIN-4) and the sub-accounts' orders with the partner's margin.

mod list;
mod price_list;

pub use list::SubAccountsPage;
pub use price_list::PriceListEditPage;
