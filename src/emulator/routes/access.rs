//! Permissions (`.../access`) of an organization or a repository: one set of handlers, the
//! path says whose list. POST/PATCH take `[UserAuth]`, DELETE takes a JSON array of user ids.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;

use super::reply::{Reply, created, no_content, ok, parse_body, repo_param};
use crate::emulator::error::ApiErr;
use crate::emulator::shared::App;
use crate::emulator::state::{PermOp, PermTarget};
use crate::swr::model::UserAuth;

/// `{namespace}` alone names an organization, with `{repository}` a repository.
impl<S: Send + Sync> FromRequestParts<S> for PermTarget {
    type Rejection = PathRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(mut params) =
            Path::<HashMap<String, String>>::from_request_parts(parts, state).await?;
        // Both routes carry `{namespace}`; an empty name would only be a 404.
        let org = params.remove("namespace").unwrap_or_default();
        Ok(match params.get("repository") {
            None => PermTarget::Org(org),
            Some(repo) => PermTarget::Repo {
                org,
                repo: repo_param(repo),
            },
        })
    }
}

/// The list to grant: every field is required and `auth` must be an integer.
fn auths(body: &Bytes) -> Result<Vec<UserAuth>, ApiErr> {
    let list: Vec<serde_json::Value> = parse_body(body)?;
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

pub async fn show(State(app): State<App>, target: PermTarget) -> Reply {
    ok(&app.read().access(&target)?)
}

pub async fn create(State(app): State<App>, target: PermTarget, body: Bytes) -> Reply {
    let op = PermOp::Create(auths(&body)?);
    app.write().change_perms(&target, op)?;
    // The service answers an organization's grant with 200, a repository's with 201.
    created(match target {
        PermTarget::Org(_) => StatusCode::OK,
        PermTarget::Repo { .. } => StatusCode::CREATED,
    })
}

pub async fn update(State(app): State<App>, target: PermTarget, body: Bytes) -> Reply {
    let op = PermOp::Update(auths(&body)?);
    app.write().change_perms(&target, op)?;
    created(StatusCode::CREATED)
}

pub async fn delete(State(app): State<App>, target: PermTarget, body: Bytes) -> Reply {
    let op = PermOp::Delete(parse_body(&body)?);
    app.write().change_perms(&target, op)?;
    no_content()
}
