//! What handlers share: the answer type, success bodies, body parsing and path parameters.

use axum::body::Bytes;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::emulator::error::ApiErr;
use crate::emulator::params::{Page, Params};
use crate::emulator::shared::App;
use crate::emulator::wire::json;

/// What every handler answers.
pub type Reply = Result<Response, ApiErr>;

/// 200 with a JSON body.
pub fn ok<T: Serialize>(body: &T) -> Reply {
    Ok(json(StatusCode::OK, body))
}

/// The body of create and change calls: `{}`, with the status the service uses for that call.
pub fn created(status: StatusCode) -> Reply {
    Ok(json(status, &serde_json::json!({})))
}

/// 204 without a body.
pub fn no_content() -> Reply {
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Adds `Content-Range: {offset}-{count}/{total}` to a page of a v2 list (only when both offset
/// and limit were sent).
pub fn with_range(reply: Reply, page: Page, count: usize, total: usize) -> Reply {
    let mut resp = reply?;
    let range = format!("{}-{count}/{total}", page.offset);
    if page.explicit
        && let Ok(v) = HeaderValue::from_str(&range)
    {
        resp.headers_mut().insert("content-range", v);
    }
    Ok(resp)
}

/// Parses a JSON body; malformed → 400 `SVCSTG.SWR.4000014`.
pub fn parse_body<T: DeserializeOwned>(body: &Bytes) -> Result<T, ApiErr> {
    serde_json::from_slice(body).map_err(|_| ApiErr::invalid_json())
}

/// Parses a body that must carry a boolean `is_public` (400 `SVCSTG.SWR.4001009` otherwise).
pub fn parse_with_is_public<T: DeserializeOwned>(body: &Bytes) -> Result<T, ApiErr> {
    let value: serde_json::Value = parse_body(body)?;
    if !value
        .get("is_public")
        .is_some_and(serde_json::Value::is_boolean)
    {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4001009",
            "is_public must be true or false",
        ));
    }
    serde_json::from_value(value).map_err(|_| ApiErr::invalid_json())
}

/// A repository path parameter: axum has percent-decoded it; `$` stands for `/`.
pub fn repo_param(param: &str) -> String {
    crate::swr::encoding::repo_from_path_param(param)
}

/// A project id in a path must be the emulator's own (404 otherwise).
pub fn check_project(app: &App, project_id: &str) -> Result<(), ApiErr> {
    if app.read().project_id == project_id {
        Ok(())
    } else {
        Err(ApiErr::not_found(format!("project {project_id} not found")))
    }
}

/// The query of a call under a project path, once the project is known to be the emulator's.
pub fn project_params(app: &App, project_id: &str, raw: Option<&str>) -> Result<Params, ApiErr> {
    check_project(app, project_id)?;
    Ok(Params::from_raw(raw))
}

/// `/v2/{project_id}/instances/{instance_id}`.
pub type InstancePath = axum::extract::Path<(String, String)>;
/// The same with `/namespaces/{namespace_name}`.
pub type NamespacePath = axum::extract::Path<(String, String, String)>;
