//! Granting a permission: pick a user from the account's list (filtered as you type), or
//! type an id and name when the list is unavailable, and choose the level.

use crossterm::event::KeyEvent;

use super::Outcome;
use crate::app::field::Field;
use crate::app::keys::{Action, Layer};
use crate::app::model::Model;
use crate::app::msg::{ErrorInfo, Fetch, PermTarget, RequestId, Write};
use crate::app::resources::LEVELS;
use crate::app::writes::send_write;
use crate::swr::model::{IamUser, UserAuth};

/// The account's users for the picker: loading, loaded, or unavailable (then typed by hand).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Users {
    Loading(RequestId),
    Loaded(Vec<(String, String)>),
    Unavailable(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantForm {
    pub target: PermTarget,
    pub users: Users,
    /// Filters the picker.
    pub query: Field,
    pub cursor: usize,
    /// Used when the user list is unavailable.
    pub manual_id: Field,
    pub manual_name: Field,
    pub level: usize,
    pub focus: usize,
    pub error: Option<String>,
}

impl GrantForm {
    /// A grant on `target`, its user list asked for with `request`.
    pub fn new(target: PermTarget, request: RequestId) -> Self {
        Self {
            target,
            users: Users::Loading(request),
            query: Field::single(""),
            cursor: 0,
            manual_id: Field::single(""),
            manual_name: Field::single(""),
            level: 0,
            focus: 0,
            error: None,
        }
    }

    /// Users matching the query, as (id, name).
    pub fn matches(&self) -> Vec<&(String, String)> {
        let Users::Loaded(users) = &self.users else {
            return Vec::new();
        };
        let q = self.query.text().to_lowercase();
        users
            .iter()
            .filter(|(id, name)| {
                q.is_empty() || name.to_lowercase().contains(&q) || id.contains(&q)
            })
            .collect()
    }

    /// Fields in Tab order: picker (or id, name) then level.
    pub fn field_count(&self) -> usize {
        if matches!(self.users, Users::Unavailable(_)) {
            3
        } else {
            2
        }
    }

    pub fn on_level(&self) -> bool {
        self.focus + 1 == self.field_count()
    }

    fn focused_field(&mut self) -> Option<&mut Field> {
        match (&self.users, self.focus) {
            (Users::Unavailable(_), 0) => Some(&mut self.manual_id),
            (Users::Unavailable(_), 1) => Some(&mut self.manual_name),
            (_, 0) => Some(&mut self.query),
            _ => None,
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(field) = self.focused_field() {
            field.paste(text);
        }
    }

    pub fn key(&mut self, model: &mut Model, key: KeyEvent) -> Outcome {
        let count = self.field_count();
        let layers: &[Layer] = if self.on_level() {
            &[Layer::Text, Layer::Choice]
        } else {
            &[Layer::Text]
        };
        let picking = matches!(self.users, Users::Loaded(_)) && self.focus == 0;
        let n = LEVELS.len();
        match model.prefs.keymap.action_in(layers, key) {
            Some(Action::Cancel) => return Outcome::Close,
            Some(Action::Accept) => return self.submit(model),
            Some(Action::NextField) => self.focus = (self.focus + 1) % count,
            Some(Action::PrevField) => self.focus = (self.focus + count - 1) % count,
            Some(Action::ValueNext) => self.level = (self.level + 1) % n,
            Some(Action::ValuePrev) => self.level = (self.level + n - 1) % n,
            Some(Action::Down) if picking => {
                self.cursor = (self.cursor + 1).min(self.matches().len().saturating_sub(1));
            }
            Some(Action::Up) if picking => self.cursor = self.cursor.saturating_sub(1),
            _ => {
                if let Some(field) = self.focused_field() {
                    field.key(key);
                    self.cursor = 0;
                    self.error = None;
                }
            }
        }
        Outcome::Stay
    }

    fn submit(&mut self, model: &mut Model) -> Outcome {
        let picked = match &self.users {
            Users::Loaded(_) => self
                .matches()
                .get(self.cursor)
                .map(|(id, name)| (id.clone(), name.clone())),
            Users::Unavailable(_) => {
                let (id, name) = (
                    self.manual_id.text().trim().to_string(),
                    self.manual_name.text().trim().to_string(),
                );
                (!id.is_empty() && !name.is_empty()).then_some((id, name))
            }
            Users::Loading(_) => None,
        };
        let Some((user_id, user_name)) = picked else {
            self.error = Some(match self.users {
                Users::Unavailable(_) => "type the user's id and name".into(),
                Users::Loading(_) => "the user list is still loading".into(),
                Users::Loaded(_) => "no user matches".into(),
            });
            return Outcome::Stay;
        };
        let (auth, word) = LEVELS[self.level.min(LEVELS.len() - 1)];
        let done = format!("Granted {user_name} {word} on {}", self.target.label());
        let refresh = Fetch::Perms(self.target.clone());
        let write = Write::AddPermission {
            target: self.target.clone(),
            user: UserAuth {
                user_id,
                user_name,
                auth,
            },
        };
        Outcome::Done(vec![send_write(model, write, done, refresh)])
    }
}

/// The user list for an open grant dialog; false when no dialog waits for `request`.
pub fn users_loaded(
    model: &mut Model,
    request: RequestId,
    result: Result<Vec<IamUser>, ErrorInfo>,
) -> bool {
    let Some(super::Overlay::Grant(form)) = model.overlay.as_mut() else {
        return false;
    };
    if form.users != Users::Loading(request) {
        return false;
    }
    form.users = match result {
        Ok(users) => Users::Loaded(
            users
                .into_iter()
                .map(|u| {
                    (
                        crate::app::text::sanitize(&u.id),
                        crate::app::text::sanitize(&u.name),
                    )
                })
                .collect(),
        ),
        Err(e) => Users::Unavailable(e.to_string()),
    };
    form.focus = 0;
    true
}
