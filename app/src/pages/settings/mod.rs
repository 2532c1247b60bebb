pub mod acme;
pub mod ip_rules;
pub mod private_cas;
pub mod products;
pub mod renewals;
pub mod rest_api;
pub mod roles;
pub mod two_factor;
