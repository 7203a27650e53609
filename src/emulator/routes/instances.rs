//! Enterprise-edition instances and their namespaces (`/v2/{project_id}/instances/…`):
//! offset/limit lists with `total` in the body, namespace create/show/update/delete.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use serde::Serialize;

use super::reply::{
    InstancePath, NamespacePath, Reply, check_project, created, ok, parse_body, project_params,
};
use crate::emulator::error::ApiErr;
use crate::emulator::params::{offset_page, parse_bool};
use crate::emulator::shared::App;
use crate::emulator::state::{NamespaceFilter, public_flag};
use crate::swr::enterprise::{
    CreateInstanceNamespace, CreatedId, DomainNameList, INSTANCE_STATUSES, Instance,
    InstanceNamespaceList, UpdateInstanceNamespace,
};

/// The instance list's default page (the SDK's field docs).
const INSTANCES_DEFAULT_LIMIT: usize = 100;
/// Every other enterprise list's default page.
pub const DEFAULT_LIMIT: usize = 10;

#[derive(Serialize)]
struct InstancesPage<'a> {
    instances: Vec<&'a Instance>,
    total: usize,
}

pub async fn list(
    State(app): State<App>,
    Path(project): Path<String>,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = project_params(&app, &project, q.as_deref())?;
    let page = offset_page(&params, INSTANCES_DEFAULT_LIMIT)?;
    let status = params.get("status").filter(|s| !s.is_empty());
    if let Some(s) = status
        && !INSTANCE_STATUSES.contains(&s)
    {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            format!(
                "invalid status {s:?} (one of {})",
                INSTANCE_STATUSES.join(", ")
            ),
        ));
    }
    let st = app.read();
    let all = st.list_instances(status);
    let total = all.len();
    ok(&InstancesPage {
        instances: page.slice(all),
        total,
    })
}

pub async fn show(State(app): State<App>, Path((project, id)): InstancePath) -> Reply {
    check_project(&app, &project)?;
    let st = app.read();
    ok(&st.instance(&id)?.info)
}

/// `?uid=` and `?domain_name=` narrow the list.
pub async fn domain_names(
    State(app): State<App>,
    Path((project, id)): InstancePath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = project_params(&app, &project, q.as_deref())?;
    let mut infos = app.read().domain_names(&id)?;
    infos.retain(|d| {
        params.get("uid").is_none_or(|u| d.uid == u)
            && params.get("domain_name").is_none_or(|n| d.domain_name == n)
    });
    ok(&DomainNameList {
        domain_name_infos: infos,
    })
}

/// `?name=` (substring) and `?public=true|false` narrow the list.
pub async fn list_namespaces(
    State(app): State<App>,
    Path((project, id)): InstancePath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = project_params(&app, &project, q.as_deref())?;
    let page = offset_page(&params, DEFAULT_LIMIT)?;
    let filter = NamespaceFilter {
        name: params
            .get("name")
            .filter(|n| !n.is_empty())
            .map(str::to_string),
        public: parse_bool("public", params.get("public").filter(|p| !p.is_empty()))?,
    };
    let all = app.read().list_instance_namespaces(&id, &filter)?;
    let total = all.len() as u64;
    ok(&InstanceNamespaceList {
        namespaces: page.slice(all),
        total,
    })
}

/// 201 with the new namespace's id.
pub async fn create_namespace(
    State(app): State<App>,
    Path((project, id)): InstancePath,
    body: Bytes,
) -> Reply {
    check_project(&app, &project)?;
    let req: CreateInstanceNamespace = parse_body(&body)?;
    let public = public_flag(&req.metadata)?;
    let new_id = app
        .write()
        .create_instance_namespace(&id, &req.namespace_name, public)?;
    Ok(crate::emulator::wire::json(
        StatusCode::CREATED,
        &CreatedId { id: new_id },
    ))
}

pub async fn show_namespace(
    State(app): State<App>,
    Path((project, id, ns)): NamespacePath,
) -> Reply {
    check_project(&app, &project)?;
    ok(&app.read().show_instance_namespace(&id, &ns)?)
}

/// Changes the public flag (the CVE allow list is accepted and not kept).
pub async fn update_namespace(
    State(app): State<App>,
    Path((project, id, ns)): NamespacePath,
    body: Bytes,
) -> Reply {
    check_project(&app, &project)?;
    let req: UpdateInstanceNamespace = parse_body(&body)?;
    let public = public_flag(&req.metadata)?;
    app.write().update_instance_namespace(&id, &ns, public)?;
    created(StatusCode::OK)
}

pub async fn delete_namespace(
    State(app): State<App>,
    Path((project, id, ns)): NamespacePath,
) -> Reply {
    check_project(&app, &project)?;
    app.write().delete_instance_namespace(&id, &ns)?;
    created(StatusCode::OK)
}
