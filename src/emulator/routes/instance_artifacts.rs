//! Enterprise-edition artifacts and tags of a repository: the artifact list (`tags` fuzzy,
//! `type`), show (`with_scan_overview`), delete, scan reports, build history, and the tag list
//! and tag delete, whose paths have no project id. Deletes answer 204, as the service does.

use axum::extract::{Path, RawQuery, State};

use super::instances::DEFAULT_LIMIT;
use super::reply::{Reply, check_project, no_content, ok, project_params};
use crate::emulator::error::ApiErr;
use crate::emulator::params::{Params, offset_page, parse_bool};
use crate::emulator::shared::App;
use crate::emulator::state::ArtifactFilter;
use crate::swr::encoding::instance_repo_from_segment;

/// `{project_id}`, `{instance_id}`, `{namespace_name}`, `{repository_name}`.
type ArtifactsPath = Path<(String, String, String, String)>;
/// The same and `{reference}` (a digest, `sha256%3A…` on the wire).
type ArtifactPath = Path<(String, String, String, String, String)>;
/// The same and `{addition}`.
type AdditionPath = Path<(String, String, String, String, String, String)>;
/// `{instance_id}`, `{namespace_name}`, `{repository_name}`: no project id.
type TagsPath = Path<(String, String, String)>;
/// The same and `{tag_name}`.
type TagPath = Path<(String, String, String, String)>;

/// A non-empty query value.
fn given<'a>(params: &'a Params, key: &str) -> Option<&'a str> {
    params.get(key).filter(|v| !v.is_empty())
}

pub async fn list(
    State(app): State<App>,
    Path((project, id, ns, repo)): ArtifactsPath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = project_params(&app, &project, q.as_deref())?;
    let page = offset_page(&params, DEFAULT_LIMIT)?;
    let filter = ArtifactFilter {
        kind: given(&params, "type").map(str::to_string),
        tag: given(&params, "tags").map(str::to_string),
    };
    let repo = instance_repo_from_segment(&repo);
    ok(&app
        .read()
        .list_instance_artifacts(&id, &ns, &repo, &filter, page)?)
}

pub async fn show(
    State(app): State<App>,
    Path((project, id, ns, repo, reference)): ArtifactPath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = project_params(&app, &project, q.as_deref())?;
    let with_scan = parse_bool("with_scan_overview", given(&params, "with_scan_overview"))?;
    let repo = instance_repo_from_segment(&repo);
    ok(&app.read().show_instance_artifact(
        &id,
        &ns,
        &repo,
        &reference,
        with_scan.unwrap_or(false),
    )?)
}

pub async fn delete(
    State(app): State<App>,
    Path((project, id, ns, repo, reference)): ArtifactPath,
) -> Reply {
    check_project(&app, &project)?;
    let repo = instance_repo_from_segment(&repo);
    app.write()
        .delete_instance_artifact(&id, &ns, &repo, &reference)?;
    no_content()
}

pub async fn vulnerabilities(
    State(app): State<App>,
    Path((project, id, ns, repo, reference)): ArtifactPath,
) -> Reply {
    check_project(&app, &project)?;
    let repo = instance_repo_from_segment(&repo);
    ok(&app
        .read()
        .artifact_vulnerabilities(&id, &ns, &repo, &reference)?)
}

pub async fn addition(
    State(app): State<App>,
    Path((project, id, ns, repo, reference, addition)): AdditionPath,
) -> Reply {
    check_project(&app, &project)?;
    let repo = instance_repo_from_segment(&repo);
    ok(&app
        .read()
        .artifact_addition(&id, &ns, &repo, &reference, &addition)?)
}

/// `is_accessory` (default true) is checked; the emulator keeps no accessories, so it changes
/// nothing.
pub async fn list_tags(
    State(app): State<App>,
    Path((id, ns, repo)): TagsPath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = Params::from_raw(q.as_deref());
    let page = offset_page(&params, DEFAULT_LIMIT)?;
    parse_bool("is_accessory", given(&params, "is_accessory"))?;
    let repo = instance_repo_from_segment(&repo);
    ok(&app.read().list_instance_tags(&id, &ns, &repo, page)?)
}

pub async fn delete_tag(State(app): State<App>, Path((id, ns, repo, tag)): TagPath) -> Reply {
    if tag.is_empty() {
        return Err(ApiErr::not_found("tag name missing"));
    }
    let repo = instance_repo_from_segment(&repo);
    app.write().delete_instance_tag(&id, &ns, &repo, &tag)?;
    no_content()
}
