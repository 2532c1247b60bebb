//! Server functions of payments and withdrawals (FIN-1).

mod add_credits;
mod decide;
mod offline;
mod withdraw;

pub use add_credits::*;
pub use decide::*;
pub use offline::*;
pub use withdraw::*;
