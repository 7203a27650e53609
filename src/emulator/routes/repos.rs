//! Repositories: v2/v3 lists (own and shared), create, show, update, delete.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;

use super::{created, json, no_content, parse_with_is_public, reply, repo_param};
use crate::emulator::App;
use crate::emulator::params::{Params, V2Fields, parse_bool, parse_limit};
use crate::emulator::state::{ApiErr, RepoFilter};
use crate::swr::model::{CreateRepo, RepoListV3, UpdateRepo};

const V2_KEYS: [&str; 9] = [
    "namespace",
    "name",
    "category",
    "limit",
    "offset",
    "order_column",
    "order_type",
    "center",
    "is_public",
];

/// Adds `Content-Range: {offset}-{count}/{total}` (only when both offset and limit were sent).
pub fn with_range(
    mut resp: Response,
    explicit: bool,
    offset: usize,
    count: usize,
    total: usize,
) -> Response {
    if explicit && let Ok(v) = HeaderValue::from_str(&format!("{offset}-{count}/{total}")) {
        resp.headers_mut().insert("content-range", v);
    }
    resp
}

fn v2_list(app: &App, q: Option<&str>, shared: bool) -> Result<Response, ApiErr> {
    let params = Params::from_raw(q);
    let fields = V2Fields::from_params(&params, &V2_KEYS)?;
    if shared && fields.get("center").is_none() {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            "center is required (self or thirdparty)",
        ));
    }
    let page = fields.page()?;
    let filter = RepoFilter {
        namespace: fields.get("namespace").map(str::to_string),
        name: fields.get("name").map(repo_param),
        namespace_fuzzy: fields.from_filter,
        category: fields.get("category").map(str::to_string),
        is_public: parse_bool("is_public", fields.get("is_public"))?,
    };
    // Nothing is shared with this account by third parties.
    if shared && fields.get("center") == Some("thirdparty") {
        return Ok(with_range(
            json(StatusCode::OK, &Vec::<()>::new()),
            page.explicit,
            page.offset,
            0,
            0,
        ));
    }
    let (rows, total) = app
        .read()
        .list_repos_v2(&filter, fields.order()?, page, shared)?;
    let count = rows.len();
    Ok(with_range(
        json(StatusCode::OK, &rows),
        page.explicit,
        page.offset,
        count,
        total,
    ))
}

fn v3_list(app: &App, q: Option<&str>, shared: bool) -> Result<Response, ApiErr> {
    let params = Params::from_raw(q);
    if shared && params.get("shared_by").is_none() {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            "shared_by is required (self or thirdparty)",
        ));
    }
    let limit = parse_limit(params.get("limit"))?;
    let marker = match params.get("marker") {
        None => None,
        Some(m) => Some(m.parse::<i64>().map_err(|_| {
            ApiErr::bad_request("SVCSTG.SWR.4000014", format!("invalid marker: {m}"))
        })?),
    };
    let filter = RepoFilter {
        namespace: params.get("namespace").map(str::to_string),
        name: params.get("name").map(repo_param),
        namespace_fuzzy: false,
        category: params.get("category").map(str::to_string),
        is_public: parse_bool("is_public", params.get("is_public"))?,
    };
    if shared && params.get("shared_by") == Some("thirdparty") {
        return Ok(json(StatusCode::OK, &RepoListV3::default()));
    }
    let (repos, next_marker) = app.read().list_repos_v3(&filter, limit, marker, shared);
    Ok(json(StatusCode::OK, &RepoListV3 { repos, next_marker }))
}

pub async fn list_v2(State(app): State<App>, RawQuery(q): RawQuery) -> Response {
    reply(v2_list(&app, q.as_deref(), false))
}

pub async fn shared_v2(State(app): State<App>, RawQuery(q): RawQuery) -> Response {
    reply(v2_list(&app, q.as_deref(), true))
}

pub async fn list_v3(State(app): State<App>, RawQuery(q): RawQuery) -> Response {
    reply(v3_list(&app, q.as_deref(), false))
}

pub async fn shared_v3(State(app): State<App>, RawQuery(q): RawQuery) -> Response {
    reply(v3_list(&app, q.as_deref(), true))
}

/// HW answers 200 with `{}`.
pub async fn create(State(app): State<App>, Path(ns): Path<String>, body: Bytes) -> Response {
    reply((|| {
        let req: CreateRepo = parse_with_is_public(&body)?;
        app.write().create_repo(&ns, &req)?;
        Ok(created(StatusCode::OK))
    })())
}

pub async fn show(State(app): State<App>, Path((ns, repo)): Path<(String, String)>) -> Response {
    reply(
        app.read()
            .show_repo(&ns, &repo_param(&repo))
            .map(|r| json(StatusCode::OK, &r)),
    )
}

pub async fn update(
    State(app): State<App>,
    Path((ns, repo)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply((|| {
        let req: UpdateRepo = parse_with_is_public(&body)?;
        app.write().update_repo(&ns, &repo_param(&repo), &req)?;
        Ok(created(StatusCode::CREATED))
    })())
}

pub async fn delete(State(app): State<App>, Path((ns, repo)): Path<(String, String)>) -> Response {
    reply(
        app.write()
            .delete_repo(&ns, &repo_param(&repo))
            .map(|()| no_content()),
    )
}
