//! Drawing (placeholder until the view layer lands).

use ratatui::Frame;
use ratatui::widgets::Paragraph;

use crate::app::Model;

pub fn view(model: &Model, frame: &mut Frame) {
    let text = format!("swr-tui — {} organizations", model.orgs.len());
    frame.render_widget(Paragraph::new(text), frame.area());
}
