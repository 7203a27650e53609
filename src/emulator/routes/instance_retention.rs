//! Retention policies of an enterprise namespace and their executions, paths as the SDK has
//! them: the list is the instance's (`…/instances/{id}/retention/policies`, narrowed by
//! `namespace_id` and `name`), everything else under `…/namespaces/{ns}/retention/policies`.
//! Creations answer 201 with `{"id"}`; lists are offset/limit pages with `total` (default 10).

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;

use super::instances::DEFAULT_LIMIT;
use super::reply::project_params;
use super::reply::{InstancePath, NamespacePath, Reply, check_project, created, ok, parse_body};
use crate::emulator::error::ApiErr;
use crate::emulator::params::{Params, offset_page};
use crate::emulator::shared::App;
use crate::emulator::wire::json;
use crate::swr::enterprise::CreatedId;
use crate::swr::enterprise::retention::{
    ExecuteRetention, RetentionExecutionList, RetentionPolicyBody, RetentionPolicyList,
    RetentionSubTaskList, RetentionTaskList,
};

/// `…/policies/{policy_id}`.
type PolicyPath = Path<(String, String, String, String)>;
/// `…/executions/{execution_id}`.
type ExecutionPath = Path<(String, String, String, String, String)>;
/// `…/tasks/{task_id}`.
type TaskPath = Path<(String, String, String, String, String, String)>;

/// A path id must be an integer.
fn int_id(what: &str, raw: &str) -> Result<i64, ApiErr> {
    raw.parse()
        .map_err(|_| ApiErr::bad_request("SVCSTG.SWR.4000014", format!("invalid {what}")))
}

/// A non-empty query value.
fn given<'a>(params: &'a Params, key: &str) -> Option<&'a str> {
    params.get(key).filter(|v| !v.is_empty())
}

pub async fn list(
    State(app): State<App>,
    Path((project, id)): InstancePath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = project_params(&app, &project, q.as_deref())?;
    let page = offset_page(&params, DEFAULT_LIMIT)?;
    let namespace_id = given(&params, "namespace_id")
        .map(|v| int_id("namespace_id", v))
        .transpose()?;
    let all = app
        .read()
        .list_retention_policies(&id, given(&params, "name"), namespace_id)?;
    let total = all.len() as u64;
    ok(&RetentionPolicyList {
        total,
        retentions: page.slice(all),
    })
}

pub async fn create(
    State(app): State<App>,
    Path((project, id, ns)): NamespacePath,
    body: Bytes,
) -> Reply {
    check_project(&app, &project)?;
    let body: RetentionPolicyBody = parse_body(&body)?;
    let new_id = app.write().create_retention_policy(&id, &ns, body)?;
    Ok(json(StatusCode::CREATED, &CreatedId { id: new_id }))
}

pub async fn show(State(app): State<App>, Path((project, id, ns, policy)): PolicyPath) -> Reply {
    check_project(&app, &project)?;
    let policy = int_id("policy_id", &policy)?;
    ok(&app.read().show_retention_policy(&id, &ns, policy)?)
}

pub async fn update(
    State(app): State<App>,
    Path((project, id, ns, policy)): PolicyPath,
    body: Bytes,
) -> Reply {
    check_project(&app, &project)?;
    let policy = int_id("policy_id", &policy)?;
    let body: RetentionPolicyBody = parse_body(&body)?;
    app.write()
        .update_retention_policy(&id, &ns, policy, body)?;
    created(StatusCode::OK)
}

pub async fn delete(State(app): State<App>, Path((project, id, ns, policy)): PolicyPath) -> Reply {
    check_project(&app, &project)?;
    let policy = int_id("policy_id", &policy)?;
    app.write().delete_retention_policy(&id, &ns, policy)?;
    created(StatusCode::OK)
}

/// `{"dry_run": bool}` is required: a body without it must not default to a real run.
pub async fn execute(
    State(app): State<App>,
    Path((project, id, ns, policy)): PolicyPath,
    body: Bytes,
) -> Reply {
    check_project(&app, &project)?;
    let policy = int_id("policy_id", &policy)?;
    let value: serde_json::Value = parse_body(&body)?;
    if !value
        .get("dry_run")
        .is_some_and(serde_json::Value::is_boolean)
    {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            "dry_run must be true or false",
        ));
    }
    let req: ExecuteRetention =
        serde_json::from_value(value).map_err(|_| ApiErr::invalid_json())?;
    let execution = app
        .write()
        .execute_retention_policy(&id, &ns, policy, req.dry_run)?;
    Ok(json(StatusCode::CREATED, &CreatedId { id: execution }))
}

pub async fn executions(
    State(app): State<App>,
    Path((project, id, ns, policy)): PolicyPath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = project_params(&app, &project, q.as_deref())?;
    let page = offset_page(&params, DEFAULT_LIMIT)?;
    let policy = int_id("policy_id", &policy)?;
    let all = app.read().list_retention_executions(&id, &ns, policy)?;
    let total = all.len() as u64;
    ok(&RetentionExecutionList {
        total,
        executions: page.slice(all),
    })
}

pub async fn tasks(
    State(app): State<App>,
    Path((project, id, ns, policy, execution)): ExecutionPath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = project_params(&app, &project, q.as_deref())?;
    let page = offset_page(&params, DEFAULT_LIMIT)?;
    let policy = int_id("policy_id", &policy)?;
    let execution = int_id("execution_id", &execution)?;
    let all =
        app.read()
            .list_retention_tasks(&id, &ns, policy, execution, given(&params, "status"))?;
    let total = all.len() as u64;
    ok(&RetentionTaskList {
        tasks: page.slice(all),
        total,
    })
}

pub async fn sub_tasks(
    State(app): State<App>,
    Path((project, id, ns, policy, execution, task)): TaskPath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = project_params(&app, &project, q.as_deref())?;
    let page = offset_page(&params, DEFAULT_LIMIT)?;
    let policy = int_id("policy_id", &policy)?;
    let execution = int_id("execution_id", &execution)?;
    let task = int_id("task_id", &task)?;
    let (sub_tasks, total) = app.read().list_retention_sub_tasks(
        &id,
        &ns,
        policy,
        execution,
        task,
        given(&params, "status"),
        page,
    )?;
    ok(&RetentionSubTaskList {
        sub_tasks,
        total: total as u64,
    })
}
