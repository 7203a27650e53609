//! The system clipboard, kept alive on its own thread for the whole session (on X11 the copied
//! text vanishes when the last handle is dropped), and the OSC 52 escape sequence that asks the
//! terminal itself to copy: it works over SSH and inside tmux (`set-clipboard on`).

use std::sync::mpsc;
use std::thread;

use base64::Engine;
use tokio::sync::oneshot;

/// Terminals cap OSC 52 payloads; beyond this nothing useful gets through.
const OSC52_MAX_BYTES: usize = 74_994;

struct Request {
    text: String,
    done: oneshot::Sender<Result<(), String>>,
}

/// A handle to the clipboard thread.
pub struct SystemClipboard {
    requests: mpsc::Sender<Request>,
}

impl SystemClipboard {
    /// Starts the thread. Where no clipboard exists (no display), every request answers an error.
    pub fn start() -> Self {
        let (requests, incoming) = mpsc::channel::<Request>();
        let spawned = thread::Builder::new()
            .name("clipboard".into())
            .spawn(move || serve(incoming));
        if let Err(e) = spawned {
            tracing::warn!("no clipboard thread: {e}");
        }
        Self { requests }
    }

    pub async fn set(&self, text: String) -> Result<(), String> {
        let (done, answer) = oneshot::channel();
        self.requests
            .send(Request { text, done })
            .map_err(|_| "clipboard unavailable".to_string())?;
        answer
            .await
            .unwrap_or_else(|_| Err("clipboard unavailable".into()))
    }
}

fn serve(incoming: mpsc::Receiver<Request>) {
    let mut clipboard = match arboard::Clipboard::new() {
        Ok(c) => Some(c),
        Err(e) => {
            tracing::info!("no system clipboard ({e}); using the terminal's (OSC 52)");
            None
        }
    };
    for request in incoming {
        let result = match clipboard.as_mut() {
            Some(c) => c.set_text(request.text).map_err(|e| e.to_string()),
            None => Err("no system clipboard".into()),
        };
        let _ = request.done.send(result);
    }
}

/// `ESC ] 52 ; c ; <base64> BEL`, or `None` when the text is too long for terminals to accept.
pub fn osc52(text: &str) -> Option<String> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    (encoded.len() <= OSC52_MAX_BYTES).then(|| format!("\x1b]52;c;{encoded}\x07"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_encodes_and_caps() {
        assert_eq!(osc52("hi").as_deref(), Some("\x1b]52;c;aGk=\x07"));
        assert!(osc52(&"x".repeat(100_000)).is_none());
    }
}
