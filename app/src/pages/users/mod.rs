pub mod edit;
pub mod list;
pub mod new;
