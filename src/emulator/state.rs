//! The emulator's in-memory SWR account: organizations → repositories → tags, permissions and
//! shares, with every operation the routes need. Pure (no I/O, no locking) so it is unit-tested
//! directly; the routes only translate HTTP to these calls and back.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, SecondsFormat, Utc};

pub use super::fixtures::{default_digest, default_size, manifest_for, sha256_hex, tag_record};
use super::params::Page;
pub use super::tag_store::{TagOrder, TagRec, TagStore};
pub use tags::TagQueryV3;

mod tags;
use crate::swr::model::{self, AUTH_MANAGE, AccessDomain, Namespace, UserAuth};

/// Organizations an account may own unless the seed already holds more.
pub const DEFAULT_ORG_QUOTA: usize = 5;
/// The address CCE clusters pull from (doc example).
const INTERNAL_REGISTRY: &str = "10.125.0.198:20202";

/// An SWR error: HTTP status, `SVCSTG.SWR.*` code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiErr {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

impl ApiErr {
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(400, code, message)
    }
    pub fn invalid_json() -> Self {
        Self::bad_request(
            "SVCSTG.SWR.4000014",
            "invalid parameter: malformed request body",
        )
    }
    fn no_org(name: &str) -> Self {
        Self::new(
            404,
            "SVCSTG.SWR.4040058",
            format!("namespace {name} not found"),
        )
    }
    fn no_repo(name: &str) -> Self {
        Self::new(
            404,
            "SVCSTG.SWR.4040010",
            format!("repository {name} not found"),
        )
    }
    fn no_tag(name: &str) -> Self {
        Self::new(404, "SVCSTG.SWR.4040048", format!("tag {name} not found"))
    }
}

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
}

/// RFC 3339 UTC with seconds, as the service prints times.
pub fn fmt_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

// ---------------------------------------------------------------- validation

/// Names are runs of `[a-z0-9]` joined by single separators (`.`, `_`, `__`, `-+`, and `/`
/// for repositories); they start and end with a letter or digit (section 4 of the API notes).
fn valid_name(s: &str, max: usize, allow_slash: bool, letter_first: bool) -> bool {
    let bytes = s.as_bytes();
    if bytes.is_empty() || bytes.len() > max {
        return false;
    }
    if letter_first && !bytes[0].is_ascii_lowercase() {
        return false;
    }
    let alnum = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let mut i = 0;
    while i < bytes.len() {
        if alnum(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !alnum(bytes[i]) {
            i += 1;
        }
        if start == 0 || i == bytes.len() {
            return false;
        }
        let run = &bytes[start..i];
        let ok = run == b"."
            || run == b"_"
            || run == b"__"
            || (allow_slash && run == b"/")
            || run.iter().all(|&b| b == b'-');
        if !ok {
            return false;
        }
    }
    true
}

pub fn valid_org_name(s: &str) -> bool {
    valid_name(s, 64, false, true)
}

pub fn valid_repo_name(s: &str) -> bool {
    valid_name(s, 128, true, false)
}

/// Docker tag grammar: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
pub fn valid_tag_name(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 128
        && (b[0].is_ascii_alphanumeric() || b[0] == b'_')
        && b.iter()
            .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

pub fn valid_category(s: &str) -> bool {
    model::CATEGORIES.contains(&s)
}

fn check_auth(perms: &[UserAuth]) -> Res<()> {
    for p in perms {
        if ![1, 3, 7].contains(&p.auth) {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4001066",
                format!("invalid permission {} (must be 1, 3 or 7)", p.auth),
            ));
        }
        if p.user_id.is_empty() || p.user_name.is_empty() {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4001067",
                "user_id and user_name are required",
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- sorting helpers

/// Repository list columns the service accepts (names differ between doc pages).
fn repo_cmp(column: &str, a: (&Org, &Repo), b: (&Org, &Repo)) -> Option<std::cmp::Ordering> {
    Some(match column {
        "updated_time" | "updated_at" | "updated" => a.1.updated.cmp(&b.1.updated),
        "created_at" | "created_time" | "created" => a.1.created.cmp(&b.1.created),
        "name" => a.1.name.cmp(&b.1.name),
        "tag_count" | "num_images" => a.1.tags.len().cmp(&b.1.tags.len()),
        "namespace" => a.0.name.cmp(&b.0.name),
        "is_public" => a.1.is_public.cmp(&b.1.is_public),
        _ => return None,
    })
}

pub(super) fn bad_order(column: &str) -> ApiErr {
    ApiErr::bad_request(
        "SVCSTG.SWR.4000014",
        format!("invalid order_column: {column}"),
    )
}

/// A repository filter shared by the v2 and v3 lists.
#[derive(Debug, Clone, Default)]
pub struct RepoFilter {
    pub namespace: Option<String>,
    pub name: Option<String>,
    /// Substring match for `namespace` (v2 `filter` syntax); `name` always matches substrings.
    pub namespace_fuzzy: bool,
    pub category: Option<String>,
    pub is_public: Option<bool>,
}

impl RepoFilter {
    fn matches(&self, org: &Org, repo: &Repo) -> bool {
        let ns_ok = match &self.namespace {
            None => true,
            Some(n) if self.namespace_fuzzy => org.name.contains(n.as_str()),
            Some(n) => &org.name == n,
        };
        ns_ok
            && self
                .name
                .as_ref()
                .is_none_or(|n| repo.name.contains(n.as_str()))
            && self.category.as_ref().is_none_or(|c| &repo.category == c)
            && self.is_public.is_none_or(|p| repo.is_public == p)
    }
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

    pub fn org_access(&self, name: &str) -> Res<model::AccessInfo> {
        let org = self.org(name)?;
        Ok(model::AccessInfo {
            id: org.id,
            name: org.name.clone(),
            creator_name: Some(org.creator_name.clone()),
            self_auth: self.caller_auth(),
            others_auths: org.perms.clone(),
        })
    }

    pub fn repo_access(&self, org: &str, repo: &str) -> Res<model::AccessInfo> {
        let r = self.repo(org, repo)?;
        Ok(model::AccessInfo {
            id: r.id,
            name: r.name.clone(),
            creator_name: None,
            self_auth: self.caller_auth(),
            others_auths: r.perms.clone(),
        })
    }

    /// Applies a permission change to an org (`repo` = None) or a repository.
    pub fn change_perms(&mut self, org: &str, repo: Option<&str>, op: PermOp) -> Res<()> {
        if let PermOp::Create(p) | PermOp::Update(p) = &op {
            check_auth(p)?;
        }
        let caller_id = self.caller.id.clone();
        let is_org = repo.is_none();
        let perms = match repo {
            None => &mut self.org_mut(org)?.perms,
            Some(r) => &mut self.repo_mut(org, r)?.perms,
        };
        let (missing, duplicate) = if is_org {
            (("SVCSTG.SWR.4040078", "organization"), "SVCSTG.SWR.4090076")
        } else {
            (("SVCSTG.SWR.4040091", "repository"), "SVCSTG.SWR.4090089")
        };
        let not_found = |id: &str| {
            ApiErr::new(
                404,
                missing.0,
                format!("{} permission of user {id} does not exist", missing.1),
            )
        };
        // Validate the whole batch first so a failing request changes nothing.
        let verb = match &op {
            PermOp::Create(list) => {
                for p in list {
                    if p.user_id == caller_id || perms.iter().any(|e| e.user_id == p.user_id) {
                        return Err(ApiErr::new(
                            409,
                            duplicate,
                            format!("permission of user {} already exists", p.user_id),
                        ));
                    }
                }
                perms.extend(list.iter().cloned());
                "POST"
            }
            PermOp::Update(list) => {
                if let Some(p) = list
                    .iter()
                    .find(|p| !perms.iter().any(|e| e.user_id == p.user_id))
                {
                    return Err(not_found(&p.user_id));
                }
                for p in list {
                    if let Some(e) = perms.iter_mut().find(|e| e.user_id == p.user_id) {
                        *e = p.clone();
                    }
                }
                "PATCH"
            }
            PermOp::Delete(ids) => {
                if let Some(id) = ids
                    .iter()
                    .find(|id| !perms.iter().any(|e| &e.user_id == *id))
                {
                    return Err(not_found(id));
                }
                perms.retain(|e| !ids.contains(&e.user_id));
                "DELETE"
            }
        };
        let target = repo.map_or(org.to_string(), |r| format!("{org}/{r}"));
        self.log(format!("{verb} access {target}"));
        Ok(())
    }

    // ------------------------------------------------------------ repositories

    /// Inserts a repository (seeding and create); `created` also sets `updated`.
    pub fn insert_repo(
        &mut self,
        org: &str,
        create: &model::CreateRepo,
        created: DateTime<Utc>,
    ) -> Res<i64> {
        if !valid_repo_name(&create.repository) {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4001029",
                format!("invalid image name: {}", create.repository),
            ));
        }
        let category = create.category.clone().unwrap_or_else(|| "other".into());
        if !valid_category(&category) {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4000014",
                format!("invalid category: {category}"),
            ));
        }
        let id = self.next_repo_id + 1;
        let o = self.org_mut(org)?;
        if o.repos.contains_key(&create.repository) {
            return Err(ApiErr::new(
                409,
                "SVCSTG.SWR.4090006",
                format!("image {} already exists", create.repository),
            ));
        }
        o.repos.insert(
            create.repository.clone(),
            Repo {
                id,
                name: create.repository.clone(),
                category,
                description: create.description.clone().unwrap_or_default(),
                is_public: create.is_public,
                num_download: 0,
                created,
                updated: created,
                perms: Vec::new(),
                tags: TagStore::default(),
                shares: Vec::new(),
            },
        );
        self.next_repo_id = id;
        Ok(id)
    }

    pub fn create_repo(&mut self, org: &str, create: &model::CreateRepo) -> Res<()> {
        self.insert_repo(org, create, Utc::now())?;
        self.log(format!("POST repo {org}/{}", create.repository));
        Ok(())
    }

    pub fn update_repo(&mut self, org: &str, name: &str, update: &model::UpdateRepo) -> Res<()> {
        if let Some(c) = &update.category
            && !valid_category(c)
        {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4000014",
                format!("invalid category: {c}"),
            ));
        }
        let r = self.repo_mut(org, name)?;
        r.is_public = update.is_public;
        if let Some(c) = &update.category {
            r.category = c.clone();
        }
        if let Some(d) = &update.description {
            r.description = d.clone();
        }
        r.updated = Utc::now();
        self.log(format!("PATCH repo {org}/{name}"));
        Ok(())
    }

    /// Deleting a repository deletes its tags (allowed on Huawei Cloud).
    pub fn delete_repo(&mut self, org: &str, name: &str) -> Res<()> {
        self.repo(org, name)?;
        self.org_mut(org)?.repos.remove(name);
        self.log(format!("DELETE repo {org}/{name}"));
        Ok(())
    }

    pub fn repo_size(repo: &Repo) -> i64 {
        repo.tags.total_size()
    }

    pub fn show_repo(&self, org: &str, name: &str) -> Res<model::Repository> {
        let o = self.org(org)?;
        let r = self.repo(org, name)?;
        Ok(model::Repository {
            id: r.id,
            ns_id: o.id,
            name: r.name.clone(),
            category: r.category.clone(),
            description: r.description.clone(),
            creator_id: self.caller.id.clone(),
            creator_name: self.caller.name.clone(),
            size: Self::repo_size(r),
            is_public: r.is_public,
            num_images: r.tags.len() as i64,
            num_download: r.num_download,
            url: String::new(),
            path: format!("{}/{org}/{}", self.registry(), r.name),
            internal_path: format!("{INTERNAL_REGISTRY}/{org}/{}", r.name),
            created: fmt_time(r.created),
            updated: fmt_time(r.updated),
            domain_id: self.domain_id.clone(),
            priority: 0,
        })
    }

    fn repo_v2(&self, o: &Org, r: &Repo, total: usize, status: bool) -> model::RepoV2 {
        model::RepoV2 {
            name: r.name.clone(),
            category: r.category.clone(),
            description: r.description.clone(),
            size: Self::repo_size(r),
            is_public: r.is_public,
            num_images: r.tags.len() as i64,
            num_download: r.num_download,
            created_at: fmt_time(r.created),
            updated_at: fmt_time(r.updated),
            logo: String::new(),
            url: String::new(),
            path: format!("{}/{}/{}", self.registry(), o.name, r.name),
            internal_path: format!("{INTERNAL_REGISTRY}/{}/{}", o.name, r.name),
            domain_name: self.domain_name.clone(),
            namespace: o.name.clone(),
            tags: r.tags.iter().map(|t| t.name.clone()).collect(),
            status,
            total_range: total as i64,
        }
    }

    fn repo_v3(&self, o: &Org, r: &Repo, status: Option<bool>) -> model::RepoV3 {
        model::RepoV3 {
            id: r.id,
            name: r.name.clone(),
            category: r.category.clone(),
            description: r.description.clone(),
            size: Self::repo_size(r),
            is_public: r.is_public,
            num_images: r.tags.len() as i64,
            num_download: r.num_download,
            created_at: fmt_time(r.created),
            updated_at: fmt_time(r.updated),
            domain_name: self.domain_name.clone(),
            namespace_name: o.name.clone(),
            status,
        }
    }

    fn matching_repos(&self, filter: &RepoFilter, shared_only: bool) -> Vec<(&Org, &Repo)> {
        self.orgs
            .values()
            .flat_map(|o| o.repos.values().map(move |r| (o, r)))
            .filter(|(o, r)| filter.matches(o, r))
            .filter(|(_, r)| !shared_only || !r.shares.is_empty())
            .collect()
    }

    /// v2 list (own or shared-by-me): sorted, paged; returns the page and the total.
    pub fn list_repos_v2(
        &self,
        filter: &RepoFilter,
        order: Option<(String, bool)>,
        page: Page,
        shared_only: bool,
    ) -> Res<(Vec<model::RepoV2>, usize)> {
        let mut rows = self.matching_repos(filter, shared_only);
        let (column, desc) = order.unwrap_or(("updated_time".into(), true));
        if repo_cmp_known(&column).is_none() {
            return Err(bad_order(&column));
        }
        rows.sort_by(|a, b| {
            let ord = repo_cmp(&column, *a, *b)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.1.id.cmp(&b.1.id));
            if desc { ord.reverse() } else { ord }
        });
        let total = rows.len();
        let page_rows = rows
            .into_iter()
            .skip(page.offset)
            .take(page.limit)
            .map(|(o, r)| self.repo_v2(o, r, total, shared_only))
            .collect();
        Ok((page_rows, total))
    }

    /// v3 list: ordered by id; `marker` = the last id of the previous page.
    pub fn list_repos_v3(
        &self,
        filter: &RepoFilter,
        limit: usize,
        marker: Option<i64>,
        shared_only: bool,
    ) -> (Vec<model::RepoV3>, Option<i64>) {
        let mut rows = self.matching_repos(filter, shared_only);
        rows.sort_by_key(|(_, r)| r.id);
        let rest: Vec<_> = rows
            .into_iter()
            .filter(|(_, r)| marker.is_none_or(|m| r.id > m))
            .collect();
        let more = rest.len() > limit;
        let page: Vec<_> = rest
            .into_iter()
            .take(limit)
            .map(|(o, r)| self.repo_v3(o, r, shared_only.then_some(true)))
            .collect();
        let next = if more {
            page.last().map(|r| r.id)
        } else {
            None
        };
        (page, next)
    }

    // ------------------------------------------------------------ sharing

    fn share_view(&self, org: &str, repo: &str, s: &Share) -> AccessDomain {
        let valid = s.deadline == "forever"
            || DateTime::parse_from_rfc3339(&s.deadline)
                .map(|d| d.with_timezone(&Utc) + Duration::days(1) > Utc::now())
                .unwrap_or(false);
        AccessDomain {
            namespace: org.to_string(),
            repository: repo.to_string(),
            access_domain: s.access_domain.clone(),
            permit: s.permit.clone(),
            deadline: s.deadline.clone(),
            description: s.description.clone(),
            creator_id: self.caller.id.clone(),
            creator_name: self.caller.name.clone(),
            created: fmt_time(s.created),
            updated: fmt_time(s.updated),
            status: valid,
            exist: None,
        }
    }

    pub fn list_shares(&self, org: &str, repo: &str) -> Res<Vec<AccessDomain>> {
        let r = self.repo(org, repo)?;
        Ok(r.shares
            .iter()
            .map(|s| self.share_view(org, repo, s))
            .collect())
    }

    pub fn show_share(&self, org: &str, repo: &str, domain: &str) -> Res<AccessDomain> {
        let r = self.repo(org, repo)?;
        let s = r
            .shares
            .iter()
            .find(|s| s.access_domain == domain)
            .ok_or_else(|| no_share(domain))?;
        let mut view = self.share_view(org, repo, s);
        view.exist = Some(true);
        Ok(view)
    }

    pub fn create_share(
        &mut self,
        org: &str,
        repo: &str,
        body: &model::CreateAccessDomain,
    ) -> Res<()> {
        check_share(&body.permit, &body.deadline)?;
        if body.access_domain.is_empty() {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4000014",
                "access_domain is required",
            ));
        }
        let r = self.repo_mut(org, repo)?;
        if r.shares
            .iter()
            .any(|s| s.access_domain == body.access_domain)
        {
            return Err(ApiErr::new(
                409,
                "SVCSTG.SWR.4090006",
                format!("repository already shared with {}", body.access_domain),
            ));
        }
        let now = Utc::now();
        r.shares.push(Share {
            access_domain: body.access_domain.clone(),
            permit: body.permit.clone(),
            deadline: body.deadline.clone(),
            description: body.description.clone().unwrap_or_default(),
            created: now,
            updated: now,
        });
        self.log(format!("POST share {org}/{repo} {}", body.access_domain));
        Ok(())
    }

    pub fn update_share(
        &mut self,
        org: &str,
        repo: &str,
        domain: &str,
        body: &model::UpdateAccessDomain,
    ) -> Res<()> {
        check_share(&body.permit, &body.deadline)?;
        let r = self.repo_mut(org, repo)?;
        let s = r
            .shares
            .iter_mut()
            .find(|s| s.access_domain == domain)
            .ok_or_else(|| no_share(domain))?;
        s.permit = body.permit.clone();
        s.deadline = body.deadline.clone();
        if let Some(d) = &body.description {
            s.description = d.clone();
        }
        s.updated = Utc::now();
        self.log(format!("PATCH share {org}/{repo} {domain}"));
        Ok(())
    }

    pub fn delete_share(&mut self, org: &str, repo: &str, domain: &str) -> Res<()> {
        let r = self.repo_mut(org, repo)?;
        let before = r.shares.len();
        r.shares.retain(|s| s.access_domain != domain);
        if r.shares.len() == before {
            return Err(no_share(domain));
        }
        self.log(format!("DELETE share {org}/{repo} {domain}"));
        Ok(())
    }

    // ------------------------------------------------------------ account-wide numbers

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

/// Known repository order columns (checked even when the list is empty).
fn repo_cmp_known(column: &str) -> Option<()> {
    matches!(
        column,
        "updated_time"
            | "updated_at"
            | "updated"
            | "created_at"
            | "created_time"
            | "created"
            | "name"
            | "tag_count"
            | "num_images"
            | "namespace"
            | "is_public"
    )
    .then_some(())
}

fn no_share(domain: &str) -> ApiErr {
    ApiErr::new(
        404,
        "SVCSTG.SWR.4040017",
        format!("access domain {domain} not found"),
    )
}

fn check_share(permit: &str, deadline: &str) -> Res<()> {
    if permit != "read" {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            format!("invalid permit: {permit} (only \"read\")"),
        ));
    }
    if deadline != "forever" && DateTime::parse_from_rfc3339(deadline).is_err() {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            format!("invalid deadline: {deadline}"),
        ));
    }
    Ok(())
}

/// How a permission list is changed.
#[derive(Debug, Clone)]
pub enum PermOp {
    Create(Vec<UserAuth>),
    Update(Vec<UserAuth>),
    Delete(Vec<String>),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::seed::Seed;
    use crate::swr::model::{CreateRepo, CreateTag, UpdateRepo};

    const SEED: &str = r#"{
      "users": [{"id": "u1", "name": "alice"}, {"id": "u2", "name": "bob"}],
      "namespaces": [
        {"name": "demo", "permissions": [{"user": "alice", "auth": 3}], "repos": [
          {"name": "team/web", "category": "linux", "tags": [
            {"tag": "1.0", "created": "2026-01-01T00:00:00Z"},
            {"tag": "1.1", "created": "2026-02-01T00:00:00Z"},
            {"tag": "2.0", "created": "2026-03-01T00:00:00Z"}]},
          {"name": "api", "is_public": true}]},
        {"name": "empty"}]}"#;

    fn state() -> State {
        Seed::from_json(SEED)
            .unwrap()
            .build_state("cn-north-4", "p")
            .unwrap()
    }

    fn page(limit: usize, offset: usize) -> Page {
        Page {
            limit,
            offset,
            explicit: true,
        }
    }

    fn repo(name: &str) -> CreateRepo {
        CreateRepo {
            repository: name.into(),
            is_public: false,
            category: None,
            description: None,
        }
    }

    #[test]
    fn name_rules() {
        for ok in ["a", "demo", "a.b", "a__b", "a--b", "a-b_c.d", "x1"] {
            assert!(valid_org_name(ok), "{ok}");
        }
        for bad in [
            "",
            "A",
            "1a",
            "a_",
            "a.-b",
            "a___b",
            "a/b",
            "a..b",
            &"a".repeat(65),
        ] {
            assert!(!valid_org_name(bad), "{bad}");
        }
        assert!(
            valid_repo_name("team/web")
                && valid_repo_name("1abc")
                && valid_repo_name("tools/ci/runner")
        );
        assert!(
            !valid_repo_name("/a")
                && !valid_repo_name("a//b")
                && !valid_repo_name("Web")
                && !valid_repo_name("镜像")
        );
        assert!(valid_tag_name("v1.0-rc.1") && valid_tag_name("_x") && valid_tag_name("Latest"));
        assert!(
            !valid_tag_name("-x")
                && !valid_tag_name(".x")
                && !valid_tag_name("a:b")
                && !valid_tag_name("")
        );
    }

    #[test]
    fn org_rules_duplicate_quota_and_non_empty_delete() {
        let mut st = state();
        assert_eq!(st.create_org("Bad").unwrap_err().code, "SVCSTG.SWR.4001028");
        assert_eq!(st.create_org("demo").unwrap_err().status, 409);
        st.create_org("three").unwrap();
        st.create_org("four").unwrap();
        st.create_org("five").unwrap();
        let e = st.create_org("six").unwrap_err();
        assert_eq!((e.status, e.code), (400, "SVCSTG.SWR.4000097"));
        let e = st.delete_org("demo").unwrap_err();
        assert_eq!((e.status, e.code), (406, "SVCSTG.SWR.4060074"));
        st.delete_org("empty").unwrap();
        assert_eq!(
            st.delete_org("empty").unwrap_err().code,
            "SVCSTG.SWR.4040058"
        );
        assert_eq!(st.mutations.last().unwrap(), "DELETE namespace empty");
    }

    #[test]
    fn repo_rules() {
        let mut st = state();
        assert_eq!(
            st.create_repo("demo", &repo("api")).unwrap_err().code,
            "SVCSTG.SWR.4090006"
        );
        assert_eq!(
            st.create_repo("demo", &repo("Bad")).unwrap_err().code,
            "SVCSTG.SWR.4001029"
        );
        assert_eq!(
            st.create_repo("nope", &repo("x")).unwrap_err().code,
            "SVCSTG.SWR.4040058"
        );
        let mut bad_cat = repo("x");
        bad_cat.category = Some("games".into());
        assert_eq!(st.create_repo("demo", &bad_cat).unwrap_err().status, 400);
        st.create_repo("demo", &repo("a/b/c")).unwrap();
        let shown = st.show_repo("demo", "a/b/c").unwrap();
        assert_eq!(shown.path, "swr.cn-north-4.myhuaweicloud.com/demo/a/b/c");
        st.update_repo(
            "demo",
            "a/b/c",
            &UpdateRepo {
                is_public: true,
                category: None,
                description: Some("d".into()),
            },
        )
        .unwrap();
        assert!(st.repo("demo", "a/b/c").unwrap().is_public);
        // Deleting a repository with tags is allowed and removes the tags.
        st.delete_repo("demo", "team/web").unwrap();
        assert_eq!(
            st.show_tag("demo", "team/web", "1.0").unwrap_err().code,
            "SVCSTG.SWR.4040010"
        );
    }

    #[test]
    fn v2_paging_ordering_and_totals() {
        let st = state();
        let filter = RepoFilter::default();
        let (rows, total) = st
            .list_repos_v2(&filter, Some(("name".into(), false)), page(1, 1), false)
            .unwrap();
        assert_eq!(
            (
                rows.len(),
                total,
                rows[0].name.as_str(),
                rows[0].total_range
            ),
            (1, 2, "team/web", 2)
        );
        let (rows, _) = st.list_repos_v2(&filter, None, page(10, 0), false).unwrap();
        assert_eq!(rows[0].name, "team/web", "newest first by default");
        assert_eq!(rows[0].tags.len(), 3);
        let e = st
            .list_repos_v2(&filter, Some(("color".into(), true)), page(10, 0), false)
            .unwrap_err();
        assert_eq!(e.status, 400);
        let fuzzy = RepoFilter {
            namespace: Some("dem".into()),
            namespace_fuzzy: true,
            ..Default::default()
        };
        assert_eq!(
            st.list_repos_v2(&fuzzy, None, page(10, 0), false)
                .unwrap()
                .1,
            2
        );
        let exact = RepoFilter {
            namespace: Some("dem".into()),
            ..Default::default()
        };
        assert_eq!(
            st.list_repos_v2(&exact, None, page(10, 0), false)
                .unwrap()
                .1,
            0
        );

        let (tags, total) = st
            .list_tags_v2("demo", "team/web", None, None, page(2, 0))
            .unwrap();
        assert_eq!(total, 3);
        assert_eq!(tags.names(), ["2.0", "1.1"]);
        let (tags, _) = st
            .list_tags_v2(
                "demo",
                "team/web",
                Some("1."),
                Some(("tag".into(), false)),
                page(10, 0),
            )
            .unwrap();
        assert_eq!(tags.names(), ["1.0", "1.1"]);
    }

    #[test]
    fn v3_markers() {
        let mut st = state();
        for i in 0..3 {
            st.create_repo("empty", &repo(&format!("r{i}"))).unwrap();
        }
        let f = RepoFilter::default();
        let (first, next) = st.list_repos_v3(&f, 3, None, false);
        assert_eq!(first.len(), 3);
        assert_eq!(next, Some(first[2].id));
        let (second, next) = st.list_repos_v3(&f, 3, next, false);
        assert_eq!(second.len(), 2);
        assert_eq!(next, None);
        assert!(second[0].id > first[2].id);

        let q = |marker: Option<&str>| TagQueryV3 {
            limit: 2,
            marker: marker.map(str::to_string),
            name: None,
            order: None,
            with_manifest: false,
        };
        let p1 = st.list_tags_v3("demo", "team/web", &q(None)).unwrap();
        assert!(p1.has_more);
        assert_eq!(p1.next_marker.as_deref(), Some("1.1"));
        assert_eq!(p1.tags.to_models()[0].manifest, "");
        let p2 = st
            .list_tags_v3("demo", "team/web", &q(Some("1.1")))
            .unwrap();
        assert_eq!(
            (p2.tags.len(), p2.has_more, p2.next_marker.clone()),
            (1, false, None)
        );
        assert_eq!(p2.tags.to_models()[0].tag, "1.0");
        assert_eq!(
            st.list_tags_v3("demo", "team/web", &q(Some("gone")))
                .unwrap_err()
                .status,
            400
        );
    }

    #[test]
    fn tags_delete_once_and_retag() {
        let mut st = state();
        st.delete_tag("demo", "team/web", "1.0").unwrap();
        assert_eq!(
            st.delete_tag("demo", "team/web", "1.0").unwrap_err().code,
            "SVCSTG.SWR.4040048"
        );
        assert_eq!(st.tag_deletes["demo/team/web:1.0"], 1);
        assert_eq!(st.mutations.last().unwrap(), "DELETE demo/team/web:1.0");
        let retag = |src: &str, dst: &str, ovr| CreateTag {
            source_tag: src.into(),
            destination_tag: dst.into(),
            r#override: ovr,
        };
        st.retag("demo", "team/web", &retag("2.0", "stable", None))
            .unwrap();
        let stable = st.show_tag("demo", "team/web", "stable").unwrap();
        assert_eq!(
            stable.digest,
            st.show_tag("demo", "team/web", "2.0").unwrap().digest
        );
        assert_eq!(
            st.retag("demo", "team/web", &retag("1.1", "stable", None))
                .unwrap_err()
                .status,
            409
        );
        st.retag("demo", "team/web", &retag("1.1", "stable", Some(true)))
            .unwrap();
        assert_eq!(
            st.retag("demo", "team/web", &retag("nope", "x", None))
                .unwrap_err()
                .code,
            "SVCSTG.SWR.4040048"
        );
        assert_eq!(
            st.retag("demo", "team/web", &retag("1.1", "-bad", None))
                .unwrap_err()
                .status,
            400
        );
    }

    #[test]
    fn permission_rules() {
        let mut st = state();
        let ua = |id: &str, auth| UserAuth {
            user_id: id.into(),
            user_name: id.into(),
            auth,
        };
        let e = st
            .change_perms("demo", None, PermOp::Create(vec![ua("u1", 1)]))
            .unwrap_err();
        assert_eq!((e.status, e.code), (409, "SVCSTG.SWR.4090076"));
        let e = st
            .change_perms("demo", None, PermOp::Create(vec![ua("u2", 2)]))
            .unwrap_err();
        assert_eq!(e.code, "SVCSTG.SWR.4001066");
        let e = st
            .change_perms("demo", None, PermOp::Update(vec![ua("u2", 1)]))
            .unwrap_err();
        assert_eq!((e.status, e.code), (404, "SVCSTG.SWR.4040078"));
        let e = st
            .change_perms("demo", Some("api"), PermOp::Delete(vec!["u2".into()]))
            .unwrap_err();
        assert_eq!((e.status, e.code), (404, "SVCSTG.SWR.4040091"));
        st.change_perms("demo", Some("api"), PermOp::Create(vec![ua("u2", 1)]))
            .unwrap();
        let e = st
            .change_perms("demo", Some("api"), PermOp::Create(vec![ua("u2", 3)]))
            .unwrap_err();
        assert_eq!(e.code, "SVCSTG.SWR.4090089");
        st.change_perms("demo", Some("api"), PermOp::Update(vec![ua("u2", 7)]))
            .unwrap();
        assert_eq!(
            st.repo_access("demo", "api").unwrap().others_auths[0].auth,
            7
        );
        st.change_perms("demo", Some("api"), PermOp::Delete(vec!["u2".into()]))
            .unwrap();
        assert!(
            st.repo_access("demo", "api")
                .unwrap()
                .others_auths
                .is_empty()
        );
        let access = st.org_access("demo").unwrap();
        assert_eq!(access.self_auth.auth, 7);
        assert_eq!(access.others_auths.len(), 1);
    }

    #[test]
    fn quotas_and_overview_count() {
        let st = state();
        let q = st.quotas();
        assert_eq!(
            (
                q.quotas[0].quota_key.as_str(),
                q.quotas[0].used,
                q.quotas[0].quota_limit
            ),
            ("namespace", 2, 5)
        );
        let o = st.overview();
        assert_eq!((o.namespace_num, o.repo_num, o.image_num), (2, 2, 3));
    }
}
