//! Server functions of the organizations pages.

mod alternates;
mod consent;
mod documents;
mod organization_list;
mod record;
mod status;
mod verify;

pub use alternates::*;
pub use consent::*;
pub use documents::*;
pub use organization_list::*;
pub use record::*;
pub use status::*;
pub use verify::*;
