//! One page per file, in folders named after the routes (see `routes.rs`): the page for
//! `/settings/ip-rules` is `settings/ip_rules.rs`. Sign-in and sign-up pages live in `auth/`.

pub mod audit;
pub mod auth;
pub mod billing;
pub mod billing_tax;
pub mod choose_account;
pub mod dcv;
pub mod design;
pub mod domains;
pub mod download;
pub mod ev;
pub mod groups;
pub mod legal;
pub mod not_found;
pub mod operator;
pub mod orders;
pub mod organizations;
pub mod overview;
pub mod profile;
pub mod settings;
pub mod smime;
pub mod sub_accounts;
pub mod track;
pub mod users;
