//! An enterprise artifact's details for the tag detail view: media type, the platforms of a
//! manifest list, layers, scan status and findings by severity, build history. Loaded when a
//! tag's details are opened (one artifact at a time), built from the server's text once,
//! sanitized and bounded.

use super::detail::Detail;
use super::digest::Digest;
use super::format::size;
use super::msg::RequestId;
use super::text::{sanitize, truncate};
use crate::swr::enterprise::{Artifact, BuildHistory};

/// At most this many platforms, layers and history steps are kept (a hostile server may send
/// any number).
const LISTED: usize = 64;
/// A build step's command is cut to this many characters.
const STEP: usize = 120;

/// Severities as SWR names them, worst first.
const SEVERITIES: [&str; 7] = [
    "Critical",
    "High",
    "Medium",
    "Low",
    "Negligible",
    "Unknown",
    "None",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArtifactDetail {
    pub digest: String,
    pub media_type: String,
    /// `linux/arm64/v8` and the child's short digest.
    pub platforms: Vec<(String, String)>,
    /// Short digest (or the step) and size of each layer.
    pub layers: Vec<(String, u64)>,
    /// `Success, High` — or `not scanned`.
    pub scan: String,
    /// Findings per severity, worst first; empty when not scanned.
    pub findings: Vec<(String, u64)>,
    pub history: Vec<String>,
}

impl ArtifactDetail {
    pub fn new(artifact: &Artifact, history: &[BuildHistory]) -> Self {
        let media = if artifact.manifest_media_type.is_empty() {
            &artifact.media_type
        } else {
            &artifact.manifest_media_type
        };
        let platforms = artifact
            .references
            .iter()
            .take(LISTED)
            .map(|r| {
                let label = r
                    .platform
                    .as_ref()
                    .map_or("?".into(), |p| sanitize(&p.label()));
                (label, Digest::parse(&r.child_digest).short())
            })
            .collect();
        let layers = history
            .iter()
            .filter(|h| !h.empty_layer)
            .take(LISTED)
            .map(|h| {
                let name = match Digest::parse(&h.digest) {
                    d if d.is_empty() => truncate(&sanitize(&h.created_by), 40),
                    d => d.short(),
                };
                (name, h.size)
            })
            .collect();
        let (scan, findings) = scan_of(artifact);
        Self {
            digest: artifact.digest.clone(),
            media_type: sanitize(media),
            platforms,
            layers,
            scan,
            findings,
            history: history
                .iter()
                .take(LISTED)
                .map(|h| truncate(&sanitize(&h.created_by), STEP))
                .collect(),
        }
    }

    /// The lines the tag detail view adds.
    pub fn lines(&self) -> Vec<Detail> {
        let mut lines = vec![
            Detail::Field("Media type", self.media_type.clone()),
            Detail::Field("Scan", self.scan.clone()),
        ];
        for (severity, n) in &self.findings {
            lines.push(Detail::Item(format!("  {severity:<10}"), n.to_string()));
        }
        if !self.platforms.is_empty() {
            lines.push(Detail::Heading(format!(
                "Platforms ({})",
                self.platforms.len()
            )));
            lines.extend(
                self.platforms
                    .iter()
                    .map(|(label, digest)| Detail::Item(format!("  {label:<16}"), digest.clone())),
            );
        }
        lines.push(Detail::Heading(format!("Layers ({})", self.layers.len())));
        lines.extend(
            self.layers
                .iter()
                .map(|(name, bytes)| Detail::Item(format!("  {name:<21}"), size(*bytes as i64))),
        );
        lines.push(Detail::Heading(format!(
            "Build history ({})",
            self.history.len()
        )));
        if self.history.is_empty() {
            lines.push(Detail::Empty(
                "  (none: a manifest list has no build of its own)".into(),
            ));
        }
        lines.extend(self.history.iter().map(|s| Detail::Text(format!("  {s}"))));
        lines
    }
}

/// The first report's status and severity, and its findings per severity.
fn scan_of(artifact: &Artifact) -> (String, Vec<(String, u64)>) {
    let Some(report) = artifact
        .scan_overview
        .as_ref()
        .and_then(|m| m.values().next())
    else {
        return ("not scanned".into(), Vec::new());
    };
    let status = sanitize(&report.scan_status);
    let Some(summary) = &report.summary else {
        return (status, Vec::new());
    };
    let findings = SEVERITIES
        .iter()
        .filter_map(|s| Some((s.to_string(), *summary.summary.get(*s)?)))
        .collect();
    let head = format!(
        "{status}, {} ({} found, {} fixable)",
        sanitize(&report.severity),
        summary.total,
        summary.fixable
    );
    (head, findings)
}

/// The artifact the tag detail view shows, by digest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ArtifactState {
    #[default]
    None,
    Loading {
        request: RequestId,
        digest: String,
    },
    Loaded(Box<ArtifactDetail>),
    Failed {
        digest: String,
        error: String,
    },
}

impl ArtifactState {
    /// What the detail view says about the artifact `digest`.
    pub fn lines_for(&self, digest: &str) -> Vec<Detail> {
        match self {
            Self::Loaded(d) if d.digest == digest => d.lines(),
            Self::Loading { digest: d, .. } if d == digest => {
                vec![Detail::Empty("Loading the artifact…".into())]
            }
            Self::Failed { digest: d, error } if d == digest => {
                vec![Detail::Empty(format!("Artifact not loaded: {error}"))]
            }
            _ => vec![Detail::Empty(
                "Enter: media type, platforms, layers, scan and build history".into(),
            )],
        }
    }

    /// Whether `digest` is loaded or loading.
    pub fn covers(&self, digest: &str) -> bool {
        match self {
            Self::Loaded(d) => d.digest == digest,
            Self::Loading { digest: d, .. } => d == digest,
            _ => false,
        }
    }
}
