//! Cross-region image sync (shared edition): automatic sync rules of a repository
//! (`…/sync_repo`), one-off syncs of chosen tags (`…/sync_images`) and the jobs both start
//! (`…/sync_job`). Keys are camel-case on the wire, as the SDK models have them.

use serde::{Deserialize, Serialize};

/// How a job ends (or where it is). `existed`: the target already had the tag and the request
/// did not ask to override it.
pub const JOB_STATES: [&str; 7] = [
    "waiting", "running", "success", "failed", "timeout", "cancel", "existed",
];

/// The most tags one sync request names (the service documents no limit; a bound keeps a
/// 100,000-tag selection from becoming one enormous body: callers send batches).
pub const MAX_SYNC_TAGS: usize = 1000;

/// Whether a job in `status` can still change.
pub fn job_settled(status: &str) -> bool {
    !matches!(status, "waiting" | "running")
}

/// `POST …/sync_repo`: sync every new tag of the repository to a region's organization.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateSyncRule {
    pub remote_region_id: String,
    pub remote_namespace: String,
    pub sync_auto: bool,
    #[serde(rename = "override")]
    pub override_existing: bool,
}

/// `DELETE …/sync_repo` takes its target in a JSON body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncTarget {
    pub remote_region_id: String,
    pub remote_namespace: String,
}

/// `POST …/sync_images`: one request for every tag to sync now.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncTags {
    pub image_tag: Vec<String>,
    #[serde(rename = "override")]
    pub override_existing: bool,
    pub remote_namespace: String,
    pub remote_region_id: String,
}

/// An automatic sync rule (`GET …/sync_repo` element).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct SyncRule {
    pub created_at: String,
    #[serde(rename = "domainID")]
    pub domain_id: String,
    pub domain_name: String,
    pub id: i64,
    pub namespace: String,
    #[serde(rename = "override")]
    pub override_existing: bool,
    pub remote_namespace: String,
    pub remote_region_id: String,
    pub repo_name: String,
    pub sync_auto: bool,
    pub updated_at: String,
}

/// One tag's sync (`GET …/sync_job` element).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct SyncJob {
    pub created_at: String,
    #[serde(rename = "domainID")]
    pub domain_id: String,
    pub domain_name: String,
    pub id: i64,
    pub namespace: String,
    #[serde(rename = "override")]
    pub override_existing: bool,
    pub remote_namespace: String,
    pub remote_region_id: String,
    pub repo_name: String,
    pub status: String,
    pub sync_operator_id: String,
    pub sync_operator_name: String,
    pub tag: String,
    pub updated_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_use_the_sdk_keys() {
        let body = SyncTags {
            image_tag: vec!["v1".into()],
            override_existing: true,
            remote_namespace: "team".into(),
            remote_region_id: "cn-east-3".into(),
        };
        let v = serde_json::to_value(&body).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"imageTag": ["v1"], "override": true,
                "remoteNamespace": "team", "remoteRegionId": "cn-east-3"})
        );
        let rule = serde_json::to_value(CreateSyncRule {
            remote_region_id: "r".into(),
            remote_namespace: "n".into(),
            sync_auto: true,
            override_existing: false,
        })
        .unwrap();
        assert_eq!(
            rule,
            serde_json::json!({"remoteRegionId": "r", "remoteNamespace": "n",
                "syncAuto": true, "override": false})
        );
    }

    #[test]
    fn a_job_reads_with_missing_keys() {
        let job: SyncJob =
            serde_json::from_str(r#"{"id": 3, "tag": "v1", "status": "running", "domainID": "d"}"#)
                .unwrap();
        assert_eq!(
            (job.id, job.tag.as_str(), job.domain_id.as_str()),
            (3, "v1", "d")
        );
        assert!(!job_settled(&job.status));
        assert!(job_settled("existed"));
    }
}
