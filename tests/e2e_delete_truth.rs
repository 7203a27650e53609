//! End to end: batch deletes against a failing, throttling or slow emulator. The summary's
//! numbers are checked against the registry over the API: "failed" are exactly the marked tags
//! still there; throttling fails nothing; the stop question pauses the job.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use support::tmux::{EmulatorProcess, RegistryApi, Tmux, available};

const ORG: &str = "platform";
const REPO: &str = "tools/ci/runner";
/// `build-23`, `build-230`…`build-239`, `build-2300`…`build-2399`: 111 tags.
const FILTER: &str = "build-23";

/// Opens the runner's tags, filters them to the 111 and marks them all.
fn open_and_mark(t: &Tmux) {
    t.open_demo_runner();
    t.keys(&["/"]);
    t.type_text(FILTER);
    t.keys(&["Enter"]);
    t.wait_for(&format!("Tags (111/2401) /{FILTER}"));
    t.keys(&["a"]);
    t.wait_for("[111 marked]");
}

fn marked(api: &RegistryApi) -> BTreeSet<String> {
    api.tags(ORG, REPO)
        .into_iter()
        .filter(|t| t.contains(FILTER))
        .collect()
}

/// The number after `word ` in the progress dialog's counts line.
fn count(screen: &str, word: &str) -> usize {
    let line = screen
        .lines()
        .find(|l| l.contains("deleted ") && l.contains("failed "))
        .unwrap_or_else(|| panic!("no counts line:\n{screen}"));
    let after = line
        .split(&format!("{word} "))
        .nth(1)
        .unwrap_or_else(|| panic!("no {word:?} in {line:?}"));
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits
        .replace(',', "")
        .parse()
        .unwrap_or_else(|_| panic!("{line:?}"))
}

/// Waits up to `secs` for `text`.
fn wait_long(t: &Tmux, text: &str, secs: u64) -> String {
    let start = std::time::Instant::now();
    loop {
        let screen = t.screen();
        if screen.contains(text) {
            return screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(secs),
            "waited for {text:?}:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn with_failing_deletes_the_summary_counts_what_the_registry_holds() {
    if !available() {
        return;
    }
    // Half the deletes fail, half of those after the tag went.
    let emu = EmulatorProcess::start(&["--fail-rate", "0.5", "--fail-methods", "DELETE"]);
    let api = RegistryApi::new(&emu);
    let t = Tmux::start("delete-truth", &emu, "", 100, 30);
    open_and_mark(&t);
    t.keys(&["d"]);
    t.wait_for("Delete 111 tags?");
    t.keys(&["y"]);
    let mut summary = wait_long(&t, "Delete finished", 60);
    for round in 0..5 {
        let failed = count(&summary, "failed");
        let present = marked(&api);
        assert_eq!(
            failed,
            present.len(),
            "round {round}: failed = marked tags still there ({present:?}):\n{summary}"
        );
        assert_eq!(
            count(&summary, "deleted") + failed,
            count(&summary, "total")
        );
        if failed == 0 {
            break;
        }
        // `r` retries the failures: those the registry no longer holds are successes.
        t.keys(&["r"]);
        std::thread::sleep(Duration::from_millis(300));
        summary = wait_long(&t, "Delete finished", 60);
    }
    assert!(
        marked(&api).is_empty(),
        "retries ended with every marked tag gone"
    );
    t.keys(&["Enter", "q"]);
    assert_eq!(t.exit_status(), 0);
}

#[test]
fn under_throttling_a_batch_fails_nothing() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&["--rate-limit", "20"]);
    let api = RegistryApi::new(&emu);
    let t = Tmux::start("delete-throttled", &emu, "", 100, 30);
    open_and_mark(&t);
    t.keys(&["d"]);
    t.wait_for("Delete 111 tags?");
    t.keys(&["y"]);
    let summary = wait_long(&t, "Delete finished", 90);
    assert_eq!(count(&summary, "failed"), 0, "{summary}");
    assert_eq!(count(&summary, "deleted"), 111, "{summary}");
    assert!(marked(&api).is_empty());
    t.keys(&["Enter", "q"]);
    assert_eq!(t.exit_status(), 0);
}

#[test]
fn the_stop_question_pauses_deleting_until_answered() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&["--latency-ms", "300"]);
    let api = RegistryApi::new(&emu);
    let t = Tmux::start("delete-pause", &emu, "", 100, 30);
    open_and_mark(&t);
    t.keys(&["d"]);
    t.wait_for("Delete 111 tags?");
    t.keys(&["y"]);
    t.wait_for("Deleting tags");
    t.keys(&["Escape"]);
    t.wait_for("Stop deleting?");
    // Requests in flight finish; then nothing moves while the question is open.
    std::thread::sleep(Duration::from_millis(800));
    let paused = marked(&api).len();
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(marked(&api).len(), paused, "no delete started while asking");
    assert!(paused > 0, "the job had not ended before the question");
    // No: it goes on.
    t.keys(&["n"]);
    t.wait_for("Deleting tags");
    std::thread::sleep(Duration::from_millis(800));
    let going = marked(&api).len();
    assert!(
        going < paused,
        "deleting went on after n ({going} vs {paused})"
    );
    // Yes: it stops; the summary's count is what went.
    t.keys(&["Escape"]);
    t.wait_for("Stop deleting?");
    t.keys(&["y"]);
    let summary = wait_long(&t, "Delete finished", 30);
    let left = marked(&api).len();
    assert_eq!(count(&summary, "deleted"), 111 - left, "{summary}");
    assert!(left > 0, "stopping left some tags:\n{summary}");
    t.keys(&["Enter", "q"]);
    assert_eq!(t.exit_status(), 0);
}
