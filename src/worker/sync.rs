//! Cross-region sync: the one request that syncs chosen tags, adding and deleting automatic
//! rules, and the lists the sync panes and dialogs show.

use crate::app::{Fetched, SyncWrite};
use crate::swr::sync::{CreateSyncRule, SyncTags, SyncTarget};
use crate::swr::{ApiError, SwrClient};

pub async fn write(
    client: &SwrClient,
    org: &str,
    repo: &str,
    change: SyncWrite,
) -> Result<(), ApiError> {
    match change {
        SyncWrite::Tags {
            tags,
            region,
            namespace,
            override_existing,
        } => {
            let body = SyncTags {
                image_tag: tags,
                override_existing,
                remote_namespace: namespace,
                remote_region_id: region,
            };
            // "200 and no error" is success; the list of accepted tags adds nothing the jobs
            // pane does not show.
            client.sync_tags(org, repo, &body).await.map(drop)
        }
        SyncWrite::AddRule {
            region,
            namespace,
            override_existing,
        } => {
            let rule = CreateSyncRule {
                remote_region_id: region,
                remote_namespace: namespace,
                sync_auto: true,
                override_existing,
            };
            client.create_sync_rule(org, repo, &rule).await
        }
        SyncWrite::DeleteRule { region, namespace } => {
            let target = SyncTarget {
                remote_region_id: region,
                remote_namespace: namespace,
            };
            client.delete_sync_rule(org, repo, &target).await
        }
    }
}

pub async fn jobs(client: &SwrClient, org: &str, repo: &str) -> Result<Fetched, ApiError> {
    Ok(Fetched::SyncJobs(
        client.list_all_sync_jobs(org, repo).await?,
    ))
}

pub async fn rules(client: &SwrClient, org: &str, repo: &str) -> Result<Fetched, ApiError> {
    Ok(Fetched::SyncRules(client.list_sync_rules(org, repo).await?))
}

pub async fn regions(client: &SwrClient) -> Result<Fetched, ApiError> {
    let regions = client.list_sync_regions().await?;
    Ok(Fetched::SyncRegions(
        regions.into_iter().map(|r| r.region_id).collect(),
    ))
}
