//! Login secrets, quotas, overview, feature gates, API versions and sync regions.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue};
use base64::Engine;
use chrono::{Duration, Utc};

use super::reply::{Reply, check_project, ok};
use crate::emulator::error::ApiErr;
use crate::emulator::params::Params;
use crate::emulator::shared::App;
use crate::emulator::state::LOGIN_LIFETIME_HOURS;
use crate::swr::model::{
    AuthEntry, AuthInfoBody, FeatureGates, SyncRegion, VersionDetail, VersionLink,
};

/// A random upper-case alphanumeric id, like the user part of SWR login commands.
fn random_id(len: usize) -> String {
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    (0..len)
        .map(|_| char::from(CHARS[rand::random_range(0..CHARS.len())]))
        .collect()
}

/// The temporary login answer: body `auths`, headers with the command and its expiry.
fn login_response(app: &App, user: String, expire_header: &'static str) -> Reply {
    let password = hex::encode(rand::random::<[u8; 32]>());
    let registry = {
        let mut st = app.write();
        // The registry's token endpoint accepts exactly these credentials.
        st.remember_login(user.clone(), password.clone(), Utc::now());
        st.registry()
    };
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
    let mut body = AuthInfoBody::default();
    body.auths.insert(registry, AuthEntry { auth });
    let expires = (Utc::now() + Duration::hours(LOGIN_LIFETIME_HOURS))
        .format("%Y-%m-%dT%H:%M:%S%.6fZ")
        .to_string();
    let mut resp = ok(&body)?;
    let command = format!("docker login -u {user} -p {password}");
    if let (Ok(cmd), Ok(exp)) = (
        HeaderValue::from_str(&command),
        HeaderValue::from_str(&expires),
    ) {
        resp.headers_mut().insert("X-Swr-Dockerlogin", cmd);
        resp.headers_mut().insert(expire_header, exp);
    }
    Ok(resp)
}

/// `POST /v2/manage/utils/secret[?projectname=REGION]`.
pub async fn create_secret(State(app): State<App>, RawQuery(q): RawQuery) -> Reply {
    let region = app.read().region.clone();
    let params = Params::from_raw(q.as_deref());
    let project = params
        .get("projectname")
        .filter(|p| !p.is_empty())
        .unwrap_or(region.as_str());
    let user = format!("{project}@{}", random_id(20));
    login_response(&app, user, "X-Swr-Expireat")
}

/// `POST /v2/manage/utils/authorizationtoken` (header spelled `x-swr-expireat`).
pub async fn create_authorization_token(State(app): State<App>) -> Reply {
    let user = format!("bearertoken@{}", random_id(20));
    login_response(&app, user, "x-swr-expireat")
}

/// Quotas of the caller's project: the emulator's own, or the one the request is signed for
/// (`X-Project-Id`, covered by the signature), as the service answers for whatever project the
/// caller's SDK is configured with.
pub async fn quotas(
    State(app): State<App>,
    Path(project_id): Path<String>,
    headers: HeaderMap,
) -> Reply {
    let signed_for = headers.get("x-project-id").and_then(|v| v.to_str().ok());
    if signed_for != Some(project_id.as_str()) {
        check_project(&app, &project_id)?;
    }
    ok(&app.read().quotas())
}

pub async fn overview(State(app): State<App>) -> Reply {
    let overview = app.read().overview();
    ok(&overview)
}

pub async fn feature_gates(State(app): State<App>, Path(project_id): Path<String>) -> Reply {
    check_project(&app, &project_id)?;
    let gates = FeatureGates {
        enable_experience: true,
        enable_hss_service: false,
        enable_image_scan: false,
        enable_sm3: false,
        enable_image_sync: true,
        enable_cci_service: false,
        enable_image_label: true,
        enable_pipeline: false,
        enable_authorization_token: true,
        enable_resource: true,
        enable_list_v3: true,
        enable_image_quota: true,
    };
    ok(&gates)
}

fn versions() -> Vec<VersionDetail> {
    let v = |id: &str, status: &str| VersionDetail {
        id: id.into(),
        links: VersionLink {
            href: format!("https://swr-api.cn-north-4.myhuaweicloud.com/{id}/"),
            rel: "self".into(),
        },
        version: String::new(),
        status: status.into(),
        updated: "2025-06-01T00:00:00Z".into(),
        min_version: String::new(),
    };
    vec![v("v2", "CURRENT"), v("v3", "SUPPORTED")]
}

pub async fn list_versions() -> Reply {
    ok(&serde_json::json!({ "versions": versions() }))
}

pub async fn show_version(Path(api_version): Path<String>) -> Reply {
    let version = versions()
        .into_iter()
        .find(|v| v.id == api_version)
        .ok_or_else(|| ApiErr::not_found("API version not found"))?;
    ok(&serde_json::json!({ "version": version }))
}

/// Target regions for image sync: the other Chinese mainland regions.
pub async fn regions(State(app): State<App>) -> Reply {
    let list: Vec<SyncRegion> = app
        .read()
        .sync_regions()
        .into_iter()
        .map(|region_id| SyncRegion { region_id })
        .collect();
    ok(&list)
}

/// `GET /v2/manage/reports/{resource_type}/{frequency}` (optional row 36): one value per day
/// for the last week; `store` in MB (the current total), `downflow` a made-up daily volume.
pub async fn reports(
    State(app): State<App>,
    Path((resource_type, _frequency)): Path<(String, String)>,
) -> Reply {
    let store = app.read().overview().store_space;
    let today = Utc::now().date_naive();
    if !matches!(resource_type.as_str(), "store" | "downflow") {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            "resource_type must be store or downflow",
        ));
    }
    let points: Vec<serde_json::Value> = (0..7i64)
        .rev()
        .map(|days_ago| {
            let day = today - Duration::days(days_ago);
            let value = if resource_type == "store" {
                store
            } else {
                (days_ago * 37 % 100) as f64 * 1.5
            };
            serde_json::json!({"date": day.format("%Y-%m-%d").to_string(), "value": value})
        })
        .collect();
    ok(&points)
}
