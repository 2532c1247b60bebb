//! What the process tells its operator besides answering requests: Prometheus metrics (the
//! series in [`series`], rendered at `/metrics` by `web::metrics`) and the log format.
//! Every series name lives in `series.rs`, so docs/OPERATIONS.md can list them from one place.

pub mod logs;
pub mod recorder;
pub mod series;
