//! `L`: a temporary docker login command. The service is asked for it; the dialog says that it
//! holds a credential, and until when, before anything is copied.

use super::dialogs::{Confirm, Guard, Overlay};
use super::model::{Model, StatusKind};
use super::msg::{Cmd, ErrorInfo, RequestId};
use super::pull::login_command;
use super::writes::read_only;
use crate::swr::model::LoginSecret;

pub use super::dialogs::login::expiry;

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
