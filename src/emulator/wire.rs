//! The form every answer shares: a JSON body with its content type. A leaf (it knows nothing
//! of the emulator), so the error type and the handlers both build on it.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::swr::error::SwrErrorBody;

/// The code SWR answers for its own failures.
pub const INTERNAL_ERROR: &str = "SVCSTG.SWR.5000001";

/// A JSON response.
pub fn json<T: Serialize>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            bytes,
        )
            .into_response(),
        // Only a body that cannot be written gets here; SWR's error body (plain strings)
        // always can, so this ends.
        Err(_) => json(
            StatusCode::INTERNAL_SERVER_ERROR,
            &SwrErrorBody::new(INTERNAL_ERROR, "internal error"),
        ),
    }
}
