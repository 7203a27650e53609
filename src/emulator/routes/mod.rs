//! HTTP routes: one file per resource group. Handlers translate HTTP to [`State`] calls and back;
//! the lock is taken and released inside each handler (never across `.await`).
//!
//! [`State`]: super::state::State

pub mod access;
pub mod domains;
pub mod iam;
pub mod namespaces;
pub mod repos;
pub mod tags;
pub mod utils;

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::state::ApiErr;
use super::{App, auth, faults};
use crate::swr::error::{GatewayErrorBody, SwrErrorBody};

/// The whole API: SWR and the IAM calls, authenticated, behind the fault layer.
pub fn router(app: App) -> Router {
    const NS: &str = "/v2/manage/namespaces/{namespace}";
    let repo = format!("{NS}/repos/{{repository}}");
    let domains = format!("{NS}/repositories/{{repository}}/access-domains");
    let protected = Router::new()
        .route("/", get(utils::list_versions))
        .route("/{api_version}", get(utils::show_version))
        .route(
            "/v2/manage/namespaces",
            get(namespaces::list).post(namespaces::create),
        )
        .route(NS, get(namespaces::show).delete(namespaces::delete))
        .route(
            &format!("{NS}/access"),
            get(access::show_org)
                .post(access::create_org)
                .patch(access::update_org)
                .delete(access::delete_org),
        )
        .route("/v2/manage/repos", get(repos::list_v2))
        .route("/v3/manage/repos", get(repos::list_v3))
        .route(&format!("{NS}/repos"), post(repos::create))
        .route(
            &repo,
            get(repos::show).patch(repos::update).delete(repos::delete),
        )
        .route(
            &format!("{repo}/access"),
            get(access::show_repo)
                .post(access::create_repo)
                .patch(access::update_repo)
                .delete(access::delete_repo),
        )
        .route(
            &format!("{repo}/tags"),
            get(tags::list_v2).post(tags::retag),
        )
        .route(
            "/v3/manage/namespaces/{namespace}/repos/{repository}/tags",
            get(tags::list_v3),
        )
        .route(
            &format!("{repo}/tags/{{tag}}"),
            get(tags::show).delete(tags::delete),
        )
        .route(&domains, get(domains::list).post(domains::create))
        .route(
            &format!("{domains}/{{access_domain}}"),
            get(domains::show)
                .patch(domains::update)
                .delete(domains::delete),
        )
        .route("/v2/manage/shared-repositories", get(repos::shared_v2))
        .route("/v3/manage/shared-repositories", get(repos::shared_v3))
        .route("/v2/manage/utils/secret", post(utils::create_secret))
        .route(
            "/v2/manage/utils/authorizationtoken",
            post(utils::create_authorization_token),
        )
        .route(
            "/v2/manage/projects/{project_id}/quotas",
            get(utils::quotas),
        )
        .route("/v2/manage/overview", get(utils::overview))
        .route(
            "/v2/manage/projects/{project_id}/feature-gates",
            get(utils::feature_gates),
        )
        .route("/v2/manage/regions", get(utils::regions))
        .route(
            "/v2/manage/reports/{resource_type}/{frequency}",
            get(utils::reports),
        )
        .route("/v3/users", get(iam::list_users))
        .route("/v3/projects", get(iam::list_projects))
        .layer(from_fn_with_state(app.clone(), auth::layer));
    let open = Router::new().route("/v3/auth/tokens", post(iam::create_token));
    protected
        .merge(open)
        .fallback(not_found)
        .layer(from_fn_with_state(app.clone(), faults::layer))
        .with_state(app)
}

async fn not_found() -> Response {
    swr_error(
        StatusCode::NOT_FOUND,
        "SVCSTG.SWR.4040000",
        "resource not found",
    )
}

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
        Err(_) => swr_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "SVCSTG.SWR.5000001",
            "internal error",
        ),
    }
}

/// The body of create calls: `{}`.
pub fn created(status: StatusCode) -> Response {
    json(status, &serde_json::json!({}))
}

/// 204 without a body.
pub fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

pub fn swr_error(status: StatusCode, code: &str, message: &str) -> Response {
    json(status, &SwrErrorBody::new(code, message))
}

pub fn gateway_error(status: StatusCode, code: &str, message: &str, request_id: &str) -> Response {
    json(
        status,
        &GatewayErrorBody {
            error_msg: message.into(),
            error_code: code.into(),
            request_id: request_id.into(),
        },
    )
}

impl IntoResponse for ApiErr {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        swr_error(status, self.code, &self.message)
    }
}

/// Turns a handler result into a response.
pub fn reply(result: Result<Response, ApiErr>) -> Response {
    result.unwrap_or_else(IntoResponse::into_response)
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
