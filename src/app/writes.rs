//! Changing the registry: the read-only guard every write passes, and sending a write with
//! what to say and reload when it is done. What `c`, `e` and `d` open is each resource kind's
//! (`app::resources`); the dialogs live in `app::dialogs`.

use super::model::{Model, PendingWrite, StatusKind};
use super::msg::{Cmd, Fetch, Write};

/// True, and said, when the session may not change anything.
pub fn read_only(model: &mut Model) -> bool {
    if model.session.context.read_only {
        model.say(
            StatusKind::Error,
            "Read-only: changes are disabled (--read-only or the profile's read_only)",
        );
    }
    model.session.context.read_only
}

/// `e` where there is nothing to edit: says what to do instead.
pub fn nothing_to_edit(model: &mut Model, why: &'static str) -> Vec<Cmd> {
    if !read_only(model) {
        model.say(StatusKind::Info, why);
    }
    Vec::new()
}

/// Sends a write and remembers what to say and reload when it succeeds.
pub fn send_write(model: &mut Model, write: Write, done: String, refresh: Fetch) -> Cmd {
    send_write_reloading(model, write, done, refresh, None)
}

/// Like [`send_write`], reloading a second list too.
pub fn send_write_reloading(
    model: &mut Model,
    write: Write,
    done: String,
    refresh: Fetch,
    also: Option<Fetch>,
) -> Cmd {
    let request = model.requests.next;
    model.requests.next += 1;
    model.jobs.write = Some(PendingWrite {
        request,
        done,
        refresh,
        retag: None,
        batch: write.is_batch(),
        also,
    });
    model.inform("Saving…");
    Cmd::Write { request, write }
}
