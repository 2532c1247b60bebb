pub mod audit;
pub mod overview;
pub mod user_edit;
pub mod user_new;
pub mod users;
