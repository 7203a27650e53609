//! Seed files: the initial content of the emulated account.
//!
//! Format (every field but names optional; the emulator fills in ids, paths, manifests, sizes,
//! digests and times it is not given):
//!
//! ```json
//! {"account": "demo",
//!  "org_quota": 5,
//!  "users": [{"id": "u-0001", "name": "alice", "password": "optional, default demo-password"}],
//!  "namespaces": [{"name": "demo", "created": "2026-01-01T00:00:00Z",
//!     "permissions": [{"user": "alice", "auth": 3}],
//!     "repos": [{"name": "team/web", "category": "linux", "description": "…", "is_public": false,
//!        "num_download": 12, "created": "2026-02-01T00:00:00Z",
//!        "permissions": [{"user": "bob", "auth": 1}],
//!        "shares": [{"access_domain": "partner", "deadline": "forever", "description": ""}],
//!        "tags": [{"tag": "1.0", "size": 12345, "digest": "sha256:<64 hex>", "created": "2026-03-01T10:00:00Z"}],
//!        "generate_tags": {"count": 2400, "prefix": "build-", "start": "2025-01-01T00:00:00Z",
//!                          "every_minutes": 90, "latest": true}}]}]}
//! ```
//!
//! * `permissions[].user` names a seeded user (by name or id); `auth` is 1, 3 or 7.
//! * `generate_tags` adds `count` tags `{prefix}{n}` (n from 1) pushed every `every_minutes`
//!   from `start`, so a seed can hold thousands of tags without listing them; with
//!   `"latest": true` a `latest` tag shares the digest of the newest generated one.
//! * `tags[].platforms` (`["linux/amd64", "linux/arm64/v8", "windows/amd64"]`) makes the tag
//!   multi-arch: `tag_type` 1 and a manifest list with one child manifest per platform.
//! * Tags may repeat a digest (e.g. `latest` and the newest version) — that is realistic.
//!
//! A broken file is an error naming the problem (`namespaces[0].repos[2].tags[1].digest: …`).

use std::path::Path;

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::state::{self, State, User};

mod artifact_extras;
mod instances;
use crate::swr::model::{CreateRepo, UserAuth};
pub use instances::{SeedArtifact, SeedInstance, SeedInstanceNamespace, SeedInstanceRepo};

/// The embedded demo data.
pub const DEMO_SEED_JSON: &str = include_str!("../../assets/demo-seed.json");
/// The password every seeded IAM user has unless the seed gives one.
pub const DEFAULT_PASSWORD: &str = "demo-password";
/// The caller: the IAM user every signed request acts as.
pub const CALLER_ID: &str = "5b0c1e3a9f7d4c2e8a6b4d2f0e1c3a5b";
pub const CALLER_NAME: &str = "swr-demo";

#[derive(Debug, thiserror::Error)]
#[error("seed: {0}")]
pub struct SeedError(pub String);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seed {
    /// Account (domain) name; IAM logins use it as `domain.name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Organization quota; the seeded count wins if larger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_quota: Option<usize>,
    #[serde(default)]
    pub namespaces: Vec<SeedNamespace>,
    #[serde(default)]
    pub users: Vec<SeedUser>,
    /// Enterprise-edition instances (see `seed/instances.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instances: Vec<SeedInstance>,
    /// Repositories other accounts share with the caller.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_with_me: Vec<state::SharedWithMe>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedUser {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedNamespace {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator_name: Option<String>,
    #[serde(default)]
    pub permissions: Vec<SeedGrant>,
    #[serde(default)]
    pub repos: Vec<SeedRepo>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedGrant {
    /// A seeded user's name or id.
    pub user: String,
    pub auth: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedRepo {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub is_public: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_download: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default)]
    pub permissions: Vec<SeedGrant>,
    #[serde(default)]
    pub shares: Vec<SeedShare>,
    #[serde(default)]
    pub tags: Vec<SeedTag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generate_tags: Option<GenerateTags>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedTag {
    pub tag: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// `os/architecture[/variant]` each: the tag is a manifest list over these platforms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platforms: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedShare {
    pub access_domain: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Compact description of many tags (see the module docs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenerateTags {
    pub count: usize,
    #[serde(default = "default_prefix")]
    pub prefix: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default = "default_every")]
    pub every_minutes: i64,
    #[serde(default)]
    pub latest: bool,
}

fn default_prefix() -> String {
    "build-".into()
}
fn default_every() -> i64 {
    60
}

/// Upper bound for generated tags, so a typo cannot exhaust memory.
const MAX_GENERATED_TAGS: usize = 100_000;

impl Seed {
    pub fn empty() -> Self {
        Self::default()
    }

    /// The embedded demo data (checked by a unit test, so parsing cannot fail at runtime).
    pub fn demo() -> Self {
        Self::from_json(DEMO_SEED_JSON).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Self, SeedError> {
        let seed: Seed = serde_json::from_str(text).map_err(|e| SeedError(e.to_string()))?;
        seed.build_state("cn-north-4", "0")?;
        Ok(seed)
    }

    pub fn from_path(path: &Path) -> Result<Self, SeedError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| SeedError(format!("cannot read {}: {e}", path.display())))?;
        Self::from_json(&text).map_err(|e| SeedError(format!("{}: {}", path.display(), e.0)))
    }

    /// Builds the account this seed describes.
    pub fn build_state(&self, region: &str, project_id: &str) -> Result<State, SeedError> {
        let users = self.users()?;
        let caller = User {
            id: CALLER_ID.into(),
            name: CALLER_NAME.into(),
            password: DEFAULT_PASSWORD.into(),
            description: "the emulator's caller".into(),
        };
        let account = self.account.clone().unwrap_or_else(|| "demo".into());
        let mut st = State::new(region, project_id, &account, caller, users);
        for (i, ns) in self.namespaces.iter().enumerate() {
            let at = format!("namespaces[{i}]");
            load_namespace(&mut st, ns, &at)?;
        }
        instances::load(&mut st, &self.instances)?;
        st.shared_with_me = self.shared_with_me.clone();
        st.org_quota = self
            .org_quota
            .unwrap_or(state::DEFAULT_ORG_QUOTA)
            .max(st.orgs.len());
        Ok(st)
    }

    fn users(&self) -> Result<Vec<User>, SeedError> {
        let mut out: Vec<User> = Vec::new();
        for (i, u) in self.users.iter().enumerate() {
            if u.id.is_empty() || u.name.is_empty() {
                return Err(SeedError(format!(
                    "users[{i}]: id and name must not be empty"
                )));
            }
            if out.iter().any(|o| o.id == u.id || o.name == u.name) || u.id == CALLER_ID {
                return Err(SeedError(format!("users[{i}]: duplicate user {}", u.name)));
            }
            out.push(User {
                id: u.id.clone(),
                name: u.name.clone(),
                password: u
                    .password
                    .clone()
                    .unwrap_or_else(|| DEFAULT_PASSWORD.into()),
                description: u.description.clone().unwrap_or_default(),
            });
        }
        Ok(out)
    }
}

fn err(at: &str, msg: impl std::fmt::Display) -> SeedError {
    SeedError(format!("{at}: {msg}"))
}

fn parse_time(
    at: &str,
    value: Option<&str>,
    default: DateTime<Utc>,
) -> Result<DateTime<Utc>, SeedError> {
    match value {
        None => Ok(default),
        Some(v) => DateTime::parse_from_rfc3339(v)
            .map(|d| d.with_timezone(&Utc))
            .map_err(|e| {
                err(
                    at,
                    format!("invalid time {v:?} ({e}); use RFC 3339, e.g. 2026-03-01T10:00:00Z"),
                )
            }),
    }
}

/// Where seeded timestamps start when the seed gives none: fixed, so demo data is stable.
fn base_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0)
        .single()
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

fn grants(st: &State, list: &[SeedGrant], at: &str) -> Result<Vec<UserAuth>, SeedError> {
    let mut out: Vec<UserAuth> = Vec::new();
    for (i, g) in list.iter().enumerate() {
        let at = format!("{at}.permissions[{i}]");
        let user = st
            .users
            .iter()
            .find(|u| u.name == g.user || u.id == g.user)
            .ok_or_else(|| err(&at, format!("unknown user {:?} (not in users)", g.user)))?;
        if ![1, 3, 7].contains(&g.auth) {
            return Err(err(&at, format!("auth must be 1, 3 or 7, not {}", g.auth)));
        }
        if out.iter().any(|o| o.user_id == user.id) {
            return Err(err(&at, format!("duplicate grant for {}", user.name)));
        }
        out.push(UserAuth {
            user_id: user.id.clone(),
            user_name: user.name.clone(),
            auth: g.auth,
        });
    }
    Ok(out)
}

fn load_namespace(st: &mut State, ns: &SeedNamespace, at: &str) -> Result<(), SeedError> {
    let created = parse_time(&format!("{at}.created"), ns.created.as_deref(), base_time())?;
    let creator = ns
        .creator_name
        .clone()
        .unwrap_or_else(|| CALLER_NAME.into());
    st.insert_org(&ns.name, &creator, created)
        .map_err(|e| err(&format!("{at}.name"), e.message))?;
    let perms = grants(st, &ns.permissions, at)?;
    if let Some(org) = st.orgs.get_mut(&ns.name) {
        org.perms = perms;
    }
    for (i, repo) in ns.repos.iter().enumerate() {
        load_repo(st, &ns.name, repo, &format!("{at}.repos[{i}]"), created)?;
    }
    Ok(())
}

fn load_repo(
    st: &mut State,
    org: &str,
    seed: &SeedRepo,
    at: &str,
    org_created: DateTime<Utc>,
) -> Result<(), SeedError> {
    let created = parse_time(
        &format!("{at}.created"),
        seed.created.as_deref(),
        org_created + Duration::days(3),
    )?;
    let create = CreateRepo {
        repository: seed.name.clone(),
        is_public: seed.is_public,
        category: seed.category.clone(),
        description: seed.description.clone(),
    };
    st.insert_repo(org, &create, created)
        .map_err(|e| err(at, e.message))?;
    let perms = grants(st, &seed.permissions, at)?;
    // Names first: a duplicate is refused before any image data is made up.
    let mut names = std::collections::HashSet::with_capacity(seed.tags.len());
    if let Some(dup) = seed.tags.iter().find(|t| !names.insert(t.tag.as_str())) {
        return Err(err(at, format!("duplicate tag {}", dup.tag)));
    }
    let mut tags = Vec::with_capacity(seed.tags.len());
    for (i, t) in seed.tags.iter().enumerate() {
        let at = format!("{at}.tags[{i}]");
        tags.push(seed_tag(
            st,
            org,
            &seed.name,
            t,
            &at,
            created + Duration::hours(i as i64 + 1),
        )?);
    }
    if let Some(g) = &seed.generate_tags {
        tags.extend(generated_tags(
            st,
            org,
            &seed.name,
            g,
            &format!("{at}.generate_tags"),
            created,
        )?);
    }
    let mut shares = Vec::new();
    for (i, s) in seed.shares.iter().enumerate() {
        let deadline = s.deadline.clone().unwrap_or_else(|| "forever".into());
        if s.access_domain.is_empty()
            || (deadline != "forever" && DateTime::parse_from_rfc3339(&deadline).is_err())
        {
            return Err(err(
                &format!("{at}.shares[{i}]"),
                "needs access_domain and a deadline (RFC 3339 or \"forever\")",
            ));
        }
        shares.push(state::Share {
            access_domain: s.access_domain.clone(),
            permit: "read".into(),
            deadline,
            description: s.description.clone().unwrap_or_default(),
            created,
            updated: created,
        });
    }
    let newest = tags.iter().map(|t| t.updated).max().unwrap_or(created);
    let oldest = tags.iter().map(|t| t.created).min();
    let store = state::TagStore::from_tags(tags)
        .map_err(|name| err(at, format!("duplicate tag {name}")))?;
    // Without an explicit time, a repository is as old as its oldest image.
    let created = match seed.created {
        Some(_) => created,
        None => oldest.unwrap_or(created).min(created),
    };
    let downloads = seed.num_download.unwrap_or_else(|| {
        let h = state::sha256_hex(&format!("{org}/{}", seed.name));
        i64::from_str_radix(&h[..4], 16).unwrap_or(0) % 5000
    });
    if let Some(r) = st
        .orgs
        .get_mut(org)
        .and_then(|o| o.repos.get_mut(&seed.name))
    {
        r.perms = perms;
        r.tags = store;
        r.shares = shares;
        r.created = created;
        r.updated = newest.max(created);
        r.num_download = downloads;
    }
    Ok(())
}

fn seed_tag(
    st: &mut State,
    org: &str,
    repo: &str,
    t: &SeedTag,
    at: &str,
    default_time: DateTime<Utc>,
) -> Result<state::TagRec, SeedError> {
    if !state::valid_tag_name(&t.tag) {
        return Err(err(
            &format!("{at}.tag"),
            format!("invalid tag name {:?}", t.tag),
        ));
    }
    let digest = match &t.digest {
        Some(d) => {
            let ok = d.strip_prefix("sha256:").is_some_and(|h| {
                h.len() == 64
                    && h.bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            });
            if !ok {
                return Err(err(
                    &format!("{at}.digest"),
                    format!("{d:?} is not sha256: + 64 lower-case hex"),
                ));
            }
            d.clone()
        }
        None => state::default_digest(org, repo, &t.tag),
    };
    let size = t.size.unwrap_or_else(|| state::default_size(&digest));
    if size < 0 {
        return Err(err(&format!("{at}.size"), "must not be negative"));
    }
    let when = parse_time(&format!("{at}.created"), t.created.as_deref(), default_time)?;
    let id = st.next_tag_id();
    match &t.platforms {
        None => Ok(state::tag_record(id, &t.tag, digest, size, when)),
        Some(list) => {
            let platforms = artifact_extras::parse_platforms(list, &format!("{at}.platforms"))?;
            Ok(crate::emulator::manifest_list::multiarch_tag_record(
                id, &t.tag, digest, size, when, &platforms,
            ))
        }
    }
}

fn generated_tags(
    st: &mut State,
    org: &str,
    repo: &str,
    g: &GenerateTags,
    at: &str,
    repo_created: DateTime<Utc>,
) -> Result<Vec<state::TagRec>, SeedError> {
    if g.count > MAX_GENERATED_TAGS {
        return Err(err(
            at,
            format!("count {} exceeds {MAX_GENERATED_TAGS}", g.count),
        ));
    }
    if g.every_minutes <= 0 {
        return Err(err(at, "every_minutes must be positive"));
    }
    let start = parse_time(&format!("{at}.start"), g.start.as_deref(), repo_created)?;
    let mut out = Vec::with_capacity(g.count + 1);
    for n in 1..=g.count {
        let name = format!("{}{n}", g.prefix);
        if !state::valid_tag_name(&name) {
            return Err(err(
                &format!("{at}.prefix"),
                format!("gives invalid tag name {name:?}"),
            ));
        }
        let digest = state::default_digest(org, repo, &name);
        let size = state::default_size(&digest);
        let when = start + Duration::minutes(g.every_minutes * (n as i64 - 1));
        let id = st.next_tag_id();
        out.push(state::tag_record(id, &name, digest, size, when));
    }
    if g.latest
        && let Some(newest) = out.last().cloned()
    {
        let id = st.next_tag_id();
        out.push(state::tag_record(
            id,
            "latest",
            newest.digest,
            newest.size,
            newest.updated,
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
