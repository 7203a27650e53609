//! Multi-arch tags of the shared edition: a Docker manifest list (`tag_type` 1) whose entries
//! point at one schema-2 child manifest per platform. Children are real made-up manifests (see
//! [`manifest_for`]); each entry's `digest` is the SHA-256 of its child's bytes and its `size`
//! the child's length, as in a real registry. Deterministic, like every fixture.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use super::fixtures::{manifest_for, sha256_hex, tag_record};
use super::tag_store::TagRec;
use crate::swr::enterprise::{DOCKER_MANIFEST_LIST_MEDIA_TYPE, Platform};

/// `tag_type` of a manifest list (SDK ShowReposTagRespV3: 0 = manifest, 1 = manifest list).
pub const TAG_TYPE_MANIFEST_LIST: i64 = 1;
const CHILD_MEDIA_TYPE: &str = "application/vnd.docker.distribution.manifest.v2+json";

/// One platform's child manifest of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Child {
    pub platform: Platform,
    pub digest: String,
    pub manifest: String,
}

/// The children of the list of image `digest` (total image size `size`), one per platform,
/// each with an equal share of the size.
pub fn children(digest: &str, size: i64, platforms: &[Platform]) -> Vec<Child> {
    let share = size / (platforms.len().max(1) as i64);
    platforms
        .iter()
        .map(|p| {
            let key = format!("child:{digest}:{}", p.label());
            let manifest = manifest_for(&key, share);
            Child {
                platform: p.clone(),
                digest: format!("sha256:{}", sha256_hex(&manifest)),
                manifest,
            }
        })
        .collect()
}

/// The manifest list JSON over `children`.
pub fn manifest_list(children: &[Child]) -> String {
    let mut out = String::with_capacity(100 + 250 * children.len());
    out.push_str(r#"{"manifests":["#);
    for (i, c) in children.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // The platform parts passed the seed's check (lower-case letters, digits, `._-`).
        let variant = if c.platform.variant.is_empty() {
            String::new()
        } else {
            format!(r#","variant":"{}""#, c.platform.variant)
        };
        let _ = write!(
            out,
            r#"{{"digest":"{}","mediaType":"{CHILD_MEDIA_TYPE}","platform":{{"architecture":"{}","os":"{}"{variant}}},"size":{}}}"#,
            c.digest,
            c.platform.architecture,
            c.platform.os,
            c.manifest.len()
        );
    }
    let _ = write!(
        out,
        r#"],"mediaType":"{DOCKER_MANIFEST_LIST_MEDIA_TYPE}","schemaVersion":2}}"#
    );
    out
}

/// The child manifest `digest` of the multi-arch tag `tag`, rebuilt from its list's platforms
/// (children are derived from the tag's digest and size, so they come out the same).
pub fn child_of(tag: &TagRec, digest: &str) -> Option<Child> {
    #[derive(serde::Deserialize)]
    struct Entry {
        #[serde(default)]
        platform: Platform,
    }
    #[derive(serde::Deserialize)]
    struct List {
        manifests: Vec<Entry>,
    }
    let list: List = serde_json::from_str(&tag.manifest).ok()?;
    let platforms: Vec<Platform> = list.manifests.into_iter().map(|e| e.platform).collect();
    children(&tag.digest, tag.size, &platforms)
        .into_iter()
        .find(|c| c.digest == digest)
}

/// Fresh data of a multi-arch tag: like [`tag_record`], with a manifest list for `platforms`.
pub fn multiarch_tag_record(
    id: i64,
    name: &str,
    digest: String,
    size: i64,
    when: DateTime<Utc>,
    platforms: &[Platform],
) -> TagRec {
    let mut tag = tag_record(id, name, digest, size, when);
    let list = manifest_list(&children(&tag.digest, size, platforms));
    tag.manifest_json = TagRec::json_string(&list);
    tag.manifest = list;
    tag.tag_type = TAG_TYPE_MANIFEST_LIST;
    tag
}

#[cfg(test)]
mod tests {
    use super::*;

    fn platforms() -> Vec<Platform> {
        ["linux/amd64", "linux/arm64/v8", "windows/amd64"]
            .iter()
            .map(|l| {
                let p: Vec<&str> = l.split('/').collect();
                Platform {
                    os: p[0].into(),
                    architecture: p[1].into(),
                    variant: p.get(2).map_or_else(String::new, |v| v.to_string()),
                }
            })
            .collect()
    }

    #[test]
    fn list_names_each_platform_with_its_childs_digest_and_size() {
        let digest = format!("sha256:{}", "a".repeat(64));
        let tag = multiarch_tag_record(
            1,
            "v1",
            digest.clone(),
            90_000_000,
            Utc::now(),
            &platforms(),
        );
        assert_eq!(tag.tag_type, 1);
        let v: serde_json::Value = serde_json::from_str(&tag.manifest).unwrap();
        assert_eq!(v["mediaType"], DOCKER_MANIFEST_LIST_MEDIA_TYPE);
        let entries = v["manifests"].as_array().unwrap();
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[1]["platform"]["variant"], "v8");
        assert!(entries[0]["platform"].get("variant").is_none());
        assert_eq!(entries[2]["platform"]["os"], "windows");
        let kids = children(&digest, 90_000_000, &platforms());
        for (e, c) in entries.iter().zip(&kids) {
            assert_eq!(e["digest"], c.digest.as_str());
            assert_eq!(e["size"], c.manifest.len());
            let child: serde_json::Value = serde_json::from_str(&c.manifest).unwrap();
            assert!(child["layers"].as_array().unwrap().len() >= 2);
        }
        let literal: String = serde_json::from_str(tag.manifest_json.get()).unwrap();
        assert_eq!(literal, tag.manifest);
        // Deterministic, and the digests differ per platform.
        assert_eq!(kids, children(&digest, 90_000_000, &platforms()));
        assert_ne!(kids[0].digest, kids[1].digest);
        // Found again from the tag alone, as the registry serves them.
        for c in &kids {
            assert_eq!(child_of(&tag, &c.digest).as_ref(), Some(c));
        }
        assert_eq!(child_of(&tag, &digest), None);
    }
}
