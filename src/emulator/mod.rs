//! An SWR API emulator (axum): same paths, JSON and errors as the service, in-memory state,
//! AK/SK and token verification, seeded data, and fault knobs (latency, failures, rate limit).
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use swr_tui::emulator::{Emulator, EmulatorConfig};
//! let emu = Emulator::start("127.0.0.1:0".parse().unwrap(), EmulatorConfig::demo()).await?;
//! println!("{}", emu.url());
//! emu.shutdown().await;
//! # Ok(()) }
//! ```

// Layers, lowest first: a module imports only from layers below it, so there are no circles
// (`mod.rs` only declares modules and re-exports the public API).
//   1. tag_store, wire    a repository's tags; a JSON answer (neither imports the emulator)
//   2. fixtures, error    made-up tag data (→ tag_store); `ApiErr` and its bodies (→ wire)
//   3. params → error     4. state → error, params, fixtures, tag_store (the account's rules)
//   5. seed → state; shared → state (the locks and fault knobs)
//   6. faults, auth       middleware (→ shared, error; auth also → faults for the request id)
//   7. routes → 1–6; handler files share routes::reply, never each other
//   8. server → routes, seed, shared, state; cli → server, seed, shared (tests: account_tests)

pub(crate) mod auth;
pub mod cli;
pub mod error;
pub(crate) mod faults;
pub mod fixtures;
pub mod manifest_list;
pub mod params;
pub(crate) mod routes;
pub mod seed;
mod server;
pub(crate) mod shared;
pub mod state;
pub mod tag_store;
pub(crate) mod wire;

#[cfg(test)]
mod account_tests;

pub use seed::{Seed, SeedError};
pub use server::{
    DEMO_ACCESS_KEY, DEMO_PROJECT_ID, DEMO_REGION, DEMO_SECRET_KEY, Emulator, EmulatorConfig,
    OrgSnapshot, RepoSnapshot, Snapshot, Stats,
};
pub use shared::FailMethods;
