//! Realistic data the emulator makes up for what a seed leaves out: digests, sizes, manifests.
//! Deterministic (derived by hashing), and cheap, since a seed may ask for 100,000 tags.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use super::tag_store::TagRec;

/// Appends the lower-case hex of `bytes`.
fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut buf = [0u8; 64];
    for (pair, &b) in buf.chunks_exact_mut(2).zip(bytes) {
        pair[0] = DIGITS[usize::from(b >> 4)];
        pair[1] = DIGITS[usize::from(b & 15)];
    }
    let len = (bytes.len() * 2).min(buf.len());
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&buf[..len]).unwrap_or_default());
}

/// Lower-case hex of the SHA-256 of `data`.
pub fn sha256_hex(data: &str) -> String {
    let mut out = String::with_capacity(64);
    push_hex(&mut out, &Sha256::digest(data.as_bytes()));
    out
}

/// `sha256:` and the hex SHA-256 of `parts` joined (no intermediate string).
fn digest_of(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
    }
    let mut out = String::with_capacity(71);
    out.push_str("sha256:");
    push_hex(&mut out, &hasher.finalize());
    out
}

/// Deterministic digest of an image that was pushed as `org/repo:tag`.
pub fn default_digest(org: &str, repo: &str, tag: &str) -> String {
    digest_of(&[org, "/", repo, ":", tag])
}

/// A plausible compressed image size (5–250 MB) derived from the digest.
pub fn default_size(digest: &str) -> i64 {
    let hash = Sha256::digest(digest.as_bytes());
    let n = i64::from(u32::from_be_bytes([hash[0], hash[1], hash[2], hash[3]]));
    5_000_000 + n % 245_000_000
}

/// A schema-2 Docker manifest with a config and 2–5 layers whose sizes add up to `size`.
pub fn manifest_for(digest: &str, size: i64) -> String {
    let h = sha256_hex(&format!("manifest:{digest}"));
    let layers = 2 + (usize::from(h.as_bytes()[0]) % 4);
    let config_size = 1_500 + i64::from(h.as_bytes()[1]) * 10;
    let mut remaining = (size - config_size).max(layers as i64);
    let mut out = String::with_capacity(200 + 150 * layers);
    // Keys in the order serde_json's default map writes them (sorted), as before.
    let _ = write!(
        out,
        r#"{{"config":{{"digest":"{}","mediaType":"application/vnd.docker.container.image.v1+json","size":{config_size}}},"layers":["#,
        digest_of(&["config:", digest])
    );
    for i in 0..layers {
        let part = if i + 1 == layers {
            remaining
        } else {
            let share = remaining / 2;
            remaining -= share;
            share
        };
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            r#"{{"digest":"{}","mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":{part}}}"#,
            digest_of(&["layer", &i.to_string(), ":", digest])
        );
    }
    out.push_str(
        r#"],"mediaType":"application/vnd.docker.distribution.manifest.v2+json","schemaVersion":2}"#,
    );
    out
}

/// A made-up manifest as a JSON string literal: it holds no backslash or control character
/// (see [`manifest_for`]), so escaping it is quoting its quotes.
fn literal(manifest: &str) -> Box<RawValue> {
    RawValue::from_string(format!("\"{}\"", manifest.replace('"', "\\\"")))
        .unwrap_or_else(|_| TagRec::json_string(manifest))
}

/// Fresh tag data for a digest pushed at `when`.
pub fn tag_record(id: i64, name: &str, digest: String, size: i64, when: DateTime<Utc>) -> TagRec {
    let manifest = manifest_for(&digest, size);
    TagRec {
        id,
        name: name.to_string(),
        image_id: digest_of(&["image:", &digest])["sha256:".len()..].to_string(),
        manifest_json: literal(&manifest),
        manifest,
        digest,
        size,
        created: when,
        updated: when,
        tag_type: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The manifest as first written, with `serde_json::json!`: the fast one must equal it.
    fn reference_manifest(digest: &str, size: i64) -> serde_json::Value {
        let h = sha256_hex(&format!("manifest:{digest}"));
        let layers = 2 + (usize::from(h.as_bytes()[0]) % 4);
        let config_size = 1_500 + i64::from(h.as_bytes()[1]) * 10;
        let mut remaining = (size - config_size).max(layers as i64);
        let mut layer_json = Vec::new();
        for i in 0..layers {
            let part = if i + 1 == layers {
                remaining
            } else {
                let share = remaining / 2;
                remaining -= share;
                share
            };
            layer_json.push(serde_json::json!({
                "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                "size": part,
                "digest": format!("sha256:{}", sha256_hex(&format!("layer{i}:{digest}"))),
            }));
        }
        serde_json::json!({
            "schemaVersion": 2,
            "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
            "config": {
                "mediaType": "application/vnd.docker.container.image.v1+json",
                "size": config_size,
                "digest": format!("sha256:{}", sha256_hex(&format!("config:{digest}"))),
            },
            "layers": layer_json,
        })
    }

    #[test]
    fn generated_data_is_what_it_always_was() {
        use sha2::{Digest as _, Sha256};
        let digest = default_digest("demo", "team/web", "1.0");
        assert_eq!(
            digest,
            format!(
                "sha256:{}",
                hex::encode(Sha256::digest(b"demo/team/web:1.0"))
            )
        );
        let h = hex::encode(Sha256::digest(digest.as_bytes()));
        assert_eq!(
            default_size(&digest),
            5_000_000 + i64::from_str_radix(&h[..8], 16).unwrap() % 245_000_000
        );
        for size in [0, 1, 1_600, 48_123_456] {
            let fast: serde_json::Value =
                serde_json::from_str(&manifest_for(&digest, size)).unwrap();
            assert_eq!(fast, reference_manifest(&digest, size), "size {size}");
        }
        let tag = tag_record(1, "1.0", digest.clone(), 5, DateTime::<Utc>::UNIX_EPOCH);
        assert_eq!(tag.image_id, sha256_hex(&format!("image:{digest}")));
        let literal: String = serde_json::from_str(tag.manifest_json.get()).unwrap();
        assert_eq!(literal, tag.manifest, "the escaped form says the same");
    }
}
