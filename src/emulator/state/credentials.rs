//! Enterprise login credentials and instance statistics (E23–E28).
//!
//! A temporary credential is issued and forgotten: the service cannot list, disable or delete
//! one. Long-term credentials are kept per instance without their secret, which exists only in
//! the answer that creates it. Tokens are random, so nothing about one can be guessed from its
//! name or from another.

use chrono::{DateTime, Duration, Utc};

use super::{Res, State, fmt_time};
use crate::emulator::error::ApiErr;
use crate::swr::enterprise::{InstanceStatistics, IssuedCredential, LongTermCredential};
use crate::swr::secret::Secret;
use crate::swr::validate;

/// How long a temporary credential is valid (Huawei's user guide: 24 h).
pub const TEMP_CREDENTIAL_HOURS: i64 = 24;
/// The instance quotas the emulator reports (the professional edition's, as far as the console
/// shows them; the API reference gives no numbers).
pub const NAMESPACE_QUOTA: i64 = 500;
pub const IMAGE_REPO_QUOTA: i64 = 10_000;
pub const LONG_TERM_QUOTA: i64 = 100;
const POLICY_QUOTA: i64 = 100;
const INTRANET_ENDPOINT_QUOTA: i64 = 10;

/// A long-term credential as the emulator keeps it: never its secret.
#[derive(Debug, Clone, PartialEq)]
pub struct EeCredential {
    pub token_id: String,
    pub name: String,
    pub enable: bool,
    pub user_id: String,
    pub created: DateTime<Utc>,
}

impl EeCredential {
    fn view(&self, instance_id: &str) -> LongTermCredential {
        LongTermCredential {
            created_at: fmt_time(self.created),
            enable: self.enable,
            // Long-term credentials never expire (Huawei's user guide); the reference does not
            // say what the field then holds, so it is empty.
            expire_date: String::new(),
            instance_id: instance_id.to_string(),
            name: self.name.clone(),
            token_id: self.token_id.clone(),
            user_id: self.user_id.clone(),
            user_profile: String::new(),
        }
    }
}

fn no_credential(id: &str) -> ApiErr {
    ApiErr::new(
        404,
        "SVCSTG.SWR.4040110",
        format!("long-term credential {id} not found"),
    )
}

/// 32 random bytes as hex: the docker password.
fn random_token() -> Secret {
    Secret::new(hex::encode(rand::random::<[u8; 32]>()))
}

/// A random UUID-shaped id.
pub fn random_token_id() -> String {
    let h = hex::encode(rand::random::<[u8; 16]>());
    format!(
        "{}-{}-4{}-8{}-{}",
        &h[..8],
        &h[8..12],
        &h[13..16],
        &h[17..20],
        &h[20..32]
    )
}

impl State {
    /// E23: a password valid 24 h for the caller; nothing is kept.
    pub fn issue_temp_credential(&mut self, instance_id: &str) -> Res<IssuedCredential> {
        self.instance(instance_id)?;
        let now = Utc::now();
        let issued = IssuedCredential {
            auth_token: random_token(),
            created_at: fmt_time(now),
            expire_date: fmt_time(now + Duration::hours(TEMP_CREDENTIAL_HOURS)),
            token_id: random_token_id(),
            user_id: self.caller.id.clone(),
        };
        self.log(format!("POST instance {instance_id} temp-credential"));
        Ok(issued)
    }

    /// E24: a long-term credential under a checked name (400 otherwise), enabled. Huawei's
    /// reference names no conflict status, so two credentials may share a name.
    pub fn create_long_term_credential(
        &mut self,
        instance_id: &str,
        name: &str,
    ) -> Res<IssuedCredential> {
        validate::long_term_credential_name(name)
            .map_err(|why| ApiErr::bad_request("SVCSTG.SWR.4001050", why))?;
        let user_id = self.caller.id.clone();
        let now = Utc::now();
        let kept = EeCredential {
            token_id: random_token_id(),
            name: name.to_string(),
            enable: true,
            user_id: user_id.clone(),
            created: now,
        };
        let issued = IssuedCredential {
            auth_token: random_token(),
            created_at: fmt_time(now),
            expire_date: String::new(),
            token_id: kept.token_id.clone(),
            user_id,
        };
        self.instance_mut(instance_id)?.credentials.push(kept);
        self.log(format!(
            "POST instance {instance_id} long-term-credential {name}"
        ));
        Ok(issued)
    }

    /// E25: the instance's long-term credentials, oldest first, without secrets.
    pub fn list_long_term_credentials(&self, instance_id: &str) -> Res<Vec<LongTermCredential>> {
        let inst = self.instance(instance_id)?;
        Ok(inst
            .credentials
            .iter()
            .map(|c| c.view(&inst.info.id))
            .collect())
    }

    /// E26.
    pub fn set_long_term_credential_enabled(
        &mut self,
        instance_id: &str,
        token_id: &str,
        enable: bool,
    ) -> Res<()> {
        let inst = self.instance_mut(instance_id)?;
        let credential = inst
            .credentials
            .iter_mut()
            .find(|c| c.token_id == token_id)
            .ok_or_else(|| no_credential(token_id))?;
        credential.enable = enable;
        self.log(format!(
            "PUT instance {instance_id} long-term-credential {token_id} enable={enable}"
        ));
        Ok(())
    }

    /// E27.
    pub fn delete_long_term_credential(&mut self, instance_id: &str, token_id: &str) -> Res<()> {
        let inst = self.instance_mut(instance_id)?;
        let at = inst
            .credentials
            .iter()
            .position(|c| c.token_id == token_id)
            .ok_or_else(|| no_credential(token_id))?;
        inst.credentials.remove(at);
        self.log(format!(
            "DELETE instance {instance_id} long-term-credential {token_id}"
        ));
        Ok(())
    }

    /// E28, computed from what the instance holds: images are repositories (SWR's word), the
    /// storage the sum of artifact sizes; the emulator keeps no policies or endpoints.
    pub fn instance_statistics(&self, instance_id: &str) -> Res<InstanceStatistics> {
        let inst = self.instance(instance_id)?;
        let repos = inst.namespaces.values().flat_map(|ns| ns.repos.values());
        let storage: i64 = repos
            .clone()
            .flat_map(|r| r.artifacts.iter())
            .map(|a| a.size.max(0))
            .sum();
        Ok(InstanceStatistics {
            storage_used: storage.unsigned_abs(),
            total_namespace_count: inst.namespaces.len() as u64,
            total_image_count: repos.count() as u64,
            namespace_quota: NAMESPACE_QUOTA,
            image_repo_quota: IMAGE_REPO_QUOTA,
            replica_policy_quota: POLICY_QUOTA,
            retention_policy_quota: POLICY_QUOTA,
            notify_policy_quota: POLICY_QUOTA,
            replica_registry_quota: POLICY_QUOTA,
            sign_policy_quota: POLICY_QUOTA,
            intranet_endpoint_quota: INTRANET_ENDPOINT_QUOTA,
            long_term_quota: LONG_TERM_QUOTA,
            ..InstanceStatistics::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::emulator::Seed;

    fn state() -> super::State {
        Seed::from_json(r#"{"instances":[{"name":"ee"}]}"#)
            .unwrap()
            .build_state("cn-north-4", "p")
            .unwrap()
    }

    #[test]
    fn long_term_credentials_keep_no_secret_and_round_trip() {
        let mut st = state();
        let issued = st.create_long_term_credential("ee", "ci").unwrap();
        let again = st.create_long_term_credential("ee", "ci").unwrap();
        assert_ne!(issued.auth_token, again.auth_token);
        assert_ne!(issued.token_id, again.token_id);
        let listed = st.list_long_term_credentials("ee").unwrap();
        assert_eq!(listed.len(), 2);
        assert!(listed[0].enable);
        st.set_long_term_credential_enabled("ee", &issued.token_id, false)
            .unwrap();
        assert!(!st.list_long_term_credentials("ee").unwrap()[0].enable);
        st.delete_long_term_credential("ee", &issued.token_id)
            .unwrap();
        let e = st
            .delete_long_term_credential("ee", &issued.token_id)
            .unwrap_err();
        assert_eq!(e.status, 404);
        assert!(st.create_long_term_credential("ee", "Bad Name").is_err());
    }

    #[test]
    fn temporary_credentials_are_not_kept() {
        let mut st = state();
        let issued = st.issue_temp_credential("ee").unwrap();
        assert_eq!(issued.auth_token.expose().len(), 64);
        assert!(st.list_long_term_credentials("ee").unwrap().is_empty());
        assert_eq!(st.issue_temp_credential("nope").unwrap_err().status, 404);
    }
}
