pub mod activate;
pub mod application_received;
pub mod check_email;
pub mod sign_in;
pub mod sign_up;
pub mod two_factor;
