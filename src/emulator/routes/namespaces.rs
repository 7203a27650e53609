//! Organizations (`/v2/manage/namespaces`).

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{created, json, no_content, parse_body, reply};
use crate::emulator::App;
use crate::emulator::params::{Params, V2Fields};
use crate::swr::model::{CreateNamespace, NamespaceList};

/// `?namespace=NAME` or `?filter=namespace::NAME|mode::…` (substring match either way).
pub async fn list(State(app): State<App>, RawQuery(q): RawQuery) -> Response {
    reply((|| {
        let params = Params::from_raw(q.as_deref());
        let fields = V2Fields::from_params(&params, &["namespace"])?;
        let namespaces = app.read().list_orgs(fields.get("namespace"));
        Ok(json(StatusCode::OK, &NamespaceList { namespaces }))
    })())
}

pub async fn create(State(app): State<App>, body: Bytes) -> Response {
    reply((|| {
        let req: CreateNamespace = parse_body(&body)?;
        app.write().create_org(&req.namespace)?;
        Ok(created(StatusCode::CREATED))
    })())
}

pub async fn show(State(app): State<App>, Path(ns): Path<String>) -> Response {
    reply(app.read().show_org(&ns).map(|n| json(StatusCode::OK, &n)))
}

pub async fn delete(State(app): State<App>, Path(ns): Path<String>) -> Response {
    reply(app.write().delete_org(&ns).map(|()| no_content()))
}
