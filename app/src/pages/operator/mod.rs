pub mod accounts;
pub mod credits;
pub mod products;
