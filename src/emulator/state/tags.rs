//! Tag operations of the emulated account: the v2 list (offset pages and a total), the v3 list
//! (markers), show, delete and retag. Lists read the repository's sorted index
//! ([`TagStore::sorted`]), so a page costs its own rows, not a sort of every tag.
//!
//! [`TagStore::sorted`]: crate::emulator::tag_store::TagStore::sorted

use std::cmp::Ordering;
use std::sync::Arc;

use chrono::Utc;
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::repos::bad_order;
use super::{
    ApiErr, INTERNAL_REGISTRY, Repo, Res, State, TagOrder, TagRec, fmt_time, valid_tag_name,
};
use crate::emulator::params::Page;
use crate::swr::model;

/// Queries of the v3 tag list.
#[derive(Debug, Clone)]
pub struct TagQueryV3 {
    pub limit: usize,
    pub marker: Option<String>,
    pub name: Option<String>,
    pub order: Option<(String, bool)>,
    pub with_manifest: bool,
}

/// A repository's tags in the order a list asks for (default: newest first), optionally only
/// those whose name contains a text.
struct Listing<'a, 'n> {
    repo: &'a Repo,
    order: TagOrder,
    index: Arc<[u32]>,
    descending: bool,
    name: Option<&'n str>,
}

impl<'a, 'n> Listing<'a, 'n> {
    fn new(repo: &'a Repo, name: Option<&'n str>, order: &Option<(String, bool)>) -> Res<Self> {
        let (column, descending) = order
            .as_ref()
            .map_or(("updated_at", true), |(c, d)| (c.as_str(), *d));
        let order = TagOrder::from_column(column).ok_or_else(|| bad_order(column))?;
        Ok(Self {
            repo,
            order,
            index: repo.tags.sorted(order),
            descending,
            name: name.filter(|n| !n.is_empty()),
        })
    }

    /// The tag at position `k` of the whole list, before the name filter.
    fn nth(&self, k: usize) -> &'a TagRec {
        let k = if self.descending {
            self.index.len() - 1 - k
        } else {
            k
        };
        self.repo.tags.at(self.index[k])
    }

    fn matches(&self, tag: &TagRec) -> bool {
        self.name.is_none_or(|n| tag.name.contains(n))
    }

    /// Tags from position `from` of the whole list on, filtered.
    fn from(&self, from: usize) -> impl Iterator<Item = &'a TagRec> + '_ {
        (from.min(self.index.len())..self.index.len())
            .map(|k| self.nth(k))
            .filter(|t| self.matches(t))
    }

    /// How many tags pass the filter.
    fn total(&self) -> usize {
        match self.name {
            None => self.index.len(),
            Some(_) => self.from(0).count(),
        }
    }

    /// A page by offset into the filtered list.
    fn page(&self, offset: usize, limit: usize) -> Vec<&'a TagRec> {
        match self.name {
            // Unfiltered, the page is a slice of the index: no walk to the offset.
            None => self.from(offset).take(limit).collect(),
            Some(_) => self.from(0).skip(offset).take(limit).collect(),
        }
    }

    /// The position after `tag` in the whole list, found by bisection of the sorted index.
    fn after(&self, tag: &TagRec) -> usize {
        let ascending = self.index.partition_point(|&i| {
            self.order.compare(self.repo.tags.at(i), tag) != Ordering::Greater
        });
        if self.descending {
            // Everything before `tag` in ascending order comes after it, descending.
            self.index.len() - ascending.saturating_sub(1)
        } else {
            ascending
        }
    }

    /// Where a page after `marker` starts. A deleted marker can still be placed by name order.
    fn resume_after(&self, marker: &str) -> Res<usize> {
        if let Some(tag) = self.repo.tags.get(marker) {
            return Ok(self.after(tag));
        }
        if self.order != TagOrder::Name {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4000014",
                format!("invalid marker: {marker}"),
            ));
        }
        let ascending = self
            .index
            .partition_point(|&i| self.repo.tags.at(i).name.as_str() <= marker);
        Ok(if self.descending {
            self.index.len() - ascending
        } else {
            ascending
        })
    }
}

/// A page of tags as the list answers carry it, borrowing from the state: serializing it
/// copies each field once into the answer (the manifest verbatim, escaped when the tag was
/// made), where building owned models first would copy everything twice.
#[derive(Debug)]
pub struct TagPage<'a> {
    org: &'a str,
    repo: &'a Repo,
    registry: String,
    domain_id: &'a str,
    tags: Vec<&'a TagRec>,
    /// v2 items: capital `Tag`, plus `deleted` and `scanned`.
    v2: bool,
    with_manifest: bool,
}

impl TagPage<'_> {
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    pub fn names(&self) -> Vec<&str> {
        self.tags.iter().map(|t| t.name.as_str()).collect()
    }

    /// The page as the client's models read it (through the JSON it serializes to).
    pub fn to_models(&self) -> Vec<model::Tag> {
        serde_json::to_vec(self)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }
}

struct TagItem<'p, 'a> {
    page: &'p TagPage<'a>,
    tag: &'a TagRec,
}

impl Serialize for TagPage<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.tags.iter().map(|&tag| TagItem { page: self, tag }))
    }
}

impl Serialize for TagItem<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (p, t) = (self.page, self.tag);
        let (org, repo) = (p.org, &p.repo.name);
        let mut m = s.serialize_struct("Tag", if p.v2 { 18 } else { 16 })?;
        m.serialize_field("id", &t.id)?;
        m.serialize_field("repo_id", &p.repo.id)?;
        m.serialize_field(if p.v2 { "Tag" } else { "tag" }, &t.name)?;
        m.serialize_field("image_id", &t.image_id)?;
        if p.with_manifest {
            m.serialize_field("manifest", &t.manifest_json)?;
        } else {
            m.serialize_field("manifest", "")?;
        }
        m.serialize_field("digest", &t.digest)?;
        m.serialize_field("schema", &2)?;
        m.serialize_field("path", &format!("{}/{org}/{repo}:{}", p.registry, t.name))?;
        m.serialize_field(
            "internal_path",
            &format!("{INTERNAL_REGISTRY}/{org}/{repo}:{}", t.name),
        )?;
        m.serialize_field("size", &t.size)?;
        m.serialize_field("is_trusted", &false)?;
        m.serialize_field("created", &fmt_time(t.created))?;
        m.serialize_field("updated", &fmt_time(t.updated))?;
        if p.v2 {
            m.serialize_field("deleted", &None::<String>)?;
        }
        m.serialize_field("domain_id", p.domain_id)?;
        if p.v2 {
            m.serialize_field("scanned", &false)?;
        }
        m.serialize_field("tag_type", &t.tag_type)?;
        m.end()
    }
}

/// The v3 tag list answer.
#[derive(Debug, Serialize)]
pub struct TagListPage<'a> {
    pub tags: TagPage<'a>,
    #[serde(rename = "nextMarker", skip_serializing_if = "Option::is_none")]
    pub next_marker: Option<String>,
    pub has_more: bool,
}

impl State {
    fn tag_page<'a>(&'a self, org: &'a str, repo: &'a Repo, tags: Vec<&'a TagRec>) -> TagPage<'a> {
        TagPage {
            org,
            repo,
            registry: self.registry(),
            domain_id: &self.domain_id,
            tags,
            v2: true,
            with_manifest: true,
        }
    }

    pub fn tag_view(&self, org: &str, repo: &Repo, t: &TagRec, with_manifest: bool) -> model::Tag {
        model::Tag {
            id: t.id,
            repo_id: repo.id,
            tag: t.name.clone(),
            image_id: t.image_id.clone(),
            manifest: if with_manifest {
                t.manifest.clone()
            } else {
                String::new()
            },
            digest: t.digest.clone(),
            schema: 2,
            path: format!("{}/{org}/{}:{}", self.registry(), repo.name, t.name),
            internal_path: format!("{INTERNAL_REGISTRY}/{org}/{}:{}", repo.name, t.name),
            size: t.size,
            is_trusted: false,
            created: fmt_time(t.created),
            updated: fmt_time(t.updated),
            domain_id: self.domain_id.clone(),
            tag_type: t.tag_type,
        }
    }

    /// v2 tag list: a page and the total.
    pub fn list_tags_v2<'a>(
        &'a self,
        org: &'a str,
        repo: &str,
        name: Option<&'a str>,
        order: Option<(String, bool)>,
        page: Page,
    ) -> Res<(TagPage<'a>, usize)> {
        let r = self.repo(org, repo)?;
        let listing = Listing::new(r, name, &order)?;
        let tags = listing.page(page.offset, page.limit);
        Ok((self.tag_page(org, r, tags), listing.total()))
    }

    /// v3 tag list; `marker` = the last tag name of the previous page in the same order.
    pub fn list_tags_v3<'a>(
        &'a self,
        org: &'a str,
        repo: &str,
        query: &TagQueryV3,
    ) -> Res<TagListPage<'a>> {
        let r = self.repo(org, repo)?;
        let listing = Listing::new(r, query.name.as_deref(), &query.order)?;
        let start = match &query.marker {
            None => 0,
            Some(m) => listing.resume_after(m)?,
        };
        let mut rest = listing.from(start);
        let tags: Vec<&TagRec> = rest.by_ref().take(query.limit).collect();
        let has_more = rest.next().is_some();
        let next_marker = if has_more {
            tags.last().map(|t| t.name.clone())
        } else {
            None
        };
        let page = TagPage {
            v2: false,
            with_manifest: query.with_manifest,
            ..self.tag_page(org, r, tags)
        };
        Ok(TagListPage {
            tags: page,
            next_marker,
            has_more,
        })
    }

    pub fn show_tag(&self, org: &str, repo: &str, tag: &str) -> Res<model::Tag> {
        let r = self.repo(org, repo)?;
        let t = r.tags.get(tag).ok_or_else(|| ApiErr::no_tag(tag))?;
        Ok(self.tag_view(org, r, t, true))
    }

    pub fn delete_tag(&mut self, org: &str, repo: &str, tag: &str) -> Res<()> {
        let r = self.repo_mut(org, repo)?;
        if r.tags.remove(tag).is_none() {
            return Err(ApiErr::no_tag(tag));
        }
        r.updated = Utc::now();
        let key = format!("{org}/{repo}:{tag}");
        *self.tag_deletes.entry(key.clone()).or_default() += 1;
        self.log(format!("DELETE {key}"));
        Ok(())
    }

    /// Retag: the destination points at the source's image.
    pub fn retag(&mut self, org: &str, repo: &str, body: &model::CreateTag) -> Res<()> {
        if !valid_tag_name(&body.destination_tag) {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4000014",
                format!("invalid tag name: {}", body.destination_tag),
            ));
        }
        let id = self.next_tag_id();
        let r = self.repo_mut(org, repo)?;
        let source = r
            .tags
            .get(&body.source_tag)
            .cloned()
            .ok_or_else(|| ApiErr::no_tag(&body.source_tag))?;
        if r.tags.get(&body.destination_tag).is_some() && !body.r#override.unwrap_or(false) {
            return Err(ApiErr::new(
                409,
                "SVCSTG.SWR.4090006",
                format!("tag {} already exists", body.destination_tag),
            ));
        }
        let now = Utc::now();
        let mut tag = source;
        tag.id = id;
        tag.name = body.destination_tag.clone();
        tag.created = now;
        tag.updated = now;
        r.tags.upsert(tag);
        r.updated = now;
        self.log(format!(
            "POST {org}/{repo}:{} -> {}",
            body.source_tag, body.destination_tag
        ));
        // A new tag is what automatic sync rules act on.
        self.sync_new_tag(org, repo, &body.destination_tag);
        Ok(())
    }
}
