//! Tags: v2 list (capital `Tag`, `Content-Range`), v3 list (marker), show, delete, retag.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;

use super::reply::{Reply, created, no_content, ok, parse_body, repo_param, with_range};
use crate::emulator::params::{Params, V2Fields, order_of, parse_bool, parse_limit};
use crate::emulator::shared::App;
use crate::emulator::state::TagQueryV3;
use crate::swr::model::CreateTag;

type RepoPath = Path<(String, String)>;
type TagPath = Path<(String, String, String)>;

pub async fn list_v2(
    State(app): State<App>,
    Path((ns, repo)): RepoPath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = Params::from_raw(q.as_deref());
    let fields = V2Fields::from_params(
        &params,
        &["limit", "offset", "order_column", "order_type", "tag"],
    )?;
    let page = fields.page()?;
    // Serialized under the shared lock: the page borrows from the state.
    let state = app.read();
    let (rows, total) = state.list_tags_v2(
        &ns,
        &repo_param(&repo),
        fields.get("tag"),
        fields.order()?,
        page,
    )?;
    let count = rows.len();
    with_range(ok(&rows), page, count, total)
}

pub async fn list_v3(
    State(app): State<App>,
    Path((ns, repo)): RepoPath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = Params::from_raw(q.as_deref());
    let query = TagQueryV3 {
        limit: parse_limit(params.get("limit"))?,
        marker: params
            .get("marker")
            .filter(|m| !m.is_empty())
            .map(str::to_string),
        name: params.get("tag").map(str::to_string),
        order: order_of(params.get("order_column"), params.get("order_type"))?,
        with_manifest: parse_bool("with_manifest", params.get("with_manifest"))?.unwrap_or(false),
    };
    let state = app.read();
    ok(&state.list_tags_v3(&ns, &repo_param(&repo), &query)?)
}

pub async fn show(State(app): State<App>, Path((ns, repo, tag)): TagPath) -> Reply {
    ok(&app.read().show_tag(&ns, &repo_param(&repo), &tag)?)
}

pub async fn delete(State(app): State<App>, Path((ns, repo, tag)): TagPath) -> Reply {
    app.write().delete_tag(&ns, &repo_param(&repo), &tag)?;
    no_content()
}

pub async fn retag(State(app): State<App>, Path((ns, repo)): RepoPath, body: Bytes) -> Reply {
    let req: CreateTag = parse_body(&body)?;
    app.write().retag(&ns, &repo_param(&repo), &req)?;
    created(StatusCode::CREATED)
}
