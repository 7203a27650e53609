//! Sharing a repository with other accounts (`.../repositories/{repository}/access-domains`).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::reply::{Reply, created, no_content, ok, parse_body, repo_param};
use crate::emulator::shared::App;
use crate::swr::model::{CreateAccessDomain, UpdateAccessDomain};

type RepoPath = Path<(String, String)>;
type DomainPath = Path<(String, String, String)>;

pub async fn list(State(app): State<App>, Path((ns, repo)): RepoPath) -> Reply {
    ok(&app.read().list_shares(&ns, &repo_param(&repo))?)
}

pub async fn create(State(app): State<App>, Path((ns, repo)): RepoPath, body: Bytes) -> Reply {
    let req: CreateAccessDomain = parse_body(&body)?;
    app.write().create_share(&ns, &repo_param(&repo), &req)?;
    created(StatusCode::CREATED)
}

pub async fn show(State(app): State<App>, Path((ns, repo, domain)): DomainPath) -> Reply {
    ok(&app.read().show_share(&ns, &repo_param(&repo), &domain)?)
}

pub async fn update(
    State(app): State<App>,
    Path((ns, repo, domain)): DomainPath,
    body: Bytes,
) -> Reply {
    let req: UpdateAccessDomain = parse_body(&body)?;
    app.write()
        .update_share(&ns, &repo_param(&repo), &domain, &req)?;
    created(StatusCode::CREATED)
}

pub async fn delete(State(app): State<App>, Path((ns, repo, domain)): DomainPath) -> Reply {
    app.write().delete_share(&ns, &repo_param(&repo), &domain)?;
    no_content()
}
