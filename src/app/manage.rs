//! Managing organizations, repositories and permissions, and the temporary login command:
//! what `c`, `e`, `d` and `L` open in each pane, and how a write is sent. The dialogs
//! themselves live in `app::dialogs`.

use super::dialogs::form;
use super::dialogs::{Confirm, GrantForm, Guard, LevelForm, Overlay, Removal};
use super::model::{Model, PendingWrite, StatusKind};
use super::msg::{Cmd, ErrorInfo, Fetch, PermTarget, RequestId, Write};
use super::pull::login_command;
use crate::swr::model::{LoginSecret, UserAuth};

pub use super::dialogs::Doomed;
pub use super::dialogs::grant::{Users, users_loaded};
pub use super::dialogs::login::expiry;

/// Permission levels in the order the dialogs offer them.
pub const LEVELS: [(i64, &str); 3] = [(1, "read"), (3, "write"), (7, "manage")];

pub fn level_index(auth: i64) -> usize {
    LEVELS.iter().position(|(a, _)| *a == auth).unwrap_or(0)
}

pub fn read_only(model: &mut Model) -> bool {
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
        model.overlay = Some(Overlay::Form(form::create_org()));
    }
    Vec::new()
}

/// `c` in the repositories pane.
pub fn create_repo(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    match model.panes.org.clone() {
        Some(org) => model.overlay = Some(Overlay::Form(form::create_repo(&org))),
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
    let form = form::edit_repo(
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
        let guard = Guard::typed(doomed.name());
        model.overlay = Some(Overlay::Typed(Confirm::new(doomed, guard)));
    }
    Vec::new()
}

/// `d` in the permissions pane: removing your own permission may lock you out, so it asks
/// twice.
pub fn remove_permission(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    let Some((target, user, is_self)) = current_grant(model) else {
        return Vec::new();
    };
    let guard = if is_self {
        Guard::Twice { asked: false }
    } else {
        Guard::Plain
    };
    let removal = Removal {
        target,
        user,
        is_self,
    };
    model.overlay = Some(Overlay::Remove(Confirm::new(removal, guard)));
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
    model.overlay = Some(Overlay::Grant(GrantForm::new(target, request)));
    vec![Cmd::Fetch {
        request,
        fetch: Fetch::Users,
    }]
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
                let secret = LoginSecret {
                    registry: model.session.context.registry.clone(),
                    ..secret
                };
                model.overlay = Some(Overlay::Login(Confirm::new(secret, Guard::Plain)));
            }
            Err(why) => model.say(StatusKind::Error, format!("No login command: {why}")),
        },
        Err(e) => model.say(StatusKind::Error, format!("No login command: {e}")),
    }
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
        batch: write.is_batch(),
    });
    model.inform("Saving…");
    Cmd::Write { request, write }
}
