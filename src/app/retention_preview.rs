//! What a retention rule would delete, computed locally before SWR applies it (SWR has no dry
//! run and applies a rule at once). SWR does not say whether "pushed" means a tag's `created` or
//! `updated` time, so the preview is computed for both. One sort per reading: O(N log N).
//!
//! A time that does not parse sorts as the oldest and counts as outside any day window: the
//! preview errs toward showing more deletions, never fewer.
//!
//! The input is any slice of [`Candidate`]s: the wire's tags, or the tag pane's rows as they
//! are (a form recomputes on every keystroke; copying 100,000 tags each time is not an option).

use std::collections::HashSet;
use std::hash::Hash;

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

/// What the preview needs of a tag.
pub trait Candidate {
    /// How a digest is compared (text on the wire, bytes in a row).
    type Digest: Hash + Eq + ?Sized;
    /// The exact name, as exceptions match it.
    fn name(&self) -> &str;
    /// `None` when the service sent none.
    fn digest(&self) -> Option<&Self::Digest>;
    fn size(&self) -> i64;
    fn time(&self, basis: Basis) -> Option<DateTime<Utc>>;
}

impl Candidate for Tag {
    type Digest = str;
    fn name(&self) -> &str {
        &self.tag
    }
    fn digest(&self) -> Option<&str> {
        Some(self.digest.as_str()).filter(|d| !d.is_empty())
    }
    fn size(&self) -> i64 {
        self.size
    }
    fn time(&self, basis: Basis) -> Option<DateTime<Utc>> {
        parse_time(match basis {
            Basis::Created => &self.created,
            Basis::Updated => &self.updated,
        })
    }
}

/// A row of the tag pane, as it is: its times are parsed already.
impl Candidate for crate::app::rows::TagRow {
    type Digest = crate::app::digest::Digest;
    fn name(&self) -> &str {
        self.raw()
    }
    fn digest(&self) -> Option<&Self::Digest> {
        Some(&self.digest).filter(|d| !d.is_empty())
    }
    fn size(&self) -> i64 {
        self.size
    }
    fn time(&self, basis: Basis) -> Option<DateTime<Utc>> {
        match basis {
            Basis::Created => self.created,
            Basis::Updated => self.updated,
        }
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
pub fn preview<T: Candidate>(
    tags: &[T],
    keep: Keep,
    exceptions: &Exceptions,
    now: DateTime<Utc>,
) -> Preview {
    let candidates: Vec<usize> = (0..tags.len())
        .filter(|&i| !exceptions.keeps(tags[i].name()))
        .collect();
    Preview {
        total: tags.len(),
        exceptions: tags.len() - candidates.len(),
        by_created: outcome(tags, &candidates, keep, now, Basis::Created),
        by_updated: outcome(tags, &candidates, keep, now, Basis::Updated),
    }
}

fn outcome<T: Candidate>(
    tags: &[T],
    candidates: &[usize],
    keep: Keep,
    now: DateTime<Utc>,
    basis: Basis,
) -> Outcome {
    // Newest first, ties by name; `None` (unparseable) sorts last = oldest.
    let mut sorted: Vec<(Option<DateTime<Utc>>, usize)> = candidates
        .iter()
        .map(|&i| (tags[i].time(basis), i))
        .collect();
    sorted.sort_unstable_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| tags[a.1].name().cmp(tags[b.1].name()))
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
    let mut doomed = vec![false; tags.len()];
    for &i in &deleted {
        doomed[i] = true;
    }
    let kept_digests: HashSet<&T::Digest> = (0..tags.len())
        .filter(|&i| !doomed[i])
        .filter_map(|i| tags[i].digest())
        .collect();
    let shared_digest = deleted
        .iter()
        .copied()
        .filter(|&i| tags[i].digest().is_some_and(|d| kept_digests.contains(d)))
        .collect();
    Outcome {
        // Saturating: a hostile size must not overflow the sum.
        bytes: deleted
            .iter()
            .fold(0i64, |sum, &i| sum.saturating_add(tags[i].size().max(0))),
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

    #[test]
    fn hostile_sizes_saturate_instead_of_overflowing() {
        let mut tags = vec![tag("a", 1, "d1"), tag("b", 2, "d2"), tag("c", 3, "d3")];
        for t in &mut tags {
            t.size = i64::MAX;
        }
        let p = preview(&tags, Keep::Newest(1), &Exceptions::default(), Utc::now());
        assert_eq!(p.by_updated.deleted.len(), 2);
        assert_eq!(p.by_updated.bytes, i64::MAX);
    }
}
