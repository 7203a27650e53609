//! Create and edit forms for organizations and repositories: real text fields, toggles and
//! choice lists; Tab moves, Ctrl-S saves, Esc cancels (asking first when something changed),
//! and invalid input is explained inline before anything is sent.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::field::Field;
use super::model::{Model, Overlay, PendingWrite};
use super::msg::{Cmd, Fetch, Write};
use crate::swr::model::{CATEGORIES, CreateRepo, UpdateRepo};
use crate::swr::validate;

/// The console's limit for a repository description.
pub const DESCRIPTION_MAX: usize = 30_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// One line; Enter saves.
    Text(Field),
    /// Several lines; Enter adds a line.
    Multi(Field),
    Toggle(bool),
    Choice {
        options: Vec<String>,
        index: usize,
    },
}

impl Input {
    fn value(&self) -> String {
        match self {
            Self::Text(f) | Self::Multi(f) => f.text(),
            Self::Toggle(b) => b.to_string(),
            Self::Choice { options, index } => options.get(*index).cloned().unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    pub label: &'static str,
    pub input: Input,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    CreateOrg,
    CreateRepo { org: String },
    EditRepo { org: String, repo: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<FormField>,
    pub focus: usize,
    /// The values when the form opened, to tell whether Esc would lose anything.
    initial: Vec<String>,
    /// Showing "discard changes?".
    pub confirm_discard: bool,
    /// The field an error belongs to, and the error.
    pub error: Option<(usize, String)>,
}

impl Form {
    fn new(kind: FormKind, fields: Vec<FormField>) -> Self {
        let initial = fields.iter().map(|f| f.input.value()).collect();
        Self {
            kind,
            fields,
            focus: 0,
            initial,
            confirm_discard: false,
            error: None,
        }
    }

    pub fn title(&self) -> String {
        match &self.kind {
            FormKind::CreateOrg => "Create organization".into(),
            FormKind::CreateRepo { org } => format!("Create repository in {org}"),
            FormKind::EditRepo { org, repo } => format!("Edit {org}/{repo}"),
        }
    }

    pub fn changed(&self) -> bool {
        self.fields
            .iter()
            .map(|f| f.input.value())
            .ne(self.initial.iter().cloned())
    }

    fn value(&self, label: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map(|f| f.input.value())
            .unwrap_or_default()
    }

    fn index_of(&self, label: &str) -> usize {
        self.fields
            .iter()
            .position(|f| f.label == label)
            .unwrap_or(0)
    }
}

fn category_choice(current: &str) -> Input {
    let options: Vec<String> = CATEGORIES.iter().map(|c| c.to_string()).collect();
    let index = options.iter().position(|c| c == current).unwrap_or(0);
    Input::Choice { options, index }
}

pub fn create_org() -> Form {
    Form::new(
        FormKind::CreateOrg,
        vec![FormField {
            label: "Name",
            input: Input::Text(Field::single("")),
        }],
    )
}

pub fn create_repo(org: &str) -> Form {
    Form::new(
        FormKind::CreateRepo { org: org.into() },
        vec![
            FormField {
                label: "Name",
                input: Input::Text(Field::single("")),
            },
            FormField {
                label: "Public",
                input: Input::Toggle(false),
            },
            FormField {
                label: "Category",
                input: category_choice("other"),
            },
            FormField {
                label: "Description",
                input: Input::Multi(Field::multi("")),
            },
        ],
    )
}

pub fn edit_repo(
    org: &str,
    repo: &str,
    is_public: bool,
    category: &str,
    description: &str,
) -> Form {
    Form::new(
        FormKind::EditRepo {
            org: org.into(),
            repo: repo.into(),
        },
        vec![
            FormField {
                label: "Public",
                input: Input::Toggle(is_public),
            },
            FormField {
                label: "Category",
                input: category_choice(category),
            },
            FormField {
                label: "Description",
                input: Input::Multi(Field::multi(description)),
            },
        ],
    )
}

/// Keys of an open form.
pub fn key(model: &mut Model, mut form: Form, key: KeyEvent) -> Vec<Cmd> {
    if form.confirm_discard {
        match key.code {
            KeyCode::Char('y') => model.overlay = None,
            _ => {
                form.confirm_discard = false;
                model.overlay = Some(Overlay::Form(form));
            }
        }
        return Vec::new();
    }
    let ctrl_s = key.code == KeyCode::Char('s') && key.modifiers.contains(KeyModifiers::CONTROL);
    let count = form.fields.len().max(1);
    let focused_multi = matches!(
        form.fields.get(form.focus).map(|f| &f.input),
        Some(Input::Multi(_))
    );
    match key.code {
        _ if ctrl_s => return submit(model, form),
        KeyCode::Enter if !focused_multi => return submit(model, form),
        KeyCode::Esc if form.changed() => form.confirm_discard = true,
        KeyCode::Esc => {
            model.overlay = None;
            return Vec::new();
        }
        KeyCode::Tab => form.focus = (form.focus + 1) % count,
        KeyCode::BackTab => form.focus = (form.focus + count - 1) % count,
        _ => edit_focused(&mut form, key),
    }
    model.overlay = Some(Overlay::Form(form));
    Vec::new()
}

fn edit_focused(form: &mut Form, key: KeyEvent) {
    let focus = form.focus;
    let Some(field) = form.fields.get_mut(focus) else {
        return;
    };
    match &mut field.input {
        Input::Text(f) | Input::Multi(f) => {
            if f.key(key) {
                form.error = form.error.take().filter(|(i, _)| *i != focus);
            }
        }
        Input::Toggle(on) => {
            if matches!(
                key.code,
                KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right
            ) {
                *on = !*on;
            }
        }
        Input::Choice { options, index } => {
            let n = options.len().max(1);
            match key.code {
                KeyCode::Right | KeyCode::Char(' ') | KeyCode::Char('l') => {
                    *index = (*index + 1) % n
                }
                KeyCode::Left | KeyCode::Char('h') => *index = (*index + n - 1) % n,
                _ => {}
            }
        }
    }
}

/// Pasted text goes into the focused text field.
pub fn paste(form: &mut Form, text: &str) {
    if let Some(FormField {
        input: Input::Text(f) | Input::Multi(f),
        ..
    }) = form.fields.get_mut(form.focus)
    {
        f.paste(text);
    }
}

fn invalid(model: &mut Model, mut form: Form, label: &str, why: String) -> Vec<Cmd> {
    let index = form.index_of(label);
    form.focus = index;
    form.error = Some((index, why));
    model.overlay = Some(Overlay::Form(form));
    Vec::new()
}

fn submit(model: &mut Model, form: Form) -> Vec<Cmd> {
    let description = form.value("Description");
    if description.chars().count() > DESCRIPTION_MAX {
        return invalid(
            model,
            form,
            "Description",
            format!("at most {DESCRIPTION_MAX} characters"),
        );
    }
    let (write, done, refresh) = match &form.kind {
        FormKind::CreateOrg => {
            let name = form.value("Name").trim().to_string();
            if let Err(why) = validate::namespace_name(&name) {
                return invalid(model, form, "Name", why);
            }
            if let Some((used, limit)) = model
                .session
                .org_quota
                .filter(|(used, limit)| used >= limit)
            {
                let why = format!(
                    "quota reached: {used} of {} (SWR's default quota is 5)",
                    super::format::count(limit, "organization", "organizations")
                );
                return invalid(model, form, "Name", why);
            }
            (
                Write::CreateOrg { name: name.clone() },
                format!("Created organization {name}"),
                Fetch::Orgs,
            )
        }
        FormKind::CreateRepo { org } => {
            let name = form.value("Name").trim().to_string();
            if let Err(why) = validate::repository_name(&name) {
                return invalid(model, form, "Name", why);
            }
            let body = CreateRepo {
                repository: name.clone(),
                is_public: form.value("Public") == "true",
                category: Some(form.value("Category")),
                description: Some(description),
            };
            let done = format!("Created repository {org}/{name}");
            (
                Write::CreateRepo {
                    org: org.clone(),
                    body,
                },
                done,
                Fetch::Repos { org: org.clone() },
            )
        }
        FormKind::EditRepo { org, repo } => {
            let body = UpdateRepo {
                is_public: form.value("Public") == "true",
                category: Some(form.value("Category")),
                description: Some(description),
            };
            let done = format!("Saved {org}/{repo}");
            let write = Write::UpdateRepo {
                org: org.clone(),
                repo: repo.clone(),
                body,
            };
            (write, done, Fetch::Repos { org: org.clone() })
        }
    };
    model.overlay = None;
    vec![send_write(model, write, done, refresh)]
}

/// Sends a write and remembers what to say and reload when it succeeds.
pub fn send_write(model: &mut Model, write: Write, done: String, refresh: Fetch) -> Cmd {
    let request = model.requests.next;
    model.requests.next += 1;
    model.jobs.write = Some(PendingWrite {
        request,
        done,
        refresh,
        retag: None,
    });
    model.inform("Saving…");
    Cmd::Write { request, write }
}
