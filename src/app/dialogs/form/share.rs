//! The add-share and extend-share forms: with which account a repository is shared, until
//! which day (or for ever), and why. Input is checked here, before anything is sent.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Form, FormField, FormKind, Input, Outcome};
use crate::app::field::Field;
use crate::app::model::Model;
use crate::app::msg::{Fetch, ShareWrite, Write};
use crate::app::writes::send_write;

/// The console's limit for a share's description.
pub const SHARE_DESCRIPTION_MAX: usize = 1_000;
/// Longer than any account name SWR accepts.
const ACCOUNT_MAX: usize = 64;

pub fn add_share(org: &str, repo: &str) -> Form {
    Form::new(
        FormKind::AddShare {
            org: org.into(),
            repo: repo.into(),
        },
        vec![
            text("Account", ""),
            text("Until", "forever"),
            FormField {
                label: "Description",
                input: Input::Multi(Field::multi("")),
            },
        ],
    )
}

/// `until` is the share's last day as drawn (`forever` or `YYYY-MM-DD`).
pub fn extend_share(org: &str, repo: &str, account: &str, until: &str, description: &str) -> Form {
    Form::new(
        FormKind::ExtendShare {
            org: org.into(),
            repo: repo.into(),
            account: account.into(),
        },
        vec![
            text("Until", until),
            FormField {
                label: "Description",
                input: Input::Multi(Field::multi(description)),
            },
        ],
    )
}

fn text(label: &'static str, value: &str) -> FormField {
    FormField {
        label,
        input: Input::Text(Field::single(value)),
    }
}

/// An account name as SWR takes it: letters, digits, `-`, `_` and `.`, starting with a letter.
pub fn account_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("an account name is required".into());
    }
    if name.chars().count() > ACCOUNT_MAX {
        return Err(format!("at most {ACCOUNT_MAX} characters"));
    }
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err("must start with a letter".into());
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "{:?} is not allowed: letters, digits, - _ . only",
            bad
        ));
    }
    Ok(())
}

/// `forever`, or a day from today on, as the wire's deadline (that day's midnight UTC; the
/// share ends when the day is over).
pub fn deadline(text: &str, now: DateTime<Utc>) -> Result<String, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("forever") {
        return Ok("forever".into());
    }
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| "a day as YYYY-MM-DD, or forever".to_string())?;
    if day < now.date_naive() {
        return Err(format!("{day} is in the past"));
    }
    Ok(format!("{day}T00:00:00.000Z"))
}

/// Checks a share form and sends it; `None` when the form is not a share's.
pub(super) fn submit(form: &mut Form, model: &mut Model) -> Option<Outcome> {
    let (org, repo) = match &form.kind {
        FormKind::AddShare { org, repo } | FormKind::ExtendShare { org, repo, .. } => {
            (org.clone(), repo.clone())
        }
        _ => return None,
    };
    let description = form.value("Description");
    if description.chars().count() > SHARE_DESCRIPTION_MAX {
        let why = format!("at most {SHARE_DESCRIPTION_MAX} characters");
        return Some(form.invalid("Description", why));
    }
    let deadline = match deadline(&form.value("Until"), model.now) {
        Ok(d) => d,
        Err(why) => return Some(form.invalid("Until", why)),
    };
    let (change, done) = match &form.kind {
        FormKind::ExtendShare { account, .. } => (
            ShareWrite::Extend {
                account: account.clone(),
                deadline,
                description,
            },
            format!("Changed the share of {org}/{repo} with {account}"),
        ),
        _ => {
            let account = form.value("Account").trim().to_string();
            if let Err(why) = account_name(&account) {
                return Some(form.invalid("Account", why));
            }
            let done = format!("Shared {org}/{repo} with {account}");
            let change = ShareWrite::Add {
                account,
                deadline,
                description,
            };
            (change, done)
        }
    };
    let refresh = Fetch::Shares {
        org: org.clone(),
        repo: repo.clone(),
    };
    let write = Write::Share { org, repo, change };
    Some(Outcome::Done(vec![send_write(model, write, done, refresh)]))
}
