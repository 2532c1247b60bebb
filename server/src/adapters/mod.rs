//! Real implementations of the ports.

pub mod clock;
pub mod mail;
pub mod random;
pub mod softkeys;
