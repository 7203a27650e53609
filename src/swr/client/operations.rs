//! One method per SWR operation the product uses, plus "list everything" walks.

use reqwest::Method;
use serde::de::DeserializeOwned;

use super::paging::{Page, TotalRange, content_range_total};
use super::queries::{Order, RepoListQuery, RepoListV3Query, TagListQuery, TagListV3Query};
use super::walk::{self, PageAt, in_order};
use super::{Call, Reply, SwrClient};
use crate::swr::encoding::{encode, repo_path_param};
use crate::swr::error::ApiError;
use crate::swr::model::{
    AccessDomain, AccessInfo, AuthInfoBody, CreateAccessDomain, CreateNamespace, CreateRepo,
    CreateTag, LoginSecret, Namespace, NamespaceList, Overview, Quota, QuotaList, RepoListV3,
    RepoV2, Repository, Tag, TagListV3, UpdateAccessDomain, UpdateRepo, UserAuth,
};
use crate::swr::validate;

fn namespace_path(namespace: &str) -> String {
    format!("/v2/manage/namespaces/{}", encode(namespace))
}

pub(super) fn repo_path(namespace: &str, repo: &str) -> String {
    format!(
        "{}/repos/{}",
        namespace_path(namespace),
        encode(&repo_path_param(repo))
    )
}

fn tags_path(namespace: &str, repo: &str) -> String {
    format!("{}/tags", repo_path(namespace, repo))
}

/// Sharing lives under `/repositories/`, unlike every other repository path.
fn domains_path(namespace: &str, repo: &str) -> String {
    format!(
        "{}/repositories/{}/access-domains",
        namespace_path(namespace),
        encode(&repo_path_param(repo))
    )
}

fn with_order(call: Call, order: &Option<Order>) -> Call {
    match order {
        Some(o) => call
            .query("order_column", &o.column)
            .query("order_type", if o.descending { "desc" } else { "asc" }),
        None => call,
    }
}

fn page_total(reply: &Reply) -> Option<u64> {
    reply.header("content-range").and_then(content_range_total)
}

impl SwrClient {
    // --- organizations -------------------------------------------------------------------

    /// Organizations the caller has permissions on.
    pub async fn list_namespaces(&self) -> Result<Vec<Namespace>, ApiError> {
        let call = Call::new(Method::GET, "/v2/manage/namespaces".into());
        Ok(self.send(&call).await?.json::<NamespaceList>()?.namespaces)
    }

    pub async fn show_namespace(&self, namespace: &str) -> Result<Namespace, ApiError> {
        self.send(&Call::new(Method::GET, namespace_path(namespace)))
            .await?
            .json()
    }

    /// Creates an organization; the name is checked against SWR's rules before sending.
    pub async fn create_namespace(&self, namespace: &str) -> Result<(), ApiError> {
        validate::namespace_name(namespace).map_err(ApiError::Invalid)?;
        let call =
            Call::new(Method::POST, "/v2/manage/namespaces".into()).json(&CreateNamespace {
                namespace: namespace.into(),
            })?;
        self.send(&call).await.map(drop)
    }

    pub async fn delete_namespace(&self, namespace: &str) -> Result<(), ApiError> {
        self.send(&Call::new(Method::DELETE, namespace_path(namespace)))
            .await
            .map(drop)
    }

    // --- permissions ------------------------------------------------------------------------

    pub async fn show_namespace_access(&self, namespace: &str) -> Result<AccessInfo, ApiError> {
        let path = format!("{}/access", namespace_path(namespace));
        self.send(&Call::new(Method::GET, path)).await?.json()
    }

    pub async fn create_namespace_access(
        &self,
        namespace: &str,
        users: &[UserAuth],
    ) -> Result<(), ApiError> {
        self.write_access(
            Method::POST,
            format!("{}/access", namespace_path(namespace)),
            users,
        )
        .await
    }

    pub async fn update_namespace_access(
        &self,
        namespace: &str,
        users: &[UserAuth],
    ) -> Result<(), ApiError> {
        self.write_access(
            Method::PATCH,
            format!("{}/access", namespace_path(namespace)),
            users,
        )
        .await
    }

    pub async fn delete_namespace_access(
        &self,
        namespace: &str,
        user_ids: &[String],
    ) -> Result<(), ApiError> {
        let call = Call::new(
            Method::DELETE,
            format!("{}/access", namespace_path(namespace)),
        )
        .json(user_ids)?;
        self.send(&call).await.map(drop)
    }

    pub async fn show_repo_access(
        &self,
        namespace: &str,
        repo: &str,
    ) -> Result<AccessInfo, ApiError> {
        let path = format!("{}/access", repo_path(namespace, repo));
        self.send(&Call::new(Method::GET, path)).await?.json()
    }

    pub async fn create_repo_access(
        &self,
        namespace: &str,
        repo: &str,
        users: &[UserAuth],
    ) -> Result<(), ApiError> {
        self.write_access(
            Method::POST,
            format!("{}/access", repo_path(namespace, repo)),
            users,
        )
        .await
    }

    pub async fn update_repo_access(
        &self,
        namespace: &str,
        repo: &str,
        users: &[UserAuth],
    ) -> Result<(), ApiError> {
        self.write_access(
            Method::PATCH,
            format!("{}/access", repo_path(namespace, repo)),
            users,
        )
        .await
    }

    pub async fn delete_repo_access(
        &self,
        namespace: &str,
        repo: &str,
        user_ids: &[String],
    ) -> Result<(), ApiError> {
        let call = Call::new(
            Method::DELETE,
            format!("{}/access", repo_path(namespace, repo)),
        )
        .json(user_ids)?;
        self.send(&call).await.map(drop)
    }

    async fn write_access(
        &self,
        method: Method,
        path: String,
        users: &[UserAuth],
    ) -> Result<(), ApiError> {
        for user in users {
            validate::permission(user.auth).map_err(ApiError::Invalid)?;
        }
        self.send(&Call::new(method, path).json(users)?)
            .await
            .map(drop)
    }

    // --- repositories ---------------------------------------------------------------------

    /// One page of `GET /v2/manage/repos`.
    pub async fn list_repos_v2(&self, query: &RepoListQuery) -> Result<Page<RepoV2>, ApiError> {
        self.list_repos_v2_as(query).await
    }

    /// One page of `GET /v2/manage/repos`, each item parsed into `T`.
    pub async fn list_repos_v2_as<T: DeserializeOwned>(
        &self,
        query: &RepoListQuery,
    ) -> Result<Page<T>, ApiError> {
        let call = Call::new(Method::GET, "/v2/manage/repos".into())
            .query_opt("namespace", query.namespace.as_ref())
            .query_opt("name", query.name.as_deref().map(repo_path_param))
            .query_opt("category", query.category.as_ref())
            .query_opt("limit", query.limit)
            .query_opt("offset", query.offset);
        self.repo_page_v2(with_order(call, &query.order)).await
    }

    /// One page of a v2 repository list (own or shared), with its total.
    pub(super) async fn repo_page_v2<T: DeserializeOwned>(
        &self,
        call: Call,
    ) -> Result<Page<T>, ApiError> {
        let reply = self.send(&call).await?;
        let items: Vec<T> = reply.json()?;
        // Without Content-Range, each item also carries the total.
        let total = match page_total(&reply) {
            Some(total) => Some(total),
            None => reply
                .json::<Vec<TotalRange>>()?
                .first()
                .map(TotalRange::count),
        };
        Ok(Page { items, total })
    }

    /// One page of `GET /v3/manage/repos`.
    pub async fn list_repos_v3(&self, query: &RepoListV3Query) -> Result<RepoListV3, ApiError> {
        let call = Call::new(Method::GET, "/v3/manage/repos".into())
            .query_opt("namespace", query.namespace.as_ref())
            .query_opt("name", query.name.as_deref().map(repo_path_param))
            .query_opt("category", query.category.as_ref())
            .query_opt("limit", query.limit)
            .query_opt("marker", query.marker)
            .query_opt("is_public", query.is_public);
        self.send(&call).await?.json()
    }

    /// Every repository of an organization (or of every organization), all pages.
    pub async fn list_all_repos(&self, namespace: Option<&str>) -> Result<Vec<RepoV2>, ApiError> {
        let mut pages = Vec::new();
        self.each_repo_page(namespace, |page| pages.push(page))
            .await?;
        Ok(in_order(pages))
    }

    /// Every repository of an organization (or of every one), page by page as they arrive,
    /// each parsed into `T` on the task that fetched it. Returns how many came.
    pub async fn each_repo_page<T: DeserializeOwned + Send + 'static>(
        &self,
        namespace: Option<&str>,
        each: impl FnMut(PageAt<T>),
    ) -> Result<u64, ApiError> {
        let client = self.clone();
        let base = RepoListQuery {
            namespace: namespace.map(str::to_string),
            ..RepoListQuery::default()
        };
        let fetch = move |limit, offset| {
            let client = client.clone();
            let query = RepoListQuery {
                limit: Some(limit),
                offset: Some(offset),
                ..base.clone()
            };
            async move { client.list_repos_v2_as(&query).await }
        };
        self.walk(fetch, each).await
    }

    /// Every repository through the v3 list (markers; pages are sequential by nature).
    pub async fn list_all_repos_v3(
        &self,
        namespace: Option<&str>,
    ) -> Result<Vec<crate::swr::model::RepoV3>, ApiError> {
        let mut all = Vec::new();
        let mut marker = None;
        loop {
            let page = self
                .list_repos_v3(&RepoListV3Query {
                    namespace: namespace.map(str::to_string),
                    limit: Some(self.inner.config.page_size),
                    marker,
                    ..RepoListV3Query::default()
                })
                .await?;
            let done = page.repos.is_empty() || page.next_marker.is_none();
            all.extend(page.repos);
            if done {
                return Ok(all);
            }
            marker = page.next_marker;
        }
    }

    pub async fn show_repo(&self, namespace: &str, repo: &str) -> Result<Repository, ApiError> {
        self.send(&Call::new(Method::GET, repo_path(namespace, repo)))
            .await?
            .json()
    }

    pub async fn create_repo(&self, namespace: &str, repo: &CreateRepo) -> Result<(), ApiError> {
        validate::repository_name(&repo.repository).map_err(ApiError::Invalid)?;
        if let Some(category) = &repo.category {
            validate::category(category).map_err(ApiError::Invalid)?;
        }
        let path = format!("{}/repos", namespace_path(namespace));
        self.send(&Call::new(Method::POST, path).json(repo)?)
            .await
            .map(drop)
    }

    pub async fn update_repo(
        &self,
        namespace: &str,
        repo: &str,
        update: &UpdateRepo,
    ) -> Result<(), ApiError> {
        if let Some(category) = &update.category {
            validate::category(category).map_err(ApiError::Invalid)?;
        }
        let call = Call::new(Method::PATCH, repo_path(namespace, repo)).json(update)?;
        self.send(&call).await.map(drop)
    }

    pub async fn delete_repo(&self, namespace: &str, repo: &str) -> Result<(), ApiError> {
        self.send(&Call::new(Method::DELETE, repo_path(namespace, repo)))
            .await
            .map(drop)
    }

    // --- tags -------------------------------------------------------------------------------

    /// One page of the v2 tag list (items carry `Tag`, parsed into [`Tag`]).
    pub async fn list_tags_v2(
        &self,
        namespace: &str,
        repo: &str,
        query: &TagListQuery,
    ) -> Result<Page<Tag>, ApiError> {
        self.list_tags_v2_as(namespace, repo, query).await
    }

    /// One page of the v2 tag list, each item parsed into `T` (any type that reads a tag).
    pub async fn list_tags_v2_as<T: DeserializeOwned>(
        &self,
        namespace: &str,
        repo: &str,
        query: &TagListQuery,
    ) -> Result<Page<T>, ApiError> {
        let call = Call::new(Method::GET, tags_path(namespace, repo))
            .query_opt("limit", query.limit)
            .query_opt("offset", query.offset)
            .query_opt("tag", query.tag.as_ref());
        let reply = self.send(&with_order(call, &query.order)).await?;
        // `Tag` parses the v2 key `Tag` through a serde alias.
        Ok(Page {
            items: reply.json()?,
            total: page_total(&reply),
        })
    }

    /// One page of the v3 tag list.
    pub async fn list_tags_v3(
        &self,
        namespace: &str,
        repo: &str,
        query: &TagListV3Query,
    ) -> Result<TagListV3, ApiError> {
        let call = Call::new(
            Method::GET,
            format!("/v3{}", &tags_path(namespace, repo)["/v2".len()..]),
        )
        .query_opt("limit", query.limit)
        .query_opt("marker", query.marker.as_ref())
        .query_opt("tag", query.tag.as_ref())
        .query_opt("with_manifest", query.with_manifest);
        self.send(&with_order(call, &query.order)).await?.json()
    }

    /// Every tag of a repository, all pages (the pages after the first fetched concurrently).
    pub async fn list_all_tags(&self, namespace: &str, repo: &str) -> Result<Vec<Tag>, ApiError> {
        let mut pages = Vec::new();
        self.each_tag_page(namespace, repo, |page| pages.push(page))
            .await?;
        Ok(in_order(pages))
    }

    /// Every tag of a repository, page by page as they arrive (not in list order), each parsed
    /// into `T` on the task that fetched it. Returns how many tags came.
    pub async fn each_tag_page<T: DeserializeOwned + Send + 'static>(
        &self,
        namespace: &str,
        repo: &str,
        each: impl FnMut(PageAt<T>),
    ) -> Result<u64, ApiError> {
        let (client, namespace, repo) = (self.clone(), namespace.to_string(), repo.to_string());
        let fetch = move |limit, offset| {
            let (client, namespace, repo) = (client.clone(), namespace.clone(), repo.clone());
            let query = TagListQuery {
                limit: Some(limit),
                offset: Some(offset),
                ..TagListQuery::default()
            };
            async move { client.list_tags_v2_as(&namespace, &repo, &query).await }
        };
        self.walk(fetch, each).await
    }

    /// Every tag through the v3 list, following `nextMarker` while `has_more`.
    pub async fn list_all_tags_v3(
        &self,
        namespace: &str,
        repo: &str,
    ) -> Result<Vec<Tag>, ApiError> {
        let mut all = Vec::new();
        let mut marker = None;
        loop {
            let page = self
                .list_tags_v3(
                    namespace,
                    repo,
                    &TagListV3Query {
                        limit: Some(self.inner.config.page_size),
                        marker,
                        ..TagListV3Query::default()
                    },
                )
                .await?;
            let more = page.has_more && !page.tags.is_empty() && page.next_marker.is_some();
            all.extend(page.tags);
            if !more {
                return Ok(all);
            }
            marker = page.next_marker;
        }
    }

    pub async fn show_tag(&self, namespace: &str, repo: &str, tag: &str) -> Result<Tag, ApiError> {
        let path = format!("{}/{}", tags_path(namespace, repo), encode(tag));
        self.send(&Call::new(Method::GET, path)).await?.json()
    }

    /// Deletes one tag. A 404 after an attempt whose answer was lost counts as deleted.
    pub async fn delete_tag(&self, namespace: &str, repo: &str, tag: &str) -> Result<(), ApiError> {
        let path = format!("{}/{}", tags_path(namespace, repo), encode(tag));
        self.send(&Call::new(Method::DELETE, path)).await.map(drop)
    }

    /// Retag: gives the image of `source_tag` another name.
    pub async fn create_tag(
        &self,
        namespace: &str,
        repo: &str,
        body: &CreateTag,
    ) -> Result<(), ApiError> {
        validate::tag_name(&body.destination_tag).map_err(ApiError::Invalid)?;
        let call = Call::new(Method::POST, tags_path(namespace, repo)).json(body)?;
        self.send(&call).await.map(drop)
    }

    // --- sharing with other accounts -------------------------------------------------------

    pub async fn list_access_domains(
        &self,
        namespace: &str,
        repo: &str,
    ) -> Result<Vec<AccessDomain>, ApiError> {
        self.send(&Call::new(Method::GET, domains_path(namespace, repo)))
            .await?
            .json()
    }

    pub async fn show_access_domain(
        &self,
        namespace: &str,
        repo: &str,
        domain: &str,
    ) -> Result<AccessDomain, ApiError> {
        let path = format!("{}/{}", domains_path(namespace, repo), encode(domain));
        self.send(&Call::new(Method::GET, path)).await?.json()
    }

    pub async fn create_access_domain(
        &self,
        namespace: &str,
        repo: &str,
        body: &CreateAccessDomain,
    ) -> Result<(), ApiError> {
        let call = Call::new(Method::POST, domains_path(namespace, repo)).json(body)?;
        self.send(&call).await.map(drop)
    }

    pub async fn update_access_domain(
        &self,
        namespace: &str,
        repo: &str,
        domain: &str,
        body: &UpdateAccessDomain,
    ) -> Result<(), ApiError> {
        let path = format!("{}/{}", domains_path(namespace, repo), encode(domain));
        self.send(&Call::new(Method::PATCH, path).json(body)?)
            .await
            .map(drop)
    }

    pub async fn delete_access_domain(
        &self,
        namespace: &str,
        repo: &str,
        domain: &str,
    ) -> Result<(), ApiError> {
        let path = format!("{}/{}", domains_path(namespace, repo), encode(domain));
        self.send(&Call::new(Method::DELETE, path)).await.map(drop)
    }

    // --- account-wide ----------------------------------------------------------------------

    /// A temporary `docker login` command (valid for hours; it carries a credential).
    pub async fn create_login_secret(&self) -> Result<LoginSecret, ApiError> {
        let call = Call::new(Method::POST, "/v2/manage/utils/secret".into())
            .query("projectname", &self.inner.config.region);
        let reply = self.send(&call).await?;
        let body: AuthInfoBody = reply.json()?;
        let docker_login = reply
            .header("x-swr-dockerlogin")
            .ok_or_else(|| ApiError::Decode("no X-Swr-Dockerlogin header".into()))?
            .to_string();
        let expires_at = reply
            .header("x-swr-expireat")
            .unwrap_or_default()
            .to_string();
        let registry = body
            .auths
            .into_keys()
            .next()
            .ok_or_else(|| ApiError::Decode("no registry in the login answer".into()))?;
        Ok(LoginSecret {
            docker_login,
            expires_at,
            registry,
        })
    }

    pub async fn list_quotas(&self) -> Result<Vec<Quota>, ApiError> {
        let project = self.project_id().await?;
        let path = format!("/v2/manage/projects/{}/quotas", encode(&project));
        Ok(self
            .send(&Call::new(Method::GET, path))
            .await?
            .json::<QuotaList>()?
            .quotas)
    }

    pub async fn show_overview(&self) -> Result<Overview, ApiError> {
        self.send(&Call::new(Method::GET, "/v2/manage/overview".into()))
            .await?
            .json()
    }

    /// Walks a v2 list with this client's page size and concurrency.
    pub(super) async fn walk<T, F, Fut>(
        &self,
        fetch: F,
        each: impl FnMut(PageAt<T>),
    ) -> Result<u64, ApiError>
    where
        T: Send + 'static,
        F: Fn(u32, u64) -> Fut,
        Fut: Future<Output = Result<Page<T>, ApiError>> + Send + 'static,
    {
        let config = &self.inner.config;
        walk::walk(config.page_size, config.page_concurrency, fetch, each).await
    }
}
