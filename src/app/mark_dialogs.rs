//! The marking menu (`m`) and the prompt of a rule that needs input (pattern, count, age):
//! each key moves, chooses, edits or closes; a chosen rule marks through `marking::apply`.

use crossterm::event::{KeyCode, KeyEvent};

use super::field::Field;
use super::marking::{self, MarkRule};
use super::model::{Model, Overlay};
use super::msg::Cmd;

pub(super) fn menu_key(model: &mut Model, cursor: usize, key: KeyEvent, closes: bool) -> Vec<Cmd> {
    let last = MarkRule::ALL.len() - 1;
    let chosen = match key.code {
        KeyCode::Char('j') | KeyCode::Down => {
            model.overlay = Some(Overlay::MarkMenu {
                cursor: (cursor + 1).min(last),
            });
            None
        }
        KeyCode::Char('k') | KeyCode::Up => {
            model.overlay = Some(Overlay::MarkMenu {
                cursor: cursor.saturating_sub(1),
            });
            None
        }
        KeyCode::Enter => Some(cursor),
        KeyCode::Char(c @ '1'..='5') => Some(usize::from(c as u8 - b'1')),
        _ => {
            if closes {
                model.overlay = None;
            }
            None
        }
    };
    if let Some(index) = chosen {
        let rule = MarkRule::ALL[index];
        if rule.prompt().is_some() {
            model.overlay = Some(Overlay::MarkPrompt {
                rule,
                field: Field::single(""),
                error: None,
            });
        } else {
            model.overlay = None;
            apply_mark_rule(model, rule, "");
        }
    }
    Vec::new()
}

pub(super) fn prompt_key(
    model: &mut Model,
    rule: MarkRule,
    mut field: Field,
    key: KeyEvent,
) -> Vec<Cmd> {
    match key.code {
        KeyCode::Esc => model.overlay = None,
        KeyCode::Enter => {
            let input = field.text();
            match marking::apply(rule, &input, &mut model.panes.tags, model.now) {
                Ok(text) => {
                    model.overlay = None;
                    model.inform(text);
                }
                Err(why) => {
                    model.overlay = Some(Overlay::MarkPrompt {
                        rule,
                        field,
                        error: Some(why),
                    })
                }
            }
        }
        _ => {
            field.key(key);
            model.overlay = Some(Overlay::MarkPrompt {
                rule,
                field,
                error: None,
            });
        }
    }
    Vec::new()
}

fn apply_mark_rule(model: &mut Model, rule: MarkRule, input: &str) {
    match marking::apply(rule, input, &mut model.panes.tags, model.now) {
        Ok(text) => model.inform(text),
        Err(why) => model.inform(why),
    }
}
