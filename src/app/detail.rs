//! What the detail view of an organization, repository or permission says, and how it wraps.
//! `update` scrolls it and `view` draws it from the same lines, wrapped by the same rule, so a
//! scroll position always means the same screen line.

use chrono::{DateTime, Utc};
use ratatui::layout::Rect;

use super::format::{exact, relative, size};
use super::model::{Model, Overlay};
use super::rows::{OrgRow, PermRow, RepoRow, permission_name};
use super::text::wrap;

/// Label column width, so values line up.
pub const LABEL: usize = 11;

/// One line of a detail view, before wrapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// `Label      value`; a long value wraps under itself.
    Field(&'static str, String),
    /// A heading on its own line (`Description`).
    Heading(String),
    /// Free text (a line of a description).
    Text(String),
    /// Says that there is nothing (`(none)`).
    Empty(String),
    /// A line of a list (a layer), with a quieter note after it (its size).
    Item(String, String),
}

pub fn org(org: &OrgRow) -> Vec<Detail> {
    vec![
        Detail::Field("Name", org.name.clone()),
        Detail::Field("Permission", permission_name(org.auth).into()),
        Detail::Field("Creator", or_dash(&org.creator)),
    ]
}

pub fn repo(repo: &RepoRow, now: DateTime<Utc>) -> Vec<Detail> {
    let when = |t| format!("{} ({})", exact(t), relative(t, now));
    let visibility = if repo.is_public { "public" } else { "private" };
    let mut lines = vec![
        Detail::Field("Name", repo.name.clone()),
        Detail::Field("Visibility", visibility.into()),
        Detail::Field("Category", repo.category.clone()),
        Detail::Field("Tags", repo.tags.to_string()),
        Detail::Field("Size", size(repo.size)),
        Detail::Field("Downloads", repo.downloads.to_string()),
        Detail::Field("Created", when(repo.created)),
        Detail::Field("Updated", when(repo.updated)),
        Detail::Field("Path", or_dash(&repo.path)),
        Detail::Field("Internal", or_dash(&repo.internal_path)),
        Detail::Heading("Description".into()),
    ];
    if repo.description.is_empty() {
        lines.push(Detail::Empty("(none)".into()));
    } else {
        // Sanitized line by line when the row was built; kept as separate lines.
        lines.extend(repo.description.lines().map(|l| Detail::Text(l.into())));
    }
    lines
}

pub fn perm(perm: &PermRow) -> Vec<Detail> {
    let user = if perm.is_self {
        format!("{} (you)", perm.user_name)
    } else {
        perm.user_name.clone()
    };
    vec![
        Detail::Field("User", user),
        Detail::Field("User ID", perm.user_id.clone()),
        Detail::Field(
            "Permission",
            format!("{} ({})", permission_name(perm.auth), perm.auth),
        ),
    ]
}

pub fn or_dash(s: &str) -> String {
    if s.is_empty() {
        "-".into()
    } else {
        s.to_string()
    }
}

/// The detail view's title and lines for the focused pane's current row.
pub fn of_focus(model: &Model) -> (String, Option<Vec<Detail>>) {
    let kind = model.nav.focus().kind();
    (format!("{} details", kind.one()), kind.details(model))
}

/// One wrapped screen line: the label (first line of a field only) and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped<'a> {
    pub kind: &'a Detail,
    /// The label, on a field's first line; spaces of the same width on the lines after.
    pub label: Option<&'static str>,
    pub text: String,
}

/// Every line of `lines` wrapped to `width` cells.
pub fn wrap_all(lines: &[Detail], width: usize) -> Vec<Wrapped<'_>> {
    let mut out = Vec::new();
    for line in lines {
        match line {
            Detail::Field(label, value) if width > LABEL + 1 => {
                for (i, text) in wrap(value, width - LABEL).into_iter().enumerate() {
                    out.push(Wrapped {
                        kind: line,
                        label: (i == 0).then_some(*label),
                        text,
                    });
                }
            }
            Detail::Field(label, value) => {
                let whole = format!("{label:<LABEL$}{value}");
                out.extend(wrap(&whole, width).into_iter().map(|text| Wrapped {
                    kind: line,
                    label: None,
                    text,
                }));
            }
            Detail::Heading(text) | Detail::Empty(text) => {
                out.extend(wrap(text, width).into_iter().map(|text| Wrapped {
                    kind: line,
                    label: None,
                    text,
                }))
            }
            Detail::Item(text, note) => {
                let whole = format!("{text}{note}");
                out.extend(wrap(&whole, width).into_iter().map(|text| Wrapped {
                    kind: line,
                    label: None,
                    text,
                }))
            }
            Detail::Text(text) => out.extend(wrap(text, width).into_iter().map(|text| Wrapped {
                kind: line,
                label: None,
                text,
            })),
        }
    }
    out
}

/// Where the detail view is drawn on `screen`, and the width its text wraps at.
pub fn popup(screen: Rect, rows: usize) -> (Rect, usize) {
    let width = screen.width.saturating_sub(4).min(100);
    let height = u16::try_from(rows)
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(screen.height.saturating_sub(2));
    let rect = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    };
    (rect, usize::from(width.saturating_sub(2)).max(1))
}

/// The wrap width of the detail view on `screen`.
pub fn text_width(screen: Rect) -> usize {
    popup(screen, 0).1
}

/// The detail view of the focused row: how many wrapped lines it has, and how many show.
pub fn extent(model: &Model) -> (usize, usize) {
    let Some(lines) = of_focus(model).1 else {
        return (0, 1);
    };
    let rows = wrap_all(&lines, text_width(model.screen)).len();
    let shown = usize::from(popup(model.screen, rows).0.height.saturating_sub(2)).max(1);
    (rows, shown)
}

/// How far the detail view of the focused row can scroll: its wrapped lines less those shown.
pub fn max_scroll(model: &Model) -> usize {
    let (rows, shown) = extent(model);
    rows.saturating_sub(shown)
}

/// `v`: the details of the current row, as its kind shows them (tags: their popup).
pub fn open(model: &mut Model) {
    model.nav.focus().kind().show_details(model);
}

/// The detail view every kind has unless it shows its rows otherwise.
pub fn open_view(model: &mut Model) {
    if of_focus(model).1.is_some() {
        model.overlay = Some(Overlay::Detail { scroll: 0 });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_wrap_under_their_value() {
        let lines = [Detail::Field("Path", "x".repeat(25))];
        let wrapped = wrap_all(&lines, LABEL + 10);
        let texts: Vec<(Option<&str>, &str)> =
            wrapped.iter().map(|w| (w.label, w.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (Some("Path"), "xxxxxxxxxx"),
                (None, "xxxxxxxxxx"),
                (None, "xxxxx")
            ]
        );
    }
}
