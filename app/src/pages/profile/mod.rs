pub mod authenticator_app;
pub mod login_certificates;
pub mod page;
pub mod passkeys;
