//! Enterprise login credentials and statistics (`/v2/{project_id}/instances/{id}/…`): both
//! creations answer 201 with the issued credential; the long-term list is an offset/limit page
//! (default and maximum 100) that never carries a secret.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;

use super::reply::{InstancePath, Reply, check_project, created, ok, parse_body, project_params};
use crate::emulator::error::ApiErr;
use crate::emulator::params::{offset_page, parse_bool};
use crate::emulator::shared::App;
use crate::emulator::wire::json;
use crate::swr::enterprise::{
    CreateLongTermCredential, LongTermCredentialList, UpdateLongTermCredential,
};

/// The long-term list's default page (the SDK's field doc: 100, also the maximum).
const CREDENTIALS_DEFAULT_LIMIT: usize = 100;

/// `…/long-term-credentials/{credential_id}`.
type CredentialPath = Path<(String, String, String)>;

/// E23: `POST …/temp-credential`, no body.
pub async fn create_temp(State(app): State<App>, Path((project, id)): InstancePath) -> Reply {
    check_project(&app, &project)?;
    let issued = app.write().issue_temp_credential(&id)?;
    Ok(json(StatusCode::CREATED, &issued))
}

/// E24: `POST …/long-term-credential` `{"name": …}`.
pub async fn create_long_term(
    State(app): State<App>,
    Path((project, id)): InstancePath,
    body: Bytes,
) -> Reply {
    check_project(&app, &project)?;
    let req: CreateLongTermCredential = parse_body(&body)?;
    let issued = app.write().create_long_term_credential(&id, &req.name)?;
    Ok(json(StatusCode::CREATED, &issued))
}

/// E25. `self_only` is checked to be a boolean; the emulator has one caller, so either value
/// lists the same credentials.
pub async fn list_long_term(
    State(app): State<App>,
    Path((project, id)): InstancePath,
    RawQuery(q): RawQuery,
) -> Reply {
    let params = project_params(&app, &project, q.as_deref())?;
    let page = offset_page(&params, CREDENTIALS_DEFAULT_LIMIT)?;
    parse_bool(
        "self_only",
        params.get("self_only").filter(|v| !v.is_empty()),
    )?;
    let all = app.read().list_long_term_credentials(&id)?;
    let total = all.len() as u64;
    ok(&LongTermCredentialList {
        auth_tokens: page.slice(all),
        total,
    })
}

/// E26: `{"enable": bool}`; anything but a JSON boolean is 400.
pub async fn update_long_term(
    State(app): State<App>,
    Path((project, id, credential)): CredentialPath,
    body: Bytes,
) -> Reply {
    check_project(&app, &project)?;
    let value: serde_json::Value = parse_body(&body)?;
    if !value
        .get("enable")
        .is_some_and(serde_json::Value::is_boolean)
    {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            "enable must be true or false",
        ));
    }
    let req: UpdateLongTermCredential =
        serde_json::from_value(value).map_err(|_| ApiErr::invalid_json())?;
    app.write()
        .set_long_term_credential_enabled(&id, &credential, req.enable)?;
    created(StatusCode::OK)
}

/// E27.
pub async fn delete_long_term(
    State(app): State<App>,
    Path((project, id, credential)): CredentialPath,
) -> Reply {
    check_project(&app, &project)?;
    app.write().delete_long_term_credential(&id, &credential)?;
    created(StatusCode::OK)
}

/// E28.
pub async fn statistics(State(app): State<App>, Path((project, id)): InstancePath) -> Reply {
    check_project(&app, &project)?;
    ok(&app.read().instance_statistics(&id)?)
}
