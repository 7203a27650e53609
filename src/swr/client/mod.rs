//! The typed SWR client: builds, authenticates and sends requests, retries where that is safe,
//! and turns answers into models or [`ApiError`]s.

mod auth;
pub mod enterprise;
mod iam;
mod instance_artifacts;
mod instance_credentials;
pub mod instance_retention;
mod operations;
pub mod paging;
mod queries;
pub mod registry;
pub mod retention;
pub mod retry;
mod shared_with_me;
mod sync;
pub mod throttle;
pub mod token_cache;
pub mod walk;

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::sync::Mutex;

pub use auth::{CachedToken, Credentials};
pub use enterprise::{InstanceNamespaceFilter, OffsetPage, RepositoryScope};
pub use instance_retention::{RetentionPolicyFilter, RetentionRun};
pub use paging::Page;
pub use queries::{Order, RepoListQuery, RepoListV3Query, TagListQuery, TagListV3Query};
pub use retry::RetryPolicy;
pub use walk::PageAt;

use crate::swr::error::ApiError;
use crate::swr::sign::{self, SDK_DATE_FORMAT, SignInput};
use retry::{Failure, is_retryable, parse_retry_after};

/// Where and how the client talks to the service.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// SWR management API base URL, e.g. `https://swr-api.cn-north-4.myhuaweicloud.com`.
    pub endpoint: String,
    /// IAM base URL (tokens, users, projects).
    pub iam_endpoint: String,
    pub region: String,
    /// Sent as `X-Project-Id` and used in project paths; looked up through IAM when absent.
    pub project_id: Option<String>,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    pub retry: RetryPolicy,
    /// Page size for "list everything" walks (the service's maximum is 1000).
    pub page_size: u32,
    /// Pages fetched at once once the total is known.
    pub page_concurrency: usize,
    pub user_agent: String,
    /// Where an IAM token (password auth) is kept between sessions.
    pub token_cache: Option<std::path::PathBuf>,
    /// The largest answer accepted to a read (a 1,000-tag page is about 1 MiB).
    pub max_body_bytes: usize,
    /// The largest answer accepted to a write or a delete (SWR answers those in a few bytes).
    pub max_write_answer_bytes: usize,
    /// The registry API's base URL (`https://swr.{region}.myhuaweicloud.com`): manifests.
    pub registry_endpoint: String,
    /// The largest manifest accepted from the registry.
    pub max_manifest_bytes: usize,
}

impl ClientConfig {
    /// Defaults for a region of Huawei Cloud.
    pub fn for_region(region: &str) -> Self {
        Self::with_endpoints(
            region,
            &super::regions::swr_endpoint(region),
            &super::regions::iam_endpoint(region),
        )
    }

    /// Defaults with explicit endpoints (private deployments, the emulator).
    pub fn with_endpoints(region: &str, endpoint: &str, iam_endpoint: &str) -> Self {
        let endpoint = endpoint.trim_end_matches('/').to_string();
        Self {
            registry_endpoint: registry_endpoint(&super::regions::registry_host(region), &endpoint),
            max_manifest_bytes: 4 << 20,
            endpoint,
            iam_endpoint: iam_endpoint.trim_end_matches('/').to_string(),
            region: region.to_string(),
            project_id: None,
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
            page_size: 1000,
            page_concurrency: 16,
            user_agent: concat!("swr-tui/", env!("CARGO_PKG_VERSION")).to_string(),
            token_cache: None,
            max_body_bytes: 64 << 20,
            max_write_answer_bytes: 1 << 20,
        }
    }
}

/// The registry API's base URL for the registry `host`; an endpoint on this machine is the
/// emulator, which serves the registry API on its one listener. Empty when `host` is not a
/// plain host name (the docker login is sent there, so nothing else may form the URL); the
/// registry calls then refuse before sending anything.
pub fn registry_endpoint(host: &str, endpoint: &str) -> String {
    if is_loopback(endpoint) {
        endpoint.trim_end_matches('/').to_string()
    } else if crate::swr::validate::registry_host(host).is_ok() {
        format!("https://{host}")
    } else {
        String::new()
    }
}

/// Which service a request goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Service {
    Swr,
    Iam,
}

/// One API call before authentication.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub method: Method,
    pub service: Service,
    /// Already percent-encoded.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
}

impl Call {
    pub fn new(method: Method, path: String) -> Self {
        Self {
            method,
            service: Service::Swr,
            path,
            query: Vec::new(),
            body: None,
        }
    }

    pub fn iam(mut self) -> Self {
        self.service = Service::Iam;
        self
    }

    pub fn query(mut self, key: &str, value: impl ToString) -> Self {
        self.query.push((key.to_string(), value.to_string()));
        self
    }

    pub fn query_opt(self, key: &str, value: Option<impl ToString>) -> Self {
        match value {
            Some(v) => self.query(key, v),
            None => self,
        }
    }

    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self, ApiError> {
        let bytes = serde_json::to_vec(body).map_err(|e| ApiError::Invalid(e.to_string()))?;
        self.body = Some(bytes);
        Ok(self)
    }
}

/// A 2xx answer.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        serde_json::from_slice(&self.body).map_err(|e| ApiError::Decode(e.to_string()))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// The outcome of one attempt.
enum Attempt {
    Answer {
        status: u16,
        headers: HeaderMap,
        body: Bytes,
    },
    Failed(Failure, ApiError),
}

/// A cheap-to-clone handle; clones share the connection pool and the token cache.
#[derive(Clone)]
pub struct SwrClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    config: ClientConfig,
    credentials: Credentials,
    token: Mutex<Option<CachedToken>>,
    project_id: Mutex<Option<String>>,
    /// Shared by all requests: a refusal for the rate slows them all down.
    throttle: throttle::Throttle,
    /// Docker login and pull tokens of the registry API.
    registry: Mutex<registry::RegistryCache>,
}

impl std::fmt::Debug for SwrClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SwrClient")
            .field("endpoint", &self.inner.config.endpoint)
            .field("region", &self.inner.config.region)
            .finish_non_exhaustive()
    }
}

/// Whether an answer refuses a request for its rate: 429, or the API gateway's throttling code
/// whatever the status.
fn is_throttling(status: u16, error: &ApiError) -> bool {
    status == 429 || error.code() == Some("APIGW.0308")
}

fn is_loopback(url: &str) -> bool {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .is_some_and(|h| h == "localhost" || h == "[::1]" || h.starts_with("127."))
}

impl SwrClient {
    pub fn new(config: ClientConfig, credentials: Credentials) -> Result<Self, ApiError> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            // A redirect would carry the signed request somewhere the user did not name.
            .redirect(reqwest::redirect::Policy::none())
            .gzip(true);
        // Proxies from the environment would otherwise capture loopback traffic too.
        if is_loopback(&config.endpoint) && is_loopback(&config.iam_endpoint) {
            builder = builder.no_proxy();
        }
        let http = builder
            .build()
            .map_err(|e| ApiError::Transport(e.to_string()))?;
        let project_id = config.project_id.clone();
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                config,
                credentials,
                token: Mutex::new(None),
                project_id: Mutex::new(project_id),
                throttle: throttle::Throttle::default(),
                registry: Mutex::default(),
            }),
        })
    }

    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    /// Sends a call, retrying transient failures where repeating it is safe.
    pub(crate) async fn send(&self, call: &Call) -> Result<Reply, ApiError> {
        let policy = &self.inner.config.retry;
        let throttle = &self.inner.throttle;
        let mut may_have_acted = false;
        let mut renewed_token = false;
        let mut attempt = 0;
        let mut throttled = Duration::ZERO;
        loop {
            attempt += 1;
            let answer = {
                let _slot = throttle.admit().await;
                self.attempt(call).await
            };
            let (failure, error, retry_after) = match answer {
                Attempt::Answer {
                    status,
                    headers,
                    body,
                } => {
                    if (200..300).contains(&status) {
                        throttle.answered();
                        return Ok(Reply { headers, body });
                    }
                    // An earlier attempt may have deleted it before its answer was lost.
                    if status == 404 && call.method == Method::DELETE && may_have_acted {
                        tracing::debug!(path = %call.path, "delete answered 404 after a retry: already gone");
                        return Ok(Reply { headers, body });
                    }
                    if status == 401 && !renewed_token && self.uses_password() {
                        renewed_token = true;
                        self.forget_token().await;
                        continue;
                    }
                    let request_id = header_text(&headers, "x-request-id");
                    let retry_after =
                        header_text(&headers, "retry-after").and_then(|v| parse_retry_after(&v));
                    let error = ApiError::from_response(status, &body, request_id);
                    if is_throttling(status, &error) {
                        if retry_after.is_some_and(|d| d > policy.max_retry_after) {
                            return Err(error);
                        }
                        // The service said "not so fast", not "no": wait with everybody
                        // else and go again, without spending an attempt.
                        throttled += throttle.refused(retry_after);
                        if throttled > policy.max_throttled {
                            return Err(error);
                        }
                        attempt -= 1;
                        tracing::debug!(method = %call.method, path = %call.path, limit = ?throttle.limit(), "throttled");
                        continue;
                    }
                    throttle.answered();
                    (Failure::Status(status), error, retry_after)
                }
                Attempt::Failed(failure, error) => (failure, error, None),
            };
            if attempt >= policy.max_attempts || !is_retryable(&call.method, failure) {
                return Err(error);
            }
            if retry_after.is_some_and(|d| d > policy.max_retry_after) {
                return Err(error);
            }
            may_have_acted |= !matches!(failure, Failure::Connect | Failure::Status(429));
            let pause = retry_after.unwrap_or_else(|| policy.backoff(attempt));
            tracing::debug!(method = %call.method, path = %call.path, attempt, ?failure, ?pause, "retrying");
            tokio::time::sleep(pause).await;
        }
    }

    /// Refusals for the rate seen so far by this client and its clones.
    pub fn throttle_refusals(&self) -> u64 {
        self.inner.throttle.refusals()
    }

    fn uses_password(&self) -> bool {
        matches!(self.inner.credentials, Credentials::Password { .. })
    }

    async fn attempt(&self, call: &Call) -> Attempt {
        let base = match call.service {
            Service::Swr => &self.inner.config.endpoint,
            Service::Iam => &self.inner.config.iam_endpoint,
        };
        let query = crate::swr::encoding::canonical_query(&call.query);
        let url = if query.is_empty() {
            format!("{base}{}", call.path)
        } else {
            format!("{base}{}?{query}", call.path)
        };
        let headers = match self.auth_headers(call, base).await {
            Ok(h) => h,
            Err(e) => return Attempt::Failed(Failure::Status(401), e),
        };
        let mut request = self
            .inner
            .http
            .request(call.method.clone(), &url)
            .headers(headers);
        if let Some(body) = &call.body {
            request = request.body(body.clone());
        }
        tracing::debug!(method = %call.method, path = %call.path, "request");
        let response = match request.send().await {
            Ok(r) => r,
            Err(e) => return transport_failure(e),
        };
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let config = &self.inner.config;
        let cap = if call.method == Method::GET {
            config.max_body_bytes
        } else {
            config.max_write_answer_bytes.min(config.max_body_bytes)
        };
        match read_capped(response, cap).await {
            Ok(body) => {
                tracing::debug!(method = %call.method, path = %call.path, status, "response");
                Attempt::Answer {
                    status,
                    headers,
                    body,
                }
            }
            Err(e) => body_failure(e),
        }
    }

    /// The headers of one attempt: content type, user agent, project, then the credentials.
    async fn auth_headers(&self, call: &Call, base: &str) -> Result<HeaderMap, ApiError> {
        let config = &self.inner.config;
        let mut pairs: Vec<(String, String)> = vec![
            ("Content-Type".into(), "application/json".into()),
            ("User-Agent".into(), config.user_agent.clone()),
        ];
        if call.service == Service::Swr
            && let Some(project) = self.inner.project_id.lock().await.clone()
        {
            pairs.push(("X-Project-Id".into(), project));
        }
        match &self.inner.credentials {
            Credentials::AkSk {
                access_key,
                secret_key,
                security_token,
            } => {
                let date = chrono::Utc::now().format(SDK_DATE_FORMAT).to_string();
                sign::add_signing_headers(
                    &mut pairs,
                    &authority(base)?,
                    &date,
                    security_token.as_ref().map(|t| t.expose()),
                );
                let body = call.body.as_deref().unwrap_or_default();
                let signature = sign::sign(
                    &SignInput {
                        method: call.method.as_str(),
                        path: &call.path,
                        query: &call.query,
                        headers: &pairs,
                        body,
                    },
                    secret_key.expose(),
                );
                pairs.push(("Authorization".into(), signature.authorization(access_key)));
            }
            Credentials::Token(token) => pairs.push(("X-Auth-Token".into(), token.expose().into())),
            Credentials::Password { .. } => {
                let token = self.token().await?;
                pairs.push(("X-Auth-Token".into(), token.expose().into()));
            }
        }
        to_header_map(&pairs)
    }
}

/// `host[:port]` as the `Host` header carries it (the port only when not the scheme's default).
fn authority(base: &str) -> Result<String, ApiError> {
    let url = reqwest::Url::parse(base)
        .map_err(|e| ApiError::Invalid(format!("endpoint {base:?}: {e}")))?;
    let host = url
        .host_str()
        .ok_or_else(|| ApiError::Invalid(format!("endpoint {base:?} has no host")))?;
    Ok(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    })
}

fn to_header_map(pairs: &[(String, String)]) -> Result<HeaderMap, ApiError> {
    let mut map = HeaderMap::with_capacity(pairs.len());
    for (name, value) in pairs {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| ApiError::Invalid(format!("bad header name {name:?}")))?;
        // The value may be a secret: never echo it in the error.
        let value = HeaderValue::from_str(value)
            .map_err(|_| ApiError::Invalid(format!("header {name} has characters HTTP forbids")))?;
        map.insert(name, value);
    }
    Ok(map)
}

fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The body, refused once it grows past `cap` bytes: a server cannot make us hold more.
async fn read_capped(mut response: reqwest::Response, cap: usize) -> Result<Bytes, BodyError> {
    let announced = response.content_length().unwrap_or(0);
    if announced > cap as u64 {
        return Err(BodyError::TooLarge(cap));
    }
    // One allocation for the announced length (already checked against the cap).
    let mut body = bytes::BytesMut::with_capacity(announced as usize);
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Read)? {
        if body.len() + chunk.len() > cap {
            return Err(BodyError::TooLarge(cap));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

enum BodyError {
    Read(reqwest::Error),
    TooLarge(usize),
}

fn body_failure(e: BodyError) -> Attempt {
    match e {
        BodyError::Read(e) => transport_failure(e),
        BodyError::TooLarge(cap) => Attempt::Failed(Failure::Status(413), too_large(cap)),
    }
}

fn too_large(cap: usize) -> ApiError {
    ApiError::Decode(format!("the answer is larger than {} MiB", cap >> 20))
}

/// The body of an answer read outside [`SwrClient::send`] (the IAM token), capped the same.
pub(super) async fn read_body(response: reqwest::Response, cap: usize) -> Result<Bytes, ApiError> {
    read_capped(response, cap).await.map_err(|e| match e {
        BodyError::Read(e) => ApiError::Transport(e.without_url().to_string()),
        BodyError::TooLarge(cap) => too_large(cap),
    })
}

fn transport_failure(e: reqwest::Error) -> Attempt {
    let e = e.without_url();
    if e.is_connect() {
        Attempt::Failed(Failure::Connect, ApiError::Transport(error_chain(&e)))
    } else if e.is_timeout() {
        Attempt::Failed(Failure::Transport, ApiError::Timeout)
    } else {
        Attempt::Failed(Failure::Transport, ApiError::Transport(error_chain(&e)))
    }
}

/// The error with its causes, without the URL (reqwest's Display includes it; ours is in context).
fn error_chain(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_registry_endpoint_is_built_only_from_a_plain_host() {
        let api = "https://swr-api.cn-north-4.myhuaweicloud.com";
        assert_eq!(
            super::registry_endpoint("swr.cn-north-4.myhuaweicloud.com", api),
            "https://swr.cn-north-4.myhuaweicloud.com"
        );
        for hostile in ["evil.example/@swr", "swr.example:99999", "a b", ""] {
            assert_eq!(super::registry_endpoint(hostile, api), "", "{hostile:?}");
        }
        assert_eq!(
            super::registry_endpoint("anything", "http://127.0.0.1:8080/"),
            "http://127.0.0.1:8080"
        );
    }

    use super::*;

    #[test]
    fn authority_keeps_non_default_ports() {
        assert_eq!(
            authority("http://127.0.0.1:8080").unwrap(),
            "127.0.0.1:8080"
        );
        assert_eq!(
            authority("https://swr-api.cn-north-4.myhuaweicloud.com").unwrap(),
            "swr-api.cn-north-4.myhuaweicloud.com"
        );
        assert_eq!(authority("https://h.example:443").unwrap(), "h.example");
        assert!(authority("not a url").is_err());
    }

    #[test]
    fn loopback_detection() {
        assert!(is_loopback("http://127.0.0.1:1"));
        assert!(is_loopback("http://localhost:1"));
        assert!(!is_loopback("https://swr-api.cn-north-4.myhuaweicloud.com"));
    }
}
