//! The emulator's in-memory SWR account: organizations → repositories → tags, permissions and
//! shares, with every operation the routes need. Pure (no I/O, no locking) so it is unit-tested
//! directly; the routes only translate HTTP to these calls and back.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, SecondsFormat, Utc};

use super::error::ApiErr;
pub use super::fixtures::{default_digest, default_size, manifest_for, sha256_hex, tag_record};
use super::params::Page;
pub use super::tag_store::{TagOrder, TagRec, TagStore};
pub use tags::TagQueryV3;

mod access;
mod artifact_details;
mod artifacts;
mod credentials;
mod instance_retention;
mod instances;
mod registry;
mod repos;
mod retention;
mod rules;
mod shared_with_me;
mod shares;
mod sync;
mod tags;

use crate::swr::model::{self, AUTH_MANAGE, AccessDomain, Namespace, UserAuth};
pub use access::{PermOp, PermTarget};
pub use artifacts::{ArtifactExtras, ArtifactFilter, SEVERITIES, SeverityCounts, TagIndex};
pub use credentials::{EeCredential, random_token_id};
pub use instance_retention::EeRetention;
pub use instances::{
    EeArtifact, EeIds, EeInstance, EeNamespace, EeRepo, EeTag, NamespaceFilter, order_repositories,
    public_flag,
};
pub use registry::{
    LOGIN_LIFETIME_HOURS, Missing, Refusal, RegistryAuth, Served, TOKEN_LIFETIME_SECS,
};
pub use repos::RepoFilter;
pub use retention::Retentions;
pub use rules::*;
pub use shared_with_me::SharedWithMe;
pub use sync::{SYNC_REGIONS, SyncBook};

/// Organizations an account may own unless the seed already holds more.
pub const DEFAULT_ORG_QUOTA: usize = 5;
/// The address CCE clusters pull from (doc example).
const INTERNAL_REGISTRY: &str = "10.125.0.198:20202";

pub type Res<T> = Result<T, ApiErr>;

/// An IAM user of the account.
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: String,
    pub name: String,
    pub password: String,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct Org {
    pub id: i64,
    pub name: String,
    pub creator_name: String,
    pub created: DateTime<Utc>,
    /// Grants to users other than the caller.
    pub perms: Vec<UserAuth>,
    pub repos: BTreeMap<String, Repo>,
}

#[derive(Debug, Clone)]
pub struct Repo {
    pub id: i64,
    pub name: String,
    pub category: String,
    pub description: String,
    pub is_public: bool,
    pub num_download: i64,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub perms: Vec<UserAuth>,
    pub tags: TagStore,
    pub shares: Vec<Share>,
}

#[derive(Debug, Clone)]
pub struct Share {
    pub access_domain: String,
    pub permit: String,
    pub deadline: String,
    pub description: String,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

/// The whole account.
#[derive(Debug, Clone)]
pub struct State {
    pub orgs: BTreeMap<String, Org>,
    /// Enterprise-edition instances, in seed order.
    pub instances: Vec<EeInstance>,
    pub users: Vec<User>,
    /// The user every request acts as (owner of every seeded org, an SWR admin).
    pub caller: User,
    pub region: String,
    pub project_id: String,
    pub domain_id: String,
    pub domain_name: String,
    pub org_quota: usize,
    next_org_id: i64,
    next_repo_id: i64,
    next_tag_id: i64,
    /// Issued IAM tokens → expiry.
    pub tokens: HashMap<String, DateTime<Utc>>,
    /// Human-readable log of successful changes, in order.
    pub mutations: Vec<String>,
    /// `org/repo:tag` → how many deletes actually removed it.
    pub tag_deletes: BTreeMap<String, u64>,
    /// Sync rules and jobs.
    pub sync: SyncBook,
    /// What other accounts share with the caller (seeded only).
    pub shared_with_me: Vec<SharedWithMe>,
    /// Retention rules and what they deleted, per repository.
    pub retentions: Retentions,
    /// Docker logins and pull tokens of the registry API.
    pub registry: RegistryAuth,
}

/// RFC 3339 UTC with seconds, as the service prints times.
pub fn fmt_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

// ---------------------------------------------------------------- the account

impl State {
    pub fn new(
        region: &str,
        project_id: &str,
        domain_name: &str,
        caller: User,
        users: Vec<User>,
    ) -> Self {
        Self {
            orgs: BTreeMap::new(),
            instances: Vec::new(),
            users,
            caller,
            region: region.to_string(),
            project_id: project_id.to_string(),
            domain_id: sha256_hex(&format!("domain:{domain_name}"))[..32].to_string(),
            domain_name: domain_name.to_string(),
            org_quota: DEFAULT_ORG_QUOTA,
            next_org_id: 1001,
            next_repo_id: 20001,
            next_tag_id: 300001,
            tokens: HashMap::new(),
            mutations: Vec::new(),
            tag_deletes: BTreeMap::new(),
            sync: SyncBook::default(),
            shared_with_me: Vec::new(),
            retentions: Retentions::default(),
            registry: RegistryAuth::default(),
        }
    }

    pub fn registry(&self) -> String {
        format!("swr.{}.myhuaweicloud.com", self.region)
    }

    fn log(&mut self, entry: String) {
        self.mutations.push(entry);
    }

    pub fn org(&self, name: &str) -> Res<&Org> {
        self.orgs.get(name).ok_or_else(|| ApiErr::no_org(name))
    }

    fn org_mut(&mut self, name: &str) -> Res<&mut Org> {
        self.orgs.get_mut(name).ok_or_else(|| ApiErr::no_org(name))
    }

    pub fn repo(&self, org: &str, repo: &str) -> Res<&Repo> {
        self.org(org)?
            .repos
            .get(repo)
            .ok_or_else(|| ApiErr::no_repo(repo))
    }

    fn repo_mut(&mut self, org: &str, repo: &str) -> Res<&mut Repo> {
        self.org_mut(org)?
            .repos
            .get_mut(repo)
            .ok_or_else(|| ApiErr::no_repo(repo))
    }

    pub fn next_tag_id(&mut self) -> i64 {
        self.next_tag_id += 1;
        self.next_tag_id
    }

    fn caller_auth(&self) -> UserAuth {
        UserAuth {
            user_id: self.caller.id.clone(),
            user_name: self.caller.name.clone(),
            auth: AUTH_MANAGE,
        }
    }

    // ------------------------------------------------------------ organizations

    /// Inserts an organization without quota checks (seeding).
    pub fn insert_org(&mut self, name: &str, creator: &str, created: DateTime<Utc>) -> Res<()> {
        if !valid_org_name(name) {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4001028",
                format!("invalid organization name: {name}"),
            ));
        }
        if self.orgs.contains_key(name) {
            return Err(ApiErr::new(
                409,
                "SVCSTG.SWR.4090060",
                format!("namespace {name} already exists"),
            ));
        }
        self.next_org_id += 1;
        self.orgs.insert(
            name.to_string(),
            Org {
                id: self.next_org_id,
                name: name.to_string(),
                creator_name: creator.to_string(),
                created,
                perms: Vec::new(),
                repos: BTreeMap::new(),
            },
        );
        Ok(())
    }

    /// `POST /v2/manage/namespaces`.
    pub fn create_org(&mut self, name: &str) -> Res<()> {
        if !valid_org_name(name) {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4001028",
                format!("invalid organization name: {name}"),
            ));
        }
        if !self.orgs.contains_key(name) && self.orgs.len() >= self.org_quota {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4000097",
                format!(
                    "the maximum number of organizations ({}) has been reached",
                    self.org_quota
                ),
            ));
        }
        let creator = self.caller.name.clone();
        self.insert_org(name, &creator, Utc::now())?;
        self.log(format!("POST namespace {name}"));
        Ok(())
    }

    fn namespace_view(&self, org: &Org) -> Namespace {
        Namespace {
            id: org.id,
            name: org.name.clone(),
            creator_name: org.creator_name.clone(),
            auth: AUTH_MANAGE,
        }
    }

    /// `GET /v2/manage/namespaces`; `name` matches as a substring.
    pub fn list_orgs(&self, name: Option<&str>) -> Vec<Namespace> {
        self.orgs
            .values()
            .filter(|o| name.is_none_or(|n| o.name.contains(n)))
            .map(|o| self.namespace_view(o))
            .collect()
    }

    pub fn show_org(&self, name: &str) -> Res<Namespace> {
        Ok(self.namespace_view(self.org(name)?))
    }

    /// Refused while the organization still holds repositories (406).
    pub fn delete_org(&mut self, name: &str) -> Res<()> {
        if !self.org(name)?.repos.is_empty() {
            return Err(ApiErr::new(
                406,
                "SVCSTG.SWR.4060074",
                "organization still contains images",
            ));
        }
        self.orgs.remove(name);
        self.log(format!("DELETE namespace {name}"));
        Ok(())
    }

    // ------------------------------------------------------------ permissions

    pub fn counts(&self) -> (usize, usize, usize, i64) {
        let repos = self.orgs.values().map(|o| o.repos.len()).sum();
        let tags = self
            .orgs
            .values()
            .flat_map(|o| o.repos.values())
            .map(|r| r.tags.len())
            .sum();
        let bytes = self
            .orgs
            .values()
            .flat_map(|o| o.repos.values())
            .map(Self::repo_size)
            .sum();
        (self.orgs.len(), repos, tags, bytes)
    }

    pub fn quotas(&self) -> model::QuotaList {
        let (orgs, repos, tags, _) = self.counts();
        let quota = |key: &str, limit: i64, used: usize| model::Quota {
            quota_key: key.into(),
            quota_limit: limit,
            used: used as i64,
            unit: String::new(),
        };
        model::QuotaList {
            quotas: vec![
                quota("namespace", self.org_quota as i64, orgs),
                quota("repository", 10_000, repos),
                quota("tag", 100_000, tags),
            ],
        }
    }

    pub fn overview(&self) -> model::Overview {
        let (orgs, repos, tags, bytes) = self.counts();
        model::Overview {
            domain_id: self.domain_id.clone(),
            domain_name: self.domain_name.clone(),
            namespace_num: orgs as i64,
            repo_num: repos as i64,
            image_num: tags as i64,
            // MB, rounded to two decimals like the console shows it.
            store_space: (bytes as f64 / 1_048_576.0 * 100.0).round() / 100.0,
            downflow_size: 0.0,
        }
    }
}
