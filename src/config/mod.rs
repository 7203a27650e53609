//! Configuration: the file, the environment and the flags, resolved into [`Settings`].

pub mod file;
pub mod settings;

use std::path::PathBuf;

pub use file::{ConfigError, ConfigFile};
pub use settings::{Env, Flags, ProcessEnv, Settings, resolve};

/// `$SWR_TUI_CONFIG`, else `config.toml` in the platform's config directory.
pub fn config_path(env: &dyn Env) -> Option<PathBuf> {
    env.var("SWR_TUI_CONFIG").map(PathBuf::from).or_else(|| {
        directories::ProjectDirs::from("", "", "swr-tui")
            .map(|d| d.config_dir().join("config.toml"))
    })
}

/// Where cached IAM tokens go: the platform's cache directory.
pub fn cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "swr-tui").map(|d| d.cache_dir().to_path_buf())
}

/// Where logs go: the platform's data directory.
pub fn log_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "swr-tui").map(|d| d.data_local_dir().to_path_buf())
}
