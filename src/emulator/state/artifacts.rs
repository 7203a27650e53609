//! Enterprise-edition artifacts and tags of one repository: lists, show, deletes, scan reports
//! and build history (E13, E15–E19, E21).
//!
//! The tag list pages through a [`TagIndex`] (every tag's place, in list order), built on the
//! first list after a change: a page of a repository with 100,000 tags is a slice of it, not a
//! walk of every artifact. Deleting a tag leaves its artifact (untagged when it was the last),
//! as Harbor, which the edition is built on, does; deleting an artifact takes its tags along.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::Utc;

use super::artifact_details::{build_history, child_digest, scan_overview, vulnerability_reports};
use super::instances::no_repository;
use super::{EeArtifact, EeNamespace, EeRepo, EeTag, Res, State, fmt_time};
use crate::emulator::error::ApiErr;
use crate::emulator::params::Page;
use crate::swr::enterprise::{
    Artifact, ArtifactList, ArtifactReference, ArtifactTag, BUILD_HISTORY_ADDITION,
    BuildHistoryList, InstanceTag, InstanceTagList, NATIVE_REPORT_MIME, Platform,
    VulnerabilityReports,
};

/// Severities as scan reports write them, most severe first (the order of [`SeverityCounts`]).
pub const SEVERITIES: [&str; 5] = ["Critical", "High", "Medium", "Low", "None"];

/// How many vulnerabilities of each severity a scan found, in [`SEVERITIES`] order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeverityCounts(pub [u64; 5]);

impl SeverityCounts {
    pub fn total(&self) -> u64 {
        self.0.iter().sum()
    }

    /// The most severe level with a finding; `None` when there is none.
    pub fn overall(&self) -> &'static str {
        SEVERITIES
            .iter()
            .zip(self.0)
            .find(|(_, n)| *n > 0)
            .map_or("None", |(s, _)| s)
    }
}

/// What an artifact has beyond the pinned seed format: the platforms of a manifest list, and
/// the findings of a scan (`None`: never scanned).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArtifactExtras {
    pub platforms: Vec<Platform>,
    pub vulnerabilities: Option<SeverityCounts>,
}

/// Where each tag of a repository sits (artifact index, tag index), in list order.
#[derive(Debug, Clone, Default)]
pub struct TagIndex(OnceLock<Vec<(usize, usize)>>);

impl TagIndex {
    fn slots(&self, artifacts: &[EeArtifact]) -> &[(usize, usize)] {
        self.0.get_or_init(|| {
            artifacts
                .iter()
                .enumerate()
                .flat_map(|(a, artifact)| (0..artifact.tags.len()).map(move |t| (a, t)))
                .collect()
        })
    }

    /// Forgets the places: the next list builds them anew.
    pub fn reset(&mut self) {
        self.0 = OnceLock::new();
    }
}

fn no_artifact(reference: &str) -> ApiErr {
    ApiErr::new(
        404,
        "SVCSTG.SWR.4040104",
        format!("artifact {reference} not found"),
    )
}

fn no_tag(name: &str) -> ApiErr {
    ApiErr::new(404, "SVCSTG.SWR.4040105", format!("tag {name} not found"))
}

/// One repository with the namespace it is in: what every view needs.
#[derive(Clone, Copy)]
struct RepoAt<'a> {
    ns: &'a EeNamespace,
    repo: &'a EeRepo,
}

impl<'a> RepoAt<'a> {
    fn full_name(&self) -> String {
        format!("{}/{}", self.ns.name, self.repo.name)
    }

    /// A digest, or (as Harbor also takes) a tag name.
    fn artifact(self, reference: &str) -> Res<&'a EeArtifact> {
        self.repo
            .artifacts
            .iter()
            .find(|a| a.digest == reference)
            .or_else(|| {
                self.repo
                    .artifacts
                    .iter()
                    .find(|a| a.tags.iter().any(|t| t.name == reference))
            })
            .ok_or_else(|| no_artifact(reference))
    }

    fn tag_view(&self, a: &EeArtifact, t: &EeTag) -> InstanceTag {
        InstanceTag {
            name: t.name.clone(),
            artifact_id: a.id,
            digest: a.digest.clone(),
            id: t.id,
            repository_id: self.repo.id,
            kind: a.kind.clone(),
            namespace_id: self.ns.id,
            media_type: a.media_type.clone(),
            manifest_media_type: a.media_type.clone(),
            pull_time: String::new(),
            push_time: fmt_time(t.pushed),
            size: a.size.max(0) as u64,
        }
    }

    fn artifact_view(&self, a: &EeArtifact, with_scan_overview: bool) -> Artifact {
        let tags = a
            .tags
            .iter()
            .map(|t| ArtifactTag {
                id: t.id,
                repository_id: self.repo.id,
                artifact_id: a.id,
                name: t.name.clone(),
                push_time: fmt_time(t.pushed),
                pull_time: String::new(),
            })
            .collect();
        let references = a
            .extras
            .platforms
            .iter()
            .map(|p| ArtifactReference {
                child_digest: child_digest(&a.digest, p),
                platform: Some(p.clone()),
            })
            .collect();
        let scan = with_scan_overview
            .then(|| BTreeMap::from([(NATIVE_REPORT_MIME.to_string(), scan_overview(a))]));
        Artifact {
            id: a.id,
            digest: a.digest.clone(),
            repository_id: self.repo.id,
            repository_name: self.full_name(),
            kind: a.kind.clone(),
            namespace_id: self.ns.id,
            media_type: a.media_type.clone(),
            manifest_media_type: a.media_type.clone(),
            pull_time: String::new(),
            push_time: fmt_time(a.pushed),
            size: a.size.max(0) as u64,
            tags,
            scan_overview: scan,
            references,
        }
    }
}

/// What the artifact list may be narrowed to.
#[derive(Debug, Clone, Default)]
pub struct ArtifactFilter {
    /// Artifacts of this `type` (`IMAGE`).
    pub kind: Option<String>,
    /// Artifacts with a tag whose name contains this (the service's fuzzy `tags`).
    pub tag: Option<String>,
}

impl ArtifactFilter {
    fn is_empty(&self) -> bool {
        self.kind.is_none() && self.tag.is_none()
    }

    fn admits(&self, a: &EeArtifact) -> bool {
        self.kind.as_deref().is_none_or(|k| a.kind == k)
            && self
                .tag
                .as_deref()
                .is_none_or(|f| a.tags.iter().any(|t| t.name.contains(f)))
    }
}

impl State {
    fn repo_at(&self, id: &str, namespace: &str, repo: &str) -> Res<RepoAt<'_>> {
        let ns = self.instance(id)?.namespace(namespace)?;
        let repo = ns.repos.get(repo).ok_or_else(|| no_repository(repo))?;
        Ok(RepoAt { ns, repo })
    }

    fn ee_repo_mut(&mut self, id: &str, namespace: &str, repo: &str) -> Res<&mut EeRepo> {
        self.instance_mut(id)?
            .namespace_mut(namespace)?
            .repos
            .get_mut(repo)
            .ok_or_else(|| no_repository(repo))
    }

    /// E13: a page of the artifacts, in push order. Unfiltered, only the page is looked at.
    pub fn list_instance_artifacts(
        &self,
        id: &str,
        namespace: &str,
        repo: &str,
        filter: &ArtifactFilter,
        page: Page,
    ) -> Res<ArtifactList> {
        let at = self.repo_at(id, namespace, repo)?;
        let all = &at.repo.artifacts;
        let view = |a: &EeArtifact| at.artifact_view(a, false);
        if filter.is_empty() {
            let rows = all.get(page.offset..).unwrap_or_default();
            return Ok(ArtifactList {
                artifacts: rows.iter().take(page.limit).map(view).collect(),
                total: all.len() as u64,
            });
        }
        let matching: Vec<&EeArtifact> = all.iter().filter(|a| filter.admits(a)).collect();
        Ok(ArtifactList {
            total: matching.len() as u64,
            artifacts: page.slice(matching).into_iter().map(view).collect(),
        })
    }

    /// E15: one artifact by digest (or tag), with its scan overview when asked.
    pub fn show_instance_artifact(
        &self,
        id: &str,
        namespace: &str,
        repo: &str,
        reference: &str,
        with_scan_overview: bool,
    ) -> Res<Artifact> {
        let at = self.repo_at(id, namespace, repo)?;
        Ok(at.artifact_view(at.artifact(reference)?, with_scan_overview))
    }

    /// E16: removes the artifact and every tag it carries.
    pub fn delete_instance_artifact(
        &mut self,
        id: &str,
        namespace: &str,
        repo: &str,
        reference: &str,
    ) -> Res<()> {
        let digest = self
            .repo_at(id, namespace, repo)?
            .artifact(reference)?
            .digest
            .clone();
        let r = self.ee_repo_mut(id, namespace, repo)?;
        r.artifacts.retain(|a| a.digest != digest);
        r.tag_index.reset();
        r.updated = Utc::now();
        self.log(format!(
            "DELETE instance {id} artifact {namespace}/{repo}@{digest}"
        ));
        Ok(())
    }

    /// E17: a page of the tags, artifact by artifact in push order.
    pub fn list_instance_tags(
        &self,
        id: &str,
        namespace: &str,
        repo: &str,
        page: Page,
    ) -> Res<InstanceTagList> {
        let at = self.repo_at(id, namespace, repo)?;
        let slots = at.repo.tag_index.slots(&at.repo.artifacts);
        let rows = slots.get(page.offset..).unwrap_or_default();
        let tags = rows
            .iter()
            .take(page.limit)
            .filter_map(|&(a, t)| {
                let artifact = at.repo.artifacts.get(a)?;
                Some(at.tag_view(artifact, artifact.tags.get(t)?))
            })
            .collect();
        Ok(InstanceTagList {
            tags,
            total: slots.len() as u64,
        })
    }

    /// E18: removes one tag; its artifact stays, untagged when this was its last.
    pub fn delete_instance_tag(
        &mut self,
        id: &str,
        namespace: &str,
        repo: &str,
        tag: &str,
    ) -> Res<()> {
        let r = self.ee_repo_mut(id, namespace, repo)?;
        let place = r.artifacts.iter().enumerate().find_map(|(a, artifact)| {
            let t = artifact.tags.iter().position(|t| t.name == tag)?;
            Some((a, t))
        });
        let (a, t) = place.ok_or_else(|| no_tag(tag))?;
        r.artifacts[a].tags.remove(t);
        r.tag_index.reset();
        r.updated = Utc::now();
        self.log(format!("DELETE instance {id} tag {namespace}/{repo}:{tag}"));
        Ok(())
    }

    /// E19: the artifact's scan reports by MIME type; empty when it was never scanned.
    pub fn artifact_vulnerabilities(
        &self,
        id: &str,
        namespace: &str,
        repo: &str,
        reference: &str,
    ) -> Res<BTreeMap<String, VulnerabilityReports>> {
        let artifact = self.repo_at(id, namespace, repo)?.artifact(reference)?;
        Ok(vulnerability_reports(artifact)
            .map(|report| BTreeMap::from([(NATIVE_REPORT_MIME.to_string(), report)]))
            .unwrap_or_default())
    }

    /// E21: the only addition served is `build_history` (404 for any other).
    pub fn artifact_addition(
        &self,
        id: &str,
        namespace: &str,
        repo: &str,
        reference: &str,
        addition: &str,
    ) -> Res<BuildHistoryList> {
        let artifact = self.repo_at(id, namespace, repo)?.artifact(reference)?;
        if addition != BUILD_HISTORY_ADDITION {
            return Err(ApiErr::new(
                404,
                "SVCSTG.SWR.4040106",
                format!("addition {addition} not found"),
            ));
        }
        let build_histories = build_history(artifact);
        Ok(BuildHistoryList {
            total: build_histories.len() as u64,
            build_histories,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::Seed;

    fn state(tags_per_artifact: &[usize]) -> State {
        let artifacts: Vec<_> = tags_per_artifact
            .iter()
            .enumerate()
            .map(|(a, &n)| {
                let tags: Vec<String> = (0..n).map(|t| format!("a{a}-t{t}")).collect();
                serde_json::json!({ "tags": tags })
            })
            .collect();
        let seed = serde_json::json!({"instances": [{"name": "ee", "namespaces": [
            {"name": "ns", "repos": [{"name": "team/r", "artifacts": artifacts}]}]}]});
        Seed::from_json(&seed.to_string())
            .unwrap()
            .build_state("cn-north-4", "p")
            .unwrap()
    }

    fn page(offset: usize, limit: usize) -> Page {
        Page {
            offset,
            limit,
            explicit: true,
        }
    }

    fn tag_names(st: &State, p: Page) -> Vec<String> {
        let list = st.list_instance_tags("ee", "ns", "team/r", p).unwrap();
        list.tags.into_iter().map(|t| t.name).collect()
    }

    #[test]
    fn tag_pages_follow_deletes() {
        let mut st = state(&[2, 0, 3]);
        assert_eq!(
            tag_names(&st, page(0, 10)),
            ["a0-t0", "a0-t1", "a2-t0", "a2-t1", "a2-t2"]
        );
        assert_eq!(tag_names(&st, page(4, 2)), ["a2-t2"]);
        assert!(tag_names(&st, page(10, 10)).is_empty());
        st.delete_instance_tag("ee", "ns", "team/r", "a0-t0")
            .unwrap();
        st.delete_instance_tag("ee", "ns", "team/r", "a0-t1")
            .unwrap();
        assert_eq!(tag_names(&st, page(0, 10)), ["a2-t0", "a2-t1", "a2-t2"]);
        let artifacts = st
            .list_instance_artifacts(
                "ee",
                "ns",
                "team/r",
                &ArtifactFilter::default(),
                page(0, 10),
            )
            .unwrap();
        assert_eq!(artifacts.total, 3, "an untagged artifact stays");
        let e = st
            .delete_instance_tag("ee", "ns", "team/r", "a0-t0")
            .unwrap_err();
        assert_eq!(e.status, 404);
        let digest = artifacts.artifacts[2].digest.clone();
        st.delete_instance_artifact("ee", "ns", "team/r", &digest)
            .unwrap();
        assert!(tag_names(&st, page(0, 10)).is_empty());
        let repo = st.show_instance_repository("ee", "ns", "team/r").unwrap();
        assert_eq!((repo.artifact_count, repo.tag_count), (2, 0));
    }

    #[test]
    fn artifacts_filter_by_tag_substring() {
        let st = state(&[1, 2, 1]);
        let filter = ArtifactFilter {
            tag: Some("2-t".into()),
            kind: None,
        };
        let list = st
            .list_instance_artifacts("ee", "ns", "team/r", &filter, page(0, 10))
            .unwrap();
        assert_eq!(list.total, 1);
        assert_eq!(list.artifacts[0].tags[0].name, "a2-t0");
        let shown = st
            .show_instance_artifact("ee", "ns", "team/r", "a1-t1", true)
            .unwrap();
        assert_eq!(shown.tags.len(), 2);
        let overview = &shown.scan_overview.unwrap()[NATIVE_REPORT_MIME];
        assert_eq!(overview.scan_status, "Pending");
        assert!(overview.summary.is_none());
    }

    #[test]
    fn a_hundred_thousand_tags_page_from_one_index_until_a_change() {
        let mut st = state(&[1000; 100]);
        let built = |st: &State| {
            let repo = &st.instances[0].namespaces["ns"].repos["team/r"];
            repo.tag_index.0.get().map(|slots| slots.as_ptr())
        };
        assert_eq!(built(&st), None, "nothing is built before a list");
        let last = tag_names(&st, page(99_900, 100));
        assert_eq!((last.len(), last[99].as_str()), (100, "a99-t999"));
        let index = built(&st);
        assert!(index.is_some());
        assert_eq!(tag_names(&st, page(500, 100))[0], "a0-t500");
        assert_eq!(built(&st), index, "the next page reuses the index");
        st.delete_instance_tag("ee", "ns", "team/r", "a0-t0")
            .unwrap();
        assert_eq!(built(&st), None, "a change resets it");
        assert_eq!(tag_names(&st, page(0, 1)), ["a0-t1"]);
    }
}
