mod accounts;
mod activate;
mod activation_details;
mod current_session;
mod sign_in;
mod sign_out;
mod sign_up;
mod two_factor;

pub use accounts::*;
pub use activate::*;
pub use activation_details::*;
pub use current_session::*;
pub use sign_in::*;
pub use sign_out::*;
pub use sign_up::*;
pub use two_factor::*;
