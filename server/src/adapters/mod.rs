//! Real implementations of the ports.

pub mod clock;
pub mod mail;
pub mod pkcs11;
pub mod random;
pub mod sealer;
pub mod signature_log;
pub mod softkeys;
