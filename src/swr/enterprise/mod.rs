//! Wire models of the SWR Enterprise Edition (instances, their namespaces and repositories).
//! Keys are exactly the official SDK's (`huaweicloudsdkswr/v2/model`). Every model reads with
//! `#[serde(default)]`, and the few fields the service is loose about (counts, the string
//! booleans of namespace metadata) read leniently, so a partial or odd body still parses.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

mod artifacts;
pub use artifacts::*;
mod credentials;
pub use credentials::*;
pub mod retention;

/// The instance states the service knows (`status` of `ListInstance`).
pub const INSTANCE_STATUSES: [&str; 4] = ["Initial", "Creating", "Running", "Unavailable"];
/// The only edition specification Huawei sells.
pub const DEFAULT_SPEC: &str = "swr.ee.professional";
/// The largest `limit` any enterprise list accepts.
pub const MAX_PAGE: u32 = 100;

/// An enterprise instance (`ShowInstance`, an item of `ListInstance`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Instance {
    pub id: String,
    pub name: String,
    pub description: String,
    pub vpc_id: String,
    pub subnet_id: String,
    pub spec: String,
    pub version: String,
    pub charge_mode: String,
    pub access_address: String,
    pub created_at: String,
    pub updated_at: String,
    pub expires_at: String,
    pub status: String,
    pub obs_bucket_name: String,
    pub project_id: String,
    pub enterprise_project_id: String,
    pub user_def_obs: bool,
    pub product_id: String,
    pub order_id: String,
    pub vpc_name: String,
    pub vpc_cidr: String,
    pub subnet_name: String,
    pub subnet_cidr: String,
    pub vpcep_service_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstanceList {
    pub instances: Vec<Instance>,
    #[serde(deserialize_with = "lenient_count")]
    pub total: u64,
}

/// One registry domain of an instance; `type` is `default` (cannot be deleted) or `custom`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DomainNameInfo {
    pub uid: String,
    pub domain_id: String,
    pub project_id: String,
    pub instance_id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub domain_name: String,
    pub certificate_id: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DomainNameList {
    pub domain_name_infos: Vec<DomainNameInfo>,
}

/// Namespace settings. The service writes every value as a string, booleans as `"true"` /
/// `"false"`; a JSON boolean is read too.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NamespaceMetadata {
    #[serde(deserialize_with = "lenient_text")]
    pub public: String,
    #[serde(
        deserialize_with = "lenient_text",
        skip_serializing_if = "String::is_empty"
    )]
    pub auto_scan: String,
    #[serde(
        deserialize_with = "lenient_text",
        skip_serializing_if = "String::is_empty"
    )]
    pub prevent_vul: String,
    #[serde(
        deserialize_with = "lenient_text",
        skip_serializing_if = "String::is_empty"
    )]
    pub severity: String,
}

impl NamespaceMetadata {
    /// Metadata that only says whether the namespace is public.
    pub fn with_public(public: bool) -> Self {
        Self {
            public: bool_text(public).into(),
            ..Self::default()
        }
    }

    pub fn is_public(&self) -> bool {
        self.public.eq_ignore_ascii_case("true")
    }
}

/// `"true"` / `"false"`, as namespace metadata carries booleans.
pub fn bool_text(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CveAllowlistItem {
    pub cve_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CveAllowlist {
    pub id: i64,
    pub namespace_id: i64,
    pub expires_at: i64,
    pub items: Vec<CveAllowlistItem>,
    pub creation_time: String,
    pub update_time: String,
}

/// A namespace of an instance (`ShowInstanceNamespace`, an item of `ListInstanceNamespaces`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstanceNamespace {
    pub name: String,
    pub metadata: NamespaceMetadata,
    pub namespace_id: i64,
    pub created_at: String,
    pub updated_at: String,
    #[serde(deserialize_with = "lenient_count")]
    pub repo_count: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cve_allowlist: Option<CveAllowlist>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstanceNamespaceList {
    pub namespaces: Vec<InstanceNamespace>,
    #[serde(deserialize_with = "lenient_count")]
    pub total: u64,
}

/// `CreateInstanceNamespace` body; `metadata.public` is required.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreateInstanceNamespace {
    pub namespace_name: String,
    pub metadata: NamespaceMetadata,
}

/// What creating answers: the new item's integer id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreatedId {
    pub id: i64,
}

/// `UpdateInstanceNamespace` body. The allow list is passed through untouched.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UpdateInstanceNamespace {
    pub metadata: NamespaceMetadata,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cve_allowlist: Option<Value>,
}

/// A repository of an instance (`ShowInstanceRepository`, items of both repository lists).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstanceRepository {
    pub id: i64,
    /// With or without the `<namespace>/` prefix: Huawei's reference does not say which, so
    /// [`InstanceRepository::short_name`] reads both.
    pub name: String,
    pub namespace_name: String,
    pub namespace_id: i64,
    #[serde(deserialize_with = "lenient_count")]
    pub tag_count: u64,
    #[serde(deserialize_with = "lenient_count")]
    pub pull_count: u64,
    #[serde(deserialize_with = "lenient_count")]
    pub artifact_count: u64,
    pub description: String,
    pub created_at: String,
    pub updated_at: String,
}

impl InstanceRepository {
    /// The name inside its namespace (what repository paths take).
    pub fn short_name(&self) -> &str {
        self.name
            .strip_prefix(self.namespace_name.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
            .filter(|rest| !rest.is_empty() && !self.namespace_name.is_empty())
            .unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstanceRepositoryList {
    pub repositories: Vec<InstanceRepository>,
    #[serde(deserialize_with = "lenient_count")]
    pub total: u64,
}

/// `UpdateInstanceRepository` body: the description is its only field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateInstanceRepository {
    pub description: String,
}

/// A count or total however the body writes it: any JSON number (negative or missing is 0,
/// fractions are cut), or a number in a string. A lie is bounded later by what pages hold.
fn lenient_count<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n
            .as_u64()
            .unwrap_or_else(|| n.as_f64().map_or(0, |f| f.max(0.0) as u64)),
        Value::String(s) => s.trim().parse().unwrap_or(0),
        _ => 0,
    })
}

/// Text however the body writes it: a string as is, a boolean or number as its JSON text.
fn lenient_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_and_partial_bodies_parse() {
        let list: InstanceNamespaceList = serde_json::from_str(
            r#"{"namespaces":[{"name":"a","metadata":{"public":true},"repo_count":-3},
                {"name":"b","metadata":{"public":"false"},"repo_count":"7","extra":1}],
                "total":1e3}"#,
        )
        .unwrap();
        assert_eq!(list.total, 1000);
        assert!(list.namespaces[0].metadata.is_public());
        assert!(!list.namespaces[1].metadata.is_public());
        assert_eq!(
            (list.namespaces[0].repo_count, list.namespaces[1].repo_count),
            (0, 7)
        );
        let empty: InstanceRepositoryList = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, InstanceRepositoryList::default());
        let created: CreatedId = serde_json::from_str(r#"{"id":12}"#).unwrap();
        assert_eq!(created.id, 12);
    }

    #[test]
    fn metadata_writes_string_booleans() {
        let body = CreateInstanceNamespace {
            namespace_name: "conf".into(),
            metadata: NamespaceMetadata::with_public(true),
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"namespace_name":"conf","metadata":{"public":"true"}}"#
        );
    }

    #[test]
    fn repository_names_with_or_without_their_namespace() {
        let repo = |name: &str| InstanceRepository {
            name: name.into(),
            namespace_name: "conf".into(),
            ..InstanceRepository::default()
        };
        assert_eq!(repo("conf/team/svc").short_name(), "team/svc");
        assert_eq!(repo("team/svc").short_name(), "team/svc");
        assert_eq!(repo("conf").short_name(), "conf");
        assert_eq!(repo("config/x").short_name(), "config/x");
    }
}
