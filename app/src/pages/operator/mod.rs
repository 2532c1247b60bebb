pub mod accounts;
pub mod credits;
