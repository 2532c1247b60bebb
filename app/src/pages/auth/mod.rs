pub mod activate;
pub mod application_received;
pub mod certificate_sign_in;
pub mod check_email;
pub mod passkey_sign_in;
pub mod sign_in;
pub mod sign_up;
pub mod two_factor;
