//! Cross-region image sync of a repository: automatic rules, syncing tags now, and its jobs.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;

use super::reply::{Reply, created, ok, parse_body, repo_param, with_range};
use crate::emulator::error::ApiErr;
use crate::emulator::params::{Params, V2Fields};
use crate::emulator::shared::App;
use crate::swr::sync::{CreateSyncRule, SyncTags, SyncTarget};

type RepoPath = Path<(String, String)>;

pub async fn list_rules(State(app): State<App>, Path((ns, repo)): RepoPath) -> Reply {
    ok(&app.read().list_sync_rules(&ns, &repo_param(&repo))?)
}

pub async fn create_rule(State(app): State<App>, Path((ns, repo)): RepoPath, body: Bytes) -> Reply {
    let rule: CreateSyncRule = parse_body(&body)?;
    app.write()
        .create_sync_rule(&ns, &repo_param(&repo), &rule)?;
    created(StatusCode::CREATED)
}

/// The rule is named by its target, in the body (Huawei answers 200).
pub async fn delete_rule(State(app): State<App>, Path((ns, repo)): RepoPath, body: Bytes) -> Reply {
    let target: SyncTarget = parse_body(&body)?;
    app.write()
        .delete_sync_rule(&ns, &repo_param(&repo), &target)?;
    created(StatusCode::OK)
}

/// Answers the accepted tags as a bare array of strings.
pub async fn sync_tags(State(app): State<App>, Path((ns, repo)): RepoPath, body: Bytes) -> Reply {
    let req: SyncTags = parse_body(&body)?;
    ok(&app.write().sync_tags(&ns, &repo_param(&repo), &req)?)
}

/// `filter=limit::N|offset::M[|order::desc|asc]` is required; the answer is a bare array with
/// `Content-Range`. Reading the first page moves the jobs on.
pub async fn list_jobs(
    State(app): State<App>,
    Path((ns, repo)): RepoPath,
    RawQuery(raw): RawQuery,
) -> Reply {
    let params = Params::from_raw(raw.as_deref());
    if params.get("filter").is_none_or(str::is_empty) {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4001035",
            "filter is required (limit::N|offset::M)",
        ));
    }
    let fields = V2Fields::from_params(&params, &[])?;
    let page = fields.page()?;
    let ascending = match fields.get("order") {
        None | Some("desc") => false,
        Some("asc") => true,
        Some(other) => {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4000014",
                format!("invalid order: {other}"),
            ));
        }
    };
    let jobs = app
        .write()
        .list_sync_jobs(&ns, &repo_param(&repo), ascending, page.offset == 0)?;
    let total = jobs.len();
    let items: Vec<_> = jobs
        .into_iter()
        .skip(page.offset)
        .take(page.limit)
        .collect();
    let count = items.len();
    with_range(ok(&items), page, count, total)
}
