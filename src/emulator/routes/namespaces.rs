//! Organizations (`/v2/manage/namespaces`).

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;

use super::reply::{Reply, created, no_content, ok, parse_body};
use crate::emulator::params::{Params, V2Fields};
use crate::emulator::shared::App;
use crate::swr::model::{CreateNamespace, NamespaceList};

/// `?namespace=NAME` or `?filter=namespace::NAME|mode::…` (substring match either way).
pub async fn list(State(app): State<App>, RawQuery(q): RawQuery) -> Reply {
    let params = Params::from_raw(q.as_deref());
    let fields = V2Fields::from_params(&params, &["namespace"])?;
    let namespaces = app.read().list_orgs(fields.get("namespace"));
    ok(&NamespaceList { namespaces })
}

pub async fn create(State(app): State<App>, body: Bytes) -> Reply {
    let req: CreateNamespace = parse_body(&body)?;
    app.write().create_org(&req.namespace)?;
    created(StatusCode::CREATED)
}

pub async fn show(State(app): State<App>, Path(ns): Path<String>) -> Reply {
    ok(&app.read().show_org(&ns)?)
}

pub async fn delete(State(app): State<App>, Path(ns): Path<String>) -> Reply {
    app.write().delete_org(&ns)?;
    no_content()
}
