pub mod accounts;
pub mod audit_events;
pub mod mail_outbox;
pub mod memberships;
pub mod sessions;
pub mod sign_in_attempts;
pub mod user_tokens;
pub mod users;
