//! IAM calls: password tokens, the project id of the region, and the account's users.

use chrono::{DateTime, Duration as ChronoDuration, Utc};
use reqwest::Method;

use super::{CachedToken, Call, Credentials, SwrClient, token_cache};
use crate::swr::error::ApiError;
use crate::swr::model::{
    IamProjectList, IamUser, IamUserList, NameOrId, TokenAuth, TokenIdentity, TokenPassword,
    TokenRequest, TokenResponse, TokenScope, TokenUser,
};
use crate::swr::secret::Secret;

impl SwrClient {
    /// A valid token for password credentials, renewed shortly before it expires.
    pub(super) async fn token(&self) -> Result<Secret, ApiError> {
        let mut cached = self.inner.token.lock().await;
        if cached.is_none() {
            *cached = self
                .inner
                .config
                .token_cache
                .as_deref()
                .and_then(token_cache::load);
        }
        if let Some(t) = cached.as_ref().filter(|t| t.is_fresh(Utc::now())) {
            return Ok(t.token.clone());
        }
        let fresh = self.request_token().await?;
        if let Some(path) = &self.inner.config.token_cache
            && let Err(e) = token_cache::store(path, &fresh)
        {
            tracing::warn!("could not cache the IAM token: {e}");
        }
        let token = fresh.token.clone();
        *cached = Some(fresh);
        Ok(token)
    }

    /// Drops a token the service refused, here and on disk.
    pub(super) async fn forget_token(&self) {
        *self.inner.token.lock().await = None;
        if let Some(path) = &self.inner.config.token_cache {
            token_cache::remove(path);
        }
    }

    /// `POST /v3/auth/tokens` with the password method, scoped to the region's project.
    async fn request_token(&self) -> Result<CachedToken, ApiError> {
        let Credentials::Password {
            domain,
            user,
            password,
        } = &self.inner.credentials
        else {
            return Err(ApiError::Auth("not using password credentials".into()));
        };
        let body = TokenRequest {
            auth: TokenAuth {
                identity: TokenIdentity {
                    methods: vec!["password".into()],
                    password: Some(TokenPassword {
                        user: TokenUser {
                            name: user.clone(),
                            password: password.expose().to_string(),
                            domain: NameOrId {
                                name: Some(domain.clone()),
                                id: None,
                            },
                        },
                    }),
                },
                scope: Some(TokenScope {
                    project: Some(NameOrId {
                        name: Some(self.inner.config.region.clone()),
                        id: None,
                    }),
                    domain: None,
                }),
            },
        };
        let url = format!(
            "{}/v3/auth/tokens?nocatalog=true",
            self.inner.config.iam_endpoint
        );
        let bytes = serde_json::to_vec(&body).map_err(|e| ApiError::Invalid(e.to_string()))?;
        let response = self
            .inner
            .http
            .post(url)
            .header("Content-Type", "application/json")
            .header("User-Agent", &self.inner.config.user_agent)
            .body(bytes)
            .send()
            .await
            .map_err(|e| ApiError::Transport(e.without_url().to_string()))?;
        let status = response.status().as_u16();
        let token = response
            .headers()
            .get("x-subject-token")
            .and_then(|v| v.to_str().ok())
            .map(Secret::new);
        let body = super::read_body(response, self.inner.config.max_body_bytes).await?;
        if !(200..300).contains(&status) {
            return Err(ApiError::from_response(status, &body, None));
        }
        let token =
            token.ok_or_else(|| ApiError::Auth("IAM answered without X-Subject-Token".into()))?;
        let parsed: TokenResponse =
            serde_json::from_slice(&body).map_err(|e| ApiError::Decode(e.to_string()))?;
        // A token without a readable expiry is treated as valid for an hour, not forever.
        let expires_at = DateTime::parse_from_rfc3339(&parsed.token.expires_at)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|_| Utc::now() + ChronoDuration::hours(1));
        // A project-scoped token names the project: no separate look-up needed.
        if let Some(project) = parsed.token.project.filter(|p| !p.id.is_empty()) {
            self.inner.project_id.lock().await.get_or_insert(project.id);
        }
        Ok(CachedToken { token, expires_at })
    }

    /// The project id: configured, learnt earlier, or looked up by region name through IAM.
    pub async fn project_id(&self) -> Result<String, ApiError> {
        if let Some(id) = self.inner.project_id.lock().await.clone() {
            return Ok(id);
        }
        let region = self.inner.config.region.clone();
        let call = Call::new(Method::GET, "/v3/projects".into())
            .iam()
            .query("name", &region);
        let list: IamProjectList = self.send(&call).await?.json()?;
        let id = list
            .projects
            .into_iter()
            .find(|p| p.name == region)
            .map(|p| p.id)
            .ok_or_else(|| ApiError::Invalid(format!("IAM knows no project named {region:?}")))?;
        *self.inner.project_id.lock().await = Some(id.clone());
        Ok(id)
    }

    /// `GET /v3/users`: the account's IAM users (needs IAM administrator rights).
    pub async fn list_iam_users(&self) -> Result<Vec<IamUser>, ApiError> {
        let call = Call::new(Method::GET, "/v3/users".into()).iam();
        Ok(self.send(&call).await?.json::<IamUserList>()?.users)
    }
}
