//! The Elm core: `Model` (state), `Msg` (what happens), `update` (the only place state
//! changes, pure) and `Cmd` (effects for the runtime to perform).

pub mod artifact;
pub mod command_line;
pub mod delete;
pub mod detail;
pub mod dialogs;
pub mod digest;
pub mod field;
pub mod format;
pub mod keys;
pub mod layout;
pub mod login;
pub mod marking;
pub mod model;
mod mouse;
pub mod msg;
pub mod multiarch;
pub mod named;
pub mod natural;
pub mod navigation;
pub mod panes;
pub mod platform_layers;
pub mod pull;
pub mod pull_platforms;
pub mod registry;
pub mod resource;
pub mod resources;
pub(crate) mod results;
pub mod retag;
pub mod retention_preview;
pub mod rows;
pub mod shared_pull;
pub mod status;
pub mod switcher;
pub mod sync;
pub mod table;
pub mod text;
pub(crate) mod update;
pub mod writes;

pub use model::{ConfirmDelete, Context, DeleteJob, Model, Overlay, PaneId, Status, StatusKind};
pub use msg::{
    Cmd, CopyMethod, DeletePlace, ErrorInfo, Fetch, Fetched, InstanceWrite, JobId, LoginKind, Msg,
    PermTarget, Removed, RequestId, Rows, SyncWrite, Write,
};
pub use update::{init, update};
