//! The pull-command menu: the six variants, numbered, each with the exact text `y`/Enter
//! copies for the current tag; a multi-arch tag's per-platform entries follow, one line each
//! (the command is the label).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::Model;
use crate::app::keys::{Action, KeyHints, Layer};
use crate::app::pull::ImageRef;
use crate::app::pull_platforms::{PullChoice, choices};
use crate::app::text::{truncate, width};
use crate::ui::popup;
use crate::ui::theme::Theme;

/// Narrowest menu worth drawing, so short commands do not make a cramped box.
const MIN_WIDTH: u16 = 60;
/// Indent of a command under its label.
const INDENT: usize = 4;

pub fn draw(frame: &mut Frame, screen: Rect, model: &Model, cursor: usize, theme: Theme) {
    // Opened on a repository shared with this account: its tags.
    if model.nav.focus() == crate::app::PaneId::SharedWithMe {
        return super::pull_menu_shared::draw(frame, screen, model, cursor, theme);
    }
    let image = match (
        &model.panes.org,
        &model.panes.repo,
        model.panes.tags.current(),
    ) {
        (Some(org), Some(repo), Some(tag)) => Some(ImageRef {
            registry: &model.session.context.registry,
            org,
            repo,
            tag,
        }),
        _ => None,
    };
    // As wide as the longest command (so it shows whole when the screen allows), never
    // wider than the screen.
    let entries = choices(model.panes.tags.current());
    let longest = image.as_ref().map_or(0, |i| {
        entries
            .iter()
            .filter_map(|&c| i.choice_command(c))
            .map(|c| width(&c))
            .max()
            .unwrap_or(0)
    });
    let wanted = u16::try_from(longest + INDENT + 3)
        .unwrap_or(u16::MAX)
        .max(MIN_WIDTH);
    let outer_w = wanted.min(screen.width.saturating_sub(4));
    let inner_w = usize::from(outer_w.saturating_sub(2));
    // Commands are built from the exact names: where one may not stand in a command, the menu
    // says why instead of drawing a command that would not be copied.
    let lines = match image.as_ref().map(|i| (i, i.check())) {
        Some((image, Ok(()))) => options(image, &entries, cursor, inner_w, theme),
        Some((_, Err(why))) => vec![Line::styled(
            truncate(&format!("Nothing to copy: {why}"), inner_w),
            theme.error(),
        )],
        None => vec![Line::styled("Pick a tag first.", theme.dim())],
    };
    let title = match model.panes.tags.current() {
        Some(tag) => format!("Copy pull command: {}", truncate(&tag.tag, inner_w / 2)),
        None => "Copy pull command".to_string(),
    };
    let menu = Menu {
        width: outer_w,
        title: &title,
        entries: entries.len(),
    };
    menu.draw(frame, screen, model, lines, theme);
}

/// A numbered menu's popup: its width, title and how many entries the digits choose from.
pub(super) struct Menu<'a> {
    pub width: u16,
    pub title: &'a str,
    pub entries: usize,
}

impl Menu<'_> {
    /// Draws `lines` centred, the footer naming the digits, Enter and Esc.
    pub fn draw(
        &self,
        frame: &mut Frame,
        screen: Rect,
        model: &Model,
        lines: Vec<Line>,
        theme: Theme,
    ) {
        let rect = popup::centered(screen, self.width, lines.len() as u16 + 2);
        let footer = KeyHints::new(&model.prefs.keymap)
            .prefixed(digits(self.entries), Layer::View, &[Action::Accept], "copy")
            .first(Layer::View, &[Action::Back], "close")
            .build();
        let inner = popup::frame(frame, rect, self.title, &footer, theme);
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// The digit keys the footer names: `1/`, `1-2/`, up to `1-9/`.
fn digits(entries: usize) -> &'static str {
    const KEYS: [&str; 9] = [
        "1/", "1-2/", "1-3/", "1-4/", "1-5/", "1-6/", "1-7/", "1-8/", "1-9/",
    ];
    KEYS[entries.clamp(1, 9) - 1]
}

/// Two lines per option: `1  docker pull` and its command, indented; one line per platform
/// entry: its number and command.
fn options(
    image: &ImageRef,
    entries: &[PullChoice],
    cursor: usize,
    inner_w: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::with_capacity(entries.len() * 2);
    for (i, choice) in entries.iter().enumerate() {
        let selected = i == cursor;
        let base = if selected {
            theme.cursor(true)
        } else {
            ratatui::style::Style::new()
        };
        let PullChoice::Kind(kind) = choice else {
            let number = if i < 9 {
                (i + 1).to_string()
            } else {
                " ".into()
            };
            let command = image.choice_command(*choice).unwrap_or_default();
            let label = truncate(&format!(" {number}  {command}"), inner_w);
            let style = if selected { base } else { theme.dim() };
            lines.push(Line::styled(format!("{label:<inner_w$}"), style));
            continue;
        };
        let label = format!(" {}  {}", i + 1, kind.label());
        let label = format!("{label:<inner_w$}");
        lines.push(Line::from(Span::styled(label, base.patch(theme.key()))).style(base));
        let command = truncate(&image.command(*kind), inner_w.saturating_sub(INDENT + 1));
        let preview = format!("{:INDENT$}{command}", "");
        let style = if selected { base } else { theme.dim() };
        lines.push(Line::styled(format!("{preview:<inner_w$}"), style));
    }
    lines
}
