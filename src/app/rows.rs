//! What each list shows, built once from API models: remote text sanitized, times parsed, and a
//! lower-case search key ready, so filtering and drawing never redo that work.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};

use super::format::parse_time;
use super::text::{sanitize, sanitize_multiline};
use crate::swr::model::{AccessInfo, Namespace, RepoV2, Tag, UserAuth};

/// A row of a list pane.
pub trait Row {
    /// Column titles that can be sorted by, in `s` cycling order.
    const SORT_COLUMNS: &'static [&'static str];
    /// Identity used for marks and for keeping the cursor on the same row.
    fn key(&self) -> &str;
    /// Lower-case text the filter searches.
    fn search_text(&self) -> &str;
    fn compare(&self, other: &Self, column: usize) -> Ordering;
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrgRow {
    pub name: String,
    pub auth: i64,
    pub creator: String,
    search: String,
}

impl From<Namespace> for OrgRow {
    fn from(n: Namespace) -> Self {
        let name = sanitize(&n.name);
        Self {
            search: name.to_lowercase(),
            name,
            auth: n.auth,
            creator: sanitize(&n.creator_name),
        }
    }
}

impl Row for OrgRow {
    const SORT_COLUMNS: &'static [&'static str] = &["name", "permission", "creator"];
    fn key(&self) -> &str {
        &self.name
    }
    fn search_text(&self) -> &str {
        &self.search
    }
    fn compare(&self, other: &Self, column: usize) -> Ordering {
        match column {
            1 => self.auth.cmp(&other.auth),
            2 => self.creator.cmp(&other.creator),
            _ => Ordering::Equal,
        }
        .then_with(|| self.name.cmp(&other.name))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RepoRow {
    pub name: String,
    pub tags: i64,
    pub size: i64,
    pub downloads: i64,
    pub is_public: bool,
    pub category: String,
    pub description: String,
    pub created: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    pub path: String,
    pub internal_path: String,
    search: String,
}

impl From<RepoV2> for RepoRow {
    fn from(r: RepoV2) -> Self {
        let name = sanitize(&r.name);
        Self {
            search: name.to_lowercase(),
            name,
            tags: r.num_images,
            size: r.size,
            downloads: r.num_download,
            is_public: r.is_public,
            category: sanitize(&r.category),
            description: sanitize_multiline(&r.description),
            created: parse_time(&r.created_at),
            updated: parse_time(&r.updated_at),
            path: sanitize(&r.path),
            internal_path: sanitize(&r.internal_path),
        }
    }
}

impl Row for RepoRow {
    const SORT_COLUMNS: &'static [&'static str] = &["name", "tags", "size", "downloads", "updated"];
    fn key(&self) -> &str {
        &self.name
    }
    fn search_text(&self) -> &str {
        &self.search
    }
    fn compare(&self, other: &Self, column: usize) -> Ordering {
        match column {
            1 => self.tags.cmp(&other.tags),
            2 => self.size.cmp(&other.size),
            3 => self.downloads.cmp(&other.downloads),
            4 => self.updated.cmp(&other.updated),
            _ => Ordering::Equal,
        }
        .then_with(|| self.name.cmp(&other.name))
    }
}

/// One layer of an image, from the manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub digest: String,
    pub size: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TagRow {
    pub tag: String,
    pub digest: String,
    pub size: i64,
    pub created: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    pub path: String,
    pub internal_path: String,
    pub layers: Vec<Layer>,
    search: String,
}

impl From<Tag> for TagRow {
    fn from(t: Tag) -> Self {
        let tag = sanitize(&t.tag);
        Self {
            search: tag.to_lowercase(),
            tag,
            digest: sanitize(&t.digest),
            size: t.size,
            created: parse_time(&t.created),
            updated: parse_time(&t.updated),
            path: sanitize(&t.path),
            internal_path: sanitize(&t.internal_path),
            layers: manifest_layers(&t.manifest),
        }
    }
}

/// Layers of a schema-2 (or OCI) manifest; anything else yields none.
fn manifest_layers(manifest: &str) -> Vec<Layer> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(manifest) else {
        return Vec::new();
    };
    value["layers"]
        .as_array()
        .map(|layers| {
            layers
                .iter()
                .map(|l| Layer {
                    digest: sanitize(l["digest"].as_str().unwrap_or_default()),
                    size: l["size"].as_i64().unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default()
}

impl Row for TagRow {
    const SORT_COLUMNS: &'static [&'static str] = &["updated", "name", "size", "created"];
    fn key(&self) -> &str {
        &self.tag
    }
    fn search_text(&self) -> &str {
        &self.search
    }
    fn compare(&self, other: &Self, column: usize) -> Ordering {
        match column {
            0 => self.updated.cmp(&other.updated),
            2 => self.size.cmp(&other.size),
            3 => self.created.cmp(&other.created),
            _ => Ordering::Equal,
        }
        .then_with(|| self.tag.cmp(&other.tag))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PermRow {
    pub user_id: String,
    pub user_name: String,
    pub auth: i64,
    /// The caller's own entry.
    pub is_self: bool,
    search: String,
}

impl PermRow {
    fn new(u: UserAuth, is_self: bool) -> Self {
        let user_name = sanitize(&u.user_name);
        Self {
            search: user_name.to_lowercase(),
            user_name,
            user_id: sanitize(&u.user_id),
            auth: u.auth,
            is_self,
        }
    }

    /// The caller first, then everybody else.
    pub fn from_access(info: AccessInfo) -> Vec<Self> {
        let mut rows = Vec::with_capacity(info.others_auths.len() + 1);
        if !info.self_auth.user_id.is_empty() {
            rows.push(Self::new(info.self_auth, true));
        }
        rows.extend(info.others_auths.into_iter().map(|u| Self::new(u, false)));
        rows
    }
}

impl Row for PermRow {
    const SORT_COLUMNS: &'static [&'static str] = &["user", "permission"];
    fn key(&self) -> &str {
        &self.user_id
    }
    fn search_text(&self) -> &str {
        &self.search
    }
    fn compare(&self, other: &Self, column: usize) -> Ordering {
        match column {
            1 => self.auth.cmp(&other.auth),
            _ => Ordering::Equal,
        }
        .then_with(|| self.user_name.cmp(&other.user_name))
    }
}

/// Permission levels as words.
pub fn permission_name(auth: i64) -> &'static str {
    match auth {
        1 => "read",
        3 => "write",
        7 => "manage",
        _ => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_text_is_sanitized_on_the_way_in() {
        let row = RepoRow::from(RepoV2 {
            name: "web\x1b[2J".into(),
            description: "line\x07one\nline two".into(),
            ..RepoV2::default()
        });
        assert_eq!(row.name, "web[2J");
        assert_eq!(row.description, "lineone\nline two");
    }

    #[test]
    fn manifest_layers_are_read_and_garbage_ignored() {
        let m = r#"{"schemaVersion":2,"layers":[{"digest":"sha256:aa","size":10},{"digest":"sha256:bb","size":20}]}"#;
        let t = TagRow::from(Tag { manifest: m.into(), ..Tag::default() });
        assert_eq!(t.layers.len(), 2);
        assert_eq!(t.layers[1], Layer { digest: "sha256:bb".into(), size: 20 });
        assert!(TagRow::from(Tag { manifest: "not json".into(), ..Tag::default() }).layers.is_empty());
    }

    #[test]
    fn the_caller_comes_first_in_permissions() {
        let rows = PermRow::from_access(AccessInfo {
            self_auth: UserAuth { user_id: "me".into(), user_name: "me".into(), auth: 7 },
            others_auths: vec![UserAuth { user_id: "u1".into(), user_name: "alice".into(), auth: 1 }],
            ..AccessInfo::default()
        });
        assert_eq!(rows.iter().map(|r| (r.user_name.as_str(), r.is_self)).collect::<Vec<_>>(), vec![("me", true), ("alice", false)]);
    }
}
