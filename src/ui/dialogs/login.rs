//! The temporary login command: says what it is and when it expires; never draws the
//! credential itself.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::confirm::{self, Look};
use crate::app::dialogs::Confirm;
use crate::app::dialogs::login::{expiry, is_long_term};
use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::swr::model::LoginSecret;
use crate::ui::theme::Theme;

pub fn draw(
    frame: &mut Frame,
    screen: Rect,
    keys: &Keymap,
    dialog: &Confirm<LoginSecret>,
    theme: Theme,
) {
    let footer = KeyHints::new(keys)
        .keys(Layer::Buttons, &[Action::Confirm], "copy")
        .keys(Layer::Buttons, &[Action::Cancel], "cancel")
        .build();
    let long_term = is_long_term(dialog);
    let lines = vec![
        Line::from(vec![
            Span::styled("Registry  ", theme.label()),
            Span::raw(dialog.registry.clone()),
        ]),
        Line::from(vec![
            Span::styled("Expires   ", theme.label()),
            Span::raw(expiry(dialog)),
        ]),
        Line::raw(""),
        Line::styled(
            "It contains a credential: anyone who sees it can push and pull",
            theme.error(),
        ),
        Line::styled(
            match long_term {
                true => "as you until it is disabled. SWR shows it only now: copy it?",
                false => "as you until it expires. Copy it to the clipboard?",
            },
            theme.error(),
        ),
    ];
    let look = Look {
        title: match long_term {
            true => "Long-term credential: docker login command",
            false => "Temporary docker login command",
        },
        width: super::width(screen),
        body: 5,
        confirm: "Copy",
        footer: &footer,
    };
    confirm::draw(frame, screen, dialog, look, theme, |frame, area| {
        frame.render_widget(Paragraph::new(lines), area)
    });
}
