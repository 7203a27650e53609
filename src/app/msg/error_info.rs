//! How `update()` sees an API failure.

use crate::swr::ApiError;

/// An API failure as `update()` sees it: the HTTP status and SWR's error code when the service
/// answered, so a dialog can act on a 404 or a 409 without reading text, and the message.
/// The text is the service's (remote): whatever draws it sanitizes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo {
    /// The HTTP status of a refusal; `None` when no answer came (network, timeout, decoding).
    pub status: Option<u16>,
    /// SWR's error code (`SVCSTG.SWR.4090006`), or the status as text when the body had none.
    pub code: Option<String>,
    /// SWR's message for a refusal, or the whole description of any other failure.
    pub message: String,
}

impl ErrorInfo {
    /// The service refused with `status` and SWR's `code`.
    pub fn http(status: u16, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            status: Some(status),
            code: Some(code.into()),
            message: message.into(),
        }
    }

    /// A failure without an answer from the service (network, timeout, a body not understood).
    pub fn other(message: impl Into<String>) -> Self {
        Self {
            status: None,
            code: None,
            message: message.into(),
        }
    }

    /// The service says the thing does not exist (HTTP 404).
    pub fn is_not_found(&self) -> bool {
        self.status == Some(404)
    }

    /// The service says the thing exists or is in another state (HTTP 409).
    pub fn is_conflict(&self) -> bool {
        self.status == Some(409)
    }
}

/// The status line's text: `CODE: message (HTTP n)` for a refusal, the plain text otherwise.
impl std::fmt::Display for ErrorInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(code) = &self.code {
            write!(f, "{code}: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(status) = self.status {
            write!(f, " (HTTP {status})")?;
        }
        Ok(())
    }
}

impl From<&ApiError> for ErrorInfo {
    fn from(e: &ApiError) -> Self {
        match e {
            ApiError::Status {
                status,
                code,
                message,
                ..
            } => Self::http(*status, code.as_str(), message.as_str()),
            other => Self::other(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_reads_as_code_message_and_status() {
        let refused = ApiError::Status {
            status: 409,
            code: "SVCSTG.SWR.4090006".into(),
            message: "The tag already exists".into(),
            request_id: Some("r-1".into()),
        };
        let error = ErrorInfo::from(&refused);
        assert_eq!(
            error,
            ErrorInfo::http(409, "SVCSTG.SWR.4090006", "The tag already exists")
        );
        assert_eq!(
            error.to_string(),
            "SVCSTG.SWR.4090006: The tag already exists (HTTP 409)"
        );
    }

    #[test]
    fn a_failure_without_answer_reads_as_the_error_text() {
        let error = ErrorInfo::from(&ApiError::Transport("connection reset".into()));
        assert_eq!(error, ErrorInfo::other("network error: connection reset"));
        assert_eq!(error.to_string(), "network error: connection reset");
        assert_eq!(error.status, None);
        let timeout = ErrorInfo::from(&ApiError::Timeout);
        assert_eq!(timeout.to_string(), "request timed out");
    }

    #[test]
    fn a_404_and_a_409_are_known_by_status_not_by_text() {
        // The message says nothing of the status: only the structured field can tell.
        let gone = ErrorInfo::from(&ApiError::Status {
            status: 404,
            code: "SVCSTG.SWR.4040002".into(),
            message: "no such repository (HTTP 409)".into(),
            request_id: None,
        });
        assert!(gone.is_not_found());
        assert!(!gone.is_conflict());
        assert!(ErrorInfo::http(409, "SVCSTG.SWR.4090006", "exists").is_conflict());
        let text_only = ErrorInfo::other("SVCSTG.SWR.4040002: gone (HTTP 404)");
        assert!(!text_only.is_not_found());
        assert!(!text_only.is_conflict());
    }
}
