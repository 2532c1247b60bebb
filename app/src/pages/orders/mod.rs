pub mod actions;
pub mod list;
pub mod new;
pub mod revoke;
pub mod smime;
pub mod view;
