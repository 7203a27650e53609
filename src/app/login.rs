//! `L`: a temporary docker login command. The service is asked for it; the dialog says that it
//! holds a credential, and until when, before anything is copied.

use super::dialogs::{Confirm, Guard, Overlay};
use super::model::{Model, StatusKind};
use super::msg::{Cmd, ErrorInfo, Fetch, LoginKind, RequestId};
use super::pull::login_command;
use super::writes::read_only;
use crate::swr::model::LoginSecret;

pub use super::dialogs::login::expiry;

/// `L`: asks the service for a temporary login command (in an instance, a temporary
/// credential for its domain).
pub fn login(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    let request = model.requests.issue();
    model.requests.login = Some(request);
    model.say(
        StatusKind::Info,
        "Requesting a temporary docker login command…",
    );
    let kind = match model.session.context.instance_id() {
        None => LoginKind::Shared,
        Some(instance) => LoginKind::Temporary {
            instance: instance.to_string(),
        },
    };
    vec![Cmd::FetchLogin { request, kind }]
}

/// Creates the long-term credential `name`: its secret comes back once, as a login command.
pub fn create_long_term(model: &mut Model, instance: &str, name: &str) -> Cmd {
    let request = model.requests.issue();
    model.requests.login = Some(request);
    model.requests.credential = Some(request);
    model.say(
        StatusKind::Info,
        format!("Creating long-term credential {name}…"),
    );
    let kind = LoginKind::LongTerm {
        instance: instance.to_string(),
        name: name.to_string(),
    };
    Cmd::FetchLogin { request, kind }
}

pub fn login_fetched(
    model: &mut Model,
    request: RequestId,
    result: Result<LoginSecret, ErrorInfo>,
) -> Vec<Cmd> {
    if model.requests.login != Some(request) {
        return Vec::new();
    }
    model.requests.login = None;
    // A created credential is listed whether or not its command could be offered.
    let created = model.requests.credential.take() == Some(request);
    let reload = match (created, model.session.context.instance_id()) {
        (true, Some(instance)) => {
            let instance = instance.to_string();
            vec![super::results::fetch(
                model,
                Fetch::Credentials { instance },
            )]
        }
        _ => Vec::new(),
    };
    offer(model, result);
    reload
}

fn offer(model: &mut Model, result: Result<LoginSecret, ErrorInfo>) {
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
