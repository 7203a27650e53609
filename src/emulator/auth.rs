//! Authentication, as the API gateway does it before SWR sees a request: either an IAM token
//! the emulator issued (`X-Auth-Token`) or an AK/SK signature recomputed from what arrived.
//! Failures are 401 with the gateway's body, and the handler never runs.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use chrono::{NaiveDateTime, Utc};

use super::App;
use super::faults::RequestId;
use super::routes::gateway_error;
use crate::swr::encoding::parse_query;
use crate::swr::sign::{
    AuthorizationHeader, SDK_DATE_FORMAT, SignInput, sign_with, signatures_match,
};

/// Largest request body accepted (bodies must be buffered to verify the signature).
pub const MAX_BODY: usize = 10 * 1024 * 1024;
/// Allowed clock skew of `X-Sdk-Date`.
const MAX_SKEW_SECS: i64 = 15 * 60;

/// Why a request was rejected (the message goes to the client; it never echoes secrets).
#[derive(Debug, PartialEq, Eq)]
pub struct Rejection {
    pub code: &'static str,
    pub message: String,
}

fn aksk_fail(why: &str) -> Rejection {
    Rejection {
        code: "APIGW.0301",
        message: format!(
            "Incorrect IAM authentication information: verify aksk signature fail, {why}"
        ),
    }
}

fn header_str<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Checks a token against those the emulator issued.
fn check_token(app: &App, token: &str) -> Result<(), Rejection> {
    let inner = app.lock();
    match inner.state.tokens.get(token) {
        Some(expires) if *expires > Utc::now() => Ok(()),
        Some(_) => Err(Rejection {
            code: "APIGW.0307",
            message: "The token must be updated: the token has expired".into(),
        }),
        None => Err(Rejection {
            code: "APIGW.0307",
            message: "The token must be updated: the token is invalid".into(),
        }),
    }
}

/// Verifies an AK/SK signature over the request as received.
pub fn check_signature(
    access_key: &str,
    secret_key: &str,
    method: &str,
    path: &str,
    raw_query: Option<&str>,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(), Rejection> {
    let authorization = header_str(headers, "authorization").ok_or_else(|| Rejection {
        code: "APIGW.0301",
        message: "Incorrect IAM authentication information: Authorization or X-Auth-Token header is missing".into(),
    })?;
    let auth = AuthorizationHeader::parse(authorization)
        .ok_or_else(|| aksk_fail("malformed Authorization header"))?;
    if auth.access_key != access_key {
        return Err(aksk_fail("unknown access key"));
    }
    let signed: Vec<String> = auth
        .signed_headers
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    for required in ["host", "x-sdk-date"] {
        if !signed.iter().any(|h| h == required) {
            return Err(aksk_fail(&format!("SignedHeaders must include {required}")));
        }
    }
    let date =
        header_str(headers, "x-sdk-date").ok_or_else(|| aksk_fail("X-Sdk-Date is missing"))?;
    let when = NaiveDateTime::parse_from_str(date.trim(), SDK_DATE_FORMAT)
        .map_err(|_| aksk_fail("X-Sdk-Date must look like 20260101T120000Z"))?
        .and_utc();
    if (Utc::now() - when).num_seconds().abs() > MAX_SKEW_SECS {
        return Err(aksk_fail(
            "X-Sdk-Date is more than 15 minutes from the server time",
        ));
    }
    let mut signed_values = Vec::with_capacity(signed.len());
    for name in &signed {
        let value = header_str(headers, name)
            .ok_or_else(|| aksk_fail(&format!("signed header {name} is missing")))?;
        signed_values.push((name.clone(), value.to_string()));
    }
    let query = parse_query(raw_query.unwrap_or(""));
    let input = SignInput {
        method,
        path,
        query: &query,
        headers: &signed_values,
        body,
    };
    let expected = sign_with(&input, &signed, secret_key);
    if !signatures_match(&expected.signature, &auth.signature) {
        // The canonical request (with `|` for newlines) helps debugging, as the gateway's does.
        let canonical = expected.canonical_request.replace('\n', "|");
        return Err(aksk_fail(&format!("canonicalRequest: {canonical}")));
    }
    Ok(())
}

/// The middleware on every route except `POST /v3/auth/tokens`.
pub async fn layer(State(app): State<App>, req: Request, next: Next) -> Response {
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let (parts, body) = req.into_parts();
    let bytes: Bytes = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(b) => b,
        Err(_) => {
            return super::routes::swr_error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "SVCSTG.SWR.4000014",
                "request body too large",
            );
        }
    };
    let verdict = match header_str(&parts.headers, "x-auth-token") {
        Some(token) => check_token(&app, token),
        None => check_signature(
            &app.access_key,
            &app.secret_key,
            parts.method.as_str(),
            parts.uri.path(),
            parts.uri.query(),
            &parts.headers,
            &bytes,
        ),
    };
    match verdict {
        Ok(()) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(rejection) => {
            app.lock().counters.unauthorized += 1;
            tracing::debug!(method = %parts.method, path = parts.uri.path(), code = rejection.code, "rejected");
            gateway_error(
                StatusCode::UNAUTHORIZED,
                rejection.code,
                &rejection.message,
                &request_id,
            )
        }
    }
}
