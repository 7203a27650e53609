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
use super::natural;
use super::text::{sanitize, sanitize_multiline, sanitize_name};
use crate::swr::enterprise::InstanceTag;
use crate::swr::entries::{ManifestEntry, RepoEntry, TagEntry};
use crate::swr::model::{AccessInfo, Namespace, RepoV2, Tag, UserAuth};

/// A name as rows keep it: what is drawn, and the exact text the service sent when that
/// differs (it is the row's identity, and what requests carry).
pub(crate) fn names(raw: &str) -> (String, Option<Box<str>>) {
    let shown = sanitize_name(raw);
    let exact = (shown != raw).then(|| raw.into());
    (shown, exact)
}

/// A column of a list, by identity: sorting, headers and cells name columns, never positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnId {
    Name,
    Permission,
    Creator,
    Tags,
    Size,
    Downloads,
    Access,
    Category,
    Digest,
    Created,
    Updated,
    UserId,
    Deadline,
    State,
    Description,
    Pulled,
    /// The account a shared repository belongs to.
    Owner,
    /// A sync's target region.
    Region,
    /// A sync's target organization.
    Target,
    Override,
    /// A number the service gave (a retention policy's id).
    Id,
    /// What a retention rule or policy keeps (or, in a history, the rule it acted under).
    Rule,
    /// Which tags and repositories a retention rule looks at.
    Selectors,
    /// When a retention policy runs.
    Trigger,
    /// The repository a row is in (a dry run's tags).
    Repository,
    /// When a retention rule deleted a tag.
    Deleted,
}

/// A row of a list pane.
pub trait Row {
    /// Columns that can be sorted by, in `s` cycling order.
    const SORTS: &'static [ColumnId];
    /// Identity used for marks and for keeping the cursor on the same row.
    fn key(&self) -> &str;
    /// Lower-case text the filter searches.
    fn search_text(&self) -> &str;
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering;
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrgRow {
    /// As drawn.
    pub name: String,
    raw: Option<Box<str>>,
    pub auth: i64,
    pub creator: String,
    search: String,
}

impl OrgRow {
    /// The name exactly as the service sent it.
    pub fn raw(&self) -> &str {
        self.raw.as_deref().unwrap_or(&self.name)
    }
}

impl From<Namespace> for OrgRow {
    fn from(n: Namespace) -> Self {
        let (name, raw) = names(&n.name);
        Self {
            search: name.to_lowercase(),
            name,
            raw,
            auth: n.auth,
            creator: sanitize(&n.creator_name),
        }
    }
}

impl Row for OrgRow {
    const SORTS: &'static [ColumnId] = &[ColumnId::Name, ColumnId::Permission, ColumnId::Creator];
    fn key(&self) -> &str {
        self.raw()
    }
    fn search_text(&self) -> &str {
        &self.search
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::Permission => self.auth.cmp(&other.auth),
            ColumnId::Creator => self.creator.cmp(&other.creator),
            _ => Ordering::Equal,
        }
        .then_with(|| by_name(&self.name, self.raw(), &other.name, other.raw()))
    }
}

/// Rows tied on their column go by name, naturally (`build-2` before `build-10`); two names
/// drawn alike (sanitized) go by the exact name, so no two rows ever compare equal and every
/// sort and merge of the same rows gives the same order.
pub(crate) fn by_name(shown: &str, raw: &str, other_shown: &str, other_raw: &str) -> Ordering {
    natural::compare(shown, other_shown).then_with(|| raw.cmp(other_raw))
}

#[derive(Debug, Clone, PartialEq)]
pub struct RepoRow {
    /// As drawn.
    pub name: String,
    raw: Option<Box<str>>,
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
    /// The name exactly as the service sent it.
    pub fn raw(&self) -> &str {
        self.raw.as_deref().unwrap_or(&self.name)
    }

    fn from_entry(r: &RepoEntry) -> Self {
        let (name, raw) = names(&r.name);
        Self {
            search: lower_if_needed(&name),
            name,
            raw,
            tags: r.num_images,
            size: r.size,
            downloads: r.num_download,
            is_public: r.is_public,
            category: sanitize(&r.category),
            description: sanitize_multiline(cut(&r.description, DESCRIPTION_MAX)),
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
    const SORTS: &'static [ColumnId] = &[
        ColumnId::Name,
        ColumnId::Tags,
        ColumnId::Size,
        ColumnId::Downloads,
        ColumnId::Updated,
    ];
    fn key(&self) -> &str {
        self.raw()
    }
    fn search_text(&self) -> &str {
        self.search.as_deref().unwrap_or(&self.name)
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::Tags => self.tags.cmp(&other.tags),
            ColumnId::Size => self.size.cmp(&other.size),
            ColumnId::Downloads => self.downloads.cmp(&other.downloads),
            ColumnId::Updated => self.updated.cmp(&other.updated),
            _ => Ordering::Equal,
        }
        .then_with(|| by_name(&self.name, self.raw(), &other.name, other.raw()))
    }
}

/// The longest description kept (the SWR console's limit).
const DESCRIPTION_MAX: usize = 30_000;

/// At most `max` characters of `text`.
fn cut(text: &str, max: usize) -> &str {
    text.char_indices()
        .nth(max)
        .map_or(text, |(at, _)| &text[..at])
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

/// The address inside the cloud's network that a tag's image can be pulled from, as the
/// service names it. Shared by the rows that have the same (all of a repository's, normally).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImageHosts {
    /// The host and port of `internal_path`, kept only when it is a private network address:
    /// a server must not be able to point a pull elsewhere.
    pub internal: Option<String>,
}

impl ImageHosts {
    fn from_paths(internal_path: &str) -> Self {
        Self {
            internal: private_host(internal_path),
        }
    }
}

/// `10.125.0.198:20202` of `10.125.0.198:20202/org/repo:tag`, if it is a private IPv4 address
/// (with or without a port).
fn private_host(address: &str) -> Option<String> {
    let (host, _) = address.split_once('/')?;
    let ip = host.split_once(':').map_or(host, |(ip, _)| ip);
    let port_ok = host
        .split_once(':')
        .is_none_or(|(_, port)| port.parse::<u16>().is_ok());
    let private = ip
        .parse::<std::net::Ipv4Addr>()
        .is_ok_and(|ip| ip.is_private());
    (private && port_ok).then(|| host.to_string())
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
    /// As drawn.
    pub tag: String,
    raw: Option<Box<str>>,
    pub digest: Digest,
    pub size: i64,
    pub created: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    pub layers: Box<[Layer]>,
    pub hosts: Arc<ImageHosts>,
    /// Last pulled (the enterprise edition says; the shared edition does not).
    pub pulled: Option<DateTime<Utc>>,
    search: Option<Box<str>>,
    /// A manifest list's platforms; empty for a single-arch image.
    pub platforms: Box<[super::multiarch::PlatformImage]>,
}

impl TagRow {
    /// The name exactly as the service sent it: what a delete or a retag names.
    pub fn raw(&self) -> &str {
        self.raw.as_deref().unwrap_or(&self.tag)
    }

    fn from_entry(t: &TagEntry) -> Self {
        let (tag, raw) = names(&t.tag);
        Self {
            search: lower_if_needed(&tag),
            tag,
            raw,
            digest: Digest::parse(&t.digest),
            size: t.size,
            created: parse_time(&t.created),
            updated: parse_time(&t.updated),
            layers: manifest_layers(&t.manifest),
            platforms: super::multiarch::platforms(&t.manifest),
            hosts: shared_hosts(ImageHosts::from_paths(&t.internal_path)),
            pulled: None,
        }
    }
}

/// An enterprise tag: pushed is both its created and updated time (it has no other).
impl From<InstanceTag> for TagRow {
    fn from(t: InstanceTag) -> Self {
        let mut row = Self::from_entry(&TagEntry {
            tag: t.name.as_str().into(),
            digest: t.digest.as_str().into(),
            size: i64::try_from(t.size).unwrap_or(i64::MAX),
            created: t.push_time.as_str().into(),
            updated: t.push_time.as_str().into(),
            path: "".into(),
            internal_path: "".into(),
            manifest: "".into(),
        });
        row.pulled = parse_time(&t.pull_time);
        row
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
    const SORTS: &'static [ColumnId] = &[
        ColumnId::Updated,
        ColumnId::Name,
        ColumnId::Size,
        ColumnId::Created,
    ];
    fn key(&self) -> &str {
        self.raw()
    }
    fn search_text(&self) -> &str {
        self.search.as_deref().unwrap_or(&self.tag)
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::Updated => self.updated.cmp(&other.updated),
            ColumnId::Size => self.size.cmp(&other.size),
            ColumnId::Created => self.created.cmp(&other.created),
            ColumnId::Pulled => self.pulled.cmp(&other.pulled),
            _ => Ordering::Equal,
        }
        .then_with(|| by_name(&self.tag, self.raw(), &other.tag, other.raw()))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PermRow {
    /// As drawn.
    pub user_id: String,
    raw_id: Option<Box<str>>,
    pub user_name: String,
    pub auth: i64,
    /// The caller's own entry.
    pub is_self: bool,
    search: String,
}

impl PermRow {
    fn new(u: UserAuth, is_self: bool) -> Self {
        let user_name = sanitize_name(&u.user_name);
        let (user_id, raw_id) = names(&u.user_id);
        Self {
            search: user_name.to_lowercase(),
            user_name,
            user_id,
            raw_id,
            auth: u.auth,
            is_self,
        }
    }

    /// The user id exactly as the service sent it: what a change of permission names.
    pub fn raw_id(&self) -> &str {
        self.raw_id.as_deref().unwrap_or(&self.user_id)
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
    const SORTS: &'static [ColumnId] = &[ColumnId::Name, ColumnId::Permission];
    fn key(&self) -> &str {
        self.raw_id()
    }
    fn search_text(&self) -> &str {
        &self.search
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::Permission => self.auth.cmp(&other.auth),
            _ => Ordering::Equal,
        }
        .then_with(|| {
            by_name(
                &self.user_name,
                self.raw_id(),
                &other.user_name,
                other.raw_id(),
            )
        })
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
        // Drawn without the escape, which is shown to have been there; used exactly as sent.
        assert_eq!(row.name, "web\u{FFFD}[2J");
        assert_eq!(row.raw(), "web\x1b[2J");
        assert_eq!(row.description, "lineone\nline two");
    }

    #[test]
    fn names_that_differ_only_by_an_invisible_character_stay_apart() {
        let tag = |name: &str| {
            TagRow::from(Tag {
                tag: name.into(),
                ..Tag::default()
            })
        };
        let (plain, hidden) = (tag("prod-keep"), tag("prod-keep\u{202E}"));
        assert_ne!(plain.key(), hidden.key(), "two rows, two identities");
        assert_eq!(
            hidden.raw(),
            "prod-keep\u{202E}",
            "requests name it exactly"
        );
        assert_eq!(
            hidden.tag, "prod-keep\u{FFFD}",
            "and it does not look like the other"
        );
        let long = RepoRow::from(RepoV2 {
            description: "d".repeat(1_000_000),
            ..RepoV2::default()
        });
        assert_eq!(long.description.len(), DESCRIPTION_MAX);
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
