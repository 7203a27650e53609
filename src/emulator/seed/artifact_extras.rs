//! The optional artifact keys that extend the pinned seed format: `platforms` (makes the
//! artifact a manifest list with one child per platform) and `vulnerabilities` (makes it
//! scanned, with that many findings per severity). A broken value is an error naming its path
//! (`….artifacts[2].platforms[1]: …`).

use std::collections::BTreeMap;

use super::{SeedError, err};
use crate::emulator::state::{ArtifactExtras, SEVERITIES, SeverityCounts};
use crate::swr::enterprise::{
    DOCKER_MANIFEST_LIST_MEDIA_TYPE, Platform, is_manifest_list_media_type,
};

/// The most platforms one manifest list may be seeded with.
const MAX_PLATFORMS: usize = 32;
/// The most findings one artifact may be seeded with (they are generated on every request).
const MAX_FINDINGS: u64 = 10_000;

/// The extras of one seeded artifact, checked; `at` is the artifact's path.
pub(super) fn extras(
    platforms: Option<&[String]>,
    vulnerabilities: Option<&BTreeMap<String, u64>>,
    at: &str,
) -> Result<ArtifactExtras, SeedError> {
    Ok(ArtifactExtras {
        platforms: match platforms {
            Some(list) => parse_platforms(list, &format!("{at}.platforms"))?,
            None => Vec::new(),
        },
        vulnerabilities: vulnerabilities
            .map(|counts| severity_counts(counts, &format!("{at}.vulnerabilities")))
            .transpose()?,
    })
}

/// The media type of a seeded artifact: a manifest list's when it has platforms (then a
/// given media type must be one too), else the given one or `default`.
pub(super) fn media_type(
    given: Option<&str>,
    extras: &ArtifactExtras,
    default: &str,
    at: &str,
) -> Result<String, SeedError> {
    match given {
        Some(t) if !extras.platforms.is_empty() && !is_manifest_list_media_type(t) => Err(err(
            &format!("{at}.media_type"),
            format!("{t:?} is no manifest list, but the artifact has platforms"),
        )),
        Some(t) => Ok(t.to_string()),
        None if extras.platforms.is_empty() => Ok(default.to_string()),
        None => Ok(DOCKER_MANIFEST_LIST_MEDIA_TYPE.to_string()),
    }
}

pub(super) fn parse_platforms(list: &[String], at: &str) -> Result<Vec<Platform>, SeedError> {
    if list.is_empty() {
        return Err(err(at, "must name at least one platform"));
    }
    if list.len() > MAX_PLATFORMS {
        return Err(err(at, format!("at most {MAX_PLATFORMS} platforms")));
    }
    let mut platforms: Vec<Platform> = Vec::with_capacity(list.len());
    for (i, text) in list.iter().enumerate() {
        let at = format!("{at}[{i}]");
        let platform = parse_platform(text).map_err(|why| err(&at, why))?;
        if platforms.contains(&platform) {
            return Err(err(&at, format!("duplicate platform {text}")));
        }
        platforms.push(platform);
    }
    Ok(platforms)
}

/// `os/architecture[/variant]`, each part lower-case letters, digits, `.`, `_` or `-`.
fn parse_platform(text: &str) -> Result<Platform, String> {
    let parts: Vec<&str> = text.split('/').collect();
    let well_formed = (2..=3).contains(&parts.len())
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        });
    if !well_formed {
        return Err(format!(
            "{text:?} is not os/architecture[/variant] (like linux/arm64/v8)"
        ));
    }
    Ok(Platform {
        os: parts[0].into(),
        architecture: parts[1].into(),
        variant: parts.get(2).map_or_else(String::new, |v| v.to_string()),
    })
}

fn severity_counts(counts: &BTreeMap<String, u64>, at: &str) -> Result<SeverityCounts, SeedError> {
    let mut out = SeverityCounts::default();
    for (key, &count) in counts {
        let slot = SEVERITIES
            .iter()
            .position(|s| {
                s.eq_ignore_ascii_case(key) && key.bytes().all(|b| b.is_ascii_lowercase())
            })
            .ok_or_else(|| {
                err(
                    &format!("{at}.{key}"),
                    "is not one of critical, high, medium, low, none",
                )
            })?;
        out.0[slot] = count;
    }
    if out.0.iter().sum::<u64>() > MAX_FINDINGS {
        return Err(err(at, format!("at most {MAX_FINDINGS} findings in all")));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::emulator::Seed;
    use crate::swr::enterprise::{DOCKER_MANIFEST_LIST_MEDIA_TYPE, NATIVE_REPORT_MIME};

    fn seed(artifact: &str) -> Result<crate::emulator::state::State, String> {
        Seed::from_json(&format!(
            r#"{{"instances":[{{"name":"ee","namespaces":[{{"name":"ns","repos":[{{"name":"r","artifacts":[{artifact}]}}]}}]}}]}}"#
        ))
        .map_err(|e| e.to_string())?
        .build_state("cn-north-4", "p")
        .map_err(|e| e.to_string())
    }

    #[test]
    fn platforms_and_vulnerabilities_load() {
        let st = seed(
            r#"{"tags":["multi"],"platforms":["linux/amd64","linux/arm64/v8"]},
               {"tags":["scanned"],"vulnerabilities":{"critical":1,"high":2,"medium":3,"low":4,"none":0}},
               {"tags":["clean"],"vulnerabilities":{}}"#,
        )
        .unwrap();
        let multi = st
            .show_instance_artifact("ee", "ns", "r", "multi", false)
            .unwrap();
        assert_eq!(multi.media_type, DOCKER_MANIFEST_LIST_MEDIA_TYPE);
        assert!(multi.is_manifest_list());
        let labels: Vec<String> = multi
            .references
            .iter()
            .filter_map(|r| r.platform.as_ref().map(|p| p.label()))
            .collect();
        assert_eq!(labels, ["linux/amd64", "linux/arm64/v8"]);
        assert!(multi.references.iter().all(|r| r.child_digest.len() == 71));
        let reports = st
            .artifact_vulnerabilities("ee", "ns", "r", "scanned")
            .unwrap();
        let report = &reports[NATIVE_REPORT_MIME];
        assert_eq!(report.vulnerabilities.len(), 10);
        assert_eq!(report.severity, "Critical");
        let clean = st
            .show_instance_artifact("ee", "ns", "r", "clean", true)
            .unwrap();
        let overview = &clean.scan_overview.unwrap()[NATIVE_REPORT_MIME];
        assert_eq!(
            (overview.scan_status.as_str(), overview.severity.as_str()),
            ("Success", "None")
        );
        assert_eq!(overview.summary.as_ref().unwrap().total, 0);
        let plain = st
            .artifact_vulnerabilities("ee", "ns", "r", "multi")
            .unwrap();
        assert!(plain.is_empty(), "never scanned: no report");
    }

    #[test]
    fn broken_extras_name_the_problem() {
        let cases = [
            (r#"{"platforms":[]}"#, "artifacts[0].platforms: must name"),
            (r#"{"platforms":["linux"]}"#, "artifacts[0].platforms[0]"),
            (
                r#"{"platforms":["linux/amd64","linux/amd64"]}"#,
                "artifacts[0].platforms[1]: duplicate",
            ),
            (
                r#"{"platforms":["Linux/AMD64"]}"#,
                "artifacts[0].platforms[0]",
            ),
            (
                r#"{"platforms":["linux/arm/v7/x"]}"#,
                "artifacts[0].platforms[0]",
            ),
            (
                r#"{"platforms":["linux//v7"]}"#,
                "artifacts[0].platforms[0]",
            ),
            (
                r#"{"platforms":["linux/amd64"],"media_type":"application/vnd.oci.image.manifest.v1+json"}"#,
                "artifacts[0].media_type",
            ),
            (
                r#"{"vulnerabilities":{"severe":1}}"#,
                "artifacts[0].vulnerabilities.severe",
            ),
            (
                r#"{"vulnerabilities":{"High":1}}"#,
                "artifacts[0].vulnerabilities.High",
            ),
            (r#"{"vulnerabilities":{"high":-1}}"#, "invalid value"),
            (
                r#"{"vulnerabilities":{"high":10001}}"#,
                "artifacts[0].vulnerabilities: at most",
            ),
            (r#"{"vulnerabilities":[1]}"#, "invalid type"),
        ];
        for (artifact, needle) in cases {
            let e = seed(artifact).unwrap_err();
            assert!(e.contains(needle), "{artifact}: {e}");
        }
    }
}
