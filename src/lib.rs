//! swr-tui: a terminal console for Huawei Cloud SWR.

pub mod app;
pub mod emulator;
pub mod swr;
pub mod ui;
