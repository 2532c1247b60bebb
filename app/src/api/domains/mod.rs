//! Server functions of the domains page and the e-mailed validation link.

mod dcv_confirm;
mod domains;
mod restrictions;

pub use dcv_confirm::*;
pub use domains::*;
pub use restrictions::*;
