//! swr-tui: a terminal console for Huawei Cloud SWR.

pub mod app;
pub mod config;
pub mod emulator;
pub mod startup;
pub mod swr;
pub mod tui;
pub mod ui;
pub mod worker;
