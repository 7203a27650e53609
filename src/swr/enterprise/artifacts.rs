//! Wire models of enterprise artifacts, their tags, scan results and build history
//! (E13, E15–E19, E21). Keys are the official SDK's; `references` is Harbor's key for the
//! children of a manifest list (SWR EE is Harbor-based), which the SDK ignores. Every model
//! reads with `#[serde(default)]`, numbers leniently, so a partial or odd body still parses.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::lenient_count;

/// The media type of an OCI image index (a multi-platform image).
pub const OCI_INDEX_MEDIA_TYPE: &str = "application/vnd.oci.image.index.v1+json";
/// The media type of a Docker manifest list (a multi-platform image).
pub const DOCKER_MANIFEST_LIST_MEDIA_TYPE: &str =
    "application/vnd.docker.distribution.manifest.list.v2+json";
/// The `addition` of E21 that answers the build history.
pub const BUILD_HISTORY_ADDITION: &str = "build_history";
/// The report MIME type Harbor's scanners answer under (the key of `scan_overview`, E19).
pub const NATIVE_REPORT_MIME: &str = "application/vnd.security.vulnerability.report; version=1.1";

/// One tag as an artifact carries it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArtifactTag {
    pub id: i64,
    pub repository_id: i64,
    pub artifact_id: i64,
    pub name: String,
    pub push_time: String,
    pub pull_time: String,
}

/// The platform of one child of a manifest list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Platform {
    pub architecture: String,
    pub os: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub variant: String,
}

impl Platform {
    /// `os/architecture[/variant]`, as `docker` writes a platform (`linux/arm64/v8`).
    pub fn label(&self) -> String {
        let mut label = format!("{}/{}", self.os, self.architecture);
        if !self.variant.is_empty() {
            label.push('/');
            label.push_str(&self.variant);
        }
        label
    }
}

/// One child manifest of a manifest list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArtifactReference {
    pub child_digest: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
}

/// Who scanned.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scanner {
    pub name: String,
    pub vendor: String,
    pub version: String,
}

/// How many vulnerabilities a scan found, in all and per severity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScanSummary {
    #[serde(deserialize_with = "lenient_count")]
    pub total: u64,
    #[serde(deserialize_with = "lenient_count")]
    pub fixable: u64,
    #[serde(deserialize_with = "lenient_counts")]
    pub summary: BTreeMap<String, u64>,
}

/// One scan report's overview (`NativeReportSummary` in the SDK). `scan_status` is `Pending`,
/// `Running`, `Error` or `Success`; `severity` `None`…`Critical`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScanOverview {
    pub report_id: String,
    pub scan_status: String,
    pub severity: String,
    #[serde(deserialize_with = "lenient_int")]
    pub duration: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<ScanSummary>,
    pub start_time: String,
    pub end_time: String,
    #[serde(deserialize_with = "lenient_int")]
    pub complete_percent: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scanner: Option<Scanner>,
}

/// An artifact (an item of E13, or E15 with `scan_overview` when asked for).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Artifact {
    pub id: i64,
    pub digest: String,
    pub repository_id: i64,
    pub repository_name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub namespace_id: i64,
    pub media_type: String,
    pub manifest_media_type: String,
    pub pull_time: String,
    pub push_time: String,
    #[serde(deserialize_with = "lenient_count")]
    pub size: u64,
    pub tags: Vec<ArtifactTag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scan_overview: Option<BTreeMap<String, ScanOverview>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<ArtifactReference>,
}

impl Artifact {
    /// Whether this is a multi-platform image (an OCI index or a Docker manifest list).
    pub fn is_manifest_list(&self) -> bool {
        [&self.media_type, &self.manifest_media_type]
            .iter()
            .any(|t| is_manifest_list_media_type(t))
    }

    /// The tag `name` of this artifact as E17 lists it.
    pub fn instance_tag(&self, tag: &ArtifactTag) -> InstanceTag {
        InstanceTag {
            name: tag.name.clone(),
            artifact_id: self.id,
            digest: self.digest.clone(),
            id: tag.id,
            repository_id: self.repository_id,
            kind: self.kind.clone(),
            namespace_id: self.namespace_id,
            media_type: self.media_type.clone(),
            manifest_media_type: self.manifest_media_type.clone(),
            pull_time: tag.pull_time.clone(),
            push_time: tag.push_time.clone(),
            size: self.size,
        }
    }
}

/// Whether a media type names a multi-platform image.
pub fn is_manifest_list_media_type(media_type: &str) -> bool {
    media_type == OCI_INDEX_MEDIA_TYPE || media_type == DOCKER_MANIFEST_LIST_MEDIA_TYPE
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArtifactList {
    pub artifacts: Vec<Artifact>,
    #[serde(deserialize_with = "lenient_count")]
    pub total: u64,
}

/// One tag of a repository (`RepositoryTag`, an item of E17).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstanceTag {
    pub name: String,
    pub artifact_id: i64,
    pub digest: String,
    pub id: i64,
    pub repository_id: i64,
    #[serde(rename = "type")]
    pub kind: String,
    pub namespace_id: i64,
    pub media_type: String,
    pub manifest_media_type: String,
    pub pull_time: String,
    pub push_time: String,
    #[serde(deserialize_with = "lenient_count")]
    pub size: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstanceTagList {
    pub tags: Vec<InstanceTag>,
    #[serde(deserialize_with = "lenient_count")]
    pub total: u64,
}

/// A vulnerability's preferred CVSS scores.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreferredCvss {
    #[serde(deserialize_with = "lenient_score")]
    pub score_v3: f64,
    #[serde(deserialize_with = "lenient_score")]
    pub score_v2: f64,
    pub vector_v3: String,
    pub vector_v2: String,
}

/// One vulnerability a scan found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Vulnerability {
    pub id: String,
    pub package: String,
    pub version: String,
    pub fix_version: String,
    pub severity: String,
    pub description: String,
    pub links: Vec<String>,
    pub artifact_digests: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_cvss: Option<PreferredCvss>,
    pub cwe_ids: Vec<String>,
}

/// One scan report (the values of E19's map, keyed by report MIME type).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VulnerabilityReports {
    pub generated_at: String,
    pub severity: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scanner: Option<Scanner>,
    pub vulnerabilities: Vec<Vulnerability>,
}

/// One step of an image's build history.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BuildHistory {
    /// The SDK says `created_at`; Terraform's provider reads `created` (Docker's key).
    #[serde(alias = "created")]
    pub created_at: String,
    pub created_by: String,
    pub empty_layer: bool,
    #[serde(rename = "mediaType")]
    pub media_type: String,
    #[serde(deserialize_with = "lenient_count")]
    pub size: u64,
    pub digest: String,
}

/// E21 with addition `build_history`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BuildHistoryList {
    pub build_histories: Vec<BuildHistory>,
    #[serde(deserialize_with = "lenient_count")]
    pub total: u64,
}

/// Checks an artifact digest before it goes into a path: `sha256:` and 64 lower-case hex digits.
pub fn validate_digest(digest: &str) -> Result<(), String> {
    let hex = digest
        .strip_prefix("sha256:")
        .ok_or_else(|| format!("digest {digest:?} must start with \"sha256:\""))?;
    let well_formed =
        hex.len() == 64 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if well_formed {
        Ok(())
    } else {
        Err(format!(
            "digest {digest:?} must be \"sha256:\" and 64 lower-case hex digits"
        ))
    }
}

/// A signed integer however the body writes it (fractions cut, text parsed, anything else 0).
fn lenient_int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n
            .as_i64()
            .unwrap_or_else(|| n.as_f64().map_or(0, |f| f as i64)),
        Value::String(s) => s.trim().parse().unwrap_or(0),
        _ => 0,
    })
}

/// A score however the body writes it (a number, a number in a string, else 0).
fn lenient_score<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_f64().unwrap_or(0.0),
        Value::String(s) => s.trim().parse().unwrap_or(0.0),
        _ => 0.0,
    })
}

/// A map of counts; a value that is no count reads as 0, a body that is no map as empty.
fn lenient_counts<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, u64>, D::Error> {
    let Value::Object(map) = Value::deserialize(d)? else {
        return Ok(BTreeMap::new());
    };
    Ok(map
        .into_iter()
        .map(|(key, value)| (key, lenient_count(value).unwrap_or(0)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIGEST: &str = "sha256:00000000000000000000000000000000000000000000000000000000000000aa";

    #[test]
    fn artifacts_parse_partial_and_odd_bodies() {
        let list: ArtifactList = serde_json::from_str(
            r#"{"artifacts":[{"digest":"d","type":"IMAGE","size":"12","tags":[{"name":"v1"}],
                "media_type":"application/vnd.docker.distribution.manifest.list.v2+json",
                "references":[{"child_digest":"c","platform":{"os":"linux","architecture":"arm64","variant":"v8"}}],
                "scan_overview":{"m":{"scan_status":"Success","duration":1.5,
                  "summary":{"total":3,"fixable":"1","summary":{"High":2,"Low":"x"}}}},
                "extra":true},{}],"total":2.0}"#,
        )
        .unwrap();
        assert_eq!(list.total, 2);
        let first = &list.artifacts[0];
        assert_eq!((first.kind.as_str(), first.size), ("IMAGE", 12));
        assert!(first.is_manifest_list());
        assert!(!list.artifacts[1].is_manifest_list());
        let platform = first.references[0].platform.as_ref().unwrap();
        assert_eq!(platform.label(), "linux/arm64/v8");
        let overview = &first.scan_overview.as_ref().unwrap()["m"];
        assert_eq!(overview.duration, 1);
        let summary = overview.summary.as_ref().unwrap();
        assert_eq!((summary.total, summary.fixable), (3, 1));
        assert_eq!(summary.summary["High"], 2);
        assert_eq!(summary.summary["Low"], 0);
    }

    #[test]
    fn build_history_reads_created_and_media_type() {
        let list: BuildHistoryList = serde_json::from_str(
            r#"{"build_histories":[{"created":"2026-01-01T00:00:00Z","mediaType":"m","size":4},
                {"created_at":"c","empty_layer":true}],"total":2}"#,
        )
        .unwrap();
        assert_eq!(list.build_histories[0].created_at, "2026-01-01T00:00:00Z");
        assert_eq!(list.build_histories[0].media_type, "m");
        assert!(list.build_histories[1].empty_layer);
        let text = serde_json::to_string(&list.build_histories[0]).unwrap();
        assert!(text.contains(r#""mediaType":"m""#) && text.contains(r#""created_at""#));
    }

    #[test]
    fn tags_write_type_and_platforms_label_without_variant() {
        let tag = InstanceTag {
            kind: "IMAGE".into(),
            ..InstanceTag::default()
        };
        assert!(
            serde_json::to_string(&tag)
                .unwrap()
                .contains(r#""type":"IMAGE""#)
        );
        let platform = Platform {
            architecture: "amd64".into(),
            os: "linux".into(),
            variant: String::new(),
        };
        assert_eq!(platform.label(), "linux/amd64");
    }

    #[test]
    fn digests_are_checked() {
        assert!(validate_digest(DIGEST).is_ok());
        for bad in [
            "",
            "sha256:",
            "sha512:00",
            DIGEST.to_uppercase().as_str(),
            &DIGEST[..DIGEST.len() - 1],
            format!("{DIGEST}0").as_str(),
            "sha256:../../../../../../../../../../../../../../../../../../../../../../..",
        ] {
            assert!(validate_digest(bad).is_err(), "{bad:?}");
        }
    }
}
