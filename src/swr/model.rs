//! Wire models of the SWR shared-edition API and the IAM calls it needs. Keys are exactly the
//! SDK's; unknown fields are ignored and missing ones default, so a response never fails to parse
//! because the service added or dropped an optional field.

use serde::{Deserialize, Serialize};

/// Permission levels on an organization or repository.
pub const AUTH_READ: i64 = 1;
pub const AUTH_WRITE: i64 = 3;
pub const AUTH_MANAGE: i64 = 7;

/// Repository categories the service accepts.
pub const CATEGORIES: [&str; 8] = [
    "app_server",
    "linux",
    "framework_app",
    "database",
    "lang",
    "other",
    "windows",
    "arm",
];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Namespace {
    pub id: i64,
    pub name: String,
    pub creator_name: String,
    pub auth: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NamespaceList {
    pub namespaces: Vec<Namespace>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateNamespace {
    pub namespace: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAuth {
    pub user_id: String,
    pub user_name: String,
    pub auth: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccessInfo {
    pub id: i64,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator_name: Option<String>,
    pub self_auth: UserAuth,
    /// OTC's table spells it `others_auth`; its example and Huawei use `others_auths`.
    #[serde(alias = "others_auth")]
    pub others_auths: Vec<UserAuth>,
}

/// `GET .../repos/{repository}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Repository {
    pub id: i64,
    pub ns_id: i64,
    pub name: String,
    pub category: String,
    pub description: String,
    pub creator_id: String,
    pub creator_name: String,
    pub size: i64,
    pub is_public: bool,
    pub num_images: i64,
    pub num_download: i64,
    pub url: String,
    pub path: String,
    pub internal_path: String,
    pub created: String,
    pub updated: String,
    pub domain_id: String,
    pub priority: i64,
}

/// Element of the v2 repository lists (bare JSON array, `Content-Range` header).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RepoV2 {
    pub name: String,
    pub category: String,
    pub description: String,
    pub size: i64,
    pub is_public: bool,
    pub num_images: i64,
    pub num_download: i64,
    pub created_at: String,
    pub updated_at: String,
    pub logo: String,
    pub url: String,
    pub path: String,
    pub internal_path: String,
    pub domain_name: String,
    pub namespace: String,
    pub tags: Vec<String>,
    pub status: bool,
    pub total_range: i64,
}

/// Element of the v3 repository lists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RepoV3 {
    pub id: i64,
    pub name: String,
    pub category: String,
    pub description: String,
    pub size: i64,
    pub is_public: bool,
    pub num_images: i64,
    pub num_download: i64,
    pub created_at: String,
    pub updated_at: String,
    pub domain_name: String,
    pub namespace_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RepoListV3 {
    pub repos: Vec<RepoV3>,
    #[serde(rename = "nextMarker", skip_serializing_if = "Option::is_none")]
    pub next_marker: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateRepo {
    pub repository: String,
    pub is_public: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// PATCH body. `is_public` is required by the service even when only the description changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateRepo {
    pub is_public: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A tag in any of its three shapes: v2 lists say `Tag`, v3 lists and `show` say `tag`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tag {
    pub id: i64,
    pub repo_id: i64,
    #[serde(alias = "Tag")]
    pub tag: String,
    pub image_id: String,
    pub manifest: String,
    pub digest: String,
    pub schema: i64,
    pub path: String,
    pub internal_path: String,
    pub size: i64,
    pub is_trusted: bool,
    pub created: String,
    pub updated: String,
    pub domain_id: String,
    pub tag_type: i64,
}

/// The v2 wire shape of a tag (capital `Tag`, plus `deleted` and `scanned`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TagV2 {
    pub id: i64,
    pub repo_id: i64,
    #[serde(rename = "Tag")]
    pub tag: String,
    pub image_id: String,
    pub manifest: String,
    pub digest: String,
    pub schema: i64,
    pub path: String,
    pub internal_path: String,
    pub size: i64,
    pub is_trusted: bool,
    pub created: String,
    pub updated: String,
    pub deleted: Option<String>,
    pub domain_id: String,
    pub scanned: bool,
    pub tag_type: i64,
}

impl From<Tag> for TagV2 {
    fn from(t: Tag) -> Self {
        Self {
            id: t.id,
            repo_id: t.repo_id,
            tag: t.tag,
            image_id: t.image_id,
            manifest: t.manifest,
            digest: t.digest,
            schema: t.schema,
            path: t.path,
            internal_path: t.internal_path,
            size: t.size,
            is_trusted: t.is_trusted,
            created: t.created,
            updated: t.updated,
            deleted: None,
            domain_id: t.domain_id,
            scanned: false,
            tag_type: t.tag_type,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TagListV3 {
    pub tags: Vec<Tag>,
    #[serde(rename = "nextMarker", skip_serializing_if = "Option::is_none")]
    pub next_marker: Option<String>,
    pub has_more: bool,
}

/// Retag body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateTag {
    pub source_tag: String,
    pub destination_tag: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#override: Option<bool>,
}

/// A share of a repository with another account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccessDomain {
    pub namespace: String,
    pub repository: String,
    pub access_domain: String,
    pub permit: String,
    pub deadline: String,
    pub description: String,
    pub creator_id: String,
    pub creator_name: String,
    pub created: String,
    pub updated: String,
    pub status: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exist: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateAccessDomain {
    pub access_domain: String,
    pub permit: String,
    pub deadline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateAccessDomain {
    pub permit: String,
    pub deadline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Body of the temporary login calls: registry host → base64 `user:password`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthInfoBody {
    pub auths: std::collections::BTreeMap<String, AuthEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthEntry {
    pub auth: String,
}

/// A temporary `docker login` command, assembled from headers and body. It holds a
/// credential: its `Debug` shows only the registry and the expiry.
#[derive(Clone, PartialEq, Eq)]
pub struct LoginSecret {
    /// `X-Swr-Dockerlogin`: `docker login -u … -p …` without the registry.
    pub docker_login: String,
    /// `X-Swr-Expireat`.
    pub expires_at: String,
    /// The registry host (the key of `auths`).
    pub registry: String,
}

impl std::fmt::Debug for LoginSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginSecret")
            .field("registry", &self.registry)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Quota {
    pub quota_key: String,
    pub quota_limit: i64,
    pub used: i64,
    pub unit: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuotaList {
    pub quotas: Vec<Quota>,
}

/// `GET /v2/manage/overview` (note the service's spelling `namspace_num`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Overview {
    pub domain_id: String,
    pub domain_name: String,
    #[serde(rename = "namspace_num", alias = "namespace_num")]
    pub namespace_num: i64,
    pub repo_num: i64,
    pub image_num: i64,
    pub store_space: f64,
    pub downflow_size: f64,
}

/// IAM `GET /v3/users` element.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IamUser {
    pub id: String,
    pub name: String,
    pub domain_id: String,
    pub enabled: bool,
    pub password_expires_at: Option<String>,
    pub description: String,
    pub links: IamLinks,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IamLinks {
    #[serde(rename = "self")]
    pub self_link: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IamUserList {
    pub users: Vec<IamUser>,
    pub links: IamLinks,
}

/// IAM `GET /v3/projects` element.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IamProject {
    pub id: String,
    pub name: String,
    pub domain_id: String,
    pub enabled: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IamProjectList {
    pub projects: Vec<IamProject>,
}

/// IAM password-token request body.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenRequest {
    pub auth: TokenAuth,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenAuth {
    pub identity: TokenIdentity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<TokenScope>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenIdentity {
    pub methods: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<TokenPassword>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenPassword {
    pub user: TokenUser,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenUser {
    pub name: String,
    pub password: String,
    pub domain: NameOrId,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NameOrId {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TokenScope {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<NameOrId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<NameOrId>,
}

/// The IAM token response body (only what the client uses).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TokenResponse {
    pub token: TokenBody,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TokenBody {
    pub expires_at: String,
    pub issued_at: String,
    pub methods: Vec<String>,
    pub project: Option<TokenProject>,
    pub user: TokenUserInfo,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TokenProject {
    pub id: String,
    pub name: String,
    pub domain: NameOrId,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TokenUserInfo {
    pub id: String,
    pub name: String,
    pub domain: NameOrId,
}

/// `GET /` and `GET /{api_version}` element. The SDK models `links` as one object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VersionDetail {
    pub id: String,
    pub links: VersionLink,
    pub version: String,
    pub status: String,
    pub updated: String,
    pub min_version: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VersionLink {
    pub href: String,
    pub rel: String,
}

/// `GET /v2/manage/projects/{project_id}/feature-gates` (all optional booleans).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FeatureGates {
    pub enable_experience: bool,
    pub enable_hss_service: bool,
    pub enable_image_scan: bool,
    pub enable_sm3: bool,
    pub enable_image_sync: bool,
    pub enable_cci_service: bool,
    pub enable_image_label: bool,
    pub enable_pipeline: bool,
    pub enable_authorization_token: bool,
    pub enable_resource: bool,
    pub enable_list_v3: bool,
    pub enable_image_quota: bool,
}

/// `GET /v2/manage/regions` element (note `regionID`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncRegion {
    #[serde(rename = "regionID")]
    pub region_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v2_and_v3_tag_keys_parse_into_one_type() {
        let v2: Tag = serde_json::from_str(
            r#"{"Tag":"1.0","digest":"sha256:aa","deleted":null,"scanned":false,"extra":1}"#,
        )
        .unwrap();
        let v3: Tag = serde_json::from_str(r#"{"tag":"1.0","digest":"sha256:aa"}"#).unwrap();
        assert_eq!(v2.tag, "1.0");
        assert_eq!(v2, v3);
        let wire = serde_json::to_value(TagV2::from(v3)).unwrap();
        assert_eq!(wire["Tag"], "1.0");
        assert!(wire.get("tag").is_none());
    }

    #[test]
    fn overview_keeps_the_services_spelling() {
        let o: Overview =
            serde_json::from_str(r#"{"namspace_num":36,"store_space":99.21}"#).unwrap();
        assert_eq!(o.namespace_num, 36);
        assert!(serde_json::to_string(&o).unwrap().contains("namspace_num"));
    }

    #[test]
    fn missing_fields_default() {
        let r: RepoV2 = serde_json::from_str(r#"{"name":"nginx"}"#).unwrap();
        assert_eq!(r.name, "nginx");
        assert!(r.tags.is_empty());
        let a: AccessInfo =
            serde_json::from_str(r#"{"others_auth":[{"user_id":"x","auth":1}]}"#).unwrap();
        assert_eq!(a.others_auths.len(), 1);
    }
}
