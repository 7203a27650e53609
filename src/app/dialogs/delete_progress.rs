//! The progress, then the summary, of a delete job (`Model::delete`). While it runs, Esc
//! asks to stop (nothing new starts meanwhile) and `y`/`n` answer; once finished, `r`
//! retries the failures and what closes a view closes it.

use crossterm::event::KeyEvent;

use super::{Outcome, closes};
use crate::app::delete::{ask_stop, launch, stop};
use crate::app::keys::{Action, Layer};
use crate::app::model::Model;
use crate::app::msg::Cmd;

pub fn key(model: &mut Model, key: KeyEvent) -> Outcome {
    let Some(job) = model.jobs.delete.as_mut() else {
        return Outcome::Close;
    };
    if job.finished {
        let action = model.prefs.keymap.action_in(&[Layer::View], key);
        return match action {
            Some(Action::Refresh) if !job.failed.is_empty() => {
                let retry: Vec<String> = job.failed.iter().map(|(t, _)| t.clone()).collect();
                let (place, org, repo) = (job.place.clone(), job.org.clone(), job.repo.clone());
                Outcome::Run(launch(model, place, org, repo, retry))
            }
            Some(Action::Accept) => Outcome::Close,
            _ if closes(action) => Outcome::Close,
            _ => Outcome::Stay,
        };
    }
    let layer = if job.asking_stop {
        Layer::Buttons
    } else {
        Layer::View
    };
    let id = job.id;
    match model.prefs.keymap.action_in(&[layer], key) {
        Some(Action::Back) if !job.stop_requested => Outcome::Run(ask_stop(job, false)),
        Some(Action::Confirm) => Outcome::Run(stop(job)),
        Some(Action::Cancel) => {
            job.asking_stop = false;
            job.quit_after = false;
            Outcome::Run(vec![Cmd::ResumeJob { job: id }])
        }
        Some(Action::Quit) => {
            model.inform("Deleting: Esc asks to stop first; Ctrl-C stops, then quits");
            Outcome::Stay
        }
        _ => Outcome::Stay,
    }
}
