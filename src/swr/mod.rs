//! The SWR API layer: wire models, request signing, errors and the typed client.

pub mod encoding;
pub mod error;
pub mod model;
pub mod sign;

pub use error::ApiError;
