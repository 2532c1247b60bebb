//! The vetting desk: the queue of organizations waiting for validation, and one organization's
//! checklist, documents, authentication code, decision and history.

pub mod case;
pub mod queue;
