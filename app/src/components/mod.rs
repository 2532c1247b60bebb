pub mod auth_card;
pub mod field;
pub mod form_alert;
pub mod portal;
pub mod user_fields;
