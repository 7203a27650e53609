//! The emulator's one error type. Everything that refuses a request (state rules, query and
//! body validation, authentication, the fault layer, IAM) returns an [`ApiErr`], and handlers
//! pass it on with `?`; its [`IntoResponse`] writes the body the real service would send.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::wire::{INTERNAL_ERROR, json};
use crate::swr::error::{GatewayErrorBody, SwrErrorBody};

/// A refused request: HTTP status, code and message, and which of the three error bodies of
/// Huawei Cloud carries them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiErr {
    pub status: u16,
    /// `SVCSTG.SWR.*` for SWR, `APIGW.*` for the gateway; IAM's title (`Bad Request`).
    pub code: &'static str,
    pub message: String,
    form: Form,
}

/// The body an error is written in.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Form {
    /// SWR's: both generations of keys (`errors[].errorCode`/`errorMessage`, `error_code`).
    Swr,
    /// The API gateway's, in front of every service (authentication, throttling).
    Gateway { request_id: String },
    /// IAM's `{"error": {"code", "title", "message"}}`.
    Iam,
}

impl ApiErr {
    /// An SWR error.
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            form: Form::Swr,
        }
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(400, code, message)
    }

    pub fn invalid_json() -> Self {
        Self::bad_request(
            "SVCSTG.SWR.4000014",
            "invalid parameter: malformed request body",
        )
    }

    /// 404 for a path the service does not know, or an item without a code of its own.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(404, "SVCSTG.SWR.4040000", message)
    }

    /// SWR's own failure (500 or 503).
    pub fn internal(status: u16, message: &str) -> Self {
        Self::new(status, INTERNAL_ERROR, message)
    }

    pub fn no_org(name: &str) -> Self {
        Self::new(
            404,
            "SVCSTG.SWR.4040058",
            format!("namespace {name} not found"),
        )
    }

    pub fn no_repo(name: &str) -> Self {
        Self::new(
            404,
            "SVCSTG.SWR.4040010",
            format!("repository {name} not found"),
        )
    }

    pub fn no_tag(name: &str) -> Self {
        Self::new(404, "SVCSTG.SWR.4040048", format!("tag {name} not found"))
    }

    /// A refusal by the API gateway, before SWR sees the request.
    pub fn gateway(
        status: u16,
        code: &'static str,
        message: impl Into<String>,
        request_id: &str,
    ) -> Self {
        Self {
            form: Form::Gateway {
                request_id: request_id.into(),
            },
            ..Self::new(status, code, message)
        }
    }

    /// An IAM error; IAM names it by a title instead of a code.
    pub fn iam(status: u16, title: &'static str, message: impl Into<String>) -> Self {
        Self {
            form: Form::Iam,
            ..Self::new(status, title, message)
        }
    }
}

impl IntoResponse for ApiErr {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        match self.form {
            Form::Swr => json(status, &SwrErrorBody::new(self.code, &self.message)),
            Form::Gateway { request_id } => json(
                status,
                &GatewayErrorBody {
                    error_msg: self.message,
                    error_code: self.code.into(),
                    request_id,
                },
            ),
            Form::Iam => json(
                status,
                &serde_json::json!({"error": {
                    "code": status.as_u16(), "title": self.code, "message": self.message
                }}),
            ),
        }
    }
}
