//! The registry (Docker Registry v2) side of the account: the temporary docker logins the
//! management API hands out, the pull tokens the token endpoint issues for them, and the
//! manifests `GET /v2/{name}/manifests/{reference}` serves.
//!
//! A tag's own digest is the seed's (made up, as the management API reports it), not the hash
//! of its made-up manifest; the child manifests of a list are exact: each is served under the
//! SHA-256 of its bytes, as a real registry does.

use std::collections::{HashMap, VecDeque};

use chrono::{DateTime, Duration, Utc};

use super::State;
use crate::emulator::manifest_list::{self, TAG_TYPE_MANIFEST_LIST};
use crate::swr::enterprise::DOCKER_MANIFEST_LIST_MEDIA_TYPE;

/// How long a pull token lives (SWR's are about 15 minutes and say nothing of it).
pub const TOKEN_LIFETIME_SECS: i64 = 900;
/// How long a temporary login stays valid (what `X-Swr-Expireat` says).
pub const LOGIN_LIFETIME_HOURS: i64 = 24;
/// At most this many logins and tokens are kept; the oldest go first.
const KEPT: usize = 4096;
const MANIFEST_MEDIA_TYPE: &str = "application/vnd.docker.distribution.manifest.v2+json";

/// Entries that all live equally long, so insertion order is expiry order: purging the
/// expired is popping from the front.
#[derive(Debug, Clone, Default)]
struct Expiring<V> {
    entries: HashMap<String, (V, DateTime<Utc>)>,
    order: VecDeque<String>,
}

impl<V> Expiring<V> {
    fn insert(&mut self, key: String, value: V, until: DateTime<Utc>, now: DateTime<Utc>) {
        while let Some(first) = self.order.front() {
            let gone = self
                .entries
                .get(first)
                .is_none_or(|(_, until)| *until <= now);
            if !gone && self.order.len() < KEPT {
                break;
            }
            if let Some(first) = self.order.pop_front() {
                self.entries.remove(&first);
            }
        }
        self.order.push_back(key.clone());
        self.entries.insert(key, (value, until));
    }

    fn get(&self, key: &str, now: DateTime<Utc>) -> Option<&V> {
        self.entries
            .get(key)
            .filter(|(_, until)| *until > now)
            .map(|(v, _)| v)
    }
}

/// Who may ask for pull tokens, and the tokens issued.
#[derive(Debug, Clone, Default)]
pub struct RegistryAuth {
    /// Temporary login user → password.
    logins: Expiring<String>,
    /// Pull token → the repository (`org/repo`) it may read.
    tokens: Expiring<String>,
}

/// Why the token endpoint refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No or wrong docker credentials.
    Unauthorized,
    /// The credentials are good, the scope is not (`DENIED`, with SWR's message).
    Denied(String),
}

/// A manifest as the registry serves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    pub body: String,
    pub media_type: &'static str,
    pub digest: String,
}

/// Why a manifest is not served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// No such repository (`NAME_UNKNOWN`).
    Name,
    /// No such tag or digest in it (`MANIFEST_UNKNOWN`).
    Manifest,
}

impl State {
    /// Remembers a temporary login the management API issued, for the token endpoint.
    pub fn remember_login(&mut self, user: String, password: String, now: DateTime<Utc>) {
        let until = now + Duration::hours(LOGIN_LIFETIME_HOURS);
        self.registry.logins.insert(user, password, until, now);
    }

    /// A pull token for `scope` (`repository:{org}/{repo}:pull[,push]`), for the login `user`
    /// with `password`.
    pub fn issue_pull_token(
        &mut self,
        user: &str,
        password: &str,
        scope: &str,
        now: DateTime<Utc>,
    ) -> Result<String, Refusal> {
        match self.registry.logins.get(user, now) {
            Some(known) if known == password => {}
            _ => return Err(Refusal::Unauthorized),
        }
        let (org, repo) = self.pull_scope(scope)?;
        let token = hex::encode(rand::random::<[u8; 24]>());
        let until = now + Duration::seconds(TOKEN_LIFETIME_SECS);
        let name = format!("{org}/{repo}");
        self.registry.tokens.insert(token.clone(), name, until, now);
        Ok(token)
    }

    /// The repository a token may read, while it is valid.
    pub fn token_repository(&self, token: &str, now: DateTime<Utc>) -> Option<&str> {
        self.registry.tokens.get(token, now).map(String::as_str)
    }

    /// The existing repository a pull scope names.
    fn pull_scope<'a>(&self, scope: &'a str) -> Result<(&'a str, &'a str), Refusal> {
        let denied = |m: &str| Refusal::Denied(m.to_string());
        let rest = scope
            .strip_prefix("repository:")
            .ok_or_else(|| denied("scope must name a repository"))?;
        let (name, actions) = rest
            .rsplit_once(':')
            .ok_or_else(|| denied("scope has no actions"))?;
        let (org, repo) = name
            .split_once('/')
            .ok_or_else(|| denied("scope must name a repository"))?;
        if !actions.split(',').any(|a| a == "pull") {
            return Err(denied("only pull is granted"));
        }
        let org_rec = self
            .orgs
            .get(org)
            .ok_or_else(|| denied("Image organization does not exist"))?;
        if !org_rec.repos.contains_key(repo) {
            return Err(denied("Image repository does not exist"));
        }
        Ok((org, repo))
    }

    /// The manifest `reference` (a tag, or a `sha256:` digest) of `org/repo`.
    pub fn registry_manifest(
        &self,
        org: &str,
        repo: &str,
        reference: &str,
    ) -> Result<Served, Missing> {
        let tags = &self
            .orgs
            .get(org)
            .and_then(|o| o.repos.get(repo))
            .ok_or(Missing::Name)?
            .tags;
        let media = |t: &super::TagRec| {
            if t.tag_type == TAG_TYPE_MANIFEST_LIST {
                DOCKER_MANIFEST_LIST_MEDIA_TYPE
            } else {
                MANIFEST_MEDIA_TYPE
            }
        };
        let whole = |t: &super::TagRec| Served {
            body: t.manifest.clone(),
            media_type: media(t),
            digest: t.digest.clone(),
        };
        if !reference.starts_with("sha256:") {
            return tags.get(reference).map(whole).ok_or(Missing::Manifest);
        }
        // By digest: one pass over the tags, per request (no index is kept for the few
        // lookups a detail view makes); only lists that name the digest are rebuilt.
        if let Some(t) = tags.iter().find(|t| t.digest == reference) {
            return Ok(whole(t));
        }
        tags.iter()
            .filter(|t| t.tag_type == TAG_TYPE_MANIFEST_LIST && t.manifest.contains(reference))
            .find_map(|t| manifest_list::child_of(t, reference))
            .map(|c| Served {
                body: c.manifest,
                media_type: MANIFEST_MEDIA_TYPE,
                digest: c.digest,
            })
            .ok_or(Missing::Manifest)
    }
}
