//! Enterprise-edition repositories: per namespace and per instance lists, show, description
//! update and delete. A nested name travels as `team%252Fsvc`: axum decodes the segment once,
//! then `%2F` stands for `/`.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;

use super::instances::DEFAULT_LIMIT;
use super::reply::{
    InstancePath, NamespacePath, Reply, check_project, created, ok, parse_body, project_params,
};
use crate::emulator::error::ApiErr;
use crate::emulator::params::{Params, offset_page, order_of};
use crate::emulator::shared::App;
use crate::emulator::state::order_repositories;
use crate::swr::encoding::instance_repo_from_segment;
use crate::swr::enterprise::{
    InstanceRepository, InstanceRepositoryList, UpdateInstanceRepository,
};

/// One page of repositories, ordered as asked (`order_column` created_at|updated_at).
fn repositories_page(params: &Params, mut all: Vec<InstanceRepository>) -> Reply {
    let page = offset_page(params, DEFAULT_LIMIT)?;
    let order = order_of(params.get("order_column"), params.get("order_type"))?;
    if let Some((column, _)) = &order
        && !matches!(column.as_str(), "created_at" | "updated_at")
    {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            format!("invalid order_column: {column}"),
        ));
    }
    order_repositories(&mut all, order);
    let total = all.len() as u64;
    ok(&InstanceRepositoryList {
        repositories: page.slice(all),
        total,
    })
}

pub async fn list_in_namespace(
    State(app): State<App>,
    Path((project, id, ns)): NamespacePath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = project_params(&app, &project, q.as_deref())?;
    let all = app.read().list_namespace_repositories(&id, &ns)?;
    repositories_page(&params, all)
}

/// `?namespace_id=N` narrows the list to one namespace.
pub async fn list_in_instance(
    State(app): State<App>,
    Path((project, id)): InstancePath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = project_params(&app, &project, q.as_deref())?;
    let namespace_id = match params.get("namespace_id").filter(|n| !n.is_empty()) {
        None => None,
        Some(n) => Some(n.trim().parse::<i64>().map_err(|_| {
            ApiErr::bad_request("SVCSTG.SWR.4000014", format!("invalid namespace_id: {n}"))
        })?),
    };
    let all = app.read().list_instance_repositories(&id, namespace_id)?;
    repositories_page(&params, all)
}

type RepoPath = Path<(String, String, String, String)>;

pub async fn show(State(app): State<App>, Path((project, id, ns, repo)): RepoPath) -> Reply {
    check_project(&app, &project)?;
    let repo = instance_repo_from_segment(&repo);
    ok(&app.read().show_instance_repository(&id, &ns, &repo)?)
}

pub async fn update(
    State(app): State<App>,
    Path((project, id, ns, repo)): RepoPath,
    body: Bytes,
) -> Reply {
    check_project(&app, &project)?;
    let req: UpdateInstanceRepository = parse_body(&body)?;
    let repo = instance_repo_from_segment(&repo);
    app.write()
        .update_instance_repository(&id, &ns, &repo, &req.description)?;
    created(StatusCode::OK)
}

pub async fn delete(State(app): State<App>, Path((project, id, ns, repo)): RepoPath) -> Reply {
    check_project(&app, &project)?;
    let repo = instance_repo_from_segment(&repo);
    app.write().delete_instance_repository(&id, &ns, &repo)?;
    created(StatusCode::OK)
}
