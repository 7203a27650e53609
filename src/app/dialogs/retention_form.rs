//! The retention rule form: what the rule keeps (the newest N tags, or N days), tags kept by
//! name and by regular expression. SWR applies a rule the moment it is saved and has no dry
//! run, so while it is edited the form previews, from the repository's loaded tags, what the
//! rule would delete (by both readings of "pushed"), highlights those tags in the tag pane, and
//! saving asks first ([`super::retention_confirm`]).

use crossterm::event::KeyEvent;

use super::form::{FormField, Input};
use super::retention_confirm::SaveRetention;
use super::{Confirm, Guard, Outcome, Overlay};
use crate::app::field::Field;
use crate::app::format::{count, grouped, size};
use crate::app::keys::{Action, Layer};
use crate::app::model::Model;
use crate::app::msg::{Cmd, Fetch};
use crate::app::panes::Panes;
use crate::app::resources::{CurrentRule, Highlight};
use crate::app::results::fetch;
use crate::app::retention_preview::{Preview, preview};
use crate::app::table::Load;
use crate::swr::client::retention::{Exceptions, Keep, MAX_DAYS, MAX_NUM, TagSelector};
use crate::swr::validate;

/// The kinds of rule, as the choice shows them.
pub const KINDS: [&str; 2] = ["newest N tags", "N days"];
/// The fields, by position.
pub const KIND: usize = 0;
pub const NUMBER: usize = 1;
pub const LABELS: usize = 2;
pub const REGEXP: usize = 3;
/// What a new rule starts from.
const DEFAULT_NUMBER: &str = "10";
/// More names than this is no longer a list of exceptions.
const LABELS_MAX: usize = 100;

/// The rule as typed, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub keep: Keep,
    pub selectors: Vec<TagSelector>,
}

/// What the preview can say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreviewState {
    /// The repository's tags are loading: how many are there so far.
    LoadingTags {
        received: usize,
        total: Option<usize>,
    },
    /// They did not load (the error, as the pane shows it).
    TagsFailed(String),
    /// The tag pane shows another organization: the tags cannot be loaded from here.
    Elsewhere,
    /// The rule as typed is invalid.
    Invalid,
    Ready(Box<Preview>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionForm {
    pub org: String,
    pub repo: String,
    /// The rule being changed; `None` creates one.
    pub existing: Option<i64>,
    pub fields: Vec<FormField>,
    pub focus: usize,
    initial: Vec<String>,
    /// Showing "discard changes?".
    pub confirm_discard: bool,
    /// The rule, or the field that is wrong and why.
    pub check: Result<Checked, (usize, String)>,
    pub preview: PreviewState,
    /// Why saving did not go on (the tags are still loading).
    pub refusal: Option<String>,
    /// The tag table the preview was computed from: generation, length, loaded.
    computed_for: Option<(u64, usize, bool)>,
}

fn text(label: &'static str, value: &str) -> FormField {
    FormField {
        label,
        input: Input::Text(Field::single(value)),
    }
}

/// The fields of a new rule, or of `existing` as the service holds it.
fn fields(existing: Option<&CurrentRule>) -> Vec<FormField> {
    let keep = existing.and_then(|r| r.rule.keep().ok());
    let (kind, number) = match keep {
        Some(Keep::Newest(n)) => (0, n.to_string()),
        Some(Keep::Days(d)) => (1, d.to_string()),
        None => (0, DEFAULT_NUMBER.to_string()),
    };
    let selectors = existing.map_or(&[][..], |r| r.rule.tag_selectors.as_slice());
    let of_kind = |kind: &str| -> Vec<&str> {
        selectors
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| s.pattern.as_str())
            .collect()
    };
    // One field holds the expressions: several match as one alternation (any keeps a tag).
    let regexps = of_kind("regexp");
    let regexp = match regexps.as_slice() {
        [one] => one.to_string(),
        many => many
            .iter()
            .map(|p| format!("(?:{p})"))
            .collect::<Vec<_>>()
            .join("|"),
    };
    vec![
        FormField {
            label: "Keep",
            input: Input::Choice {
                options: KINDS.iter().map(|k| k.to_string()).collect(),
                index: kind,
            },
        },
        text("Number", &number),
        text("Except tags", &of_kind("label").join(", ")),
        text("Except regexp", &regexp),
    ]
}

/// `c` / `e` on the retention pane: the form for its repository, its tags loading if needed.
pub fn open(model: &mut Model, existing: Option<CurrentRule>) -> Vec<Cmd> {
    let Some((org, repo)) = model.panes.retention_of.target.clone() else {
        return Vec::new();
    };
    let fields = fields(existing.as_ref());
    let mut form = RetentionForm {
        org: org.clone(),
        repo: repo.clone(),
        existing: existing.map(|r| r.id),
        initial: fields.iter().map(|f| value(&f.input)).collect(),
        fields,
        focus: NUMBER,
        confirm_discard: false,
        check: Err((NUMBER, String::new())),
        preview: PreviewState::Invalid,
        refusal: None,
        computed_for: None,
    };
    let cmds = load_tags(model, &org, &repo);
    form.recompute(&mut model.panes, model.now);
    model.overlay = Some(Overlay::RetentionForm(form));
    cmds
}

/// The tags of `org`/`repo` into the tag pane, unless they are there or coming. The tag pane
/// belongs to the open organization: another one's tags are not loaded behind its back.
pub fn load_tags(model: &mut Model, org: &str, repo: &str) -> Vec<Cmd> {
    if model.panes.org.as_deref() != Some(org) {
        return Vec::new();
    }
    let here = model.panes.repo.as_deref() == Some(repo);
    let coming = matches!(model.panes.tags.load, Load::Loaded | Load::Loading { .. });
    if here && coming {
        return Vec::new();
    }
    if !here {
        model.panes.tags.clear();
        model.panes.repo = Some(repo.to_string());
    }
    let what = Fetch::Tags {
        org: org.into(),
        repo: repo.into(),
    };
    vec![fetch(model, what)]
}

/// After every message: the open form's preview follows the tags as they load or reload
/// (cheap unless the tag table changed).
pub fn follow_tags(model: &mut Model) {
    let Some(Overlay::RetentionForm(form)) = &mut model.overlay else {
        return;
    };
    if form.computed_for != Some(tags_key(&model.panes)) {
        form.recompute(&mut model.panes, model.now);
    }
}

fn tags_key(panes: &Panes) -> (u64, usize, bool) {
    let tags = &panes.tags;
    (tags.generation(), tags.len(), tags.load == Load::Loaded)
}

fn value(input: &Input) -> String {
    match input {
        Input::Text(f) | Input::Multi(f) => f.text(),
        Input::Toggle(b) => b.to_string(),
        Input::Choice { index, .. } => index.to_string(),
    }
}

/// The number: how many tags, or days.
fn number(text: &str, days: bool) -> Result<u32, String> {
    let (max, what) = match days {
        true => (MAX_DAYS, "days"),
        false => (MAX_NUM, "tags"),
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("how many {what}: 1 to {max}"));
    }
    match text.parse::<u32>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        Ok(_) => Err(format!("1 to {max} {what}")),
        Err(_) => Err(format!("a whole number of {what}, 1 to {max}")),
    }
}

/// Comma-separated exact tag names.
fn labels(text: &str) -> Result<Vec<TagSelector>, String> {
    let names: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    if names.len() > LABELS_MAX {
        return Err(format!("at most {LABELS_MAX} tag names"));
    }
    names
        .into_iter()
        .map(|name| {
            validate::tag_name(name).map_err(|why| format!("{name}: {why}"))?;
            Ok(TagSelector {
                kind: "label".into(),
                pattern: name.into(),
            })
        })
        .collect()
}

/// Every field checked: the rule, or the first wrong field and why.
pub fn check(fields: &[FormField]) -> Result<Checked, (usize, String)> {
    let text = |i: usize| fields.get(i).map(|f| value(&f.input)).unwrap_or_default();
    let days = matches!(
        fields.get(KIND),
        Some(FormField {
            input: Input::Choice { index: 1, .. },
            ..
        })
    );
    let n = number(&text(NUMBER), days).map_err(|why| (NUMBER, why))?;
    let keep = if days { Keep::Days(n) } else { Keep::Newest(n) };
    let mut selectors = labels(&text(LABELS)).map_err(|why| (LABELS, why))?;
    let pattern = text(REGEXP).trim().to_string();
    if !pattern.is_empty() {
        let selector = TagSelector {
            kind: "regexp".into(),
            pattern,
        };
        Exceptions::compile(std::slice::from_ref(&selector)).map_err(|why| (REGEXP, why))?;
        selectors.push(selector);
    }
    Ok(Checked { keep, selectors })
}

impl RetentionForm {
    pub fn title(&self) -> String {
        let verb = match self.existing {
            Some(_) => "Change",
            None => "Create",
        };
        format!("{verb} the retention rule of {}/{}", self.org, self.repo)
    }

    pub fn changed(&self) -> bool {
        self.values() != self.initial
    }

    fn values(&self) -> Vec<String> {
        self.fields.iter().map(|f| value(&f.input)).collect()
    }

    /// The field with an error, and the error.
    pub fn error(&self) -> Option<(usize, &str)> {
        self.check.as_ref().err().map(|(i, why)| (*i, why.as_str()))
    }

    /// Whether Ctrl-S would go on to the confirmation.
    pub fn can_save(&self) -> bool {
        self.check.is_ok() && matches!(self.preview, PreviewState::Ready(_))
    }

    /// The preview, in words: what the form shows under its fields.
    pub fn preview_lines(&self) -> Vec<String> {
        let disabled = "; saving is disabled until then";
        match &self.preview {
            PreviewState::LoadingTags { received, total } => {
                let of = total.map_or_else(String::new, |t| format!(" of {}", grouped(t)));
                vec![format!("loading tags… ({}{of})", grouped(*received))]
            }
            PreviewState::TagsFailed(why) => vec![format!(
                "the tags did not load ({}): r in the tag pane retries{disabled}",
                crate::app::text::sanitize(why)
            )],
            PreviewState::Elsewhere => vec![format!(
                "open the tags of {}/{} to preview the rule{disabled}",
                self.org, self.repo
            )],
            PreviewState::Invalid => vec![format!("fix the rule to see what it deletes{disabled}")],
            PreviewState::Ready(p) => ready_lines(p),
        }
    }

    /// Checks the input and previews it against the tag pane's rows, as they are (no copy):
    /// one O(N log N) pass per edit. The tags it would delete are highlighted.
    fn recompute(&mut self, panes: &mut Panes, now: chrono::DateTime<chrono::Utc>) {
        self.check = check(&self.fields);
        self.computed_for = Some(tags_key(panes));
        let tags = &panes.tags;
        let here = panes.org.as_deref() == Some(self.org.as_str())
            && panes.repo.as_deref() == Some(self.repo.as_str());
        self.preview = match (&self.check, &tags.load) {
            _ if !here => PreviewState::Elsewhere,
            (_, Load::Failed(why)) => PreviewState::TagsFailed(why.clone()),
            (_, Load::Loading { .. } | Load::Idle) => PreviewState::LoadingTags {
                received: tags.progress().map_or(0, |p| p.received),
                total: tags.progress().and_then(|p| p.total),
            },
            (Err(_), Load::Loaded) => PreviewState::Invalid,
            (Ok(rule), Load::Loaded) => {
                // Checked above: the exceptions compile.
                let exceptions = Exceptions::compile(&rule.selectors).unwrap_or_default();
                let p = preview(tags.rows(), rule.keep, &exceptions, now);
                PreviewState::Ready(Box::new(p))
            }
        };
        panes.retention_of.highlight = match &self.preview {
            // A tag either reading deletes: the highlight errs toward more, never fewer.
            PreviewState::Ready(p) => Highlight::of(
                tags.generation(),
                tags.len(),
                p.by_updated
                    .deleted
                    .iter()
                    .chain(&p.by_created.deleted)
                    .copied(),
            ),
            _ => Highlight::default(),
        };
    }

    pub fn key(&mut self, model: &mut Model, key: KeyEvent) -> Outcome {
        if self.confirm_discard {
            if model.prefs.keymap.action_in(&[Layer::Buttons], key) == Some(Action::Confirm) {
                return close(model);
            }
            self.confirm_discard = false;
            return Outcome::Stay;
        }
        let count = self.fields.len().max(1);
        let layers: &[Layer] = match self.fields.get(self.focus).map(|f| &f.input) {
            Some(Input::Text(_) | Input::Multi(_)) => &[Layer::Text],
            _ => &[Layer::Text, Layer::Choice],
        };
        match model.prefs.keymap.action_in(layers, key) {
            Some(Action::Save | Action::Accept) => return self.save(model),
            Some(Action::Cancel) if self.changed() => self.confirm_discard = true,
            Some(Action::Cancel) => return close(model),
            Some(Action::NextField) => self.focus = (self.focus + 1) % count,
            Some(Action::PrevField) => self.focus = (self.focus + count - 1) % count,
            action => {
                let before = self.values();
                self.edit_focused(action, key);
                if self.values() != before {
                    self.refusal = None;
                    self.recompute(&mut model.panes, model.now);
                }
            }
        }
        Outcome::Stay
    }

    fn edit_focused(&mut self, action: Option<Action>, key: KeyEvent) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        // Errors here are recomputed from the inputs, so whether the text changed does not matter.
        field.input.edit(action, key);
    }

    /// Pasted text goes into the focused text field; the preview follows after the message
    /// (see [`follow_tags`]).
    pub fn paste(&mut self, text: &str) {
        if let Some(FormField {
            input: Input::Text(f),
            ..
        }) = self.fields.get_mut(self.focus)
        {
            f.paste(text);
            self.computed_for = None;
        }
    }

    /// Ctrl-S: the confirmation, which says what SWR deletes at once; or why not yet.
    fn save(&mut self, model: &mut Model) -> Outcome {
        let (rule, preview) = match (&self.check, &self.preview) {
            (Err((field, _)), _) => {
                self.focus = *field;
                return Outcome::Stay;
            }
            (Ok(rule), PreviewState::Ready(p)) => (rule.clone(), p),
            (Ok(_), _) => {
                self.refusal = Some(
                    "Not saved: SWR applies the rule at once, so the preview must be ready".into(),
                );
                return Outcome::Stay;
            }
        };
        let subject = SaveRetention::new(self, &model.panes, rule, preview);
        let dialog = Confirm::new(subject, Guard::Plain);
        Outcome::Replace(Box::new(Overlay::SaveRetention(dialog)), Vec::new())
    }
}

/// "would delete K of N tags (X) by updated time; K2 by created time", what it keeps, and the
/// tags that only lose a name (their image stays with a kept tag).
fn ready_lines(p: &Preview) -> Vec<String> {
    let (updated, created) = (&p.by_updated, &p.by_created);
    let mut lines = vec![format!(
        "would delete {} of {} tags ({}) by updated time; {} by created time",
        updated.deleted.len(),
        p.total,
        size(updated.bytes),
        created.deleted.len()
    )];
    let mut keeps = format!(
        "keeps {}",
        count(p.total - updated.deleted.len(), "tag", "tags")
    );
    if p.exceptions > 0 {
        keeps.push_str(&format!(" ({} by exception)", p.exceptions));
    }
    lines.push(keeps);
    let shared = updated.shared_digest.len();
    if shared > 0 {
        lines.push(format!(
            "{shared} of them share a digest with a kept tag (the image stays)"
        ));
    }
    lines
}

/// The form goes away: so do its highlights.
fn close(model: &mut Model) -> Outcome {
    model.panes.retention_of.highlight = Highlight::default();
    Outcome::Close
}
