pub mod audit;
pub mod overview;
