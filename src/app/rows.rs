//! What each list shows, built once from what the service sent: remote text sanitized, times
//! parsed, digests as bytes, and a lower-case search key ready, so filtering and drawing never
//! redo that work. Tag and repository rows are parsed straight from a page's bytes, on the
//! worker thread that fetched the page.

use std::cmp::Ordering;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};

use super::digest::Digest;
use super::format::parse_time;
use super::text::{sanitize, sanitize_multiline};
use crate::swr::entries::{ManifestEntry, RepoEntry, TagEntry};
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
    search: Option<Box<str>>,
}

impl RepoRow {
    fn from_entry(r: &RepoEntry) -> Self {
        let name = sanitize(&r.name);
        Self {
            search: lower_if_needed(&name),
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

/// Straight from a page's bytes (on the worker thread that fetched it).
impl<'de> Deserialize<'de> for RepoRow {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        RepoEntry::deserialize(d).map(|e| Self::from_entry(&e))
    }
}

impl From<RepoV2> for RepoRow {
    fn from(r: RepoV2) -> Self {
        Self::from_entry(&RepoEntry {
            name: r.name.into(),
            category: r.category.into(),
            description: r.description.into(),
            size: r.size,
            is_public: r.is_public,
            num_images: r.num_images,
            num_download: r.num_download,
            created_at: r.created_at.into(),
            updated_at: r.updated_at.into(),
            path: r.path.into(),
            internal_path: r.internal_path.into(),
        })
    }
}

impl Row for RepoRow {
    const SORT_COLUMNS: &'static [&'static str] = &["name", "tags", "size", "downloads", "updated"];
    fn key(&self) -> &str {
        &self.name
    }
    fn search_text(&self) -> &str {
        self.search.as_deref().unwrap_or(&self.name)
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

/// The lower-case search text, kept only when it differs from the name (it rarely does).
fn lower_if_needed(name: &str) -> Option<Box<str>> {
    if name.is_ascii() {
        return name
            .bytes()
            .any(|b| b.is_ascii_uppercase())
            .then(|| name.to_ascii_lowercase().into_boxed_str());
    }
    let lower = name.to_lowercase();
    (lower != name).then(|| lower.into_boxed_str())
}

/// One layer of an image, from the manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub digest: Digest,
    pub size: i64,
}

/// Where a tag's image can be pulled from, as the service's addresses name the hosts. Shared
/// by the rows that have the same (all of a repository's, normally).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImageHosts {
    /// The public registry host of `path`, when it is a plausible host name.
    pub registry: Option<String>,
    /// The host of `internal_path` (the address cloud clusters pull from).
    pub internal: Option<String>,
}

impl ImageHosts {
    fn from_paths(path: &str, internal_path: &str) -> Self {
        Self {
            registry: host_of(path),
            internal: host_of(internal_path),
        }
    }
}

/// The host (and port) before the first `/` of an image address, if it looks like one: it goes
/// into commands the user pastes into a shell.
fn host_of(address: &str) -> Option<String> {
    let (host, _) = address.split_once('/')?;
    let valid = !host.is_empty()
        && host.len() <= 253
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    valid.then(|| host.to_string())
}

thread_local! {
    /// The hosts of the last row built on this thread: consecutive rows share one allocation.
    static LAST_HOSTS: std::cell::RefCell<Option<Arc<ImageHosts>>> = const { std::cell::RefCell::new(None) };
}

fn shared_hosts(hosts: ImageHosts) -> Arc<ImageHosts> {
    LAST_HOSTS.with_borrow_mut(|last| match last {
        Some(same) if **same == hosts => Arc::clone(same),
        _ => Arc::clone(last.insert(Arc::new(hosts))),
    })
}

/// A tag as the list keeps it: about 300 bytes, whatever the size of its manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct TagRow {
    pub tag: String,
    pub digest: Digest,
    pub size: i64,
    pub created: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    pub layers: Box<[Layer]>,
    pub hosts: Arc<ImageHosts>,
    search: Option<Box<str>>,
}

impl TagRow {
    fn from_entry(t: &TagEntry) -> Self {
        let tag = sanitize(&t.tag);
        Self {
            search: lower_if_needed(&tag),
            tag,
            digest: Digest::parse(&t.digest),
            size: t.size,
            created: parse_time(&t.created),
            updated: parse_time(&t.updated),
            layers: manifest_layers(&t.manifest),
            hosts: shared_hosts(ImageHosts::from_paths(&t.path, &t.internal_path)),
        }
    }
}

/// Straight from a page's bytes (on the worker thread that fetched it).
impl<'de> Deserialize<'de> for TagRow {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        TagEntry::deserialize(d).map(|e| Self::from_entry(&e))
    }
}

impl From<Tag> for TagRow {
    fn from(t: Tag) -> Self {
        Self::from_entry(&TagEntry {
            tag: t.tag.into(),
            digest: t.digest.into(),
            size: t.size,
            created: t.created.into(),
            updated: t.updated.into(),
            path: t.path.into(),
            internal_path: t.internal_path.into(),
            manifest: t.manifest.into(),
        })
    }
}

/// Layers of a schema-2 (or OCI) manifest; anything else yields none.
fn manifest_layers(manifest: &str) -> Box<[Layer]> {
    let Ok(m) = serde_json::from_str::<ManifestEntry>(manifest) else {
        return Box::default();
    };
    m.layers
        .iter()
        .map(|l| Layer {
            digest: Digest::parse(&l.digest),
            size: l.size,
        })
        .collect()
}

impl Row for TagRow {
    const SORT_COLUMNS: &'static [&'static str] = &["updated", "name", "size", "created"];
    fn key(&self) -> &str {
        &self.tag
    }
    fn search_text(&self) -> &str {
        self.search.as_deref().unwrap_or(&self.tag)
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
        let t = TagRow::from(Tag {
            manifest: m.into(),
            ..Tag::default()
        });
        assert_eq!(t.layers.len(), 2);
        assert_eq!(
            t.layers[1],
            Layer {
                digest: Digest::parse("sha256:bb"),
                size: 20
            }
        );
        assert!(
            TagRow::from(Tag {
                manifest: "not json".into(),
                ..Tag::default()
            })
            .layers
            .is_empty()
        );
    }

    #[test]
    fn the_caller_comes_first_in_permissions() {
        let rows = PermRow::from_access(AccessInfo {
            self_auth: UserAuth {
                user_id: "me".into(),
                user_name: "me".into(),
                auth: 7,
            },
            others_auths: vec![UserAuth {
                user_id: "u1".into(),
                user_name: "alice".into(),
                auth: 1,
            }],
            ..AccessInfo::default()
        });
        assert_eq!(
            rows.iter()
                .map(|r| (r.user_name.as_str(), r.is_self))
                .collect::<Vec<_>>(),
            vec![("me", true), ("alice", false)]
        );
    }
}
