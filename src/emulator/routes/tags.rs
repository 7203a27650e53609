//! Tags: v2 list (capital `Tag`, `Content-Range`), v3 list (marker), show, delete, retag.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::repos::with_range;
use super::{created, json, no_content, parse_body, reply, repo_param};
use crate::emulator::App;
use crate::emulator::params::{Params, V2Fields, order_of, parse_bool, parse_limit};
use crate::emulator::state::{ApiErr, TagQueryV3};
use crate::swr::model::CreateTag;

type RepoPath = Path<(String, String)>;

pub async fn list_v2(
    State(app): State<App>,
    Path((ns, repo)): RepoPath,
    RawQuery(q): RawQuery,
) -> Response {
    reply((|| {
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
        Ok(with_range(
            json(StatusCode::OK, &rows),
            page.explicit,
            page.offset,
            count,
            total,
        ))
    })())
}

pub async fn list_v3(
    State(app): State<App>,
    Path((ns, repo)): RepoPath,
    RawQuery(q): RawQuery,
) -> Response {
    reply((|| {
        let params = Params::from_raw(q.as_deref());
        let query = TagQueryV3 {
            limit: parse_limit(params.get("limit"))?,
            marker: params
                .get("marker")
                .filter(|m| !m.is_empty())
                .map(str::to_string),
            name: params.get("tag").map(str::to_string),
            order: order_of(params.get("order_column"), params.get("order_type"))?,
            with_manifest: parse_bool("with_manifest", params.get("with_manifest"))?
                .unwrap_or(false),
        };
        let state = app.read();
        let list = state.list_tags_v3(&ns, &repo_param(&repo), &query)?;
        Ok(json(StatusCode::OK, &list))
    })())
}

pub async fn show(
    State(app): State<App>,
    Path((ns, repo, tag)): Path<(String, String, String)>,
) -> Response {
    reply(
        app.read()
            .show_tag(&ns, &repo_param(&repo), &tag)
            .map(|t| json(StatusCode::OK, &t)),
    )
}

pub async fn delete(
    State(app): State<App>,
    Path((ns, repo, tag)): Path<(String, String, String)>,
) -> Response {
    reply(
        app.write()
            .delete_tag(&ns, &repo_param(&repo), &tag)
            .map(|()| no_content()),
    )
}

pub async fn retag(State(app): State<App>, Path((ns, repo)): RepoPath, body: Bytes) -> Response {
    reply((|| {
        let req: CreateTag = parse_body(&body)?;
        app.write().retag(&ns, &repo_param(&repo), &req)?;
        Ok::<_, ApiErr>(created(StatusCode::CREATED))
    })())
}
