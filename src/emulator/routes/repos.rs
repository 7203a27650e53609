//! Repositories: v2/v3 lists (own and shared), create, show, update, delete.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;

use super::reply::{Reply, created, no_content, ok, parse_with_is_public, repo_param, with_range};
use crate::emulator::error::ApiErr;
use crate::emulator::params::{Params, V2Fields, parse_bool, parse_limit};
use crate::emulator::shared::App;
use crate::emulator::state::RepoFilter;
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

fn v2_list(app: &App, q: Option<&str>, shared: bool) -> Reply {
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
    // What other accounts share with this one: seeded.
    if shared && fields.get("center") == Some("thirdparty") {
        let name = filter.name.as_deref();
        let (rows, total) = app
            .read()
            .shared_with_me_v2(filter.namespace.as_deref(), name, page);
        let count = rows.len();
        return with_range(ok(&rows), page, count, total);
    }
    let (rows, total) = app
        .read()
        .list_repos_v2(&filter, fields.order()?, page, shared)?;
    let count = rows.len();
    with_range(ok(&rows), page, count, total)
}

fn v3_list(app: &App, q: Option<&str>, shared: bool) -> Reply {
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
        let name = filter.name.as_deref();
        let repos = app
            .read()
            .shared_with_me_v3(filter.namespace.as_deref(), name);
        return ok(&RepoListV3 {
            repos,
            next_marker: None,
        });
    }
    let (repos, next_marker) = app.read().list_repos_v3(&filter, limit, marker, shared);
    ok(&RepoListV3 { repos, next_marker })
}

pub async fn list_v2(State(app): State<App>, RawQuery(q): RawQuery) -> Reply {
    v2_list(&app, q.as_deref(), false)
}

pub async fn shared_v2(State(app): State<App>, RawQuery(q): RawQuery) -> Reply {
    v2_list(&app, q.as_deref(), true)
}

pub async fn list_v3(State(app): State<App>, RawQuery(q): RawQuery) -> Reply {
    v3_list(&app, q.as_deref(), false)
}

pub async fn shared_v3(State(app): State<App>, RawQuery(q): RawQuery) -> Reply {
    v3_list(&app, q.as_deref(), true)
}

/// HW answers 200 with `{}`.
pub async fn create(State(app): State<App>, Path(ns): Path<String>, body: Bytes) -> Reply {
    let req: CreateRepo = parse_with_is_public(&body)?;
    app.write().create_repo(&ns, &req)?;
    created(StatusCode::OK)
}

pub async fn show(State(app): State<App>, Path((ns, repo)): Path<(String, String)>) -> Reply {
    ok(&app.read().show_repo(&ns, &repo_param(&repo))?)
}

pub async fn update(
    State(app): State<App>,
    Path((ns, repo)): Path<(String, String)>,
    body: Bytes,
) -> Reply {
    let req: UpdateRepo = parse_with_is_public(&body)?;
    app.write().update_repo(&ns, &repo_param(&repo), &req)?;
    created(StatusCode::CREATED)
}

pub async fn delete(State(app): State<App>, Path((ns, repo)): Path<(String, String)>) -> Reply {
    app.write().delete_repo(&ns, &repo_param(&repo))?;
    no_content()
}
