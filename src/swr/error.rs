//! One error type for every client call: HTTP status with SWR's error code and message, or the
//! transport cause. Both SWR error-body generations and the API gateway's body are understood.

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The service answered with a non-2xx status.
    #[error("{status} {code}: {message}")]
    Status {
        status: u16,
        code: String,
        message: String,
        request_id: Option<String>,
    },
    /// Connecting, sending or reading failed.
    #[error("network error: {0}")]
    Transport(String),
    /// The request did not finish in time.
    #[error("request timed out")]
    Timeout,
    /// A 2xx answer whose body could not be understood.
    #[error("unexpected response: {0}")]
    Decode(String),
    /// Bad input caught before anything was sent.
    #[error("{0}")]
    Invalid(String),
    /// IAM password authentication could not produce a token.
    #[error("authentication failed: {0}")]
    Auth(String),
}

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Status { code, .. } => Some(code),
            _ => None,
        }
    }

    /// Builds the error for a non-2xx answer from its body, as the official SDK's handler does.
    pub fn from_response(status: u16, body: &[u8], request_id: Option<String>) -> Self {
        let parsed = serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|v| find_code_message(&v));
        let (code, message) = parsed.unwrap_or_else(|| {
            let text = String::from_utf8_lossy(body).trim().to_string();
            let message = if text.is_empty() {
                default_reason(status).to_string()
            } else {
                text.chars().take(500).collect()
            };
            (status.to_string(), message)
        });
        Self::Status {
            status,
            code,
            message,
            request_id,
        }
    }
}

fn default_reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        406 => "Not Acceptable",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "error",
    }
}

const KEY_PAIRS: [(&str, &str); 4] = [
    ("error_code", "error_msg"),
    ("errorCode", "errorMessage"),
    ("errorCode", "errorMsg"),
    ("code", "message"),
];

/// Looks for a code/message pair at the top level, then inside arrays and nested objects.
fn find_code_message(v: &Value) -> Option<(String, String)> {
    match v {
        Value::Object(map) => {
            for (ck, mk) in KEY_PAIRS {
                if let Some(code) = map.get(ck).and_then(scalar_text) {
                    let message = map.get(mk).and_then(scalar_text).unwrap_or_default();
                    return Some((code, message));
                }
            }
            map.values().find_map(find_code_message)
        }
        Value::Array(items) => items.iter().find_map(find_code_message),
        _ => None,
    }
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The error body SWR sends today: both generations of keys in one object.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SwrErrorBody {
    pub errors: Vec<LegacyError>,
    pub error_code: String,
    pub error_msg: String,
    pub details: Vec<ErrorDetail>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LegacyError {
    pub error_code: String,
    pub error_message: String,
    pub detail: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ErrorDetail {
    pub error_code: String,
    pub error_msg: String,
}

impl SwrErrorBody {
    pub fn new(code: &str, message: &str) -> Self {
        Self {
            errors: vec![LegacyError {
                error_code: code.into(),
                error_message: message.into(),
                detail: String::new(),
            }],
            error_code: code.into(),
            error_msg: message.into(),
            details: vec![ErrorDetail {
                error_code: code.into(),
                error_msg: String::new(),
            }],
        }
    }
}

/// The API gateway's body for authentication and throttling failures.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GatewayErrorBody {
    pub error_msg: String,
    pub error_code: String,
    pub request_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(e: ApiError) -> (u16, String, String) {
        match e {
            ApiError::Status {
                status,
                code,
                message,
                ..
            } => (status, code, message),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn parses_current_combined_body() {
        let body = serde_json::to_vec(&SwrErrorBody::new(
            "SVCSTG.SWR.4030170",
            "Insufficient permissions",
        ))
        .unwrap();
        assert_eq!(
            parts(ApiError::from_response(403, &body, None)),
            (
                403,
                "SVCSTG.SWR.4030170".into(),
                "Insufficient permissions".into()
            )
        );
    }

    #[test]
    fn parses_legacy_array_body() {
        let body = br#"[{"errorCode":"SVCSTG.SWR.4001048","errorMessage":"Failed to get token","detail":""}]"#;
        assert_eq!(
            parts(ApiError::from_response(400, body, None)),
            (
                400,
                "SVCSTG.SWR.4001048".into(),
                "Failed to get token".into()
            )
        );
    }

    #[test]
    fn parses_gateway_body() {
        let body = br#"{"error_msg":"Incorrect IAM authentication information","error_code":"APIGW.0301","request_id":"r"}"#;
        assert_eq!(
            parts(ApiError::from_response(401, body, None)).1,
            "APIGW.0301"
        );
    }

    #[test]
    fn falls_back_to_status_and_text() {
        assert_eq!(
            parts(ApiError::from_response(
                502,
                b"<html>bad gateway</html>",
                None
            )),
            (502, "502".into(), "<html>bad gateway</html>".into())
        );
        assert_eq!(
            parts(ApiError::from_response(503, b"", None)).2,
            "Service Unavailable"
        );
    }
}
