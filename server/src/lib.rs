//! The Rootline server process: storage, services, the CA (later), and the HTTP endpoints.

pub mod adapters;
pub mod ca;
pub mod config;
pub mod domain;
pub mod failpoint;
pub mod jobs;
pub mod perspective;
pub mod ports;
pub mod services;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod transparency;
pub mod web;
