//! Managing organizations, repositories and permissions, and the temporary login command:
//! typed confirmations for what cannot be undone, a user picker for grants, and a credential
//! that is copied only after the user knows what it is.

use crossterm::event::{KeyCode, KeyEvent};

use super::field::Field;
use super::format::{exact, parse_time};
use super::forms::{self, send_write};
use super::model::{Model, Overlay, StatusKind};
use super::msg::{Cmd, ErrorInfo, Fetch, PermTarget, RequestId, Write};
use super::pull::login_command;
use crate::swr::model::{IamUser, LoginSecret, UserAuth};

/// Permission levels in the order the dialogs offer them.
pub const LEVELS: [(i64, &str); 3] = [(1, "read"), (3, "write"), (7, "manage")];

pub fn level_index(auth: i64) -> usize {
    LEVELS.iter().position(|(a, _)| *a == auth).unwrap_or(0)
}

/// What a typed confirmation deletes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doomed {
    Org(String),
    Repo {
        org: String,
        repo: String,
        tags: i64,
    },
}

impl Doomed {
    /// The name the user must type.
    pub fn name(&self) -> &str {
        match self {
            Self::Org(name) => name,
            Self::Repo { repo, .. } => repo,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedConfirm {
    pub doomed: Doomed,
    pub field: Field,
    pub error: Option<String>,
}

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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelForm {
    pub target: PermTarget,
    pub user: UserAuth,
    pub level: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoveConfirm {
    pub target: PermTarget,
    pub user: UserAuth,
    pub is_self: bool,
    /// Removing yourself asks twice.
    pub second: bool,
}

fn read_only(model: &mut Model) -> bool {
    if model.session.context.read_only {
        model.say(
            StatusKind::Error,
            "Read-only: changes are disabled (--read-only or the profile's read_only)",
        );
    }
    model.session.context.read_only
}

/// The permission under the cursor: whose, on what, and whether it is the caller's own.
fn current_grant(model: &Model) -> Option<(PermTarget, UserAuth, bool)> {
    let target = model.panes.perm_target.clone()?;
    let row = model.panes.perms.current()?;
    let user = UserAuth {
        user_id: row.raw_id().to_string(),
        user_name: row.user_name.clone(),
        auth: row.auth,
    };
    Some((target, user, row.is_self))
}

/// `c` in the organizations pane.
pub fn create_org(model: &mut Model) -> Vec<Cmd> {
    if !read_only(model) {
        model.overlay = Some(Overlay::Form(forms::create_org()));
    }
    Vec::new()
}

/// `c` in the repositories pane.
pub fn create_repo(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    match model.panes.org.clone() {
        Some(org) => model.overlay = Some(Overlay::Form(forms::create_repo(&org))),
        None => model.say(StatusKind::Info, "Open an organization first"),
    }
    Vec::new()
}

/// `e` in the repositories pane: its attributes.
pub fn edit_repo(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    let (Some(org), Some(row)) = (model.panes.org.clone(), model.panes.repos.current()) else {
        return Vec::new();
    };
    let form = forms::edit_repo(
        &org,
        &row.name,
        row.is_public,
        &row.category,
        &row.description,
    );
    model.overlay = Some(Overlay::Form(form));
    Vec::new()
}

/// `e` in the permissions pane: the user's level.
pub fn edit_level(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    if let Some((target, user, _)) = current_grant(model) {
        let level = level_index(user.auth);
        model.overlay = Some(Overlay::Level(LevelForm {
            target,
            user,
            level,
        }));
    }
    Vec::new()
}

/// `e` where there is nothing to edit: says what to do instead.
pub fn nothing_to_edit(model: &mut Model, why: &'static str) -> Vec<Cmd> {
    if !read_only(model) {
        model.say(StatusKind::Info, why);
    }
    Vec::new()
}

/// `d` in the organizations pane: a typed confirmation.
pub fn delete_org(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    let doomed = model
        .panes
        .orgs
        .current()
        .map(|r| Doomed::Org(r.raw().to_string()));
    ask_typed(model, doomed)
}

/// `d` in the repositories pane: a typed confirmation.
pub fn delete_repo(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    let doomed = match (model.panes.org.clone(), model.panes.repos.current()) {
        (Some(org), Some(r)) => Some(Doomed::Repo {
            org,
            repo: r.raw().to_string(),
            tags: r.tags,
        }),
        _ => None,
    };
    ask_typed(model, doomed)
}

fn ask_typed(model: &mut Model, doomed: Option<Doomed>) -> Vec<Cmd> {
    if let Some(doomed) = doomed {
        model.overlay = Some(Overlay::Typed(TypedConfirm {
            doomed,
            field: Field::single(""),
            error: None,
        }));
    }
    Vec::new()
}

/// `d` in the permissions pane: removing yourself asks twice.
pub fn remove_permission(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    if let Some((target, user, is_self)) = current_grant(model) {
        model.overlay = Some(Overlay::Remove(RemoveConfirm {
            target,
            user,
            is_self,
            second: false,
        }));
    }
    Vec::new()
}

pub fn typed_key(model: &mut Model, mut dialog: TypedConfirm, key: KeyEvent) -> Vec<Cmd> {
    match key.code {
        KeyCode::Esc => {
            model.overlay = None;
            model.say(StatusKind::Info, "Nothing deleted");
            return Vec::new();
        }
        KeyCode::Enter => {
            if dialog.field.text() != dialog.doomed.name() {
                dialog.error = Some(format!(
                    "type {} exactly to delete it",
                    dialog.doomed.name()
                ));
            } else {
                model.overlay = None;
                let (write, done, refresh) = match dialog.doomed {
                    Doomed::Org(name) => (
                        Write::DeleteOrg { name: name.clone() },
                        format!("Deleted organization {name}"),
                        Fetch::Orgs,
                    ),
                    Doomed::Repo { org, repo, .. } => (
                        Write::DeleteRepo {
                            org: org.clone(),
                            repo: repo.clone(),
                        },
                        format!("Deleted repository {org}/{repo}"),
                        Fetch::Repos { org },
                    ),
                };
                return vec![send_write(model, write, done, refresh)];
            }
        }
        _ => {
            dialog.field.key(key);
            dialog.error = None;
        }
    }
    model.overlay = Some(Overlay::Typed(dialog));
    Vec::new()
}

/// `c` in the permissions pane: grant a user a level.
pub fn create_grant(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    grant(model)
}

fn grant(model: &mut Model) -> Vec<Cmd> {
    let Some(target) = model.panes.perm_target.clone() else {
        model.say(
            StatusKind::Info,
            "Pick an organization or repository first (p)",
        );
        return Vec::new();
    };
    let request = model.requests.next;
    model.requests.next += 1;
    model.overlay = Some(Overlay::Grant(GrantForm {
        target,
        users: Users::Loading(request),
        query: Field::single(""),
        cursor: 0,
        manual_id: Field::single(""),
        manual_name: Field::single(""),
        level: 0,
        focus: 0,
        error: None,
    }));
    vec![Cmd::Fetch {
        request,
        fetch: Fetch::Users,
    }]
}

/// The user list for an open grant dialog; false when no dialog waits for `request`.
pub fn users_loaded(
    model: &mut Model,
    request: RequestId,
    result: Result<Vec<IamUser>, ErrorInfo>,
) -> bool {
    let Some(Overlay::Grant(form)) = model.overlay.as_mut() else {
        return false;
    };
    if form.users != Users::Loading(request) {
        return false;
    }
    form.users = match result {
        Ok(users) => Users::Loaded(
            users
                .into_iter()
                .map(|u| (super::text::sanitize(&u.id), super::text::sanitize(&u.name)))
                .collect(),
        ),
        Err(e) => Users::Unavailable(e.to_string()),
    };
    form.focus = 0;
    true
}

pub fn grant_key(model: &mut Model, mut form: GrantForm, key: KeyEvent) -> Vec<Cmd> {
    let count = form.field_count();
    match key.code {
        KeyCode::Esc => {
            model.overlay = None;
            return Vec::new();
        }
        KeyCode::Enter => return submit_grant(model, form),
        KeyCode::Tab => form.focus = (form.focus + 1) % count,
        KeyCode::BackTab => form.focus = (form.focus + count - 1) % count,
        KeyCode::Left | KeyCode::Right | KeyCode::Char(' ') if form.on_level() => {
            let n = LEVELS.len();
            form.level = if key.code == KeyCode::Left {
                (form.level + n - 1) % n
            } else {
                (form.level + 1) % n
            };
        }
        KeyCode::Down if matches!(form.users, Users::Loaded(_)) && form.focus == 0 => {
            form.cursor = (form.cursor + 1).min(form.matches().len().saturating_sub(1));
        }
        KeyCode::Up if matches!(form.users, Users::Loaded(_)) && form.focus == 0 => {
            form.cursor = form.cursor.saturating_sub(1);
        }
        _ if !form.on_level() => {
            let field = match (&form.users, form.focus) {
                (Users::Unavailable(_), 0) => &mut form.manual_id,
                (Users::Unavailable(_), _) => &mut form.manual_name,
                _ => &mut form.query,
            };
            field.key(key);
            form.cursor = 0;
            form.error = None;
        }
        _ => {}
    }
    model.overlay = Some(Overlay::Grant(form));
    Vec::new()
}

fn submit_grant(model: &mut Model, mut form: GrantForm) -> Vec<Cmd> {
    let picked = match &form.users {
        Users::Loaded(_) => form
            .matches()
            .get(form.cursor)
            .map(|(id, name)| (id.clone(), name.clone())),
        Users::Unavailable(_) => {
            let (id, name) = (
                form.manual_id.text().trim().to_string(),
                form.manual_name.text().trim().to_string(),
            );
            (!id.is_empty() && !name.is_empty()).then_some((id, name))
        }
        Users::Loading(_) => None,
    };
    let Some((user_id, user_name)) = picked else {
        form.error = Some(match form.users {
            Users::Unavailable(_) => "type the user's id and name".into(),
            Users::Loading(_) => "the user list is still loading".into(),
            Users::Loaded(_) => "no user matches".into(),
        });
        model.overlay = Some(Overlay::Grant(form));
        return Vec::new();
    };
    let (auth, word) = LEVELS[form.level.min(LEVELS.len() - 1)];
    let done = format!("Granted {user_name} {word} on {}", form.target.label());
    let refresh = Fetch::Perms(form.target.clone());
    let write = Write::AddPermission {
        target: form.target,
        user: UserAuth {
            user_id,
            user_name,
            auth,
        },
    };
    model.overlay = None;
    vec![send_write(model, write, done, refresh)]
}

pub fn level_key(model: &mut Model, mut form: LevelForm, key: KeyEvent) -> Vec<Cmd> {
    let n = LEVELS.len();
    match key.code {
        KeyCode::Esc => {
            model.overlay = None;
            return Vec::new();
        }
        KeyCode::Left | KeyCode::Up | KeyCode::Char('k') | KeyCode::Char('h') => {
            form.level = (form.level + n - 1) % n
        }
        KeyCode::Right
        | KeyCode::Down
        | KeyCode::Char('j')
        | KeyCode::Char('l')
        | KeyCode::Char(' ') => form.level = (form.level + 1) % n,
        KeyCode::Enter => {
            let (auth, word) = LEVELS[form.level.min(n - 1)];
            let done = format!(
                "{} now has {word} on {}",
                form.user.user_name,
                form.target.label()
            );
            let refresh = Fetch::Perms(form.target.clone());
            let write = Write::ChangePermission {
                target: form.target,
                user: UserAuth { auth, ..form.user },
            };
            model.overlay = None;
            return vec![send_write(model, write, done, refresh)];
        }
        _ => {}
    }
    model.overlay = Some(Overlay::Level(form));
    Vec::new()
}

pub fn remove_key(model: &mut Model, mut dialog: RemoveConfirm, key: KeyEvent) -> Vec<Cmd> {
    match key.code {
        KeyCode::Char('y') if dialog.is_self && !dialog.second => {
            dialog.second = true;
            model.overlay = Some(Overlay::Remove(dialog));
        }
        KeyCode::Char('y') => {
            let done = format!(
                "Removed {}'s permission on {}",
                dialog.user.user_name,
                dialog.target.label()
            );
            let refresh = Fetch::Perms(dialog.target.clone());
            let write = Write::RemovePermission {
                target: dialog.target,
                user_id: dialog.user.user_id,
            };
            model.overlay = None;
            return vec![send_write(model, write, done, refresh)];
        }
        KeyCode::Char('n') | KeyCode::Esc | KeyCode::Enter => model.overlay = None,
        _ => model.overlay = Some(Overlay::Remove(dialog)),
    }
    Vec::new()
}

/// `L`: asks the service for a temporary login command.
pub fn login(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    let request = model.requests.next;
    model.requests.next += 1;
    model.requests.login = Some(request);
    model.say(
        StatusKind::Info,
        "Requesting a temporary docker login command…",
    );
    vec![Cmd::FetchLogin { request }]
}

pub fn login_fetched(
    model: &mut Model,
    request: RequestId,
    result: Result<LoginSecret, ErrorInfo>,
) {
    if model.requests.login != Some(request) {
        return;
    }
    model.requests.login = None;
    match result {
        // Checked now, so the dialog only ever offers a command it can copy; the registry it
        // names is the profile's, the one the command will hold.
        Ok(secret) => match login_command(&secret.docker_login, &model.session.context.registry) {
            Ok(_) => {
                model.status = None;
                model.overlay = Some(Overlay::Login(LoginSecret {
                    registry: model.session.context.registry.clone(),
                    ..secret
                }));
            }
            Err(why) => model.say(StatusKind::Error, format!("No login command: {why}")),
        },
        Err(e) => model.say(StatusKind::Error, format!("No login command: {e}")),
    }
}

/// "2026-03-11 12:00:00 UTC", or the text as sent when it is not a time.
pub fn expiry(secret: &LoginSecret) -> String {
    parse_time(&secret.expires_at)
        .map(|t| exact(Some(t)))
        .unwrap_or_else(|| crate::app::text::sanitize_name(&secret.expires_at))
}

pub fn login_key(model: &mut Model, secret: LoginSecret, key: KeyEvent) -> Vec<Cmd> {
    match key.code {
        KeyCode::Char('y') | KeyCode::Enter => {
            model.overlay = None;
            let label = format!(
                "the temporary docker login command for {} (valid until {})",
                secret.registry,
                expiry(&secret)
            );
            match login_command(&secret.docker_login, &secret.registry) {
                Ok(text) => vec![Cmd::CopySecret { text, label }],
                Err(why) => {
                    model.say(StatusKind::Error, format!("Not copied: {why}"));
                    Vec::new()
                }
            }
        }
        KeyCode::Char('n') | KeyCode::Esc | KeyCode::Char('q') => {
            model.overlay = None;
            Vec::new()
        }
        _ => {
            model.overlay = Some(Overlay::Login(secret));
            Vec::new()
        }
    }
}
