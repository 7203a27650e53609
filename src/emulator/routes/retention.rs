//! Retention rules of a repository (`…/repos/{repository}/retentions`). Create and update
//! apply the rule at once, as SWR does; histories page with `filter=limit::n|offset::m`.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;

use super::reply::{Reply, created, ok, parse_body, repo_param, with_range};
use crate::emulator::error::ApiErr;
use crate::emulator::params::{Params, V2Fields};
use crate::emulator::shared::App;
use crate::emulator::wire::json;
use crate::swr::client::retention::RetentionBody;

type RepoPath = Path<(String, String)>;
type RulePath = Path<(String, String, String)>;

/// `{retention_id}` is an integer; anything else cannot name a rule.
fn rule_id(raw: &str) -> Result<i64, ApiErr> {
    raw.parse()
        .map_err(|_| ApiErr::bad_request("SVCSTG.SWR.4000014", "invalid retention_id"))
}

/// `algorithm` must be `or` (the only one the service knows).
fn body(raw: &Bytes) -> Result<RetentionBody, ApiErr> {
    let body: RetentionBody = parse_body(raw)?;
    if body.algorithm != "or" {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            "algorithm must be or",
        ));
    }
    Ok(body)
}

pub async fn list(State(app): State<App>, Path((ns, repo)): RepoPath) -> Reply {
    ok(&app.read().list_retentions(&ns, &repo_param(&repo))?)
}

pub async fn create(State(app): State<App>, Path((ns, repo)): RepoPath, raw: Bytes) -> Reply {
    let body = body(&raw)?;
    let id = app
        .write()
        .create_retention(&ns, &repo_param(&repo), &body.rules)?;
    Ok(json(StatusCode::CREATED, &serde_json::json!({ "id": id })))
}

pub async fn show(State(app): State<App>, Path((ns, repo, id)): RulePath) -> Reply {
    ok(&app
        .read()
        .show_retention(&ns, &repo_param(&repo), rule_id(&id)?)?)
}

pub async fn update(State(app): State<App>, Path((ns, repo, id)): RulePath, raw: Bytes) -> Reply {
    let id = rule_id(&id)?;
    let body = body(&raw)?;
    app.write()
        .update_retention(&ns, &repo_param(&repo), id, &body.rules)?;
    created(StatusCode::CREATED)
}

pub async fn delete(State(app): State<App>, Path((ns, repo, id)): RulePath) -> Reply {
    app.write()
        .delete_retention(&ns, &repo_param(&repo), rule_id(&id)?)?;
    created(StatusCode::OK)
}

pub async fn histories(
    State(app): State<App>,
    Path((ns, repo)): RepoPath,
    RawQuery(q): RawQuery,
) -> Reply {
    let fields = V2Fields::from_params(&Params::from_raw(q.as_deref()), &["limit", "offset"])?;
    let page = fields.page()?;
    let (items, total) = app
        .read()
        .retention_histories(&ns, &repo_param(&repo), page)?;
    let count = items.len();
    let reply = ok(&serde_json::json!({ "retention_log": items, "total": total }));
    with_range(reply, page, count, total)
}
