//! Styles. With `Context::monochrome` (NO_COLOR or the monochrome theme) no colour is ever
//! set: emphasis comes only from bold, reversed and underline, so the UI stays readable on
//! any terminal and honours the user's choice.

use ratatui::style::{Color, Modifier, Style};

use crate::app::StatusKind;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    mono: bool,
    /// A production or read-only session: borders say so.
    sensitive: bool,
}

impl Theme {
    pub fn new(monochrome: bool) -> Self {
        Self {
            mono: monochrome,
            sensitive: false,
        }
    }

    /// Focused borders turn red for sessions that deserve care (see `Context::is_sensitive`).
    pub fn sensitive(self, sensitive: bool) -> Self {
        Self { sensitive, ..self }
    }

    /// A colour, or nothing when monochrome.
    fn fg(self, colour: Color) -> Style {
        if self.mono {
            Style::new()
        } else {
            Style::new().fg(colour)
        }
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            let colour = if self.sensitive {
                Color::Red
            } else {
                Color::Cyan
            };
            self.fg(colour).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
        }
    }

    pub fn title(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }

    pub fn column_header(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// The cursor row: strong in the focused pane, faint elsewhere so the selection that
    /// drives the other panes stays visible.
    pub fn cursor(self, focused: bool) -> Style {
        match (focused, self.mono) {
            (true, _) => Style::new().add_modifier(Modifier::REVERSED),
            (false, true) => Style::new().add_modifier(Modifier::UNDERLINED),
            (false, false) => Style::new().bg(Color::DarkGray),
        }
    }

    pub fn mark(self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }

    /// A row the rule being edited would delete: red, or struck through without colour.
    pub fn doomed(self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::CROSSED_OUT)
        } else {
            Style::new().fg(Color::LightRed)
        }
    }

    pub fn app_name(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn badge(self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        }
    }

    /// Secondary text: hints, separators, previews.
    pub fn dim(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn label(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// A status column: done green, failed red, still going yellow.
    pub fn tone(self, tone: crate::app::resource::Tone) -> Style {
        use crate::app::resource::Tone;
        match tone {
            Tone::Good => self.fg(Color::Green),
            Tone::Bad => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Tone::Busy => self.fg(Color::Yellow),
        }
    }

    pub fn error(self) -> Style {
        self.status(StatusKind::Error)
    }

    pub fn status(self, kind: StatusKind) -> Style {
        match kind {
            StatusKind::Info => Style::new(),
            StatusKind::Success => self.fg(Color::Green),
            StatusKind::Error => self.fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }
}
