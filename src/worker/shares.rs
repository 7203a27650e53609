//! Sharing a repository with another account: add a share, or change until when it lasts.

use crate::app::msg::ShareWrite;
use crate::swr::model::{CreateAccessDomain, UpdateAccessDomain};
use crate::swr::{ApiError, SwrClient};

/// SWR knows one permission for a share.
const PERMIT: &str = "read";

pub async fn write(
    client: &SwrClient,
    org: &str,
    repo: &str,
    change: ShareWrite,
) -> Result<(), ApiError> {
    match change {
        ShareWrite::Add {
            account,
            deadline,
            description,
        } => {
            let body = CreateAccessDomain {
                access_domain: account,
                permit: PERMIT.into(),
                deadline,
                description: Some(description),
            };
            client.create_access_domain(org, repo, &body).await
        }
        ShareWrite::Extend {
            account,
            deadline,
            description,
        } => {
            let body = UpdateAccessDomain {
                permit: PERMIT.into(),
                deadline,
                description: Some(description),
            };
            client
                .update_access_domain(org, repo, &account, &body)
                .await
        }
    }
}
