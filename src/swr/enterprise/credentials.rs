//! Wire models of enterprise login credentials (E23–E27) and instance statistics (E28), keys as
//! the SDK's `CreateInstanceTempCredentialResponse`, `CreateInstanceLtCredentialResponse`,
//! `AuthToken`, `ListInstanceLtCredentialsResponse` and `ListInstanceStatisticsResponse`.
//!
//! Every text field reads leniently (a number or boolean becomes its JSON text, null empty), so a
//! body of the wrong shape never yields a serde error that quotes a value: the issued token must
//! not reach an error message, and from there a log line.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::{lenient_count, lenient_text};
use crate::swr::secret::Secret;

/// What creating a temporary (E23) or a long-term (E24) credential answers. `auth_token` is the
/// docker password: it is shown only here, never listed again, and never printed by `Debug`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IssuedCredential {
    #[serde(deserialize_with = "secret_text", serialize_with = "expose_secret")]
    pub auth_token: Secret,
    #[serde(deserialize_with = "lenient_text")]
    pub created_at: String,
    /// ISO 8601; about 24 h after the request for a temporary credential.
    #[serde(deserialize_with = "lenient_text")]
    pub expire_date: String,
    #[serde(deserialize_with = "lenient_text")]
    pub token_id: String,
    /// The docker user name (`docker login -u <user_id> -p <auth_token> <host>`).
    #[serde(deserialize_with = "lenient_text")]
    pub user_id: String,
}

/// `CreateLongTermCredentialRequestBody`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreateLongTermCredential {
    pub name: String,
}

/// `UpdateLongTermCredentialRequestBody`: `enable` is a JSON boolean.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UpdateLongTermCredential {
    pub enable: bool,
}

/// A long-term credential as listed (the SDK's `AuthToken`): never its secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LongTermCredential {
    #[serde(deserialize_with = "lenient_text")]
    pub created_at: String,
    #[serde(deserialize_with = "lenient_bool")]
    pub enable: bool,
    #[serde(deserialize_with = "lenient_text")]
    pub expire_date: String,
    #[serde(deserialize_with = "lenient_text")]
    pub instance_id: String,
    #[serde(deserialize_with = "lenient_text")]
    pub name: String,
    #[serde(deserialize_with = "lenient_text")]
    pub token_id: String,
    #[serde(deserialize_with = "lenient_text")]
    pub user_id: String,
    #[serde(deserialize_with = "lenient_text")]
    pub user_profile: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LongTermCredentialList {
    pub auth_tokens: Vec<LongTermCredential>,
    #[serde(deserialize_with = "lenient_count")]
    pub total: u64,
}

/// An instance's usage and quotas (E28). Counts read leniently; quotas are signed because a
/// registry may write -1 for "unlimited".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstanceStatistics {
    /// Bytes.
    #[serde(deserialize_with = "lenient_count")]
    pub storage_used: u64,
    #[serde(deserialize_with = "lenient_count")]
    pub total_namespace_count: u64,
    #[serde(deserialize_with = "lenient_count")]
    pub total_image_count: u64,
    #[serde(deserialize_with = "lenient_quota")]
    pub namespace_quota: i64,
    #[serde(deserialize_with = "lenient_quota")]
    pub image_repo_quota: i64,
    #[serde(deserialize_with = "lenient_quota")]
    pub replica_policy_quota: i64,
    #[serde(deserialize_with = "lenient_quota")]
    pub retention_policy_quota: i64,
    #[serde(deserialize_with = "lenient_quota")]
    pub notify_policy_quota: i64,
    #[serde(deserialize_with = "lenient_quota")]
    pub replica_registry_quota: i64,
    #[serde(deserialize_with = "lenient_quota")]
    pub sign_policy_quota: i64,
    #[serde(deserialize_with = "lenient_count")]
    pub replica_policy_count: u64,
    #[serde(deserialize_with = "lenient_count")]
    pub retention_policy_count: u64,
    #[serde(deserialize_with = "lenient_count")]
    pub notify_policy_count: u64,
    #[serde(deserialize_with = "lenient_count")]
    pub replica_registry_count: u64,
    #[serde(deserialize_with = "lenient_quota")]
    pub intranet_endpoint_quota: i64,
    #[serde(deserialize_with = "lenient_count")]
    pub intranet_endpoint_count: u64,
    #[serde(deserialize_with = "lenient_quota")]
    pub long_term_quota: i64,
    #[serde(deserialize_with = "lenient_count")]
    pub sign_policy_count: u64,
}

/// The token as text; any other JSON type is refused without quoting it.
fn secret_text<'de, D: Deserializer<'de>>(d: D) -> Result<Secret, D::Error> {
    match Value::deserialize(d)? {
        Value::String(s) => Ok(Secret::new(s)),
        Value::Null => Ok(Secret::default()),
        _ => Err(serde::de::Error::custom("auth_token is not a string")),
    }
}

/// Writing a credential (the emulator's answer) is the one place its token is shown.
fn expose_secret<S: Serializer>(secret: &Secret, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(secret.expose())
}

/// A JSON boolean, or `"true"` / `"false"` in any case; anything else is false.
fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Bool(b) => b,
        Value::String(s) => s.trim().eq_ignore_ascii_case("true"),
        _ => false,
    })
}

/// A signed integer however written (number, fraction cut, or text); anything else is 0.
fn lenient_quota<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n
            .as_i64()
            .unwrap_or_else(|| n.as_f64().map_or(0, |f| f as i64)),
        Value::String(s) => s.trim().parse().unwrap_or(0),
        _ => 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issued_credential_hides_its_token() {
        let issued: IssuedCredential = serde_json::from_str(
            r#"{"auth_token":"s3cr3t-t0ken","created_at":"2026-01-01T00:00:00Z",
                "expire_date":"2026-01-02T00:00:00Z","token_id":"t1","user_id":"u1"}"#,
        )
        .unwrap();
        assert_eq!(issued.auth_token.expose(), "s3cr3t-t0ken");
        assert!(!format!("{issued:?}").contains("s3cr3t"));
        assert!(
            serde_json::to_string(&issued)
                .unwrap()
                .contains("s3cr3t-t0ken")
        );
    }

    #[test]
    fn a_badly_typed_token_is_refused_without_quoting_it() {
        let err = serde_json::from_str::<IssuedCredential>(r#"{"auth_token":918273645}"#)
            .unwrap_err()
            .to_string();
        assert!(!err.contains("918273645"), "{err}");
    }

    #[test]
    fn lists_and_statistics_read_leniently() {
        let list: LongTermCredentialList = serde_json::from_str(
            r#"{"auth_tokens":[{"name":"ci","enable":"TRUE","created_at":5},{"enable":null}],
                "total":"2"}"#,
        )
        .unwrap();
        assert_eq!(list.total, 2);
        assert!(list.auth_tokens[0].enable);
        assert_eq!(list.auth_tokens[0].created_at, "5");
        assert!(!list.auth_tokens[1].enable);
        let stats: InstanceStatistics = serde_json::from_str(
            r#"{"storage_used":1024,"total_namespace_count":"3","namespace_quota":-1,
                "long_term_quota":100.0}"#,
        )
        .unwrap();
        assert_eq!((stats.storage_used, stats.total_namespace_count), (1024, 3));
        assert_eq!((stats.namespace_quota, stats.long_term_quota), (-1, 100));
        assert_eq!(
            serde_json::from_str::<InstanceStatistics>("{}").unwrap(),
            InstanceStatistics::default()
        );
    }

    #[test]
    fn update_body_writes_a_json_boolean() {
        let body = UpdateLongTermCredential { enable: false };
        assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"enable":false}"#);
    }
}
