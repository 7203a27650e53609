//! Enterprise-edition operations: instances, their namespaces and repositories
//! (`/v2/{project_id}/instances/…`, paths and keys as the official SDK has them), and
//! "list everything" walks over their offset/limit lists.
//!
//! A walk takes the first page (limit 100, the service's maximum) for its `total`, then fetches
//! the other pages concurrently, bounded, and ends at what pages actually hold: nothing is asked
//! past a short page, and the total is capped (see [`super::walk`]), so a lying `total` can
//! neither loop nor hold back items.

use reqwest::Method;
use serde::de::DeserializeOwned;

use super::paging::Page;
use super::walk::{self, PageAt, in_order};
use super::{Call, SwrClient};
use crate::swr::encoding::{encode, instance_repo_segment};
use crate::swr::enterprise::{
    CreateInstanceNamespace, CreatedId, DomainNameInfo, DomainNameList, Instance, InstanceList,
    InstanceNamespace, InstanceNamespaceList, InstanceRepository, InstanceRepositoryList, MAX_PAGE,
    NamespaceMetadata, UpdateInstanceNamespace, UpdateInstanceRepository,
};
use crate::swr::error::ApiError;
use crate::swr::validate;

/// One page of an enterprise list: `offset` must be 0 or a multiple of `limit` (≤ 100).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OffsetPage {
    pub offset: u64,
    pub limit: u32,
}

impl Default for OffsetPage {
    fn default() -> Self {
        Self {
            offset: 0,
            limit: MAX_PAGE,
        }
    }
}

/// What the namespace list may be narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InstanceNamespaceFilter {
    /// Namespaces whose name contains this.
    pub name: Option<String>,
    pub public: Option<bool>,
}

/// Which repositories a list covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RepositoryScope {
    /// `…/namespaces/{ns}/repositories`.
    Namespace(String),
    /// `…/repositories`, optionally only the namespace with this id.
    Instance { namespace_id: Option<i64> },
}

/// Lists that carry their items and a `total`.
pub(super) trait Listed: DeserializeOwned + Send + 'static {
    type Item: Send + 'static;
    fn split(self) -> (Vec<Self::Item>, u64);
}

impl Listed for InstanceList {
    type Item = Instance;
    fn split(self) -> (Vec<Instance>, u64) {
        (self.instances, self.total)
    }
}

impl Listed for InstanceNamespaceList {
    type Item = InstanceNamespace;
    fn split(self) -> (Vec<InstanceNamespace>, u64) {
        (self.namespaces, self.total)
    }
}

impl Listed for InstanceRepositoryList {
    type Item = InstanceRepository;
    fn split(self) -> (Vec<InstanceRepository>, u64) {
        (self.repositories, self.total)
    }
}

pub(super) fn paged(call: Call, page: OffsetPage) -> Call {
    call.query("offset", page.offset).query("limit", page.limit)
}

impl SwrClient {
    /// `/v2/{project_id}/instances/{instance_id}` (or the list without an id).
    pub(super) async fn instance_path(
        &self,
        instance_id: Option<&str>,
    ) -> Result<String, ApiError> {
        let project = self.project_id().await?;
        let mut path = format!("/v2/{}/instances", encode(&project));
        if let Some(id) = instance_id {
            path.push('/');
            path.push_str(&encode(id));
        }
        Ok(path)
    }

    pub(super) async fn namespace_path(
        &self,
        instance_id: &str,
        namespace: &str,
    ) -> Result<String, ApiError> {
        Ok(format!(
            "{}/namespaces/{}",
            self.instance_path(Some(instance_id)).await?,
            encode(namespace)
        ))
    }

    /// A repository's path; a nested name travels with `/` as `%2F`, encoded once more.
    pub(super) async fn instance_repo_path(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
    ) -> Result<String, ApiError> {
        Ok(format!(
            "{}/repositories/{}",
            self.namespace_path(instance_id, namespace).await?,
            instance_repo_segment(repo)
        ))
    }

    pub(super) async fn get_json<T: DeserializeOwned>(&self, call: Call) -> Result<T, ApiError> {
        self.send(&call).await?.json()
    }

    pub(super) async fn page_of<L: Listed>(&self, call: Call) -> Result<Page<L::Item>, ApiError> {
        let (items, total) = self.get_json::<L>(call).await?.split();
        Ok(Page {
            items,
            total: Some(total),
        })
    }

    /// Walks an enterprise list whose page `call(offset, limit)` builds.
    pub(super) async fn walk_all<L: Listed>(
        &self,
        call: impl Fn(OffsetPage) -> Call,
    ) -> Result<Vec<L::Item>, ApiError> {
        let mut pages: Vec<PageAt<L::Item>> = Vec::new();
        let fetch = |limit, offset| {
            let client = self.clone();
            let call = call(OffsetPage { offset, limit });
            async move { client.page_of::<L>(call).await }
        };
        let concurrency = self.inner.config.page_concurrency;
        walk::walk(MAX_PAGE, concurrency, fetch, |p| pages.push(p)).await?;
        Ok(in_order(pages))
    }

    // --- instances ---------------------------------------------------------------------------

    /// E1: one page of instances, optionally in one status (`Running`, …).
    pub async fn list_instances(
        &self,
        status: Option<&str>,
        page: OffsetPage,
    ) -> Result<InstanceList, ApiError> {
        let call = Call::new(Method::GET, self.instance_path(None).await?);
        self.get_json(paged(call, page).query_opt("status", status))
            .await
    }

    /// Every instance of the project (all pages).
    pub async fn list_all_instances(
        &self,
        status: Option<&str>,
    ) -> Result<Vec<Instance>, ApiError> {
        let path = self.instance_path(None).await?;
        self.walk_all::<InstanceList>(|page| {
            paged(Call::new(Method::GET, path.clone()), page).query_opt("status", status)
        })
        .await
    }

    /// E2.
    pub async fn show_instance(&self, instance_id: &str) -> Result<Instance, ApiError> {
        let path = self.instance_path(Some(instance_id)).await?;
        self.get_json(Call::new(Method::GET, path)).await
    }

    /// E3: the instance's registry domains (`type` `default` is the access address).
    pub async fn list_domain_names(
        &self,
        instance_id: &str,
    ) -> Result<Vec<DomainNameInfo>, ApiError> {
        let path = format!(
            "{}/domainname",
            self.instance_path(Some(instance_id)).await?
        );
        let list: DomainNameList = self.get_json(Call::new(Method::GET, path)).await?;
        Ok(list.domain_name_infos)
    }

    // --- namespaces --------------------------------------------------------------------------

    fn namespaces_call(path: &str, filter: &InstanceNamespaceFilter, page: OffsetPage) -> Call {
        paged(Call::new(Method::GET, path.to_string()), page)
            .query_opt("name", filter.name.as_deref())
            .query_opt("public", filter.public)
    }

    /// E4: one page of an instance's namespaces.
    pub async fn list_instance_namespaces(
        &self,
        instance_id: &str,
        filter: &InstanceNamespaceFilter,
        page: OffsetPage,
    ) -> Result<InstanceNamespaceList, ApiError> {
        let path = format!(
            "{}/namespaces",
            self.instance_path(Some(instance_id)).await?
        );
        self.get_json(Self::namespaces_call(&path, filter, page))
            .await
    }

    /// Every namespace of an instance (all pages).
    pub async fn list_all_instance_namespaces(
        &self,
        instance_id: &str,
        filter: &InstanceNamespaceFilter,
    ) -> Result<Vec<InstanceNamespace>, ApiError> {
        let path = format!(
            "{}/namespaces",
            self.instance_path(Some(instance_id)).await?
        );
        self.walk_all::<InstanceNamespaceList>(|page| Self::namespaces_call(&path, filter, page))
            .await
    }

    /// E5: creates a namespace (the name checked first) and returns its id.
    pub async fn create_instance_namespace(
        &self,
        instance_id: &str,
        namespace: &str,
        public: bool,
    ) -> Result<i64, ApiError> {
        validate::instance_namespace_name(namespace).map_err(ApiError::Invalid)?;
        let path = format!(
            "{}/namespaces",
            self.instance_path(Some(instance_id)).await?
        );
        let call = Call::new(Method::POST, path).json(&CreateInstanceNamespace {
            namespace_name: namespace.into(),
            metadata: NamespaceMetadata::with_public(public),
        })?;
        Ok(self.send(&call).await?.json::<CreatedId>()?.id)
    }

    /// E6.
    pub async fn show_instance_namespace(
        &self,
        instance_id: &str,
        namespace: &str,
    ) -> Result<InstanceNamespace, ApiError> {
        let path = self.namespace_path(instance_id, namespace).await?;
        self.get_json(Call::new(Method::GET, path)).await
    }

    /// E7: makes a namespace public or private.
    pub async fn update_instance_namespace(
        &self,
        instance_id: &str,
        namespace: &str,
        public: bool,
    ) -> Result<(), ApiError> {
        let path = self.namespace_path(instance_id, namespace).await?;
        let call = Call::new(Method::PUT, path).json(&UpdateInstanceNamespace {
            metadata: NamespaceMetadata::with_public(public),
            cve_allowlist: None,
        })?;
        self.send(&call).await.map(drop)
    }

    /// E8: refused by the service while the namespace holds repositories.
    pub async fn delete_instance_namespace(
        &self,
        instance_id: &str,
        namespace: &str,
    ) -> Result<(), ApiError> {
        let path = self.namespace_path(instance_id, namespace).await?;
        self.send(&Call::new(Method::DELETE, path)).await.map(drop)
    }

    // --- repositories ------------------------------------------------------------------------

    async fn repositories_path(
        &self,
        instance_id: &str,
        scope: &RepositoryScope,
    ) -> Result<(String, Option<i64>), ApiError> {
        Ok(match scope {
            RepositoryScope::Namespace(ns) => (
                format!(
                    "{}/repositories",
                    self.namespace_path(instance_id, ns).await?
                ),
                None,
            ),
            RepositoryScope::Instance { namespace_id } => (
                format!(
                    "{}/repositories",
                    self.instance_path(Some(instance_id)).await?
                ),
                *namespace_id,
            ),
        })
    }

    /// E9 (a namespace's) or E10 (the instance's): one page of repositories.
    pub async fn list_instance_repositories(
        &self,
        instance_id: &str,
        scope: &RepositoryScope,
        page: OffsetPage,
    ) -> Result<InstanceRepositoryList, ApiError> {
        let (path, namespace_id) = self.repositories_path(instance_id, scope).await?;
        let call =
            paged(Call::new(Method::GET, path), page).query_opt("namespace_id", namespace_id);
        self.get_json(call).await
    }

    /// Every repository of a namespace or of the instance (all pages).
    pub async fn list_all_instance_repositories(
        &self,
        instance_id: &str,
        scope: &RepositoryScope,
    ) -> Result<Vec<InstanceRepository>, ApiError> {
        let (path, namespace_id) = self.repositories_path(instance_id, scope).await?;
        self.walk_all::<InstanceRepositoryList>(|page| {
            paged(Call::new(Method::GET, path.clone()), page)
                .query_opt("namespace_id", namespace_id)
        })
        .await
    }

    /// E12 (GET).
    pub async fn show_instance_repository(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
    ) -> Result<InstanceRepository, ApiError> {
        let path = self
            .instance_repo_path(instance_id, namespace, repo)
            .await?;
        self.get_json(Call::new(Method::GET, path)).await
    }

    /// E12 (PUT): the description is the only thing a repository lets change.
    pub async fn update_instance_repository(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
        description: &str,
    ) -> Result<(), ApiError> {
        let path = self
            .instance_repo_path(instance_id, namespace, repo)
            .await?;
        let call = Call::new(Method::PUT, path).json(&UpdateInstanceRepository {
            description: description.into(),
        })?;
        self.send(&call).await.map(drop)
    }

    /// E12 (DELETE): the repository goes with all its artifacts and tags.
    pub async fn delete_instance_repository(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
    ) -> Result<(), ApiError> {
        let path = self
            .instance_repo_path(instance_id, namespace, repo)
            .await?;
        self.send(&Call::new(Method::DELETE, path)).await.map(drop)
    }
}
