pub mod new;
pub mod order;
pub mod verify;
