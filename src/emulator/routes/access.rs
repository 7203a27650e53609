//! Organization and repository permissions (`.../access`). POST/PATCH take `[UserAuth]`,
//! DELETE takes a JSON array of user ids.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{created, json, no_content, parse_body, reply, repo_param};
use crate::emulator::App;
use crate::emulator::state::{ApiErr, PermOp};
use crate::swr::model::UserAuth;

fn change(
    app: &App,
    org: &str,
    repo: Option<&str>,
    op: Result<PermOp, ApiErr>,
    ok: Response,
) -> Response {
    reply(
        op.and_then(|op| app.write().change_perms(org, repo, op))
            .map(|()| ok),
    )
}

fn auths(body: &Bytes) -> Result<Vec<UserAuth>, ApiErr> {
    let list: Vec<serde_json::Value> = parse_body(body)?;
    // Every field is required; `auth` must be an integer.
    list.into_iter()
        .map(|v| {
            let has = |k: &str| v.get(k).is_some();
            if !(has("user_id") && has("user_name") && v.get("auth").is_some_and(|a| a.is_i64())) {
                return Err(ApiErr::invalid_json());
            }
            serde_json::from_value(v).map_err(|_| ApiErr::invalid_json())
        })
        .collect()
}

pub async fn show_org(State(app): State<App>, Path(ns): Path<String>) -> Response {
    reply(app.read().org_access(&ns).map(|a| json(StatusCode::OK, &a)))
}

pub async fn create_org(State(app): State<App>, Path(ns): Path<String>, body: Bytes) -> Response {
    change(
        &app,
        &ns,
        None,
        auths(&body).map(PermOp::Create),
        super::created(StatusCode::OK),
    )
}

pub async fn update_org(State(app): State<App>, Path(ns): Path<String>, body: Bytes) -> Response {
    change(
        &app,
        &ns,
        None,
        auths(&body).map(PermOp::Update),
        created(StatusCode::CREATED),
    )
}

pub async fn delete_org(State(app): State<App>, Path(ns): Path<String>, body: Bytes) -> Response {
    change(
        &app,
        &ns,
        None,
        parse_body(&body).map(PermOp::Delete),
        no_content(),
    )
}

pub async fn show_repo(
    State(app): State<App>,
    Path((ns, repo)): Path<(String, String)>,
) -> Response {
    reply(
        app.read()
            .repo_access(&ns, &repo_param(&repo))
            .map(|a| json(StatusCode::OK, &a)),
    )
}

pub async fn create_repo(
    State(app): State<App>,
    Path((ns, repo)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let repo = repo_param(&repo);
    change(
        &app,
        &ns,
        Some(&repo),
        auths(&body).map(PermOp::Create),
        created(StatusCode::CREATED),
    )
}

pub async fn update_repo(
    State(app): State<App>,
    Path((ns, repo)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let repo = repo_param(&repo);
    change(
        &app,
        &ns,
        Some(&repo),
        auths(&body).map(PermOp::Update),
        created(StatusCode::CREATED),
    )
}

pub async fn delete_repo(
    State(app): State<App>,
    Path((ns, repo)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let repo = repo_param(&repo);
    change(
        &app,
        &ns,
        Some(&repo),
        parse_body(&body).map(PermOp::Delete),
        no_content(),
    )
}
