//! Repositories of the emulated account: create, change, delete, show, and the v2 and v3
//! lists with their filters and orders.

use super::*;

/// Repository list columns the service accepts (names differ between doc pages).
pub(super) fn repo_cmp(
    column: &str,
    a: (&Org, &Repo),
    b: (&Org, &Repo),
) -> Option<std::cmp::Ordering> {
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
    pub(super) fn matches(&self, org: &Org, repo: &Repo) -> bool {
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

impl State {
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
        // A repository created again under this name starts without the old one's rule.
        self.retentions.forget(org, name);
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

    pub(super) fn repo_v2(&self, o: &Org, r: &Repo, total: usize, status: bool) -> model::RepoV2 {
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

    pub(super) fn repo_v3(&self, o: &Org, r: &Repo, status: Option<bool>) -> model::RepoV3 {
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

    pub(super) fn matching_repos(
        &self,
        filter: &RepoFilter,
        shared_only: bool,
    ) -> Vec<(&Org, &Repo)> {
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
}

/// Known repository order columns (checked even when the list is empty).
pub(super) fn repo_cmp_known(column: &str) -> Option<()> {
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
