//! The Elm core: `Model` (state), `Msg` (what happens), `update` (the only place state
//! changes, pure) and `Cmd` (effects for the runtime to perform).

pub mod format;
pub mod keys;
pub mod layout;
pub mod model;
pub mod msg;
pub mod pull;
pub mod rows;
pub mod table;
pub mod text;
mod update;

pub use model::{Context, Model, Overlay, PaneId, Status, StatusKind};
pub use msg::{Cmd, CopyMethod, ErrorInfo, Fetch, Fetched, Msg, PermTarget, RequestId};
pub use update::{init, update};
