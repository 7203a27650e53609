//! List items as they are on the wire, borrowed from the bytes of their page: what the UI's
//! rows are built from, without first copying every field into an owned model. A 1,000-tag
//! page is about 1 MB, most of it manifests and addresses that a row keeps a few bytes of.
//!
//! Lenient like the owned models: missing keys and JSON `null` read as empty or zero; unknown
//! keys are skipped.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, Visitor};

/// An element of a tag list (v2 `Tag` or v3 `tag`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct TagEntry<'a> {
    #[serde(alias = "Tag", borrow, deserialize_with = "text")]
    pub tag: Cow<'a, str>,
    #[serde(borrow, deserialize_with = "text")]
    pub digest: Cow<'a, str>,
    #[serde(deserialize_with = "number")]
    pub size: i64,
    #[serde(borrow, deserialize_with = "text")]
    pub created: Cow<'a, str>,
    #[serde(borrow, deserialize_with = "text")]
    pub updated: Cow<'a, str>,
    #[serde(borrow, deserialize_with = "text")]
    pub path: Cow<'a, str>,
    #[serde(borrow, deserialize_with = "text")]
    pub internal_path: Cow<'a, str>,
    /// The image manifest, itself a JSON document inside the string.
    #[serde(borrow, deserialize_with = "text")]
    pub manifest: Cow<'a, str>,
}

/// What a manifest tells about layers (schema 2 and OCI manifests; an index has none).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ManifestEntry<'a> {
    #[serde(borrow)]
    pub layers: Vec<LayerEntry<'a>>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct LayerEntry<'a> {
    #[serde(borrow, deserialize_with = "text")]
    pub digest: Cow<'a, str>,
    #[serde(deserialize_with = "number")]
    pub size: i64,
}

/// An element of the v2 repository list; the tag names it carries are skipped.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct RepoEntry<'a> {
    #[serde(borrow, deserialize_with = "text")]
    pub name: Cow<'a, str>,
    #[serde(borrow, deserialize_with = "text")]
    pub category: Cow<'a, str>,
    #[serde(borrow, deserialize_with = "text")]
    pub description: Cow<'a, str>,
    #[serde(deserialize_with = "number")]
    pub size: i64,
    #[serde(deserialize_with = "flag")]
    pub is_public: bool,
    #[serde(deserialize_with = "number")]
    pub num_images: i64,
    #[serde(deserialize_with = "number")]
    pub num_download: i64,
    #[serde(borrow, deserialize_with = "text")]
    pub created_at: Cow<'a, str>,
    #[serde(borrow, deserialize_with = "text")]
    pub updated_at: Cow<'a, str>,
    #[serde(borrow, deserialize_with = "text")]
    pub path: Cow<'a, str>,
    #[serde(borrow, deserialize_with = "text")]
    pub internal_path: Cow<'a, str>,
}

/// A string, borrowed when it has no escapes; `null` is empty.
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'de, str>, D::Error> {
    struct Text;
    impl<'de> Visitor<'de> for Text {
        type Value = Cow<'de, str>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string or null")
        }
        fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_string()))
        }
        fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v))
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(""))
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(""))
        }
    }
    d.deserialize_any(Text)
}

/// An integer; `null` is 0.
fn number<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(Option::<i64>::deserialize(d)?.unwrap_or_default())
}

/// A boolean; `null` is false.
fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_borrow_unless_escaped_and_nulls_are_empty() {
        let page =
            br#"[{"Tag":"v1","digest":null,"size":null,"manifest":"{\"layers\":[]}","extra":[1]},
                        {"tag":"v2","size":7}]"#;
        let entries: Vec<TagEntry> = serde_json::from_slice(page).unwrap();
        assert!(matches!(entries[0].tag, Cow::Borrowed("v1")));
        assert_eq!((entries[0].digest.as_ref(), entries[0].size), ("", 0));
        assert!(matches!(entries[0].manifest, Cow::Owned(_)));
        assert_eq!(entries[0].manifest, r#"{"layers":[]}"#);
        assert_eq!((entries[1].tag.as_ref(), entries[1].size), ("v2", 7));
    }

    #[test]
    fn repositories_skip_their_tag_names() {
        let page =
            br#"[{"name":"web","is_public":null,"num_images":2,"tags":["a","b"],"total_range":5}]"#;
        let entries: Vec<RepoEntry> = serde_json::from_slice(page).unwrap();
        assert_eq!(
            (
                entries[0].name.as_ref(),
                entries[0].is_public,
                entries[0].num_images
            ),
            ("web", false, 2)
        );
    }
}
