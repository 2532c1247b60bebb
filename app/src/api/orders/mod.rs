//! Server functions of certificate orders: the wizard, the list and page, approvals.

mod attention;
mod ev;
mod order_actions;
mod order_get;
mod order_lifecycle;
mod order_place;
mod order_verify;
mod order_wizard;
mod order_wizard_step;
mod orders_list;
mod reminder_settings;

pub use attention::*;
pub use ev::*;
pub use order_actions::*;
pub use order_get::*;
pub use order_lifecycle::*;
pub use order_place::*;
pub use order_verify::*;
pub use order_wizard::*;
pub use order_wizard_step::*;
pub use orders_list::*;
pub use reminder_settings::*;
