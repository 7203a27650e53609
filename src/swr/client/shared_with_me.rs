//! Repositories other accounts share with this one (`center=thirdparty`).
//!
//! The v2 list is used, not v3: only v2 items carry the tag names a pull command needs, and
//! it pages by offset with a total, so the bounded parallel walk of the repository list
//! applies (total capped, nothing asked past a short page, answers size-capped).

use reqwest::Method;
use serde::de::DeserializeOwned;

use super::paging::Page;
use super::walk::{PageAt, in_order};
use super::{Call, SwrClient};
use crate::swr::error::ApiError;
use crate::swr::model::RepoV2;

const SHARED_REPOS: &str = "/v2/manage/shared-repositories";

impl SwrClient {
    /// One page of the repositories other accounts share with this one, each item parsed
    /// into `T`.
    pub async fn list_shared_with_me_as<T: DeserializeOwned>(
        &self,
        limit: u32,
        offset: u64,
    ) -> Result<Page<T>, ApiError> {
        let call = Call::new(Method::GET, SHARED_REPOS.into())
            .query("center", "thirdparty")
            .query("limit", limit)
            .query("offset", offset);
        self.repo_page_v2(call).await
    }

    /// Every repository other accounts share with this one, expired shares included (their
    /// `status` is `false`), in the service's order.
    pub async fn list_all_shared_with_me(&self) -> Result<Vec<RepoV2>, ApiError> {
        let client = self.clone();
        let fetch = move |limit, offset| {
            let client = client.clone();
            async move { client.list_shared_with_me_as(limit, offset).await }
        };
        let mut pages: Vec<PageAt<RepoV2>> = Vec::new();
        self.walk(fetch, |page| pages.push(page)).await?;
        Ok(in_order(pages))
    }
}
