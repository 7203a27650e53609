//! Test support, one tree for every test crate: each test file declares `mod support;` and
//! takes what it needs.
//!
//! - [`app`]: models built through `update()` with data loaded, key presses, answers;
//! - [`screen`]: drawing into a test terminal, reading it back, snapshots;
//! - [`emulator`]: the client against an in-process emulator;
//! - [`instance`]: models in an enterprise-edition session;
//! - [`retention`]: models at a shared-edition repository's retention rule and its form;
//! - [`instance_retention`]: models at an instance namespace's retention policies and dry run;
//! - [`hostile`]: a server that lies, and the product driven against it;
//! - [`signed`]: raw signed requests to an in-process emulator, for its wire details;
//! - [`traces`]: every tracing event of the process, for tests of what is never logged;
//! - [`tmux`]: the real binary in a private tmux server;
//! - [`sync`]: models on the sync panes and dialogs;
//! - [`actions`]: what a user does to a tag list, for property tests.

// Every test crate compiles the whole tree and uses a part of it.
#![allow(dead_code, unused_imports)]

pub mod actions;
pub mod app;
pub mod emulator;
pub mod hostile;
pub mod instance;
pub mod instance_retention;
pub mod retention;
pub mod screen;
pub mod signed;
pub mod sync;
pub mod tmux;
pub mod traces;

pub use app::*;
pub use retention::*;
pub use screen::*;

pub use chrono::{DateTime, Utc};
pub use crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
pub use ratatui::buffer::Buffer;
pub use ratatui::layout::Rect;
pub use swr_tui::app::layout;
pub use swr_tui::app::table::Load;
pub use swr_tui::app::{
    Cmd, Context, CopyMethod, ErrorInfo, Fetch, Fetched, JobId, Model, Msg, Overlay, PaneId,
    PermTarget, StatusKind, init, update,
};
pub use swr_tui::swr::model::{AccessInfo, Namespace, RepoV2, Tag, UserAuth};
