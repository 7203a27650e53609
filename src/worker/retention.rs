//! A repository's retention rule: its rule and history (rows built here, off the UI thread),
//! and the writes its form and confirmation send.

use crate::app::msg::{Fetched, RetentionWrite};
use crate::app::resources::RetentionLoaded;
use crate::swr::{ApiError, SwrClient};

/// The rule and the history of what it deleted (bounded: see `list_all_retention_histories`).
pub async fn load(client: &SwrClient, org: &str, repo: &str) -> Result<Fetched, ApiError> {
    let rules = client.list_retentions(org, repo).await?;
    let history = client.list_all_retention_histories(org, repo).await?;
    let loaded = RetentionLoaded::new(org, repo, rules, history);
    Ok(Fetched::Retention(Box::new(loaded)))
}

pub async fn write(
    client: &SwrClient,
    org: &str,
    repo: &str,
    change: RetentionWrite,
) -> Result<(), ApiError> {
    match change {
        RetentionWrite::Create(rule) => client.create_retention(org, repo, &rule).await.map(drop),
        RetentionWrite::Update { id, rule } => client.update_retention(org, repo, id, &rule).await,
        RetentionWrite::Delete { id } => client.delete_retention(org, repo, id).await,
    }
}
