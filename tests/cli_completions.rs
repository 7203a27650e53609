//! Shell completions and the man page, generated from the command line's definition.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_swr-tui");

fn stdout_of(args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn completions_for_each_shell_name_the_program_and_its_flags() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains("swr-tui"), "{shell}:\n{script}");
        for word in [
            "demo",
            "read-only",
            "iam-endpoint",
            "emulator",
            "secret-key-file",
        ] {
            assert!(script.contains(word), "{shell} lacks {word}:\n{script}");
        }
    }
    let bash = stdout_of(&["completions", "bash"]);
    assert!(
        bash.contains("--demo") && bash.contains("complete -F"),
        "{bash}"
    );
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let out = Command::new(BIN)
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bash"));
}

#[test]
fn the_man_page_is_roff_naming_the_flags_and_subcommands() {
    let page = stdout_of(&["man"]);
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{page}");
    assert!(page.contains(".TH swr-tui 1"), "{page}");
    for flag in [
        "demo",
        "profile",
        "region",
        "endpoint",
        "iam\\-endpoint",
        "read\\-only",
        "log\\-level",
    ] {
        assert!(
            page.contains(&format!("\\-\\-{flag}")),
            "lacks --{flag}:\n{page}"
        );
    }
    for sub in ["emulator", "config", "completions", "man"] {
        assert!(page.contains(sub), "lacks {sub}:\n{page}");
    }
}

#[test]
fn help_names_the_completions_and_man_commands() {
    let help = stdout_of(&["--help"]);
    assert!(
        help.contains("completions") && help.contains("man"),
        "{help}"
    );
}
