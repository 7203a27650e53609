//! The enterprise-edition writes: each names its instance, so a change can never reach
//! another registry.

use crate::app::msg::{InstanceWrite, LoginKind};
use crate::swr::enterprise::IssuedCredential;
use crate::swr::model::LoginSecret;
use crate::swr::{ApiError, SwrClient};

/// A docker login credential as the login dialog takes it: `docker login -u … -p …` without
/// the registry (the dialog adds the session's, the instance's domain).
pub async fn login(client: &SwrClient, kind: LoginKind) -> Result<LoginSecret, ApiError> {
    let issued = match kind {
        LoginKind::Shared => return client.create_login_secret().await,
        LoginKind::Temporary { instance } => {
            client.create_instance_temp_credential(&instance).await?
        }
        LoginKind::LongTerm { instance, name } => {
            client
                .create_instance_long_term_credential(&instance, &name)
                .await?
        }
    };
    Ok(as_login(issued))
}

fn as_login(issued: IssuedCredential) -> LoginSecret {
    LoginSecret {
        docker_login: format!(
            "docker login -u {} -p {}",
            issued.user_id,
            issued.auth_token.expose()
        ),
        expires_at: issued.expire_date,
        registry: String::new(),
    }
}

pub async fn write(
    client: &SwrClient,
    instance: &str,
    change: InstanceWrite,
) -> Result<(), ApiError> {
    match change {
        InstanceWrite::CreateNamespace { name, public } => client
            .create_instance_namespace(instance, &name, public)
            .await
            .map(drop),
        InstanceWrite::DeleteNamespace { name } => {
            client.delete_instance_namespace(instance, &name).await
        }
        InstanceWrite::DescribeRepo {
            namespace,
            repo,
            description,
        } => {
            client
                .update_instance_repository(instance, &namespace, &repo, &description)
                .await
        }
        InstanceWrite::DeleteRepo { namespace, repo } => {
            client
                .delete_instance_repository(instance, &namespace, &repo)
                .await
        }
        InstanceWrite::EnableCredential { id, enable } => {
            client
                .set_instance_long_term_credential_enabled(instance, &id, enable)
                .await
        }
        InstanceWrite::DeleteCredential { id } => {
            client
                .delete_instance_long_term_credential(instance, &id)
                .await
        }
        InstanceWrite::DeleteRetentionPolicy { namespace, id } => {
            client
                .delete_instance_retention_policy(instance, &namespace, id)
                .await
        }
        InstanceWrite::RunRetention { namespace, id } => client
            .execute_instance_retention_policy(instance, &namespace, id, false)
            .await
            .map(drop),
    }
}
