//! Server functions of account administration (audit log, users, roles, security rules).

mod api_keys;
mod audit_log;
mod group_members;
mod group_settings;
mod groups;
mod ip_rules;
mod roles;
mod two_factor_setting;
mod user_add;
mod user_deactivate;
mod user_get;
mod user_update;
mod users_list;

pub use api_keys::*;
pub use audit_log::*;
pub use group_members::*;
pub use group_settings::*;
pub use groups::*;
pub use ip_rules::*;
pub use roles::*;
pub use two_factor_setting::*;
pub use user_add::*;
pub use user_deactivate::*;
pub use user_get::*;
pub use user_update::*;
pub use users_list::*;
