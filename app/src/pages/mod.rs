pub mod auth;
pub mod not_found;
pub mod operator;
pub mod portal;
