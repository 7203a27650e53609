//! Configuration: the file, the environment and the flags, resolved into [`Settings`].

pub mod file;
pub mod plain_http;
pub mod settings;

use std::path::PathBuf;

pub use file::{ConfigError, ConfigFile};
pub use plain_http::plain_http_warning;
pub use settings::{Env, Flags, ProcessEnv, Settings, UiSettings, resolve, ui_settings};

/// The environment variable naming the config file.
pub const CONFIG_VAR: &str = "SWR_TUI_CONFIG";

/// `$SWR_TUI_CONFIG`, else `config.toml` in the platform's config directory.
pub fn config_path(env: &dyn Env) -> Option<PathBuf> {
    env.var(CONFIG_VAR).map(PathBuf::from).or_else(|| {
        directories::ProjectDirs::from("", "", "swr-tui")
            .map(|d| d.config_dir().join("config.toml"))
    })
}

/// The config file, and where it was read from: the file `$SWR_TUI_CONFIG` names, which must
/// exist, else `config.toml` in the platform's config directory, where none means defaults.
pub fn load(env: &dyn Env) -> Result<(Option<PathBuf>, ConfigFile), ConfigError> {
    if let Some(named) = env.var(CONFIG_VAR).map(PathBuf::from) {
        let file = file::load_named(&named, CONFIG_VAR)?;
        return Ok((Some(named), file));
    }
    match config_path(env) {
        Some(path) => Ok((Some(path.clone()), file::load(&path)?)),
        None => Ok((None, ConfigFile::default())),
    }
}

/// Where cached IAM tokens go: the platform's cache directory.
pub fn cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "swr-tui").map(|d| d.cache_dir().to_path_buf())
}

/// Where logs go: the platform's data directory.
pub fn log_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "swr-tui").map(|d| d.data_local_dir().to_path_buf())
}
