//! The SWR API layer: wire models, request signing, errors and the typed client.

pub mod client;
pub mod encoding;
pub mod enterprise;
pub mod entries;
pub mod error;
pub mod model;
pub mod regions;
pub mod secret;
pub mod sign;
pub mod sync;
pub mod validate;

pub use client::{ClientConfig, Credentials, SwrClient};
pub use error::ApiError;
pub use secret::Secret;
