//! The detail panel (wide screens) and the lines it shares with the tag-detail popup.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::detail::{self, Detail, LABEL};
use crate::app::format::{count, exact, relative, size};
use crate::app::pull::ImageRef;
use crate::app::rows::{OrgRow, PermRow, RepoRow, TagRow};
use crate::app::{Model, PaneId};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let (title, lines) = content(model, theme);
    let block = Block::bordered()
        .border_style(theme.border(false))
        .title(format!(" {title} "));
    let paragraph = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false });
    frame.render_widget(paragraph, area);
}

/// The focused pane's current row, described.
fn content(model: &Model, theme: Theme) -> (&'static str, Vec<Line<'static>>) {
    let none = |what: &str| vec![Line::styled(format!("No {what} selected."), theme.dim())];
    match model.focus {
        PaneId::Orgs => match model.orgs.current() {
            Some(org) => ("Organization", org_lines(org, theme)),
            None => ("Organization", none("organization")),
        },
        PaneId::Repos => match model.repos.current() {
            Some(repo) => ("Repository", repo_lines(repo, model, theme)),
            None => ("Repository", none("repository")),
        },
        PaneId::Tags => match model.tags.current() {
            Some(tag) => ("Tag", tag_lines(tag, model, theme)),
            None => ("Tag", none("tag")),
        },
        PaneId::Perms => match model.perms.current() {
            Some(perm) => ("Permission", perm_lines(perm, theme)),
            None => ("Permission", none("user")),
        },
    }
}

/// `Label      value`
fn field(label: &str, value: impl Into<String>, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label:<LABEL$}"), theme.label()),
        Span::raw(value.into()),
    ])
}

fn org_lines(org: &OrgRow, theme: Theme) -> Vec<Line<'static>> {
    lines(detail::org(org), theme)
}

fn repo_lines(repo: &RepoRow, model: &Model, theme: Theme) -> Vec<Line<'static>> {
    lines(detail::repo(repo, model.now), theme)
}

/// The lines of a detail, for the panel (which wraps them itself).
fn lines(details: Vec<Detail>, theme: Theme) -> Vec<Line<'static>> {
    details
        .into_iter()
        .map(|d| match d {
            Detail::Field(label, value) => field(label, value, theme),
            Detail::Heading(text) => Line::styled(text, theme.label()),
            Detail::Text(text) => Line::raw(text),
            Detail::Empty(text) => Line::styled(text, theme.dim()),
        })
        .collect()
}

/// A tag's details: used by the panel and by the tag-detail popup.
pub fn tag_lines(tag: &TagRow, model: &Model, theme: Theme) -> Vec<Line<'static>> {
    let when = |t| format!("{} ({})", exact(t), relative(t, model.now));
    let mut lines = vec![
        field("Tag", tag.tag.clone(), theme),
        field("Digest", or_dash(&tag.digest.to_string()), theme),
        field(
            "Size",
            format!("{} ({})", size(tag.size), count(tag.size, "byte", "bytes")),
            theme,
        ),
        field("Created", when(tag.created), theme),
        field("Updated", when(tag.updated), theme),
        field("Pull", pull_address(tag, model), theme),
        field("Internal", internal_address(tag, model), theme),
        Line::styled(format!("Layers ({})", tag.layers.len()), theme.label()),
    ];
    if tag.layers.is_empty() {
        lines.push(Line::styled("  (no manifest layers)", theme.dim()));
    }
    lines.extend(tag.layers.iter().map(|l| {
        Line::from(vec![
            Span::raw(format!("  {:<21}", l.digest.short())),
            Span::styled(size(l.size), theme.dim()),
        ])
    }));
    lines
}

/// The image of `tag`, when its names may stand in a command: the panel shows no address that
/// `y` would refuse to copy (it is built from the exact names, which are not drawn otherwise).
fn image<'a>(tag: &'a TagRow, model: &'a Model) -> Option<ImageRef<'a>> {
    let image = ImageRef {
        registry: &model.context.registry,
        org: model.org.as_deref()?,
        repo: model.repo.as_deref()?,
        tag,
    };
    image.check().is_ok().then_some(image)
}

/// The address the pull command would use.
fn pull_address(tag: &TagRow, model: &Model) -> String {
    image(tag, model).map_or_else(
        || "- (not a name a pull command may hold)".into(),
        |i| i.by_tag(),
    )
}

fn internal_address(tag: &TagRow, model: &Model) -> String {
    image(tag, model)
        .and_then(|i| i.internal())
        .unwrap_or_else(|| "-".into())
}

fn perm_lines(perm: &PermRow, theme: Theme) -> Vec<Line<'static>> {
    lines(detail::perm(perm), theme)
}

fn or_dash(s: &str) -> String {
    if s.is_empty() {
        "-".into()
    } else {
        s.to_string()
    }
}
