//! The IAM calls the client needs, served on the same port: password tokens, the user list
//! (grantee picker) and the project lookup the SDKs do for `project_id`.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode};
use chrono::{Duration, Utc};

use super::reply::{Reply, ok};
use crate::emulator::error::ApiErr;
use crate::emulator::params::Params;
use crate::emulator::shared::App;
use crate::emulator::wire::json;
use crate::swr::model::{
    IamLinks, IamProject, IamProjectList, IamUser, IamUserList, NameOrId, TokenBody, TokenProject,
    TokenRequest, TokenResponse, TokenUserInfo,
};

const IAM_BASE: &str = "https://iam.myhuaweicloud.com/v3";

fn bad_request(message: &str) -> ApiErr {
    ApiErr::iam(400, "Bad Request", message)
}

/// `POST /v3/auth/tokens` with the password method; 201, token in `X-Subject-Token`.
pub async fn create_token(State(app): State<App>, body: Bytes) -> Reply {
    let req = serde_json::from_slice::<TokenRequest>(&body)
        .map_err(|_| bad_request("The request body is invalid."))?;
    let password = req
        .auth
        .identity
        .password
        .filter(|_| req.auth.identity.methods.iter().any(|m| m == "password"))
        .ok_or_else(|| bad_request("Only the password method is supported."))?;
    let now = Utc::now();
    let expires = now + Duration::hours(24);
    let token = format!("MIIemu{}", hex::encode(rand::random::<[u8; 48]>()));
    let body = {
        let mut st = app.write();
        let domain = &password.user.domain;
        let domain_ok = domain.name.as_deref() == Some(st.domain_name.as_str())
            || domain.id.as_deref() == Some(st.domain_id.as_str());
        let user = std::iter::once(&st.caller)
            .chain(st.users.iter())
            .find(|u| u.name == password.user.name && u.password == password.user.password)
            .cloned();
        let Some(user) = user.filter(|_| domain_ok) else {
            drop(st);
            app.runtime().counters.unauthorized += 1;
            return Err(ApiErr::iam(
                401,
                "Unauthorized",
                "The username or password is wrong.",
            ));
        };
        st.tokens.insert(token.clone(), expires);
        let domain = NameOrId {
            name: Some(st.domain_name.clone()),
            id: Some(st.domain_id.clone()),
        };
        TokenResponse {
            token: TokenBody {
                expires_at: expires.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string(),
                issued_at: now.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string(),
                methods: vec!["password".into()],
                project: Some(TokenProject {
                    id: st.project_id.clone(),
                    name: st.region.clone(),
                    domain: domain.clone(),
                }),
                user: TokenUserInfo {
                    id: user.id,
                    name: user.name,
                    domain,
                },
            },
        }
    };
    // The SDK's model also knows `catalog` and `roles`; send them empty.
    let mut value = serde_json::to_value(&body).unwrap_or_default();
    if let Some(t) = value.get_mut("token").and_then(|t| t.as_object_mut()) {
        t.insert("catalog".into(), serde_json::json!([]));
        t.insert(
            "roles".into(),
            serde_json::json!([{"id": "0", "name": "op_fine_grained"}]),
        );
    }
    let mut resp = json(StatusCode::CREATED, &value);
    if let Ok(v) = HeaderValue::from_str(&token) {
        resp.headers_mut().insert("X-Subject-Token", v);
    }
    Ok(resp)
}

/// `GET /v3/users[?name=…]`: the seeded users plus the caller.
pub async fn list_users(State(app): State<App>, RawQuery(q): RawQuery) -> Reply {
    let params = Params::from_raw(q.as_deref());
    let st = app.read();
    let users = std::iter::once(&st.caller)
        .chain(st.users.iter())
        .filter(|u| params.get("name").is_none_or(|n| u.name == n))
        .map(|u| IamUser {
            id: u.id.clone(),
            name: u.name.clone(),
            domain_id: st.domain_id.clone(),
            enabled: true,
            password_expires_at: None,
            description: u.description.clone(),
            links: IamLinks {
                self_link: format!("{IAM_BASE}/users/{}", u.id),
            },
        })
        .collect();
    ok(&IamUserList {
        users,
        links: IamLinks {
            self_link: format!("{IAM_BASE}/users"),
        },
    })
}

/// `GET /v3/projects?name=REGION`.
pub async fn list_projects(State(app): State<App>, RawQuery(q): RawQuery) -> Reply {
    let params = Params::from_raw(q.as_deref());
    let st = app.read();
    let projects = [IamProject {
        id: st.project_id.clone(),
        name: st.region.clone(),
        domain_id: st.domain_id.clone(),
        enabled: true,
    }]
    .into_iter()
    .filter(|p| params.get("name").is_none_or(|n| p.name == n))
    .collect();
    let mut value = serde_json::to_value(IamProjectList { projects }).unwrap_or_default();
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "links".into(),
            serde_json::json!({"self": format!("{IAM_BASE}/projects")}),
        );
    }
    ok(&value)
}
