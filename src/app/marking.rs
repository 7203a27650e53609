//! Bulk marking of tags: by glob or regular expression, keep the newest N, older than D days.
//! Each works on the visible rows, so a filter narrows what it touches.

use chrono::{DateTime, Duration, Utc};
use regex::Regex;

use super::format;
use super::rows::{ColumnId, Row, TagRow};
use super::table::Table;

/// `1 more tag`, `3 more tags`.
pub fn more_tags(n: usize) -> String {
    more(n, "tag")
}

/// `1 more share`, `3 more shares`.
pub fn more(n: usize, one: &str) -> String {
    format!("{n} more {one}{}", if n == 1 { "" } else { "s" })
}

/// The tag list's `updated` column: what "newest" goes by.
const NEWEST: ColumnId = ColumnId::Updated;

/// Says which panes rows can be marked in, from the registry: `Marking works in the tag pane`.
pub fn where_marks_work(edition: crate::app::registry::Edition) -> String {
    let kinds: Vec<String> = crate::app::panes::PaneId::serving(edition)
        .map(|p| p.kind())
        .filter(|k| k.can(edition).mark)
        .map(|k| k.one().to_lowercase())
        .collect();
    let panes = if kinds.len() > 1 { "panes" } else { "pane" };
    format!("Marking works in the {} {panes}", kinds.join(" and "))
}

/// The entries of the marking menu (`m`), in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkRule {
    Glob,
    Regex,
    KeepNewest,
    OlderThan,
    Clear,
}

impl MarkRule {
    pub const ALL: [MarkRule; 5] = [
        Self::Glob,
        Self::Regex,
        Self::KeepNewest,
        Self::OlderThan,
        Self::Clear,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Glob => "Mark by glob pattern (build-*, v1.?)",
            Self::Regex => "Mark by regular expression",
            Self::KeepNewest => "Keep the newest N, mark the rest",
            Self::OlderThan => "Mark tags older than D days",
            Self::Clear => "Clear all marks",
        }
    }

    /// What the prompt asks for, for rules that need input.
    pub fn prompt(self) -> Option<&'static str> {
        match self {
            Self::Glob => Some("Glob (* any, ? one character)"),
            Self::Regex => Some("Regular expression"),
            Self::KeepNewest => Some("Keep how many of the newest?"),
            Self::OlderThan => Some("Older than how many days?"),
            Self::Clear => None,
        }
    }
}

/// A glob as an anchored regular expression: `*` any run, `?` one character, the rest literal.
pub fn glob_regex(glob: &str) -> Result<Regex, String> {
    let mut pattern = String::from("^");
    for c in glob.chars() {
        match c {
            '*' => pattern.push_str(".*"),
            '?' => pattern.push('.'),
            c => pattern.push_str(&regex::escape(&c.to_string())),
        }
    }
    pattern.push('$');
    Regex::new(&pattern).map_err(|e| one_line(&e))
}

/// The regex crate's parse errors span lines (the pattern, a caret under the fault, then
/// `error: reason`); a one-line prompt would show the pattern and cut the reason off.
fn one_line(e: &regex::Error) -> String {
    let text = e.to_string();
    text.lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .map(str::to_string)
        .unwrap_or_else(|| text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn count(input: &str, what: &str) -> Result<u64, String> {
    input
        .trim()
        .parse::<u64>()
        .map_err(|_| format!("{what} must be a whole number, not {:?}", input.trim()))
}

/// Applies a rule to the visible rows; returns the status line to show.
pub fn apply(
    rule: MarkRule,
    input: &str,
    tags: &mut Table<TagRow>,
    now: DateTime<Utc>,
) -> Result<String, String> {
    match rule {
        MarkRule::Glob | MarkRule::Regex => {
            if input.is_empty() {
                return Err("type a pattern".into());
            }
            let re = if rule == MarkRule::Glob {
                glob_regex(input)?
            } else {
                Regex::new(input)
                    .map_err(|e| format!("invalid regular expression: {}", one_line(&e)))?
            };
            let n = tags.mark_where(|t| re.is_match(&t.tag));
            Ok(format!("Marked {} matching {input:?}", more_tags(n)))
        }
        MarkRule::KeepNewest => {
            let keep = count(input, "N")? as usize;
            let mut visible: Vec<(u32, &TagRow)> = tags.visible_indexed().collect();
            // Newest first, ties as the list breaks them (by name, naturally, descending):
            // "the newest N" are the first N the newest-first list shows.
            visible.sort_by(|(_, a), (_, b)| b.compare(a, NEWEST));
            let split = keep.min(visible.len());
            let indices: Vec<u32> = visible.iter().map(|&(i, _)| i).collect();
            let (kept, rest) = indices.split_at(split);
            // Keeping means keeping: the newest N lose any mark they had.
            tags.set_marks(kept, false);
            let n = tags.set_marks(rest, true);
            Ok(format!("Kept the newest {}, marked {n} more", kept.len()))
        }
        MarkRule::OlderThan => {
            let days = count(input, "D")?;
            let cutoff = now - Duration::days(days.min(365_000) as i64);
            // A tag without a readable time is never marked by age.
            let n = tags.mark_where(|t| t.updated.is_some_and(|u| u < cutoff));
            Ok(format!(
                "Marked {} older than {}",
                more_tags(n),
                format::count(days, "day", "days")
            ))
        }
        MarkRule::Clear => {
            tags.clear_marks();
            Ok("Cleared all marks".into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::table::Sort;
    use crate::swr::model::Tag;

    fn table() -> Table<TagRow> {
        let mut t = Table::new(Sort {
            column: ColumnId::Updated,
            descending: true,
        });
        t.set_items(
            (1..=10)
                .map(|i| {
                    TagRow::from(Tag {
                        tag: format!("build-{i}"),
                        updated: format!("2026-03-{i:02}T00:00:00Z"),
                        ..Tag::default()
                    })
                })
                .chain([TagRow::from(Tag {
                    tag: "latest".into(),
                    updated: "bad".into(),
                    ..Tag::default()
                })])
                .collect(),
        );
        t
    }

    fn now() -> DateTime<Utc> {
        "2026-03-11T00:00:00Z".parse().unwrap()
    }

    fn marked(t: &Table<TagRow>) -> Vec<String> {
        t.marked_keys().into_iter().collect()
    }

    #[test]
    fn glob_and_regex() {
        let mut t = table();
        apply(MarkRule::Glob, "build-?", &mut t, now()).unwrap();
        assert_eq!(t.marked_count(), 9);
        let mut t = table();
        apply(MarkRule::Regex, "-(1|10)$", &mut t, now()).unwrap();
        assert_eq!(marked(&t), ["build-1", "build-10"]);
        assert_eq!(
            apply(MarkRule::Regex, "(", &mut t, now()),
            Err("invalid regular expression: unclosed group".into())
        );
        assert!(
            glob_regex("a.b").unwrap().is_match("a.b")
                && !glob_regex("a.b").unwrap().is_match("axb")
        );
    }

    #[test]
    fn keep_newest_marks_the_rest_and_unmarks_the_kept() {
        let mut t = table();
        apply(MarkRule::Glob, "*", &mut t, now()).unwrap();
        apply(MarkRule::KeepNewest, "3", &mut t, now()).unwrap();
        let m = marked(&t);
        assert_eq!(m.len(), 8);
        for kept in ["build-10", "build-9", "build-8"] {
            assert!(!m.contains(&kept.to_string()), "{kept}");
        }
        assert!(apply(MarkRule::KeepNewest, "three", &mut t, now()).is_err());
    }

    #[test]
    fn keep_newest_keeps_the_first_rows_the_list_shows_when_times_tie() {
        let mut t = Table::new(Sort {
            column: ColumnId::Updated,
            descending: true,
        });
        let same_time = |name: &str| {
            TagRow::from(Tag {
                tag: name.into(),
                updated: "2026-03-01T00:00:00Z".into(),
                ..Tag::default()
            })
        };
        t.set_items(["build-9", "build-10", "build-2"].map(same_time).into());
        let shown: Vec<&str> = t.visible().map(|r| r.tag.as_str()).collect();
        assert_eq!(
            shown,
            ["build-10", "build-9", "build-2"],
            "natural, newest first"
        );
        apply(MarkRule::KeepNewest, "1", &mut t, now()).unwrap();
        assert_eq!(marked(&t), ["build-2", "build-9"], "build-10 is kept");
    }

    #[test]
    fn older_than_skips_unknown_times() {
        let mut t = table();
        apply(MarkRule::OlderThan, "5", &mut t, now()).unwrap();
        assert_eq!(
            marked(&t),
            ["build-1", "build-2", "build-3", "build-4", "build-5"]
        );
    }

    #[test]
    fn rules_touch_only_visible_rows() {
        let mut t = table();
        t.set_filter("build-1");
        apply(MarkRule::Glob, "*", &mut t, now()).unwrap();
        assert_eq!(marked(&t), ["build-1", "build-10"]);
        apply(MarkRule::Clear, "", &mut t, now()).unwrap();
        assert_eq!(t.marked_count(), 0);
    }
}
