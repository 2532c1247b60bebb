pub mod audit;
pub mod choose_account;
pub mod ip_rules;
pub mod overview;
pub mod profile;
pub mod user_edit;
pub mod user_new;
pub mod users;
