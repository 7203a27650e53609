//! What a retention rule would delete, computed locally before SWR applies it (SWR has no dry
//! run and applies a rule at once). SWR does not say whether "pushed" means a tag's `created` or
//! `updated` time, so the preview is computed for both. One sort per reading: O(N log N).
//!
//! A time that does not parse sorts as the oldest and counts as outside any day window: the
//! preview errs toward showing more deletions, never fewer.

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};

use crate::swr::client::retention::{Exceptions, Keep};
use crate::swr::model::Tag;

/// Which timestamp stands for "pushed".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Created,
    Updated,
}

/// The outcome under one reading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Indices into the tags given, newest first.
    pub deleted: Vec<usize>,
    pub bytes: i64,
    /// Deleted tags whose digest a kept tag still points at (the image stays; only the name goes).
    pub shared_digest: Vec<usize>,
}

/// Both readings plus the counts that do not depend on them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preview {
    pub total: usize,
    /// Tags kept because an exception matches them.
    pub exceptions: usize,
    pub by_created: Outcome,
    pub by_updated: Outcome,
}

impl Preview {
    /// `true` when the two readings delete different tags.
    pub fn readings_differ(&self) -> bool {
        self.by_created.deleted != self.by_updated.deleted
    }

    /// The one-line summary the rule form shows.
    pub fn summary(&self) -> String {
        let part = |o: &Outcome| {
            format!(
                "{} of {} tags ({})",
                o.deleted.len(),
                self.total,
                crate::app::format::size(o.bytes)
            )
        };
        let kept = self.total - self.by_updated.deleted.len();
        let mut line = if self.readings_differ() {
            format!(
                "would delete {} by updated time, {} by created time",
                part(&self.by_updated),
                part(&self.by_created)
            )
        } else {
            format!("would delete {}", part(&self.by_updated))
        };
        line.push_str(&format!(", keeps {kept}"));
        if self.exceptions > 0 {
            line.push_str(&format!(" ({} by exception)", self.exceptions));
        }
        let shared = self.by_updated.shared_digest.len();
        if shared > 0 {
            line.push_str(&format!("; {shared} share an image with a kept tag"));
        }
        line
    }
}

/// Parses the service's times (RFC 3339, or without an offset meaning UTC).
pub fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text.trim()) {
        return Some(t.with_timezone(&Utc));
    }
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text.trim(), f).ok())
        .map(|n| n.and_utc())
}

/// What `keep` with `exceptions` would delete from `tags` at time `now`.
pub fn preview(tags: &[Tag], keep: Keep, exceptions: &Exceptions, now: DateTime<Utc>) -> Preview {
    let candidates: Vec<usize> = (0..tags.len())
        .filter(|&i| !exceptions.keeps(&tags[i].tag))
        .collect();
    Preview {
        total: tags.len(),
        exceptions: tags.len() - candidates.len(),
        by_created: outcome(tags, &candidates, keep, now, Basis::Created),
        by_updated: outcome(tags, &candidates, keep, now, Basis::Updated),
    }
}

fn outcome(
    tags: &[Tag],
    candidates: &[usize],
    keep: Keep,
    now: DateTime<Utc>,
    basis: Basis,
) -> Outcome {
    let time = |i: usize| {
        let t = &tags[i];
        parse_time(match basis {
            Basis::Created => &t.created,
            Basis::Updated => &t.updated,
        })
    };
    // Newest first, ties by name; `None` (unparseable) sorts last = oldest.
    let mut sorted: Vec<(Option<DateTime<Utc>>, usize)> =
        candidates.iter().map(|&i| (time(i), i)).collect();
    sorted.sort_unstable_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| tags[a.1].tag.cmp(&tags[b.1].tag))
    });
    let deleted: Vec<usize> = match keep {
        Keep::Newest(n) => sorted.iter().skip(n as usize).map(|s| s.1).collect(),
        Keep::Days(d) => {
            let cutoff = now - Duration::days(i64::from(d));
            sorted
                .iter()
                .filter(|s| s.0.is_none_or(|t| t < cutoff))
                .map(|s| s.1)
                .collect()
        }
    };
    let doomed: HashSet<usize> = deleted.iter().copied().collect();
    let kept_digests: HashSet<&str> = (0..tags.len())
        .filter(|i| !doomed.contains(i))
        .map(|i| tags[i].digest.as_str())
        .filter(|d| !d.is_empty())
        .collect();
    let shared_digest = deleted
        .iter()
        .copied()
        .filter(|&i| kept_digests.contains(tags[i].digest.as_str()))
        .collect();
    Outcome {
        bytes: deleted.iter().map(|&i| tags[i].size.max(0)).sum(),
        deleted,
        shared_digest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: &str, day: u32, digest: &str) -> Tag {
        Tag {
            tag: name.into(),
            digest: digest.into(),
            size: 100,
            created: format!("2026-01-{day:02}T00:00:00Z"),
            updated: format!("2026-01-{:02}T00:00:00Z", 31 - day),
            ..Tag::default()
        }
    }

    #[test]
    fn newest_k_by_both_readings_with_exceptions_and_shared_digests() {
        let tags = vec![
            tag("a", 1, "d1"),
            tag("b", 2, "d1"),
            tag("c", 3, "d3"),
            tag("x", 4, "d4"),
        ];
        let sel = [crate::swr::client::retention::TagSelector {
            kind: "label".into(),
            pattern: "x".into(),
        }];
        let ex = Exceptions::compile(&sel).unwrap();
        let p = preview(&tags, Keep::Newest(1), &ex, Utc::now());
        assert_eq!((p.total, p.exceptions), (4, 1));
        assert_eq!(p.by_created.deleted, vec![1, 0]);
        assert_eq!(p.by_updated.deleted, vec![1, 2]);
        assert_eq!(p.by_updated.shared_digest, vec![1]);
        assert_eq!(p.by_updated.bytes, 200);
        assert!(p.readings_differ());
        assert!(
            p.summary().starts_with("would delete 2 of 4 tags"),
            "{}",
            p.summary()
        );
    }
}
