//! Server functions of the domains page and the e-mailed validation link.

mod dcv_confirm;
mod domain_list;
mod restrictions;

pub use dcv_confirm::*;
pub use domain_list::*;
pub use restrictions::*;
