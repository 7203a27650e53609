//! Create and edit forms for organizations and repositories: real text fields, toggles and
//! choice lists; Tab moves, Ctrl-S saves, Esc cancels (asking first when something changed),
//! and invalid input is explained inline before anything is sent.

use crossterm::event::KeyEvent;

use super::Outcome;
use crate::app::field::Field;
use crate::app::keys::{Action, Layer};
use crate::app::model::Model;
use crate::app::msg::{Fetch, InstanceWrite, Write};
use crate::app::writes::send_write;
use crate::swr::model::{CATEGORIES, CreateRepo, UpdateRepo};
use crate::swr::validate;

pub mod share;
pub mod sync;

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
    /// A key on the focused input: text keys edit text, the value keys toggle or step a choice.
    /// True when the text changed (so an error about it is stale).
    pub fn edit(&mut self, action: Option<Action>, key: KeyEvent) -> bool {
        match self {
            Self::Text(f) | Self::Multi(f) => f.key(key),
            Self::Toggle(on) => {
                if matches!(action, Some(Action::ValueNext | Action::ValuePrev)) {
                    *on = !*on;
                }
                false
            }
            Self::Choice { options, index } => {
                let n = options.len().max(1);
                match action {
                    Some(Action::ValueNext) => *index = (*index + 1) % n,
                    Some(Action::ValuePrev) => *index = (*index + n - 1) % n,
                    _ => {}
                }
                false
            }
        }
    }

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
    CreateRepo {
        org: String,
    },
    EditRepo {
        org: String,
        repo: String,
    },
    /// An enterprise namespace, public or private.
    CreateNamespace {
        instance: String,
    },
    /// A long-term credential of an instance (its secret is handed over once).
    CreateCredential {
        instance: String,
    },
    /// The description of an enterprise repository (all it lets change).
    DescribeInstanceRepo {
        instance: String,
        namespace: String,
        repo: String,
    },
    /// Shares a repository with another account.
    AddShare {
        org: String,
        repo: String,
    },
    /// Changes until when (and why) a repository is shared with an account.
    ExtendShare {
        org: String,
        repo: String,
        account: String,
    },
    /// Syncs these tags (as the service sent them) to another region; confirmed first.
    SyncTags {
        org: String,
        repo: String,
        tags: Vec<String>,
    },
    /// A new automatic sync rule of a repository.
    AddSyncRule {
        org: String,
        repo: String,
    },
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
        if let Some(title) = sync::title(&self.kind) {
            return title;
        }
        match &self.kind {
            FormKind::CreateOrg => "Create organization".into(),
            FormKind::CreateRepo { org } => format!("Create repository in {org}"),
            FormKind::EditRepo { org, repo } => format!("Edit {org}/{repo}"),
            FormKind::CreateNamespace { .. } => "Create namespace".into(),
            FormKind::CreateCredential { .. } => "Create long-term credential".into(),
            FormKind::DescribeInstanceRepo {
                namespace, repo, ..
            } => format!("Describe {namespace}/{repo}"),
            FormKind::AddShare { org, repo } => format!("Share {org}/{repo}"),
            FormKind::ExtendShare { account, .. } => {
                format!(
                    "Extend the share with {}",
                    crate::app::text::sanitize(account)
                )
            }
            FormKind::SyncTags { .. } | FormKind::AddSyncRule { .. } => String::new(),
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

pub fn create_namespace(instance: &str) -> Form {
    Form::new(
        FormKind::CreateNamespace {
            instance: instance.into(),
        },
        vec![
            FormField {
                label: "Name",
                input: Input::Text(Field::single("")),
            },
            FormField {
                label: "Public",
                input: Input::Toggle(false),
            },
        ],
    )
}

pub fn create_credential(instance: &str) -> Form {
    Form::new(
        FormKind::CreateCredential {
            instance: instance.into(),
        },
        vec![FormField {
            label: "Name",
            input: Input::Text(Field::single("")),
        }],
    )
}

pub fn describe_instance_repo(
    instance: &str,
    namespace: &str,
    repo: &str,
    description: &str,
) -> Form {
    Form::new(
        FormKind::DescribeInstanceRepo {
            instance: instance.into(),
            namespace: namespace.into(),
            repo: repo.into(),
        },
        vec![FormField {
            label: "Description",
            input: Input::Multi(Field::multi(description)),
        }],
    )
}

impl Form {
    /// Keys of an open form: the focused text input takes what the text layer leaves; a
    /// focused toggle or choice takes what is left after that.
    pub fn key(&mut self, model: &mut Model, key: KeyEvent) -> Outcome {
        if self.confirm_discard {
            if model.prefs.keymap.action_in(&[Layer::Buttons], key) == Some(Action::Confirm) {
                return Outcome::Close;
            }
            self.confirm_discard = false;
            return Outcome::Stay;
        }
        let count = self.fields.len().max(1);
        let focused = self.fields.get(self.focus).map(|f| &f.input);
        let multi = matches!(focused, Some(Input::Multi(_)));
        let layers: &[Layer] = match focused {
            Some(Input::Text(_) | Input::Multi(_)) => &[Layer::Text],
            _ => &[Layer::Text, Layer::Choice],
        };
        match model.prefs.keymap.action_in(layers, key) {
            Some(Action::Save) => return self.submit(model),
            Some(Action::Accept) if !multi => return self.submit(model),
            Some(Action::Cancel) if self.changed() => self.confirm_discard = true,
            Some(Action::Cancel) => return Outcome::Close,
            Some(Action::NextField) => self.focus = (self.focus + 1) % count,
            Some(Action::PrevField) => self.focus = (self.focus + count - 1) % count,
            action => self.edit_focused(action, key),
        }
        Outcome::Stay
    }

    fn edit_focused(&mut self, action: Option<Action>, key: KeyEvent) {
        let focus = self.focus;
        let Some(field) = self.fields.get_mut(focus) else {
            return;
        };
        if field.input.edit(action, key) {
            self.error = self.error.take().filter(|(i, _)| *i != focus);
        }
    }

    /// Pasted text goes into the focused text field.
    pub fn paste(&mut self, text: &str) {
        if let Some(FormField {
            input: Input::Text(f) | Input::Multi(f),
            ..
        }) = self.fields.get_mut(self.focus)
        {
            f.paste(text);
        }
    }

    fn invalid(&mut self, label: &str, why: String) -> Outcome {
        let index = self.index_of(label);
        self.focus = index;
        self.error = Some((index, why));
        Outcome::Stay
    }

    fn submit(&mut self, model: &mut Model) -> Outcome {
        let description = self.value("Description");
        if description.chars().count() > DESCRIPTION_MAX {
            return self.invalid(
                "Description",
                format!("at most {DESCRIPTION_MAX} characters"),
            );
        }
        if let Some(outcome) = share::submit(self, model) {
            return outcome;
        }
        if let Some(outcome) = sync::submit(self, model) {
            return outcome;
        }
        if let FormKind::CreateCredential { instance } = &self.kind {
            let name = self.value("Name").trim().to_string();
            if let Err(why) = validate::long_term_credential_name(&name) {
                return self.invalid("Name", why);
            }
            return Outcome::Done(vec![crate::app::login::create_long_term(
                model, instance, &name,
            )]);
        }
        let (write, done, refresh) = match &self.kind {
            FormKind::CreateOrg => {
                let name = self.value("Name").trim().to_string();
                if let Err(why) = validate::namespace_name(&name) {
                    return self.invalid("Name", why);
                }
                if let Some((used, limit)) = model
                    .session
                    .org_quota
                    .filter(|(used, limit)| used >= limit)
                {
                    let why = format!(
                        "quota reached: {used} of {} (SWR's default quota is 5)",
                        crate::app::format::count(limit, "organization", "organizations")
                    );
                    return self.invalid("Name", why);
                }
                (
                    Write::CreateOrg { name: name.clone() },
                    format!("Created organization {name}"),
                    Fetch::Orgs,
                )
            }
            FormKind::CreateRepo { org } => {
                let name = self.value("Name").trim().to_string();
                if let Err(why) = validate::repository_name(&name) {
                    return self.invalid("Name", why);
                }
                let body = CreateRepo {
                    repository: name.clone(),
                    is_public: self.value("Public") == "true",
                    category: Some(self.value("Category")),
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
                    is_public: self.value("Public") == "true",
                    category: Some(self.value("Category")),
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
            FormKind::CreateNamespace { instance } => {
                let name = self.value("Name").trim().to_string();
                if let Err(why) = validate::instance_namespace_name(&name) {
                    return self.invalid("Name", why);
                }
                let write = Write::Instance {
                    instance: instance.clone(),
                    change: InstanceWrite::CreateNamespace {
                        name: name.clone(),
                        public: self.value("Public") == "true",
                    },
                };
                let refresh = Fetch::Namespaces {
                    instance: instance.clone(),
                };
                (write, format!("Created namespace {name}"), refresh)
            }
            // Sent above: its answer is a secret, not a write's.
            FormKind::CreateCredential { .. } => return Outcome::Stay,
            // Sent above, by the share form's own checks.
            FormKind::AddShare { .. } | FormKind::ExtendShare { .. } => return Outcome::Stay,
            // Sent (or confirmed) above, by the sync form's own checks.
            FormKind::SyncTags { .. } | FormKind::AddSyncRule { .. } => return Outcome::Stay,
            FormKind::DescribeInstanceRepo {
                instance,
                namespace,
                repo,
            } => {
                let write = Write::Instance {
                    instance: instance.clone(),
                    change: InstanceWrite::DescribeRepo {
                        namespace: namespace.clone(),
                        repo: repo.clone(),
                        description,
                    },
                };
                let refresh = Fetch::InstanceRepos {
                    instance: instance.clone(),
                    namespace: namespace.clone(),
                };
                (write, format!("Saved {namespace}/{repo}"), refresh)
            }
        };
        Outcome::Done(vec![send_write(model, write, done, refresh)])
    }
}
