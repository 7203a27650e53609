//! Enterprise login credentials (E23–E27) and instance statistics (E28), paths as the SDK has
//! them: creating a long-term credential is `…/long-term-credential` (singular), everything else
//! about them `…/long-term-credentials` (plural).
//!
//! The issued token travels only in the answer body, which the client never logs (requests and
//! answers are logged by method, path and status), and it reads into a [`Secret`]
//! (`crate::swr::Secret`), so `Debug` of an answer does not show it either.

use reqwest::Method;

use super::enterprise::{Listed, OffsetPage, paged};
use super::{Call, SwrClient};
use crate::swr::encoding::encode;
use crate::swr::enterprise::{
    CreateLongTermCredential, InstanceStatistics, IssuedCredential, LongTermCredential,
    LongTermCredentialList, UpdateLongTermCredential,
};
use crate::swr::error::ApiError;
use crate::swr::validate;

/// The longest credential id put into a path (the service's are UUID-like, far shorter).
const MAX_CREDENTIAL_ID: usize = 128;

impl Listed for LongTermCredentialList {
    type Item = LongTermCredential;
    fn split(self) -> (Vec<LongTermCredential>, u64) {
        (self.auth_tokens, self.total)
    }
}

/// Refuses an id that would not name one credential: empty (the path would become the list's),
/// a dot segment (a proxy may resolve it), or absurdly long.
fn check_credential_id(id: &str) -> Result<(), ApiError> {
    if id.is_empty() || id == "." || id == ".." || id.len() > MAX_CREDENTIAL_ID {
        return Err(ApiError::Invalid(format!(
            "invalid credential id {:?}",
            id.chars().take(MAX_CREDENTIAL_ID).collect::<String>()
        )));
    }
    Ok(())
}

impl SwrClient {
    async fn instance_sub_path(&self, instance_id: &str, rest: &str) -> Result<String, ApiError> {
        Ok(format!(
            "{}/{rest}",
            self.instance_path(Some(instance_id)).await?
        ))
    }

    async fn long_term_credential_path(
        &self,
        instance_id: &str,
        credential_id: &str,
    ) -> Result<String, ApiError> {
        check_credential_id(credential_id)?;
        let list = self
            .instance_sub_path(instance_id, "long-term-credentials")
            .await?;
        Ok(format!("{list}/{}", encode(credential_id)))
    }

    /// E23: a docker login valid about 24 h; it cannot be listed, disabled or deleted.
    pub async fn create_instance_temp_credential(
        &self,
        instance_id: &str,
    ) -> Result<IssuedCredential, ApiError> {
        let path = self
            .instance_sub_path(instance_id, "temp-credential")
            .await?;
        self.get_json(Call::new(Method::POST, path)).await
    }

    /// E24: a docker login that never expires, under a name checked first (the SDK's rule:
    /// see [`validate::long_term_credential_name`]). Its token is shown only in this answer.
    pub async fn create_instance_long_term_credential(
        &self,
        instance_id: &str,
        name: &str,
    ) -> Result<IssuedCredential, ApiError> {
        validate::long_term_credential_name(name).map_err(ApiError::Invalid)?;
        let path = self
            .instance_sub_path(instance_id, "long-term-credential")
            .await?;
        let call =
            Call::new(Method::POST, path).json(&CreateLongTermCredential { name: name.into() })?;
        self.get_json(call).await
    }

    /// E25: one page of the caller's long-term credentials. `self_only` is not sent: the SDK
    /// leaves it unset by default, and the service then lists only the caller's own.
    pub async fn list_instance_long_term_credentials(
        &self,
        instance_id: &str,
        page: OffsetPage,
    ) -> Result<LongTermCredentialList, ApiError> {
        let path = self
            .instance_sub_path(instance_id, "long-term-credentials")
            .await?;
        self.get_json(paged(Call::new(Method::GET, path), page))
            .await
    }

    /// Every long-term credential of the caller on an instance (all pages).
    pub async fn list_all_instance_long_term_credentials(
        &self,
        instance_id: &str,
    ) -> Result<Vec<LongTermCredential>, ApiError> {
        let path = self
            .instance_sub_path(instance_id, "long-term-credentials")
            .await?;
        self.walk_all::<LongTermCredentialList>(|page| {
            paged(Call::new(Method::GET, path.clone()), page)
        })
        .await
    }

    /// E26: enables or disables a long-term credential.
    pub async fn set_instance_long_term_credential_enabled(
        &self,
        instance_id: &str,
        credential_id: &str,
        enable: bool,
    ) -> Result<(), ApiError> {
        let path = self
            .long_term_credential_path(instance_id, credential_id)
            .await?;
        let call = Call::new(Method::PUT, path).json(&UpdateLongTermCredential { enable })?;
        self.send(&call).await.map(drop)
    }

    /// E27.
    pub async fn delete_instance_long_term_credential(
        &self,
        instance_id: &str,
        credential_id: &str,
    ) -> Result<(), ApiError> {
        let path = self
            .long_term_credential_path(instance_id, credential_id)
            .await?;
        self.send(&Call::new(Method::DELETE, path)).await.map(drop)
    }

    /// E28: usage and quotas of an instance.
    pub async fn show_instance_statistics(
        &self,
        instance_id: &str,
    ) -> Result<InstanceStatistics, ApiError> {
        let path = self.instance_sub_path(instance_id, "statistics").await?;
        self.get_json(Call::new(Method::GET, path)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_ids_that_would_not_name_one_are_refused() {
        for bad in ["", ".", "..", &"x".repeat(MAX_CREDENTIAL_ID + 1)] {
            assert!(check_credential_id(bad).is_err(), "{bad}");
        }
        assert!(check_credential_id("7c1f-0a").is_ok());
    }
}
