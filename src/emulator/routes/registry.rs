//! The registry API (Docker Registry v2 with token auth) on the emulator's one listener, as
//! SWR serves it on its registry host: `GET /v2/` challenges, the token endpoint takes the
//! temporary docker login as Basic auth and issues a pull token for one repository, and
//! `GET /v2/{org}/{repo}/manifests/{reference}` answers with a Bearer token only (Basic on
//! `/v2` is refused). A middleware, since a repository name holds slashes that no route
//! pattern can take in the middle of a path; management paths pass through untouched.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use chrono::Utc;
use percent_encoding::percent_decode_str;

use crate::emulator::shared::App;
use crate::emulator::state::{Missing, Refusal};

/// Where tokens are issued, relative to the registry host (SWR's realm).
pub const TOKEN_PATH: &str = "/swr/auth/v2/registry/auth/";
const SERVICE: &str = "dockyard";

/// Answers registry requests; anything else goes on to the management API.
pub async fn intercept(State(app): State<App>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let reading = matches!(*req.method(), Method::GET | Method::HEAD);
    if path == "/v2/" {
        return ping(&app, req.headers());
    }
    if path == TOKEN_PATH || path == TOKEN_PATH.trim_end_matches('/') {
        return token(&app, req.headers(), req.uri().query().unwrap_or(""));
    }
    let Some((name, reference)) = manifest_path(path) else {
        return next.run(req).await;
    };
    if !reading {
        return refuse(StatusCode::METHOD_NOT_ALLOWED, "UNSUPPORTED", "read only");
    }
    let head = *req.method() == Method::HEAD;
    manifest(&app, req.headers(), &name, &reference, head)
}

/// `/v2/{org}/{repo…}/manifests/{reference}`, decoded: the name and the reference.
fn manifest_path(path: &str) -> Option<(String, String)> {
    let rest = path.strip_prefix("/v2/")?;
    let (name, reference) = rest.rsplit_once("/manifests/")?;
    let decode = |s: &str| {
        percent_decode_str(s)
            .decode_utf8()
            .ok()
            .map(|c| c.into_owned())
    };
    let (name, reference) = (decode(name)?, decode(reference)?);
    let fine = name.contains('/') && !reference.is_empty() && !reference.contains('/');
    fine.then_some((name, reference))
}

/// `GET /v2/`: 200 with a valid token, else the challenge naming the token endpoint.
fn ping(app: &App, headers: &HeaderMap) -> Response {
    if let Some(token) = bearer(headers)
        && app.read().token_repository(token, Utc::now()).is_some()
    {
        return (StatusCode::OK, json_header(), "{}").into_response();
    }
    challenge(headers, None)
}

/// `GET {realm}?service=dockyard&scope=repository:{org}/{repo}:pull` with Basic auth.
fn token(app: &App, headers: &HeaderMap, query: &str) -> Response {
    let scope = form_value(query, "scope").unwrap_or_default();
    let Some((user, password)) = basic(headers) else {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "UNAUTHORIZED",
            "authentication required",
        );
    };
    let issued = app
        .write()
        .issue_pull_token(&user, &password, &scope, Utc::now());
    match issued {
        Ok(token) => {
            let body = serde_json::json!({
                "token": token,
                "issued_at": crate::emulator::state::fmt_time(Utc::now()),
            });
            (StatusCode::OK, json_header(), body.to_string()).into_response()
        }
        Err(Refusal::Unauthorized) => refuse(
            StatusCode::UNAUTHORIZED,
            "UNAUTHORIZED",
            "invalid username or password",
        ),
        Err(Refusal::Denied(message)) => refuse(StatusCode::UNAUTHORIZED, "DENIED", &message),
    }
}

/// One manifest, for a token whose scope is this repository.
fn manifest(app: &App, headers: &HeaderMap, name: &str, reference: &str, head: bool) -> Response {
    let st = app.read();
    let granted = bearer(headers).and_then(|t| st.token_repository(t, Utc::now()));
    if granted != Some(name) {
        drop(st);
        return challenge(headers, Some(name));
    }
    let Some((org, repo)) = name.split_once('/') else {
        return refuse(
            StatusCode::NOT_FOUND,
            "NAME_UNKNOWN",
            "repository name not known",
        );
    };
    let served = match st.registry_manifest(org, repo, reference) {
        Ok(s) => s,
        Err(Missing::Name) => {
            return refuse(
                StatusCode::NOT_FOUND,
                "NAME_UNKNOWN",
                "repository name not known",
            );
        }
        Err(Missing::Manifest) => {
            return refuse(
                StatusCode::NOT_FOUND,
                "MANIFEST_UNKNOWN",
                "manifest unknown",
            );
        }
    };
    drop(st);
    let mut resp = if head {
        Response::new(Body::empty())
    } else {
        Response::new(Body::from(served.body.clone()))
    };
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(served.media_type),
    );
    if let Ok(v) = HeaderValue::from_str(&served.digest) {
        h.insert("docker-content-digest", v);
    }
    h.insert(header::CONTENT_LENGTH, served.body.len().into());
    resp
}

/// 401 with `WWW-Authenticate: Bearer realm=…,service="dockyard"[,scope=…]`. The realm is on
/// the host the request came to: the emulator's one listener is the registry host too.
fn challenge(headers: &HeaderMap, name: Option<&str>) -> Response {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let mut value = format!(r#"Bearer realm="http://{host}{TOKEN_PATH}",service="{SERVICE}""#);
    if let Some(name) = name {
        value.push_str(&format!(r#",scope="repository:{name}:pull""#));
    }
    let mut resp = refuse(
        StatusCode::UNAUTHORIZED,
        "UNAUTHORIZED",
        "authentication required",
    );
    if let Ok(v) = HeaderValue::from_str(&value) {
        resp.headers_mut().insert(header::WWW_AUTHENTICATE, v);
    }
    resp
}

/// The registry's error body: `{"errors":[{"code","message","detail"}]}`.
fn refuse(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({
        "errors": [{ "code": code, "message": message, "detail": null }]
    });
    (status, json_header(), body.to_string()).into_response()
}

fn json_header() -> [(header::HeaderName, HeaderValue); 1] {
    [(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    )]
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    value.strip_prefix("Bearer ").map(str::trim)
}

/// The `user:password` of Basic auth.
fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ")?.trim();
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (user, password) = text.split_once(':')?;
    Some((user.to_string(), password.to_string()))
}

/// One value of an `application/x-www-form-urlencoded` query.
fn form_value(query: &str, key: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        let plus = v.replace('+', " ");
        (k == key).then(|| percent_decode_str(&plus).decode_utf8_lossy().into_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_paths_keep_slashes_in_the_name() {
        assert_eq!(
            manifest_path("/v2/demo/team/api/manifests/sha256%3Aab"),
            Some(("demo/team/api".into(), "sha256:ab".into()))
        );
        assert_eq!(manifest_path("/v2/demo/manifests/v1"), None, "no org/repo");
        assert_eq!(manifest_path("/v2/manage/namespaces"), None);
        assert_eq!(manifest_path("/v2/a/b/manifests/"), None);
    }

    #[test]
    fn form_values_are_decoded() {
        let q = "service=dockyard&scope=repository%3Ademo%2Fteam%2Fapi%3Apull";
        assert_eq!(
            form_value(q, "scope").as_deref(),
            Some("repository:demo/team/api:pull")
        );
        assert_eq!(form_value(q, "nope"), None);
    }
}
