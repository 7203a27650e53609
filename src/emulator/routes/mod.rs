//! HTTP routes: one file per resource group. Handlers translate HTTP to [`State`] calls and back;
//! the lock is taken and released inside each handler (never across `.await`). Every handler
//! answers a [`Reply`]: its errors are [`ApiErr`]s, passed on with `?`.
//!
//! [`State`]: super::state::State
//! [`ApiErr`]: super::error::ApiErr

pub mod access;
pub mod domains;
pub mod iam;
pub mod instance_artifacts;
pub mod instance_credentials;
pub mod instance_repos;
pub mod instance_retention;
pub mod instances;
pub mod namespaces;
pub mod registry;
pub mod reply;
pub mod repos;
pub mod retention;
pub mod sync;
pub mod tags;
pub mod utils;

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::{MethodRouter, delete, get, post};

use super::error::ApiErr;
use super::shared::App;
use super::{auth, faults};
use reply::Reply;

/// The whole API: SWR and the IAM calls, authenticated, behind the fault layer.
pub fn router(app: App) -> Router {
    const NS: &str = "/v2/manage/namespaces/{namespace}";
    let repo = format!("{NS}/repos/{{repository}}");
    let domains = format!("{NS}/repositories/{{repository}}/access-domains");
    let protected = Router::new()
        .route("/", get(utils::list_versions))
        .route("/{api_version}", get(utils::show_version))
        .route(
            "/v2/manage/namespaces",
            get(namespaces::list).post(namespaces::create),
        )
        .route(NS, get(namespaces::show).delete(namespaces::delete))
        .route(&format!("{NS}/access"), access())
        .route("/v2/manage/repos", get(repos::list_v2))
        .route("/v3/manage/repos", get(repos::list_v3))
        .route(&format!("{NS}/repos"), post(repos::create))
        .route(
            &repo,
            get(repos::show).patch(repos::update).delete(repos::delete),
        )
        .route(&format!("{repo}/access"), access())
        .route(
            &format!("{repo}/tags"),
            get(tags::list_v2).post(tags::retag),
        )
        .route(
            "/v3/manage/namespaces/{namespace}/repos/{repository}/tags",
            get(tags::list_v3),
        )
        .route(
            &format!("{repo}/tags/{{tag}}"),
            get(tags::show).delete(tags::delete),
        )
        .merge(retention_routes(&repo))
        .route(&domains, get(domains::list).post(domains::create))
        .route(
            &format!("{domains}/{{access_domain}}"),
            get(domains::show)
                .patch(domains::update)
                .delete(domains::delete),
        )
        .route(
            &format!("{repo}/sync_repo"),
            get(sync::list_rules)
                .post(sync::create_rule)
                .delete(sync::delete_rule),
        )
        .route(&format!("{repo}/sync_images"), post(sync::sync_tags))
        .route(&format!("{repo}/sync_job"), get(sync::list_jobs))
        .route("/v2/manage/shared-repositories", get(repos::shared_v2))
        .route("/v3/manage/shared-repositories", get(repos::shared_v3))
        .route("/v2/manage/utils/secret", post(utils::create_secret))
        .route(
            "/v2/manage/utils/authorizationtoken",
            post(utils::create_authorization_token),
        )
        .route(
            "/v2/manage/projects/{project_id}/quotas",
            get(utils::quotas),
        )
        .route("/v2/manage/overview", get(utils::overview))
        .route(
            "/v2/manage/projects/{project_id}/feature-gates",
            get(utils::feature_gates),
        )
        .route("/v2/manage/regions", get(utils::regions))
        .route(
            "/v2/manage/reports/{resource_type}/{frequency}",
            get(utils::reports),
        )
        .merge(enterprise())
        .route("/v3/users", get(iam::list_users))
        .route("/v3/projects", get(iam::list_projects))
        .layer(from_fn_with_state(app.clone(), auth::layer));
    let open = Router::new().route("/v3/auth/tokens", post(iam::create_token));
    protected
        .merge(open)
        .fallback(not_found)
        .layer(from_fn_with_state(app.clone(), registry::intercept))
        .layer(from_fn_with_state(app.clone(), faults::layer))
        .with_state(app)
}

/// The enterprise edition's instances, namespaces and repositories.
fn enterprise() -> Router<App> {
    const INSTANCE: &str = "/v2/{project_id}/instances/{instance_id}";
    let ns = format!("{INSTANCE}/namespaces/{{namespace_name}}");
    Router::new()
        .route("/v2/{project_id}/instances", get(instances::list))
        .route(INSTANCE, get(instances::show))
        .route(
            &format!("{INSTANCE}/domainname"),
            get(instances::domain_names),
        )
        .route(
            &format!("{INSTANCE}/namespaces"),
            get(instances::list_namespaces).post(instances::create_namespace),
        )
        .route(
            &ns,
            get(instances::show_namespace)
                .put(instances::update_namespace)
                .delete(instances::delete_namespace),
        )
        .route(
            &format!("{ns}/repositories"),
            get(instance_repos::list_in_namespace),
        )
        .route(
            &format!("{INSTANCE}/repositories"),
            get(instance_repos::list_in_instance),
        )
        .route(
            &format!("{ns}/repositories/{{repository_name}}"),
            get(instance_repos::show)
                .put(instance_repos::update)
                .delete(instance_repos::delete),
        )
        .merge(instance_credentials_routes(INSTANCE))
        .merge(instance_artifacts())
        .merge(instance_retention_routes(INSTANCE))
}

/// Retention policies of an instance's namespaces, their executions, tasks and sub-tasks.
fn instance_retention_routes(instance: &str) -> Router<App> {
    use instance_retention as ret;
    let policies = format!("{instance}/namespaces/{{namespace_name}}/retention/policies");
    let policy = format!("{policies}/{{policy_id}}");
    let execution = format!("{policy}/executions/{{execution_id}}");
    Router::new()
        .route(&format!("{instance}/retention/policies"), get(ret::list))
        .route(&policies, post(ret::create))
        .route(&policy, get(ret::show).put(ret::update).delete(ret::delete))
        .route(
            &format!("{policy}/executions"),
            get(ret::executions).post(ret::execute),
        )
        .route(&format!("{execution}/tasks"), get(ret::tasks))
        .route(
            &format!("{execution}/tasks/{{task_id}}/subtasks"),
            get(ret::sub_tasks),
        )
}

/// E23–E28 under an instance.
fn instance_credentials_routes(instance: &str) -> Router<App> {
    use instance_credentials as creds;
    let long_term = format!("{instance}/long-term-credentials");
    Router::new()
        .route(
            &format!("{instance}/temp-credential"),
            post(creds::create_temp),
        )
        .route(
            &format!("{instance}/long-term-credential"),
            post(creds::create_long_term),
        )
        .route(&long_term, get(creds::list_long_term))
        .route(
            &format!("{long_term}/{{credential_id}}"),
            axum::routing::put(creds::update_long_term).delete(creds::delete_long_term),
        )
        .route(&format!("{instance}/statistics"), get(creds::statistics))
}

/// Artifacts and tags of an enterprise repository (the tag paths have no project id).
fn instance_artifacts() -> Router<App> {
    const REPO: &str = "/v2/{project_id}/instances/{instance_id}/namespaces/{namespace_name}/repositories/{repository_name}";
    const TAGS: &str = "/v2/instances/{instance_id}/namespaces/{namespace_name}/repositories/{repository_name}/tags";
    let artifact = format!("{REPO}/artifacts/{{reference}}");
    Router::new()
        .route(&format!("{REPO}/artifacts"), get(instance_artifacts::list))
        .route(
            &artifact,
            get(instance_artifacts::show).delete(instance_artifacts::delete),
        )
        .route(
            &format!("{artifact}/vulnerabilities"),
            get(instance_artifacts::vulnerabilities),
        )
        .route(
            &format!("{artifact}/additions/{{addition}}"),
            get(instance_artifacts::addition),
        )
        .route(TAGS, get(instance_artifacts::list_tags))
        .route(
            &format!("{TAGS}/{{tag_name}}"),
            delete(instance_artifacts::delete_tag),
        )
}

/// A repository's retention rule and what it deleted.
fn retention_routes(repo: &str) -> Router<App> {
    let base = format!("{repo}/retentions");
    Router::new()
        .route(&base, get(retention::list).post(retention::create))
        .route(&format!("{base}/histories"), get(retention::histories))
        .route(
            &format!("{base}/{{retention_id}}"),
            get(retention::show)
                .patch(retention::update)
                .delete(retention::delete),
        )
}

/// The permission calls, the same for an organization and a repository.
fn access() -> MethodRouter<App> {
    get(access::show)
        .post(access::create)
        .patch(access::update)
        .delete(access::delete)
}

async fn not_found() -> Reply {
    Err(ApiErr::not_found("resource not found"))
}
