pub mod accounts;
pub mod products;
