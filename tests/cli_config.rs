//! The binary's configuration commands and its start-up errors, which come before any UI.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_swr-tui");

fn run(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", std::env::temp_dir())
        .env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join("swr-tui-cli-test-data"),
        );
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn config_path_honours_swr_tui_config() {
    let (code, out, _) = run(
        &["config", "path"],
        &[("SWR_TUI_CONFIG", "/etc/swr/custom.toml")],
    );
    assert_eq!((code, out.trim()), (0, "/etc/swr/custom.toml"));
    let (code, out, _) = run(&["config", "path"], &[("XDG_CONFIG_HOME", "/tmp/xdg")]);
    assert_eq!((code, out.trim()), (0, "/tmp/xdg/swr-tui/config.toml"));
}

#[test]
fn config_example_is_a_valid_config() {
    let (code, out, _) = run(&["config", "example"], &[]);
    assert_eq!(code, 0);
    let parsed = swr_tui::config::file::parse(&out, std::path::Path::new("example"))
        .expect("the example parses");
    assert!(parsed.profiles.contains_key("prod"));
    assert!(out.contains("# "), "it is commented");
}

#[test]
fn missing_credentials_are_explained_before_any_ui() {
    let (code, _, err) = run(&[], &[("SWR_TUI_CONFIG", "/nonexistent/config.toml")]);
    assert_eq!(code, 1);
    assert!(
        err.contains("HUAWEICLOUD_SDK_AK") && err.contains("--demo"),
        "{err}"
    );
}

#[test]
fn a_malformed_config_names_the_line() {
    let dir = std::env::temp_dir().join(format!("swr-tui-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    std::fs::write(
        &path,
        "default_profile = \"p\"\n[profiles.p]\nregoin = \"cn-north-4\"\n",
    )
    .unwrap();
    let (code, _, err) = run(&[], &[("SWR_TUI_CONFIG", path.to_str().unwrap())]);
    assert_eq!(code, 1);
    assert!(err.contains("line 3") && err.contains("regoin"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
