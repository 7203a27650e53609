//! An SWR API emulator (axum): same paths, JSON and errors as the service, in-memory state.

pub mod cli;
