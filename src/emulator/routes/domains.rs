//! Sharing a repository with other accounts (`.../repositories/{repository}/access-domains`).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{created, json, no_content, parse_body, reply, repo_param};
use crate::emulator::App;
use crate::swr::model::{CreateAccessDomain, UpdateAccessDomain};

type DomainPath = Path<(String, String, String)>;

pub async fn list(State(app): State<App>, Path((ns, repo)): Path<(String, String)>) -> Response {
    reply(
        app.read()
            .list_shares(&ns, &repo_param(&repo))
            .map(|l| json(StatusCode::OK, &l)),
    )
}

pub async fn create(
    State(app): State<App>,
    Path((ns, repo)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    reply(parse_body::<CreateAccessDomain>(&body).and_then(|req| {
        app.write().create_share(&ns, &repo_param(&repo), &req)?;
        Ok(created(StatusCode::CREATED))
    }))
}

pub async fn show(State(app): State<App>, Path((ns, repo, domain)): DomainPath) -> Response {
    reply(
        app.read()
            .show_share(&ns, &repo_param(&repo), &domain)
            .map(|d| json(StatusCode::OK, &d)),
    )
}

pub async fn update(
    State(app): State<App>,
    Path((ns, repo, domain)): DomainPath,
    body: Bytes,
) -> Response {
    reply(parse_body::<UpdateAccessDomain>(&body).and_then(|req| {
        app.write()
            .update_share(&ns, &repo_param(&repo), &domain, &req)?;
        Ok(created(StatusCode::CREATED))
    }))
}

pub async fn delete(State(app): State<App>, Path((ns, repo, domain)): DomainPath) -> Response {
    reply(
        app.write()
            .delete_share(&ns, &repo_param(&repo), &domain)
            .map(|()| no_content()),
    )
}
