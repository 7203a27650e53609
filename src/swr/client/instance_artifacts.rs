//! Enterprise-edition artifacts and tags of one repository (E13, E15–E19, E21).
//!
//! A digest and a tag name are checked before they go into a path, so a hostile name from a
//! listing can never point a delete somewhere else. The digest travels percent-encoded
//! (`sha256%3A<hex>`); the tag list and tag delete have no project id in their path.

use std::collections::BTreeMap;

use reqwest::Method;

use super::enterprise::{Listed, OffsetPage, paged};
use super::{Call, SwrClient};
use crate::swr::encoding::{encode, instance_repo_segment};
use crate::swr::enterprise::{
    Artifact, ArtifactList, BUILD_HISTORY_ADDITION, BuildHistory, BuildHistoryList, InstanceTag,
    InstanceTagList, MAX_PAGE, VulnerabilityReports, validate_digest,
};
use crate::swr::error::ApiError;
use crate::swr::validate;

/// The most pages of fuzzy matches [`SwrClient::find_instance_tag`] reads before it gives up.
const FIND_TAG_MAX_PAGES: u64 = 20;

impl Listed for ArtifactList {
    type Item = Artifact;
    fn split(self) -> (Vec<Artifact>, u64) {
        (self.artifacts, self.total)
    }
}

impl Listed for InstanceTagList {
    type Item = InstanceTag;
    fn split(self) -> (Vec<InstanceTag>, u64) {
        (self.tags, self.total)
    }
}

fn checked_digest(digest: &str) -> Result<(), ApiError> {
    validate_digest(digest).map_err(ApiError::Invalid)
}

fn checked_tag(tag: &str) -> Result<(), ApiError> {
    validate::tag_name(tag).map_err(ApiError::Invalid)
}

/// E17's page: accessories (signatures and the like) are left out, so the list holds only
/// the tags people pushed, which are what a console shows and deletes.
fn tags_call(path: &str, page: OffsetPage) -> Call {
    paged(Call::new(Method::GET, path.to_string()), page).query("is_accessory", false)
}

impl SwrClient {
    async fn artifacts_path(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
    ) -> Result<String, ApiError> {
        Ok(format!(
            "{}/artifacts",
            self.instance_repo_path(instance_id, namespace, repo)
                .await?
        ))
    }

    /// `…/artifacts/{digest}`, the digest checked first.
    async fn artifact_path(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
        digest: &str,
    ) -> Result<String, ApiError> {
        checked_digest(digest)?;
        Ok(format!(
            "{}/{}",
            self.artifacts_path(instance_id, namespace, repo).await?,
            encode(digest)
        ))
    }

    /// `/v2/instances/{id}/namespaces/{ns}/repositories/{repo}/tags`: no project id.
    fn instance_tags_path(instance_id: &str, namespace: &str, repo: &str) -> String {
        format!(
            "/v2/instances/{}/namespaces/{}/repositories/{}/tags",
            encode(instance_id),
            encode(namespace),
            instance_repo_segment(repo)
        )
    }

    /// E13: one page of a repository's artifacts, each with its tags.
    pub async fn list_instance_artifacts(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
        page: OffsetPage,
    ) -> Result<ArtifactList, ApiError> {
        let path = self.artifacts_path(instance_id, namespace, repo).await?;
        self.get_json(paged(Call::new(Method::GET, path), page))
            .await
    }

    /// Every artifact of a repository (all pages).
    pub async fn list_all_instance_artifacts(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
    ) -> Result<Vec<Artifact>, ApiError> {
        let path = self.artifacts_path(instance_id, namespace, repo).await?;
        self.walk_all::<ArtifactList>(|page| paged(Call::new(Method::GET, path.clone()), page))
            .await
    }

    /// E15: one artifact by digest, with its scan overview when asked for.
    pub async fn show_instance_artifact(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
        digest: &str,
        with_scan_overview: bool,
    ) -> Result<Artifact, ApiError> {
        let path = self
            .artifact_path(instance_id, namespace, repo, digest)
            .await?;
        let call = Call::new(Method::GET, path).query("with_scan_overview", with_scan_overview);
        self.get_json(call).await
    }

    /// E16: the artifact goes with every tag it carries.
    pub async fn delete_instance_artifact(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
        digest: &str,
    ) -> Result<(), ApiError> {
        let path = self
            .artifact_path(instance_id, namespace, repo, digest)
            .await?;
        self.send(&Call::new(Method::DELETE, path)).await.map(drop)
    }

    /// E17: one page of a repository's tags (accessories left out).
    pub async fn list_instance_tags(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
        page: OffsetPage,
    ) -> Result<InstanceTagList, ApiError> {
        let path = Self::instance_tags_path(instance_id, namespace, repo);
        self.get_json(tags_call(&path, page)).await
    }

    /// Every tag of a repository (all pages).
    pub async fn list_all_instance_tags(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
    ) -> Result<Vec<InstanceTag>, ApiError> {
        let path = Self::instance_tags_path(instance_id, namespace, repo);
        self.walk_all::<InstanceTagList>(|page| tags_call(&path, page))
            .await
    }

    /// E18: removes the tag only; its artifact stays, untagged if it was the last.
    pub async fn delete_instance_tag(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
        tag: &str,
    ) -> Result<(), ApiError> {
        checked_tag(tag)?;
        let path = format!(
            "{}/{}",
            Self::instance_tags_path(instance_id, namespace, repo),
            encode(tag)
        );
        self.send(&Call::new(Method::DELETE, path)).await.map(drop)
    }

    /// Whether the tag `tag` exists (after a delete whose answer was lost, say), read from
    /// E13 narrowed by its `tags` filter. That filter is fuzzy, so the name is matched exactly
    /// here; the pages read are those of the matches, not of every tag, and at most
    /// [`FIND_TAG_MAX_PAGES`] of them: past that the answer is an error, not a guess.
    pub async fn find_instance_tag(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
        tag: &str,
    ) -> Result<Option<InstanceTag>, ApiError> {
        checked_tag(tag)?;
        let path = self.artifacts_path(instance_id, namespace, repo).await?;
        let step = u64::from(MAX_PAGE);
        for index in 0..FIND_TAG_MAX_PAGES {
            let page = OffsetPage {
                offset: index * step,
                limit: MAX_PAGE,
            };
            let call = paged(Call::new(Method::GET, path.clone()), page).query("tags", tag);
            let list: ArtifactList = self.get_json(call).await?;
            let found = list.artifacts.iter().find_map(|artifact| {
                let exact = artifact.tags.iter().find(|t| t.name == tag)?;
                Some(artifact.instance_tag(exact))
            });
            if found.is_some() {
                return Ok(found);
            }
            let seen = page.offset + list.artifacts.len() as u64;
            if (list.artifacts.len() as u64) < step || seen >= list.total {
                return Ok(None);
            }
        }
        Err(ApiError::Decode(format!(
            "more than {} artifacts have a tag like {tag:?}; cannot tell whether it exists",
            FIND_TAG_MAX_PAGES * step
        )))
    }

    /// E19: the artifact's scan reports, keyed by report MIME type.
    pub async fn list_artifact_vulnerabilities(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
        digest: &str,
    ) -> Result<BTreeMap<String, VulnerabilityReports>, ApiError> {
        let path = self
            .artifact_path(instance_id, namespace, repo, digest)
            .await?;
        self.get_json(Call::new(Method::GET, format!("{path}/vulnerabilities")))
            .await
    }

    /// E21 with addition `build_history`: the image's build steps, oldest first.
    pub async fn show_artifact_build_history(
        &self,
        instance_id: &str,
        namespace: &str,
        repo: &str,
        digest: &str,
    ) -> Result<Vec<BuildHistory>, ApiError> {
        let path = self
            .artifact_path(instance_id, namespace, repo, digest)
            .await?;
        let path = format!("{path}/additions/{BUILD_HISTORY_ADDITION}");
        let list: BuildHistoryList = self.get_json(Call::new(Method::GET, path)).await?;
        Ok(list.build_histories)
    }
}
