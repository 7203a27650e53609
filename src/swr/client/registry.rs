//! The registry API (Docker Registry v2 at the registry host), for what the management API does
//! not say: the layers of a manifest list's child manifests.
//!
//! The flow SWR uses: `GET /v2/` answers 401 with a Bearer challenge naming the token endpoint;
//! that endpoint takes the temporary docker login as Basic auth and issues a pull token for one
//! repository (~15 min); the manifest is then read with `Authorization: Bearer`. Credentials go
//! only to the registry host the client was configured with (a realm elsewhere is refused),
//! tokens are kept per repository in memory until they expire and never logged, a manifest is
//! capped and must hash to the digest asked for: the server is not trusted.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use base64::Engine;
use bytes::Bytes;
use reqwest::Method;
use reqwest::header::{ACCEPT, AUTHORIZATION, WWW_AUTHENTICATE};
use serde::Deserialize;
use sha2::{Digest as _, Sha256};

use super::{Call, SwrClient, read_body};
use crate::swr::error::ApiError;
use crate::swr::model::AuthInfoBody;
use crate::swr::secret::Secret;
use crate::swr::validate;

/// The image manifests asked for (a child of a list is one of these).
const IMAGE_MANIFESTS: &str = "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json";
/// A pull token's life when the endpoint does not say (SWR's are about 15 minutes).
const TOKEN_LIFE: Duration = Duration::from_secs(900);
/// A token or login is renewed this long before it would expire.
const MARGIN: Duration = Duration::from_secs(30);
/// The temporary login is asked again after at most this long.
const LOGIN_LIFE: Duration = Duration::from_secs(3600);
/// A token endpoint's answer is a few hundred bytes.
const TOKEN_ANSWER_CAP: usize = 64 << 10;
/// At most this many repositories' tokens are kept.
const TOKENS_KEPT: usize = 256;

/// What an image manifest says about its layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ManifestLayers {
    pub count: usize,
    /// The layers' (compressed) sizes added up.
    pub bytes: u64,
}

/// Docker credentials and pull tokens, kept for the session.
#[derive(Default)]
pub(crate) struct RegistryCache {
    /// `Basic …` of the temporary login, and until when it is used.
    login: Option<(Secret, Instant)>,
    /// Repository (`org/repo`) → `Bearer` token and until when it is used.
    tokens: HashMap<String, (Secret, Instant)>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    #[serde(default)]
    token: String,
    #[serde(default)]
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
}

#[derive(Deserialize)]
struct ImageManifest {
    layers: Option<Vec<Layer>>,
}

#[derive(Deserialize)]
struct Layer {
    #[serde(default)]
    size: u64,
}

impl SwrClient {
    /// The layer count and total size of the image manifest `digest` in `org/repo`, read over
    /// the registry API and checked against its digest.
    pub async fn manifest_layers(
        &self,
        org: &str,
        repo: &str,
        digest: &str,
    ) -> Result<ManifestLayers, ApiError> {
        validate::namespace_name(org).map_err(ApiError::Invalid)?;
        validate::repository_name(repo).map_err(ApiError::Invalid)?;
        let hex = sha256_hex_of(digest)?;
        let body = self.registry_manifest(org, repo, digest).await?;
        if hex::encode(Sha256::digest(&body)) != hex {
            return Err(ApiError::Decode(
                "the manifest does not match its digest".into(),
            ));
        }
        layers_of(&body)
    }

    /// The manifest's bytes; a refused token is renewed once (it may have expired early).
    async fn registry_manifest(
        &self,
        org: &str,
        repo: &str,
        digest: &str,
    ) -> Result<Bytes, ApiError> {
        if self.inner.config.registry_endpoint.is_empty() {
            return Err(ApiError::Invalid(
                "the profile's registry is not a plain host name".into(),
            ));
        }
        let name = format!("{org}/{repo}");
        let url = format!(
            "{}/v2/{name}/manifests/{digest}",
            self.inner.config.registry_endpoint
        );
        for renewed in [false, true] {
            let token = self.pull_token(&name, renewed).await?;
            let response = self
                .inner
                .http
                .get(&url)
                .header(ACCEPT, IMAGE_MANIFESTS)
                .header(AUTHORIZATION, format!("Bearer {}", token.expose()))
                .send()
                .await
                .map_err(transport)?;
            let status = response.status().as_u16();
            let cap = self.inner.config.max_manifest_bytes;
            if status == 401 && !renewed {
                continue;
            }
            let body = read_body(response, cap).await?;
            tracing::debug!(path = %format!("/v2/{name}/manifests/{digest}"), status, "registry");
            if status != 200 {
                return Err(ApiError::from_response(status, &body, None));
            }
            return Ok(body);
        }
        Err(ApiError::Auth("the registry refused a fresh token".into()))
    }

    /// A pull token for `name`, from the cache unless `renew`. The lock is held while one is
    /// fetched, so the platforms of one tag, asked at once, share it.
    async fn pull_token(&self, name: &str, renew: bool) -> Result<Secret, ApiError> {
        let mut cache = self.inner.registry.lock().await;
        let now = Instant::now();
        if !renew
            && let Some((token, until)) = cache.tokens.get(name)
            && *until > now
        {
            return Ok(token.clone());
        }
        let basic = match &cache.login {
            Some((basic, until)) if *until > now && !renew => basic.clone(),
            _ => {
                let (basic, life) = self.docker_login().await?;
                cache.login = Some((basic.clone(), now + life));
                basic
            }
        };
        let (token, life) = self.fetch_token(name, &basic).await?;
        cache.tokens.retain(|_, (_, until)| *until > now);
        if cache.tokens.len() >= TOKENS_KEPT {
            cache.tokens.clear();
        }
        cache
            .tokens
            .insert(name.to_string(), (token.clone(), now + life));
        Ok(token)
    }

    /// `Basic …` of a fresh temporary docker login (`auths.{host}.auth`, `user:password` in
    /// base64), and how long to use it.
    async fn docker_login(&self) -> Result<(Secret, Duration), ApiError> {
        let call = Call::new(Method::POST, "/v2/manage/utils/secret".into())
            .query("projectname", &self.inner.config.region);
        let reply = self.send(&call).await?;
        let body: AuthInfoBody = reply.json()?;
        let auth = body
            .auths
            .into_values()
            .next()
            .map(|a| a.auth)
            .unwrap_or_default();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(auth.trim())
            .ok()
            .and_then(|d| String::from_utf8(d).ok())
            .filter(|t| {
                t.split_once(':')
                    .is_some_and(|(u, p)| !u.is_empty() && !p.is_empty())
            });
        if decoded.is_none() || auth.bytes().any(|b| !b.is_ascii_graphic()) {
            return Err(ApiError::Decode("no docker login in the answer".into()));
        }
        let life = reply
            .header("x-swr-expireat")
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .and_then(|t| (t.to_utc() - chrono::Utc::now()).to_std().ok())
            .map_or(LOGIN_LIFE, |d| d.min(LOGIN_LIFE))
            .saturating_sub(MARGIN);
        Ok((Secret::new(format!("Basic {}", auth.trim())), life))
    }

    /// A pull token for `name` from the realm `GET /v2/` names, with `basic`.
    async fn fetch_token(
        &self,
        name: &str,
        basic: &Secret,
    ) -> Result<(Secret, Duration), ApiError> {
        let (realm, service) = self.token_realm().await?;
        let scope = format!("repository:{name}:pull");
        let response = self
            .inner
            .http
            .get(&realm)
            .query(&[("service", service.as_str()), ("scope", scope.as_str())])
            .header(AUTHORIZATION, basic.expose())
            .send()
            .await
            .map_err(transport)?;
        let status = response.status().as_u16();
        let body = read_body(response, TOKEN_ANSWER_CAP).await?;
        tracing::debug!(status, "registry token");
        if status != 200 {
            return Err(ApiError::from_response(status, &body, None));
        }
        let answer: TokenAnswer =
            serde_json::from_slice(&body).map_err(|e| ApiError::Decode(e.to_string()))?;
        let token = if answer.token.is_empty() {
            answer.access_token
        } else {
            answer.token
        };
        if token.is_empty() || token.bytes().any(|b| !b.is_ascii_graphic()) {
            return Err(ApiError::Decode("no usable token in the answer".into()));
        }
        let life = answer
            .expires_in
            .map_or(TOKEN_LIFE, Duration::from_secs)
            .min(TOKEN_LIFE)
            .saturating_sub(MARGIN);
        Ok((Secret::new(token), life))
    }

    /// The token endpoint and service of the registry's challenge, if the realm is on the
    /// registry's own host (Basic credentials go nowhere else).
    async fn token_realm(&self) -> Result<(String, String), ApiError> {
        let base = &self.inner.config.registry_endpoint;
        let response = self
            .inner
            .http
            .get(format!("{base}/v2/"))
            .send()
            .await
            .map_err(transport)?;
        let challenge = response
            .headers()
            .get(WWW_AUTHENTICATE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let status = response.status().as_u16();
        // Nothing of the body is needed; reading a little of it lets the connection be reused.
        let _ = read_body(response, TOKEN_ANSWER_CAP).await;
        let (realm, service) = parse_challenge(&challenge).ok_or_else(|| {
            ApiError::Decode(format!(
                "the registry answered {status} without a token challenge"
            ))
        })?;
        if !same_origin(&realm, base) {
            return Err(ApiError::Invalid(
                "the registry names a token service on another host; no credentials sent".into(),
            ));
        }
        Ok((realm, service))
    }
}

/// The hex part of a `sha256:` digest, which alone is accepted (it goes into a path).
fn sha256_hex_of(digest: &str) -> Result<&str, ApiError> {
    digest
        .strip_prefix("sha256:")
        .filter(|h| {
            h.len() == 64
                && h.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
        .ok_or_else(|| ApiError::Invalid("not a sha256 digest".into()))
}

/// Counts the layers of an image manifest; a list (or anything without layers) is refused.
fn layers_of(body: &[u8]) -> Result<ManifestLayers, ApiError> {
    let manifest: ImageManifest =
        serde_json::from_slice(body).map_err(|e| ApiError::Decode(e.to_string()))?;
    let layers = manifest
        .layers
        .ok_or_else(|| ApiError::Decode("not an image manifest (no layers)".into()))?;
    Ok(ManifestLayers {
        count: layers.len(),
        bytes: layers
            .iter()
            .fold(0u64, |sum, l| sum.saturating_add(l.size)),
    })
}

/// `realm` and `service` of `Bearer realm="…",service="…"[,scope="…"]`.
fn parse_challenge(header: &str) -> Option<(String, String)> {
    let (scheme, params) = header.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return None;
    }
    let mut realm = None;
    let mut service = String::new();
    for part in params.split(',') {
        let Some((key, value)) = part.trim().split_once('=') else {
            continue;
        };
        let value = value.trim().trim_matches('"').to_string();
        match key.trim().to_ascii_lowercase().as_str() {
            "realm" => realm = Some(value),
            "service" => service = value,
            _ => {}
        }
    }
    realm.map(|r| (r, service))
}

/// Whether `url` has the scheme, host and port of `base`.
fn same_origin(url: &str, base: &str) -> bool {
    let (Ok(a), Ok(b)) = (reqwest::Url::parse(url), reqwest::Url::parse(base)) else {
        return false;
    };
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}

fn transport(e: reqwest::Error) -> ApiError {
    let e = e.without_url();
    if e.is_timeout() {
        ApiError::Timeout
    } else {
        ApiError::Transport(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_challenge_is_read_as_swr_writes_it() {
        let h = r#"Bearer realm="https://swr.cn-north-4.myhuaweicloud.com/swr/auth/v2/registry/auth/",service="dockyard""#;
        assert_eq!(
            parse_challenge(h),
            Some((
                "https://swr.cn-north-4.myhuaweicloud.com/swr/auth/v2/registry/auth/".into(),
                "dockyard".into()
            ))
        );
        assert_eq!(parse_challenge(r#"Basic realm="x""#), None);
        assert_eq!(parse_challenge(""), None);
    }

    #[test]
    fn credentials_stay_on_the_registry_host() {
        let base = "https://swr.cn-north-4.myhuaweicloud.com";
        assert!(same_origin(&format!("{base}/swr/auth/"), base));
        assert!(same_origin(&format!("{base}:443/x"), base));
        assert!(!same_origin("https://evil.example/swr/auth/", base));
        assert!(!same_origin(
            "http://swr.cn-north-4.myhuaweicloud.com/x",
            base
        ));
        assert!(!same_origin(
            "https://swr.cn-north-4.myhuaweicloud.com:8443/x",
            base
        ));
    }

    #[test]
    fn only_sha256_digests_go_into_a_path() {
        let good = format!("sha256:{}", "a".repeat(64));
        assert!(sha256_hex_of(&good).is_ok());
        assert!(sha256_hex_of(&format!("sha256:{}", "A".repeat(64))).is_err());
        assert!(sha256_hex_of("sha256:../../x").is_err());
        assert!(sha256_hex_of(&format!("sha512:{}", "a".repeat(64))).is_err());
    }

    #[test]
    fn layers_are_counted_and_added_up() {
        let m = br#"{"layers":[{"size":10},{"size":32}],"config":{"size":5}}"#;
        assert_eq!(
            layers_of(m).unwrap(),
            ManifestLayers {
                count: 2,
                bytes: 42
            }
        );
        assert!(
            layers_of(br#"{"manifests":[]}"#).is_err(),
            "a list is no image"
        );
        assert!(layers_of(br#"{"layers":[{"size":-1}]}"#).is_err());
        let huge = format!(r#"{{"layers":[{{"size":{}}},{{"size":9}}]}}"#, u64::MAX);
        assert_eq!(layers_of(huge.as_bytes()).unwrap().bytes, u64::MAX);
    }
}
