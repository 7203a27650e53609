//! Cross-region image sync: target regions, a repository's automatic sync rules, one request
//! that syncs chosen tags now, and the repository's sync jobs (paged by `filter`).

use reqwest::Method;

use super::operations::repo_path;
use super::paging::{Page, content_range_total};
use super::{Call, SwrClient};
use crate::swr::error::ApiError;
use crate::swr::model::SyncRegion;
use crate::swr::sync::{CreateSyncRule, MAX_SYNC_TAGS, SyncJob, SyncRule, SyncTags, SyncTarget};
use crate::swr::validate;

/// The most jobs one listing reads (newest first): a repository synced daily for years stays
/// within it, and a hostile server cannot make the walk endless.
pub const MAX_SYNC_JOBS: usize = 10_000;
/// Jobs per page when walking the list.
const JOB_PAGE: usize = 100;

fn sync_path(namespace: &str, repo: &str, leaf: &str) -> String {
    format!("{}/{leaf}", repo_path(namespace, repo))
}

fn check_target(region: &str, namespace: &str) -> Result<(), ApiError> {
    let region_ok = !region.is_empty()
        && region.len() <= 64
        && region
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !region_ok {
        return Err(ApiError::Invalid(format!("invalid region {region:?}")));
    }
    validate::namespace_name(namespace).map_err(ApiError::Invalid)
}

impl SwrClient {
    /// Regions this one can sync to.
    pub async fn list_sync_regions(&self) -> Result<Vec<SyncRegion>, ApiError> {
        self.send(&Call::new(Method::GET, "/v2/manage/regions".into()))
            .await?
            .json()
    }

    /// The repository's automatic sync rules.
    pub async fn list_sync_rules(
        &self,
        namespace: &str,
        repo: &str,
    ) -> Result<Vec<SyncRule>, ApiError> {
        let path = sync_path(namespace, repo, "sync_repo");
        self.send(&Call::new(Method::GET, path)).await?.json()
    }

    pub async fn create_sync_rule(
        &self,
        namespace: &str,
        repo: &str,
        rule: &CreateSyncRule,
    ) -> Result<(), ApiError> {
        check_target(&rule.remote_region_id, &rule.remote_namespace)?;
        let path = sync_path(namespace, repo, "sync_repo");
        self.send(&Call::new(Method::POST, path).json(rule)?)
            .await
            .map(drop)
    }

    /// Removes the rule that syncs to `target` (the API names it by its target, in a body).
    pub async fn delete_sync_rule(
        &self,
        namespace: &str,
        repo: &str,
        target: &SyncTarget,
    ) -> Result<(), ApiError> {
        check_target(&target.remote_region_id, &target.remote_namespace)?;
        let path = sync_path(namespace, repo, "sync_repo");
        self.send(&Call::new(Method::DELETE, path).json(target)?)
            .await
            .map(drop)
    }

    /// Syncs the given tags now, in one request; the answer lists what the service accepted.
    pub async fn sync_tags(
        &self,
        namespace: &str,
        repo: &str,
        body: &SyncTags,
    ) -> Result<Vec<String>, ApiError> {
        check_target(&body.remote_region_id, &body.remote_namespace)?;
        if body.image_tag.is_empty() || body.image_tag.len() > MAX_SYNC_TAGS {
            return Err(ApiError::Invalid(format!(
                "a sync names 1 to {MAX_SYNC_TAGS} tags, not {}",
                body.image_tag.len()
            )));
        }
        for tag in &body.image_tag {
            validate::tag_name(tag).map_err(ApiError::Invalid)?;
        }
        let path = sync_path(namespace, repo, "sync_images");
        self.send(&Call::new(Method::POST, path).json(body)?)
            .await?
            .json()
    }

    /// One page of the repository's sync jobs, newest first.
    pub async fn list_sync_jobs(
        &self,
        namespace: &str,
        repo: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Page<SyncJob>, ApiError> {
        let filter = format!("limit::{limit}|offset::{offset}|order::desc");
        let call =
            Call::new(Method::GET, sync_path(namespace, repo, "sync_job")).query("filter", filter);
        let reply = self.send(&call).await?;
        let total = reply.header("content-range").and_then(content_range_total);
        Ok(Page {
            items: reply.json()?,
            total,
        })
    }

    /// Every sync job of the repository, newest first, up to [`MAX_SYNC_JOBS`].
    pub async fn list_all_sync_jobs(
        &self,
        namespace: &str,
        repo: &str,
    ) -> Result<Vec<SyncJob>, ApiError> {
        let mut jobs = Vec::new();
        while jobs.len() < MAX_SYNC_JOBS {
            let page = self
                .list_sync_jobs(namespace, repo, JOB_PAGE, jobs.len())
                .await?;
            let got = page.items.len();
            jobs.extend(page.items);
            let done = page.total.is_some_and(|t| jobs.len() as u64 >= t);
            if got < JOB_PAGE || done {
                break;
            }
        }
        jobs.truncate(MAX_SYNC_JOBS);
        Ok(jobs)
    }
}
