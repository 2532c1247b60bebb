pub mod credits;
pub mod list;
