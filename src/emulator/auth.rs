//! Authentication, as the API gateway does it before SWR sees a request: either an IAM token
//! the emulator issued (`X-Auth-Token`) or an AK/SK signature recomputed from what arrived.
//! Failures are 401 with the gateway's body, and the handler never runs.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use chrono::{DateTime, NaiveDateTime, Utc};

use super::error::ApiErr;
use super::faults::RequestId;
use super::shared::App;
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
    match app.read().tokens.get(token) {
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

/// The parts of a received request the signature check reads.
pub struct Received<'a> {
    pub method: &'a str,
    /// The raw path as it arrived (still percent-encoded).
    pub path: &'a str,
    pub raw_query: Option<&'a str>,
    pub headers: &'a HeaderMap,
    pub body: &'a [u8],
}

/// Verifies an AK/SK signature over the request as received, at time `now`.
pub fn check_signature(
    access_key: &str,
    secret_key: &str,
    req: &Received<'_>,
    now: DateTime<Utc>,
) -> Result<(), Rejection> {
    let headers = req.headers;
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
    if (now - when).num_seconds().abs() > MAX_SKEW_SECS {
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
    let query = parse_query(req.raw_query.unwrap_or(""));
    let input = SignInput {
        method: req.method,
        path: req.path,
        query: &query,
        headers: &signed_values,
        body: req.body,
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
pub async fn layer(State(app): State<App>, req: Request, next: Next) -> Result<Response, ApiErr> {
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let (parts, body) = req.into_parts();
    let bytes: Bytes = axum::body::to_bytes(body, MAX_BODY)
        .await
        .map_err(|_| ApiErr::new(413, "SVCSTG.SWR.4000014", "request body too large"))?;
    let verdict = match header_str(&parts.headers, "x-auth-token") {
        Some(token) => check_token(&app, token),
        None => {
            let received = Received {
                method: parts.method.as_str(),
                path: parts.uri.path(),
                raw_query: parts.uri.query(),
                headers: &parts.headers,
                body: &bytes,
            };
            check_signature(&app.access_key, &app.secret_key, &received, Utc::now())
        }
    };
    verdict.map_err(|rejection| {
        app.runtime().counters.unauthorized += 1;
        tracing::debug!(method = %parts.method, path = parts.uri.path(), code = rejection.code, "rejected");
        ApiErr::gateway(401, rejection.code, rejection.message, &request_id)
    })?;
    Ok(next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await)
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderName, HeaderValue};
    use serde_json::Value;

    use super::*;

    fn rx<'a>(
        method: &'a str,
        path: &'a str,
        raw_query: Option<&'a str>,
        headers: &'a HeaderMap,
        body: &'a [u8],
    ) -> Received<'a> {
        Received {
            method,
            path,
            raw_query,
            headers,
            body,
        }
    }

    /// Every reference vector (signed by Huawei's own SDK signer) verifies; any change to the
    /// body, query, a signed header or the time makes it fail.
    #[test]
    fn reference_vectors_verify_and_tampering_fails() {
        let vectors: Vec<Value> =
            serde_json::from_str(include_str!("../../tests/fixtures/sign-vectors.json")).unwrap();
        assert_eq!(vectors.len(), 20);
        for v in &vectors {
            let name = v["name"].as_str().unwrap();
            let mut headers = HeaderMap::new();
            for (k, val) in v["wire_headers"].as_object().unwrap() {
                headers.insert(
                    HeaderName::from_bytes(k.as_bytes()).unwrap(),
                    HeaderValue::from_str(val.as_str().unwrap()).unwrap(),
                );
            }
            let body = v["body"].as_str().unwrap_or("").as_bytes().to_vec();
            let query = v["wire_query"].as_str().filter(|q| !q.is_empty());
            let date =
                NaiveDateTime::parse_from_str(v["x_sdk_date"].as_str().unwrap(), SDK_DATE_FORMAT)
                    .unwrap()
                    .and_utc();
            let (ak, sk) = (v["ak"].as_str().unwrap(), v["sk"].as_str().unwrap());
            let method = v["method"].as_str().unwrap();
            let path = v["wire_path"].as_str().unwrap();
            let ok = rx(method, path, query, &headers, &body);
            assert_eq!(check_signature(ak, sk, &ok, date), Ok(()), "{name}");
            assert!(check_signature(ak, "wrong", &ok, date).is_err(), "{name}");
            assert!(check_signature("OTHERAK", sk, &ok, date).is_err(), "{name}");
            let late = date + chrono::Duration::minutes(16);
            assert!(
                check_signature(ak, sk, &ok, late).is_err(),
                "{name}: stale date"
            );
            let other_path = format!("{path}x");
            assert!(
                check_signature(
                    ak,
                    sk,
                    &rx(method, &other_path, query, &headers, &body),
                    date
                )
                .is_err(),
                "{name}"
            );
            assert!(
                check_signature(
                    ak,
                    sk,
                    &rx(method, path, Some("limit=11"), &headers, &body),
                    date
                )
                .is_err(),
                "{name}"
            );
            if !body.is_empty() && headers.get("x-sdk-content-sha256").is_none() {
                let mut tampered = body.clone();
                tampered.push(b' ');
                assert!(
                    check_signature(ak, sk, &rx(method, path, query, &headers, &tampered), date)
                        .is_err(),
                    "{name}"
                );
            }
            let mut changed = headers.clone();
            changed.insert(
                "content-type",
                HeaderValue::from_static("application/json;x=1"),
            );
            assert!(
                check_signature(ak, sk, &rx(method, path, query, &changed, &body), date).is_err(),
                "{name}"
            );
        }
    }

    #[test]
    fn signed_headers_must_cover_host_and_date() {
        let mut headers = HeaderMap::new();
        headers.insert("x-sdk-date", HeaderValue::from_static("20261122T120000Z"));
        headers.insert("host", HeaderValue::from_static("h"));
        headers.insert(
            "authorization",
            HeaderValue::from_static(
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature=00",
            ),
        );
        let req = Received {
            method: "GET",
            path: "/",
            raw_query: None,
            headers: &headers,
            body: b"",
        };
        let now = NaiveDateTime::parse_from_str("20261122T120000Z", SDK_DATE_FORMAT)
            .unwrap()
            .and_utc();
        let e = check_signature("AK", "SK", &req, now).unwrap_err();
        assert!(e.message.contains("host"), "{}", e.message);
        assert_eq!(e.code, "APIGW.0301");
    }
}
