//! A repository's tags, looked up by name in O(1), with each sorted order the list calls ask
//! for built once and kept until the tags change: a page of a 100,000-tag list is a slice of a
//! ready index, not a sort.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Utc};
use serde_json::value::RawValue;

/// One tag as the emulator keeps it.
#[derive(Debug, Clone)]
pub struct TagRec {
    pub id: i64,
    pub name: String,
    pub digest: String,
    pub image_id: String,
    pub manifest: String,
    /// `manifest` as a JSON string literal, escaped once: pages copy it out verbatim.
    pub manifest_json: Box<RawValue>,
    pub size: i64,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// 0 = a manifest, 1 = a manifest list (multi-arch).
    pub tag_type: i64,
}

/// The columns tag lists sort by; ties are broken by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagOrder {
    Updated,
    Created,
    Name,
}

impl TagRec {
    /// `text` as a JSON string literal.
    pub fn json_string(text: &str) -> Box<RawValue> {
        // Serializing a string cannot fail; the fallback is only there to avoid a panic path.
        serde_json::value::to_raw_value(text).unwrap_or_default()
    }
}

impl TagOrder {
    const ALL: [TagOrder; 3] = [Self::Updated, Self::Created, Self::Name];

    /// The service's column names (several spellings appear across its documentation).
    pub fn from_column(column: &str) -> Option<Self> {
        Some(match column {
            "updated_at" | "updated_time" | "updated" => Self::Updated,
            "created_at" | "created_time" | "created" => Self::Created,
            "tag" | "name" => Self::Name,
            _ => return None,
        })
    }

    fn slot(self) -> usize {
        match self {
            Self::Updated => 0,
            Self::Created => 1,
            Self::Name => 2,
        }
    }

    pub fn compare(self, a: &TagRec, b: &TagRec) -> Ordering {
        match self {
            Self::Updated => a.updated.cmp(&b.updated),
            Self::Created => a.created.cmp(&b.created),
            Self::Name => Ordering::Equal,
        }
        .then_with(|| a.name.cmp(&b.name))
    }
}

/// Tags in no particular order, a name index, and lazily built ascending orders.
#[derive(Debug, Clone, Default)]
pub struct TagStore {
    tags: Vec<TagRec>,
    by_name: HashMap<String, usize>,
    /// Ascending positions into `tags` per [`TagOrder`]; reset by every change.
    sorted: [OnceLock<Arc<[u32]>>; 3],
    total_size: i64,
}

impl TagStore {
    /// The tags of a seed; the name of the first duplicate is the error.
    pub fn from_tags(tags: Vec<TagRec>) -> Result<Self, String> {
        let mut store = Self::default();
        store.tags.reserve(tags.len());
        store.by_name.reserve(tags.len());
        for tag in tags {
            store.insert(tag)?;
        }
        Ok(store)
    }

    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &TagRec> {
        self.tags.iter()
    }

    pub fn get(&self, name: &str) -> Option<&TagRec> {
        self.by_name.get(name).map(|&i| &self.tags[i])
    }

    /// Sum of the tags' sizes.
    pub fn total_size(&self) -> i64 {
        self.total_size
    }

    /// Adds a tag whose name is new; the name is the error when it is taken.
    pub fn insert(&mut self, tag: TagRec) -> Result<(), String> {
        match self.by_name.entry(tag.name.clone()) {
            Entry::Occupied(taken) => Err(taken.key().clone()),
            Entry::Vacant(slot) => {
                slot.insert(self.tags.len());
                self.total_size += tag.size;
                self.tags.push(tag);
                self.changed();
                Ok(())
            }
        }
    }

    /// Adds a tag or replaces the one of the same name.
    pub fn upsert(&mut self, tag: TagRec) {
        match self.by_name.get(&tag.name) {
            Some(&i) => {
                self.total_size += tag.size - self.tags[i].size;
                self.tags[i] = tag;
                self.changed();
            }
            None => {
                // Cannot fail: the name is not there.
                let _ = self.insert(tag);
            }
        }
    }

    pub fn remove(&mut self, name: &str) -> Option<TagRec> {
        let i = self.by_name.remove(name)?;
        let removed = self.tags.swap_remove(i);
        // The last tag moved into the hole: point its name there.
        if let Some(moved) = self.tags.get(i) {
            self.by_name.insert(moved.name.clone(), i);
        }
        self.total_size -= removed.size;
        self.changed();
        Some(removed)
    }

    fn changed(&mut self) {
        self.sorted = Default::default();
    }

    /// The tags in `order`, ascending (read it backwards for descending: ties by name reverse
    /// too, exactly as a descending sort orders them). Indices into [`TagStore::at`].
    pub fn sorted(&self, order: TagOrder) -> Arc<[u32]> {
        let index = self.sorted[order.slot()].get_or_init(|| {
            let mut index: Vec<u32> = (0..self.tags.len() as u32).collect();
            index.sort_unstable_by(|&a, &b| {
                order.compare(&self.tags[a as usize], &self.tags[b as usize])
            });
            index.into()
        });
        Arc::clone(index)
    }

    /// The tag at a position of a [`TagStore::sorted`] index.
    pub fn at(&self, position: u32) -> &TagRec {
        &self.tags[position as usize]
    }

    /// Builds every order now (after seeding, so no first request pays for it).
    pub fn prepare(&self) {
        for order in TagOrder::ALL {
            self.sorted(order);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: &str, minute: i64) -> TagRec {
        let at = DateTime::<Utc>::UNIX_EPOCH + chrono::Duration::minutes(minute);
        TagRec {
            id: minute,
            name: name.into(),
            digest: String::new(),
            image_id: String::new(),
            manifest: String::new(),
            manifest_json: TagRec::json_string(""),
            size: minute,
            created: at,
            updated: at,
            tag_type: 0,
        }
    }

    fn names(store: &TagStore, order: TagOrder, desc: bool) -> Vec<&str> {
        let index = store.sorted(order);
        let mut out: Vec<&str> = index.iter().map(|&i| store.at(i).name.as_str()).collect();
        if desc {
            out.reverse();
        }
        out
    }

    #[test]
    fn duplicates_are_refused_and_lookups_follow_removals() {
        let mut store = TagStore::from_tags(vec![tag("a", 1), tag("b", 2), tag("c", 3)]).unwrap();
        assert_eq!(
            TagStore::from_tags(vec![tag("a", 1), tag("a", 2)]).unwrap_err(),
            "a"
        );
        assert!(store.insert(tag("b", 9)).is_err());
        assert_eq!(store.remove("a").map(|t| t.id), Some(1));
        assert!(store.remove("a").is_none());
        // `c` moved into `a`'s place: still found by name.
        assert_eq!(store.get("c").map(|t| t.id), Some(3));
        assert_eq!(store.total_size(), 5);
        store.upsert(tag("b", 7));
        assert_eq!((store.len(), store.total_size()), (2, 10));
    }

    #[test]
    fn orders_are_rebuilt_after_changes() {
        let mut store = TagStore::from_tags(vec![tag("x", 3), tag("y", 1), tag("z", 2)]).unwrap();
        assert_eq!(names(&store, TagOrder::Updated, false), ["y", "z", "x"]);
        assert_eq!(names(&store, TagOrder::Name, true), ["z", "y", "x"]);
        store.remove("y");
        store.insert(tag("w", 0)).unwrap();
        assert_eq!(names(&store, TagOrder::Updated, false), ["w", "z", "x"]);
        assert_eq!(names(&store, TagOrder::Name, false), ["w", "x", "z"]);
    }
}
