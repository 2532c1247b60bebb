pub mod auth;
pub mod domains;
pub mod not_found;
pub mod operator;
pub mod orders;
pub mod portal;
pub mod smime;
pub mod track;
