//! Multi-arch tags: the platforms of a manifest list (`manifests[]` of the tag's manifest, as
//! the management API returns it), for the tag list's marker, the detail view and per-platform
//! pull commands. The manifest comes from the server: parsed leniently, counts capped, and a
//! platform string is kept only in the form `docker --platform` takes
//! (`os/architecture[/variant]`, each part `[a-z0-9_.-]`), so it can go into a copied command.

use serde::Deserialize;

use super::detail::Detail;
use super::digest::Digest;
use super::format::size;
use super::text::sanitize;

/// At most this many platforms are kept from one list (a hostile server may send any number).
pub const MAX_PLATFORMS: usize = 64;
/// A platform part longer than this is refused.
const MAX_PART: usize = 32;

/// One platform's image of a multi-arch tag.
#[derive(Debug, Clone, PartialEq)]
pub struct PlatformImage {
    /// `linux/arm64/v8`; `None` when the server's platform is missing or malformed.
    pub platform: Option<Box<str>>,
    /// The child manifest's digest (what `docker pull …@digest` names).
    pub digest: Digest,
    /// The child manifest's size in bytes (a manifest list gives no image sizes).
    pub size: i64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct List {
    manifests: Vec<serde_json::Value>,
}

/// The platforms of a manifest list; none for anything else (a plain manifest, bad JSON).
pub fn platforms(manifest: &str) -> Box<[PlatformImage]> {
    // Cheap test first: a row is built per tag, and most manifests are not lists.
    if !manifest.contains("\"manifests\"") {
        return Box::default();
    }
    let Ok(list) = serde_json::from_str::<List>(manifest) else {
        return Box::default();
    };
    list.manifests
        .iter()
        .take(MAX_PLATFORMS)
        .map(|m| PlatformImage {
            platform: m.get("platform").and_then(label),
            digest: Digest::parse(m.get("digest").and_then(|d| d.as_str()).unwrap_or("")),
            size: m.get("size").and_then(|s| s.as_i64()).unwrap_or(0).max(0),
        })
        .collect()
}

/// `os/architecture[/variant]` of a manifest list entry's `platform`, if every part is safe.
fn label(platform: &serde_json::Value) -> Option<Box<str>> {
    let part = |key: &str| platform.get(key).and_then(|v| v.as_str()).unwrap_or("");
    let (os, arch, variant) = (part("os"), part("architecture"), part("variant"));
    let text = if variant.is_empty() {
        format!("{os}/{arch}")
    } else {
        format!("{os}/{arch}/{variant}")
    };
    valid_platform(&text).then(|| text.into_boxed_str())
}

/// Whether `text` is `os/architecture[/variant]` of `[a-z0-9_.-]` parts: safe in a shell
/// command without quoting.
pub fn valid_platform(text: &str) -> bool {
    let parts: Vec<&str> = text.split('/').collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= MAX_PART
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_.-".contains(&b))
        })
}

/// The detail view's lines for a multi-arch tag: one per platform, with its digest, its
/// manifest's size and what `layers` says of its layers (given the platform's position). One
/// line each, so three platforms fit an 80-column popup and the wide panel.
pub fn detail_lines(images: &[PlatformImage], layers: impl Fn(usize) -> String) -> Vec<Detail> {
    if images.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Detail::Heading(format!(
        "Platforms ({}) — manifest list: digest, manifest size, layers",
        images.len()
    ))];
    lines.extend(images.iter().enumerate().map(|(i, p)| {
        let name = p.platform.as_deref().map_or("?".to_string(), sanitize);
        Detail::Item(
            format!("  {name:<16}"),
            format!("{}  {}  {}", p.digest.short(), size(p.size), layers(i)),
        )
    }));
    lines
}
