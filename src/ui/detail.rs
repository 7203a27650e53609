//! The detail panel (wide screens) and the lines it shares with the tag-detail popup.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::repos::visibility;
use super::theme::Theme;
use crate::app::format::{exact, relative, size};
use crate::app::pull::ImageRef;
use crate::app::rows::{OrgRow, PermRow, RepoRow, TagRow, permission_name};
use crate::app::{Model, PaneId};

/// Label column width, so values line up.
const LABEL: usize = 11;

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
    vec![
        field("Name", org.name.clone(), theme),
        field("Permission", permission_name(org.auth), theme),
        field("Creator", org.creator.clone(), theme),
    ]
}

fn repo_lines(repo: &RepoRow, model: &Model, theme: Theme) -> Vec<Line<'static>> {
    let when = |t| format!("{} ({})", exact(t), relative(t, model.now));
    let mut lines = vec![
        field("Name", repo.name.clone(), theme),
        field("Visibility", visibility(repo.is_public), theme),
        field("Category", repo.category.clone(), theme),
        field("Tags", repo.tags.to_string(), theme),
        field("Size", size(repo.size), theme),
        field("Downloads", repo.downloads.to_string(), theme),
        field("Created", when(repo.created), theme),
        field("Updated", when(repo.updated), theme),
        field("Path", or_dash(&repo.path), theme),
        field("Internal", or_dash(&repo.internal_path), theme),
        Line::styled("Description", theme.label()),
    ];
    if repo.description.is_empty() {
        lines.push(Line::styled("(none)", theme.dim()));
    } else {
        // Already sanitized line by line at row construction; kept as separate lines.
        lines.extend(repo.description.lines().map(|l| Line::raw(l.to_string())));
    }
    lines
}

/// A tag's details: used by the panel and by the tag-detail popup.
pub fn tag_lines(tag: &TagRow, model: &Model, theme: Theme) -> Vec<Line<'static>> {
    let when = |t| format!("{} ({})", exact(t), relative(t, model.now));
    let mut lines = vec![
        field("Tag", tag.tag.clone(), theme),
        field("Digest", or_dash(&tag.digest.to_string()), theme),
        field(
            "Size",
            format!("{} ({} bytes)", size(tag.size), tag.size),
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
    let user = if perm.is_self {
        format!("{} (you)", perm.user_name)
    } else {
        perm.user_name.clone()
    };
    vec![
        field("User", user, theme),
        field("User ID", perm.user_id.clone(), theme),
        field(
            "Permission",
            format!("{} ({})", permission_name(perm.auth), perm.auth),
            theme,
        ),
    ]
}

fn or_dash(s: &str) -> String {
    if s.is_empty() {
        "-".into()
    } else {
        s.to_string()
    }
}
